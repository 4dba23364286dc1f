"""The framing document: schema-valid on real output, and the CLI over a store."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app
from dragoman.framing import framing_report, validate

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("framing") / "store.db")
    store = dragoman.open_store(db)
    dragoman.ingest([REPO / "examples"], store=store)
    store.close()
    return db


def test_report_of_the_examples_is_valid(store_path: str) -> None:
    store = dragoman.open_store(store_path)
    doc = framing_report(store.iter_articles())
    store.close()
    validate(doc)
    assert len(doc["articles"]) == 11
    for a in doc["articles"]:
        for m in a["markers"]:
            assert m["gloss"] and m["kind"]
        for st in a["stance"].values():
            assert st["label"] in ("hostile", "neutral", "favourable")
    # Each example folder is one outlet (declared in metadata or the URL); the feed is a third one.
    outlets = {o["outlet"]: o["articles"] for o in doc["outlets"]}
    assert outlets.get("Meridian Wire") == 3


def test_validate_rejects_inconsistent_documents(store_path: str) -> None:
    store = dragoman.open_store(store_path)
    doc = framing_report(store.iter_articles())
    store.close()
    broken = json.loads(json.dumps(doc))
    broken["outlets"][0]["articles"] += 1
    with pytest.raises(ValueError, match="articles"):
        validate(broken)
    broken = json.loads(json.dumps(doc))
    broken["articles"][0]["stance"] = {"country:IL": {"label": "angry", "score": 0, "evidence": []}}
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_cli_json_table_and_article_filter(store_path: str) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["framing", "--db", store_path, "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    validate(doc)
    first = doc["articles"][0]["article"]
    res = runner.invoke(app, ["framing", "--db", store_path, "--format", "json", "-a", first[:10]])
    assert res.exit_code == 0
    assert [a["article"] for a in json.loads(res.stdout)["articles"]] == [first]
    res = runner.invoke(app, ["framing", "--db", store_path])
    assert res.exit_code == 0 and "Framing by outlet" in res.stdout


def test_cli_errors_are_one_line(store_path: str) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["framing", "--db", store_path, "-a", "ffffffffffff"])
    assert res.exit_code == 2 and "no stored article" in res.output and "Traceback" not in res.output
    res = runner.invoke(app, ["framing", "--db", store_path, "--format", "xml"])
    assert res.exit_code == 2 and "unknown format" in res.output
    assert runner.invoke(app, ["framing", "--help"]).exit_code == 0
