"""The server is read-only, local, and serves nothing but its API and its own page."""

from __future__ import annotations

import http.client
import socket
import sqlite3
from pathlib import Path

import pytest
from web_support import fetch

from newsledger.errors import StoreError
from newsledger.web.server import CSP, MAX_URL


def raw_request(server, data: bytes) -> bytes:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(data)
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize(
    "path", ["/", "/api/events", "/openapi.json", "/static/style.css", "/missing", "/api/x"]
)
def test_security_headers_on_every_response(memory_server, path) -> None:
    r = fetch(memory_server.url, path)
    assert r.headers["Content-Security-Policy"] == CSP
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"


def test_only_get_and_head(memory_server) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        r = fetch(memory_server.url, "/api/events", method=method)
        assert r.status == 405, method
        assert r.headers["Allow"] == "GET, HEAD"
    head = fetch(memory_server.url, "/api/events", method="HEAD")
    assert head.status == 200 and head.body == b"" and int(head.headers["Content-Length"]) > 0


def test_request_bodies_and_long_urls_are_refused(memory_server) -> None:
    r = fetch(memory_server.url, "/api/events", headers={"Content-Length": "5"}, data=b"hello", method="GET")
    assert r.status == 413
    assert fetch(memory_server.url, "/api/events?q=" + "a" * MAX_URL).status == 414
    for length in ("abc", "-1"):
        req = f"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
        assert b" 413 " in raw_request(memory_server, req.encode()).split(b"\r\n", 1)[0]
    many = "&".join(f"p{i}=1" for i in range(200))
    assert fetch(memory_server.url, "/api/events?" + many).status == 400


@pytest.mark.parametrize(
    "path",
    [
        "/static/../server.py",
        "/static/%2e%2e/server.py",
        "/static/%2e%2e%2fserver.py",
        "/static/..%5cserver.py",
        "/static/js/../../server.py",
        "/static//etc/passwd",
        "/static/%00style.css",
        "/../../../../etc/passwd",
        "/static/",
    ],
)
def test_no_path_traversal(memory_server, path) -> None:
    # sent raw: urllib would normalise some of these
    resp = raw_request(
        memory_server, f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    )
    status = int(resp.split(b" ", 2)[1])
    assert status in (400, 404), resp[:200]
    assert b"import" not in resp and b"root:" not in resp


def test_static_files_are_served_with_types(memory_server) -> None:
    assert fetch(memory_server.url, "/static/js/app.js").headers["Content-Type"].startswith("text/javascript")
    css = fetch(memory_server.url, "/static/style.css")
    assert css.status == 200 and css.headers["Content-Type"].startswith("text/css")
    geo = fetch(memory_server.url, "/static/basemap.geojson")
    assert geo.status == 200 and len(geo.json()["features"]) > 150


def test_dns_rebinding_host_is_refused(memory_server) -> None:
    assert fetch(memory_server.url, "/api/meta", headers={"Host": "attacker.example"}).status == 421
    port = memory_server.server_address[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        assert fetch(memory_server.url, "/api/meta", headers={"Host": host}).status == 200


def test_binds_loopback_by_default() -> None:
    import inspect

    from newsledger.cli.serve import serve_command
    from newsledger.web.server import make_server

    assert inspect.signature(make_server).parameters["host"].default == "127.0.0.1"
    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_malformed_request_line_gets_an_error_not_a_crash(memory_server) -> None:
    resp = raw_request(memory_server, b"GARBAGE\r\n\r\n")
    assert resp.startswith(b"HTTP/1.") and b" 400 " in resp.split(b"\r\n", 1)[0]
    assert fetch(memory_server.url, "/api/meta").status == 200  # still serving


def test_store_is_opened_read_only(ledger_db: Path) -> None:
    from newsledger.web.store_source import StoreSource

    src = StoreSource(ledger_db)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            src.store.conn.execute("DELETE FROM events")
        assert len(src.view().ledger.events) == 4
    finally:
        src.close()


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    from newsledger.web.store_source import StoreSource

    with pytest.raises(StoreError, match="no ledger"):
        StoreSource(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


def test_keep_alive_serves_several_requests(memory_server) -> None:
    host, port = memory_server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    for _ in range(3):
        conn.request("GET", "/api/meta")
        r = conn.getresponse()
        assert r.status == 200 and r.read()
    conn.close()


def test_page_code_never_parses_strings_as_html() -> None:
    """The page builds DOM nodes and text nodes only; no HTML parsing, no eval, no CDN."""
    from importlib import resources

    static = resources.files("newsledger.web") / "static"
    js = [f for f in (static / "js").iterdir() if f.name.endswith(".js")]
    assert js
    for f in js:
        code = f.read_text("utf-8")
        for banned in (
            "innerHTML =",
            "innerHTML=",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert banned not in code, (f.name, banned)
    html = (static / "index.html").read_text("utf-8")
    assert "http://" not in html and "https://" not in html and "<script>" not in html


def test_a_failing_ledger_gives_503_with_the_reason(ledger) -> None:
    from web_support import running

    from newsledger.web.server import make_server

    class Broken:
        def view(self):
            raise StoreError("cannot read the ledger x.db: file is not a database", "check the file")

    for srv in running(make_server(Broken(), "127.0.0.1", 0, quiet=True)):
        r = fetch(srv.url, "/api/meta")
        assert r.status == 503
        assert r.json() == {
            "error": "cannot read the ledger x.db: file is not a database",
            "hint": "check the file",
        }
        assert fetch(srv.url, "/").status == 200  # the page itself still loads and shows the error
