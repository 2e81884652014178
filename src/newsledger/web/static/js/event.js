// Event page: every field with the value each source gives, disagreements side by side, why the
// reports were merged, the commitment it fulfils, and links to each source sentence.
import {
  add, articleLabel, FIELD_LABELS, fmtDate, fmtValue, getJSON, h, sourceHref, STATUS_LABELS, typeColour,
} from "./dom.js";
import { locationMap } from "./map.js";

function jumpTo(id) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ behavior: "smooth", block: "center" });
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), 1200);
}

function isBlank(v) {
  return v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length);
}

function outletOf(ev, articleId) {
  const src = ev.sources.find((x) => x.article === articleId);
  const info = src && src.article_info;
  return info ? info.outlet || info.title || articleId : articleId;
}

function sourceName(src, i) {
  const info = src.article_info || {};
  return `[${i + 1}] ${info.outlet || info.title || src.article}`;
}

function fieldsTable(ev) {
  const rows = ev.fields.map((f) => {
    const conflict = f.conflict;
    const bySource = f.by_source.length
      ? h(
          "ul",
          { class: "by-source" },
          f.by_source.map((v) =>
            h(
              "li",
              null,
              h("span", { class: ["value", isBlank(v.value) && "muted"] }, isBlank(v.value) ? "not stated" : fmtValue(v.value)),
              " — ",
              v.sources.map((i, k) => [k ? ", " : "", h("button", { type: "button", class: "src-ref link", onclick: () => jumpTo(`src-${i}`) }, sourceName(ev.sources[i], i))]),
            ),
          ),
        )
      : h("span", { class: "muted" }, "—");
    const conflictCell = conflict
      ? h(
          "div",
          { class: "conflict-values" },
          conflict.map((cv) => {
            const idx = ev.sources.map((x, k) => (cv.articles.includes(x.article) ? k : -1)).filter((k) => k >= 0);
            return h(
              "div",
              { class: "conflict-value" },
              h("strong", null, fmtValue(cv.value)),
              h("span", { class: "muted" }, " according to "),
              cv.articles.map((a) => outletOf(ev, a)).join(", "),
              idx.map((k) => h("blockquote", { class: "source-sentence small" },
                h("button", { type: "button", class: "src-ref link", onclick: () => jumpTo(`src-${k}`) }, `[${k + 1}]`), " ",
                ev.sources[k].text || "")),
            );
          }),
        )
      : null;
    return h(
      "tr",
      { class: conflict ? "conflict" : null, "data-field": f.field },
      h("th", { scope: "row" }, FIELD_LABELS[f.field] || f.field, conflict ? h("span", { class: "conflict-flag" }, " ⚠ sources disagree") : null),
      h(
        "td",
        { class: "ledger-value" },
        f.field === "status" ? STATUS_LABELS[f.value] || fmtValue(f.value) : fmtValue(f.value),
        conflict ? h("div", { class: "muted small" }, "one of the reported values; every value is at right") : null,
      ),
      h("td", null, conflictCell || bySource),
    );
  });
  return h(
    "table",
    { class: "fields" },
    h("thead", null, h("tr", null, h("th", null, "Field"), h("th", null, "In the ledger"), h("th", null, "What the sources say"))),
    h("tbody", null, rows),
  );
}

function sourcesList(ev) {
  return h(
    "ol",
    { class: "sources" },
    ev.sources.map((src, i) =>
      h(
        "li",
        { id: `src-${i}`, class: "source" },
        h("div", { class: "source-head" }, h("strong", null, `[${i + 1}] `), articleLabel(src.article_info)),
        src.attributed_to ? h("div", { class: "attributed" }, `according to ${src.attributed_to}`) : null,
        h("blockquote", { class: "source-sentence" }, src.text || "(text not available)"),
        src.mention
          ? h("div", { class: "muted small" }, `trigger “${src.mention.trigger}”`, src.mention.rule ? ` · rule: ${src.mention.rule}` : "")
          : null,
        h("a", { class: "open-source", href: sourceHref(src.article, src.start, src.end, ev.id) }, "Open the sentence in the article →"),
      ),
    ),
  );
}

export async function renderEvent(root, id) {
  const ev = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const head = h(
    "header",
    { class: "event-head" },
    h("p", { class: "crumbs" }, h("a", { href: "#/timeline" }, "← Timeline")),
    h("h2", null, ev.event_type, ev.sub_event_type ? h("span", { class: "subtype" }, ` · ${ev.sub_event_type}`) : null),
    h(
      "p",
      { class: "event-facts" },
      h("time", null, fmtDate(ev.date)),
      ev.date_precision ? ` (${ev.date_precision})` : "",
      ev.location ? ` · at ${ev.location.name}${ev.location.geo_precision ? ` (precision: ${ev.location.geo_precision})` : ""}` : " · no location",
      ` · ${STATUS_LABELS[ev.status] || ev.status}`,
      ev.fatalities_low !== null && ev.fatalities_high !== null && ev.fatalities_low !== ev.fatalities_high
        ? ` · fatalities reported: ${ev.fatalities_low}–${ev.fatalities_high}`
        : "",
    ),
  );
  head.style.borderLeftColor = typeColour(ev.event_type);
  const loc = ev.location;
  const mini = loc && loc.latitude !== null && loc.longitude !== null ? await locationMap(loc, typeColour(ev.event_type)) : null;
  add(
    root,
    h("div", { class: "event-top" }, head, mini),
    ev.conflicts.length
      ? h("p", { class: "conflict-banner" }, `⚠ The sources disagree on: ${ev.conflicts.map((c) => FIELD_LABELS[c.field] || c.field).join(", ")}. Every value is shown with who gives it.`)
      : null,
    h("section", null, h("h3", null, "Fields"), fieldsTable(ev)),
    h(
      "section",
      { class: "merge" },
      h("h3", null, "Why these reports were merged into one event"),
      ev.merge_reasons.length
        ? h("ul", null, ev.merge_reasons.map((r) => h("li", null, r)))
        : h("p", { class: "muted" }, ev.sources.length > 1 ? "No merge explanation was recorded." : "Built from a single report."),
    ),
    ev.fulfils.length
      ? h(
          "section",
          { class: "fulfils" },
          h("h3", null, "Commitment this event is reported to fulfil"),
          h("ul", null, ev.fulfils.map((c) => h("li", null, h("a", { href: `#/commitments?focus=${encodeURIComponent(c.id)}` }, `${c.obligor || "party not named"}: ${c.action}`), ` (deadline ${fmtDate(c.deadline)}; ${STATUS_LABELS[c.status] || c.status})`))),
        )
      : null,
    h("section", null, h("h3", null, `Sources (${ev.sources.length})`), sourcesList(ev)),
  );
}
