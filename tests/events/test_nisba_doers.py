"""A state's adjective on an event noun names the doer (events/extract.py: _nisba_doers)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, MentionKind

GPE, PER = EntityType.GPE, EntityType.PERSON


def _as_nisba(art: Article, eid: str, surface: str) -> Article:
    """Mark the mentions of ``eid`` written ``surface`` as relational adjectives."""
    art.mentions = [
        replace(m, kind=MentionKind.NISBA) if m.kb_id == eid and art.span_text(m.head or m.span) == surface else m
        for m in art.mentions
    ]
    return art


def _assault(art: Article, lang: str) -> tuple[list[str], list[str]]:
    found = [e for e in extract_events(art, lang) if e.type == "ASSAULT"]
    assert found, "no assault found"
    return found[0].actors, found[0].recipients


def test_an_adjective_before_an_event_noun_names_its_doer(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Minister Harken of Valdoria vowed to end the Norlandic war on Valdoria.",
        "en",
        {"Harken": ("person:harken", PER), "Valdoria": ("country:VD", GPE), "Norlandic": ("country:NL", GPE)},
    )
    actors, recipients = _assault(_as_nisba(art, "country:NL", "Norlandic"), "en")
    assert actors == ["country:NL"] and recipients == ["country:VD"]


def test_an_adjective_after_an_arabic_event_noun_names_its_doer(make_article: Callable[..., Article]) -> None:
    # "The minister Harken condemned the Norlandic shelling of Valdoria."
    art = make_article(
        "وأدان الوزير هاركن القصف النورلاندي على فالدوريا.",
        "ar",
        {"هاركن": ("person:harken", PER), "فالدوريا": ("country:VD", GPE), "النورلاندي": ("country:NL", GPE)},
    )
    actors, _ = _assault(_as_nisba(art, "country:NL", "النورلاندي"), "ar")
    assert actors == ["country:NL"]


def test_an_adjective_behind_a_preposition_is_no_doer(make_article: Callable[..., Article]) -> None:
    # "Valdoria recognises the Norlandic character of the region": بـ makes it a noun, not the doer
    art = make_article(
        "فالدوريا تعترف بنورلاندية الإقليم.",
        "ar",
        {"فالدوريا": ("country:VD", GPE), "نورلاندية": ("country:NL", GPE)},
    )
    art = _as_nisba(art, "country:NL", "نورلاندية")
    events = extract_events(art, "ar")
    assert events and all("country:NL" not in e.actors for e in events)
