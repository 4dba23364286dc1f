"""A headline's act told again in the body with a recipient is one event (events/extract.py: merge)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {"Valdoria": ("country:VD", GPE), "Norland": ("country:NL", GPE), "Ostmark": ("country:OM", GPE)}


def _agreements(art: Article) -> list[tuple[list[str], list[str], int]]:
    return [(e.actors, e.recipients, len(e.evidence)) for e in extract_events(art, "en") if e.type == "AGREE"]


def test_the_body_lends_the_headline_its_recipient(make_article: Callable[..., Article]) -> None:
    text = (
        "Valdoria accepts proposal\n\n"
        "The envoy reached the capital on Monday as Valdoria accepted a new truce proposal from Norland."
    )
    assert _agreements(make_article(text, "en", NAMES)) == [(["country:VD"], ["country:NL"], 2)]


def test_a_sentence_of_running_text_lends_nothing(make_article: Callable[..., Article]) -> None:
    # the first act is told in the body, not in a title line: the two are two tellings to keep apart
    text = (
        "Valdoria accepts proposal, officials said.\n\n"
        "Later Valdoria accepted a new truce proposal from Norland."
    )
    found = _agreements(make_article(text, "en", NAMES))
    assert len(found) == 2 and found[0][1] == [], found


def test_a_headline_act_of_other_doers_stays_apart(make_article: Callable[..., Article]) -> None:
    text = "Ostmark accepts proposal\n\nValdoria accepted a new truce proposal from Norland."
    found = _agreements(make_article(text, "en", NAMES))
    assert [(a, r) for a, r, _ in found] == [(["country:OM"], []), (["country:VD"], ["country:NL"])], found
