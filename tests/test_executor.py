"""Executor settings. (Parity of one process, a process pool and Dask is tested end to end in
test_dask_ingest.py.)"""

from __future__ import annotations

import datetime as dt

import pytest

from newsledger.errors import ConfigError
from newsledger.executor import extract_parallel
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
