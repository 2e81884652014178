"""Helpers of the web tests: a ledger written through the store, a server thread, an HTTP client."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsledger.model import Ledger
from newsledger.web.server import LedgerServer


class Response:
    def __init__(self, status: int, headers: Any, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def json(self) -> Any:
        return json.loads(self.body)


def fetch(
    base: str,
    path: str,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    data: bytes | None = None,
) -> Response:
    req = urllib.request.Request(base.rstrip("/") + path, method=method, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return Response(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.headers, e.read())


def write_db(path: Path, ledger: Ledger) -> Path:
    from newsledger.store import Store

    with Store(path) as s:
        s.put_annotated(ledger.annotated)
        s.replace_ledger(ledger.events, ledger.commitments)
    return path


def running(server: LedgerServer) -> Iterator[LedgerServer]:
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        t.join(5)


SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def new_page(browser: Any, base: str) -> Iterator[Any]:
    """A fresh browser context and page on ``base``; ``page.problems`` collects JS errors."""
    SHOTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.problems = problems
    pg.base = base
    yield pg
    ctx.close()


def open_page(pg: Any, hash_: str) -> None:
    """Go to ``#/page...`` and wait until the page has rendered."""
    pg.goto(pg.base + hash_)
    pg.wait_for_selector(f"#app[data-page='{hash_.split('/')[1].split('?')[0]}'][data-ready='true']")


def shot(pg: Any, name: str) -> None:
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
