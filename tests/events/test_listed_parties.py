"""Coordinated and listed parties.

A serial comma before "and the" still coordinates, and a comma alone does not join a name that
ends a phrase of place or whole to the subject after it (events/arguments.py: group). A list after
a colon that ends the trigger's clause names a plural subject with no name
(events/argmodel.py: _listed_doers)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE, PER = EntityType.GPE, EntityType.PERSON
NAMES = {
    "Norland": ("country:NL", GPE),
    "Valdoria": ("country:VD", GPE),
    "Ostmark": ("country:OM", GPE),
    "Karsa": ("country:KS", GPE),
    "Harken": ("person:harken", PER),
}


def _of_type(art: Article, code: str) -> list[tuple[list[str], list[str]]]:
    return [(e.actors, e.recipients) for e in extract_events(art, "en") if e.type == code]


def test_a_serial_comma_before_and_the_coordinates(make_article: Callable[..., Article]) -> None:
    art = make_article("Norland, Valdoria, and the Ostmark government condemned the raid on Karsa.", "en", NAMES)
    found = _of_type(art, "ACCUSE")
    assert found and set(found[0][0]) == {"country:NL", "country:VD", "country:OM"}, found


def test_a_place_phrase_before_a_comma_is_not_joined_to_the_subject(make_article: Callable[..., Article]) -> None:
    art = make_article("Speaking in Valdo, the capital of Valdoria, Harken voiced support for the plan.", "en", NAMES)
    found = _of_type(art, "SUPPORT")
    assert found and "country:VD" not in found[0][0] and "person:harken" in found[0][0], found


def test_a_list_after_a_colon_names_the_counted_subject(make_article: Callable[..., Article]) -> None:
    art = make_article("Before Karsa's entry, three states had joined the pact: Norland, Valdoria, and Ostmark.", "en", NAMES)
    found = _of_type(art, "ACCEDE")
    assert found and set(found[0][0]) == {"country:NL", "country:VD", "country:OM"}, found


def test_a_speaker_before_the_counted_subject_is_not_its_name(make_article: Callable[..., Article]) -> None:
    art = make_article("Karsa said two countries had joined the pact: Norland and Valdoria.", "en", NAMES)
    found = _of_type(art, "ACCEDE")
    assert found and set(found[0][0]) == {"country:NL", "country:VD"}, found


def test_a_named_subject_keeps_the_act_when_a_list_follows(make_article: Callable[..., Article]) -> None:
    # the list is whom Karsa met, not who met
    art = make_article("Karsa met three states on Monday: Norland, Valdoria and Ostmark.", "en", NAMES)
    found = _of_type(art, "CONSULT")
    assert found and found[0][0] == ["country:KS"], found
