"""What an accused party is accused of is the accusation's content, not an act reported as done."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE)}


def _types(text: str, make_article: Callable[..., Article]) -> list[str]:
    return [e.type for e in extract_events(make_article(text, "en", NAMES), "en")]


def test_the_act_an_accused_party_is_blamed_for_is_no_event(make_article: Callable[..., Article]) -> None:
    types = _types("Valdoria has been blamed by Norland for a series of attacks.", make_article)
    assert "ACCUSE" in types and "ASSAULT" not in types


def test_an_act_told_in_another_clause_stays(make_article: Callable[..., Article]) -> None:
    types = _types("Norland accused Valdoria on Monday, after Ostmark attacked the port.", make_article)
    assert "ACCUSE" in types and "ASSAULT" in types


def test_an_act_told_with_its_target_stays(make_article: Callable[..., Article]) -> None:
    types = _types("Norland accused Valdoria of attacking Ostmark.", make_article)
    assert "ACCUSE" in types and "ASSAULT" in types
