"""The report in a real headless browser, opened from file:// with no network.

Uses the system Chromium (Debian package ``chromium``) through Playwright;
no browser is ever downloaded.  Skips when either is missing.  Set
DRAGOMAN_SCREENSHOTS to a folder to keep the screenshots for a look.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from report_fixtures import FakeStore, arabic_article

from dragoman.report import build_report
from dragoman.report.builder import article_filename


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
