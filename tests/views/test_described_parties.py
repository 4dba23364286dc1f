"""Described actors among an event's parties are shown by their gloss, in every view and store."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import Builder, span
from dragoman.model import Article, Described, DescribedKind, EventStatus
from dragoman.model.ids import assign_described_ids
from dragoman.store import open_store
from dragoman.store.memory import MemoryStore
from dragoman.store.queries import EventQuery, MemoryQueries, Queries
from dragoman.views import article_view, event_list_view

GLOSS = "unnamed official (United States)"


def _article() -> Article:
    b = Builder("A senior US official met the Iranian envoy in Muscat.", "en")
    us, ir = b.mention("US", "country:US"), b.mention("Iranian", "country:IR")
    d = Described("", DescribedKind.ANONYMOUS, [span(b.a.text, "A senior US official")],
                  span(b.a.text, "official"), GLOSS, affiliation=us)
    b.a.described = assign_described_ids(b.a.id, [d])
    b.a.provided.add("described")
    b.event("met", "CONSULT", EventStatus.OCCURRED, [d.id, us], [ir])
    return b.done()


def test_article_view_glosses_a_described_party() -> None:
    (ev,) = article_view(_article()).events
    assert ev.heading.startswith(f"{GLOSS}, United States — ")
    assert ("actors", f"{GLOSS}, United States") in ev.details


@pytest.mark.parametrize("where", ["reference", "memory", "sqlite"])
def test_event_list_names_a_described_party_by_its_gloss(where: str, tmp_path: Path) -> None:
    art = _article()
    if where == "reference":
        _assert_glossed(MemoryQueries([art]))
        return
    store = MemoryStore() if where == "memory" else open_store(str(tmp_path / "s.db"))
    try:
        store.put_article(art)
        assert isinstance(store, Queries)
        _assert_glossed(store)
    finally:
        store.close()


def _assert_glossed(facts: Queries) -> None:
    (line,) = event_list_view(facts, EventQuery()).events
    assert [p.name for p in line.actors] == [GLOSS, "United States"]
    assert line.actors[0].id.startswith("described:")
