// DOM helpers. Every text from the ledger goes in as a text node (never innerHTML), so article
// text holding <script>, markup or odd Unicode is shown, never run.

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "href") el.setAttribute("href", safeHref(v));
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// h("a", {href: "#/x", class: "y"}, "text", child, ...)
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  return append(el, children);
}

// el.append() that skips null/false children (native append would print "null").
export function add(el, ...children) {
  return append(el, children);
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
    else el.setAttribute(k, String(v));
  }
  return append(el, children);
}

// Links only to this page (#/...), to this server (/...), or to http(s) sources.
export function safeHref(v) {
  const str = String(v);
  if (str.startsWith("#") || (str.startsWith("/") && !str.startsWith("//"))) return str;
  try {
    const u = new URL(str);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) {
    /* not a URL */
  }
  return "#";
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error ? `${body.error}${body.hint ? ". " + body.hint : ""}` : r.statusText);
  return body;
}

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === "" || v === false) continue;
    u.set(k, v === true ? "true" : v);
  }
  const t = u.toString();
  return t ? "?" + t : "";
}

// --- shared wording and colours ---------------------------------------------------------------

const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#d4ac0d",
  "Strategic developments": "#16a085",
};
const FALLBACK = ["#7f8c8d", "#34495e", "#a0522d", "#2e8b57", "#b03060", "#4682b4"];

export function typeColour(type) {
  if (TYPE_COLOURS[type]) return TYPE_COLOURS[type];
  let n = 0;
  for (const ch of String(type)) n = (n * 31 + ch.codePointAt(0)) >>> 0;
  return FALLBACK[n % FALLBACK.length];
}

export function typeSlug(type) {
  return String(type || "other").toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export function fmtDate(d) {
  if (!d) return "undated";
  return String(d).replace("/", " – ");
}

export function fmtValue(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (Array.isArray(v)) return v.length ? v.join(", ") : "—";
  if (typeof v === "object") return v.name || JSON.stringify(v);
  return String(v);
}

export const FIELD_LABELS = {
  event_type: "Event type",
  sub_event_type: "Sub-event type",
  date: "Date",
  date_precision: "Date precision",
  actor1: "Actor 1",
  actor2: "Actor 2",
  assoc_actors: "Associated actors",
  location: "Location",
  fatalities: "Fatalities",
  injured: "Injured",
  status: "Status",
};

export const STATUS_LABELS = {
  occurred: "reported as occurred",
  planned: "reported as planned",
  threatened: "reported as threatened",
  denied: "reported, and denied",
  claimed_false: "reported, and called false",
  hypothetical: "mentioned as hypothetical",
  unknown: "status unclear",
  pending: "pending",
  fulfilled: "fulfilled",
  fulfilled_late: "fulfilled after the deadline",
  overdue: "deadline passed, no fulfilment reported",
  cancelled: "cancelled",
};

export function articleLabel(info) {
  if (!info) return "an article";
  const bits = [info.outlet, info.title || info.id, info.published].filter(Boolean);
  return bits.join(" · ");
}

export function sourceHref(articleId, start, end, eventId) {
  return `#/article/${encodeURIComponent(articleId)}${qs({ mark: `${start}-${end}`, event: eventId })}`;
}

export function errorBox(err) {
  return h("div", { class: "error", role: "alert" }, String(err && err.message ? err.message : err));
}
