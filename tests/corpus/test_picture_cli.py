"""`dragoman events` and `dragoman stories`: JSON valid against events-v1 / stories-v1, on a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builders import picture_corpus, unrelated_story
from dragoman.cli import app
from dragoman.corpus.documents import validate_events, validate_stories
from dragoman.store import open_store

runner = CliRunner()


def _store(tmp_path: Path) -> str:
    db = str(tmp_path / "store.db")
    store = open_store(db)
    try:
        for a in [*picture_corpus(), unrelated_story()]:
            store.put_article(a)
    finally:
        store.close()
    return db


def test_events_and_stories_json_validate_and_agree(tmp_path: Path) -> None:
    db = _store(tmp_path)
    ev = runner.invoke(app, ["events", "--db", db, "--format", "json"])
    assert ev.exit_code == 0, ev.output
    events = json.loads(ev.stdout)
    validate_events(events)
    st = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert st.exit_code == 0, st.output
    stories = json.loads(st.stdout)
    validate_stories(stories, events)
    # every article-level event is in exactly one merged event, singletons included
    stored = [*picture_corpus(), unrelated_story()]
    assert sorted(s["event"] for e in events for s in e["sources"]) == sorted(ev.id for a in stored for ev in a.events)
    assert {e["story"] for e in events} == {s["id"] for s in stories}
    accession = next(e for e in events if e["type"] == "ACCEDE" and e["status"] == "talks")
    assert len({s["language"] for s in accession["sources"]}) == 3


def test_tables_print_and_a_bad_format_is_refused(tmp_path: Path) -> None:
    db = _store(tmp_path)
    for cmd in ("events", "stories"):
        ok = runner.invoke(app, [cmd, "--db", db])
        assert ok.exit_code == 0 and "Azerbaijan" in ok.output
        bad = runner.invoke(app, [cmd, "--db", db, "--format", "xml"])
        assert bad.exit_code == 2 and "unknown format" in bad.output


@pytest.mark.parametrize("cmd", ["events", "stories"])
def test_no_store_is_one_line(cmd: str, tmp_path: Path) -> None:
    result = runner.invoke(app, [cmd, "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 2 and "Traceback" not in result.output
