"""The built-in stores, registered like any plugin store: by versioned name and URL scheme.

A store plugin's object is a factory ``(url, *, read_only=False) -> Store``.
"""

from __future__ import annotations

from dragoman.plugins import Registry
from dragoman.store.base import Store
from dragoman.store.errors import StoreError, redact


def _sqlite(url: str, *, read_only: bool = False) -> Store:
    from dragoman.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"), read_only=read_only)


def _postgres(url: str, *, read_only: bool = False) -> Store:
    try:
        from dragoman.store.postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(f"{redact(url)}: the PostgreSQL store needs psycopg: pip install 'dragoman[postgres]'") from exc
    return PostgresStore(url, read_only=read_only)


def _memory(url: str, *, read_only: bool = False) -> Store:
    from dragoman.store.memory import MemoryStore

    return MemoryStore(url, read_only=read_only)


def register(registry: Registry) -> None:
    registry.add(
        "store",
        "dragoman.SQLiteStore.v1",
        _sqlite,
        keys=("sqlite",),
        doc="one SQLite file (WAL): sqlite:///path.db, a bare path, or :memory:",
    )
    registry.add(
        "store",
        "dragoman.PostgresStore.v1",
        _postgres,
        keys=("postgresql", "postgres"),
        doc="PostgreSQL through psycopg 3 (the 'postgres' extra): postgresql://user@host/db",
    )
    registry.add(
        "store", "dragoman.MemoryStore.v1", _memory, keys=("memory",), doc="everything in memory: memory:// (tests)"
    )
