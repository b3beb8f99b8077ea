// The map: Leaflet on an offline basemap of country shapes (Natural Earth via world-atlas),
// events as canvas circles coloured by type and sized by fatalities, clustered with supercluster.
import L from "leaflet";
import Supercluster from "supercluster";
import { feature } from "topojson-client";
import { typeColor } from "./colors.js";
import { el } from "./dom.js";
import { typeLabel, fmtNum } from "./i18n.js";

const MAX_CLUSTER_ZOOM = 10;

export class EventMap {
  constructor(node, { onEvent, onPlace }) {
    this.onEvent = onEvent;
    this.onPlace = onPlace;
    this.map = L.map(node, {
      preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 13, zoomSnap: 0.5,
      attributionControl: false, center: [25, 35], zoom: 3,
    });
    this.map.createPane("basemap").style.zIndex = 350;  // below the events, whatever loads first
    this.shapes = L.canvas({ padding: 0.2, pane: "basemap" });
    this.dots = L.canvas({ padding: 0.2 });
    this.layer = L.layerGroup().addTo(this.map);
    this.index = null;
    this.types = [];
    this.rendered = { clusters: 0, points: 0 };
    this.map.on("moveend", () => this.draw());
    L.control.attribution({ prefix: false }).addAttribution("Natural Earth").addTo(this.map);
  }

  /** Country shapes: the light 1:110m set first; the detailed 1:50m set once the user zooms in. */
  async loadBasemap(coarseUrl, fineUrl) {
    this.basemap = await this._shapes(coarseUrl);
    this.fineUrl = fineUrl;
    const upgrade = async () => {
      if (!this.fineUrl || this.map.getZoom() < 4.5) return;
      const url = this.fineUrl;
      this.fineUrl = null;
      const fine = await this._shapes(url);
      this.basemap.remove();
      this.basemap = fine;
    };
    this.map.on("zoomend", upgrade);
  }

  async _shapes(url) {
    const topo = await (await fetch(url)).json();
    const geo = feature(topo, topo.objects.countries);
    const layer = L.geoJSON(geo, {
      renderer: this.shapes, interactive: false, pane: "basemap",
      style: { color: "#8a9a9e", weight: 0.6, fillColor: "#e9e4d8", fillOpacity: 1 },
    }).addTo(this.map);
    this.basemapFeatures = geo.features.length;
    return layer;
  }

  /** Points: {lat, lon, t, f, id} columns, an index mask (which rows to show). */
  setPoints(cols, rows, fit) {
    this.types = cols.types;
    const t0 = performance.now();
    const feats = [];
    for (const i of rows) {
      if (cols.lat[i] === null || cols.lon[i] === null) continue;
      feats.push({ type: "Feature", geometry: { type: "Point", coordinates: [cols.lon[i], cols.lat[i]] },
        properties: { i, t: cols.t[i], f: cols.f[i] } });
    }
    this.cols = cols;
    // no map/reduce: a cluster's colour comes from a sample of its leaves when it is drawn
    const t1 = performance.now();
    this.index = new Supercluster({ radius: 45, minZoom: 2, maxZoom: MAX_CLUSTER_ZOOM, minPoints: 3 }).load(feats);
    const t2 = performance.now();
    this.count = feats.length;
    if (fit && feats.length) {
      let s = 90, w = 180, n = -90, e = -180;
      for (const f of feats) {
        const [x, y] = f.geometry.coordinates;
        if (y < s) s = y; if (y > n) n = y; if (x < w) w = x; if (x > e) e = x;
      }
      const bounds = L.latLngBounds([[s, w], [n, e]]);
      // re-projecting the shapes costs: move only when the points are not already well in view
      const view = this.map.getBounds();
      const span = (b) => (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
      if (!view.contains(bounds) || span(bounds) < span(view) / 16) {
        this.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false });
      }
    }
    const t3 = performance.now();
    this.draw();
    this.timings = { features: Math.round(t1 - t0), cluster: Math.round(t2 - t1), fit: Math.round(t3 - t2),
      draw: Math.round(performance.now() - t3) };
  }

  draw() {
    this.layer.clearLayers();
    if (this.ring) this.ring.bringToFront();
    this.rendered = { clusters: 0, points: 0 };
    if (!this.index) return;
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const west = Math.max(-180, b.getWest()), east = Math.min(180, b.getEast());
    const bbox = east - west >= 360 ? [-180, -85, 180, 85] : [west, Math.max(-85, b.getSouth()), east, Math.min(85, b.getNorth())];
    const items = this.index.getClusters(bbox, zoom);
    for (const it of items) {
      const [lon, lat] = it.geometry.coordinates;
      const p = it.properties;
      if (p.cluster) {
        const tally = {};
        let best = 0, bn = -1;
        for (const leaf of this.index.getLeaves(p.cluster_id, 40)) {
          const k = leaf.properties.t;
          tally[k] = (tally[k] || 0) + 1;
          if (tally[k] > bn) { bn = tally[k]; best = k; }
        }
        const n = p.point_count;
        const size = Math.round(22 + Math.min(26, Math.sqrt(n) * 1.6));
        const dot = el("div", { class: "cluster", text: fmtNum(n),
          style: `width:${size}px;height:${size}px;line-height:${size}px;border-color:${typeColor(this.types[best])}` });
        const m = L.marker([lat, lon], { icon: L.divIcon({ html: dot, className: "cluster-icon", iconSize: [size, size] }),
          keyboard: false, title: "" });
        m.on("click", () => {
          const z = this.index.getClusterExpansionZoom(p.cluster_id);
          if (z <= MAX_CLUSTER_ZOOM && z > zoom) this.map.setView([lat, lon], z);
          else this.onPlace?.(lat, lon);
        });
        this.layer.addLayer(m);
        this.rendered.clusters++;
      } else {
        const type = this.types[p.t];
        const r = 4 + Math.min(14, Math.sqrt(p.f || 0) * 1.8);
        const c = L.circleMarker([lat, lon], { renderer: this.dots, radius: r, color: "#1d1d1d", weight: 0.7,
          fillColor: typeColor(type), fillOpacity: 0.85 });
        c.bindTooltip(() => el("span", { text: `${typeLabel(type)}${p.f ? " · " + p.f : ""}` }), { direction: "top" });
        c.on("click", () => this.onEvent?.(this.cols.id[p.i]));
        this.layer.addLayer(c);
        this.rendered.points++;
      }
    }
  }

  /** Ring the selected event and bring it into view (without zooming out). */
  focus(lat, lon) {
    if (this.ring) { this.ring.remove(); this.ring = null; }
    if (lat === null || lat === undefined || lon === null || lon === undefined) return;
    this.ring = L.circleMarker([lat, lon], { renderer: this.dots, radius: 16, color: "#111", weight: 3,
      fill: false, dashArray: "4 3", interactive: false }).addTo(this.map);
    const z = Math.max(this.map.getZoom(), 6);
    this.map.setView([lat, lon], z, { animate: false });
  }

  invalidate() { this.map.invalidateSize(); }
}
