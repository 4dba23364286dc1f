"""The desk's API over SQLite and a live PostgreSQL: the same answers, a correction round trip, tokens."""

from __future__ import annotations

from fastapi.testclient import TestClient

from builders import query_corpus
from dragoman.rest import create_app, create_token
from dragoman.store import open_store


def test_the_api_answers_alike_and_corrects_on_every_store(store_url: str) -> None:
    setup = open_store(store_url)
    corpus = query_corpus()
    for a in corpus:
        setup.put_article(a)
    token = create_token(setup, "analyst")
    setup.close()
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as c:
        assert [a["language"] for a in c.get("/api/articles").json()["items"]] == ["he", "ar", "en"]
        page = c.get("/api/events?actor=country:AZ&date_from=2025").json()
        assert sorted(e["type"] for e in page["items"]) == ["ACCEDE", "AGREE"]
        assert len(c.get("/api/search?q=Azerbaijan").json()["hits"]) == 3
        en = corpus[2]
        sanction = en.events[0]
        made = c.post("/api/corrections", headers=auth, json={
            "article_id": en.id, "target": f"event:{sanction.id}", "field": "status", "after": "occurred",
            "reason": "it happened"})
        assert made.status_code == 201 and made.json()["who"] == "analyst"
        assert c.get("/api/events?status=negated").json()["items"] == []
        assert c.get(f"/api/articles/{en.id}").json()["events"][0]["status"] == "occurred"
        assert c.post(f"/api/corrections/{made.json()['id']}/revert", headers=auth,
                      json={"reason": "misread"}).status_code == 201
        assert [e["id"] for e in c.get("/api/events?status=negated").json()["items"]] == [sanction.id]
        assert c.post("/api/corrections", headers={"Authorization": "Bearer nope"}, json={}).status_code == 401
