"""The HTTP server: standard library only (``ThreadingHTTPServer``), read-only, loopback by default.

Security: only GET and HEAD; no request bodies; bounded URL length; static files served from a
table built at start (a URL can name nothing else, so no path traversal); a strict
Content-Security-Policy (no inline script, no third-party origin) and ``nosniff`` on every
response; a Host check against DNS rebinding while bound to loopback.
"""

from __future__ import annotations

import json
import mimetypes
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from .. import __version__
from ..errors import NewsledgerError
from . import api, openapi
from .source import DataSource

MAX_URL = 4096
MAX_QUERY_PARAMS = 64
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'none'"
)
SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)
TYPES = MappingProxyType(
    {
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".geojson": "application/geo+json; charset=utf-8",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".txt": "text/plain; charset=utf-8",
    }
)


@dataclass(frozen=True)
class StaticFile:
    body: bytes
    content_type: str


def load_static() -> Mapping[str, StaticFile]:
    """Every file under ``web/static`` (shipped in the package), keyed by its relative path."""
    root = resources.files("newsledger.web") / "static"
    table: dict[str, StaticFile] = {}

    def walk(node: Any, prefix: str) -> None:
        for child in node.iterdir():
            name = prefix + child.name
            if child.is_dir():
                walk(child, name + "/")
            elif not child.name.startswith("."):
                ext = "." + child.name.rsplit(".", 1)[-1] if "." in child.name else ""
                ctype = TYPES.get(ext) or mimetypes.guess_type(child.name)[0] or "application/octet-stream"
                table[name] = StaticFile(child.read_bytes(), ctype)

    walk(root, "")
    return MappingProxyType(table)


class LedgerServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], source: DataSource, *, quiet: bool = False, log: Any = None
    ) -> None:
        self.source = source
        self.static = load_static()
        self.quiet = quiet
        self.log = log or sys.stderr
        self.bind_host = address[0]
        self.openapi_body = json.dumps(openapi.schema(__version__), indent=1).encode()
        super().__init__(address, Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = str(host)
        return f"http://{'[' + host + ']' if ':' in host else host}:{port}/"

    def host_allowed(self, header: str | None) -> bool:
        if header is None or self.bind_host in ("0.0.0.0", "::", ""):
            return True
        host = header.strip().lower()
        if host.startswith("["):
            host = host[: host.find("]") + 1]
        elif host.count(":") == 1:
            host = host.split(":", 1)[0]
        return host in LOOPBACK or host == self.bind_host.lower()


class Handler(BaseHTTPRequestHandler):
    server: LedgerServer
    server_version = "newsledger"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    default_request_version = "HTTP/1.0"  # answer malformed requests with headers (no HTTP/0.9)
    timeout = 20  # seconds a client may take to send its request

    # --- plumbing ------------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:
            self.server.log.write(f"{self.address_string()} {format % args}\n")

    def _send(self, status: int, body: bytes, ctype: str, extra: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        for k, v in (*SECURITY_HEADERS, *extra):
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, payload: Any, extra: tuple[tuple[str, str], ...] = ()) -> None:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", (("Cache-Control", "no-store"), *extra))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors as JSON with the same security headers (replaces the stock HTML page)."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        self.close_connection = True
        self._json(code, {"error": message or phrase, "hint": explain or ""}, (("Connection", "close"),))

    # --- methods -------------------------------------------------------------------------------

    def do_GET(self) -> None:
        try:
            self._dispatch()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except NewsledgerError as e:  # e.g. the ledger file went away or is not a ledger
            self.send_error(503, e.what, e.hint)
        except Exception:
            traceback.print_exc(file=self.server.log)
            self.send_error(500, "internal error", "the server log has the details")

    do_HEAD = do_GET

    def _not_allowed(self) -> None:
        self.close_connection = True
        self._json(
            405,
            {"error": f"method {self.command} not allowed", "hint": "this server is read-only: use GET"},
            (("Allow", "GET, HEAD"), ("Connection", "close")),
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _not_allowed

    def _dispatch(self) -> None:
        if len(self.path) > MAX_URL:
            return self.send_error(414, "URL too long", f"at most {MAX_URL} characters")
        length = (self.headers.get("Content-Length") or "0").strip()
        if self.headers.get("Transfer-Encoding") or not length.isdigit() or int(length) > 0:
            return self.send_error(413, "request bodies are not accepted", "send a GET without a body")
        if not self.server.host_allowed(self.headers.get("Host")):
            return self.send_error(
                421, "unexpected Host header", "open the page through 127.0.0.1 or localhost"
            )
        parts = urlsplit(self.path)
        path = parts.path
        raw = unquote(path)
        if "\x00" in raw or "\\" in raw or "/../" in raw + "/" or "/./" in raw + "/":
            return self.send_error(400, "bad path")
        try:
            query = parse_qs(parts.query, max_num_fields=MAX_QUERY_PARAMS)
        except ValueError:
            return self.send_error(400, "too many query parameters", f"at most {MAX_QUERY_PARAMS}")
        if path.startswith("/api/"):
            view = self.server.source.view()
            status, payload = api.route(view, path, query)
            return self._json(status, payload)
        if path == "/openapi.json":
            return self._send(200, self.server.openapi_body, "application/json; charset=utf-8")
        if path in ("/", "/index.html"):
            return self._static("index.html")
        if path.startswith("/static/"):
            return self._static(raw[len("/static/") :])
        return self.send_error(404, "not found", "the page lives at /")

    def _static(self, name: str) -> None:
        f = self.server.static.get(name)
        if f is None:
            return self.send_error(404, "not found")
        self._send(200, f.body, f.content_type, (("Cache-Control", "no-cache"),))


def make_server(
    source: DataSource, host: str = "127.0.0.1", port: int = 8000, *, quiet: bool = False
) -> LedgerServer:
    """A server bound to ``host:port`` (port 0: any free port; see ``server.url``)."""
    return LedgerServer((host, port), source, quiet=quiet)
