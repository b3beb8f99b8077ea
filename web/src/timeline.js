// The timeline: events per day (or per few days when the span is long), stacked by type, on a
// canvas; drag to select a range (it filters the map and the list), double-click to clear.
import { typeColor, TYPE_ORDER } from "./colors.js";

const DAY_MS = 86400000;
export function dayToIso(d) { return new Date(d * DAY_MS).toISOString().slice(0, 10); }
export function isoToDay(s) { return Math.floor(Date.parse(s + "T00:00:00Z") / DAY_MS); }

export class Timeline {
  constructor(canvas, { onRange }) {
    this.canvas = canvas;
    this.onRange = onRange;
    this.range = null;
    this.drag = null;
    this.bins = [];
    canvas.addEventListener("mousedown", (e) => { this.drag = { x0: this.xOf(e), x1: this.xOf(e) }; this.paint(); });
    window.addEventListener("mousemove", (e) => { if (this.drag) { this.drag.x1 = this.xOf(e); this.paint(); } });
    window.addEventListener("mouseup", () => {
      if (!this.drag) return;
      const { x0, x1 } = this.drag;
      this.drag = null;
      if (Math.abs(x1 - x0) < 3) { this.paint(); return; }
      const a = this.dayAt(Math.min(x0, x1)), b = this.dayAt(Math.max(x0, x1));
      this.setRange([a, b], true);
    });
    canvas.addEventListener("dblclick", () => this.setRange(null, true));
    new ResizeObserver(() => this.paint()).observe(canvas);
  }

  xOf(e) { const r = this.canvas.getBoundingClientRect(); return Math.max(0, Math.min(r.width, e.clientX - r.left)); }

  dayAt(x) {
    const w = this.canvas.clientWidth - 2 * this.pad;
    const f = Math.max(0, Math.min(1, (x - this.pad) / Math.max(1, w)));
    return Math.round(this.d0 + f * (this.d1 - this.d0));
  }

  setRange(r, notify) {
    this.range = r;
    this.paint();
    if (notify) this.onRange?.(r);
  }

  /** Data: day numbers and type names of the events (dated ones are counted). */
  setData(days, typeIdx, types) {
    let d0 = Infinity, d1 = -Infinity;
    for (const d of days) if (d >= 0) { if (d < d0) d0 = d; if (d > d1) d1 = d; }
    this.empty = d0 === Infinity;
    if (this.empty) { d0 = d1 = Math.floor(Date.now() / DAY_MS); }
    if (d1 - d0 < 6) { d0 -= 3; d1 += 3; }
    this.d0 = d0; this.d1 = d1;
    this.days = days; this.typeIdx = typeIdx; this.types = types;
    this.paint();
  }

  paint() {
    const c = this.canvas, dpr = window.devicePixelRatio || 1;
    const W = c.clientWidth, H = c.clientHeight;
    if (!W || !H) return;
    if (c.width !== Math.round(W * dpr)) c.width = Math.round(W * dpr);
    if (c.height !== Math.round(H * dpr)) c.height = Math.round(H * dpr);
    const g = c.getContext("2d");
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, W, H);
    this.pad = 8;
    const axis = 16, plotH = H - axis - 4, plotW = W - 2 * this.pad;
    if (!this.days) return;
    const span = this.d1 - this.d0 + 1;
    const per = Math.max(1, Math.ceil(span / Math.max(1, plotW / 3)));  // days per bar: bars >= 3 px
    const nb = Math.ceil(span / per);
    const nt = this.types.length;
    const counts = new Float64Array(nb * nt);
    for (let i = 0; i < this.days.length; i++) {
      const d = this.days[i];
      if (d < 0) continue;
      counts[Math.floor((d - this.d0) / per) * nt + this.typeIdx[i]] += 1;
    }
    let max = 1;
    for (let b = 0; b < nb; b++) { let s = 0; for (let k = 0; k < nt; k++) s += counts[b * nt + k]; if (s > max) max = s; }
    this.per = per; this.max = max;
    const bw = plotW / nb;
    const order = this.types.map((tn, k) => k).sort((a, b) => TYPE_ORDER.indexOf(this.types[a]) - TYPE_ORDER.indexOf(this.types[b]));
    const inRange = (d) => !this.range || (d >= this.range[0] && d <= this.range[1]);
    for (let b = 0; b < nb; b++) {
      let y = plotH;
      const day = this.d0 + b * per;
      g.globalAlpha = inRange(day) ? 1 : 0.3;
      for (const k of order) {
        const v = counts[b * nt + k];
        if (!v) continue;
        const h = (v / max) * (plotH - 4);
        g.fillStyle = typeColor(this.types[k]);
        g.fillRect(this.pad + b * bw, y - h, Math.max(1, bw - (bw > 3 ? 1 : 0)), h);
        y -= h;
      }
    }
    g.globalAlpha = 1;
    // axis: first, last and a few dates between
    g.fillStyle = "#55606a"; g.font = "11px system-ui, sans-serif"; g.textBaseline = "top";
    g.fillRect(this.pad, plotH, plotW, 1);
    const ticks = Math.max(2, Math.min(8, Math.floor(plotW / 110)));
    for (let i = 0; i <= ticks; i++) {
      const d = Math.round(this.d0 + (i / ticks) * (this.d1 - this.d0));
      const x = this.pad + (i / ticks) * plotW;
      g.textAlign = i === 0 ? "left" : i === ticks ? "right" : "center";
      g.fillText(dayToIso(d), x, plotH + 3);
    }
    g.textAlign = "left";
    g.fillText(String(Math.round(max)), this.pad + 2, 2);
    // selection
    const sel = this.drag ? [Math.min(this.drag.x0, this.drag.x1), Math.max(this.drag.x0, this.drag.x1)]
      : this.range ? [this.xOfDay(this.range[0]), this.xOfDay(this.range[1] + 1)] : null;
    if (sel) {
      g.fillStyle = "rgba(232,176,75,0.25)"; g.strokeStyle = "#c98a16";
      g.fillRect(sel[0], 0, sel[1] - sel[0], plotH);
      g.strokeRect(sel[0] + 0.5, 0.5, sel[1] - sel[0] - 1, plotH - 1);
    }
  }

  xOfDay(d) {
    const plotW = this.canvas.clientWidth - 2 * this.pad;
    return this.pad + ((d - this.d0) / (this.d1 - this.d0 + 1)) * plotW;
  }
}
