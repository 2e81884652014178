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
