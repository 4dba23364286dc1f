""""Both countries", البلدين: an event naming no actor is the last pair of states' (events/extract.py: _pair_actors)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {
    "Norland": ("country:NL", GPE),
    "Valdoria": ("country:VD", GPE),
    "نورلاند": ("country:NL", GPE),
    "فالدوريا": ("country:VD", GPE),
    "נורלנד": ("country:NL", GPE),
    "ולדוריה": ("country:VD", GPE),
}


def _consult_actors(art: Article, lang: str) -> list[str]:
    found = [e for e in extract_events(art, lang) if e.type == "CONSULT"]
    assert found, "no meeting found"
    return found[-1].actors


def test_both_nations_are_the_pair_told_before(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Norland and Valdoria agreed on Friday to restore ties. The foreign ministers of both nations will meet next month.",
        "en",
        NAMES,
    )
    assert set(_consult_actors(art, "en")) == {"country:NL", "country:VD"}


def test_arabic_the_two_countries_are_the_pair_told_before(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria agreed to restore ties. The ministers of the two countries will hold talks next month."
    art = make_article(
        "اتفقت نورلاند وفالدوريا على استعادة العلاقات. وسيجري وزيرا خارجية البلدين مباحثات الشهر المقبل.",
        "ar",
        NAMES,
    )
    assert set(_consult_actors(art, "ar")) == {"country:NL", "country:VD"}


def test_hebrew_the_two_countries_are_the_pair_told_before(make_article: Callable[..., Article]) -> None:
    # "Norland and Valdoria signed a cooperation agreement. The ministers of the two countries will meet next month."
    art = make_article("נורלנד וולדוריה חתמו על הסכם. שרי החוץ של שתי הארצות ייפגשו בחודש הבא.", "he", NAMES)
    assert set(_consult_actors(art, "he")) == {"country:NL", "country:VD"}


def test_hebrew_the_two_state_solution_is_no_pair(make_article: Callable[..., Article]) -> None:
    # "... The minister will meet [someone] to discuss the two-state solution": no pair is named
    art = make_article("נורלנד וולדוריה חתמו על הסכם. השר ייפגש בחודש הבא לדיון על פתרון שתי המדינות.", "he", NAMES)
    assert _consult_actors(art, "he") == []


def test_without_the_phrase_the_meeting_names_no_actor(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Norland and Valdoria agreed on Friday to restore ties. The foreign ministers will meet next month.",
        "en",
        NAMES,
    )
    assert _consult_actors(art, "en") == []
