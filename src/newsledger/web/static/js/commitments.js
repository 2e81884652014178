// Commitments board: who promised what, the deadline in force, every amendment with its source,
// the status, and the event reported to fulfil it.
import { add, articleLabel, fmtDate, getJSON, h, qs, sourceHref, STATUS_LABELS } from "./dom.js";

function history(c) {
  return h(
    "ol",
    { class: "deadline-history" },
    c.deadline_history.map((d) =>
      h(
        "li",
        { class: d.amendment ? `amend amend-${d.amendment}` : "amend original" },
        h("strong", null, d.amendment ? `${d.amendment}: ${fmtDate(d.deadline)}` : `deadline ${fmtDate(d.deadline)}`),
        " — ",
        d.end > d.start
          ? h("a", { href: sourceHref(d.article, d.start, d.end) }, `as reported by ${articleLabel(d.article_info)}`)
          : `as reported by ${articleLabel(d.article_info)}`,
        d.text ? h("blockquote", { class: "source-sentence" }, d.text) : null,
      ),
    ),
  );
}

function card(c, focus) {
  return h(
    "article",
    { class: ["commitment", `cstatus-${c.status}`, focus === c.id && "focus"], id: `c-${c.id}`, "data-commitment-id": c.id },
    h(
      "header",
      null,
      h("h3", null, `${c.obligor || "Unnamed party"}: ${c.action}`),
      h("span", { class: `badge cstatus cstatus-${c.status}` }, STATUS_LABELS[c.status] || c.status),
    ),
    h(
      "dl",
      { class: "facts" },
      h("dt", null, "Deadline in force"),
      h("dd", null, fmtDate(c.deadline)),
      c.beneficiary ? [h("dt", null, "To"), h("dd", null, c.beneficiary)] : null,
      c.location ? [h("dt", null, "Where"), h("dd", null, c.location.name)] : null,
      h("dt", null, "Fulfilment"),
      h(
        "dd",
        null,
        c.fulfilled_by
          ? [
              "reported by ",
              h("a", { href: `#/event/${encodeURIComponent(c.fulfilled_by)}` }, c.fulfilled_by_event ? `${c.fulfilled_by_event.event_type} (${fmtDate(c.fulfilled_by_event.date)})` : c.fulfilled_by),
              c.fulfilled_on ? ` on ${fmtDate(c.fulfilled_on)}` : "",
            ]
          : "no fulfilling event recorded",
      ),
    ),
    h("h4", null, "Deadline history"),
    history(c),
  );
}

export async function renderCommitments(root, params) {
  const status = params.get("status") || "";
  const focus = params.get("focus");
  const data = await getJSON(`/api/commitments${qs({ status })}`);
  const meta = await getJSON("/api/meta");
  const statusSel = h(
    "select",
    {
      name: "status",
      onchange: (ev) => {
        location.hash = `#/commitments${qs({ status: ev.target.value })}`;
      },
    },
    h("option", { value: "" }, "any"),
    meta.vocabulary.commitment_statuses.map((v) => h("option", { value: v, selected: v === status }, STATUS_LABELS[v] || v)),
  );
  add(
    root,
    h("h2", null, "Commitments"),
    h("form", { class: "filters" }, h("label", null, "Status", statusSel)),
    h("p", { class: "result-count" }, `${data.total} commitment${data.total === 1 ? "" : "s"}`),
    data.commitments.length ? h("div", { class: "board" }, data.commitments.map((c) => card(c, focus))) : h("p", { class: "muted" }, "No commitment recorded."),
  );
  if (focus) {
    const el = document.getElementById(`c-${focus}`);
    if (el) el.scrollIntoView({ block: "center" });
  }
}
