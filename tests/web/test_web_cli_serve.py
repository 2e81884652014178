"""``newsledger serve`` as a user runs it: a process on a free port, stopped with Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from web_support import fetch

from newsledger.cli import main


def test_serve_runs_and_stops(ledger_db: Path) -> None:
    code = "from newsledger.cli import main; import sys; sys.exit(main(sys.argv[1:]))"
    args = [sys.executable, "-c", code, "serve", "--db", str(ledger_db), "--port", "0", "--quiet"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert "(read-only) at http://127.0.0.1:" in line, line + proc.stderr.read()  # type: ignore[union-attr]
        url = line.split(" at ", 1)[1].split()[0]
        assert fetch(url, "/api/meta").json()["counts"]["events"] == 4
        assert fetch(url, "/").body.startswith(b"<!doctype html>")
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Stopped." in out


def test_serve_without_a_ledger_says_what_to_do(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db"), "--port", "0"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: no ledger at") and "ingest" in err


def test_serve_on_a_busy_port_says_so(ledger_db: Path, capsys) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--db", str(ledger_db), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err
