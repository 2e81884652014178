// Article page: the stored text with dates, places, figures, claims, event triggers and
// commitments highlighted; each highlight lists what it feeds. The server cuts the text into
// segments (offsets are Python code points; the page does no offset arithmetic).
import { add, clear, errorBox, fmtDate, getJSON, h, qs } from "./dom.js";
import { eventCard } from "./timeline.js";

const KINDS = [
  ["source", "the sentence you came from"],
  ["trigger", "event trigger"],
  ["date", "date"],
  ["place", "place"],
  ["figure", "figure"],
  ["claim", "attributed claim"],
  ["speaker", "who is quoted"],
  ["commitment", "commitment"],
  ["event", "sentence reporting an event"],
];

function linkFor(l) {
  if (l.kind === "event") return h("a", { href: `#/event/${encodeURIComponent(l.id)}` }, `event: ${l.label}`);
  if (l.kind === "commitment") return h("a", { href: `#/commitments?focus=${encodeURIComponent(l.id)}` }, `commitment: ${l.label}`);
  return h("span", null, l.label);
}

function details(panel, art, seg) {
  clear(panel);
  panel.append(h("h3", null, "Highlighted here"));
  const anns = seg.anns.map((i) => art.annotations[i]);
  if (!anns.length) {
    panel.append(h("p", { class: "muted" }, "Nothing is recorded for this text."));
    return;
  }
  panel.append(
    h(
      "ul",
      { class: "ann-list" },
      anns.map((a) =>
        h(
          "li",
          { class: `ann ann-${a.kind}` },
          h("span", { class: `hl hl-${a.kind} chip` }, a.kind),
          " ",
          a.label,
          a.links.length
            ? h("div", { class: "feeds" }, "feeds: ", a.links.map((l, k) => [k ? "; " : "", linkFor(l)]))
            : h("div", { class: "feeds muted" }, a.kind === "source" ? "" : "feeds no ledger entry"),
        ),
      ),
    ),
  );
}

function renderText(art, panel, hidden) {
  const body = h("div", { class: "article-text", id: "article-text", lang: art.language || null });
  let firstSource = null;
  let wrap = null; // one <mark> around the consecutive segments of the source sentence
  for (const seg of art.segments) {
    const all = [...new Set(seg.anns.map((i) => art.annotations[i].kind))];
    const inSource = all.includes("source") && !hidden.has("source");
    if (inSource && !wrap) {
      wrap = h("mark", { class: "source-mark", id: firstSource ? null : "source-mark" });
      firstSource = firstSource || wrap;
      body.append(wrap);
    } else if (!inSource) wrap = null;
    const target = wrap || body;
    const kinds = all.filter((k) => k !== "source" && !hidden.has(k));
    if (!kinds.length && !inSource) {
      target.append(document.createTextNode(seg.text));
      continue;
    }
    const el = h(
      "span",
      {
        class: ["seg", ...kinds.map((k) => `hl-${k}`)],
        tabindex: 0,
        "data-start": seg.start,
        "data-kinds": kinds.join(" "),
        onclick: () => details(panel, art, seg),
        onkeydown: (ev) => ev.key === "Enter" && details(panel, art, seg),
      },
      seg.text,
    );
    target.append(el);
  }
  return { body, firstSource };
}

export async function renderArticle(root, id, params) {
  const marks = params.getAll("mark");
  const fromEvent = params.get("event");
  const art = await getJSON(`/api/articles/${encodeURIComponent(id)}${marks.length ? "?" + marks.map((m) => "mark=" + encodeURIComponent(m)).join("&") : ""}`);
  const hidden = new Set();
  const panel = h("aside", { class: "ann-panel" }, h("p", { class: "muted" }, "Click a highlight to see what it feeds."));
  const textBox = h("div", { class: "text-box" });
  const draw = () => {
    const { body, firstSource } = renderText(art, panel, hidden);
    clear(textBox).append(body);
    return firstSource;
  };
  const toggles = h(
    "div",
    { class: "kind-toggles", role: "group", "aria-label": "Highlights" },
    KINDS.filter(([k]) => k !== "source" || marks.length).map(([k, label]) =>
      h(
        "label",
        { class: `toggle hl-${k}` },
        h("input", { type: "checkbox", checked: true, onchange: (ev) => { if (ev.target.checked) hidden.delete(k); else hidden.add(k); draw(); } }),
        label,
      ),
    ),
  );
  add(
    root,
    h("p", { class: "crumbs" }, fromEvent ? h("a", { href: `#/event/${encodeURIComponent(fromEvent)}` }, "← Back to the event") : h("a", { href: "#/articles" }, "← Articles")),
    h("h2", { class: "article-title" }, art.title || art.id),
    h(
      "p",
      { class: "article-meta" },
      [art.outlet, art.published ? `published ${art.published}` : "publication date unknown", art.source_file, `id ${art.id}`].filter(Boolean).join(" · "),
      art.url ? [" · ", h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
      art.duplicate_of ? [" · duplicate of ", h("a", { href: `#/article/${encodeURIComponent(art.duplicate_of)}` }, art.duplicate_of)] : null,
    ),
    toggles,
    h("div", { class: "article-layout" }, textBox, panel),
    art.events.length ? h("section", null, h("h3", null, `Events reported in this article (${art.events.length})`), art.events.map(eventCard)) : null,
  );
  const first = draw();
  if (first) {
    first.scrollIntoView({ block: "center" });
    const seg = art.segments.find((sg) => String(sg.start) === first.firstElementChild?.dataset.start);
    if (seg) details(panel, art, seg);
  }
}

export async function renderArticles(root, params) {
  const q = params.get("q") || "";
  const list = h("div");
  const load = async (text) => {
    clear(list);
    try {
      const data = await getJSON(`/api/articles${qs({ q: text })}`);
      list.append(
        h("p", { class: "result-count" }, `${data.total} article${data.total === 1 ? "" : "s"}`),
        h(
          "ul",
          { class: "article-list" },
          data.articles.map((a) =>
            h("li", null, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id), " ", h("span", { class: "muted" }, [a.outlet, fmtDate(a.published)].filter(Boolean).join(" · ")), a.snippet ? h("div", { class: "snippet" }, a.snippet) : null),
          ),
        ),
      );
    } catch (err) {
      list.append(errorBox(err));
    }
  };
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "search article text" });
  add(
    root,
    h("h2", null, "Articles"),
    h("form", { class: "filters", role: "search", onsubmit: (ev) => { ev.preventDefault(); history.replaceState(null, "", `#/articles${qs({ q: input.value })}`); load(input.value); } }, h("label", null, "Text", input), h("button", { type: "submit" }, "Search")),
    list,
  );
  await load(q);
}
