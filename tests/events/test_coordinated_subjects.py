"""A verb joined by "and" to the verb before it shares that verb's subject (events/extract.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {
    "en": {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE)},
    "ar": {"نورلاند": ("country:NL", GPE), "فالدوريا": ("country:VD", GPE), "أوستمارك": ("country:OM", GPE)},
}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Norland condemned the shelling and called for restraint.", "en"),
        # a noun act between the verbs ("the truce") is the first verb's object
        ("Norland accused Valdoria of violating the truce and demanded a withdrawal.", "en"),
    ],
)
def test_the_second_verb_is_the_first_ones_subjects(text: str, lang: str, make_article: Callable[..., Article]) -> None:
    events = extract_events(make_article(text, lang, NAMES[lang]), lang)
    requests = [e for e in events if e.type == "REQUEST"]
    assert requests and requests[0].actors == ["country:NL"], [(e.type, e.actors, e.recipients) for e in events]
    assert "country:VD" not in requests[0].actors


def test_a_first_verbs_object_is_not_the_second_ones_doer(make_article: Callable[..., Article]) -> None:
    # "recalled its ambassador from Valdoria and suspended all trade": the suspending is Norland's
    events = extract_events(
        make_article("استدعت نورلاند سفيرها من فالدوريا وعلقت كل التجارة.", "ar", NAMES["ar"]), "ar"
    )
    assert events and all("country:VD" not in e.actors for e in events), [(e.type, e.actors) for e in events]
    assert any(e.actors == ["country:NL"] for e in events)


def test_a_new_subject_after_the_second_verb_keeps_its_part(make_article: Callable[..., Article]) -> None:
    events = extract_events(
        make_article("Norland condemned the shelling and Ostmark called for restraint.", "en", NAMES["en"]), "en"
    )
    assert not [e for e in events if e.type == "REQUEST" and e.actors == ["country:NL"]]
