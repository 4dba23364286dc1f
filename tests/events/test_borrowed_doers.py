"""What a party condemns or asks for is another's act: it does not lend that act its doer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event, EventStatus

GPE = EntityType.GPE
NL, VD, OM = "country:NL", "country:VD", "country:OM"
EN = {"Norland": (NL, GPE), "Valdoria": (VD, GPE), "Ostmark": (OM, GPE)}
AR = {"نورلاند": (NL, GPE), "فالدوريا": (VD, GPE), "أوستمارك": (OM, GPE)}
HE = {"נורלנד": (NL, GPE), "ולדוריה": (VD, GPE), "אוסטמרק": (OM, GPE)}


def _events(text: str, lang: str, names: dict[str, tuple[str, EntityType]], make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, lang, names), lang)


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Norland condemned the attack on the aid convoy.", "en", EN),
        ("ندد نورلاند بالهجوم على قافلة المساعدات.", "ar", AR),
        ("נורלנד גינתה את הפיגוע בשיירת הסיוע.", "he", HE),
    ],
)
def test_the_condemner_is_not_the_attacker(
    text: str, lang: str, names: dict[str, tuple[str, EntityType]], make_article: Callable[..., Article]
) -> None:
    events = _events(text, lang, names, make_article)
    assert any(e.type == "ACCUSE" and e.actors == [NL] for e in events), events
    assert not [e for e in events if e.type == "ASSAULT" and NL in e.actors]


def test_the_parties_called_on_are_asked_to_act(make_article: Callable[..., Article]) -> None:
    events = _events("Norland called on Valdoria and Ostmark to agree to a truce.", "en", EN, make_article)
    request = next(e for e in events if e.type == "REQUEST")
    assert request.actors == [NL] and set(request.recipients) == {VD, OM}
    asked = [e for e in events if e.type != "REQUEST"]
    assert asked, events
    for e in asked:  # the truce is theirs, and only asked for
        assert set(e.actors) == {VD, OM} and e.status is EventStatus.HYPOTHETICAL


def test_a_demand_without_addressee_leaves_the_act_without_its_doer(make_article: Callable[..., Article]) -> None:
    events = _events("Norland demanded the lifting of the sanctions.", "en", EN, make_article)
    assert [e.type for e in events if NL in e.actors] == ["REQUEST"], events


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [("Norland called for a meeting with Valdoria.", "en", EN), ("دعت نورلاند إلى عقد اجتماع مع فالدوريا.", "ar", AR)],
)
def test_talks_asked_for_keep_the_asking_party(
    text: str, lang: str, names: dict[str, tuple[str, EntityType]], make_article: Callable[..., Article]
) -> None:
    talks = [e for e in _events(text, lang, names, make_article) if e.type == "CONSULT"]
    assert talks and NL in talks[0].actors and VD in talks[0].actors + talks[0].recipients, talks


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Norland urged Valdoria to release the prisoners.", "en", EN),
        ("طالبت نورلاند فالدوريا بالإفراج عن الأسرى.", "ar", AR),
    ],
)
def test_an_act_asked_of_the_addressee_is_not_told_as_done(
    text: str, lang: str, names: dict[str, tuple[str, EntityType]], make_article: Callable[..., Article]
) -> None:
    asked = [e for e in _events(text, lang, names, make_article) if e.type == "RETREAT"]
    assert asked and asked[0].actors == [VD] and asked[0].status is EventStatus.HYPOTHETICAL, asked


def test_an_act_with_its_own_doer_after_the_accusation_is_left_alone(make_article: Callable[..., Article]) -> None:
    events = _events("Norland accused Valdoria of attacking Ostmark.", "en", EN, make_article)
    attack = next(e for e in events if e.type == "ASSAULT")
    assert attack.actors == [VD] and attack.recipients == [OM]


def test_what_a_party_welcomes_is_not_its_own_act(make_article: Callable[..., Article]) -> None:
    events = _events("Norland welcomed the withdrawal of the troops.", "en", EN, make_article)
    assert [e.type for e in events if NL in e.actors] == ["SUPPORT"], events


def test_the_one_praised_is_the_doer_of_what_it_is_praised_for(make_article: Callable[..., Article]) -> None:
    events = _events("Norland thanked Valdoria for its aid.", "en", EN, make_article)
    aid = [e for e in events if e.type == "AID"]
    assert aid and aid[0].actors == [VD], events


def test_joining_a_party_backs_stays_its_own(make_article: Callable[..., Article]) -> None:
    names = {**EN, "the Brill Pact": ("agreement:brill", EntityType.AGREEMENT)}
    events = _events("Norland supports joining the Brill Pact.", "en", names, make_article)
    assert any(e.type == "ACCEDE" and e.actors == [NL] for e in events), events



@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("נשיא ברזיל ביקש מראש ממשלת פורטוגל להגדיל את הסיוע.", "country:PT"),
        ("The president of Brazil asked the prime minister of Portugal to increase the aid.", "country:PT"),
    ],
)
def test_the_one_asked_for_an_act_is_its_doer_not_its_recipient(text: str, asked: str) -> None:
    # the whole pipeline: the leader asked is a title over its state, and the aid, read on its
    # own, took both as its recipients and the asker as its doer
    from dragoman.api import extract

    events = extract(text=text).events
    aid = [e for e in events if e.type == "AID"]
    assert aid and asked in aid[0].actors and asked not in aid[0].recipients, events
    assert "country:BR" not in aid[0].actors
    assert aid[0].status is EventStatus.HYPOTHETICAL


def test_an_act_asked_for_another_party_keeps_that_party(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד ביקשה מולדוריה סיוע לאוסטמרק.", "he", HE, make_article)
    aid = [e for e in events if e.type == "AID"]
    assert aid and OM in aid[0].recipients, events
