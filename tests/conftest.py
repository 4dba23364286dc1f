"""Shared fixtures: where ../shared is, and hand-built articles."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DRAGOMAN_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
DATASETS = SHARED / "datasets"
# Debian's Chromium (installed by .ci/install-system.sh), driven through Playwright;
# no browser is ever downloaded.
CHROMIUM = os.environ.get("DRAGOMAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


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


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test of the run (starting one costs about a second).

    Skips, with the reason, when Playwright or Chromium is missing or Chromium does not start.
    """
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium; .ci/install-system.sh does)")
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as exc:  # a broken or sandbox-less install: skip rather than fail
            pytest.skip(f"Chromium did not start: {exc}")
        yield b
        b.close()
