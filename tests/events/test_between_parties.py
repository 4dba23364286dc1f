"""The pair after "between" is the act's parties when nobody before the act does it (events/extract.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import find_hits
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {
    "en": {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE)},
    "ar": {"نورلاند": ("country:NL", GPE), "فالدوريا": ("country:VD", GPE), "أوستمارك": ("country:OM", GPE)},
    "he": {"נורלנד": ("country:NL", GPE), "ולדוריה": ("country:VD", GPE), "אוסטמרק": ("country:OM", GPE)},
}


def _parties(
    text: str, lang: str, etype: str, make: Callable[..., Article], trigger: str | None = None
) -> tuple[set[str], set[str]]:
    art = make(text, lang, NAMES[lang])
    hits = [
        h
        for h in find_hits(art, lang)
        if h.event.type == etype and h.event.trigger and (trigger is None or art.span_text(h.event.trigger) == trigger)
    ]
    assert hits, text
    return set(hits[0].event.actors), set(hits[0].event.recipients)


@pytest.mark.parametrize(
    ("text", "lang", "etype"),
    [
        ("A ceasefire between Norland and Valdoria took effect on Wednesday.", "en", "RETREAT"),
        ("A cease-fire deal between Norland and Valdoria was reached.", "en", "AGREE"),
        ("הפסקת האש בין נורלנד לולדוריה נכנסה לתוקף.", "he", "RETREAT"),
        ("دخل وقف إطلاق النار بين نورلاند وفالدوريا حيز التنفيذ.", "ar", "RETREAT"),
    ],
)
def test_the_pair_after_between_are_the_parties(text: str, lang: str, etype: str, make_article: Callable[..., Article]) -> None:
    assert _parties(text, lang, etype, make_article) == ({"country:NL", "country:VD"}, set())


def test_a_doer_or_host_before_the_act_keeps_its_part(make_article: Callable[..., Article]) -> None:
    actors, recipients = _parties("Ostmark brokered a ceasefire between Norland and Valdoria.", "en", "RETREAT", make_article)
    assert actors == {"country:OM"} and recipients == {"country:NL", "country:VD"}
    actors, recipients = _parties("Ostmark hosted talks between Norland and Valdoria.", "en", "CONSULT", make_article, "talks")
    assert actors == {"country:NL", "country:VD"} and recipients == {"country:OM"}


def test_who_an_act_is_held_with_is_never_its_doer() -> None:
    # "a call that [he] held with X and Y": the doer goes unnamed in the clause; the parties after
    # "with", and the one joined to them by "and", are the counterparts (they had been the actors)
    from dragoman.api import extract

    a = extract(text="הנשיא הודיע על ההסכם בסוף שיחת טלפון שקיים עם ראש ממשלת יוון ונשיא קפריסין.")
    (call,) = [e for e in a.events if e.type == "CONSULT"]
    assert not {"country:GR", "country:CY"} & set(call.actors)
    assert {"country:GR", "country:CY"} <= set(call.recipients)
