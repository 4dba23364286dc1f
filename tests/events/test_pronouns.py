"""A pronoun subject takes the person who acted most in the events before it."""

from __future__ import annotations

from tests.stages.test_events import _article

from dragoman.events.pronouns import Telling, antecedents, person_pronouns
from dragoman.model import EntityType
from dragoman.stages.events import Events


def test_each_language_lists_its_pronouns() -> None:
    assert {"he", "she"} <= person_pronouns("en")
    assert "הוא" in person_pronouns("he")
    assert "انه" in person_pronouns("ar")  # أنه folded


def test_the_protagonist_wins_over_a_person_named_once_since() -> None:
    persons = {"person:a": True, "person:b": True, "country:X": False}
    tellings = [
        Telling(0, ["person:a"], False),
        Telling(1, ["person:a", "country:X"], False),
        Telling(2, ["person:b"], False),  # background: b acted once
        Telling(3, [], True),
        Telling(4, ["country:X"], False),
    ]
    assert antecedents(tellings, persons) == [None, None, None, "person:a", None]


def test_no_antecedent_without_an_earlier_person_actor_nearby() -> None:
    persons = {"person:a": True, "country:X": False}
    assert antecedents([Telling(0, ["country:X"], False), Telling(1, [], True)], persons) == [None, None]
    far = [Telling(0, ["person:a"], False), Telling(40, [], True)]
    assert antecedents(far, persons) == [None, None]


def test_he_met_takes_the_envoy_of_the_sentence_before() -> None:
    names = {
        "Hochstein": ("person:hochstein", EntityType.PERSON),
        "Berri": ("person:berri", EntityType.PERSON),
        "Mikati": ("person:mikati", EntityType.PERSON),
    }
    art = _article("Hochstein met Berri on Tuesday. Later, he met Mikati.", "en", names)
    evs = Events()(art).events
    second = [e for e in evs if "person:mikati" in e.recipients]
    assert second and second[0].actors[:1] == ["person:hochstein"]
