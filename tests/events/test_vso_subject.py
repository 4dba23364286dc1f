"""Arabic verb-subject order, wounds told of illness or disaster, and the ends of a route."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events
from dragoman.events.vso import is_verb_form, vso_rules
from dragoman.model import Article, EntityType, Event, MentionKind
from dragoman.text import normalize_key

from .conftest import set_mentions  # noqa: TID252

GPE, ORG = EntityType.GPE, EntityType.ORG
NL, VD, OM, LG = "country:NL", "country:VD", "country:OM", "org:league"
NAMES = {"نورلاند": (NL, GPE), "فالدوريا": (VD, GPE), "أوستمارك": (OM, GPE), "رابطة الشمال": (LG, ORG)}
# nisba adjectives of the invented states
NISBAS = {"النورلاندي": (NL, GPE), "النورلاندية": (NL, GPE), "الفالدوري": (VD, GPE), "الفالدورية": (VD, GPE)}


def _events(text: str, make: Callable[..., Article]) -> list[Event]:
    art = make(text, "ar", {**NAMES, **NISBAS})
    nisbas = [m for m in art.mentions if m.head and art.text[m.head.start : m.head.end] in NISBAS]
    # the state's name inside its nisba (نورلاند in النورلاندي) is no mention of its own
    names = [m for m in art.mentions if m not in nisbas and not any(m.span.start < n.span.end and n.span.start < m.span.end for n in nisbas)]
    set_mentions(art, sorted([*names, *(dataclasses.replace(m, kind=MentionKind.NISBA) for m in nisbas)], key=lambda m: m.span.start))
    return extract_events(art, "ar")


def _of(events: list[Event], code: str) -> Event:
    found = [e for e in events if e.type == code]
    assert found, events
    return found[0]


@pytest.mark.parametrize(
    ("text", "code", "actor", "recipient"),
    [
        ("يزور الرئيس النورلاندي فالدوريا الأسبوع المقبل.", "CONSULT", NL, VD),
        ("رفضت الحكومة الفالدورية دعوة رابطة الشمال للحوار.", "REJECT", VD, LG),
        ("دعا الأمين العام لرابطة الشمال فالدوريا إلى وقف إطلاق النار.", "REQUEST", LG, VD),
        ("اتهم الجيش النورلاندي فالدوريا بقصف المستشفيات.", "ACCUSE", NL, VD),
    ],
)
def test_the_phrase_right_after_the_verb_is_its_subject(
    text: str, code: str, actor: str, recipient: str, make_article: Callable[..., Article]
) -> None:
    ev = _of(_events(text, make_article), code)
    assert actor in ev.actors and recipient not in ev.actors, ev
    if recipient != LG:  # the model names no party for the league's call: only its place as actor is checked
        assert recipient in ev.recipients, ev


def test_a_subject_before_the_verb_keeps_the_object_after_it(make_article: Callable[..., Article]) -> None:
    ev = _of(_events("نورلاند تستدعي السفير الفالدوري احتجاجا على الانتهاكات.", make_article), "PROTEST")
    assert ev.actors == [NL] and VD in ev.recipients, ev


def test_an_unnamed_subject_leaves_the_place_after_it_no_doer(make_article: Callable[..., Article]) -> None:
    ev = _of(_events("هاجم مسلحون قاعدة عسكرية في شمال فالدوريا.", make_article), "ASSAULT")
    assert VD not in ev.actors, ev


def test_verbal_nouns_are_not_verbs() -> None:
    rules = vso_rules("ar")
    assert rules is not None
    assert [is_verb_form(normalize_key(w), rules) for w in ("يزور", "استقبل", "التقى", "زياره", "مباحثات", "استقبال", "الهجوم")] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت نورلاند إصابة وزير الخارجية بفيروس كورونا.",
        "ارتفاع عدد القتلى في فالدوريا إلى 50 بعد الفيضانات.",
        "هددت نورلاند بالرد على أي هجوم فالدوري.",
    ],
)
def test_wounds_of_illness_or_disaster_and_any_attack_are_no_assault(
    text: str, make_article: Callable[..., Article]
) -> None:
    assert not [e for e in _events(text, make_article) if e.type == "ASSAULT"]


def test_deaths_after_raids_are_still_an_assault(make_article: Callable[..., Article]) -> None:
    assert [e for e in _events("ارتفاع عدد القتلى في فالدوريا إلى 50 بعد الغارات.", make_article) if e.type == "ASSAULT"]


def test_the_ends_of_a_route_are_no_parties_of_the_talks(make_article: Callable[..., Article]) -> None:
    events = _events("انتقل وفد رابطة الشمال من فالدوريا إلى أوستمارك لاستكمال المفاوضات.", make_article)
    ev = _of(events, "CONSULT")
    assert not {VD, OM} & {*ev.actors, *ev.recipients}, ev


def test_a_grant_given_is_aid(make_article: Callable[..., Article]) -> None:
    ev = _of(_events("قدمت نورلاند منحة بقيمة مليون دولار لفالدوريا.", make_article), "AID")
    assert ev.actors == [NL] and VD in ev.recipients, ev



@pytest.mark.parametrize(
    "text",
    ["الرئيس النورلاندي يزور فالدوريا الأسبوع المقبل.", "الحكومة النورلاندية تستقبل وزير خارجية فالدوريا."],
)
def test_a_title_opening_a_headline_is_the_subject(text: str, make_article: Callable[..., Article]) -> None:
    # subject then verb: the title or body before the verb acts, the state after it is the object
    visit = _of(_events(text, make_article), "CONSULT")
    assert visit.actors == [NL] and VD in visit.recipients, visit


BRICK = "person:brick"


def _with_person(text: str, make: Callable[..., Article]) -> list[Event]:
    """As ``_events``, with the invented Valdorian official يوهان بريك among the names."""
    art = make(text, "ar", {**NAMES, **NISBAS, "يوهان بريك": (BRICK, EntityType.PERSON)})
    nisbas = [m for m in art.mentions if m.head and art.text[m.head.start : m.head.end] in NISBAS]
    names = [m for m in art.mentions if m not in nisbas and not any(m.span.start < n.span.end and n.span.start < m.span.end for n in nisbas)]
    set_mentions(art, sorted([*names, *(dataclasses.replace(m, kind=MentionKind.NISBA) for m in nisbas)], key=lambda m: m.span.start))
    return extract_events(art, "ar")


@pytest.mark.parametrize(
    "text",
    [
        # the name right after a long title: "the commander of the naval forces in the Valdorian army"
        "وندد قائد القوات البحرية في الجيش الفالدوري يوهان بريك بالهجوم على نورلاند.",
        # between commas, after the office's preposition: "Valdoria's ambassador to the League, X,"
        "واتهم سفير فالدوريا لدى رابطة الشمال، يوهان بريك، نورلاند بخرق الهدنة.",
        # a spokesman "in the name of" a ministry
        "وانتقد المتحدث باسم وزارة الخارجية الفالدورية، يوهان بريك، نورلاند.",
    ],
)
def test_a_name_apposed_to_the_title_after_the_verb_is_its_subject(text: str, make_article: Callable[..., Article]) -> None:
    ev = _of(_with_person(text, make_article), "ACCUSE")
    assert BRICK in ev.actors and BRICK not in ev.recipients, ev
    assert LG not in ev.recipients, ev  # a body inside the title is no object of the verb


@pytest.mark.parametrize(
    "text",
    [
        # a complete subject (the Norlandic government) then the object's own title and name
        "واتهمت الحكومة النورلاندية الصحفي يوهان بريك بالتجسس.",
        # "his counterpart X" is whom he met
        "واستقبل وزير الخارجية النورلاندي نظيره الفالدوري يوهان بريك.",
    ],
)
def test_a_name_after_a_complete_subject_is_the_object(text: str, make_article: Callable[..., Article]) -> None:
    ev = next(e for e in _with_person(text, make_article) if e.type in {"ACCUSE", "CONSULT"})
    assert BRICK not in ev.actors and BRICK in ev.recipients, ev
