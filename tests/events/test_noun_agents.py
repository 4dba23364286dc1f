"""The doer of an act told as a noun follows it after *by* or "attributed to" (events/argmodel.py: _noun_agent)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE)}


def _assaults(art: Article) -> list[tuple[list[str], list[str], str]]:
    return [(e.actors, e.recipients, art.span_text(e.trigger)) for e in extract_events(art, "en") if e.type == "ASSAULT"]


def test_a_bombing_attributed_to_a_state_is_that_states(make_article: Callable[..., Article]) -> None:
    art = make_article("A bombing of a gas pipeline in Norland last winter was attributed to Valdoria.", "en", NAMES)
    assert _assaults(art) == [(["country:VD"], ["country:NL"], "bombing")]


def test_a_raid_carried_out_by_a_state_far_after_its_noun(make_article: Callable[..., Article]) -> None:
    art = make_article("Ostmark reported a deadly raid on Norland's northern ports carried out by Valdoria.", "en", NAMES)
    found = _assaults(art)
    assert found and found[0][0] == ["country:VD"] and "country:VD" not in found[0][1]


def test_the_sufferer_of_raids_attributed_to_another_is_the_one_raided(make_article: Callable[..., Article]) -> None:
    art = make_article("Norland suffered a string of raids on its harbours attributed to Valdoria.", "en", NAMES)
    assert _assaults(art) == [(["country:VD"], ["country:NL"], "raids on")]


def test_a_party_that_condemns_the_attack_is_not_its_doer(make_article: Callable[..., Article]) -> None:
    art = make_article("The attack on Norland was condemned by Valdoria.", "en", NAMES)
    found = _assaults(art)
    assert found and all("country:VD" not in actors for actors, _, _ in found)


def test_a_verb_trigger_takes_no_agent_from_a_later_by(make_article: Callable[..., Article]) -> None:
    # "attacked" has no noun opener before it: the convoy's escort is no doer of the attack
    art = make_article("Norland attacked a convoy escorted by Valdoria.", "en", NAMES)
    found = _assaults(art)
    assert found and found[0][0] == ["country:NL"]


def test_a_killing_told_with_its_means_has_the_means_doer(make_article: Callable[..., Article]) -> None:
    # the attack is how the soldiers were killed: one act, Valdoria's
    art = make_article("Gunmen killed three Ostmark soldiers in an attack launched by Valdoria on Sunday.", "en", NAMES)
    found = _assaults(art)
    assert len(found) == 1 and found[0][0] == ["country:VD"] and found[0][2] == "killed", found
