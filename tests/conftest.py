"""Shared fixtures: where ../shared is, and hand-built articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DRAGOMAN_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
DATASETS = SHARED / "datasets"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared absent: no seed corpus at {SEEDS}")
    return SEEDS


@pytest.fixture
def datasets_dir() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"../shared absent: no gold datasets at {DATASETS}")
    return DATASETS
