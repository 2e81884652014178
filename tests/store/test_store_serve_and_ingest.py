"""Concurrency, as users run it: `newsledger serve` answers while two `newsledger ingest` processes
write (WAL); the second ingest, started while the first is surely writing, waits, says why, then
completes, and articles both were given are stored once.

One scenario runs real processes (module fixture); the tests below each check one promise of it.
(test_store_concurrency.py covers export/query readers during an ingest.)
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newsledger.store import Store

pytestmark = pytest.mark.slow

TOWNS = ("Northville", "Southport", "Eastbrook", "Westfield", "Lakeside", "Hillcrest")
THINGS = ("bridge", "library", "market", "clinic", "school", "stadium")


def report(i: int) -> str:
    town, thing = TOWNS[i % len(TOWNS)], THINGS[(i // len(TOWNS)) % len(THINGS)]
    return (
        f"The {thing} of {town} reopens, report {i}\n\n"
        f"The council of {town} said on Monday that the {thing} reopened after {2 + i % 20} weeks of "
        f"repairs. About {10 + 7 * i} residents attended, officials said. Report number {i}.\n"
    )


def write_corpus(folder: Path, numbers: range) -> Path:
    folder.mkdir(parents=True)
    for i in numbers:
        (folder / f"r{i:03d}.txt").write_text(report(i), encoding="utf-8")
    return folder


def newsledger(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsledger", *args]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def lock_held(db: Path) -> bool:
    """True when some process holds the ingest writer lock of ``db`` (Linux: /proc/locks)."""
    lock = db.with_name(db.name + ".lock")
    try:
        ino = lock.stat().st_ino
        table = Path("/proc/locks").read_text()
    except OSError:
        return False
    for line in table.splitlines():
        f = line.split()
        if "->" not in f and len(f) > 5 and f[1] == "FLOCK" and f[5].endswith(f":{ino}"):
            return True
    return False


def _wait_for(cond, what: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Lines:
    """A process's stderr, read as it comes."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self.thread.start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        for line in proc.stderr:  # type: ignore[union-attr]
            self.lines.append(line.rstrip("\n"))

    def has(self, word: str) -> bool:
        return any(word in line for line in list(self.lines))

    def done(self) -> None:
        self.thread.join(30)

    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class Scenario:
    db: Path
    expected_ids: set[str]
    codes: dict[str, int] = field(default_factory=dict)
    stderr: dict[str, str] = field(default_factory=dict)
    responses: list[tuple[str, int, str]] = field(default_factory=list)  # (path, status, body)
    served_counts: list[int] = field(default_factory=list)  # articles seen by serve, in order
    final_meta: dict = field(default_factory=dict)


def _poll_serve(base: str, stop: threading.Event, sc: Scenario) -> None:
    paths = ("/api/meta", "/api/articles", "/api/articles?q=residents", "/api/events")
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        status, body = get(base + path)
        sc.responses.append((path, status, body))
        if status == 200 and path == "/api/meta":
            sc.served_counts.append(json.loads(body)["counts"]["articles"])
        if status == 200 and path == "/api/articles":
            arts = json.loads(body)["articles"]
            if arts:  # an article page reads annotations on demand, on the server's connection
                status, body = get(f"{base}/api/articles/{arts[-1]['id']}")
                sc.responses.append(("/api/articles/<id>", status, body))
        i += 1


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, ctx) -> Scenario:
    from newsledger.ingest import read_articles
    from newsledger.ledger import ingest

    if not Path("/proc/locks").exists():
        pytest.skip("needs /proc/locks to see the writer lock (Linux)")
    root = tmp_path_factory.mktemp("concurrency")
    seed = write_corpus(root / "seed", range(0, 2))
    first = write_corpus(root / "first", range(2, 26))
    second = write_corpus(root / "second", range(14, 40))  # 12 articles overlap with the first
    db = root / "ledger.db"
    # the ledger exists before serve starts (serve refuses a missing ledger)
    ingest([seed], db=db, ctx=ctx, defaults=_published())
    expected = {a.id for a in read_articles([seed, first, second]) if not isinstance(a, Exception)}
    sc = Scenario(db=db, expected_ids=expected)

    serve = subprocess.Popen(
        newsledger("serve", "--db", str(db), "--port", "0", "--quiet"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    procs: dict[str, subprocess.Popen[str]] = {}
    stop = threading.Event()
    threads: list[threading.Thread] = []
    try:
        line = serve.stdout.readline()  # type: ignore[union-attr]
        assert " at http://127.0.0.1:" in line, line
        base = line.split(" at ", 1)[1].split()[0].rstrip("/")
        threads = [
            threading.Thread(target=_poll_serve, args=(base, stop, sc), daemon=True),
        ]
        for t in threads:
            t.start()
        args = ("--db", str(db), "--published", "2021-03-01", "--batch-size", "2")
        # Make the first ingest hold the writer lock for as long as this test needs, with no timing
        # luck: another program holds a write transaction, so the first ingest takes the lock,
        # extracts, then waits (SQLite busy timeout) to store its first batch.
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        procs["first"] = subprocess.Popen(
            newsledger("ingest", str(first), *args),
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        _wait_for(lambda: lock_held(db) or procs["first"].poll() is not None, "the first ingest's lock")
        procs["second"] = subprocess.Popen(
            newsledger("ingest", str(second), *args),
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        said = Lines(procs["second"])
        _wait_for(lambda: said.has("waiting") or procs["second"].poll() is not None, "the second to wait")
        other.execute("COMMIT")  # the other program is done: the first ingest goes on
        other.close()
        _, sc.stderr["first"] = procs["first"].communicate(timeout=300)
        procs["second"].wait(timeout=300)
        said.done()
        sc.stderr["second"] = said.text()
        sc.codes = {name: p.returncode for name, p in procs.items()}
        time.sleep(0.3)  # a few more reads after the last commit
        stop.set()
        for t in threads:
            t.join(60)
        # the served snapshot catches up with the last commit (it reloads in the background)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            status, body = get(base + "/api/meta")
            sc.final_meta = json.loads(body) if status == 200 else {}
            if sc.final_meta.get("counts", {}).get("articles") == len(expected):
                break
            time.sleep(0.2)
    finally:
        stop.set()
        for p in procs.values():
            if p.poll() is None:
                p.kill()
                p.wait()
        serve.send_signal(signal.SIGINT)
        try:
            _, sc.stderr["serve"] = serve.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
            _, sc.stderr["serve"] = serve.communicate()
    return sc


def _published():
    from newsledger.ingest import Metadata, parse_date

    return Metadata(published=parse_date("2021-03-01"))


def test_both_ingests_complete(scenario: Scenario) -> None:
    assert scenario.codes == {"first": 0, "second": 0}, scenario.stderr


def test_the_second_ingest_says_why_it_waits(scenario: Scenario) -> None:
    waits = [line for line in scenario.stderr["second"].splitlines() if "waiting" in line]
    assert waits == [f"another ingest is writing to {scenario.db}; waiting for it to finish"], scenario.stderr
    assert "waiting" not in scenario.stderr["first"]


def test_every_article_is_stored_once(scenario: Scenario) -> None:
    with sqlite3.connect(scenario.db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in con.execute("SELECT id FROM articles")]
        assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == len(ids)
    assert sorted(ids) == sorted(scenario.expected_ids)
    second = scenario.stderr["second"]
    assert "ingested 14 new article(s) (12 already stored" in second, second


def test_nothing_reports_a_locked_database(scenario: Scenario) -> None:
    for name, text in scenario.stderr.items():
        assert "locked" not in text.lower(), (name, text)
        assert "Traceback" not in text, (name, text)


def test_serve_answers_every_request_during_the_writes(scenario: Scenario) -> None:
    assert len(scenario.responses) >= 20  # it was really polled while the ingests ran
    bad = [(p, s, b[:200]) for p, s, b in scenario.responses if s != 200]
    assert bad == []
    assert not any("locked" in b for _, _, b in scenario.responses)


def test_serve_sees_a_growing_ledger_and_catches_up(scenario: Scenario) -> None:
    counts = scenario.served_counts
    assert counts and counts == sorted(counts)  # each answer is a consistent, never older snapshot
    assert scenario.final_meta["counts"]["articles"] == len(scenario.expected_ids)


def test_many_processes_opening_a_new_ledger_at_once(tmp_path: Path) -> None:
    """Creating and migrating a fresh ledger from several connections at once never fails."""
    errors: list[str] = []
    for round_ in range(5):
        db = tmp_path / f"fresh{round_}.db"
        go = threading.Barrier(4)

        def open_it(db: Path = db, go: threading.Barrier = go) -> None:
            try:
                go.wait()
                with Store(db) as s:
                    s.counts()
            except Exception as e:
                errors.append(f"{type(e).__name__}: {e}")

        threads = [threading.Thread(target=open_it) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        with Store(db, readonly=True) as s:
            assert s.integrity_check() == "ok"
    assert errors == []
