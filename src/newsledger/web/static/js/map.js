// Map: events at their coordinates on an offline base map (Natural Earth country outlines,
// equirectangular: x = longitude, y = -latitude), clustered when markers would overlap, with the
// location's precision drawn as a dashed halo.
import { add, clear, errorBox, fmtDate, getJSON, h, qs, s, typeColour } from "./dom.js";
import { filterBar, filtersFrom, replaceParams } from "./filters.js";
import { eventCard, legend } from "./timeline.js";

const W = 960;
const H = 540;
const CLUSTER_PX = 28;
const MARKER_PX = 7;
// approximate radius (km) of the area a location of this precision may lie in
const PRECISION_KM = { district: 25, admin2: 25, region: 90, admin1: 90, province: 90, country: 300 };
let basemapPromise = null;

function basemap() {
  if (!basemapPromise) basemapPromise = getJSON("/static/basemap.geojson");
  return basemapPromise;
}

function ringPath(ring) {
  return ring.map(([x, y], i) => `${i ? "L" : "M"}${x},${-y}`).join("") + "Z";
}

function countryPaths(geo) {
  const g = s("g", { class: "countries" });
  for (const f of geo.features) {
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polys.map((p) => p.map(ringPath).join("")).join("");
    g.append(s("path", { d, class: "country" }, s("title", null, f.properties.name)));
  }
  return g;
}

function fitBox(points) {
  if (!points.length) return { x: -180, y: -90, w: 360, h: 180 };
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
  }
  let w = Math.max(x1 - x0, 8) * 1.4;
  let hh = Math.max(y1 - y0, 4.5) * 1.4;
  if (w / hh > W / H) hh = (w * H) / W; else w = (hh * W) / H;
  return { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - hh / 2, w, h: hh };
}

// Greedy clustering in screen pixels for the current zoom: a point joins the nearest cluster
// seed within CLUSTER_PX (found through a grid of that size), else seeds a new cluster.
function cluster(points, box) {
  const r = (CLUSTER_PX * box.w) / W; // map units
  const grid = new Map();
  const clusters = [];
  for (const p of points) {
    const gx = Math.floor(p.x / r);
    const gy = Math.floor(p.y / r);
    let best = null;
    let bestD = r * r;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const c of grid.get(`${gx + dx}:${gy + dy}`) || []) {
          const d = (c.sx - p.x) ** 2 + (c.sy - p.y) ** 2;
          if (d <= bestD) {
            best = c;
            bestD = d;
          }
        }
      }
    }
    if (best) best.members.push(p);
    else {
      const c = { sx: p.x, sy: p.y, members: [p] };
      clusters.push(c);
      const key = `${gx}:${gy}`;
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(c);
    }
  }
  for (const c of clusters) {
    c.x = c.members.reduce((a, p) => a + p.x, 0) / c.members.length;
    c.y = c.members.reduce((a, p) => a + p.y, 0) / c.members.length;
  }
  return clusters;
}

function markerLayer(points, box, onPick) {
  const unit = box.w / W; // map units per screen pixel
  const g = s("g", { class: "markers" });
  for (const c of cluster(points, box)) {
    if (c.members.length === 1) {
      const p = c.members[0];
      const e = p.event;
      const km = PRECISION_KM[(e.location.geo_precision || "").toLowerCase()];
      const m = s("g", {
        class: "marker",
        tabindex: 0,
        role: "button",
        "data-event-id": e.id,
        "data-precision": e.location.geo_precision || "unknown",
        onclick: () => onPick(c),
        onkeydown: (ev) => ev.key === "Enter" && onPick(c),
      });
      if (km) {
        const r = km / 111;
        m.append(s("ellipse", { class: "halo", cx: p.x, cy: p.y, rx: r / Math.cos((p.lat * Math.PI) / 180), ry: r }));
      }
      m.append(
        s("circle", { cx: p.x, cy: p.y, r: MARKER_PX * unit, fill: typeColour(e.event_type), class: "dot" }),
        s("title", null, `${e.event_type} · ${fmtDate(e.date)} · ${e.location.name} (location precision: ${e.location.geo_precision || "not given"})`),
      );
      g.append(m);
    } else {
      const n = c.members.length;
      const r = (MARKER_PX + 4 + Math.min(10, Math.log2(n) * 3)) * unit;
      g.append(
        s(
          "g",
          {
            class: "marker cluster",
            tabindex: 0,
            role: "button",
            "data-count": n,
            onclick: () => onPick(c),
            onkeydown: (ev) => ev.key === "Enter" && onPick(c),
          },
          s("circle", { cx: c.x, cy: c.y, r, class: "cluster-dot" }),
          s("text", { x: c.x, y: c.y, "font-size": 11 * unit, dy: 4 * unit, "text-anchor": "middle" }, String(n)),
          s("title", null, `${n} events here: zoom in or click to list them`),
        ),
      );
    }
  }
  return g;
}

async function loadMap(box, filters, meta) {
  const gen = (box.gen = (box.gen || 0) + 1);
  try {
    const [geo, data, all] = await Promise.all([
      basemap(),
      getJSON(`/api/events${qs({ ...filters, located: true, limit: 5000 })}`),
      getJSON(`/api/events${qs({ ...filters, limit: 1 })}`),
    ]);
    if (gen !== box.gen) return;
    clear(box);
    const located = data.events.filter((e) => e.location && e.location.latitude !== null && e.location.longitude !== null);
    const points = located.map((e) => ({ x: e.location.longitude, y: -e.location.latitude, lat: e.location.latitude, event: e }));
    let view = fitBox(points);
    const svg = s("svg", {
      class: "map",
      id: "map",
      viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`,
      role: "img",
      "aria-label": `map of ${located.length} events`,
      preserveAspectRatio: "xMidYMid meet",
    });
    svg.append(s("rect", { x: -540, y: -270, width: 1080, height: 540, class: "sea" }), countryPaths(geo));
    const panel = h("aside", { class: "map-panel" }, h("p", { class: "muted" }, "Click a marker to list its events."));
    const pick = (c) => {
      add(
        clear(panel),
        h("h3", null, `${c.members.length} event${c.members.length === 1 ? "" : "s"}`),
        c.members.length > 1
          ? h("button", { type: "button", class: "zoom-here", onclick: () => { view = fitBox(c.members); draw(); } }, "Zoom to these")
          : null,
        c.members.map((p) => eventCard(p.event)),
      );
    };
    let layer = null;
    const draw = () => {
      svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
      const next = markerLayer(points, view, pick);
      if (layer) layer.replaceWith(next); else svg.append(next);
      layer = next;
    };
    const zoom = (factor, cx, cy) => {
      const w = Math.min(360, Math.max(0.05, view.w * factor));
      const hh = (w * H) / W;
      cx = cx ?? view.x + view.w / 2;
      cy = cy ?? view.y + view.h / 2;
      view = { x: cx - ((cx - view.x) * w) / view.w, y: cy - ((cy - view.y) * hh) / view.h, w, h: hh };
      draw();
    };
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const pt = toMap(svg, view, ev);
      zoom(ev.deltaY > 0 ? 1.25 : 0.8, pt.x, pt.y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".marker")) return;
      drag = { x: ev.clientX, y: ev.clientY, view: { ...view } };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const k = view.w / svg.getBoundingClientRect().width;
      view = { ...drag.view, x: drag.view.x - (ev.clientX - drag.x) * k, y: drag.view.y - (ev.clientY - drag.y) * k };
      svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    });
    svg.addEventListener("pointerup", () => {
      if (drag) draw();
      drag = null;
    });
    draw();
    const unplaced = all.total - data.total;
    add(
      box,
      h(
        "div",
        { class: "map-tools" },
        h("button", { type: "button", onclick: () => zoom(0.67) }, "Zoom in"),
        h("button", { type: "button", onclick: () => zoom(1.5) }, "Zoom out"),
        h("button", { type: "button", onclick: () => { view = fitBox(points); draw(); } }, "Fit events"),
        h("span", { class: "muted", "data-located": located.length },
          `${located.length} event${located.length === 1 ? "" : "s"} on the map`,
          unplaced ? `; ${unplaced} without coordinates (see the timeline)` : "",
          data.total > data.events.length ? `; only the first ${data.events.length} of ${data.total} are drawn: narrow the filters` : ""),
      ),
      h("div", { class: "map-wrap" }, svg, panel),
      h("p", { class: "muted small" }, "A dashed ring shows how precisely a location is known (district, region, country). Numbers are clusters of nearby events."),
    );
  } catch (err) {
    if (gen === box.gen) clear(box).append(errorBox(err));
  }
}

function toMap(svg, view, ev) {
  const r = svg.getBoundingClientRect();
  const k = Math.max(view.w / r.width, view.h / r.height);
  const ox = (r.width - view.w / k) / 2;
  const oy = (r.height - view.h / k) / 2;
  return { x: view.x + (ev.clientX - r.left - ox) * k, y: view.y + (ev.clientY - r.top - oy) * k };
}

// A small static map of one location (the event page), with its precision ring.
export async function locationMap(loc, colour) {
  const geo = await basemap();
  const p = { x: loc.longitude, y: -loc.latitude };
  const view = fitBox([p]);
  const unit = view.w / 320;
  const svg = s("svg", { class: "mini-map", viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`, role: "img", "aria-label": `map: ${loc.name}` },
    s("rect", { x: -540, y: -270, width: 1080, height: 540, class: "sea" }), countryPaths(geo));
  const km = PRECISION_KM[(loc.geo_precision || "").toLowerCase()];
  if (km) {
    const r = km / 111;
    svg.append(s("ellipse", { class: "halo", cx: p.x, cy: p.y, rx: r / Math.cos((loc.latitude * Math.PI) / 180), ry: r }));
  }
  svg.append(s("circle", { cx: p.x, cy: p.y, r: 5 * unit, fill: colour, class: "dot" }));
  return h("figure", { class: "mini-map-box" }, svg,
    h("figcaption", { class: "muted small" }, `${loc.name}${loc.country ? ", " + loc.country : ""} · ${loc.latitude.toFixed(2)}, ${loc.longitude.toFixed(2)} · precision: ${loc.geo_precision || "not given"}`));
}

export async function renderMap(root, params, meta) {
  const filters = filtersFrom(params);
  const box = h("div", { class: "map-box" });
  add(
    root,
    h("h2", null, "Map"),
    filterBar(meta, filters, (f) => {
      replaceParams("map", f);
      loadMap(box, f, meta);
    }),
    legend(meta.facets.types),
    box,
  );
  await loadMap(box, filters, meta);
}
