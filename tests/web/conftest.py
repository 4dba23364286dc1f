"""Fixtures for the dashboard tests (helpers in web_fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from web_fixtures import build_store, make_app

from dragoman.store import Store


@pytest.fixture(scope="session")
def dash_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = build_store(tmp_path_factory.mktemp("dashboard"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def dash_app(dash_store: Store) -> FastAPI:
    return make_app(dash_store)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go: build/artifacts/dashboard (git-ignored), kept after the run for a look."""
    folder = Path(__file__).resolve().parents[2] / "build" / "artifacts" / "dashboard"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
