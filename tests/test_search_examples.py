"""`dragoman search` over the example corpus does what its --help says (issue 16, finding 11).

The examples are ingested with the shipped pipeline, so the entities the
search finds by their English name are the ones the pipeline linked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.api import ingest
from dragoman.cli import app
from dragoman.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("search") / "examples.db")
    store = open_store(path)
    try:
        summary = ingest([EXAMPLES], store=store)
        assert summary.stored >= 10 and not summary.errors
    finally:
        store.close()
    return path


def _hits(db: str, query: str) -> dict[str, str]:
    """Path of each article found -> the text the hit spans."""
    store = open_store(db, read_only=True)
    try:
        out = {}
        for hit in store.search(query, limit=50):
            art = store.get_article(hit.article_id)
            assert art is not None
            out[Path(art.source.path or "").name] = art.text[hit.start : hit.end]
        return out
    finally:
        store.close()


def _bayramov_articles(db: str) -> set[str]:
    store = open_store(db, read_only=True)
    try:
        return {
            Path(a.source.path or "").name
            for a in store.iter_articles()
            if any(e.id == "person:bayramov" for e in a.entities)
        }
    finally:
        store.close()


def test_an_entitys_english_name_finds_it_in_every_language(db: str) -> None:
    having = _bayramov_articles(db)
    assert len(having) >= 2 and any(name.endswith(".html") for name in having)
    found = _hits(db, "Bayramov")
    assert set(found) == having
    # The hit is a mention written in the article's own script.
    assert any(not text.isascii() for text in found.values())
    assert set(_hits(db, "Jeyhun Bayramov")) == having


def test_prefixed_query_words_find_the_bare_name(db: str) -> None:
    bare_ar, bare_he = _hits(db, "أذربيجان"), _hits(db, "אזרבייג'ן")
    assert bare_ar and bare_he
    assert set(_hits(db, "بأذربيجان")) >= set(bare_ar)
    assert set(_hits(db, "באזרבייג'ן")) >= set(bare_he)


def test_english_inflections_meet(db: str) -> None:
    assert set(_hits(db, "embassies")) == set(_hits(db, "embassy")) != set()


def test_the_cli_prints_what_the_store_finds(db: str) -> None:
    result = runner.invoke(app, ["search", "Bayramov", "--db", db])
    assert result.exit_code == 0
    assert sum(1 for line in result.output.splitlines() if "[" in line and ":" in line) == len(_bayramov_articles(db))
