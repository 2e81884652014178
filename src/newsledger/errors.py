"""One exception hierarchy. The CLI prints ``Error: <what happened>. <what to do>.`` and exits 1."""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose.

    ``what`` says what happened, ``hint`` what the user can do about it.
    """

    def __init__(self, what: str, hint: str = "") -> None:
        self.what = what.rstrip(".")
        self.hint = hint.rstrip(".")
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.what}. {self.hint}." if self.hint else f"{self.what}."


class InputError(NewsledgerError):
    """A file, manifest, feed or flag cannot be read as an article."""

    def __init__(self, what: str, hint: str = "", path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {what}" if path else what, hint)


class ConfigError(NewsledgerError):
    """A setting, option or environment is wrong (bad flag value, missing extra)."""


class ModelError(NewsledgerError):
    """The language model or another resource cannot be loaded."""


class StoreError(NewsledgerError):
    """The SQLite ledger cannot be opened, migrated, read or written."""


class MissingExtraError(ConfigError):
    def __init__(self, extra: str, package: str) -> None:
        super().__init__(
            f"this needs the optional package {package!r}",
            f"install it with: pip install 'newsledger[{extra}]'",
        )
