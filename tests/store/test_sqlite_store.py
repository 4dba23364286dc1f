"""SQLite specifics: file setup, WAL, URLs, the database-level uniqueness."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dragoman.model import Article
from dragoman.store import open_store
from dragoman.store.sqlite import SQLiteStore


def test_open_store_accepts_urls_and_paths(tmp_path: Path) -> None:
    for url in (f"sqlite:///{tmp_path}/a.db", str(tmp_path / "b.db"), str(tmp_path / "new" / "dir" / "c.db")):
        store = open_store(url)
        try:
            assert isinstance(store, SQLiteStore)
            assert store.schema_version() >= 1
        finally:
            store.close()
    assert (tmp_path / "a.db").exists() and (tmp_path / "new" / "dir" / "c.db").exists()


def test_wal_mode_and_busy_timeout(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db", timeout=5)
    try:
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    finally:
        store.close()


def test_article_id_is_unique_in_the_schema(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    store.migrate()
    art = Article.from_text("Baku and Jerusalem.")
    store.put_article(art)
    store.close()
    conn = sqlite3.connect(tmp_path / "s.db")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO articles (id, pipeline, stored_at, doc) VALUES (?, 'x', 'now', '{}')", (art.id,)
        )
    conn.close()


def test_in_memory_store() -> None:
    store = SQLiteStore(":memory:")
    store.migrate()
    art = Article.from_text("ובאקו היום")
    art.language = "he"
    assert store.put_article(art)
    hits = store.search("באקו")
    assert [(h.start, h.end) for h in hits] == [(1, 5)]
    store.close()
