"""A person or an office among an event's parties brings the state it acts for (PLOVER codes by state)."""

from __future__ import annotations

from dragoman.events.affiliation import state_of, with_states


def test_state_of_an_office_comes_from_its_id() -> None:
    assert state_of("role:foreign_minister@country:IR") == "country:IR"


def test_state_of_a_person_comes_from_the_knowledge_base() -> None:
    assert state_of("person:araghchi") == "country:IR"
    assert state_of("country:IR") is None  # a state is its own party
    assert state_of("org:hamas") is None


def test_the_state_is_added_only_when_the_article_names_it() -> None:
    assert with_states(["person:araghchi"], {"person:araghchi", "country:IR"}) == [
        "person:araghchi",
        "country:IR",
    ]
    assert with_states(["person:araghchi"], {"person:araghchi"}) == ["person:araghchi"]
    # listed once, after the first party that brings it
    both = with_states(["person:araghchi", "country:IR"], {"person:araghchi", "country:IR"})
    assert both == ["person:araghchi", "country:IR"]
