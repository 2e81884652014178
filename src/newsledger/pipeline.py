"""The per-article pipeline: a parse, then a list of named stages.

A stage is ``func(article: AnnotatedArticle, ctx: Context) -> AnnotatedArticle``: it reads what
earlier stages assigned and returns a copy with its own annotations added. Extraction is pure:
article in, annotations out; only ``store/`` writes and only ``reconcile/`` looks across
articles.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from time import process_time

from .context import Context
from .model import AnnotatedArticle, Article, Entity, Span
from .nlp import MAX_CHARS, index_sentences, model_text, one_thread, release, remember_text

StageFunc = Callable[[AnnotatedArticle, Context], AnnotatedArticle]
Timings = dict[str, float]  # step name -> CPU seconds, filled by parse/annotate/extract on request


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


def default_stages() -> tuple[Stage, ...]:
    """The stages of a full extraction, in order."""
    from .stages import claims, commitments, dates, events, figures, places

    return (dates.STAGE, places.STAGE, figures.STAGE, claims.STAGE, events.STAGE, commitments.STAGE)


def select_stages(names: Sequence[str] | None) -> tuple[Stage, ...]:
    stages = default_stages()
    if not names:
        return stages
    by_name = {s.name: s for s in stages}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        from .errors import ConfigError

        raise ConfigError(f"unknown stage {unknown[0]!r}", f"choose from: {', '.join(by_name)}")
    wanted = set(names)
    # keep the order of the full pipeline and pull in what the wanted stages require
    for s in reversed(stages):
        if s.name in wanted:
            wanted.update(r for r in s.requires if r in by_name)
    return tuple(s for s in stages if s.name in wanted)


def parse(
    articles: Sequence[Article], ctx: Context, batch_size: int = 16, timings: Timings | None = None
) -> list[AnnotatedArticle]:
    """Run the language model over a batch: sentences and entities, plus the Doc for stages.

    With ``timings``, the CPU seconds spent in the language model are added under ``"parse"``.
    """
    texts = []
    warnings: list[tuple[str, ...]] = []
    for a in articles:
        if len(a.text) > MAX_CHARS:
            texts.append(model_text(a.text[:MAX_CHARS]))
            warnings.append((f"text cut at {MAX_CHARS} characters for analysis",))
        else:
            texts.append(model_text(a.text))
            warnings.append(())
    t0 = process_time() if timings is not None else 0.0
    with one_thread():
        docs = list(ctx.nlp.pipe(texts, batch_size=batch_size))
    out = []
    for a, doc, text, warn in zip(articles, docs, texts, warnings, strict=True):
        remember_text(doc, text)  # stages read it with nlp.doc_text(doc)
        sents = tuple(Span(a.id, s.start_char, s.end_char) for s in index_sentences(doc))
        ents = tuple(
            Entity(Span(a.id, e.start_char, e.end_char), text[e.start_char : e.end_char], e.label_)
            for e in doc.ents
        )
        out.append(AnnotatedArticle(article=a, doc=doc, sentences=sents, entities=ents, warnings=warn))
    if timings is not None:
        timings["parse"] = timings.get("parse", 0.0) + process_time() - t0
    return out


def annotate(
    annotated: AnnotatedArticle, ctx: Context, stages: Iterable[Stage], timings: Timings | None = None
) -> AnnotatedArticle:
    """Run ``stages`` in order. With ``timings``, each stage's CPU seconds are added under its
    name (the results are the same with or without it)."""
    if timings is None:
        for stage in stages:
            annotated = stage.func(annotated, ctx)
        return annotated
    for stage in stages:
        t0 = process_time()
        annotated = stage.func(annotated, ctx)
        timings[stage.name] = timings.get(stage.name, 0.0) + process_time() - t0
    return annotated


def extract(
    articles: Iterable[Article],
    ctx: Context | None = None,
    stages: Sequence[Stage] | None = None,
    batch_size: int = 16,
    timings: Timings | None = None,
) -> Iterator[AnnotatedArticle]:
    """Annotate articles one batch at a time (streaming); yields results without the Doc.

    ``timings`` (optional) accumulates CPU seconds per step: ``"parse"`` and each stage name.
    """
    ctx = ctx or Context()
    stages = default_stages() if stages is None else tuple(stages)
    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        for parsed in parse(batch, ctx, batch_size=batch_size, timings=timings):
            done = annotate(parsed, ctx, stages, timings)
            release(parsed.doc)
            yield done.without_doc()
        freeze_resources(ctx)


def freeze_resources(ctx: Context | None = None) -> None:
    """Once per process, after the first batch has loaded the model, gazetteer and lexicons:
    move every object alive into the collector's permanent generation (``gc.freeze``).

    Those resources are millions of long-lived objects; every full collection of Python's
    cycle collector would walk them again (~0.2 s each, several per thousand articles). They
    stay reference-counted as before; only the cycle collector skips them. ``ctx`` remembers
    that it was done: asking the collector (``gc.get_freeze_count``) walks every frozen
    object, ~10-30 ms, too much to do for every batch."""
    if ctx is not None and ctx.__dict__.get("_resources_frozen"):
        return
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()
    if ctx is not None:
        ctx.__dict__["_resources_frozen"] = True
