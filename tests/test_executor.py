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


def _run_python(code: str, **env: str) -> str:
    """``code`` in a fresh interpreter whose environment lacks the thread variables except
    those given; returns its last line of output."""
    import os
    import subprocess
    import sys

    from newsledger.executor import ONE_THREAD_ENV

    base = {k: v for k, v in os.environ.items() if k not in ONE_THREAD_ENV}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**base, **env})  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


SHOW_THREADS = (
    "import os, sys\n"
    "print(os.environ.get('OPENBLAS_NUM_THREADS'), os.environ.get('OMP_NUM_THREADS'), 'numpy' in sys.modules)\n"
)


def test_importing_the_library_and_cli_leaves_the_environment_alone() -> None:
    code = "import newsledger, newsledger.cli, newsledger.executor, newsledger.pipeline\n" + SHOW_THREADS
    assert _run_python(code) == "None None False"


def test_the_command_runs_numeric_libraries_on_one_thread_unless_the_user_chose() -> None:
    # set first thing in main(), before numpy is imported; spawned workers inherit it
    code = "from newsledger.cli import main\nmain(['--help'])\n" + SHOW_THREADS
    assert _run_python(code) == "1 1 False"
    assert _run_python(code, OPENBLAS_NUM_THREADS="3") == "3 1 False"


def test_pool_workers_start_with_one_thread(monkeypatch) -> None:
    import os

    from newsledger.executor import ONE_THREAD_ENV, WorkerPool

    for name in ONE_THREAD_ENV:
        monkeypatch.delenv(name, raising=False)
    with WorkerPool(1) as pool:  # a library caller (no CLI): the worker sets it at start-up
        got = [pool._pool.submit(os.getenv, name).result() for name in ONE_THREAD_ENV]
    assert got == ["1", "1"]
    assert all(name not in os.environ for name in ONE_THREAD_ENV)  # not in the caller


@pytest.mark.slow
def test_a_kept_pool_gives_the_single_process_results_with_the_callers_articles(ctx) -> None:
    from newsledger.executor import WorkerPool

    arts = _articles()
    settings = ExtractSettings(batch_size=4)
    one = list(extract_parallel(arts, settings, ctx=ctx))
    with WorkerPool(2) as pool:
        first = list(extract_parallel(arts, settings, pool=pool))
        again = list(extract_parallel(arts[3:], settings, pool=pool))
    assert first == one and again == one[3:]
    # annotations travel back without the article; the caller's own Article is attached
    assert all(r.article is a for r, a in zip(first, arts, strict=True))
