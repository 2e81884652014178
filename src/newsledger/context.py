"""Resources the stages need, passed in — never module-level state.

A :class:`Context` loads each resource on first use and keeps it for its own lifetime, so the
same code gives the same results in one process, a process pool or a Dask worker (each builds
its own Context).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any


class Context:
    def __init__(
        self,
        model_name: str | None = None,
        gazetteer_dir: Path | None = None,
        nlp: Any = None,
    ) -> None:
        self.model_name = model_name
        self.gazetteer_dir = gazetteer_dir
        if nlp is not None:
            self.__dict__["nlp"] = nlp

    @cached_property
    def nlp(self) -> Any:
        from .nlp import load_model

        return load_model(self.model_name)

    @cached_property
    def gazetteer(self) -> Any:
        from .gazetteer import load_gazetteer

        return load_gazetteer(self.gazetteer_dir)

    @cached_property
    def event_lexicon(self) -> Any:
        """Trigger / actor lexicons of the events stage (``newsledger.coding.Lexicon``)."""
        from .coding import load_lexicon

        return load_lexicon()

    def data(self, name: str) -> Any:
        """A JSON resource from ``newsledger/data/<name>.json``, loaded once per Context."""
        cache = self.__dict__.setdefault("_data", {})
        if name not in cache:
            import json
            from importlib import resources

            from .errors import ConfigError

            try:
                raw = resources.files("newsledger").joinpath("data", f"{name}.json").read_text("utf-8")
            except FileNotFoundError as e:
                raise ConfigError(f"data file {name}.json is missing", "reinstall newsledger") from e
            cache[name] = json.loads(raw)
        return cache[name]
