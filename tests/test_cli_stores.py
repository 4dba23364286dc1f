"""What the CLI does with stores it cannot use and inputs it must not guess about: one line, status 2.

Regression tests for issue 16, findings 5 (read-only commands created
folders and empty stores and exited 0), 6 (a traceback for an unreachable
PostgreSQL URL) and 7 (``extract`` of a three-record file said nothing).
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.cli import app

runner = CliRunner()
READ_ONLY = [["report", "--out"], ["search", "Baku"], ["entities"], ["errors"]]


def _args(cmd: list[str], out: Path) -> list[str]:
    return [*cmd, str(out)] if cmd[-1] == "--out" else cmd


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("cmd", READ_ONLY, ids=lambda c: c[0])
def test_read_only_commands_never_create_a_store(cmd: list[str], tmp_path: Path) -> None:
    for db in (tmp_path / "nonexistent" / "x.db", tmp_path / "typo.db"):
        result = runner.invoke(app, [*_args(cmd, tmp_path / "report"), "--db", str(db)])
        assert result.exit_code == 2, result.output
        assert "no store at" in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []


@pytest.mark.parametrize("cmd", [*READ_ONLY, ["ingest", "."], ["migrate"]], ids=lambda c: c[0])
def test_an_unreachable_postgres_is_one_line_without_the_password(cmd: list[str], tmp_path: Path) -> None:
    url = f"postgresql://analyst:hunter2-secret@127.0.0.1:{_free_port()}/news"
    result = runner.invoke(app, [*_args(cmd, tmp_path / "report"), "--db", url])
    assert result.exit_code == 2, result.output
    assert "hunter2-secret" not in result.output and "Traceback" not in result.output
    assert "postgresql://analyst:***@127.0.0.1" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_errors_lists_what_ingest_counted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (corpus / name).write_bytes(b"")
    (corpus / "d.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    db = str(tmp_path / "t.db")
    ingested = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert "4 inputs: 0 stored, 0 already stored, 4 errors recorded" in ingested.output
    listed = runner.invoke(app, ["errors", "--db", db])
    assert listed.exit_code == 0
    assert "4 errors recorded" in listed.output
    assert sum(1 for line in listed.output.splitlines() if "\t" in line) == 4


def test_extract_of_a_multi_record_file_says_how_many(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": f"Talks resumed in Baku, day {i}."}) + "\n" for i in range(3)), "utf-8")
    result = runner.invoke(app, ["extract", str(feed)])
    assert result.exit_code == 2
    assert "holds 3 records" in result.output and "dragoman ingest" in result.output


def test_ingest_needs_an_input_and_offline_refuses_fetching(tmp_path: Path) -> None:
    nothing = runner.invoke(app, ["ingest", "--db", str(tmp_path / "t.db")])
    assert nothing.exit_code == 2 and "nothing to ingest" in nothing.output
    urls = tmp_path / "list.urls"
    urls.write_text("https://example.org/a\n", "utf-8")
    refused = runner.invoke(app, ["ingest", "--urls", str(urls), "--offline", "--db", str(tmp_path / "t.db")])
    assert refused.exit_code == 2 and "--offline" in refused.output
    assert not (tmp_path / "t.db").exists()


def test_migrate_rebuilds_the_search_terms_of_stored_articles(tmp_path: Path) -> None:
    import sqlite3

    page = tmp_path / "in" / "a.txt"
    page.parent.mkdir()
    page.write_text("Two embassies reopened in Baku while negotiations continued on Tuesday.", "utf-8")
    db = str(tmp_path / "t.db")
    assert runner.invoke(app, ["ingest", str(page.parent), "--db", db]).exit_code == 0
    # As a store indexed by an older Dragoman would be: no stems, no entity names.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE article_search SET terms = 'two embassies reopened'")
    assert "no matches" in runner.invoke(app, ["search", "embassy", "--db", db]).output
    migrated = runner.invoke(app, ["migrate", "--db", db])
    assert migrated.exit_code == 0 and "rebuilt for 1 articles" in migrated.output
    assert "embassies" in runner.invoke(app, ["search", "embassy", "--db", db]).output
    assert runner.invoke(app, ["migrate", "--db", str(tmp_path / "typo.db")]).exit_code == 2
    assert not (tmp_path / "typo.db").exists()
