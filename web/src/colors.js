// One colour per PLOVER type: reds/oranges for material conflict, purples for verbal conflict,
// blues/greens for cooperation.
export const TYPE_COLORS = {
  ASSAULT: "#d62728", COERCE: "#ff7f0e", MOBILIZE: "#b8860b", THREATEN: "#e377c2", SANCTION: "#8c564b",
  PROTEST: "#9467bd", ACCUSE: "#c51b7d", REJECT: "#7b3294",
  REQUEST: "#17becf", RETREAT: "#7f7f7f", AID: "#2ca02c", COOPERATE: "#1f77b4", CONCEDE: "#bcbd22",
  SUPPORT: "#4daf4a", CONSULT: "#377eb8", AGREE: "#00838f",
};
export const TYPE_ORDER = Object.keys(TYPE_COLORS);
export function typeColor(t) { return TYPE_COLORS[t] || "#555"; }
