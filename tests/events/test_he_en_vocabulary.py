"""Hebrew and English trigger vocabulary: a trigger that needs its object gives way to the next
reading of its words."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import find_hits
from dragoman.events.matcher import PhraseMatcher
from dragoman.model import Article, EntityType

GPE = EntityType.GPE


def _typed(art: Article, lang: str) -> list[tuple[str, str]]:
    return [(h.event.type, art.span_text(h.event.trigger)) for h in find_hits(art, lang) if h.event.trigger]


def test_a_refused_match_gives_way_to_the_next_reading() -> None:
    matcher = PhraseMatcher([("stop trade", "halt"), ("stop", "arrest"), ("stop", "other")])
    forms = [("stop",), ("trade",)]
    assert [m.payload for m in matcher.find(forms)] == ["halt"]
    # the longer phrase refused: the shorter one; the first payload of the same words refused: the next
    assert [m.payload for m in matcher.find(forms, lambda m: m.payload != "halt")] == ["arrest"]
    assert [m.payload for m in matcher.find(forms, lambda m: m.payload == "other")] == ["other"]
    assert matcher.find(forms, lambda m: False) == []


def test_hebrew_halting_trade_is_a_sanction_and_arresting_people_an_arrest(
    make_article: Callable[..., Article],
) -> None:
    # עצר* is listed twice: a SANCTION with trade or ties after it, else an arrest
    halted = make_article("הממשלה עצרה את הסחר עם השכנה.", "he")
    assert _typed(halted, "he") == [("SANCTION", "עצרה")]
    arrested = make_article("המשטרה עצרה שלושה חשודים אתמול.", "he")
    assert _typed(arrested, "he") == [("COERCE", "עצרה")]
    assert [h.event.mode for h in find_hits(arrested, "he")] == ["arrest"]
