// Timeline: events by date, coloured by type; filters; events whose sources disagree are marked.
import { add, articleLabel, clear, errorBox, fmtDate, getJSON, h, qs, s, STATUS_LABELS, typeColour, typeSlug } from "./dom.js";
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

function bucketRange(key, unit) {
  if (unit === "day") return [key, key];
  if (unit === "month") return [`${key}-01`, `${key}-31`];
  return [`${key}-01-01`, `${key}-12-31`];
}

// Events per day/month/year, stacked by type; a click on a bar filters to its dates.
function histogramChart(hist, onPick) {
  if (!hist || !hist.buckets.length) return null;
  const n = hist.buckets.length;
  const bw = 12;
  const H = 70;
  const max = Math.max(1, ...hist.buckets.map((b) => Object.values(b.counts).reduce((a, c) => a + c, 0)));
  const svg = s("svg", { class: "histogram", viewBox: `0 0 ${Math.max(n, 80) * bw} ${H + 14}`, preserveAspectRatio: "none", role: "img", "aria-label": `events per ${hist.unit}` });
  hist.buckets.forEach((b, i) => {
    const total = Object.values(b.counts).reduce((a, c) => a + c, 0);
    const [from, to] = bucketRange(b.key, hist.unit);
    const g = s("g", { class: "bar", "data-key": b.key, onclick: () => onPick(from, to) },
      s("rect", { x: i * bw, y: 0, width: bw, height: H, class: "bar-bg" }),
      s("title", null, `${b.key}: ${total} event${total === 1 ? "" : "s"}${total ? " — " + Object.entries(b.counts).map(([t, c]) => `${t} ${c}`).join(", ") : ""}`));
    let y = H;
    for (const [type, c] of Object.entries(b.counts)) {
      const hh = (c / max) * (H - 4);
      y -= hh;
      g.append(s("rect", { x: i * bw + 1, y, width: bw - 2, height: hh, fill: typeColour(type) }));
    }
    svg.append(g);
  });
  const first = hist.buckets[0].key;
  const last = hist.buckets[n - 1].key;
  const notes = [];
  if (hist.imprecise) notes.push(`${hist.imprecise} with a less precise date`);
  if (hist.undated) notes.push(`${hist.undated} undated`);
  return h("figure", { class: "histogram-box" }, svg,
    h("figcaption", { class: "muted small" }, `Events per ${hist.unit}, ${first} to ${last}${notes.length ? " (not shown: " + notes.join(", ") + ")" : ""}. Click a bar to see its dates.`));
}

const PAGE = 500;

function dayList(events) {
  const list = h("ol", { class: "timeline", id: "timeline" });
  for (const [date, evs] of groupByDate(events)) {
    list.append(
      h(
        "li",
        { class: "day" },
        h("h3", { class: "day-head" }, h("time", { datetime: date || null }, fmtDate(date))),
        evs.map((e) => eventCard(e)),
      ),
    );
  }
  return list;
}

async function loadResults(box, filters, onPick) {
  const gen = (box.gen = (box.gen || 0) + 1);
  box.dataset.loading = "true";
  try {
    const data = await getJSON(`/api/events${qs({ ...filters, limit: PAGE })}`);
    const hits = filters.q ? await articleHits(filters.q) : null;
    if (gen !== box.gen) return; // a newer filter change won
    const events = data.events;
    const count = h("p", { class: "result-count", "data-total": data.total });
    const listBox = h("div");
    const more = h("button", { type: "button", class: "more" }, "Show more");
    const drawList = () => {
      count.textContent = `${data.total} event${data.total === 1 ? "" : "s"}` +
        (data.total > events.length ? ` (showing ${events.length})` : "");
      clear(listBox).append(dayList(events));
      more.hidden = events.length >= data.total;
    };
    more.addEventListener("click", async () => {
      more.disabled = true;
      const next = await getJSON(`/api/events${qs({ ...filters, limit: PAGE, offset: events.length })}`);
      if (gen !== box.gen) return;
      events.push(...next.events);
      more.disabled = false;
      drawList();
    });
    clear(box);
    add(box, histogramChart(data.histogram, onPick), count,
      events.length ? null : h("p", { class: "muted" }, "No event matches these filters."), listBox, more, hits);
    drawList();
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
  let form = null;
  const onPick = (from, to) => {
    form.querySelector("[name=from]").value = from;
    form.querySelector("[name=to]").value = to;
    form.dispatchEvent(new Event("change"));
  };
  form = filterBar(meta, filters, (f) => {
    replaceParams("timeline", f);
    loadResults(results, f, onPick);
  });
  add(root, h("h2", null, "Timeline"), form, legend(meta.facets.types), results);
  await loadResults(results, filters, onPick);
}
