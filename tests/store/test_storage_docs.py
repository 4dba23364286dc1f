"""Every Store method is documented in docs/storage.md, and both stores implement all of them."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from dragoman.store.base import Store
from dragoman.store.sqlite import SQLiteStore

DOC = Path(__file__).resolve().parents[2] / "docs" / "storage.md"
METHODS = sorted(
    name for name, _ in inspect.getmembers(Store, inspect.isfunction) if not name.startswith("_")
)


def test_protocol_has_methods() -> None:
    assert {"put_article", "search", "entity_table", "migrate"} <= set(METHODS)


@pytest.mark.parametrize("name", METHODS)
def test_method_is_documented(name: str) -> None:
    assert f"`{name}" in DOC.read_text("utf-8") or f" {name}(" in DOC.read_text("utf-8"), name


@pytest.mark.parametrize("name", METHODS)
def test_stores_implement_method(name: str) -> None:
    assert callable(getattr(SQLiteStore, name, None))
    psycopg_store = pytest.importorskip("dragoman.store.postgres")
    assert callable(getattr(psycopg_store.PostgresStore, name, None))
