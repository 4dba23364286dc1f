"""The query role: events by type/actor/recipient/status/date, entity detail, counts, stable cursors.

Runs against the in-memory reference (``MemoryQueries``) and every store
that answers queries, on the same hand-built corpus (tests/builders.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import query_corpus
from dragoman.model import Article
from dragoman.store import Store
from dragoman.store.memory import MemoryStore
from dragoman.store.queries import EventQuery, MemoryQueries, Queries

CORPUS = query_corpus()


@pytest.fixture(params=["reference", "memory", "sqlite", "postgres"])
def queries(request: pytest.FixtureRequest, tmp_path: Path, open_store_at: Callable[[str], Store]) -> Iterator[Queries]:
    if request.param == "reference":
        yield MemoryQueries(CORPUS)
        return
    if request.param == "memory":
        store: Store = MemoryStore()
    else:
        if request.param == "sqlite":
            url = str(tmp_path / "q.db")
        else:
            pytest.importorskip("psycopg", reason="psycopg (the 'postgres' extra) is not installed")
            url = request.getfixturevalue("pg_cluster").new_database()
        store = open_store_at(url)
        store.migrate()
    for a in query_corpus():
        store.put_article(a)
    assert isinstance(store, Queries)
    yield store


def test_every_store_answers_as_the_reference(queries: Queries) -> None:
    ref = MemoryQueries(CORPUS)
    for q in (EventQuery(limit=100), EventQuery(limit=2), EventQuery(actor="country:AZ", limit=3)):
        assert queries.events(q) == ref.events(q)
    for entity in ("country:AZ", "country:IL", "agreement:abraham"):
        assert queries.entity_detail(entity) == ref.entity_detail(entity)
    assert queries.counts() == ref.counts()


def _all(q: Queries, **filters: object) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    cursor = None
    while True:
        page = q.events(EventQuery(limit=2, cursor=cursor, **filters))  # type: ignore[arg-type]
        out += [(r.article_id, r.event_id) for r in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return out


def _types(q: Queries, **filters: object) -> list[str]:
    return [r.type for r in q.events(EventQuery(limit=100, **filters)).items]  # type: ignore[arg-type]


def test_filters(queries: Queries) -> None:
    assert sorted(_types(queries, type="CONSULT")) == ["CONSULT", "CONSULT"]
    assert sorted(_types(queries, actor="country:AZ")) == ["ACCEDE", "AGREE"]
    assert sorted(_types(queries, recipient="country:AZ")) == ["AGREE", "CONSULT", "SANCTION"]
    assert _types(queries, status="negated") == ["SANCTION"]
    assert _types(queries, type="CONSULT", actor="country:IL") == ["CONSULT"]
    assert _types(queries, article_id=CORPUS[1].id, status="occurred") == ["CONSULT", "PROTEST"]


def test_date_range_overlaps_at_the_values_granularity(queries: Queries) -> None:
    # 10 March falls in March (a month), in 2025 (a year) and in the spring (a range), not on a day.
    on_10_march = _types(queries, date_from=date(2025, 3, 10), date_to=date(2025, 3, 10))
    assert sorted(on_10_march) == ["ACCEDE", "CONSULT", "SANCTION"]
    # "some time before 1 March" is open to the past; the undated protest never matches a range.
    before = _types(queries, date_to=date(2025, 2, 1))
    assert sorted(before) == ["ACCEDE", "AGREE"]
    assert "PROTEST" not in _types(queries, date_from=date(2000, 1, 1))


def test_order_is_by_date_then_ids_and_undated_last(queries: Queries) -> None:
    rows = queries.events(EventQuery(limit=100)).items
    assert [r.type for r in rows][-1] == "PROTEST"
    assert rows[0].date_value == "../2025-03-01"  # open to the past: first
    assert len(rows) == sum(len(a.events) for a in CORPUS)
    names = dict(rows[0].names)
    assert names[rows[0].recipients[0]] == "Azerbaijan"


@settings(max_examples=25, deadline=None)
@given(limit=st.integers(1, 9))
def test_pages_cover_every_event_once_whatever_the_page_size(limit: int) -> None:
    q = MemoryQueries(CORPUS)
    full = [(r.article_id, r.event_id) for r in q.events(EventQuery(limit=100)).items]
    got: list[tuple[str, str]] = []
    cursor = None
    while True:
        page = q.events(EventQuery(limit=limit, cursor=cursor))
        got += [(r.article_id, r.event_id) for r in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert got == full


def test_cursor_is_stable_when_other_articles_arrive(queries: Queries) -> None:
    first = queries.events(EventQuery(limit=3))
    assert first.next_cursor is not None
    later = MemoryQueries([*CORPUS, _extra()])  # a new article whose events sort after the page
    rest = [(r.article_id, r.event_id) for r in later.events(EventQuery(limit=100, cursor=first.next_cursor)).items]
    seen = {(r.article_id, r.event_id) for r in first.items}
    assert not seen & set(rest)
    with pytest.raises(ValueError, match="cursor"):
        queries.events(EventQuery(cursor="not-a-cursor"))


def _extra() -> Article:
    from builders import Builder
    from dragoman.model import EventStatus, Granularity

    b = Builder("Kazakhstan will join the Abraham Accords in 2026.", "en")
    kz, ab = b.mention("Kazakhstan", "country:KZ"), b.mention("Abraham Accords", "agreement:abraham")
    b.event("join", "ACCEDE", EventStatus.PLANNED, [kz], [ab], ("2026", "2026", Granularity.YEAR))
    return b.done()


def test_entity_detail_has_mentions_roles_and_quotes(queries: Queries) -> None:
    az = queries.entity_detail("country:AZ")
    assert az is not None
    assert az.entity.canonical == "Azerbaijan" and az.entity.qid == "Q227" and az.entity.articles == 3
    assert az.entity.mentions == len(az.mentions) == 5
    assert sorted((r.role, r.type) for r in az.roles) == [
        ("actor", "ACCEDE"), ("actor", "AGREE"), ("recipient", "AGREE"), ("recipient", "CONSULT"),
        ("recipient", "SANCTION"),
    ]
    local = [e.id for a in CORPUS for e in a.entities if e.id.startswith("local:")]
    assert len(set(local)) == 2, "the same unknown name in two articles is two entities"
    dana = queries.entity_detail(local[0])
    assert dana is not None and [q.text for q in dana.quotes] == ["«الاتفاق تاريخي»"]
    assert queries.entity_detail("country:XX") is None


def test_counts(queries: Queries) -> None:
    c = queries.counts()
    assert c.articles == 3 and c.events == 7
    assert c.events_by_type == {"ACCEDE": 1, "AGREE": 2, "CONSULT": 2, "PROTEST": 1, "SANCTION": 1}
    assert c.events_by_status["occurred"] == 4
    assert c.articles_by_language == {"ar": 1, "en": 1, "he": 1}
    assert c.entities == 7 and c.mentions == sum(len(a.mentions) for a in CORPUS)
