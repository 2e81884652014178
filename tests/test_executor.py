"""Extraction gives the same annotations in one process, a process pool and a Dask cluster."""

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
    return [
        Article(id=f"t{i:02d}", text=t, published=dt.date(2024, 3, 8)) for i, t in enumerate(TEXTS * 3)
    ]


@pytest.mark.slow
def test_process_pool_matches_single_process(ctx) -> None:
    settings = ExtractSettings(batch_size=2)
    one = list(extract_parallel(_articles(), settings, ctx=ctx))
    two = list(extract_parallel(_articles(), settings, workers=2))
    assert [a.article.id for a in two] == [a.id for a in _articles()]
    assert one == two


@pytest.mark.slow
def test_dask_local_cluster_matches_single_process(ctx) -> None:
    pytest.importorskip("distributed")
    settings = ExtractSettings(batch_size=4)
    one = list(extract_parallel(_articles(), settings, ctx=ctx))
    on_dask = list(extract_parallel(_articles(), settings, workers=2, dask="local"))
    assert one == on_dask


def test_zero_workers_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        list(extract_parallel(_articles(), workers=0))
