"""Hebrew embassy openings told in the passive and coordinated recipients, read on invented
sentences with invented states (נורלנד, ולדוריה, אוסטמרק)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event, EventStatus

GPE = EntityType.GPE
NL, VD, OM = "country:NL", "country:VD", "country:OM"
NAMES = {"נורלנד": (NL, GPE), "ולדוריה": (VD, GPE), "אוסטמרק": (OM, GPE)}


def _events(text: str, make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, "he", NAMES), "he")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("שגרירות נורלנד בולדוריה נחנכה אתמול בטקס חגיגי.", EventStatus.OCCURRED),
        ("השגרירות של נורלנד בולדוריה נפתחה השבוע.", EventStatus.OCCURRED),
        ("שגרירות נורלנד בולדוריה תיפתח בחודש הבא.", EventStatus.PLANNED),
        ("שגרירות נורלנד בולדוריה תיחנך ביום ראשון.", EventStatus.PLANNED),
    ],
)
def test_a_passive_opening_opens_the_embassy_of_its_genitive(
    text: str, status: EventStatus, make_article: Callable[..., Article]
) -> None:
    events = _events(text, make_article)
    opened = [e for e in events if e.type == "OPEN_EMBASSY"]
    assert len(opened) == 1, events
    assert opened[0].status is status
    assert opened[0].actors == [NL] and opened[0].recipients == [VD]


def test_an_embassy_without_an_opening_verb_opens_nothing(make_article: Callable[..., Article]) -> None:
    events = _events("שגרירות נורלנד בולדוריה פרסמה הודעה לתושבים.", make_article)
    assert not [e for e in events if e.type == "OPEN_EMBASSY"], events


@pytest.mark.parametrize(
    "text",
    [
        "נורלנד קיימה שיחות עם ולדוריה ועם אוסטמרק.",
        "נורלנד שוחחה בטלפון עם ולדוריה ועם אוסטמרק.",
    ],
)
def test_a_repeated_with_coordinates_the_recipients(text: str, make_article: Callable[..., Article]) -> None:
    talks = [e for e in _events(text, make_article) if e.type == "CONSULT"]
    assert talks and talks[0].actors == [NL], talks
    assert set(talks[0].recipients) == {VD, OM}


def test_a_repeated_with_coordinates_in_english_too(make_article: Callable[..., Article]) -> None:
    names = {"Norland": (NL, GPE), "Valdoria": (VD, GPE), "Ostmark": (OM, GPE)}
    events = extract_events(make_article("Norland held talks with Valdoria and with Ostmark.", "en", names), "en")
    talks = [e for e in events if e.type == "CONSULT"]
    assert talks and talks[0].actors == [NL], events
    assert set(talks[0].recipients) == {VD, OM}

