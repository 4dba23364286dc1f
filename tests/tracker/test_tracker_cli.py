"""`dragoman tracker`: the JSON is the tracker report and valid against its schema; the table and errors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.corpus.tracker import Tracker, tracker_report
from dragoman.model import Article
from dragoman.store import open_store

runner = CliRunner()


def _store(tmp_path: Path, corpus: list[Article]) -> str:
    db = str(tmp_path / "t.db")
    store = open_store(db)
    try:
        for a in corpus:
            store.put_article(a)
        Tracker().update(store, corpus)
    finally:
        store.close()
    return db


def test_json_is_the_report_and_valid(tmp_path: Path, corpus: list[Article]) -> None:
    db = _store(tmp_path, corpus)
    result = runner.invoke(app, ["tracker", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    schema = json.loads(resources.files("dragoman.schema").joinpath("tracker-v1.schema.json").read_text("utf-8"))
    jsonschema.validate(rows, schema)
    store = open_store(db, read_only=True)
    try:
        assert rows == tracker_report(store)
    finally:
        store.close()
    assert {r["state"]["id"] for r in rows} >= {"country:OM", "country:KW", "country:AZ", "country:IL"}


def test_table_has_a_row_per_state(tmp_path: Path, corpus: list[Article]) -> None:
    result = runner.invoke(app, ["tracker", "--db", _store(tmp_path, corpus)])
    assert result.exit_code == 0, result.output
    assert "Abraham Accords" in result.output
    for name in ("Oman", "Kuwait", "Azerbaijan", "Israel"):
        assert name in result.output
    assert "Palestinian" in result.output  # the condition (the cell may wrap)


def test_as_of_and_bad_input(tmp_path: Path, corpus: list[Article]) -> None:
    db = _store(tmp_path, corpus)
    early = json.loads(runner.invoke(app, ["tracker", "--db", db, "-f", "json", "--as-of", "2025-04-01"]).stdout)
    assert next(r for r in early if r["state"]["id"] == "country:OM")["status"] == "talks"
    for args in (["--as-of", "April 2025"], ["--format", "xml"]):
        bad = runner.invoke(app, ["tracker", "--db", db, *args])
        assert bad.exit_code == 2 and "Traceback" not in bad.output
    missing = runner.invoke(app, ["tracker", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "no store at" in missing.output
