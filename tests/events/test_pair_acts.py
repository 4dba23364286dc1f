"""The pair after *between* makes a deal, not the party working for it (frames.yaml: pair_acts)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.events.frames import frame
from dragoman.model import Article, EntityType

GPE, PER = EntityType.GPE, EntityType.PERSON
NAMES = {
    "Harken": ("person:harken", PER),
    "Ostmark": ("country:OM", GPE),
    "Norland": ("country:NL", GPE),
    "Valdoria": ("country:VD", GPE),
}


def test_only_agreements_give_the_act_to_the_pair() -> None:
    assert frame("AGREE").pair_acts
    assert not frame("CONSULT").pair_acts  # talks between X and Y may be a third party's mediation


def test_a_deal_between_two_parties_is_theirs(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Ostmark envoy Harken travelled to Norland hoping to clinch a truce deal between Norland and Valdoria.",
        "en",
        NAMES,
    )
    deals = [e for e in extract_events(art, "en") if e.type == "AGREE"]
    assert deals, "no agreement found"
    assert set(deals[0].actors) == {"country:NL", "country:VD"} and deals[0].recipients == []
