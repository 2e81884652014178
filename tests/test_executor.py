"""Executor settings. (Parity of one process, a process pool and Dask is tested end to end in
test_dask_ingest.py.)"""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.errors import ConfigError
from newsledger.executor import ExtractSettings, extract_parallel
from newsledger.model import Article

TEXTS = [
    "Police said two people were killed in Lyon on Friday.",
    "The army entered the town of Bakhmut yesterday, the ministry reported.",
    "Protesters gathered in Nairobi on 3 March 2024 to demand lower prices.",
    "Rebels attacked a convoy near Gao, killing at least 12 soldiers, officials said.",
    "The government promised to withdraw its troops from the border by June 1.",
]


def _articles() -> list[Article]:
    return [Article(id=f"t{i:02d}", text=t, published=dt.date(2024, 3, 8)) for i, t in enumerate(TEXTS * 3)]


def test_zero_workers_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        list(extract_parallel(_articles(), workers=0))


def test_a_failing_article_costs_only_itself_in_a_worker_batch(monkeypatch) -> None:
    # extract_batch is the unit of work of process pools and Dask workers
    from newsledger import pipeline
    from newsledger.executor import FailedExtraction, extract_batch

    def boom(article, ctx):  # type: ignore[no-untyped-def]
        if "BOOM" in article.article.text:
            raise ValueError("stage bug")
        return article

    monkeypatch.setattr(pipeline, "select_stages", lambda names: (pipeline.Stage("boom", boom),))
    good = _articles()[:4]
    bad = Article(id="bad", text="BOOM. This text trips the stage.")
    out = extract_batch([*good[:2], bad, *good[2:]], ExtractSettings(batch_size=8))
    assert [type(x).__name__ for x in out] == ["AnnotatedArticle"] * 2 + ["FailedExtraction"] + [
        "AnnotatedArticle"
    ] * 2
    failed = out[2]
    assert isinstance(failed, FailedExtraction)
    assert failed.article.id == "bad" and failed.error == "ValueError: stage bug"


def test_skip_torch_keeps_spacy_from_importing_torch() -> None:
    # a fresh process: what a pool worker or the ingest command does before loading the model
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsledger.executor import skip_torch\n"
        "skip_torch()\n"
        "import spacy, thinc.api\n"
        "print(sys.modules.get('torch') is None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_release_memory_is_safe_to_call_anywhere() -> None:
    from newsledger.executor import release_memory

    release_memory()
    release_memory()


@pytest.mark.slow
def test_the_worker_pool_is_gone_once_the_last_result_is_read() -> None:
    # ingest reconciles after the extraction loop: the workers' memory must be freed by then
    import multiprocessing

    results = list(extract_parallel(_articles(), ExtractSettings(batch_size=4), workers=2))
    assert [r.article.id for r in results] == [a.id for a in _articles()]
    assert multiprocessing.active_children() == []
