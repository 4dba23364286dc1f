"""The dashboard's overview and timeline views over hand-built articles (tests/builders.py)."""

from __future__ import annotations

from builders import query_corpus
from dragoman.store import open_store
from dragoman.store.queries import EventQuery, MemoryQueries
from dragoman.views.overview import ArticleFilter, article_list_view, iter_events, overview_view
from dragoman.views.timeline import timeline_view


def test_timeline_spans_each_date_over_what_it_covers() -> None:
    articles = query_corpus()
    view = timeline_view(MemoryQueries(articles))
    by_grain = {it.granularity: it for it in view.items}
    assert (by_grain["day"].start, by_grain["day"].end) == (by_grain["day"].start, by_grain["day"].start)
    month = by_grain["month"]
    assert (month.start, month.end) == ("2025-03-01", "2025-03-31") and not month.estimated
    year = by_grain["year"]
    assert (year.start, year.end) == ("2025-01-01", "2025-12-31") and not year.estimated
    season = by_grain["season"]
    assert (season.start, season.end) == ("2025-03-01", "2025-05-31") and season.estimated
    # "Some time before March" is open at one end: counted, not placed.
    assert "vague" not in by_grain
    dated_or_not = sum(len(a.events) for a in articles)
    assert len(view.items) + view.undated == dated_or_not
    assert view.undated >= 1
    assert sum(view.by_granularity.values()) == len(view.items)
    assert [it.start for it in view.items] == sorted(it.start for it in view.items)


def test_timeline_filters_like_the_event_list() -> None:
    facts = MemoryQueries(query_corpus())
    view = timeline_view(facts, EventQuery(type="CONSULT"))
    assert view.items and {it.type for it in view.items} == {"CONSULT"}
    assert view.filters == {"type": "CONSULT"}


def test_iter_events_walks_every_page() -> None:
    facts = MemoryQueries(query_corpus())
    everything = list(iter_events(facts))
    assert len(everything) == facts.counts().events
    assert len({(e.article_id, e.event_id) for e in everything}) == len(everything)


def test_overview_counts_and_each_bucket_filters_to_its_count() -> None:
    store = open_store("memory://")
    try:
        for a in query_corpus():
            store.put_article(a)
        facts = MemoryQueries(store.iter_articles())
        view = overview_view(store, facts)
        assert view.articles == 3 and view.events == facts.counts().events
        assert sum(b.count for b in view.languages) == 3
        assert sum(b.count for b in view.per_day) == 3
        for b in (*view.per_day, *view.per_outlet, *view.languages):
            listed = article_list_view(store, ArticleFilter(**b.filter))
            assert listed.total == b.count, b
        for b in (*view.top_actors, *view.event_types):
            query = EventQuery(actor=b.filter.get("actor"), type=b.filter.get("type"))
            n = len(list(iter_events(facts, query)))
            assert n == b.count, b
        assert [b.count for b in view.event_types] == sorted((b.count for b in view.event_types), reverse=True)
        assert any("Arabic" in b.label for b in view.languages)
    finally:
        store.close()


def test_merged_timeline_view_takes_the_corpus_layers_entries() -> None:
    from datetime import date
    from types import SimpleNamespace

    from dragoman.views.timeline import merged_timeline_view

    def entry(event: str, value: str, grain: str, start: date | None, end: date | None, **kw: object) -> object:
        return SimpleNamespace(event=event, label=f"label {event}", value=value, granularity=grain, start=start,
                               end=end, estimated=kw.get("estimated", False), disputed=kw.get("disputed", False),
                               sources=kw.get("sources", 2), story=None)

    timeline = SimpleNamespace(undated=1, entries=[
        entry("me-b", "2025-03", "month", date(2025, 3, 1), date(2025, 3, 31), disputed=True),
        entry("me-a", "2025-02-10", "day", date(2025, 2, 10), date(2025, 2, 10), sources=3),
        entry("me-c", "../2025-03-01", "vague", None, date(2025, 3, 1)),
    ])
    view = merged_timeline_view(timeline)
    assert view.merged and view.undated == 2
    assert [(it.event_id, it.start, it.end) for it in view.items] == [
        ("me-a", "2025-02-10", "2025-02-10"), ("me-b", "2025-03-01", "2025-03-31")]
    assert view.items[0].sources == 3 and view.items[1].disputed
    assert view.by_granularity == {"day": 1, "month": 1}


def test_event_facets_count_every_matching_event() -> None:
    from collections import Counter

    from dragoman.views.facets import event_facets_view

    articles = query_corpus()
    facts = MemoryQueries(articles)
    events = [e for a in articles for e in a.events]
    view = event_facets_view(facts)
    assert view.total == len(events)
    assert {f.value: f.count for f in view.type} == dict(Counter(e.type for e in events))
    assert {f.value: f.count for f in view.status} == dict(Counter(e.status.value for e in events))
    actors = Counter(a for e in events for a in dict.fromkeys(e.actors))
    assert {f.value: f.count for f in view.actor} == dict(actors)
    narrowed = event_facets_view(facts, EventQuery(type="CONSULT"))
    assert [f.value for f in narrowed.type] == ["CONSULT"]
    assert narrowed.total == sum(1 for e in events if e.type == "CONSULT")


def test_event_facets_count_dates_honestly_when_asked() -> None:
    from dragoman.views.facets import date_bucket, event_facets_view

    articles = query_corpus()
    facts = MemoryQueries(articles)
    assert event_facets_view(facts).date is None  # the dashboard's lists do not pay for dates
    view = event_facets_view(facts, by="month", top=None)
    dates = {f.value: f.count for f in view.date or []}
    assert sum(dates.values()) == view.total
    values = [e.date.value if e.date else None for a in articles for e in a.events]
    assert dates == {b: sum(1 for v in values if date_bucket(v, "month") == b) for b in dates}
    assert [f.value for f in view.date or []][-2:] == ["span", "undated"]  # the buckets without a place last
    # A year-only date stays a year at month buckets; a month stays a month at day buckets.
    assert date_bucket("2025", "month") == "2025" and date_bucket("2025-03", "day") == "2025-03"
    assert date_bucket("2025-03-01/2025-05-31", "month") == "2025"
    assert date_bucket("../2025-03-01", "day") == "span" and date_bucket(None, "year") == "undated"
