// The page: a hash router over the read-only JSON API.
//   #/timeline?filters   #/map?filters   #/event/ID   #/article/ID?mark=S-E&event=ID
//   #/commitments        #/articles?q=
import { clear, errorBox, getJSON, h } from "./dom.js";
import { renderTimeline } from "./timeline.js";
import { renderMap } from "./map.js";
import { renderEvent } from "./event.js";
import { renderArticle, renderArticles } from "./article.js";
import { renderCommitments } from "./commitments.js";

const state = { meta: null, metaVersion: null };

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] || "timeline", id: parts[1] || null, params: new URLSearchParams(query || "") };
}

async function loadMeta() {
  const meta = await getJSON("/api/meta");
  state.meta = meta;
  const c = meta.counts;
  document.getElementById("counts").textContent =
    `${c.articles} articles · ${c.events} events (${c.events_with_conflicts} with disagreeing sources) · ${c.commitments} commitments`;
  const notice = document.getElementById("notice");
  if (meta.info && meta.info.needs_reconcile) {
    notice.hidden = false;
    notice.textContent =
      "Articles were added after the ledger was last reconciled: events may be incomplete until the next ingest finishes.";
  } else notice.hidden = true;
  return meta;
}

const PAGES = {
  timeline: (root, r, meta) => renderTimeline(root, r.params, meta),
  map: (root, r, meta) => renderMap(root, r.params, meta),
  event: (root, r) => renderEvent(root, r.id),
  article: (root, r) => renderArticle(root, r.id, r.params),
  articles: (root, r) => renderArticles(root, r.params),
  commitments: (root, r) => renderCommitments(root, r.params),
};

async function route() {
  const r = parseHash();
  const root = document.getElementById("app");
  for (const a of document.querySelectorAll("nav a[data-page]")) {
    a.classList.toggle("active", a.dataset.page === r.page || (r.page === "event" && a.dataset.page === "timeline"));
  }
  const render = PAGES[r.page];
  clear(root);
  root.dataset.page = r.page;
  root.dataset.ready = "false";
  if (!render) {
    root.append(h("p", null, "No such page. ", h("a", { href: "#/timeline" }, "Go to the timeline.")));
    root.dataset.ready = "true";
    return;
  }
  try {
    const meta = await loadMeta();
    await render(root, r, meta);
    document.title = `newsledger · ${r.page}`;
  } catch (err) {
    root.append(errorBox(err));
  }
  root.dataset.ready = "true";
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);
