"""`dragoman token` and `dragoman serve`: thin commands over dragoman.rest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dragoman.cli import app as cli


def test_token_create_list_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    made = runner.invoke(cli, ["token", "create", "--name", "alice", "--db", db])
    assert made.exit_code == 0, made.output
    token = made.stdout.strip().splitlines()[0]
    assert token.startswith("dgm_") and len(token) > 40
    assert runner.invoke(cli, ["token", "create", "--name", "alice", "--db", db]).exit_code == 2  # taken
    listed = runner.invoke(cli, ["token", "list", "--db", db])
    assert listed.stdout.startswith("alice\t") and token not in listed.stdout
    assert runner.invoke(cli, ["token", "revoke", "alice", "--db", db]).exit_code == 0
    assert runner.invoke(cli, ["token", "revoke", "alice", "--db", db]).exit_code == 2


def test_serve_builds_the_app_for_the_address_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    db = str(tmp_path / "s.db")
    result = CliRunner().invoke(cli, ["serve", "--db", db, "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "every request needs a token" in result.output and "no tokens yet" in result.output
    (call,) = calls
    assert (call["host"], call["port"]) == ("0.0.0.0", 8123)
    with TestClient(call["app"], base_url="http://desk.example") as c:
        assert c.get("/api/articles").status_code == 401
