"""Every dashboard page over the sample corpus, through FastAPI's test client (no browser)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_fixtures import HOSTILE_TITLE, LOOPBACK

from dragoman.store import Store
from dragoman.store.queries import EventQuery
from dragoman.views import event_list_view
from dragoman.views.overview import iter_events
from dragoman.web import CSP, mount


class Probe(HTMLParser):
    """Collects what a page would run or follow: scripts, inline handlers, hrefs, and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a)
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "a" and a.get("href") is not None:
            self.hrefs.append(str(a["href"]))
        if tag in ("img", "svg", "iframe", "object", "embed"):
            self.handlers.append(f"<{tag}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def probe(html: str) -> Probe:
    p = Probe()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def client(dash_app: FastAPI) -> TestClient:
    # Addressed as loopback: the REST app serves reads without a token only to a loopback Host.
    return TestClient(dash_app, base_url=LOOPBACK)


def _id(store: Store, language: str) -> str:
    return store.list_articles(language=language)[0].id


def _hostile(store: Store) -> str:
    return next(r.id for r in store.list_articles() if r.title and "Hostile" in r.title)


PAGES = ["/", "/articles", "/articles?language=ar", "/events", "/timeline", "/search?q=Azerbaijan", "/framing"]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_served_with_a_strict_csp_and_only_vendored_scripts(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP and "'unsafe-eval'" not in CSP
    p = probe(r.text)
    assert p.scripts, "every page loads its scripts from files"
    for s in p.scripts:
        assert s.get("src", "").startswith("/static/"), s  # type: ignore[union-attr]
    assert "<script>" not in r.text.replace("&lt;script&gt;", "")
    assert p.handlers == []


def test_static_assets_are_served(client: TestClient) -> None:
    for path in ("/static/dash/vendor/htmx.min.js", "/static/dash/vendor/vega.min.js", "/static/dash/charts.js",
                 "/static/dash/dash.css", "/static/report/report.css"):
        assert client.get(path).status_code == 200, path


def test_reader_shows_the_article_in_its_direction_with_facts_in_english(client: TestClient, dash_store: Store) -> None:
    for lang in ("ar", "he"):
        aid = _id(dash_store, lang)
        html = client.get(f"/articles/{aid}").text
        assert re.search(r'<div class="article-text" id="text" dir="rtl" lang="' + lang + '">', html)
        assert '<html lang="en" dir="ltr">' in html
        article = dash_store.get_article(aid)
        assert article is not None
        for e in article.entities:
            assert f'href="/entities/{quote(e.id, safe="")}"' in html


def test_overview_buckets_lead_to_lists_that_count_the_same(client: TestClient, dash_store: Store) -> None:
    html = client.get("/").text
    rows = dash_store.list_articles()
    outlets = {r.outlet for r in rows if r.outlet}
    for outlet in outlets:
        listing = client.get("/articles", params={"outlet": outlet}).text
        shown = len(re.findall(r'<tr class="article-row">', listing))
        assert shown == sum(1 for r in rows if r.outlet == outlet)
    assert "articles per outlet" in html.lower()


def test_events_filters_match_the_query_role(client: TestClient, dash_store: Store) -> None:
    everything = list(iter_events(dash_store))  # type: ignore[arg-type]
    assert everything, "the sample corpus has events"
    ev = everything[0]
    actor = ev.actors[0] if ev.actors else None
    params = {"type": ev.type, **({"actor": actor} if actor else {})}
    html = client.get("/events", params=params).text
    shown = re.findall(r'<tr class="event-row" data-event="([^"]+)" data-type="([^"]+)"', html)
    want = event_list_view(dash_store, EventQuery(type=ev.type, actor=actor, limit=100))  # type: ignore[arg-type]
    assert [e for e, _ in shown] == [e.id for e in want.events]
    assert {t for _, t in shown} == {ev.type}


def test_bad_filters_and_missing_things_are_pages_not_errors(client: TestClient) -> None:
    assert client.get("/events", params={"date_from": "March"}).status_code == 400
    assert "date_from must be a date" in client.get("/events", params={"date_from": "March"}).text
    assert client.get("/events", params={"cursor": "not-a-cursor"}).status_code == 400
    assert client.get("/articles", params={"day": "yesterday"}).status_code == 400
    assert client.get("/articles/" + "0" * 64).status_code == 404
    assert client.get("/entities/" + quote("no:such/entity", safe="")).status_code == 404


def test_hostile_article_is_text_everywhere(client: TestClient, dash_store: Store) -> None:
    aid = _hostile(dash_store)
    for path in (f"/articles/{aid}", "/articles", "/search?q=Hostile", "/", "/framing", "/events"):
        r = client.get(path)
        assert r.status_code == 200, path
        p = probe(r.text)
        assert p.handlers == [], (path, p.handlers)
        assert all(s.get("src", "").startswith("/static/") for s in p.scripts), path  # type: ignore[union-attr]
        assert not any(h.strip().lower().startswith(("javascript:", "data:", "vbscript:")) for h in p.hrefs), path
    text = "".join(probe(client.get(f"/articles/{aid}").text).text)
    assert HOSTILE_TITLE in text  # shown as written, as text
    assert "javascript:window.__xss='url'" in text  # the URL is shown, not linked


def test_entity_page_lists_roles_and_mentions(client: TestClient, dash_store: Store) -> None:
    row = dash_store.entity_table()[0]
    html = client.get(f"/entities/{quote(row.id, safe='')}").text
    assert row.canonical in html
    assert html.count('<li><span class="bidi" dir="auto">') >= 1


def test_search_finds_arabic_text_by_english_name_and_links_the_hit(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Azerbaijan"}).text
    hits = re.findall(r'href="(/articles/[0-9a-f]{64}\?hit=\d+-\d+)"', html)
    assert hits
    page = client.get(hits[0].replace("&amp;", "&")).text
    assert 'class="hit"' in page


def test_timeline_spans_what_each_date_covers(client: TestClient) -> None:
    html = client.get("/timeline").text
    rows = re.findall(r'<tr class="timeline-row g-(\w+)[^"]*" data-granularity="\w+">\s*<td>([^<]+)</td>', html)
    assert rows
    for granularity, covers in rows:
        if granularity == "month":
            start, _, end = covers.partition(" – ")
            assert start.endswith("-01") and end[:7] == start[:7] and end > start
        if granularity == "day":
            assert " – " not in covers


def test_mount_takes_a_plain_function_a_prefix_and_guards(dash_store: Store) -> None:
    from fastapi import Depends, HTTPException

    def no_reads() -> None:
        raise HTTPException(401, "token needed")

    open_app = FastAPI()
    mount(open_app, lambda: dash_store, prefix="/desk")
    c = TestClient(open_app)
    r = c.get("/desk/")
    assert r.status_code == 200
    assert 'href="/desk/static/dash/dash.css"' in r.text and 'href="/desk/events?' in r.text
    assert c.get("/desk/static/dash/vendor/htmx.min.js").status_code == 200
    guarded = FastAPI()
    mount(guarded, lambda: dash_store, dependencies=[Depends(no_reads)])
    assert TestClient(guarded).get("/events").status_code == 401


def test_framing_puts_outlets_side_by_side_on_shared_actors(client: TestClient, dash_store: Store) -> None:
    from dragoman.framing import framing_report

    rows = dash_store.list_articles()
    articles = [a for r in rows if (a := dash_store.get_article(r.id)) is not None]
    report = framing_report(articles)
    html = client.get("/framing", params=[("a", r.id) for r in rows]).text
    headers = [unescape(h) for h in re.findall(r'<th class="outlet" data-outlet="([^"]*)">', html)]
    assert headers == [o["outlet"] or "" for o in report["outlets"]]
    shown = [unescape(e) for e in re.findall(r'<tr class="actor-row" data-entity="([^"]+)">', html)]
    coverage: dict[str, int] = {}
    for o in report["outlets"]:
        for eid in {*o["stance"], *o["names"]}:
            coverage[eid] = coverage.get(eid, 0) + 1
    assert sorted(shown) == sorted(coverage)  # every actor, the shared ones first
    first_single = next((i for i, e in enumerate(shown) if coverage[e] == 1), len(shown))
    assert all(coverage[e] > 1 for e in shown[:first_single])


_FACET = re.compile(r'data-facet="(\w+)" data-value="([^"]*)"[^>]*>.*?</a> <span class="count">(\d+)</span>')


@pytest.mark.parametrize("params", ["", "?type=CONSULT", "?status=occurred"])
def test_events_page_facets_are_the_apis(client: TestClient, params: str) -> None:
    """The page and ``/api/events/facets`` count with one view: every value the page lists, the API counts
    the same, and the page lists the API's top values."""
    html = client.get(f"/events{params}").text
    shown: dict[str, dict[str, int]] = {}
    for name, value, n in _FACET.findall(html):
        shown.setdefault(name, {})[unescape(value)] = int(n)
    api = client.get(f"/api/events/facets{params}").json()["facets"]
    assert shown["type"] and shown["status"] and shown["actor"]
    for name, counts in shown.items():
        assert counts == {k: api[name][k] for k in counts}, name
        top = sorted(api[name].items(), key=lambda kv: (-kv[1], kv[0]))[: len(counts)]
        assert set(counts) == {k for k, _ in top}, name
