"""Fixtures for the dashboard tests (helpers in web_fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from web_fixtures import build_store, make_app

from dragoman.store import Store


@pytest.fixture(scope="session")
def dash_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("dashboard")


@pytest.fixture(scope="session")
def dash_store(dash_folder: Path) -> Iterator[Store]:
    store = build_store(dash_folder)
    yield store
    store.close()


@pytest.fixture(scope="session")
def dash_app_and_token(dash_store: Store, dash_folder: Path) -> tuple[FastAPI, str]:
    return make_app(dash_store, dash_folder)


@pytest.fixture(scope="session")
def dash_app(dash_app_and_token: tuple[FastAPI, str]) -> FastAPI:
    return dash_app_and_token[0]


@pytest.fixture(scope="session")
def dash_token(dash_app_and_token: tuple[FastAPI, str]) -> str:
    """A token the app's write endpoints accept."""
    return dash_app_and_token[1]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go: build/artifacts/dashboard (git-ignored), kept after the run for a look."""
    folder = Path(__file__).resolve().parents[2] / "build" / "artifacts" / "dashboard"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
