"""A Hebrew promise after "X said that" with no subject of its own is X's (events/extract.py:
_subject_of_saying); the party named after it is whom the act is on."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Event

GPE = EntityType.GPE
NL, VD, OM = "country:NL", "country:VD", "country:OM"
NAMES = {"נורלנד": (NL, GPE), "ולדוריה": (VD, GPE), "אוסטמרק": (OM, GPE)}


def _support(text: str, make: Callable[..., Article]) -> Event:
    events = extract_events(make(text, "he", NAMES), "he")
    found = [e for e in events if e.type == "SUPPORT"]
    assert found, events
    return found[0]


def test_the_promise_is_the_sayers(make_article: Callable[..., Article]) -> None:
    event = _support("ממשלת נורלנד הבהירה כי תתמוך בבקשה של ולדוריה.", make_article)
    assert NL in event.actors and VD not in event.actors, event


def test_the_visit_promised_is_the_sayers(make_article: Callable[..., Article]) -> None:
    # "Norland's prime minister said that [he] will visit Valdoria next week"
    events = extract_events(make_article("ראש ממשלת נורלנד אמר כי יבקר בולדוריה בשבוע הבא.", "he", NAMES), "he")
    visit = next(e for e in events if e.type == "CONSULT")
    assert visit.actors == [NL] and visit.recipients == [VD], visit


def test_a_party_told_between_leaves_the_subject_open(make_article: Callable[..., Article]) -> None:
    # "Norland warned Ostmark that [it] will support Valdoria": the warned party may be the subject
    event = _support("נורלנד הזהירה את אוסטמרק כי תתמוך בולדוריה.", make_article)
    assert event.actors != [NL], event


def test_the_ones_told_leave_the_promise_the_sayers(make_article: Callable[..., Article]) -> None:
    # "Norland made clear to Valdoria and Ostmark that [it] will support the agreement": the addressees
    # glued to their ל are told, the sayer promises
    event = _support("נורלנד הבהירה לולדוריה ולאוסטמרק כי תתמוך בהסכם.", make_article)
    assert event.actors == [NL], event


def test_one_warned_leaves_the_subject_open(make_article: Callable[..., Article]) -> None:
    # "Norland warned Valdoria that [it] will support ...": the one warned, marked by את, may be the subject
    events = extract_events(make_article("נורלנד הזהירה את ולדוריה כי תתמוך בהסכם.", "he", NAMES), "he")
    support = [e for e in events if e.type == "SUPPORT"]
    assert support and NL not in support[0].actors, support
