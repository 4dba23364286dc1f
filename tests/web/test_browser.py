"""The dashboard in a real headless Chromium, served by uvicorn on loopback.

Uses Debian's Chromium (/usr/bin/chromium, installed by .ci/install-system.sh)
through Playwright; no browser is downloaded, and the test skips with the
reason when either is missing.  The server runs in a thread of this process
on a free port and stops with the module.  Screenshots go to
build/artifacts/dashboard/.  Every page is also checked for Content-Security-
Policy violations and script errors: the CSP forbids inline scripts and eval,
so a chart or a widget that needed them would show up here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from web_fixtures import HOSTILE_TITLE, serve

from dragoman.model import EventStatus
from dragoman.store import Store


@pytest.fixture(scope="module")
def base(dash_app: FastAPI) -> Iterator[str]:
    with serve(dash_app) as url:
        yield url


class Watched:
    """A page whose console errors, CSP reports, failed requests and dialogs are collected."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)

        def dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        self.base = base

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")

    def assert_clean(self) -> None:
        # The browser's own line for a failed response says no more than the one above.
        assert [m for m in self.problems if not m.startswith("Failed to load resource")] == []
        assert self.problems == []
        assert self.dialogs == []
        # Nothing is fetched from anywhere but the server under test.
        assert all(u.startswith(self.base) or u.startswith("data:") for u in self.requests), self.requests


@pytest.fixture
def page(browser: Any, base: str) -> Iterator[Watched]:
    ctx = browser.new_context(viewport={"width": 1360, "height": 900})
    p = ctx.new_page()
    w = Watched(p, base)
    yield w
    ctx.close()


def shot(w: Watched, artifacts: Path, name: str) -> None:
    path = artifacts / f"{name}.png"
    w.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000


@pytest.mark.parametrize("language", ["ar", "he"])
def test_reader_is_rtl_inside_an_ltr_interface(page: Watched, dash_store: Store, artifacts: Path, language: str) -> None:
    row = dash_store.list_articles(language=language)[0]
    page.goto(f"/articles/{row.id}")
    p = page.page
    assert p.locator("#text").evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert p.locator("h1.article-title").evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert p.locator("header.top").evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert p.locator(".side").evaluate("el => getComputedStyle(el).direction") == "ltr"
    # Every highlight is an isolate, so a Latin name or a number inside keeps its order.
    marks = p.locator("#text .m")
    assert marks.count() > 0
    assert set(marks.evaluate_all("els => els.map(e => getComputedStyle(e).unicodeBidi)")) == {"isolate"}
    # The gloss is on hover (title), and chrome is greyed.
    assert marks.first.get_attribute("title")
    if p.locator("#text .bp").count():
        grey = p.locator("#text .bp").first.evaluate("el => getComputedStyle(el).color")
        assert grey != p.locator("#text").evaluate("el => getComputedStyle(el).color")
    shot(page, artifacts, f"reader-{language}")
    page.assert_clean()


def test_clicking_an_entity_reaches_its_page(page: Watched, dash_store: Store, artifacts: Path) -> None:
    row = dash_store.list_articles(language="ar")[0]
    page.goto(f"/articles/{row.id}")
    p = page.page
    link = p.locator("a.entity-link").first
    name = link.inner_text()
    link.click()
    p.wait_for_url("**/entities/**")
    assert p.locator("h1.entity-name").inner_text().startswith(name)
    # A name in the text leads there too.
    page.goto(f"/articles/{row.id}")
    mention = p.locator("#text .m[data-entity]").first
    entity = mention.get_attribute("data-entity")
    mention.click()
    p.wait_for_url("**/entities/**")
    assert p.locator("dl.meta dd bdi").first.inner_text() == entity
    shot(page, artifacts, "entity")
    page.assert_clean()


def test_events_filter_by_type_then_actor(page: Watched, artifacts: Path) -> None:
    page.goto("/events")
    p = page.page
    all_rows = p.locator("tr.event-row").count()
    assert all_rows > 1
    # The first type offered (the most frequent), chosen in the select: htmx swaps the results in place.
    kind = p.locator("#filter-type option").nth(1).get_attribute("value")
    with p.expect_response(lambda r: "/events?" in r.url):
        p.select_option("#filter-type", kind)
    p.wait_for_function("t => [...document.querySelectorAll('tr.event-row')].every(r => r.dataset.type === t)", arg=kind)
    typed = p.locator("tr.event-row")
    assert 0 < typed.count() <= all_rows
    assert "type=" in p.url  # the filtered list has its own address
    actor = p.locator("#filter-actor option").nth(1).get_attribute("value")
    with p.expect_response(lambda r: "actor=" in r.url):
        p.select_option("#filter-actor", actor)
    p.wait_for_function(
        "a => [...document.querySelectorAll('tr.event-row')].every(r => r.dataset.actors.split(' ').includes(a))",
        arg=actor,
    )
    rows = p.locator("tr.event-row")
    assert rows.count() > 0
    assert set(rows.evaluate_all("els => els.map(e => e.dataset.type)")) == {kind}
    assert p.locator(f'.facet-link.active[data-facet="actor"][data-value="{actor}"]').count() == 1
    shot(page, artifacts, "events-filtered")
    page.assert_clean()


def test_overview_charts_render_under_the_csp_and_lead_to_lists(page: Watched, artifacts: Path) -> None:
    page.goto("/")
    p = page.page
    p.wait_for_selector('#per-outlet .chart[data-rendered="true"] svg')
    assert p.locator('.chart[data-rendered="true"]').count() == p.locator(".chart").count() == 5
    shot(page, artifacts, "overview")
    bar = p.locator("#per-outlet .chart svg .mark-rect path").first
    bar.click()
    p.wait_for_url("**/articles?outlet=*")
    assert p.locator("tr.article-row").count() > 0
    page.assert_clean()


def test_timeline_draws_honest_spans(page: Watched, artifacts: Path) -> None:
    page.goto("/timeline")
    p = page.page
    p.wait_for_selector('.chart.timeline[data-rendered="true"] svg')
    bars = p.locator(".chart.timeline svg .mark-rect path")
    assert bars.count() > 0
    widths = bars.evaluate_all("els => els.map(e => e.getBBox().width)")
    grains = p.locator("tr.timeline-row").evaluate_all("els => els.map(e => e.dataset.granularity)")
    if "month" in grains and "day" in grains:
        assert max(widths) > min(widths)  # a month is drawn wider than a day
    shot(page, artifacts, "timeline")
    page.assert_clean()


def test_correct_a_fact_then_revert_it(page: Watched, dash_store: Store, dash_token: str, artifacts: Path) -> None:
    row = next(r for r in dash_store.list_articles(language="ar") if (a := dash_store.get_article(r.id)) and a.events)
    article = dash_store.get_article(row.id)
    assert article is not None
    event = article.events[0]
    page.goto(f"/articles/{row.id}")
    p = page.page
    before = p.locator(f'li.events-row[data-target="event:{event.id}"]').inner_text()
    # A wrong token is refused by the API and the form says so.
    p.fill("#token", "wrong")
    p.locator(f'button.correct-this[data-target="event:{event.id}"]').click()
    p.select_option("#field", "status")
    new_status = "negated" if event.status.value != "negated" else "occurred"
    p.fill("#after", new_status)
    p.fill("#reason", "the article says it did not happen")
    p.click("#submit-correction")
    p.wait_for_selector("#correction-status.bad")
    assert "401" in p.locator("#correction-status").inner_text()
    page.problems = [m for m in page.problems if "401" not in m]  # the browser logs the refused request
    # With the right token it is saved, and the reader shows the corrected fact and the history.
    p.fill("#token", dash_token)
    with p.expect_navigation():
        p.click("#submit-correction")
    p.wait_for_load_state("networkidle")
    fact = p.locator(f'li.events-row[data-target="event:{event.id}"]')
    assert new_status in fact.inner_text() and fact.inner_text() != before
    assert fact.locator(".corrected-badge").count() == 1
    entry = p.locator("li.correction-row.in-force")
    assert entry.count() == 1
    assert p.evaluate("() => sessionStorage.getItem('dragoman-token')") == dash_token
    assert EventStatus(new_status)  # a status the model knows
    shot(page, artifacts, "corrected")
    with p.expect_navigation():
        entry.locator("button.revert").click()
    p.wait_for_load_state("networkidle")
    assert p.locator(f'li.events-row[data-target="event:{event.id}"]').inner_text() == before
    assert p.locator(".corrected-badge").count() == 0
    assert p.locator("li.correction-row.in-force").count() == 0
    assert p.locator("li.correction-row").count() == 2  # the correction and its revert, both kept
    page.assert_clean()


def test_hostile_article_runs_no_script(page: Watched, dash_store: Store, artifacts: Path) -> None:
    aid = next(r.id for r in dash_store.list_articles() if r.title and "Hostile" in r.title)
    for path in (f"/articles/{aid}", "/articles", "/search?q=Hostile"):
        page.goto(path)
        p = page.page
        assert p.evaluate("() => window.__xss === undefined"), path
        assert p.locator('a[href^="javascript:"]').count() == 0
        assert p.locator("img, iframe, object, embed").count() == 0
        assert p.locator("[onerror], [onload], [onmouseover]").count() == 0
    page.goto(f"/articles/{aid}")
    p = page.page
    assert p.locator("h1.article-title").inner_text() == HOSTILE_TITLE
    assert "<script>" in p.locator("#text").inner_text()
    for el in p.locator("a, span.m").all():
        el.hover()  # hovering a link or a name runs nothing either
    assert p.evaluate("() => window.__xss === undefined")
    shot(page, artifacts, "hostile")
    page.assert_clean()


def test_framing_search_and_articles_pages_are_clean(page: Watched, artifacts: Path) -> None:
    for path, name in (("/framing", "framing"), ("/search?q=%D8%A3%D8%B0%D8%B1%D8%A8%D9%8A%D8%AC%D8%A7%D9%86", "search"),
                       ("/articles", "articles")):
        page.goto(path)
        shot(page, artifacts, name)
    assert page.page.locator("tr.article-row").count() > 0
    page.assert_clean()


def test_search_hit_opens_highlighted_and_evidence_flashes(page: Watched, artifacts: Path) -> None:
    page.goto("/search?q=Azerbaijan")
    p = page.page
    hits = p.locator("ol.hits li.hit a")
    assert hits.count() > 0
    hits.first.click()
    p.wait_for_url("**/articles/*?hit=*")
    hit = p.locator("#text .hit")
    assert hit.count() == 1 and hit.inner_text().strip()
    # An event's evidence link flashes its span in the text (every article naming Azerbaijan here has events).
    evidence = p.locator("li.events-row a.evidence").first
    target = evidence.get_attribute("data-target")
    evidence.click()
    flashed = p.locator("#text .flash")
    assert flashed.count() >= 1
    assert set(flashed.evaluate_all("els => els.map(e => e.dataset.anchor)")) == {target}
    shot(page, artifacts, "search-hit")
    page.assert_clean()


def test_tracker_opens(page: Watched, artifacts: Path) -> None:
    pytest.importorskip("dragoman.views.tracker", reason="the accession tracker is not installed")
    page.goto("/tracker")
    p = page.page
    assert p.locator("tr.tracker-row").count() > 0
    p.locator("tr.tracker-row details summary").first.click()
    assert p.locator("tr.tracker-row details[open] ul.evidence li").count() > 0
    shot(page, artifacts, "tracker")
    page.assert_clean()


def test_graph_draws_under_the_csp(page: Watched, artifacts: Path) -> None:
    pytest.importorskip("dragoman.graph.knowledge", reason="the knowledge graph (picture) is not installed")
    page.goto("/graph")
    p = page.page
    p.wait_for_selector("#graph[data-rendered]")
    assert int(p.locator("#graph").get_attribute("data-rendered") or "0") > 0
    assert p.locator("#graph canvas").count() > 0
    shot(page, artifacts, "graph")
    page.assert_clean()


def test_merged_timeline_draws(page: Watched, artifacts: Path) -> None:
    pytest.importorskip("dragoman.graph.timeline", reason="the corpus layer's merged events (picture) are not installed")
    page.goto("/timeline?level=merged")
    p = page.page
    p.wait_for_selector('.chart.timeline[data-rendered="true"] svg')
    assert p.locator("tr.timeline-row").count() > 0
    shot(page, artifacts, "timeline-merged")
    page.assert_clean()
