// Commitments board: who promised what, the deadline in force, every amendment with its source,
// the status, and the event reported to fulfil it.
import { add, articleLabel, fmtDate, getJSON, h, qs, s, sourceHref, STATUS_LABELS } from "./dom.js";

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

const DAY = 86400000;

// The deadlines in order on a date line, and the reported fulfilment, if any.
function deadlineChart(c) {
  const marks = c.deadline_history
    .filter((d) => d.deadline && /^\d{4}-\d{2}-\d{2}/.test(d.deadline))
    .map((d) => ({ t: Date.parse(d.deadline.slice(0, 10)), label: d.deadline.slice(0, 10), kind: d.amendment || "original", current: d.deadline === c.deadline }));
  if (c.fulfilled_on && /^\d{4}-\d{2}-\d{2}/.test(c.fulfilled_on)) {
    marks.push({ t: Date.parse(c.fulfilled_on.slice(0, 10)), label: c.fulfilled_on.slice(0, 10), kind: "fulfilled", current: false });
  }
  if (!marks.length) return null;
  const W = 340;
  const lo = Math.min(...marks.map((m) => m.t)) - 2 * DAY;
  const hi = Math.max(...marks.map((m) => m.t)) + 2 * DAY;
  const x = (t) => 12 + ((t - lo) / (hi - lo)) * (W - 24);
  const oneYear = new Set(marks.map((m) => m.label.slice(0, 4))).size === 1;
  const svg = s("svg", { class: "deadline-chart", viewBox: `0 0 ${W} 44`, role: "img", "aria-label": "deadlines and fulfilment on a date line" },
    s("line", { x1: 6, x2: W - 6, y1: 16, y2: 16, class: "axis" }));
  marks.forEach((m, i) => {
    const cx = x(m.t);
    const cls = `mark mark-${m.kind}${m.current ? " current" : ""}`;
    const shape = m.kind === "fulfilled"
      ? s("rect", { x: cx - 5, y: 11, width: 10, height: 10, class: cls })
      : s("circle", { cx, cy: 16, r: 5, class: cls });
    svg.append(s("g", null, shape, s("title", null, `${m.kind === "original" ? "deadline" : m.kind}: ${m.label}`),
      s("text", { x: cx, y: i % 2 ? 42 : 34, "text-anchor": cx < 45 ? "start" : cx > W - 45 ? "end" : "middle", class: "tick" }, oneYear ? m.label.slice(5) : m.label)));
  });
  return svg;
}

function card(c, focus) {
  const chart = deadlineChart(c);
  return h(
    "article",
    { class: ["commitment", `cstatus-${c.status}`, focus === c.id && "focus"], id: `c-${c.id}`, "data-commitment-id": c.id },
    h(
      "header",
      null,
      h("h3", null, `${c.obligor || "Party not named"}: ${c.action}`),
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
    chart,
    chart ? h("p", { class: "muted small chart-key" }, "○ earlier deadline · ● deadline in force · ■ fulfilment reported") : null,
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
