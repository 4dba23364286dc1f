"""Exporters round-trip: what one writes reads back as the store's articles."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.export import ArticlesJsonl, get_exporter
from dragoman.model import Article, Source
from dragoman.serialize import from_json
from dragoman.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]


def test_articles_jsonl_reads_back_equal(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(REPO / "examples" / "sahil-daily"), "--db", str(db)]).exit_code == 0
    store = SQLiteStore(db)
    try:
        buf = io.BytesIO()
        exporter = get_exporter("articles-jsonl")
        assert isinstance(exporter, ArticlesJsonl)
        n = exporter.export(store, buf)
        back = [from_json(json.loads(line)) for line in buf.getvalue().splitlines()]
        assert n == len(back) == store.count_articles() == 2
        assert back == list(store.iter_articles())
        assert all(a.raw_bytes for a in back)
    finally:
        store.close()
    out = tmp_path / "out" / "a.jsonl"
    result = runner.invoke(app, ["export", "--format", "articles-jsonl", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0 and "2 records written" in result.output
    assert len(out.read_text("utf-8").splitlines()) == 2


def test_unknown_format_is_a_one_line_error(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "e.db")
    store.migrate()
    store.put_article(Article.from_text("x", Source()))
    store.close()
    result = CliRunner().invoke(app, ["export", "--format", "parquet-ish", "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 2 and "no exporter registered as 'parquet-ish'" in result.output


def test_framing_json_is_the_framing_commands_document(tmp_path: Path) -> None:
    from dragoman.framing.report import validate as validate_framing

    db = tmp_path / "f.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(REPO / "examples" / "rafid-news"), "--db", str(db)]).exit_code == 0
    out = tmp_path / "framing.json"
    result = runner.invoke(app, ["export", "--format", "framing-json", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0 and "2 records written (dragoman.FramingJson.v1)" in result.output
    doc = json.loads(out.read_text("utf-8"))
    validate_framing(doc)
    assert len(doc["articles"]) == 2 and doc["outlets"]
    command = runner.invoke(app, ["framing", "--format", "json", "--db", str(db)])
    assert command.exit_code == 0 and json.loads(command.stdout) == doc
