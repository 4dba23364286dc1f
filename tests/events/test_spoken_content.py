"""The act a demand or a threat names right after its trigger is its content, not an act of the speaker's
(events/extract.py: without_inner_mentions, spoken)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {
    "Norland": ("country:NL", GPE),
    "Valdoria": ("country:VD", GPE),
    "Ostmark": ("country:OM", GPE),
    "נורלנד": ("country:NL", GPE),
    "ולדוריה": ("country:VD", GPE),
}


def _types(text: str, lang: str, make_article: Callable[..., Article]) -> list[str]:
    return [e.type for e in extract_events(make_article(text, lang, NAMES), lang)]


def test_a_demanded_release_is_no_release(make_article: Callable[..., Article]) -> None:
    types = _types("Norland demanded the release of all detainees.", "en", make_article)
    assert "REQUEST" in types and "RETREAT" not in types
    # "Norland demands the release of all detainees."
    he = _types("נורלנד דורשת את שחרור כל העצורים.", "he", make_article)
    assert "REQUEST" in he and "RETREAT" not in he


def test_a_threatened_attack_is_no_attack(make_article: Callable[..., Article]) -> None:
    types = _types("Norland threatened to attack Valdoria.", "en", make_article)
    assert "THREATEN" in types and "ASSAULT" not in types


def test_a_second_act_of_speech_stays(make_article: Callable[..., Article]) -> None:
    types = _types("Norland condemned the raid and demanded an apology.", "en", make_article)
    assert "ACCUSE" in types and "REQUEST" in types


def test_an_act_with_a_party_of_its_own_or_farther_on_stays(make_article: Callable[..., Article]) -> None:
    # the release has a doer of its own, not the speaker: an act told with its own party
    types = _types("Norland demanded that Valdoria release Ostmark's diplomats at once.", "en", make_article)
    assert "REQUEST" in types and "RETREAT" in types
    released = _types("Valdoria released the detainees after Norland had demanded it.", "en", make_article)
    assert "RETREAT" in released
