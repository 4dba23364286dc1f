"""The report in a real headless browser, opened from file:// with no network.

Uses the system Chromium (Debian package ``chromium``) through Playwright;
no browser is ever downloaded.  Skips when either is missing.  Set
DRAGOMAN_SCREENSHOTS to a folder to keep the screenshots for a look.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixtures import FakeStore, arabic_article

from dragoman.report import build_report
from dragoman.report.builder import article_filename

CHROMIUM = os.environ.get("DRAGOMAN_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # a broken or sandbox-less install: skip rather than fail
            pytest.skip(f"Chromium did not start: {exc}")
        yield b
        b.close()


def test_arabic_article_renders_rtl_with_exact_highlights(
    browser: Any, store: FakeStore, tmp_path: Path
) -> None:
    build_report(store, tmp_path)
    ar = arabic_article()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((tmp_path / article_filename(ar)).as_uri())
    body = page.locator("#text")
    assert body.evaluate("el => getComputedStyle(el).direction") == "rtl"
    mentions = page.locator("#text .m")
    assert mentions.all_inner_texts() == [
        ar.span_text(m.span) for m in sorted(ar.mentions, key=lambda m: m.span.start)
    ]
    nisba = page.locator('#text .m.k-nisba')
    assert nisba.inner_text() == "الأذربيجاني"
    assert nisba.evaluate("el => getComputedStyle(el).unicodeBidi") == "isolate"
    assert "Q227" in (nisba.get_attribute("title") or "")
    # the boilerplate is greyed out, the body is not
    grey = page.locator("#text .bp").first.evaluate("el => getComputedStyle(el).color")
    assert grey != body.evaluate("el => getComputedStyle(el).color")
    # clicking an event's evidence flashes the evidence span in the text
    page.locator("li.events-row a.evidence").first.click()
    flashed = page.locator("#text .flash")
    assert flashed.count() == 1
    assert flashed.inner_text() == ar.span_text(ar.events[0].evidence[0])
    shot = tmp_path / "arabic.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("DRAGOMAN_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, Path(keep) / "report-arabic.png")
    page.goto((tmp_path / "index.html").as_uri())
    assert page.locator("tr.entity-row").count() == len(store.entity_table())
    page.close()
