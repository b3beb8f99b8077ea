// rasd dashboard: filters → /api/points (map + timeline) and /api/events (list); an event opens
// its card and the article with the evidence highlighted; #/try reads a pasted article.
import { el, clear, safeLink } from "./dom.js";
import { t, getLang, setLang, applyStatic, typeLabel, acledLabel, countryName, fmtNum } from "./i18n.js";
import { typeColor, TYPE_ORDER } from "./colors.js";
import { renderArticle, installTooltip } from "./article.js";
import { EventMap } from "./map.js";
import { Timeline, dayToIso } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const FILTERS = ["q", "country", "type", "acled_type", "since", "until", "actor"];
const PAGE = 100;

const state = {
  filters: {}, near: null, range: null, cols: null, stats: null,
  list: { total: 0, events: [], offset: 0 }, selected: null, seq: 0,
};
// For tests and the curious: the live state and counts of what is on screen.
window.rasd = { state, ready: false, timings: {} };
const T0 = performance.now();
window.rasd.t0 = T0;  // timings are relative to this (ms since navigation)
const mark = (name) => { window.rasd.timings[name] = Math.round(performance.now() - T0); };

async function api(path, opts) {
  const r = await fetch(path, opts);
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  if (!r.ok) throw new Error((body && body.error) || `${r.status} ${r.statusText}`);
  return body;
}

function query(extra = {}) {
  const p = new URLSearchParams();
  const f = { ...state.filters, ...extra };
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  return p;
}

// ---------------------------------------------------------------- dashboard

let map, timeline;

function fillSelect(sel, entries, label) {
  const cur = sel.value;
  clear(sel);
  sel.append(el("option", { value: "", text: t("any") }));
  for (const [v, n] of entries) sel.append(el("option", { value: v, text: `${label(v)} (${fmtNum(n)})` }));
  sel.value = cur;
}

function renderFacets() {
  const s = state.stats;
  if (!s) return;
  fillSelect($("f-country"), Object.entries(s.by_country || {}), countryName);
  const types = Object.entries(s.by_type || {}).sort((a, b) => TYPE_ORDER.indexOf(a[0]) - TYPE_ORDER.indexOf(b[0]));
  fillSelect($("f-type"), types, typeLabel);
  fillSelect($("f-acled"), Object.entries(s.by_acled_type || {}), acledLabel);
  clear($("summary")).append(
    el("span", { text: t("events_n", { n: fmtNum(s.events) }) }), " · ",
    el("span", { text: t("articles_n", { n: fmtNum(s.articles) }) }));
  renderLegend();
}

function renderLegend() {
  const lg = clear($("legend"));
  const types = state.cols ? state.cols.types : Object.keys(state.stats?.by_type || {});
  for (const ty of [...types].sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b))) {
    lg.append(el("span", { class: "lg-item" }, el("i", { style: `background:${typeColor(ty)}` }), typeLabel(ty)));
  }
}

function readFilters() {
  const f = {};
  for (const name of FILTERS) {
    const v = document.querySelector(`#filters [name="${name}"]`).value.trim();
    if (v) f[name] = v;
  }
  return f;
}

function rowsInRange() {
  const c = state.cols, rows = [];
  if (!c) return rows;
  const r = state.range;
  for (let i = 0; i < c.n; i++) {
    if (r && (c.d[i] < r[0] || c.d[i] > r[1])) continue;
    rows.push(i);
  }
  return rows;
}

async function refresh({ fit = true } = {}) {
  const seq = ++state.seq;
  window.rasd.ready = false;
  const p = query();
  if (state.near) p.set("near", state.near.join(","));
  const listDone = loadList(false, seq);
  const cols = await api("/api/points?" + p);
  mark("points");
  if (seq !== state.seq) return;
  state.cols = cols;
  timeline.setData(cols.d, cols.t, cols.types);
  if (state.range) timeline.setRange(state.range, false);
  mark("timeline");
  await listDone;
  mark("list");
  // let the list and the timeline paint before the clustering of (maybe) 100k points
  await new Promise((r) => { requestAnimationFrame(() => setTimeout(r, 0)); setTimeout(r, 100); });
  if (seq !== state.seq) return;
  map.setPoints(cols, rowsInRange(), fit && !state.selected);
  mark("map");
  renderLegend();
  renderChips();
  if (seq === state.seq && state.booted) window.rasd.ready = true;
}

function listParams(offset) {
  const extra = {};
  if (state.range) {
    const a = dayToIso(state.range[0]), b = dayToIso(state.range[1]);
    extra.since = state.filters.since && state.filters.since > a ? state.filters.since : a;
    extra.until = state.filters.until && state.filters.until < b ? state.filters.until : b;
  }
  const p = query(extra);
  if (state.near) p.set("near", state.near.join(","));
  p.set("limit", PAGE);
  p.set("offset", offset);
  return p;
}

async function loadList(append, seq) {
  const offset = append ? state.list.events.length : 0;
  const p = listParams(offset);
  const res = await api("/api/events?" + p);
  if (seq !== undefined && seq !== state.seq) return;
  state.list = { total: res.total, events: append ? state.list.events.concat(res.events) : res.events };
  renderList(append ? res.events : null);
  const csv = listParams(0); csv.set("format", "csv"); csv.set("limit", 10000);
  $("csv").href = "/api/events?" + csv;
}

function renderList(appended) {
  const ol = $("list");
  if (!appended) clear(ol);
  const L = state.list;
  const cnt = $("list-count");
  cnt.dataset.total = L.total;
  cnt.dataset.shown = L.events.length;
  cnt.textContent = L.total ? t("showing", { shown: fmtNum(L.events.length), total: fmtNum(L.total) }) : t("no_events");
  for (const e of appended || L.events) ol.append(listItem(e));
  $("more").hidden = L.events.length >= L.total;
}

function listItem(e) {
  const li = el("li", { class: "ev" + (e.id === state.selected ? " sel" : ""), tabindex: "0", dataset: { id: e.id } },
    el("i", { class: "dot", style: `background:${typeColor(e.type)}` }),
    el("div", { class: "ev-main" },
      el("div", { class: "ev-top" },
        el("b", { text: typeLabel(e.type) }),
        e.event_type ? el("span", { class: "muted", text: " · " + acledLabel(e.event_type) }) : null,
        e.fatalities ? el("span", { class: "fat", text: ` ✝ ${fmtNum(e.fatalities)}` }) : null),
      el("div", { class: "ev-sub" },
        el("span", { text: e.date || e.published || "—" }), " · ",
        el("span", { text: [e.place, e.country_code ? countryName(e.country_code) : null].filter(Boolean).join("، ") || "—" })),
      e.title ? el("div", { class: "ev-title", dir: "auto", text: e.title }) : null));
  const open = () => openEvent(e.id);
  li.addEventListener("click", open);
  li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
  return li;
}

function renderChips() {
  const chips = clear($("chips"));
  const chip = (label, onX) => chips.append(el("span", { class: "chip" }, label,
    el("button", { type: "button", "aria-label": "remove", text: "×", onclick: onX })));
  if (state.near) {
    chip(t("near_chip", { lat: state.near[0].toFixed(2), lon: state.near[1].toFixed(2), km: state.near[2] }),
      () => { state.near = null; refresh({ fit: false }); });
  }
  if (state.range) {
    chip(t("range_chip", { a: dayToIso(state.range[0]), b: dayToIso(state.range[1]) }), () => timeline.setRange(null, true));
  }
  $("range-label").textContent = state.range ? ` · ${dayToIso(state.range[0])} – ${dayToIso(state.range[1])}` : "";
  $("range-clear").hidden = !state.range;
}

function onRange(r) {
  state.range = r;
  map.setPoints(state.cols, rowsInRange(), false);
  window.rasd.ready = false;
  loadList(false).then(() => { renderChips(); window.rasd.ready = true; });
}

// ---------------------------------------------------------------- event card

function kv(label, ...value) {
  return el("div", { class: "kv" }, el("dt", { text: label }), el("dd", {}, ...value));
}

export function eventCard(ev, article) {
  const loc = ev.location || {};
  const figs = ["fatalities", "injured", "displaced", "arrested"].filter((k) => ev[k] !== null && ev[k] !== undefined)
    .map((k) => `${fmtNum(ev[k])} ${t(k)}`);
  const actors = (ev.actors || []).map((a) => el("div", { class: "actor" },
    el("span", { class: "role", text: a.role }), " ", el("span", { dir: "auto", text: a.name || a.text }),
    a.name_en ? el("span", { class: "muted", text: ` (${a.name_en})` }) : null,
    a.inter ? el("span", { class: "muted", text: ` · inter ${a.inter}` }) : null));
  const conf = typeof ev.confidence === "number" ? ev.confidence : null;
  const place = [loc.name || loc.text, loc.admin1, loc.country_code ? countryName(loc.country_code) : null].filter(Boolean).join("، ");
  const card = el("div", { class: "card", dataset: { id: ev.id || "" } },
    el("div", { class: "card-head" }, el("i", { class: "dot big", style: `background:${typeColor(ev.type)}` }),
      el("h2", { text: typeLabel(ev.type) }), ev.mode ? el("span", { class: "muted", text: ` · ${ev.mode}` }) : null),
    el("dl", {},
      kv(t("acled"), [ev.disorder_type, acledLabel(ev.event_type), ev.sub_event_type].filter((x) => x && x !== "—").join(" › ") || "—",
        ev.civilian_targeting ? el("span", { class: "tag", text: t("civilians") }) : null),
      kv(t("date"), ev.date || "—", el("span", { class: "muted", text: ` (${t("precision")}: ${ev.date_precision || t("unknown")})` })),
      kv(t("place"), el("span", { dir: "auto", text: place || "—" }),
        el("span", { class: "muted", text: ` (${t("geo_precision")}: ${loc.geo_precision ?? t("unknown")})` }),
        loc.lat != null ? el("span", { class: "muted", text: ` ${Number(loc.lat).toFixed(3)}, ${Number(loc.lon).toFixed(3)}` }) : null),
      kv(t("actors"), ...(actors.length ? actors : ["—"])),
      kv(t("figures"), figs.join(" · ") || "—"),
      kv(t("confidence"), conf === null ? "—" : el("span", { class: "conf" },
        el("meter", { min: 0, max: 1, value: conf }), ` ${Math.round(conf * 100)}%`)),
      kv(t("factuality"), ev.factuality || "—"),
      kv(t("source"), article ? el("span", {}, article.source ? article.source + " · " : "",
        article.url ? safeLink(article.url, article.title || article.url) : (article.title || article.id || "—"),
        article.published ? ` · ${article.published}` : "") : "—")));
  return card;
}

async function openEvent(id) {
  state.selected = id;
  for (const li of document.querySelectorAll("#list li.ev")) li.classList.toggle("sel", li.dataset.id === id);
  const det = $("detail");
  det.hidden = false;
  document.body.classList.add("with-detail");
  map.invalidate();
  clear($("card")).append(el("div", { class: "muted", text: "…" }));
  clear($("article"));
  try {
    const { event, article } = await api("/api/events/" + encodeURIComponent(id));
    if (state.selected !== id) return;
    clear($("card")).append(eventCard(event, article));
    renderArticle($("article"), article, event);
    const loc = event.location || {};
    map.focus(loc.lat, loc.lon);
    history.replaceState(null, "", "#/event/" + encodeURIComponent(id));
  } catch (err) {
    clear($("card")).append(el("div", { class: "error", text: err.message }));
  }
}

function closeEvent() {
  state.selected = null;
  map.focus(null, null);
  $("detail").hidden = true;
  document.body.classList.remove("with-detail");
  map.invalidate();
  history.replaceState(null, "", "#/");
}

// ---------------------------------------------------------------- try an article

let lastTry = null;

async function tryArticle(ev) {
  ev.preventDefault();
  const err = $("try-error");
  err.hidden = true;
  const btn = $("try-go");
  btn.disabled = true; btn.textContent = t("reading");
  try {
    const body = { text: $("try-text").value, published: $("try-date").value || null, title: $("try-title").value || null };
    lastTry = await api("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    renderTry(lastTry.events.length ? 0 : null);
  } catch (e) {
    err.textContent = `${t("error")}: ${e.message}`;
    err.hidden = false;
  } finally {
    btn.disabled = false; btn.textContent = t("read");
  }
}

function renderTry(selected) {
  const a = lastTry;
  if (!a) return;
  const box = clear($("try-events"));
  box.append(el("p", { class: "found", text: t("found", { e: a.events.length, n: a.entities.length, p: a.places.length,
    d: a.dates.length, f: a.figures.length, q: a.quotes.length }) }));
  const ol = el("ol", { class: "list" });
  a.events.forEach((e, i) => {
    const li = el("li", { class: "ev" + (selected === i ? " sel" : ""), tabindex: "0" },
      el("i", { class: "dot", style: `background:${typeColor(e.type)}` }),
      el("div", { class: "ev-main" }, el("b", { text: typeLabel(e.type) }),
        el("span", { class: "muted", text: ` · ${e.date || "—"} · ${(e.location && (e.location.name || e.location.text)) || "—"}` })));
    li.addEventListener("click", () => renderTry(i));
    ol.append(li);
  });
  box.append(ol);
  const ev = selected === null ? null : a.events[selected];
  const card = clear($("try-card"));
  if (ev) card.append(eventCard(ev, a));
  renderArticle($("try-article"), a, ev);
}

// ---------------------------------------------------------------- routing, language, start

function route() {
  const h = location.hash || "#/";
  const isTry = h.startsWith("#/try") || location.pathname === "/try";
  $("page-dash").hidden = isTry;
  $("page-try").hidden = !isTry;
  $("nav-dash").classList.toggle("active", !isTry);
  $("nav-try").classList.toggle("active", isTry);
  if (!isTry) {
    map.invalidate();
    const m = h.match(/^#\/event\/(.+)$/);
    if (m && decodeURIComponent(m[1]) !== state.selected) openEvent(decodeURIComponent(m[1]));
  }
}

function relabel() {
  applyStatic();
  $("lang").textContent = getLang() === "ar" ? "English" : "العربية";
  renderFacets();
  if (state.list) renderList(null);
  renderChips();
  if (state.selected) openEvent(state.selected);
  if (lastTry) renderTry(null);
}

async function start() {
  applyStatic();
  $("lang").textContent = getLang() === "ar" ? "English" : "العربية";
  installTooltip();
  map = new EventMap($("map"), { onEvent: openEvent, onPlace: (lat, lon) => { state.near = [lat, lon, 2]; refresh({ fit: false }); } });
  timeline = new Timeline($("timeline"), { onRange });
  window.rasd.map = map;
  window.rasd.timeline = timeline;
  $("lang").addEventListener("click", () => { setLang(getLang() === "ar" ? "en" : "ar"); relabel(); });
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); state.filters = readFilters(); refresh(); });
  for (const id of ["f-country", "f-type", "f-acled"]) {
    $(id).addEventListener("change", () => { state.filters = readFilters(); refresh(); });
  }
  $("f-reset").addEventListener("click", () => {
    $("filters").reset(); state.filters = {}; state.near = null; state.range = null; timeline.range = null; refresh();
  });
  $("more").addEventListener("click", () => loadList(true));
  $("range-clear").addEventListener("click", () => timeline.setRange(null, true));
  $("detail-close").addEventListener("click", closeEvent);
  $("try-form").addEventListener("submit", tryArticle);
  window.addEventListener("hashchange", route);
  const basemap = map.loadBasemap("/static/countries-110m.json", "/static/countries-50m.json");
  route();
  const statsDone = api("/api/stats").then((stats) => { mark("stats"); state.stats = stats; renderFacets(); });
  await Promise.all([statsDone, basemap.then(() => mark("basemap")), refresh()]);
  mark("ready");
  state.booted = true;
  window.rasd.ready = true;
  route();
}

start().catch((err) => {
  document.body.prepend(el("div", { class: "error banner", text: `rasd: ${err.message}` }));
});
