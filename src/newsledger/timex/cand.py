"""A candidate temporal expression: what the tagger found, before its value is resolved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Cand:
    """``kind`` says how to compute the value from ``args`` (see :mod:`.anchor`)."""

    start: int
    end: int
    type: str
    kind: str
    args: tuple[Any, ...] = ()
    mod: str | None = None
    rule: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start
