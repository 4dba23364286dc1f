"""The built-in stores, registered like any plugin store: by versioned name and URL scheme."""

from __future__ import annotations

from dragoman.plugins import Registry
from dragoman.store.base import Store


def _sqlite(url: str) -> Store:
    from dragoman.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///").removeprefix("sqlite://"))


def _postgres(url: str) -> Store:
    from dragoman.store.postgres import PostgresStore

    return PostgresStore(url)


def _memory(url: str) -> Store:
    from dragoman.store.memory import MemoryStore

    return MemoryStore(url)


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
