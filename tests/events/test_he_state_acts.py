"""Hebrew wording of common state acts read on invented sentences: signing an agreement,
lifting sanctions, renewing ties, a future recognition, sending aid."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event, EventStatus

GPE = EntityType.GPE
NL, VD = "country:NL", "country:VD"
NAMES = {"נורלנד": (NL, GPE), "ולדוריה": (VD, GPE)}


def _events(text: str, make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, "he", NAMES), "he")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("נורלנד וולדוריה חתמו אתמול על הסכם שלום.", EventStatus.OCCURRED),
        ("בשבוע הבא ייחתם הסכם סחר בין נורלנד לולדוריה.", EventStatus.PLANNED),
    ],
)
def test_signing_an_agreement_is_an_agreement(text: str, status: EventStatus, make_article: Callable[..., Article]) -> None:
    events = _events(text, make_article)
    signed = [e for e in events if e.type == "AGREE"]
    assert signed and signed[0].status is status, events
    assert not [e for e in events if e.type == "SUPPORT"]


def test_lifting_sanctions_waives_them(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד הסירה את הסנקציות על ולדוריה.", make_article)
    assert [e.type for e in events] == ["WAIVE_SANCTION"], events
    assert events[0].actors == [NL] and events[0].recipients == [VD]


def test_renewing_relations_normalises_them(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד וולדוריה חידשו את היחסים הדיפלומטיים.", make_article)
    renewed = [e for e in events if e.type == "NORMALIZE"]
    assert renewed and set(renewed[0].actors) == {NL, VD}, events


def test_a_future_recognition_is_planned(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד תכיר בולדוריה בחודש הבא.", make_article)
    recognised = [e for e in events if e.type == "NORMALIZE"]
    assert recognised and recognised[0].status is EventStatus.PLANNED, events
    assert recognised[0].actors == [NL]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("נורלנד תעביר סיוע הומניטרי לולדוריה.", EventStatus.PLANNED),
        ("נורלנד העבירה סיוע הומניטרי לולדוריה.", EventStatus.OCCURRED),
    ],
)
def test_the_verb_of_sending_aid_carries_its_tense(text: str, status: EventStatus, make_article: Callable[..., Article]) -> None:
    aid = [e for e in _events(text, make_article) if e.type == "AID"]
    assert len(aid) == 1 and aid[0].status is status, aid
    assert aid[0].actors == [NL] and aid[0].recipients == [VD]


@pytest.mark.parametrize(("text", "code"), [("צפון קוריאה שיגרה טיל.", "KP"), ("דרום קוריאה גינתה את השיגור.", "KR")])
def test_the_everyday_hebrew_names_of_the_koreas(text: str, code: str) -> None:
    from dragoman.api import extract

    article = extract(text=text)
    assert f"country:{code}" in {e.id for e in article.entities}, article.entities


def test_summoning_an_ambassador_for_a_reprimand_is_a_sanction(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד הזמינה את שגריר ולדוריה לשיחת בירור.", make_article)
    assert [e.type for e in events] == ["SANCTION"], events
    assert events[0].actors == [NL]


def test_inviting_an_ambassador_to_a_reception_is_no_sanction(make_article: Callable[..., Article]) -> None:
    assert not [e for e in _events("נורלנד הזמינה את שגריר ולדוריה לקבלת הפנים.", make_article) if e.type == "SANCTION"]


def test_the_detained_after_a_noun_name_people_not_an_arrest(make_article: Callable[..., Article]) -> None:
    events = _events("ולדוריה דרשה מנורלנד לשחרר את העיתונאים העצורים.", make_article)
    assert not [e for e in events if e.type == "COERCE"], events
    assert [e for e in events if e.type == "REQUEST"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("שר החוץ של נורלנד ישוחח עם שר החוץ של ולדוריה.", "CONSULT"),
        ("נשיא נורלנד ידון עם נשיא ולדוריה במצב.", "CONSULT"),
        ("נורלנד תשחרר את אסירי ולדוריה.", "RETREAT"),
    ],
)
def test_imperfect_forms_of_talking_and_releasing_are_planned(
    text: str, etype: str, make_article: Callable[..., Article]
) -> None:
    found = [e for e in _events(text, make_article) if e.type == etype]
    assert found and found[0].status is EventStatus.PLANNED, found


@pytest.mark.parametrize(
    ("text", "etype", "status"),
    [
        ("נשיא נורלנד יבקר בולדוריה בחודש הבא.", "CONSULT", EventStatus.PLANNED),
        ("נשיא נורלנד ביקר בולדוריה.", "CONSULT", EventStatus.OCCURRED),
        ("נורלנד תפתח שגרירות בולדוריה.", "OPEN_EMBASSY", EventStatus.PLANNED),
        ("נורלנד פתחה שגרירות בולדוריה.", "OPEN_EMBASSY", EventStatus.OCCURRED),
    ],
)
def test_future_forms_of_visiting_and_opening_an_embassy_are_plans(
    text: str, etype: str, status: EventStatus, make_article: Callable[..., Article]
) -> None:
    found = [e for e in _events(text, make_article) if e.type == etype]
    assert found and found[0].status is status, found


def test_exchanging_prisoners_is_a_release(make_article: Callable[..., Article]) -> None:
    found = [e for e in _events("נורלנד וולדוריה החליפו אסירים ביום חמישי.", make_article) if e.type == "RETREAT"]
    assert found and set(found[0].actors) == {NL, VD}, found
    assert not [e for e in _events("נורלנד וולדוריה החליפו דעות.", make_article) if e.type == "RETREAT"]
