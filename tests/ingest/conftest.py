"""Helpers for the ingest tests: read everything, split articles from errors."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from newsledger.errors import InputError
from newsledger.ingest import Metadata, read_articles
from newsledger.model import Article


class Run:
    def __init__(self) -> None:
        self.warnings: list[str] = []

    def __call__(
        self, inputs: Sequence[Path | str], manifest: Path | None = None, defaults: Metadata | None = None
    ) -> tuple[list[Article], list[InputError]]:
        arts: list[Article] = []
        errs: list[InputError] = []
        for item in read_articles(
            inputs, manifest=manifest, defaults=defaults, on_warning=self.warnings.append
        ):
            (errs if isinstance(item, InputError) else arts).append(item)  # type: ignore[arg-type]
        return arts, errs


@pytest.fixture
def run() -> Run:
    return Run()
