"""A tiny migration runner: numbered SQL files and a ``schema_version`` table.

Migrations live in ``dragoman/store/migrations/<dialect>/NNNN_name.sql`` and
are applied in order, each in its own transaction together with the row
that records it, so a store is never left half-migrated.  Several processes
may open the same store at once: each migration is applied under the
database's write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory
lock) after re-reading the version, so it runs exactly once.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg

_NAME_RE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# Any constant shared by all Dragoman processes; it only has to differ from
# other applications' advisory locks on the same server.
_PG_LOCK_KEY = 0x647261676F6D616E  # "dragoman"
_VERSION_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_version "
    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations(dialect: str) -> tuple[Migration, ...]:
    """The migrations of a dialect in order; numbering must run 1, 2, 3 ... without gaps."""
    folder = resources.files("dragoman.store.migrations").joinpath(dialect)
    found: list[Migration] = []
    for entry in folder.iterdir():
        m = _NAME_RE.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda mig: mig.version)
    expected = list(range(1, len(found) + 1))
    if [mig.version for mig in found] != expected:
        raise MigrationError(
            f"{dialect} migrations must be numbered 1..n without gaps: {[m.version for m in found]}"
        )
    return tuple(found)


def latest_version(dialect: str) -> int:
    return len(migrations(dialect))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_statements(script: str) -> list[str]:
    """Split a script into statements; ``complete_statement`` understands triggers and quotes."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()):
        raise MigrationError(f"unterminated SQL statement: {buf.strip()[:80]!r}")
    return out


def sqlite_version(conn: sqlite3.Connection) -> int:
    conn.execute(_VERSION_TABLE)
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
    return int(row[0])


def migrate_sqlite(conn: sqlite3.Connection) -> list[int]:
    """Apply pending migrations; ``conn`` must be in autocommit mode (``isolation_level=None``)."""
    applied: list[int] = []
    sqlite_version(conn)
    for mig in migrations("sqlite"):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if sqlite_version(conn) >= mig.version:
                conn.execute("COMMIT")
                continue
            for stmt in _sqlite_statements(mig.sql):
                conn.execute(stmt)
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (mig.version, mig.name, _now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(mig.version)
    return applied


def postgres_version(conn: psycopg.Connection[tuple[object, ...]]) -> int:
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0  # type: ignore[call-overload]


def migrate_postgres(conn: psycopg.Connection[tuple[object, ...]]) -> list[int]:
    """Apply pending migrations, serialised across processes by an advisory lock."""
    applied: list[int] = []
    for mig in migrations("postgres"):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))
            conn.execute(_VERSION_TABLE)
            if postgres_version(conn) >= mig.version:
                continue
            conn.execute(mig.sql.encode("utf-8"))  # no parameters: psycopg runs the whole script
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                (mig.version, mig.name, _now()),
            )
        applied.append(mig.version)
    return applied


__all__ = [
    "Migration",
    "MigrationError",
    "latest_version",
    "migrate_postgres",
    "migrate_sqlite",
    "migrations",
    "postgres_version",
    "sqlite_version",
]
