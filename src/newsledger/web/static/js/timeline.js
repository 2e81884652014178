// Timeline: events by date, coloured by type; filters; events whose sources disagree are marked.
import { add, articleLabel, clear, errorBox, fmtDate, getJSON, h, qs, STATUS_LABELS, typeColour, typeSlug } from "./dom.js";
import { filterBar, filtersFrom, replaceParams } from "./filters.js";

export function legend(types) {
  return h(
    "ul",
    { class: "legend", "aria-label": "Event types" },
    types.map((t) => {
      const sw = h("span", { class: "swatch" });
      sw.style.background = typeColour(t);
      return h("li", null, sw, t);
    }),
  );
}

export function eventCard(e) {
  const card = h(
    "a",
    {
      class: ["event-card", `type-${typeSlug(e.event_type)}`, e.conflict_fields.length && "has-conflict"],
      href: `#/event/${encodeURIComponent(e.id)}`,
      "data-event-id": e.id,
    },
    h(
      "div",
      { class: "card-head" },
      h("span", { class: "type" }, e.event_type),
      e.sub_event_type ? h("span", { class: "subtype" }, e.sub_event_type) : null,
      e.status !== "occurred" ? h("span", { class: `status status-${e.status}` }, STATUS_LABELS[e.status] || e.status) : null,
      e.conflict_fields.length
        ? h(
            "span",
            { class: "conflict-flag", title: "the sources give different values" },
            `⚠ sources disagree: ${e.conflict_fields.join(", ")}`,
          )
        : null,
    ),
    h(
      "div",
      { class: "card-facts" },
      e.location ? h("span", { class: "place" }, `at ${e.location.name}${e.location.geo_precision ? ` (${e.location.geo_precision})` : ""}`) : null,
      e.actor1 || e.actor2 ? h("span", { class: "actors" }, [e.actor1, e.actor2].filter(Boolean).join(" — ")) : null,
      e.fatalities !== null ? h("span", { class: "fatalities" }, `${e.fatalities} reported killed`) : null,
    ),
    e.snippet ? h("blockquote", { class: "snippet" }, e.snippet) : null,
    h(
      "div",
      { class: "card-sources" },
      `${e.n_sources} source${e.n_sources === 1 ? "" : "s"}`,
      e.outlets.length ? ` · reported by ${e.outlets.join(", ")}` : "",
    ),
  );
  card.style.borderLeftColor = typeColour(e.event_type);
  return card;
}

function groupByDate(events) {
  const groups = new Map();
  for (const e of events) {
    const k = e.date || "";
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(e);
  }
  return groups;
}

async function loadResults(box, filters) {
  const gen = (box.gen = (box.gen || 0) + 1);
  box.dataset.loading = "true";
  try {
    const data = await getJSON(`/api/events${qs(filters)}`);
    const hits = filters.q ? await articleHits(filters.q) : null;
    if (gen !== box.gen) return; // a newer filter change won
    clear(box);
    box.append(
      h("p", { class: "result-count", "data-total": data.total }, `${data.total} event${data.total === 1 ? "" : "s"}`,
        data.total > data.events.length ? ` (showing the first ${data.events.length})` : ""),
    );
    if (!data.events.length) box.append(h("p", { class: "muted" }, "No event matches these filters."));
    const list = h("ol", { class: "timeline", id: "timeline" });
    for (const [date, evs] of groupByDate(data.events)) {
      list.append(
        h(
          "li",
          { class: "day" },
          h("h3", { class: "day-head" }, h("time", { datetime: date || null }, fmtDate(date))),
          evs.map((e) => eventCard(e)),
        ),
      );
    }
    add(box, list, hits);
  } catch (err) {
    if (gen !== box.gen) return;
    clear(box).append(errorBox(err));
  }
  box.dataset.loading = "false";
}

async function articleHits(q) {
  const data = await getJSON(`/api/articles${qs({ q, limit: 20 })}`);
  return h(
    "section",
    { class: "article-hits" },
    h("h3", null, `Articles mentioning “${q}”`),
    data.articles.length
      ? h(
          "ul",
          null,
          data.articles.map((a) =>
            h("li", null, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, articleLabel(a)), h("div", { class: "snippet" }, a.snippet)),
          ),
        )
      : h("p", { class: "muted" }, "No article text matches."),
  );
}

export async function renderTimeline(root, params, meta) {
  const filters = filtersFrom(params);
  const results = h("div", { class: "results" });
  add(
    root,
    h("h2", null, "Timeline"),
    filterBar(meta, filters, (f) => {
      replaceParams("timeline", f);
      loadResults(results, f);
    }),
    legend(meta.facets.types),
    results,
  );
  await loadResults(results, filters);
}
