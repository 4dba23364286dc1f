"""The tracker over small hand-built corpora: transitions, conditions and who cites them, history, sources."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

import jsonschema
import pytest

from dragoman.corpus.tracker import article_contributions, tracker_report
from dragoman.model import Article, EventStatus
from dragoman.store.memory import MemoryStore
from dragoman.tracker import observe
from dragoman.views.tracker import tracker_view

from .conftest import TBuilder  # noqa: TID252

AA = "agreement:abraham-accords"


def _schema() -> dict[str, Any]:
    text = resources.files("dragoman.schema").joinpath("tracker-v1.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _report(articles: list[Article], **kw: Any) -> list[dict[str, Any]]:
    store = MemoryStore()
    for a in articles:
        store.put_article(a)
    rows = tracker_report(store, **kw)
    jsonschema.validate(rows, _schema())
    return rows


def _row(rows: list[dict[str, Any]], state: str, agreement: str = AA) -> dict[str, Any]:
    hits = [r for r in rows if r["state"]["id"] == state and r["agreement"]["id"] == agreement]
    assert len(hits) == 1, f"{state}: {len(hits)} rows"
    return hits[0]


def _check_sources(row: dict[str, Any], by_id: dict[str, Article]) -> None:
    """Every article source is an exact span of its article."""
    for src in row["sources"] + [s for h in row["history"] for s in h["sources"]] + [
        s for c in row["conditions"] for s in c["sources"]
    ]:
        if src["article"] is None:
            assert src["path"] == "kb/data/treaties.yaml" and src["text"]
            continue
        a = by_id[src["article"]]
        assert a.text[src["start"] : src["end"]] == src["text"]


def test_talks_then_joined(articles: dict[str, Article]) -> None:
    rows = _report([articles["oman_joined"], articles["oman_talks"]])
    om = _row(rows, "country:OM")
    assert (om["status"], om["since"]) == ("joined", "2025-06-02")
    assert [(h["date"], h["status"]) for h in om["history"]] == [("2025-03-01", "talks"), ("2025-06-02", "joined")]
    assert om["history"][0]["sources"][0]["text"] == "Officials are discussing Oman's joining the Abraham Accords"
    assert om["history"][0]["sources"][0]["path"] == "en/oman-talks.txt"
    _check_sources(om, {a.id: a for a in articles.values()})
    # Qatar is named in a sentence that is not about the accords and takes part in no event: no row.
    assert not [r for r in rows if r["state"]["id"] == "country:QA"]


def test_expansion_to_include_a_state_is_talks(articles: dict[str, Article]) -> None:
    qa = _row(_report([articles["qatar_expansion"]]), "country:QA")
    assert (qa["status"], qa["since"]) == ("talks", "2025-08-01")


def test_wanting_to_join_is_a_candidacy_not_an_accession(articles: dict[str, Article]) -> None:
    # The event stage may read "wants to join" as a joining that happened; the intent cue caps it.
    om = _row(_report([articles["oman_wish_ar"]]), "country:OM")
    assert (om["status"], om["since"]) == ("candidate", "2025-09-01")


def test_a_state_in_another_clause_than_the_accession_gets_no_row(articles: dict[str, Article]) -> None:
    # "..., a diplomat from Jordan noted": Jordan is named beside the accession, not related to the accords.
    rows = _report([articles["jordan_beside_an_accession"]])
    assert _row(rows, "country:OM")["status"] == "joined"
    assert not [r for r in rows if r["state"]["id"] == "country:JO"]


def test_conditional_then_declined_with_an_undated_talks_report(articles: dict[str, Article]) -> None:
    rows = _report([articles["kuwait_talks_ar_undated"], articles["kuwait_declined_he"],
                    articles["kuwait_conditional"]])
    kw = _row(rows, "country:KW")
    assert (kw["status"], kw["since"]) == ("declined", "2025-05-01")
    # Dated entries in date order, the undated one (its time unknown) last, never deciding over dated ones.
    assert [(h["date"], h["status"]) for h in kw["history"]] == [
        ("2025-04-01", "conditional"), ("2025-05-01", "declined"), (None, "talks"),
    ]
    (cond,) = kw["conditions"]
    assert cond["kind"] == "precondition"
    assert cond["gloss"] == "a path to a Palestinian state"
    minister = articles["kuwait_conditional"].claims[0].claimant
    assert cond["cited_by"] == [minister]
    assert cond["sources"][0]["article"] == articles["kuwait_conditional"].id
    _check_sources(kw, {a.id: a for a in articles.values()})


def test_undated_reports_decide_only_when_nothing_dated_does(articles: dict[str, Article]) -> None:
    kw = _row(_report([articles["kuwait_talks_ar_undated"]]), "country:KW")
    assert (kw["status"], kw["since"]) == ("talks", None)
    assert kw["sources"][0]["text"].startswith("تجري الإدارة محادثات")


def test_a_peace_precondition_names_both_parties_and_the_other_side_is_only_mentioned(
    articles: dict[str, Article],
) -> None:
    rows = _report([articles["azerbaijan_peace_he"]])
    az, am = _row(rows, "country:AZ"), _row(rows, "country:AM")
    assert az["status"] == "conditional" and am["status"] == "mentioned"  # Armenia follows "with" (עם)
    (cond,) = az["conditions"]
    assert (cond["kind"], cond["gloss"]) == ("precondition", "Armenia–Azerbaijan peace agreement")
    assert cond["cited_by"] == [articles["azerbaijan_peace_he"].claims[0].claimant]
    assert not am["conditions"]


def test_an_obstacle_is_glossed_from_its_topic_and_cited_by_the_outlet(articles: dict[str, Article]) -> None:
    rows = _report([articles["azerbaijan_obstacle"]])
    az = _row(rows, "country:AZ")
    assert az["status"] == "talks" and _row(rows, "country:AM")["status"] == "mentioned"
    (cond,) = az["conditions"]
    assert (cond["kind"], cond["gloss"]) == ("obstacle", "the Armenia–Azerbaijan conflict")
    assert cond["cited_by"] == ["outlet:Example Ledger"]  # nobody else in the text says it


def test_sanction_and_its_waiver_are_conditions_of_the_accession(articles: dict[str, Article]) -> None:
    az = _row(_report([articles["azerbaijan_sanctions"]]), "country:AZ")
    assert az["status"] == "talks"
    kinds = {c["kind"]: c for c in az["conditions"]}
    assert set(kinds) == {"sanction", "waiver"}
    assert "907" in kinds["sanction"]["gloss"] and kinds["waiver"]["gloss"].startswith("waiver of ")
    assert kinds["waiver"]["cited_by"] == ["described:experts"]
    assert kinds["sanction"]["sources"][0]["text"].startswith("Section 907 restricts")
    assert kinds["waiver"]["sources"][0]["text"].startswith("Experts say its waiver")


def test_documented_members_stay_members_until_they_withdraw(articles: dict[str, Article]) -> None:
    rows = _report([articles["members_news"]])
    ae, bh, il = _row(rows, "country:AE"), _row(rows, "country:BH"), _row(rows, "country:IL")
    assert (ae["status"], ae["since"]) == ("member", "2020-09-15")
    assert (il["status"], il["since"]) == ("member", "2020-09-15")
    assert ae["history"][0]["sources"][0]["path"] == "kb/data/treaties.yaml"
    assert (bh["status"], bh["since"]) == ("withdrawn", "2026-01-05")
    assert [h["status"] for h in bh["history"]] == ["member", "withdrawn"]
    # The broker of the accords is never a row.
    assert not [r for r in rows if r["state"]["id"] == "country:US"]


def test_the_articles_reading_is_kept_beside_a_documented_status(articles: dict[str, Article]) -> None:
    b = TBuilder("Talks on Kazakhstan's joining the Abraham Accords went on in Astana.", "en", date(2025, 5, 3))
    kz, aa = b.state("Kazakhstan", "KZ"), b.agreement("Abraham Accords")
    b.clause("joining", "ACCEDE", EventStatus.TALKS, [kz], [aa], "Talks on Kazakhstan's joining the Abraham Accords")
    rows = _report([b.done(), articles["oman_talks"], articles["members_news"]])
    kz_row = _row(rows, "country:KZ")
    # treaties.yaml documents the announcement of 2025-11-06: it is the status; the article's talks stay visible
    assert (kz_row["status"], kz_row["since"]) == ("candidate", "2025-11-06")
    assert kz_row["reported"] == {"status": "talks", "since": "2025-05-03"}
    # a state only the KB knows has no reading of its own; where the articles agree, the two are equal
    assert _row(rows, "country:AE")["reported"] is None
    om = _row(rows, "country:OM")
    assert om["reported"] == {"status": om["status"], "since": om["since"]}

    view_rows = {r.state_id: r for t in tracker_view(rows).agreements for r in t.rows}
    assert (view_rows["country:KZ"].reported, view_rows["country:KZ"].reported_since) == ("talks", "2025-05-03")
    assert view_rows["country:OM"].reported is None  # shown only where it differs


def test_as_of_leaves_out_later_publications_and_documents(articles: dict[str, Article]) -> None:
    rows = _report([articles["oman_joined"], articles["oman_talks"]], as_of=__import__("datetime").date(2025, 4, 1))
    assert _row(rows, "country:OM")["status"] == "talks"
    assert not [r for r in rows if r["state"]["id"] == "country:KZ"]  # documented 2025-11-06
    assert _row(rows, "country:SD")["status"] == "joined"


def test_agreements_without_accession_evidence_get_no_rows(articles: dict[str, Article]) -> None:
    rows = _report([articles["oman_talks"]])
    assert {r["agreement"]["id"] for r in rows} == {AA}


def test_observations_are_anchored_spans(corpus: list[Article]) -> None:
    for a in corpus:
        for obs in observe(a).values():
            for o in [*obs["statuses"], *obs["conditions"]]:
                assert a.text[o["start"] : o["end"]] == o["text"]


def test_contributions_begin_with_the_read_marker(corpus: list[Article]) -> None:
    for a in corpus:
        rows = article_contributions(a)
        assert rows[0][0] == "" and rows[0][2]["published"] == (a.source.published.isoformat()
                                                                 if a.source.published else None)
        assert all(g.startswith("agreement:") and k.startswith("country:") for g, k, _ in rows[1:])


@pytest.mark.parametrize("missing", ["oman_talks", "oman_joined"])
def test_one_side_of_a_transition_alone(articles: dict[str, Article], missing: str) -> None:
    kept = "oman_joined" if missing == "oman_talks" else "oman_talks"
    om = _row(_report([articles[kept]]), "country:OM")
    assert om["status"] == ("joined" if kept == "oman_joined" else "talks")
    assert len(om["history"]) == 1


def test_an_obstacle_being_removed_is_no_condition_cited() -> None:
    # "seeks to remove all obstacles to ...": the obstacle is being cleared, nobody names one
    text = "Oman said it seeks to remove all obstacles to its joining the Abraham Accords with Israel."
    b = TBuilder(text, "en", date(2025, 7, 4))
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    b.state("Israel", "IL")
    b.clause("joining", "ACCEDE", EventStatus.TALKS, [om], [aa], text.rstrip("."))
    om_row = _row(_report([b.done()]), "country:OM")
    assert om_row["status"] == "talks"
    assert om_row["conditions"] == []
    # the same sentence naming an obstacle keeps it
    cited = "Oman said the main obstacle to its joining the Abraham Accords is its dispute with Israel."
    c = TBuilder(cited, "en", date(2025, 7, 4))
    om, aa = c.state("Oman", "OM"), c.agreement("Abraham Accords")
    c.state("Israel", "IL")
    c.clause("joining", "ACCEDE", EventStatus.TALKS, [om], [aa], cited.rstrip("."))
    assert [k["kind"] for k in _row(_report([c.done()]), "country:OM")["conditions"]] == ["obstacle"]
