"""Clauses: each event's evidence is its own clause, and its date the time expression governing it."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.clauses import bounds, clause_rules, segment
from dragoman.events.extract import extract_events
from dragoman.events.sentence import build_views
from dragoman.model import Article, EntityType, Granularity, Span, TimeExpr

GPE = EntityType.GPE


def _time(art: Article, surface: str, value: str) -> TimeExpr:
    start = art.text.index(surface)
    return TimeExpr(Span(start, start + len(surface)), value, Granularity.DAY)


def _clauses(art: Article, lang: str) -> list[list[str]]:
    view = build_views(art, lang, set(clause_rules(lang).breaks))[0]
    clause = segment(view, clause_rules(lang))
    out: list[list[str]] = []
    for i, w in enumerate(view.words):
        if i == 0 or clause[i] != clause[i - 1]:
            out.append([])
        out[-1].append(w)
    return out


def test_complementizers_and_commas_open_clauses(make_article: Callable[..., Article]) -> None:
    art = make_article("The minister said that Israel will open an embassy, which angered Iran.", "en")
    assert _clauses(art, "en") == [
        ["The", "minister", "said"],
        ["that", "Israel", "will", "open", "an", "embassy", ","],
        ["which", "angered", "Iran", "."],
    ]


def test_bounds_cover_one_clause() -> None:
    clause = [0, 0, 1, 1, 1, 2]
    assert bounds(clause, 3) == (2, 5)
    assert bounds(clause, 0) == (0, 2)
    assert bounds(clause, 5) == (5, 6)


def test_evidence_is_the_events_clause_not_the_sentence(make_article: Callable[..., Article]) -> None:
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    text = "Iran held talks with Oman, while Israel attacked a convoy."
    art = make_article(text, "en", names)
    events = {e.type: e for e in extract_events(art, "en")}
    assert [art.span_text(s) for s in events["CONSULT"].evidence] == ["Iran held talks with Oman"]
    assert [art.span_text(s) for s in events["ASSAULT"].evidence] == ["while Israel attacked a convoy"]


def test_arabic_clause_after_complementizer(make_article: Callable[..., Article]) -> None:
    names = {"إيران": ("country:IR", GPE), "عمان": ("country:OM", GPE)}
    art = make_article("وقال المتحدث إن إيران ستجري محادثات مع عمان.", "ar", names)
    ev = next(e for e in extract_events(art, "ar") if e.type == "CONSULT")
    assert art.span_text(ev.evidence[0]) == "إن إيران ستجري محادثات مع عمان"


def test_each_event_gets_the_date_of_its_own_clause(make_article: Callable[..., Article]) -> None:
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    text = "Iran held talks with Oman on Monday, after Israel attacked a convoy in 2019."
    art = make_article(text, "en", names)
    art.time_expressions = [_time(art, "Monday", "2024-05-06"), _time(art, "2019", "2019")]
    events = {e.type: e for e in extract_events(art, "en")}
    assert events["CONSULT"].date is not None and events["CONSULT"].date.value == "2024-05-06"
    assert events["ASSAULT"].date is not None and events["ASSAULT"].date.value == "2019"


def test_a_date_of_another_clause_is_not_borrowed(make_article: Callable[..., Article]) -> None:
    names = {"Iran": ("country:IR", GPE), "Oman": ("country:OM", GPE), "Israel": ("country:IL", GPE)}
    text = "In 2016 Israel attacked a convoy, and Iran later held talks with Oman."
    art = make_article(text, "en", names)
    art.time_expressions = [_time(art, "2016", "2016")]
    events = {e.type: e for e in extract_events(art, "en")}
    assert events["ASSAULT"].date is not None and events["ASSAULT"].date.value == "2016"
    assert events["CONSULT"].date is None

