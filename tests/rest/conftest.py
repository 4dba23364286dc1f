"""A desk app over a SQLite store of the hand-built query corpus, a token, and a client on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from builders import query_corpus
from dragoman.model import Article
from dragoman.rest import create_app, create_token
from dragoman.store import open_store


@pytest.fixture
def corpus() -> list[Article]:
    return query_corpus()


@pytest.fixture
def db(tmp_path: Path, corpus: list[Article]) -> str:
    path = str(tmp_path / "desk.db")
    store = open_store(path)
    for a in corpus:
        store.put_article(a)
    store.close()
    return path


@pytest.fixture
def token(db: str) -> str:
    store = open_store(db)
    try:
        return create_token(store, "analyst")
    finally:
        store.close()


@pytest.fixture
def client(db: str, token: str) -> Iterator[TestClient]:
    # base_url on loopback: what `dragoman serve` binds by default.
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
