"""A correction made through the API: in the article JSON, the lists and the exports; kept across
``dragoman ingest --force``; revertable; reported when its fact is gone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dragoman import api
from dragoman.cli import app as cli
from dragoman.rest import create_app, create_token
from dragoman.store import open_store

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "sahil-daily" / "2025-08-09-armenia-azerbaijan-white-house.txt"


@pytest.fixture
def desk(tmp_path: Path) -> tuple[str, str, str]:
    """(db, token, article id): one example ingested by the real pipeline."""
    db = str(tmp_path / "desk.db")
    store = open_store(db)
    api.ingest([EXAMPLE], store=store)
    token = create_token(store, "reviewer")
    (row,) = store.list_articles()
    store.close()
    return db, token, row.id


def _events(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in doc["events"]}


def test_a_correction_reaches_every_surface_survives_force_and_reverts(desk: tuple[str, str, str],
                                                                     tmp_path: Path) -> None:
    db, token, article_id = desk
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        before = c.get(f"/api/articles/{article_id}").json()
        assert len(before["events"]) >= 2, "the example should give at least two events"
        first, second = before["events"][0], before["events"][1]
        new_status = "hypothetical" if first["status"] != "hypothetical" else "planned"
        made = c.post("/api/corrections", headers=auth, json={
            "article_id": article_id, "kind": "event", "fact": first["id"], "field": "status",
            "after": new_status, "reason": "the text reports a possibility"})
        assert made.status_code == 201, made.text
        fix = made.json()
        assert (fix["who"], fix["before"], fix["after"], fix["in_force"]) == ("reviewer", first["status"], new_status, True)
        wrong = c.post("/api/corrections", headers=auth, json={
            "article_id": article_id, "kind": "event", "fact": second["id"], "field": "deleted", "after": True,
            "reason": "not an event"}).json()

        # The article JSON, the event list and the export all show the corrected facts.
        doc = c.get(f"/api/articles/{article_id}").json()
        assert _events(doc)[first["id"]]["status"] == new_status and second["id"] not in _events(doc)
        listed = {e["id"]: e for e in c.get(f"/api/events?article_id={article_id}").json()["items"]}
        assert listed[first["id"]]["status"] == new_status and second["id"] not in listed
        exported = [json.loads(line) for line in c.get("/api/exports/articles-jsonl").text.splitlines()]
        assert _events(exported[0])[first["id"]]["status"] == new_status

    # The CLI export and the static report read the same overlay.
    out = tmp_path / "export.jsonl"
    assert CliRunner().invoke(cli, ["export", "--format", "articles-jsonl", "--out", str(out), "--db", db]).exit_code == 0
    assert _events(json.loads(out.read_text("utf-8")))[first["id"]]["status"] == new_status
    report = tmp_path / "report"
    assert CliRunner().invoke(cli, ["report", "--out", str(report), "--db", db]).exit_code == 0
    html = "".join(p.read_text("utf-8") for p in (report / "articles").glob("*.html"))
    assert f"ev-{first['id']}-0" in html and f"ev-{second['id']}-0" not in html  # the wrong event is gone

    # Re-extraction by a (nominally) newer pipeline: a new revision, the correction still applies.
    config = tmp_path / "newer.toml"
    default = (REPO / "src" / "dragoman" / "pipeline" / "default.toml").read_text("utf-8")
    config.write_text(default.replace('name = "default"', 'name = "default-newer"', 1), "utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", db, "--force", "--config", str(config)])
    assert result.exit_code == 0, result.output
    store = open_store(db)
    revisions = store.revisions(article_id)  # type: ignore[attr-defined]
    store.close()
    assert [r.revision for r in revisions] == [1, 2] and revisions[-1].pipeline.startswith("default-newer@")

    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        doc = c.get(f"/api/articles/{article_id}").json()
        assert _events(doc)[first["id"]]["status"] == new_status and second["id"] not in _events(doc)
        history = c.get(f"/api/corrections?article_id={article_id}").json()["items"]
        assert [(h["id"], h["orphaned"]) for h in history] == [(fix["id"], False), (wrong["id"], False)]

        # Revert: the extracted value is back; the history keeps both; reverting twice is a conflict.
        undo = c.post(f"/api/corrections/{fix['id']}/revert", headers=auth, json={"reason": "on second reading"})
        assert undo.status_code == 201 and undo.json()["reverts"] == fix["id"]
        assert _events(c.get(f"/api/articles/{article_id}").json())[first["id"]]["status"] == first["status"]
        assert c.post(f"/api/corrections/{fix['id']}/revert", headers=auth, json={"reason": "again"}).status_code == 409
        history = c.get(f"/api/corrections?article_id={article_id}").json()["items"]
        assert [(h["id"], h["in_force"]) for h in history] == [(fix["id"], False), (wrong["id"], True),
                                                               (undo.json()["id"], False)]
        csv_text = c.get("/api/corrections?format=csv").text
        assert csv_text.splitlines()[0].startswith("id,article_id,target,field,before,after,who")


def test_a_correction_whose_fact_is_gone_is_reported_not_lost(desk: tuple[str, str, str]) -> None:
    db, token, article_id = desk
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        event = c.get(f"/api/articles/{article_id}").json()["events"][0]
        made = c.post("/api/corrections", headers=auth, json={
            "article_id": article_id, "kind": "event", "fact": event["id"], "field": "type", "after": "AGREE",
            "reason": "a signing"}).json()
    # A revision without that event (as a pipeline that no longer finds it would store).
    store = open_store(db)
    article = store.get_article(article_id, corrected=False)  # type: ignore[call-arg]
    assert article is not None
    article.events = [e for e in article.events if e.id != event["id"]]
    store.put_revision(article, pipeline="test")  # type: ignore[attr-defined]
    store.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        orphans = c.get("/api/corrections?orphaned=true").json()["items"]
        assert [(o["id"], o["in_force"], o["orphaned"]) for o in orphans] == [(made["id"], True, True)]


def test_bad_corrections_are_refused_before_they_are_kept(desk: tuple[str, str, str]) -> None:
    db, token, article_id = desk
    auth = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        event = c.get(f"/api/articles/{article_id}").json()["events"][0]
        base = {"article_id": article_id, "kind": "event", "fact": event["id"], "reason": "x"}
        cases = [
            ({**base, "field": "status", "after": "maybe"}, 422),
            ({**base, "field": "type", "after": "NOT_A_TYPE"}, 422),
            ({**base, "field": "actors", "after": "country:AZ"}, 422),
            ({**base, "field": "date", "after": {"value": "soon", "granularity": "day"}}, 422),
            ({**base, "field": "speaker", "after": "x"}, 422),
            ({**base, "field": "status", "after": "planned", "article_id": "0" * 64}, 404),
            ({**base, "field": "status", "after": "planned", "fact": "e-nothere"}, 404),
            ({**base, "field": "status", "after": "planned", "extra": 1}, 422),
        ]
        for body, status in cases:
            r = c.post("/api/corrections", headers=auth, json=body)
            assert r.status_code == status, (body, r.text)
            assert r.headers["content-type"] == "application/problem+json"
        assert c.get("/api/corrections").json()["items"] == []
        ok = c.post("/api/corrections", headers=auth, json={**base, "field": "date",
                                                            "after": {"value": "2025-08", "granularity": "month"}})
        assert ok.status_code == 201
        assert _events(c.get(f"/api/articles/{article_id}").json())[event["id"]]["date"]["value"] == "2025-08"


def test_corrections_export_as_gold_evaluation_data(client: TestClient, auth: dict[str, str], corpus: list[Any]) -> None:
    en = corpus[2]
    sanction, agree = en.events
    quote = en.quotes[0]
    for body in (
        {"kind": "event", "fact": sanction.id, "field": "status", "after": "occurred", "reason": "it did happen"},
        {"kind": "quote", "fact": quote.id, "field": "speaker", "after": "country:US", "reason": "the embassy"},
    ):
        assert client.post("/api/corrections", headers=auth, json={"article_id": en.id, **body}).status_code == 201
    r = client.get("/api/exports/corrections-gold")
    assert r.status_code == 200 and r.headers["x-records"] == "1"
    doc = r.json()
    assert doc["schema"] == 1 and list(doc["articles"]) == [en.id]  # no file name: keyed by id
    record = doc["articles"][en.id]
    events = {e["dragoman_id"]: e for e in record["events"]}
    assert events[sanction.id]["status"] == "occurred" and events[sanction.id]["actor"] == ["United States"]
    assert events[agree.id]["status"] == "occurred" and events[agree.id]["recipient"] == ["Azerbaijan"]
    assert record["quotes"][0]["speaker"] == "United States"
    for e in record["events"]:  # every text field is an exact substring, as the gold schema asks
        assert e["evidence"] in en.text and (e["date_expression"] is None or e["date_expression"] in en.text)
    assert {s for ent in record["entities"] for s in ent["surfaces"]} <= {en.text[m.span.start:m.span.end]
                                                                         for m in en.mentions}
    assert [c["field"] for c in record["dragoman_corrections"]] == ["status", "speaker"]
    assert {e["type"] for e in record["entities"]} >= {"COUNTRY"}


def test_a_fact_is_named_by_kind_and_fact_or_by_target(client: TestClient, auth: dict[str, str],
                                                       corpus: list[Any]) -> None:
    he = corpus[1]
    event = he.events[0]
    base = {"article_id": he.id, "field": "status", "after": "occurred", "reason": "it joined"}
    r = client.post("/api/corrections", headers=auth, json={**base, "target": f"event:{event.id}"})
    assert r.status_code == 201 and (r.json()["kind"], r.json()["fact"]) == ("event", event.id)
    for bad in ({"target": f"event:{event.id}", "kind": "event", "fact": event.id}, {"target": "nothing"},
                {"kind": "event"}, {}):
        assert client.post("/api/corrections", headers=auth, json={**base, **bad}).status_code == 422


def test_the_gold_export_is_read_by_the_projects_scorer(desk: tuple[str, str, str], tmp_path: Path) -> None:
    """The export is gold-schema data indeed: ../shared/tools/score_gold.py reads it, scores the corrected
    article as perfect, and the article as extracted as wrong on the corrected status."""
    import shutil
    import subprocess
    import sys

    scorer = REPO.parent / "shared" / "tools" / "score_gold.py"
    if not scorer.is_file():
        pytest.skip(f"../shared absent: no scorer at {scorer}")
    db, token, article_id = desk
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        plain = c.get(f"/api/articles/{article_id}").json()
        event = plain["events"][0]
        after = "planned" if event["status"] != "planned" else "occurred"
        c.post("/api/corrections", headers={"Authorization": f"Bearer {token}"}, json={
            "article_id": article_id, "target": f"event:{event['id']}", "field": "status", "after": after,
            "reason": "x"})
        gold = c.get("/api/exports/corrections-gold").json()
        corrected = c.get(f"/api/articles/{article_id}").json()
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(EXAMPLE, pages / EXAMPLE.name)

    def score(doc: dict[str, Any]) -> dict[str, str]:
        out = tmp_path / "json"
        out.mkdir(exist_ok=True)
        (out / f"{EXAMPLE.name}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        run = subprocess.run([sys.executable, str(scorer), str(tmp_path / "gold.json"), str(pages), "--json-dir",
                              str(out)], capture_output=True, text=True, check=False, cwd=REPO)
        assert run.returncode in (0, 1), run.stderr
        return dict(line.split(" ", 1) for line in run.stdout.splitlines() if line and " " in line and "|" not in line)

    assert list(gold["articles"]) == [EXAMPLE.name]
    perfect = score(corrected)
    assert perfect["event_f1"] == "1.000" and perfect["event_status_acc"] == "1.000"
    assert float(score(plain)["event_status_acc"]) < 1.0
