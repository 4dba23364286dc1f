"""A trigger a demonstrative points at, and a party-less heading, restate events already told."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import (
    extract_events,
    find_hits,
    is_fragment,
    points_back,
    restated_by_demonstrative,
    without_bare_fragments,
)
from dragoman.model import Article, EntityType

NAMES = {
    "Israel": ("country:IL", EntityType.GPE),
    "Azerbaijan": ("country:AZ", EntityType.GPE),
    "Oman": ("country:OM", EntityType.GPE),
    "إسرائيل": ("country:IL", EntityType.GPE),
    "أذربيجان": ("country:AZ", EntityType.GPE),
    "عمان": ("country:OM", EntityType.GPE),
    "ישראל": ("country:IL", EntityType.GPE),
    "אזרבייג'ן": ("country:AZ", EntityType.GPE),
    "עומאן": ("country:OM", EntityType.GPE),
}

# The second sentence names a party (Oman) the first telling lacks, so ``merge`` alone keeps
# it apart; the demonstrative says it is the same talks.
POINTED = [
    ("en", "Israel held talks with Azerbaijan. Oman said these long talks with Israel were useful.", "talks"),
    ("ar", "أجرت إسرائيل محادثات مع أذربيجان. وقالت عمان إن هذه المحادثات مع إسرائيل كانت مفيدة.", "المحادثات"),
    ("he", "ישראל קיימה שיחות עם אזרבייג'ן. עומאן אמרה כי השיחות הארוכות האלה עם ישראל היו מועילות.", "השיחות"),
]


@pytest.mark.parametrize(("lang", "text", "trigger"), POINTED)
def test_a_demonstrative_folds_the_trigger_into_the_event_told_before(
    make_article: Callable[..., Article], lang: str, text: str, trigger: str
) -> None:
    art = make_article(text, lang, NAMES)
    hits = [h for h in find_hits(art, lang) if h.event.type == "CONSULT"]
    assert len(hits) == 2
    second = hits[1]
    assert second.event.trigger is not None and art.span_text(second.event.trigger) == trigger
    assert points_back(second, lang) and not points_back(hits[0], lang)
    assert "country:OM" in second.event.actors + second.event.recipients
    talks = [e for e in extract_events(art, lang) if e.type == "CONSULT"]
    assert len(talks) == 1
    assert talks[0].actors == ["country:IL"] and talks[0].recipients == ["country:AZ"]
    first_stop = text.index(".")
    assert [sp.start < first_stop for sp in talks[0].evidence] == [True, False]


NOT_POINTED = [
    # "that" after a verb of saying is a complementizer: new talks, with a new party
    ("en", "Israel held talks with Azerbaijan. Azerbaijan said that talks with Oman began."),
    # a demonstrative before a verb (no article ال) is its subject: "after that, Oman met Israel"
    ("ar", "أجرت إسرائيل محادثات مع أذربيجان. وبعد ذلك اجتمعت عمان مع إسرائيل."),
    # a bare זה after a verb is no demonstrative (reciprocal "with each other", "just")
    ("he", "ישראל קיימה שיחות עם אזרבייג'ן. עומאן וישראל נפגשו זה עם זה."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_POINTED)
def test_no_demonstrative_no_restatement(make_article: Callable[..., Article], lang: str, text: str) -> None:
    art = make_article(text, lang, NAMES)
    hits = find_hits(art, lang)
    assert not any(points_back(h, lang) for h in hits)
    assert len([e for e in extract_events(art, lang) if e.type == "CONSULT"]) == 2


def test_a_demonstrative_with_nothing_told_before_stays_an_event(make_article: Callable[..., Article]) -> None:
    art = make_article("Oman praised this agreement with Israel.", "en", NAMES)
    hits = find_hits(art, "en")
    assert any(points_back(h, "en") for h in hits)
    assert restated_by_demonstrative(hits, "en") == hits


def test_a_demonstrative_does_not_fold_an_event_of_another_status(make_article: Callable[..., Article]) -> None:
    text = "Israel will hold talks with Azerbaijan. Oman said these talks with Israel took place in Muscat."
    art = make_article(text, "en", NAMES)
    hits = [h for h in find_hits(art, "en") if h.event.type == "CONSULT"]
    assert len(hits) == 2 and hits[0].event.status is not hits[1].event.status
    assert len(restated_by_demonstrative(hits, "en")) == 2


HEADED = [
    ("en", "Peace talks\nIsrael held talks with Azerbaijan on Monday."),
    ("ar", "محادثات السلام\nأجرت إسرائيل محادثات مع أذربيجان يوم الاثنين."),
    ("he", "שיחות השלום\nישראל קיימה שיחות עם אזרבייג'ן ביום שני."),
]


@pytest.mark.parametrize(("lang", "text"), HEADED)
def test_a_partyless_heading_is_no_event_when_the_article_tells_it_with_parties(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    art = make_article(text, lang, NAMES)
    hits = [h for h in find_hits(art, lang) if h.event.type == "CONSULT"]
    assert [is_fragment(h.view) for h in hits] == [True, False]
    assert not hits[0].event.actors and not hits[0].event.recipients
    assert without_bare_fragments(hits) == hits[1:]
    talks = [e for e in extract_events(art, lang) if e.type == "CONSULT"]
    assert len(talks) == 1 and talks[0].evidence[0].start > text.index("\n")


def test_a_heading_stays_when_nothing_tells_its_type_with_parties(make_article: Callable[..., Article]) -> None:
    art = make_article("Peace talks\nProtesters marched in Baku.", "en", NAMES)
    assert "CONSULT" in [e.type for e in extract_events(art, "en")]


def test_a_full_sentence_is_no_fragment(make_article: Callable[..., Article]) -> None:
    art = make_article("The talks resumed.\nIsrael held talks with Azerbaijan.", "en", NAMES)
    hits = find_hits(art, "en")
    assert not is_fragment(hits[0].view)
    assert len(without_bare_fragments(hits)) == len(hits)
