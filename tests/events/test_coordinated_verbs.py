"""A party after a second verb joined to the trigger's is that verb's (events/argmodel.py: _beyond_next_verb)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE)}


def _roles(art: Article, code: str) -> list[tuple[list[str], list[str]]]:
    return [(e.actors, e.recipients) for e in extract_events(art, "en") if e.type == code]


def test_the_party_asked_by_a_second_verb_is_not_the_first_verbs(make_article: Callable[..., Article]) -> None:
    art = make_article("Norland condemned the shelling of the port and urged Valdoria to halt the operation.", "en", NAMES)
    assert _roles(art, "ACCUSE") == [(["country:NL"], [])]
    assert _roles(art, "REQUEST") == [(["country:NL"], ["country:VD"])]


def test_a_party_after_but_and_a_past_verb_is_that_verbs(make_article: Callable[..., Article]) -> None:
    art = make_article("Norland praised the plan but rejected any role for Ostmark.", "en", NAMES)
    assert _roles(art, "SUPPORT") == [(["country:NL"], [])]


def test_infinitives_joined_by_and_share_their_party(make_article: Callable[..., Article]) -> None:
    # "share" is no past form: the partner of the cooperation is still Valdoria
    art = make_article("Norland agreed to cooperate and share intelligence with Valdoria.", "en", NAMES)
    assert ["country:VD"] in [r for _, r in _roles(art, "COOPERATE")]


def test_a_verb_after_but_shares_the_first_verbs_subject(make_article: Callable[..., Article]) -> None:
    art = make_article("Norland welcomed the plan, but rejected any role for Ostmark.", "en", NAMES)
    assert _roles(art, "REJECT") == [(["country:NL"], ["country:OM"])]


def test_the_subject_of_a_contrasting_clause_is_not_the_first_acts_recipient(
    make_article: Callable[..., Article],
) -> None:
    art = make_article("Norland praised the plan but Valdoria has rejected it.", "en", NAMES)
    assert _roles(art, "SUPPORT") == [(["country:NL"], [])]
    assert _roles(art, "REJECT") == [(["country:VD"], [])]


def test_the_one_asked_to_act_stays_the_demands_recipient(make_article: Callable[..., Article]) -> None:
    art = make_article("Norland demanded that Valdoria rejected the plan.", "en", NAMES)
    assert ["country:VD"] in [r for _, r in _roles(art, "REQUEST")]
