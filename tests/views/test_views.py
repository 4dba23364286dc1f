"""Views are plain data: JSON as they are, built once for every surface."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from report_fixtures import arabic_article

from builders import query_corpus
from dragoman.model import Span
from dragoman.store.queries import EventQuery, MemoryQueries
from dragoman.views import article_view, entity_view, event_list_view
from dragoman.views.marks import segments


def test_article_view_is_json_and_its_segments_rebuild_the_text() -> None:
    a = arabic_article()
    v = article_view(a)
    d = json.loads(json.dumps(v.to_dict(), ensure_ascii=False))
    assert "".join(s["text"] for s in d["segments"]) == a.text
    for seg in d["segments"]:
        for k in seg["marks"]:
            mark = d["marks"][k]["span"]
            assert mark["start"] <= seg["start"] and seg["end"] <= mark["end"]
    quote = next(s for s in d["segments"] if "باكو" in s["text"] and s["marks"])
    classes = [d["marks"][k]["classes"][0] for k in quote["marks"]]
    assert classes.index("q") < classes.index("m")  # outer first: the quote holds the mention
    assert d["events"][0]["details"][0]["label"] == "type"
    assert "article" not in d  # no model object leaks into a view


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=12))
def test_segments_are_what_covers_each_piece(pairs: list[tuple[int, int]]) -> None:
    text = "x" * 30
    spans = [Span(min(p), max(p)) for p in pairs]
    pieces = segments(text, spans)
    assert "".join(text[s.start : s.end] for s, _ in pieces) == text
    for piece, cover in pieces:
        assert cover == {i for i, s in enumerate(spans) if s.start <= piece.start and piece.end <= s.end}


def test_entity_view_from_the_query_role() -> None:
    facts = MemoryQueries(query_corpus())
    v = entity_view(facts, "country:AZ")
    assert v is not None
    d = json.loads(json.dumps(v.to_dict(), ensure_ascii=False))
    assert d["canonical"] == "Azerbaijan" and d["qid_url"] == "https://www.wikidata.org/wiki/Q227"
    assert {r["role"] for r in d["roles"]} == {"actor", "recipient"}
    assert any(r["date"] == "2025-03-01 (day)" for r in d["roles"])
    assert entity_view(facts, "nobody") is None


def test_event_list_view_names_parties_and_pages() -> None:
    facts = MemoryQueries(query_corpus())
    v = event_list_view(facts, EventQuery(recipient="country:AZ", limit=2))
    d = v.to_dict()
    assert d["filters"] == {"recipient": "country:AZ"} and len(d["events"]) == 2 and d["next_cursor"]
    assert all(any(p["name"] == "Azerbaijan" for p in e["recipients"]) for e in d["events"])
    rest = event_list_view(facts, EventQuery(recipient="country:AZ", limit=2, cursor=d["next_cursor"]))
    assert len(rest.events) == 1 and rest.next_cursor is None
    assert json.dumps(d, ensure_ascii=False)
