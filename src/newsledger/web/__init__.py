"""The local web page: a read-only JSON API and a static page over one ledger.

``newsledger serve`` calls :func:`serve`; tests call :func:`make_server` with a
:class:`~newsledger.web.source.StaticSource` over a hand-built ledger, on port 0.
"""

from __future__ import annotations

from .server import LedgerServer, make_server
from .source import DataSource, EventQuery, LedgerView, StaticSource

__all__ = ["DataSource", "EventQuery", "LedgerServer", "LedgerView", "StaticSource", "make_server"]
