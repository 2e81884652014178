"""One writer at a time: an advisory lock file beside the database.

SQLite serialises transactions by itself, but two ingests interleaving their batches would both
spend time extracting the same articles. The second ingest therefore waits for the first to
finish, and says why it waits. The lock is released by the OS when a process dies, so a killed
ingest never leaves a stale lock behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def writer_lock(db_path: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of the ledger at ``db_path`` for the duration of the block."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: rely on SQLite's own locking
        yield
        return
    lock_path = db_path.with_name(db_path.name + ".lock")
    with open(lock_path, "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(f"another ingest is writing to {db_path}; waiting for it to finish")
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
