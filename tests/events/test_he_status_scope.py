"""Hebrew status cues kept to what they govern: the terms of a proposal (שלפיו) are talked
about, a negated adjective (ערבויות לא מעשיות) negates no act, and talks named in another
clause do not make a demand told as made a talked-about one."""

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


def _status(text: str, kind: str, make: Callable[..., Article]) -> EventStatus:
    found = [e for e in _events(text, make) if e.type == kind]
    assert found, _events(text, make)
    return found[0].status


@pytest.mark.parametrize(
    "text",
    [
        "נורלנד הציגה מתווה שלפיו ולדוריה תשחרר את כל העצורים.",
        "ולדוריה דחתה את ההצעה החדשה, שלפיה נורלנד תשחרר את העצורים בתוך שבוע.",
    ],
)
def test_an_act_under_a_proposal_is_its_terms(text: str, make_article: Callable[..., Article]) -> None:
    assert _status(text, "RETREAT", make_article) is EventStatus.TALKS


def test_under_a_report_the_act_is_not_talks(make_article: Callable[..., Article]) -> None:
    # "a report according to which Norland released the detainees": no proposal before it
    status = _status("פורסם דיווח שלפיו נורלנד שחררה את העצורים.", "RETREAT", make_article)
    assert status is not EventStatus.TALKS


def test_a_negated_adjective_does_not_negate_the_act_after_it(make_article: Callable[..., Article]) -> None:
    status = _status("נורלנד הציבה ערבויות לא מעשיות להפסקת אש.", "RETREAT", make_article)
    assert status is not EventStatus.NEGATED


def test_a_negation_right_before_the_act_still_negates(make_article: Callable[..., Article]) -> None:
    assert _status("נורלנד לא תשחרר את העצורים.", "RETREAT", make_article) is EventStatus.NEGATED


def test_talks_in_another_clause_leave_a_demand_made(make_article: Callable[..., Article]) -> None:
    text = "בזמן שבנורלנד בוחנים את התשובה, הממשלה מסרה כי נורלנד דורשת את שחרור העצורים."
    assert _status(text, "REQUEST", make_article) is EventStatus.OCCURRED


def test_talks_in_the_same_clause_still_colour_a_demand(make_article: Callable[..., Article]) -> None:
    text = "נורלנד וולדוריה דנו בדרישה לשחרור העצורים."
    events = _events(text, make_article)
    assert any(e.status is EventStatus.TALKS for e in events if e.type != "CONSULT"), events
