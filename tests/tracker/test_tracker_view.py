"""The tracker view (a table per agreement, a ladder per state) and the report's tracker page."""

from __future__ import annotations

from pathlib import Path

from dragoman.corpus.tracker import tracker_report
from dragoman.model import Article
from dragoman.report.builder import build_report
from dragoman.store.memory import MemoryStore
from dragoman.views.tracker import LADDER, tracker_view


def _store(corpus: list[Article]) -> MemoryStore:
    store = MemoryStore()
    for a in corpus:
        store.put_article(a)
    return store


def test_view_groups_rows_and_climbs_the_ladder(corpus: list[Article]) -> None:
    rows = tracker_report(_store(corpus))
    view = tracker_view(rows)
    (table,) = view.agreements
    assert table.id == "agreement:abraham-accords" and len(table.rows) == len(rows)
    assert sum(table.counts.values()) == len(rows)
    by_state = {r.state_id: r for r in table.rows}
    oman = by_state["country:OM"]
    assert [r.stage for r in oman.ladder] == list(LADDER)
    reached = {r.stage: r for r in oman.ladder if r.reached}
    assert set(reached) == {"talks", "candidate", "joined"}  # a later wish to join does not undo joining
    assert reached["joined"].current and reached["talks"].first == "2025-03-01"
    kuwait = by_state["country:KW"]
    assert [r.stage for r in kuwait.exits if r.current] == ["declined"]
    assert kuwait.conditions[0].gloss == "a path to a Palestinian state"
    # Members first, as far in as they are, then by name; the dict form is what an API returns.
    assert table.rows[0].status == "member"
    assert view.to_dict()["agreements"][0]["rows"][0]["ladder"][-1]["stage"] == "joined"


def test_report_has_a_tracker_page(tmp_path: Path, corpus: list[Article]) -> None:
    index = build_report(_store(corpus), tmp_path / "report")
    page = (index.parent / "tracker.html").read_text("utf-8")
    assert 'href="tracker.html"' in index.read_text("utf-8")
    for state in ("country:OM", "country:KW", "country:AZ", "country:AE"):
        assert f'data-state="{state}"' in page
    assert "a path to a Palestinian state" in page and "Oman joined the Abraham Accords on Monday" in page
    # Links only to entity pages that exist (a documented member no article names has none).
    for href in __import__("re").findall(r'href="(entities/[0-9a-f]+\.html)"', page):
        assert (index.parent / href).is_file(), href
