"""Memory of a process tree, sampled while it runs (``bench.scale scaling``)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path


def _pss_kib(pid: int) -> int:
    """Proportional set size of a process (shared pages divided among their users), in KiB."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory:
    """Peaks of a process tree's memory per phase, sampled in a thread every ``every`` s:
    the RSS sum (shared pages counted in every process: the conservative figure), the PSS sum
    (``/proc/PID/smaps_rollup``: shared pages counted once) and the largest single process."""

    def __init__(self, pid: int, phase_file: Path, every: float = 0.2) -> None:
        self.pid, self.phase_file, self.every = pid, phase_file, every
        self.peaks: dict[str, dict[str, int]] = {}  # phase -> {"rss", "pss", "max_proc", "procs"}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            rss, pss, biggest = 0, 0, 0
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    r = p.memory_info().rss
                    rss += r
                    biggest = max(biggest, r)
                    pss += _pss_kib(p.pid) * 1024
            try:
                phase = self.phase_file.read_text() or "start"
            except OSError:
                phase = "start"
            peak = self.peaks.setdefault(phase, {"rss": 0, "pss": 0, "max_proc": 0, "procs": 0})
            if rss > peak["rss"]:
                peak["rss"], peak["procs"] = rss, len(procs)
            peak["pss"] = max(peak["pss"], pss)
            peak["max_proc"] = max(peak["max_proc"], biggest)
            self._stop.wait(self.every)

    def peak(self, key: str) -> float:
        """The peak of ``key`` over all phases, in MB."""
        return max((p[key] for p in self.peaks.values()), default=0) / 2**20

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
