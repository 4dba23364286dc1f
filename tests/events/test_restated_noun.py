"""A noun trigger with no status cue of its own refers to an act told before, or to the act as such."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events, find_hits, refers_to_act
from dragoman.model import Article, EntityType, EventStatus

NAMES = {
    "Kazakhstan": ("country:KZ", EntityType.GPE),
    "Azerbaijan": ("country:AZ", EntityType.GPE),
    "Abraham Accords": ("agreement:abraham", EntityType.AGREEMENT),
    "كازاخستان": ("country:KZ", EntityType.GPE),
    "أذربيجان": ("country:AZ", EntityType.GPE),
    "اتفاقيات إبراهيم": ("agreement:abraham", EntityType.AGREEMENT),
    "קזחסטן": ("country:KZ", EntityType.GPE),
    "אזרבייג'ן": ("country:AZ", EntityType.GPE),
    "הסכמי אברהם": ("agreement:abraham", EntityType.AGREEMENT),
}

# An intention to join, then the joining named by a bare noun that an evaluative predicate
# follows: one planned accession, told twice, not a planned one and a done one.
RESTATED = [
    (
        "en",
        "Kazakhstan announced its intention to join the Abraham Accords. "
        "The government said that the accession represents an extension of its policy.",
    ),
    (
        "ar",
        "أعلنت كازاخستان عزمها الانضمام إلى اتفاقيات إبراهيم. "
        "وقالت الحكومة إن الانضمام إلى الاتفاقيات يمثل امتدادا لسياستها.",
    ),
    (
        "he",
        "קזחסטן הודיעה על כוונתה להצטרף להסכמי אברהם. הממשלה אמרה כי ההצטרפות להסכמים מהווה המשך למדיניותה.",
    ),
    # the noun names the same party: still the planned accession
    ("en", "Kazakhstan will join the Abraham Accords. Officials praised the accession of Kazakhstan on the radio."),
    ("ar", "ستنضم كازاخستان إلى اتفاقيات إبراهيم. ورحب المسؤولون بانضمام كازاخستان في الإذاعة."),
]


@pytest.mark.parametrize(("lang", "text"), RESTATED)
def test_an_uncued_noun_joins_the_event_told_before(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    art = make_article(text, lang, NAMES)
    assert [h.event.status for h in find_hits(art, lang) if h.event.type == "ACCEDE"] == [
        EventStatus.PLANNED,
        EventStatus.OCCURRED,
    ]
    events = [e for e in extract_events(art, lang) if e.type == "ACCEDE"]
    assert [(e.status, e.actors) for e in events] == [(EventStatus.PLANNED, ["country:KZ"])]
    first_stop = text.index(".")
    assert [sp.start < first_stop for sp in events[0].evidence] == [True, False]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Azerbaijan will join the Abraham Accords. Officials praised the accession of Kazakhstan on the radio."),
        ("ar", "ستنضم أذربيجان إلى اتفاقيات إبراهيم. ورحب المسؤولون بانضمام كازاخستان في الإذاعة."),
    ],
)
def test_a_noun_naming_another_party_stays_its_own_event(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    events = [e for e in extract_events(make_article(text, lang, NAMES), lang) if e.type == "ACCEDE"]
    assert [(e.status, e.actors) for e in events] == [
        (EventStatus.PLANNED, ["country:AZ"]),
        (EventStatus.OCCURRED, ["country:KZ"]),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The government said that the accession of Kazakhstan to the Abraham Accords represents a shift."),
        ("ar", "وقالت الحكومة إن انضمام كازاخستان إلى اتفاقيات إبراهيم يمثل امتدادا لسياستها."),
        ("he", "הממשלה אמרה כי ההצטרפות של קזחסטן להסכמי אברהם מהווה המשך למדיניותה."),
    ],
)
def test_the_subject_of_an_evaluative_predicate_is_no_report(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    art = make_article(text, lang, NAMES)
    hits = [h for h in find_hits(art, lang) if h.event.type == "ACCEDE"]
    triggers = {k for h in find_hits(art, lang) for k in range(h.token_start, h.token_end)}
    assert len(hits) == 1 and refers_to_act(hits[0], lang, triggers)
    events = [e for e in extract_events(art, lang) if e.type == "ACCEDE"]
    assert [(e.status, e.actors) for e in events] == [(EventStatus.HYPOTHETICAL, ["country:KZ"])]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Kazakhstan joined the Abraham Accords, the government said."),
        ("ar", "انضمت كازاخستان إلى اتفاقيات إبراهيم."),
        ("he", "קזחסטן הצטרפה להסכמי אברהם."),
    ],
)
def test_a_told_accession_is_left_alone(make_article: Callable[..., Article], lang: str, text: str) -> None:
    events = [e for e in extract_events(make_article(text, lang, NAMES), lang) if e.type == "ACCEDE"]
    assert [e.status for e in events] == [EventStatus.OCCURRED]


def test_a_reference_naming_another_party_is_not_folded(make_article: Callable[..., Article]) -> None:
    text = (
        "Azerbaijan will join the Abraham Accords. "
        "The government said that the accession of Kazakhstan to the Abraham Accords represents a shift."
    )
    events = [e for e in extract_events(make_article(text, "en", NAMES), "en") if e.type == "ACCEDE"]
    assert [(e.status, e.actors) for e in events] == [
        (EventStatus.PLANNED, ["country:AZ"]),
        (EventStatus.HYPOTHETICAL, ["country:KZ"]),
    ]


EVALUATED = {
    "Norland": ("country:NL", EntityType.GPE),
    "Valdoria": ("country:VD", EntityType.GPE),
    "نورلاند": ("country:NL", EntityType.GPE),
    "فالدوريا": ("country:VD", EntityType.GPE),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Norland and Valdoria met in Geneva. Observers said the summit represents a first step toward normalization."),
        ("ar", "التقت نورلاند وفالدوريا في جنيف. ويمثل ذلك مرحلة أولى نحو تطبيع العلاقات."),
    ],
)
def test_the_complement_of_an_evaluative_predicate_is_no_act(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    art = make_article(text, lang, EVALUATED)
    assert any(h.event.type == "NORMALIZE" for h in find_hits(art, lang))
    assert all(e.type != "NORMALIZE" for e in extract_events(art, lang))


def test_a_noun_far_after_an_evaluative_predicate_stays(make_article: Callable[..., Article]) -> None:
    text = "Observers said the summit represents progress, and Norland announced normalization with Valdoria on Monday."
    art = make_article(text, "en", EVALUATED)
    assert any(e.type == "NORMALIZE" for e in extract_events(art, "en"))
