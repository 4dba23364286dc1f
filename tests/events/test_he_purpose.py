"""Hebrew acts glued by ל to a proposal, deal or terms (הצעה לחידוש המשא ומתן) and adverbials of
manner (בתיווך): after another act of the sentence they tell what that act is about or how it
was done, not an act of their own."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event

GPE = EntityType.GPE
NL, VD = "country:NL", "country:VD"
NAMES = {"נורלנד": (NL, GPE), "ולדוריה": (VD, GPE)}


def _types(text: str, make: Callable[..., Article]) -> list[str]:
    return [e.type for e in _events(text, make)]


def _events(text: str, make: Callable[..., Article]) -> list[Event]:
    return extract_events(make(text, "he", NAMES), "he")


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("ולדוריה דחתה את ההצעה החדשה של נורלנד לחידוש המשא ומתן.", "REJECT", "CONSULT"),
        ("נורלנד וולדוריה חתמו על הסכם לשיתוף פעולה ביטחוני.", "AGREE", "COOPERATE"),
        ("ולדוריה דחתה את התנאים להפסקת אש.", "REJECT", "RETREAT"),
        # progress, a step or a way toward an act: its goal, not the act done
        ("נורלנד וולדוריה סיכמו על התקדמות נוספת לנרמול מלא של קשריהן.", "AGREE", "NORMALIZE"),
        ("נורלנד וולדוריה הסכימו על צעדים לשיתוף פעולה ביטחוני.", "AGREE", "COOPERATE"),
    ],
)
def test_the_act_a_proposal_is_for_is_no_event(text: str, kept: str, dropped: str, make_article: Callable[..., Article]) -> None:
    types = _types(text, make_article)
    assert kept in types and dropped not in types, types


def test_with_no_act_before_it_the_purpose_stays(make_article: Callable[..., Article]) -> None:
    # the deal's act is all the sentence tells
    assert "RETREAT" in _types("ההצעה להפסקת אש בין נורלנד לולדוריה פורסמה הבוקר.", make_article)


def test_an_act_after_a_clitic_with_no_proposal_before_it_stays(make_article: Callable[..., Article]) -> None:
    # "rejected the criticism and set out on an offensive": the ל is the verb's, not a proposal's
    types = _types("נורלנד דחתה את הביקורת ויצאה למתקפה בולדוריה.", make_article)
    assert "REJECT" in types and "ASSAULT" in types, types


def test_mediation_named_as_the_manner_of_an_act_is_no_talks(make_article: Callable[..., Article]) -> None:
    events = _events("נורלנד וולדוריה חידשו את היחסים בתיווך אמריקאי.", make_article)
    assert [e.type for e in events] == ["NORMALIZE"], events
