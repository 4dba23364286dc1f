"""Patterns of English wire copy: pacts signed, venues, possessive doers, pairs with "the", acts ended."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event

GPE, ORG = EntityType.GPE, EntityType.ORG
NL, VD, OM, VF = "country:NL", "country:VD", "country:OM", "org:brill-movement"
EN = {"Norland": (NL, GPE), "Valdoria": (VD, GPE), "Ostmark": (OM, GPE), "Brill Movement": (VF, ORG)}


def _events(text: str, make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, "en", EN), "en")


def test_signing_a_pact_is_agreeing(make_article: Callable[..., Article]) -> None:
    events = _events("Norland and Valdoria signed a border treaty on Monday.", make_article)
    assert [e.type for e in events] == ["AGREE"], events
    assert set(events[0].actors) == {NL, VD}


def test_signing_with_no_pact_after_it_stays_support(make_article: Callable[..., Article]) -> None:
    events = _events("Norland signed the petition for Valdoria.", make_article)
    assert "SUPPORT" in [e.type for e in events] and "AGREE" not in [e.type for e in events], events


def test_a_party_after_at_is_the_venue_of_a_deal(make_article: Callable[..., Article]) -> None:
    events = _events("Norland and Valdoria initialled a deal at the Ostmark headquarters.", make_article)
    agree = next(e for e in events if e.type == "AGREE")
    assert set(agree.actors) == {NL, VD} and OM not in agree.recipients, events


def test_a_party_after_at_is_the_target_of_an_attack(make_article: Callable[..., Article]) -> None:
    events = _events("Norland fired rockets at Valdoria on Sunday.", make_article)
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.actors == [NL] and assault.recipients == [VD], events


def test_a_possessive_name_owns_the_act(make_article: Callable[..., Article]) -> None:
    events = _events("Ostmark condemned Norland's strikes on Valdoria.", make_article)
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.actors == [NL] and assault.recipients == [VD], events
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert accuse.actors == [OM]


def test_the_second_party_of_a_pair_may_take_an_article(make_article: Callable[..., Article]) -> None:
    events = _events(
        "Ostmark hosted talks between Norland and the Brill Movement in its capital.", make_article
    )
    consult = next(e for e in events if e.type == "CONSULT")
    # the talks are the pair's, the host their recipient (frames.yaml: CONSULT)
    assert set(consult.actors) == {NL, VF} and consult.recipients == [OM], events


def test_a_comma_and_an_article_join_no_pair(make_article: Callable[..., Article]) -> None:
    events = _events("Norland agreed to withdraw from Valdoria, the Brill Movement said.", make_article)
    assert all(VF not in e.recipients for e in events), events


def test_a_suspended_agreement_is_no_new_agreement(make_article: Callable[..., Article]) -> None:
    events = _events("Norland suspended its trade agreement with Valdoria.", make_article)
    assert [e.type for e in events] == ["SANCTION"], events
    assert events[0].actors == [NL] and events[0].recipients == [VD]


def test_restoring_relations_normalises(make_article: Callable[..., Article]) -> None:
    events = _events("Norland and Valdoria restored diplomatic relations on Monday.", make_article)
    assert [e.type for e in events] == ["NORMALIZE"], events


def test_cancelling_a_planned_visit_is_a_sanction(make_article: Callable[..., Article]) -> None:
    events = _events("The Norland minister cancelled a planned visit to Valdoria.", make_article)
    assert [e.type for e in events] == ["SANCTION"], events


def test_warplanes_are_the_means_of_an_attack(make_article: Callable[..., Article]) -> None:
    events = _events("Norland warplanes pounded Valdoria overnight.", make_article)
    assault = next(e for e in events if e.type == "ASSAULT")
    assert NL in assault.actors, events
