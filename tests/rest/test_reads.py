"""Reading through the API: filters, stable cursors, facets, CSV, problems, and text kept as text."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from dragoman.model import Article
from dragoman.rest.security import CSP


def _all(client: TestClient, url: str, limit: int) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        sep = "&" if "?" in url else "?"
        r = client.get(f"{url}{sep}limit={limit}" + (f"&cursor={cursor}" if cursor else ""))
        assert r.status_code == 200, r.text
        body = r.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_articles_newest_first_filtered_and_paged_by_cursor(client: TestClient, corpus: list[Article]) -> None:
    whole = client.get("/api/articles").json()["items"]
    assert [a["language"] for a in whole] == ["he", "ar", "en"]  # 2025-04-10, 2025-03-02, undated
    assert [a["id"] for a in _all(client, "/api/articles", 1)] == [a["id"] for a in whole]
    assert [a["language"] for a in client.get("/api/articles?language=ar").json()["items"]] == ["ar"]
    assert [a["outlet"] for a in client.get("/api/articles?outlet=example ledger").json()["items"]] == ["Example Ledger"]
    march = client.get("/api/articles?published_from=2025-03&published_to=2025-03").json()["items"]
    assert [a["language"] for a in march] == ["ar"]
    year = client.get("/api/articles?published_from=2025").json()["items"]
    assert {a["language"] for a in year} == {"ar", "he"}
    accede = client.get("/api/articles?event_type=ACCEDE").json()["items"]
    assert [a["language"] for a in accede] == ["he"]
    kazakh = client.get("/api/articles?q=Kazakhstan").json()["items"]  # the English name finds the Arabic text
    assert [a["language"] for a in kazakh] == ["ar"]
    assert client.get("/api/articles?q=Azerbaijan&language=en").json()["items"][0]["language"] == "en"
    assert client.get("/api/articles/facets?q=Azerbaijan").json()["total"] == 3


def test_a_cursor_stays_put_when_articles_arrive(client: TestClient, db: str) -> None:
    from builders import Builder
    from dragoman.store import open_store

    first = client.get("/api/articles?limit=1").json()
    store = open_store(db)
    store.put_article(Builder("An older piece about nothing much.", "en", published=None).done())
    store.close()
    rest = _all(client, f"/api/articles?cursor={first['next_cursor']}", 5)
    assert first["items"][0]["language"] == "he"
    assert [a["language"] for a in rest] == ["ar", "en", "en"]


def test_events_filters_pages_facets_and_csv(client: TestClient) -> None:
    every = _all(client, "/api/events", 2)
    assert len(every) == 7 and len({(e["article_id"], e["id"]) for e in every}) == 7
    assert [e["type"] for e in client.get("/api/events?type=CONSULT").json()["items"]] == ["CONSULT", "CONSULT"]
    az_actor = client.get("/api/events?actor=country:AZ").json()["items"]
    assert {e["type"] for e in az_actor} == {"AGREE", "ACCEDE"}
    assert {e["type"] for e in client.get("/api/events?recipient=country:AZ").json()["items"]} == {
        "CONSULT", "SANCTION", "AGREE"}
    april = client.get("/api/events?date_from=2025-04&date_to=2025-04").json()["items"]
    # "this year" and "this spring" overlap April too; a March day does not.
    assert [e["date_value"] for e in april] == ["2025", "2025-03-01/2025-05-31", "2025-04-09"]
    assert client.get("/api/events?status=negated").json()["items"][0]["type"] == "SANCTION"
    facets = client.get("/api/events/facets?by=month").json()
    # "this year" and "this spring" (March to May) are not one month: both count under 2025.
    assert facets["total"] == 7 and facets["facets"]["date"]["2025"] == 2
    assert facets["facets"]["date"]["2025-03"] == 2 and facets["facets"]["date"]["undated"] == 1
    assert facets["facets"]["type"]["AGREE"] == 2
    r = client.get("/api/events?type=AGREE&format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and {row["type"] for row in rows} == {"AGREE"}
    assert {row["actors"] for row in rows} >= {"country:AZ"}


def test_entities_and_entity_page(client: TestClient) -> None:
    top = client.get("/api/entities?limit=1").json()
    assert top["items"][0]["id"] == "country:AZ" and top["next_cursor"]
    paged = _all(client, "/api/entities", 3)
    assert [e["id"] for e in paged][0] == "country:AZ" and len(paged) == len({e["id"] for e in paged})
    az = client.get("/api/entities/country:AZ").json()
    assert az["qid"] == "Q227" and az["articles"] == 3
    assert {r["role"] for r in az["roles"]} == {"actor", "recipient"}
    assert any(r["date"] for r in az["roles"])
    assert client.get("/api/entities?name=אזרבייג").json()["items"][0]["id"] == "country:AZ"
    csv_rows = list(csv.DictReader(io.StringIO(client.get("/api/entities?format=csv").text)))
    assert csv_rows[0]["canonical"] == "Azerbaijan"


def test_article_json_and_view(client: TestClient, corpus: list[Article]) -> None:
    ar = corpus[0]
    doc = client.get(f"/api/articles/{ar.id}").json()
    assert doc["schema"] == "dragoman.article.v2" and doc["id"] == ar.id and doc["text"] == ar.text
    assert doc["input"]["bytes"] is None
    assert client.get(f"/api/articles/{ar.id}?input_bytes=true").json()["input"]["bytes"]
    view = client.get(f"/api/articles/{ar.id}/view").json()
    assert view["dir"] == "rtl" and "".join(s["text"] for s in view["segments"]) == ar.text


def test_search_marks_the_hit_as_plain_text_parts(client: TestClient) -> None:
    hits = client.get("/api/search?q=Azerbaijan").json()["hits"]
    assert len(hits) == 3  # the English name finds the Arabic and Hebrew articles too
    for h in hits:
        assert "".join(p["text"] for p in h["parts"]) == h["snippet"]
        assert [p for p in h["parts"] if p["hit"]]


def test_errors_are_problem_documents_and_headers_are_strict(client: TestClient) -> None:
    for url, status in (("/api/articles/nope", 404), ("/api/entities/nobody", 404), ("/api/events?limit=0", 422),
                        ("/api/events?cursor=abc", 422), ("/api/articles?cursor=abc", 422),
                        ("/api/events?date_from=2025-13", 422), ("/api/nothing-here", 404)):
        r = client.get(url)
        assert r.status_code == status, url
        assert r.headers["content-type"] == "application/problem+json"
        body = r.json()
        assert body["status"] == status and body["title"] and body["detail"]
        assert r.headers["content-security-policy"] == CSP
    ok = client.get("/api/counts")
    assert ok.headers["content-security-policy"] == CSP and ok.headers["x-content-type-options"] == "nosniff"
    assert "'unsafe-inline'" not in CSP and "default-src 'none'" in CSP


def test_markup_in_titles_and_text_comes_back_as_json_text(tmp_path: object) -> None:
    from pathlib import Path

    from builders import Builder
    from dragoman.rest import create_app
    from dragoman.store import open_store

    nasty = '<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'
    b = Builder(f"Headline {nasty} and a body.", "en", title=nasty, url="javascript:alert(4)")
    path = str(Path(str(tmp_path)) / "x.db")
    store = open_store(path)
    article = b.done()
    store.put_article(article)
    store.close()
    with TestClient(create_app(path), base_url="http://127.0.0.1") as c:
        r = c.get(f"/api/articles/{article.id}/view")
        assert r.headers["content-type"] == "application/json"
        view = r.json()
        assert view["title"] == nasty and nasty in view["text"]
        assert view["url"] is None and view["source_url"] == "javascript:alert(4)"  # never offered as a link
        listed = c.get("/api/articles?format=csv")
        assert listed.headers["content-type"].startswith("text/csv") and "attachment" in listed.headers[
            "content-disposition"]


def test_search_as_csv(client: TestClient) -> None:
    r = client.get("/api/search?q=Azerbaijan&format=csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    hits = client.get("/api/search?q=Azerbaijan").json()["hits"]
    assert r.headers["content-type"].startswith("text/csv")
    assert [(row["article_id"], row["snippet"], int(row["start"])) for row in rows] == [
        (h["article_id"], h["snippet"], h["start"]) for h in hits]
