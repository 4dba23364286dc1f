"""The corpus layer's pages (tracker, knowledge graph, framing by story): served when their packages are.

On a checkout without the corpus layer these pages are absent from the app
and the menu (checked here), and the tests of their content skip, naming
the missing package.
"""

from __future__ import annotations

import importlib.util
import json
import re
from html import unescape

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_fixtures import LOOPBACK

from dragoman.store import Store
from dragoman.web.corpus_pages import available


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


@pytest.fixture(scope="module")
def client(dash_app: FastAPI) -> TestClient:
    # Addressed as loopback: the REST app serves reads without a token only to a loopback Host.
    return TestClient(dash_app, base_url=LOOPBACK)


def test_pages_and_menu_follow_what_is_installed(client: TestClient) -> None:
    have = available()
    assert have["tracker"] == (_installed("dragoman.views.tracker") and _installed("dragoman.corpus.tracker"))
    assert have["graph"] == (_installed("dragoman.graph.knowledge") and _installed("dragoman.corpus.picture"))
    menu = client.get("/").text
    for name, path in (("tracker", "/tracker"), ("graph", "/graph")):
        assert (client.get(path).status_code == 200) == have[name], path
        assert (f'href="{path}"' in menu) == have[name], path


def test_tracker_page_shows_the_tracker_view(client: TestClient, dash_store: Store) -> None:
    pytest.importorskip("dragoman.views.tracker", reason="the accession tracker is not installed")
    from dragoman.corpus.tracker import tracker_report
    from dragoman.views.tracker import tracker_view

    view = tracker_view(tracker_report(dash_store))
    html = client.get("/tracker").text
    rows = re.findall(r'<tr class="tracker-row" data-state="([^"]+)" data-status="([^"]+)"', html)
    assert rows == [(unescape(r.state_id), r.status) for ag in view.agreements for r in ag.rows]
    assert rows, "the sample corpus is about joining the Abraham Accords"
    assert client.get("/tracker", params={"as_of": "2025-10-31"}).status_code == 200
    assert client.get("/tracker", params={"as_of": "October"}).status_code == 400


def test_graph_page_holds_the_knowledge_graph(client: TestClient) -> None:
    pytest.importorskip("dragoman.graph.knowledge", reason="the knowledge graph (picture) is not installed")
    html = client.get("/graph").text
    raw = re.search(r'data-elements="([^"]*)"', html)
    assert raw is not None
    elements = json.loads(unescape(raw.group(1)))
    nodes = [e["data"] for e in elements if "source" not in e["data"]]
    edges = [e["data"] for e in elements if "source" in e["data"]]
    ids = {n["id"] for n in nodes}
    assert nodes and edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    kinds = {n["kind"] for n in nodes}
    assert {"entity", "event", "article"} <= kinds
    linked = [n for n in nodes if n.get("entity")]
    assert linked
    for n in linked[:5]:
        from urllib.parse import quote

        assert client.get("/entities/" + quote(n["entity"], safe="")).status_code == 200


def test_framing_takes_a_story(client: TestClient) -> None:
    pytest.importorskip("dragoman.corpus.picture", reason="stories (picture) are not installed")
    html = client.get("/framing").text
    stories = re.findall(r'<option value="(st-[^"]+)"', html)
    assert stories
    page = client.get("/framing", params={"story": stories[0]}).text
    chosen = re.findall(r'name="a" value="([0-9a-f]{64})" checked', page)
    assert chosen
    assert "Not in this store" in client.get("/framing", params={"story": "st-nope"}).text


def test_timeline_of_merged_events(client: TestClient, dash_store: Store) -> None:
    if not available()["graph"]:
        # Without the corpus layer the page offers no merged level and shows the articles' events.
        html = client.get("/timeline", params={"level": "merged"}).text
        assert 'id="timeline-levels"' not in html and "Events reported by the articles" in html
        return
    from dragoman.corpus.picture import picture_of
    from dragoman.graph.timeline import timeline

    want = [e.event for e in timeline(picture_of(dash_store)).entries if e.start and e.end]
    html = client.get("/timeline", params={"level": "merged"}).text
    shown = re.findall(r'href="/graph\?node=event%3A([^"]+)"', html)
    assert shown == want and shown
