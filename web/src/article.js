// The article view: the verbatim text, right-to-left, with what rasd read marked from offsets.
// The DOM is built from text nodes split at annotation boundaries; article text never passes
// through innerHTML, so markup in an article (<script>, <img onerror>) shows as text.
import { el, clear } from "./dom.js";
import { t, typeLabel, countryName } from "./i18n.js";

// Layer order: outer to inner when annotations nest.
const KIND_RANK = { evidence: 0, quote: 1, speaker: 2, trigger: 3, actor: 4, place: 5, entity: 6, date: 7, figure: 8 };

function fmtNumber(v) {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** Annotations of an article (and of one selected event) as {start, end, kind, cls, lines}. */
export function annotations(article, event) {
  const out = [];
  const add = (a, kind, cls, lines) => {
    if (a && Number.isInteger(a.start) && Number.isInteger(a.end) && a.end > a.start) {
      out.push({ start: a.start, end: a.end, kind, cls, lines: lines.filter(Boolean) });
    }
  };
  for (const e of article.entities || []) {
    add(e, "entity", "hl-ent hl-ent-" + (["PERS", "ORG", "LOC", "MISC"].includes(e.label) ? e.label : "MISC"), [
      `${t("l_" + (["PERS", "ORG", "LOC", "MISC"].includes(e.label) ? e.label : "MISC"))} · ${e.label}`,
      e.canonical && e.canonical !== e.text ? `→ ${e.canonical}` : null,
      e.role ? `${e.role}` : null,
      `${e.source || ""} · ${t("confidence")} ${fmtNumber(e.confidence ?? 1)}`,
    ]);
  }
  for (const p of article.places || []) {
    add(p, "place", "hl-place", [
      `${t("l_place")}: ${p.name || p.text}${p.name_en ? " / " + p.name_en : ""}`,
      p.country_code ? `${countryName(p.country_code)}${p.admin1 ? " · " + p.admin1 : ""}${p.kind ? " · " + p.kind : ""}` : null,
      p.lat != null && p.lon != null ? `${fmtNumber(p.lat)}, ${fmtNumber(p.lon)}` : null,
      p.geo_precision ? `${t("geo_precision")} ${p.geo_precision}` : null,
      p.relation ? `${p.relation}` : null,
      p.unresolved_reason ? `? ${p.unresolved_reason}` : null,
    ]);
  }
  for (const d of article.dates || []) {
    add(d, "date", "hl-date", [
      `${t("l_date")}: ${d.value || "?"}${d.end_value ? " … " + d.end_value : ""}`,
      `${t("precision")}: ${d.precision}${d.relative ? " · relative" : ""}${d.calendar && d.calendar !== "gregorian" ? " · " + d.calendar : ""}`,
    ]);
  }
  for (const f of article.figures || []) {
    add(f, "figure", "hl-figure", [
      `${t("l_figure")}: ${fmtNumber(f.value)} · ${f.kind}${f.unit ? " (" + f.unit + ")" : ""}`,
      f.qualifier || f.approximate ? `${f.qualifier || ""}${f.approximate ? " ≈" : ""}` : null,
      f.counted ? `→ ${f.counted.text}` : null,
    ]);
  }
  for (const q of article.quotes || []) {
    const sp = q.speaker;
    add(q, "quote", "hl-quote", [
      `${t("l_quote")} (${q.kind})`,
      sp ? `${t("l_speaker")}: ${sp.name || sp.text}${sp.role ? " · " + sp.role : ""}` : null,
      q.channel ? `${q.channel}` : null,
    ]);
    if (sp) add(sp, "speaker", "hl-speaker", [`${t("l_speaker")}: ${sp.name || sp.text}`, sp.role, sp.kind]);
  }
  if (event) {
    for (const sp of mergeSpans(event.evidence || [])) {
      add(sp, "evidence", "hl-evidence", [`${t("l_evidence")}: ${typeLabel(event.type)}`,
        event.event_type ? `ACLED: ${event.event_type}${event.sub_event_type ? " / " + event.sub_event_type : ""}` : null]);
    }
    add(event.trigger, "trigger", "hl-trigger", [`${t("l_trigger")}: ${typeLabel(event.type)}${event.mode ? " · " + event.mode : ""}`]);
    for (const a of event.actors || []) {
      add(a, "actor", "hl-actor", [`${t("l_actor")} (${a.role}): ${a.name || a.text}`,
        a.name_en ? a.name_en : null, a.inter ? `inter ${a.inter}` : null]);
    }
  }
  return out;
}

function mergeSpans(spans) {
  const s = spans.filter((x) => x && x.end > x.start).map((x) => ({ start: x.start, end: x.end }))
    .sort((a, b) => a.start - b.start);
  const out = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push(x);
  }
  return out;
}

/**
 * Render ``text`` with annotations into ``container``: a segment per stretch between boundaries,
 * wrapped in one span per covering annotation (outer to inner by kind).  Returns the list of
 * annotations; the innermost span of a segment carries ``data-anns`` (indexes) for the tooltip.
 */
export function markText(container, text, anns) {
  clear(container);
  const n = text.length;
  const cuts = new Set([0, n]);
  for (const a of anns) {
    a.start = Math.max(0, Math.min(n, a.start));
    a.end = Math.max(0, Math.min(n, a.end));
    cuts.add(a.start); cuts.add(a.end);
  }
  const bounds = [...cuts].sort((x, y) => x - y);
  // Sweep: annotations sorted by start; an active list updated at each boundary.
  const order = anns.map((a, i) => i).sort((i, j) => anns[i].start - anns[j].start);
  let next = 0;
  let active = [];
  const frag = document.createDocumentFragment();
  for (let b = 0; b < bounds.length - 1; b++) {
    const a0 = bounds[b], a1 = bounds[b + 1];
    if (a1 <= a0) continue;
    while (next < order.length && anns[order[next]].start <= a0) active.push(order[next++]);
    active = active.filter((i) => anns[i].end > a0);
    const cover = active.filter((i) => anns[i].start <= a0 && anns[i].end >= a1)
      .sort((i, j) => (KIND_RANK[anns[i].kind] - KIND_RANK[anns[j].kind]) ||
        ((anns[j].end - anns[j].start) - (anns[i].end - anns[i].start)));
    let node = document.createTextNode(text.slice(a0, a1));
    if (cover.length) {
      for (let k = cover.length - 1; k >= 0; k--) {
        const a = anns[cover[k]];
        const span = document.createElement("span");
        span.className = a.cls;
        if (k === cover.length - 1) span.dataset.anns = cover.join(",");
        span.appendChild(node);
        node = span;
      }
    }
    frag.appendChild(node);
  }
  container.appendChild(frag);
  return anns;
}

const LEGEND = [
  ["evidence", "hl-evidence"], ["trigger", "hl-trigger"], ["actor", "hl-actor"], ["PERS", "hl-ent hl-ent-PERS"],
  ["ORG", "hl-ent hl-ent-ORG"], ["MISC", "hl-ent hl-ent-MISC"], ["place", "hl-place"], ["date", "hl-date"],
  ["figure", "hl-figure"], ["quote", "hl-quote"], ["speaker", "hl-speaker"],
];

/** The article view: a legend and the marked-up text (dir=rtl), with tooltips. */
export function renderArticle(container, article, event) {
  clear(container);
  const anns = annotations(article, event);
  const kinds = new Set(anns.map((a) => a.cls));
  const legend = el("div", { class: "art-legend" });
  for (const [key, cls] of LEGEND) {
    if (![...kinds].some((k) => k === cls)) continue;
    legend.append(el("span", { class: "lg " + cls, text: t("l_" + key) }));
  }
  const head = el("div", { class: "art-head" }, el("h3", { text: article.title || t("article") }));
  const body = el("div", { class: "article-text", dir: "rtl", lang: "ar", id: container.id + "-text" });
  markText(body, article.text || "", anns);
  body._anns = anns;
  container.append(head, legend, body);
  const first = body.querySelector(".hl-evidence");
  if (first) requestAnimationFrame(() => first.scrollIntoView({ block: "center", behavior: "instant" }));
  return body;
}

/** One tooltip for all article views: what rasd read at the hovered characters. */
export function installTooltip() {
  const tip = document.getElementById("tip");
  const show = (target, x, y) => {
    const host = target.closest(".article-text");
    const span = target.closest("[data-anns]");
    if (!host || !span || !host._anns) { tip.hidden = true; return; }
    clear(tip);
    for (const i of span.dataset.anns.split(",")) {
      const a = host._anns[Number(i)];
      if (!a) continue;
      const box = el("div", { class: "tip-item k-" + a.kind });
      for (const line of a.lines.length ? a.lines : [a.kind]) box.append(el("div", { dir: "auto", text: line }));
      tip.append(box);
    }
    tip.hidden = false;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(window.innerWidth - w - 4, x + 12)) + "px";
    tip.style.top = (y + 16 + h > window.innerHeight ? y - h - 8 : y + 16) + "px";
  };
  document.addEventListener("mouseover", (ev) => show(ev.target, ev.clientX, ev.clientY));
  document.addEventListener("mousemove", (ev) => { if (!tip.hidden) show(ev.target, ev.clientX, ev.clientY); });
  document.addEventListener("scroll", () => { tip.hidden = true; }, true);
}
