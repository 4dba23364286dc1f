"""Opening stores: read-only opening changes nothing, failures are one line without the password.

Findings 5 and 6 of issue 16: a read-only command created ``/nonexistent/``
(or an empty ``typo.db``) and exited 0; an unreachable PostgreSQL URL gave a
71-line traceback.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dragoman.model import Article
from dragoman.pipeline import ErrorRecord
from dragoman.store import Store, StoreError, open_store
from dragoman.store.errors import redact
from dragoman.store.migrate import latest_version, migrations


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_read_only_open_of_a_missing_sqlite_store_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "x.db"
    with pytest.raises(StoreError, match="no store at") as err:
        open_store(str(target), read_only=True)
    assert "\n" not in str(err.value)
    assert not (tmp_path / "nonexistent").exists()
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "typo.db"), read_only=True)
    assert list(tmp_path.iterdir()) == []


def test_read_only_open_of_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database at all " * 100, "utf-8")
    with pytest.raises(StoreError, match="notes.txt") as err:
        open_store(str(notes), read_only=True)
    assert "\n" not in str(err.value)
    with pytest.raises(StoreError, match="notes.txt"):
        open_store(str(notes))  # nor for writing: one line, not a traceback
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a Dragoman store"):
        open_store(str(other), read_only=True)


def _write_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def test_read_only_store_reads_but_never_writes(store: Store, store_url: str, ar_article: Article) -> None:
    store.put_article(ar_article)
    ro = open_store(store_url, read_only=True)
    try:
        assert ro.count_articles() == 1
        assert ro.search("أذربيجان")
        with pytest.raises(_write_errors()):
            ro.put_error(ErrorRecord("x" * 64, "p", None, "read", "empty", "m", "p"))
    finally:
        ro.close()
    assert list(store.iter_errors()) == []


def test_unreachable_postgres_is_one_line_without_the_password() -> None:
    url = f"postgresql://analyst:s3cr3t-pw@127.0.0.1:{_free_port()}/news"
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            open_store(url, read_only=read_only)
        message = str(err.value)
        assert "\n" not in message and "s3cr3t-pw" not in message
        assert "postgresql://analyst:***@127.0.0.1:" in message


def test_redact() -> None:
    assert redact("postgresql://u:pw@db.example:5432/x?sslmode=require") == (
        "postgresql://u:***@db.example:5432/x?sslmode=require"
    )
    assert redact("postgresql://u@db/x") == "postgresql://u@db/x"
    assert redact("corpus/dragoman.db") == "corpus/dragoman.db"


def test_empty_postgres_database_is_not_a_store_when_read_only(pg_cluster: Any) -> None:
    with pytest.raises(StoreError, match="no Dragoman store"):
        open_store(pg_cluster.new_database(), read_only=True)


def _old_store(store_url: str) -> None:
    """A store at schema 1 holding error rows keyed by content, as Dragoman wrote them before."""
    rows = [
        ("e" * 64, "in/a.txt", None, "read", "empty", "no text", "2025-01-01T00:00:00+00:00"),
        ("f" * 64, None, "https://example.org/x", "read", "binary", "png", "2025-01-02T00:00:00+00:00"),
        ("0" * 64, None, None, "langid", "unsupported_language", "fr", "2025-01-03T00:00:00+00:00"),
    ]
    first = migrations("postgres" if store_url.startswith("postgresql") else "sqlite")[0]
    insert = "INSERT INTO errors (article_id, path, url, stage, kind, message, at) VALUES ({})"
    version = f"INSERT INTO schema_version (version, name, applied_at) VALUES (1, '{first.name}', 'then')"
    table = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    if store_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as conn:
            conn.execute(first.sql.encode())
            conn.execute(table)
            conn.execute(version)
            for r in rows:
                conn.execute(insert.format(", ".join(["%s"] * 7)), r)
    else:
        conn = sqlite3.connect(store_url, isolation_level=None)
        conn.executescript(first.sql)
        conn.execute(table)
        conn.execute(version)
        conn.executemany(insert.format(", ".join("?" * 7)), rows)
        conn.close()


def test_an_old_store_must_be_migrated_and_keeps_its_errors(
    store_url: str, open_store_at: Callable[[str], Store]
) -> None:
    _old_store(store_url)
    with pytest.raises(StoreError, match="dragoman migrate"):
        open_store(store_url, read_only=True)
    store = open_store_at(store_url)
    store.migrate()  # what opening for writing does
    assert store.schema_version() == latest_version("sqlite")
    assert sorted(e.where for e in store.iter_errors()) == [
        "https://example.org/x", "in/a.txt", "sha256:" + "0" * 64,
    ]
    assert open_store(store_url, read_only=True).count_articles() == 0


# An article as the first release stored it: Article JSON v1 (with the publication date's basis,
# described actors and position ids), its event row without the query columns of migration 3.
_V1_TEXT = "Azerbaijan opened an embassy in Tel Aviv on 29 March 2023."
_V1_DOC: dict[str, Any] = {
    "schema": "dragoman.article.v1",
    "id": "a" * 64,
    "language": "en",
    "published": "2023-03-30",
    "published_estimated": False,
    "published_basis": {"source": "metadata", "confidence": 0.95, "granularity": "day", "evidence": []},
    "source": {"path": "in/v1.txt", "url": None, "outlet": None, "title": "Embassy", "format": "text",
               "encoding": "utf-8", "encoding_note": None},
    "text": _V1_TEXT,
    "boilerplate": [],
    "sentences": [{"start": 0, "end": len(_V1_TEXT)}],
    "mentions": [{"start": 0, "end": 10, "text": "Azerbaijan", "type": "GPE", "kind": "name", "source": "gazetteer",
                  "kb_id": "country:AZ", "head": None, "score": 1.0}],
    "entities": [{"id": "country:AZ", "canonical": "Azerbaijan", "qid": "Q227", "type": "GPE",
                  "mentions": [{"start": 0, "end": 10, "text": "Azerbaijan", "index": 0}]}],
    "described": [],
    "time_expressions": [{"start": 44, "end": 57, "text": "29 March 2023", "value": "2023-03-29",
                          "granularity": "day", "relative": False, "anchor": None}],
    "events": [{"id": "e1", "type": "COOPERATE", "mode": None, "status": "occurred", "actors": ["country:AZ"],
                "recipients": [], "date": {"value": "2023-03-29", "granularity": "day", "start": 44, "end": 57},
                "place": None, "trigger": {"start": 11, "end": 17},
                "evidence": [{"start": 0, "end": 58, "text": _V1_TEXT[:58]}]}],
    "quotes": [],
    "claims": [],
    "provided": ["boilerplate", "described", "entities", "events", "language", "mentions", "published", "raw",
                 "sentences", "text", "time_expressions"],
}


def _store_at_schema_2(store_url: str) -> None:
    """A store the first release's migrations 1 and 2 (0001_initial, 0002_errors_by_input) made and filled."""
    pg = store_url.startswith("postgresql")
    first, second = migrations("postgres" if pg else "sqlite")[:2]
    assert (first.name, second.name) == ("initial", "errors_by_input")
    p = "%s" if pg else "?"
    table = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    versions = f"INSERT INTO schema_version (version, name, applied_at) VALUES ({p}, {p}, 'then')"
    error = (f"INSERT INTO errors (input, article_id, path, url, stage, kind, message, at) "
             f"VALUES ({', '.join([p] * 8)})")
    errors = [
        ("in/a.txt", "e" * 64, "in/a.txt", None, "read", "empty", "no text", "2025-01-01T00:00:00+00:00"),
        ("dump.jsonl:3", "f" * 64, None, None, "read", "invalid_record", "no text", "2025-01-02T00:00:00+00:00"),
    ]
    doc = json.dumps(_V1_DOC, ensure_ascii=False)
    search = ", ''::tsvector" if pg else ""
    article = (f"INSERT INTO articles (id, path, url, outlet, title, language, published, pipeline, stored_at, doc"
               f"{', search' if pg else ''}) VALUES ({', '.join([p] * 10)}{search})")
    event = f"INSERT INTO events (article_id, event_id, type, status, date_value, data) VALUES ({', '.join([p] * 6)})"
    rows = (
        (article, ("a" * 64, "in/v1.txt", None, None, "Embassy", "en", "2023-03-30", "default@00000000",
                   "2025-01-01T00:00:00+00:00", doc)),
        (event, ("a" * 64, "e1", "COOPERATE", "occurred", "2023-03-29", json.dumps(_V1_DOC["events"][0]))),
    )
    if pg:
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as conn:
            conn.execute(first.sql.encode())
            conn.execute(second.sql.encode())
            conn.execute(table)
            conn.execute(versions, (1, first.name))
            conn.execute(versions, (2, second.name))
            for r in errors:
                conn.execute(error, r)
            for sql, values in rows:
                conn.execute(sql, values)
    else:
        conn = sqlite3.connect(store_url, isolation_level=None)
        conn.executescript(first.sql + second.sql)
        conn.execute(table)
        conn.executemany(versions, [(1, first.name), (2, second.name)])
        conn.executemany(error, errors)
        for sql, values in rows:
            conn.execute(sql, values)
        conn.close()


def test_a_store_at_the_first_releases_schema_2_upgrades(
    store_url: str, open_store_at: Callable[[str], Store]
) -> None:
    from dragoman.store.queries import EventQuery

    _store_at_schema_2(store_url)
    with pytest.raises(StoreError, match="dragoman migrate"):
        open_store(store_url, read_only=True)
    store = open_store_at(store_url)
    store.migrate()  # migration 3 and later, then the event rows get their query columns
    assert store.schema_version() == latest_version("sqlite")
    assert sorted(e.where for e in store.iter_errors()) == ["dump.jsonl:3", "in/a.txt"]
    article = store.get_article("a" * 64)
    assert article is not None and article.source.published_basis is not None
    assert article.source.published_basis.source.value == "metadata"
    page = store.events(EventQuery(actor="country:AZ"))
    assert [(r.event_id, r.date_value, r.date_granularity) for r in page.items] == [("e1", "2023-03-29", "day")]
    # Errors keyed by input behave as migration 2 left them: the latest reason per input.
    assert store.put_error(ErrorRecord("e" * 64, "in/a.txt", None, "read", "binary", "png", input="in/a.txt")) is False
    assert {e.where: e.kind for e in store.iter_errors()}["in/a.txt"] == "binary"
    reopened = open_store(store_url, read_only=True)
    assert reopened.count_articles() == 1
    reopened.close()


def test_a_store_from_another_numbering_of_migrations_is_refused(store_url: str) -> None:
    pg = store_url.startswith("postgresql")
    first = migrations("postgres" if pg else "sqlite")[0]
    table = "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    rows = "INSERT INTO schema_version (version, name, applied_at) VALUES (1, 'initial', 'then'), (2, 'ground', 'then')"
    if pg:
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as conn:
            conn.execute(first.sql.encode())
            conn.execute(table)
            conn.execute(rows)
    else:
        conn = sqlite3.connect(store_url, isolation_level=None)
        conn.executescript(first.sql)
        conn.execute(table)
        conn.execute(rows)
        conn.close()
    with pytest.raises(StoreError, match="migration 2 is 'ground', this Dragoman's is 'errors_by_input'"):
        open_store(store_url)
