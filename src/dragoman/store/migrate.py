"""A tiny migration runner: numbered migrations and a ``schema_version`` table.

Migrations are written once for both dialects (``dragoman.store.schema``)
and rendered to each one's SQL here; they are applied in order, each in its
own transaction together with the row that records it, so a store is never
left half-migrated.  Several processes
may open the same store at once: each migration is applied under the
database's write lock (SQLite ``BEGIN IMMEDIATE``, a PostgreSQL advisory
lock) after re-reading the version, so it runs exactly once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from dragoman.store.schema import DIALECTS, MIGRATIONS, render

if TYPE_CHECKING:
    import psycopg

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
    """The migrations rendered for a dialect, numbered 1, 2, 3 ... in the order the schema lists them."""
    if dialect not in DIALECTS:
        raise MigrationError(f"unknown dialect {dialect!r}")
    return tuple(
        Migration(version, name, render(steps, dialect)) for version, (name, steps) in enumerate(MIGRATIONS, 1)
    )


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


def check_recorded(recorded: list[tuple[int, str]], dialect: str) -> None:
    """Refuse a store whose applied migrations are not ours under the same numbers.

    A store made by a development branch that numbered its migrations
    differently would otherwise be taken as current and miss a migration.
    """
    ours = {m.version: m.name for m in migrations(dialect)}
    for version, name in sorted(recorded):
        if version in ours and ours[version] != name:
            raise MigrationError(
                f"the store's migration {version} is {name!r}, this Dragoman's is {ours[version]!r}: "
                "it was written by another (development) version; re-create it with `dragoman ingest`"
            )


def sqlite_version(conn: sqlite3.Connection) -> int:
    conn.execute(_VERSION_TABLE)
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
    return int(row[0])


def migrate_sqlite(conn: sqlite3.Connection) -> list[int]:
    """Apply pending migrations; ``conn`` must be in autocommit mode (``isolation_level=None``)."""
    applied: list[int] = []
    sqlite_version(conn)
    check_recorded([(int(v), str(n)) for v, n in conn.execute("SELECT version, name FROM schema_version")], "sqlite")
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
    if postgres_version(conn):
        rows = conn.execute("SELECT version, name FROM schema_version").fetchall()
        check_recorded([(int(str(v)), str(n)) for v, n in rows], "postgres")
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
    "check_recorded",
    "latest_version",
    "migrate_postgres",
    "migrate_sqlite",
    "migrations",
    "postgres_version",
    "sqlite_version",
]
