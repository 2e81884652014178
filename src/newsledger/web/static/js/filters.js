// The filter bar shared by the timeline and the map: type, status, place, actor, outlet, date
// range, free text, "sources disagree". Its state lives in the URL (#/page?type=...).
import { h, STATUS_LABELS } from "./dom.js";

export const FILTER_KEYS = ["type", "status", "place", "actor", "outlet", "from", "to", "q", "conflicts"];

export function filtersFrom(params) {
  const f = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

function select(name, label, values, current, labels) {
  return h(
    "label",
    null,
    label,
    h(
      "select",
      { name, "data-filter": name },
      h("option", { value: "" }, "any"),
      values.map((v) => h("option", { value: v, selected: v === current }, labels && labels[v] ? `${v} (${labels[v]})` : v)),
    ),
  );
}

function input(name, label, value, attrs) {
  return h("label", null, label, h("input", { name, "data-filter": name, value: value || "", ...attrs }));
}

function datalist(id, values) {
  return h("datalist", { id }, values.map((v) => h("option", { value: v })));
}

// Builds the bar; calls onChange(filters) after any change (text inputs debounced).
export function filterBar(meta, current, onChange) {
  const f = meta.facets;
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filter events" },
    select("type", "Type", f.types, current.type),
    select("status", "Status", f.statuses, current.status, STATUS_LABELS),
    input("place", "Place", current.place, { list: "dl-places", placeholder: "name or country code" }),
    input("actor", "Actor", current.actor, { list: "dl-actors", placeholder: "any actor" }),
    select("outlet", "Outlet", f.outlets, current.outlet),
    input("from", "From", current.from, { type: "date", min: f.date_range[0], max: f.date_range[1] }),
    input("to", "To", current.to, { type: "date", min: f.date_range[0], max: f.date_range[1] }),
    input("q", "Text", current.q, { type: "search", placeholder: "words in the reports" }),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", name: "conflicts", "data-filter": "conflicts", checked: current.conflicts === "true" }),
      "sources disagree",
    ),
    h("button", { type: "reset", class: "reset" }, "Clear"),
    datalist("dl-places", f.places),
    datalist("dl-actors", f.actors),
  );
  const read = () => {
    const out = {};
    for (const el of form.querySelectorAll("[data-filter]")) {
      if (el.type === "checkbox") {
        if (el.checked) out[el.name] = "true";
      } else if (el.value.trim()) out[el.name] = el.value.trim();
    }
    return out;
  };
  let timer = null;
  const fire = () => {
    clearTimeout(timer);
    if (form.isConnected) onChange(read()); // the page may have changed meanwhile
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    fire();
  });
  form.addEventListener("change", fire);
  form.addEventListener("input", (e) => {
    if (e.target.tagName !== "INPUT" || e.target.type === "checkbox") return;
    clearTimeout(timer);
    timer = setTimeout(fire, 300);
  });
  form.addEventListener("reset", () => setTimeout(fire, 0));
  return form;
}

// Rewrites the hash without a reload (the page updates its own results).
export function replaceParams(page, filters, extra) {
  if (!location.hash.startsWith(`#/${page}`) && location.hash !== "" && location.hash !== "#/") return;
  const u = new URLSearchParams({ ...filters, ...(extra || {}) });
  const t = u.toString();
  history.replaceState(null, "", `#/${page}${t ? "?" + t : ""}`);
}
