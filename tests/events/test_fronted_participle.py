"""A participle trigger that opens its sentence has the main clause's subject as its doer
(events/argmodel.py: _fronted_participle)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE, PER = EntityType.GPE, EntityType.PERSON
NAMES = {"Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE), "Harken": ("person:harken", PER), "Osk": ("person:osk", PER)}


def _consults(art: Article) -> list[tuple[list[str], list[str]]]:
    return [(e.actors, e.recipients) for e in extract_events(art, "en") if e.type == "CONSULT"]


def test_a_visit_told_by_a_fronted_participle_is_the_main_subjects(make_article: Callable[..., Article]) -> None:
    art = make_article("Visiting Valdoria on Monday, Harken said the border would stay open.", "en", NAMES)
    found = _consults(art)
    assert found and found[0][0] == ["person:harken"] and found[0][1] == ["country:VD"], found


def test_a_participle_after_a_subordinator_is_the_main_subjects(make_article: Callable[..., Article]) -> None:
    art = make_article("After meeting Osk in Ostmark, Harken flew home.", "en", NAMES)
    found = _consults(art)
    assert found and found[0][0] == ["person:harken"] and "person:osk" in found[0][1], found


def test_a_party_in_a_phrase_after_the_participle_is_not_its_doer(make_article: Callable[..., Article]) -> None:
    # "of Ostmark" qualifies the place; Harken, after it, is the main clause's subject
    art = make_article("Visiting Valdo, the capital of Ostmark, Harken praised the new treaty.", "en", NAMES)
    found = _consults(art)
    assert found and found[0][0] == ["person:harken"], found
