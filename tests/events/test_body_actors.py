""""The ministry" with no actor named stands for the organisation told before (events/extract.py: _body_actors)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

NAMES = {
    "Norlandic Foreign Ministry": ("org:nl-mfa", EntityType.ORG),
    "Valdoria": ("country:VD", EntityType.GPE),
    "وزارة الخارجية النورلاندية": ("org:nl-mfa", EntityType.ORG),
    "فالدوريا": ("country:VD", EntityType.GPE),
}


def _requests(art: Article, lang: str) -> list[list[str]]:
    return [e.actors for e in extract_events(art, lang) if e.type == "REQUEST"]


def test_the_ministry_is_the_ministry_told_before(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "The Norlandic Foreign Ministry accused Valdoria of spying on Monday. "
        "In a later statement, the ministry also called for the release of two sailors.",
        "en",
        NAMES,
    )
    assert ["org:nl-mfa"] in _requests(art, "en")


def test_arabic_the_ministry_is_the_ministry_told_before(make_article: Callable[..., Article]) -> None:
    # "The Norlandic Foreign Ministry accused Valdoria of spying. The ministry demanded the release of two sailors."
    art = make_article(
        "اتهمت وزارة الخارجية النورلاندية فالدوريا بالتجسس. وطالبت الوزارة بالإفراج عن بحارين.",
        "ar",
        NAMES,
    )
    assert ["org:nl-mfa"] in _requests(art, "ar")


def test_a_ministry_never_named_before_stays_unresolved(make_article: Callable[..., Article]) -> None:
    art = make_article("Valdoria held talks on Monday. The ministry also called for the release of two sailors.", "en", NAMES)
    assert _requests(art, "en") == [[]]
