"""The corpus layer through the API: stories, merged events, the tracker, and events by story.

Every list is checked against what the corpus layer itself prints
(``stories_document``, ``events_document``, ``tracker_report``: the CLI's
JSON) and against the bundled JSON Schemas; the pydantic response models
are checked field for field against those schemas.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from dragoman.corpus.documents import (
    events_document,
    schema,
    stories_document,
    validate_events,
    validate_stories,
)
from dragoman.corpus.picture import picture_of
from dragoman.corpus.tracker import tracker_report
from dragoman.rest import models
from dragoman.store import open_store
from dragoman.store.queries import EventQuery
from dragoman.views.facets import event_facets_view


def _all(client: TestClient, url: str, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        sep = "&" if "?" in url else "?"
        r = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else ""))
        assert r.status_code == 200, r.text
        body = r.json()
        assert len(body["items"]) <= limit
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def _picture_docs(db: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    store = open_store(db)
    try:
        picture = picture_of(store)
        return stories_document(picture), events_document(picture)
    finally:
        store.close()


# -- stories -------------------------------------------------------------------------------------
def test_stories_are_the_stories_document_paged_filtered_and_as_csv(client: TestClient, db: str) -> None:
    stories, events = _picture_docs(db)
    assert len(stories) == 2  # the Arabic and English articles tell one story, the Hebrew another
    listed = client.get("/api/stories").json()["items"]
    assert sorted(listed, key=lambda s: s["id"]) == sorted(stories, key=lambda s: s["id"])
    assert [s["first"] for s in listed] == sorted(s["first"] for s in stories)  # earliest first
    assert _all(client, "/api/stories", 1) == listed
    validate_stories(listed, events)

    two = [s for s in stories if len(s["articles"]) == 2][0]
    he = [s for s in stories if s["articles"][0]["language"] == "he"][0]
    assert [s["id"] for s in client.get("/api/stories?min_articles=2").json()["items"]] == [two["id"]]
    assert [s["id"] for s in client.get("/api/stories?language=he").json()["items"]] == [he["id"]]
    assert [s["id"] for s in client.get("/api/stories?outlet=example ledger").json()["items"]] == [two["id"]]
    en_article = [a["article"] for a in two["articles"] if a["language"] == "en"][0]
    assert [s["id"] for s in client.get(f"/api/stories?article_id={en_article}").json()["items"]] == [two["id"]]
    assert [s["id"] for s in client.get("/api/stories?date_from=2025-04&date_to=2025").json()["items"]] == [he["id"]]

    assert client.get(f"/api/stories/{he['id']}").json() == he
    missing = client.get("/api/stories/st-0000000000000000")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"

    r = client.get("/api/stories?format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["id"] for row in rows] == [s["id"] for s in listed]
    assert rows[0]["article_count"] == str(len(listed[0]["articles"]))


# -- merged events --------------------------------------------------------------------------------
def test_merged_events_are_the_events_document_paged_and_filtered(client: TestClient, db: str) -> None:
    stories, events = _picture_docs(db)
    listed = client.get("/api/merged-events").json()["items"]
    assert sorted(listed, key=lambda e: e["id"]) == sorted(events, key=lambda e: e["id"])
    assert _all(client, "/api/merged-events", 2) == listed
    validate_events(listed)
    undated = [e for e in listed if e["date"] is None]
    assert listed[len(listed) - len(undated):] == undated  # undated last

    accede = client.get("/api/merged-events?type=ACCEDE").json()["items"]
    assert [e["type"] for e in accede] == ["ACCEDE"]
    # The PLOVER type a PLOVER coder would give finds the extension types it covers.
    agree = client.get("/api/merged-events?type=AGREE").json()["items"]
    assert {e["plover"] for e in agree} == {"AGREE"} and "ACCEDE" in {e["type"] for e in agree}
    by_qid = client.get("/api/merged-events?actor=Q227").json()["items"]  # Azerbaijan, by QID or by id
    assert by_qid and by_qid == client.get("/api/merged-events?actor=country:AZ").json()["items"]
    assert all(any(p["qid"] == "Q227" for p in e["actors"]) for e in by_qid)
    story = stories[0]
    of_story = client.get(f"/api/merged-events?story={story['id']}").json()["items"]
    assert {e["id"] for e in of_story} == set(story["events"])
    article = story["articles"][0]["article"]
    in_article = client.get(f"/api/merged-events?article_id={article}").json()["items"]
    assert in_article and all(any(s["article"] == article for s in e["sources"]) for e in in_article)
    assert client.get("/api/merged-events?disputed=true").json()["items"] == [e for e in listed if e["disagreements"]]
    assert client.get("/api/merged-events?min_sources=99").json()["items"] == []
    march = client.get("/api/merged-events?date_from=2025-03&date_to=2025-03").json()["items"]
    assert march and all(e["date"] and e["date"]["value"] <= "2025-03-31" for e in march)

    one = listed[0]
    assert client.get(f"/api/merged-events/{one['id']}").json() == one
    assert client.get("/api/merged-events/me-0000000000000000").status_code == 404

    rows = list(csv.DictReader(io.StringIO(client.get("/api/merged-events?format=csv").text)))
    assert [row["id"] for row in rows] == [e["id"] for e in listed]
    assert rows[0]["source_count"] == str(len(listed[0]["sources"]))


# -- the tracker ----------------------------------------------------------------------------------
def test_tracker_rows_filters_cursor_and_csv(client: TestClient, db: str) -> None:
    store = open_store(db)
    try:
        report = tracker_report(store)
    finally:
        store.close()
    listed = client.get("/api/tracker?limit=1000").json()["items"]
    assert listed == report  # the CLI's JSON, in its order
    jsonschema.validate(listed, schema("tracker-v1"))
    assert _all(client, "/api/tracker", 3) == listed

    members = client.get("/api/tracker?status=member&limit=1000").json()["items"]
    assert members and members == [r for r in report if r["status"] == "member"]
    israel = client.get("/api/tracker?state=israel").json()["items"]  # by English name, any case
    assert israel and {r["state"]["id"] for r in israel} == {"country:IL"}
    assert client.get("/api/tracker?state=Q801").json()["items"] == israel  # by QID
    agreement = report[0]["agreement"]["id"]
    assert {r["agreement"]["id"] for r in client.get(f"/api/tracker?agreement={agreement}").json()["items"]} == {
        agreement}
    early = client.get("/api/tracker?as_of=2020-10-01&limit=1000").json()["items"]
    assert early and all(r["since"] is None or r["since"] <= "2020-10-01" for r in early)
    assert len(early) < len(listed)  # accessions after that day are not yet there
    assert client.get("/api/tracker?status=married").status_code == 422
    assert client.get("/api/tracker?as_of=2025-02-30").status_code == 422

    r = client.get("/api/tracker?format=csv&limit=1000")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(row["agreement"], row["state"], row["status"]) for row in rows] == [
        (x["agreement"]["id"], x["state"]["id"], x["status"]) for x in listed]


# -- article-level events by story ----------------------------------------------------------------
def test_events_filtered_by_story_are_its_articles_events(client: TestClient, db: str) -> None:
    stories, _events = _picture_docs(db)
    every = _all(client, "/api/events", 50)
    for story in stories:
        ids = {a["article"] for a in story["articles"]}
        want = [e for e in every if e["article_id"] in ids]  # in the list's own order
        got = client.get(f"/api/events?story={story['id']}").json()
        assert got["items"] == want and got["filters"]["story"] == story["id"]
        assert _all(client, f"/api/events?story={story['id']}", 1) == want  # cursors across its articles
        facets = client.get(f"/api/events/facets?story={story['id']}").json()
        assert facets["total"] == len(want)
    story = [s for s in stories if len(s["articles"]) == 2][0]
    only = story["articles"][0]["article"]
    narrowed = client.get(f"/api/events?story={story['id']}&article_id={only}&type=AGREE").json()["items"]
    assert narrowed == [e for e in every if e["article_id"] == only and e["type"] == "AGREE"]
    r = client.get("/api/events?story=st-0000000000000000")
    assert r.status_code == 404 and r.json()["detail"].startswith("no story")
    assert client.get("/api/events/facets?story=nope").status_code == 404


def test_event_facets_are_the_dashboards_view(client: TestClient, db: str) -> None:
    store = open_store(db)
    try:
        for url, query in (("/api/events/facets", EventQuery()),
                           ("/api/events/facets?type=AGREE", EventQuery(type="AGREE")),
                           ("/api/events/facets?actor=country:AZ", EventQuery(actor="country:AZ"))):
            view = event_facets_view(store, query, top=None, by="year")  # type: ignore[arg-type]
            body = client.get(url + ("&" if "?" in url else "?") + "by=year").json()
            assert body["total"] == view.total
            for name in ("type", "status", "actor"):
                assert body["facets"][name] == {v.value: v.count for v in getattr(view, name)}, name
                assert body["labels"][name] == {v.value: v.label for v in getattr(view, name)}
            assert body["facets"]["date"] == {v.value: v.count for v in view.date or []}
    finally:
        store.close()


# -- the response models are the schemas ----------------------------------------------------------
def _resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = doc["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _shape(doc: dict[str, Any], node: dict[str, Any]) -> Any:
    """Property names, required names and nested objects' shapes of a schema node."""
    node = _resolve(doc, node)
    if node.get("type") == "array" or "items" in node:
        return ["array", _shape(doc, node["items"])] if isinstance(node.get("items"), dict) else ["array"]
    for alt in node.get("oneOf", []) + node.get("anyOf", []):
        alt = _resolve(doc, alt)
        if alt.get("type") != "null":
            return _shape(doc, alt)
    if "properties" in node:
        return {"required": sorted(node.get("required", [])),
                "closed": node.get("additionalProperties") is False,
                "properties": {k: _shape(doc, v) for k, v in node["properties"].items()}}
    if isinstance(node.get("additionalProperties"), dict):
        return ["map", _shape(doc, node["additionalProperties"])]
    return "value"


@pytest.mark.parametrize(("model", "name", "item"), [
    (models.MergedEventModel, "events-v1", True),
    (models.StoryModel, "stories-v1", True),
    (models.TrackerRowModel, "tracker-v1", True),
])
def test_response_models_match_the_bundled_schemas(model: type[BaseModel], name: str, item: bool) -> None:
    bundled = schema(name)
    want = _shape(bundled, bundled["items"] if item else bundled)
    generated = model.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    assert _shape(generated, generated) == want
