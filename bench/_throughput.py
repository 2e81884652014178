"""``bench.scale throughput``: the whole newsledger pipeline against bare spaCy (issue 7).

Three runs on the same texts, in alternating chunks (their order flipping from chunk to
chunk, so all see the same load on a shared machine), after warming each on the first 50
texts:

* **spaCy, as shipped**: ``spacy.load`` + ``nlp.pipe`` in a child process with the
  environment the bench was started with (by default OpenBLAS / OpenMP start one thread per
  core), i.e. what a user who runs spaCy gets;
* **spaCy, one thread**: the same in a child process with ``OPENBLAS_NUM_THREADS=1
  OMP_NUM_THREADS=1`` (unless set otherwise by the user), the environment the ``newsledger``
  command gives itself and its workers (``executor.one_blas_thread_env``): the like-for-like
  comparison;
* **newsledger**: ``executor.extract_parallel`` (parse + every stage) in this process, which
  set the same one-thread environment before importing numpy, like the command.

With 2 processes, spaCy runs ``nlp.pipe(n_process=2)`` (workers forked from its warm process for
each call; their start-up, measured on 2 one-word texts in the same child, is subtracted per
call) and newsledger a :class:`~newsledger.executor.WorkerPool` of 2 warm workers kept for the
whole run: both sides are measured in steady state. CPU seconds include every process's
threads and the live workers (``tree_cpu``, read from ``/proc``); the CPU ratio is the steady
one on a shared machine. Ratio = newsledger articles/s ÷ spaCy articles/s.

``python -m bench._throughput CORPUS DOCS`` is the baseline child (commands on stdin).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from bench._speed import ROOT, Clock, Text, corpus, cpu_now, load_average, table

BATCH = 16  # nlp.pipe batch size for both sides (newsledger's default)
WARM = 50  # texts every run sees first (vocabulary, caches, lexicons, gazetteer)
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def articles(texts: list[Text]) -> list[Any]:
    from newsledger.model import Article

    return [Article(id=f"b{i:06d}", text=t.text, published=t.published) for i, t in enumerate(texts)]


def bare_spacy() -> Any:
    """The baseline: ``spacy.load`` of the model newsledger uses, as shipped (no newsledger
    components, spaCy's own attribute ruler)."""
    import spacy

    from newsledger.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of {MODEL_NAMES} is installed")


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system, all threads) of a live process, from ``/proc`` (Linux)."""
    with open(f"/proc/{pid}/stat", "rb") as f:
        fields = f.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(pids: list[int], start: bool) -> float:
    """CPU seconds of this process (all threads), its reaped children and the live processes
    ``pids`` (pool workers); the difference of a ``start=True`` and a ``start=False`` reading
    is what they spent between, the readings' own cost (this process's part) left out."""
    if not start:
        me = cpu_now()
    workers = sum(_proc_cpu(p) for p in pids)
    if start:
        me = cpu_now()
    return me + workers


class Baseline:
    """Bare spaCy in a child process with its own environment (numeric-library threads are
    fixed when numpy is imported, so each setting needs its own process)."""

    def __init__(self, name: str, docs: int, env: dict[str, str], skip: int = 0) -> None:
        cmd = [sys.executable, "-m", "bench._throughput", name, str(docs), str(skip)]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)  # fmt: skip
        self.info = self._ask("ready")

    def _ask(self, line: str) -> dict[str, Any]:
        assert self.proc.stdin and self.proc.stdout
        if line != "ready":
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
        out = self.proc.stdout.readline()
        if not out:
            raise SystemExit(f"baseline child failed (exit {self.proc.wait()})")
        res: dict[str, Any] = json.loads(out)
        return res

    def run(
        self, lo: int, hi: int, workers: int, parser: bool = True, tiny: bool = False
    ) -> tuple[float, float]:
        """CPU and wall seconds of ``nlp.pipe`` over texts ``lo:hi`` (``tiny``: over as many
        one-word texts)."""
        cmd = {"lo": lo, "hi": hi, "workers": workers, "parser": parser, "tiny": tiny}
        res = self._ask(json.dumps(cmd))
        return res["cpu"], res["wall"]

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait()


def texts_of(name: str, docs: int, skip: int = 0) -> list[Text]:
    """Texts ``skip`` to ``skip + docs`` of a corpus (``skip``: a held-out part)."""
    return corpus(name, skip + docs)[skip:]


def child(name: str, docs: int, skip: int) -> None:
    """The baseline child: load spaCy, warm it, then answer one JSON command per line."""
    from threadpoolctl import threadpool_info

    raw = [t.text for t in texts_of(name, docs, skip)]
    nlp = bare_spacy()
    list(nlp.pipe(raw[:WARM], batch_size=BATCH))
    threads = {i["internal_api"]: i["num_threads"] for i in threadpool_info()}
    print(json.dumps({"threads": threads}), flush=True)
    for line in sys.stdin:
        cmd = json.loads(line)
        texts = ["word"] * (cmd["hi"] - cmd["lo"]) if cmd["tiny"] else raw[cmd["lo"] : cmd["hi"]]
        disable = [] if cmd["parser"] else ["parser"]
        with nlp.select_pipes(disable=disable), Clock() as c:  # forked workers are joined: counted
            for _ in nlp.pipe(texts, batch_size=BATCH, n_process=cmd["workers"]):
                pass
        print(json.dumps({"cpu": c.cpu, "wall": c.wall}), flush=True)


def _interleaved(
    runs: list[Callable[[int, int], tuple[float, float]]], n: int, chunk: int
) -> list[list[float]]:
    """Run each of ``runs`` on texts ``lo:lo+chunk`` chunk by chunk, the runs alternating (and
    their order flipping) from chunk to chunk. Returns [CPU s, wall s, calls] per run."""
    sums = [[0.0, 0.0, 0.0] for _ in runs]
    for k, lo in enumerate(range(0, n, chunk)):
        order = list(range(len(runs)))
        for j in order if k % 2 == 0 else reversed(order):
            cpu, wall = runs[j](lo, min(n, lo + chunk))
            sums[j][0] += cpu
            sums[j][1] += wall
            sums[j][2] += 1
    return sums


def _start_up(base: Baseline, workers: int, tries: int = 3) -> float:
    """CPU seconds of one ``nlp.pipe(n_process=workers)`` call on one word per worker: the
    cost of forking and joining its workers (the cheapest of ``tries``)."""
    return min(base.run(0, workers, workers, tiny=True)[0] for _ in range(tries))


def throughput(
    corpora: list[str],
    docs: int,
    workers: list[int],
    user_env: dict[str, str],
    repeat: int = 1,
    skip: int = 0,
) -> list[dict[str, Any]]:
    """``user_env``: the environment before the bench gave itself the one-thread default."""
    from newsledger import Context
    from newsledger.executor import ExtractSettings, WorkerPool, extract_parallel

    default_env = dict(user_env)  # what the user's own spaCy process would get
    same_env = {**ONE_THREAD, **user_env}  # the one-thread default, unless the user set one
    settings = ExtractSettings(batch_size=BATCH)
    ctx = Context()
    rows = []
    print(f"# throughput ({load_average()})", flush=True)
    pools = {w: WorkerPool(w) for w in workers if w > 1}
    try:
        for name in corpora:
            texts = texts_of(name, docs, skip)
            arts = articles(texts)
            words = sum(t.words for t in texts)
            bases = [Baseline(name, docs, default_env, skip), Baseline(name, docs, same_env, skip)]
            list(extract_parallel(arts[:WARM], settings, ctx=ctx))
            for pool in pools.values():  # twice: every worker has loaded everything
                for _ in range(2):
                    list(extract_parallel(arts[:WARM], settings, pool=pool))
            for w in workers:
                pool = pools.get(w)

                def ours(lo: int, hi: int, pool: Any = pool, arts: list[Any] = arts) -> tuple[float, float]:
                    pids = pool.pids() if pool else []
                    c0, t0 = tree_cpu(pids, start=True), time.perf_counter()
                    for _ in extract_parallel(arts[lo:hi], settings, ctx=ctx, pool=pool):
                        pass
                    return tree_cpu(pids, start=False) - c0, time.perf_counter() - t0

                runs = [_run_of(b, w) for b in bases] + [ours]
                sums = [[0.0, 0.0, 0.0] for _ in runs]
                for _ in range(repeat):
                    for s, t in zip(sums, _interleaved(runs, len(arts), 2 * BATCH * w), strict=True):
                        s[:] = [a + b for a, b in zip(s, t, strict=True)]
                start = [_start_up(b, w) if w > 1 else 0.0 for b in bases]
                (d_cpu, d_wall, d_calls), (o_cpu, o_wall, o_calls), (n_cpu, n_wall, _) = sums
                d_cpu -= start[0] * d_calls
                o_cpu -= start[1] * o_calls
                n = len(arts) * repeat
                row: dict[str, Any] = {
                    "corpus": name,
                    "docs": f"{skip}-{skip + len(arts)}" if skip else len(arts),
                    "words": words,
                    "processes": w,
                    "spaCy art/CPU-s (as shipped)": n / d_cpu,
                    "spaCy art/CPU-s (one thread)": n / o_cpu,
                    "newsledger art/CPU-s": n / n_cpu,
                    "newsledger words/CPU-s": words * repeat / n_cpu,
                    "ratio CPU vs as shipped": d_cpu / n_cpu,
                    "ratio CPU vs one thread": o_cpu / n_cpu,
                    "ratio wall vs as shipped": d_wall / n_wall,
                    "ratio wall vs one thread": o_wall / n_wall,
                }
                if w > 1:
                    row["spaCy start-up CPU s per call (subtracted)"] = f"{start[0]:.2f} / {start[1]:.2f}"
                else:  # the most "parse only where needed" could save: no parser at all
                    noparse, _ = bases[1].run(0, len(arts), 1, parser=False)
                    full, _ = bases[1].run(0, len(arts), 1)
                    row["spaCy without parser / full (CPU)"] = noparse / full
                rows.append(row)
                print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}),
                      flush=True)  # fmt: skip
            for b in bases:
                b.close()
    finally:
        for pool in pools.values():
            pool.close()
    print(f"# done ({load_average()}); ratio = newsledger throughput / bare spaCy throughput")
    print(f"# spaCy threads as shipped: {bases[0].info['threads']}; one thread: {bases[1].info['threads']}")
    for w in workers:
        sel = [r for r in rows if r["processes"] == w]
        print(table(sel, [k for k in sel[0] if k != "processes"]) + "\n")
    return rows


def _run_of(base: Baseline, workers: int) -> Callable[[int, int], tuple[float, float]]:
    return lambda lo, hi: base.run(lo, hi, workers)


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
