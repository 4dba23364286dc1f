"""One fact told twice in an article is one event with two evidence spans."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import (
    extract_events,
    find_hits,
    merge,
    restated_in_relative,
    without_inner_mentions,
)
from dragoman.model import Article, EntityType, Event, EventStatus, Span
from dragoman.model.ids import event_id

NAMES = {"Israel": ("country:IL", EntityType.GPE), "Azerbaijan": ("country:AZ", EntityType.GPE)}


def test_repeated_fact_is_merged_with_both_evidence_spans(make_article: Callable[..., Article]) -> None:
    text = "Israel opened an embassy in Azerbaijan. Analysts said little. Israel opened an embassy in Azerbaijan last week."
    art = make_article(text, "en", NAMES)
    embassies = [e for e in extract_events(art, "en") if e.type == "OPEN_EMBASSY"]
    assert len(embassies) == 1
    assert len(embassies[0].evidence) == 2
    assert [art.span_text(s).split()[0] for s in embassies[0].evidence] == ["Israel", "Israel"]


def test_different_status_is_a_different_event(make_article: Callable[..., Article]) -> None:
    text = "Israel opened an embassy in Azerbaijan. Israel will open an embassy in Azerbaijan."
    art = make_article(text, "en", NAMES)
    statuses = sorted(e.status for e in extract_events(art, "en") if e.type == "OPEN_EMBASSY")
    assert statuses == sorted([EventStatus.OCCURRED, EventStatus.PLANNED])


def test_argumentless_triggers_are_not_merged(make_article: Callable[..., Article]) -> None:
    art = make_article("Protesters marched. Later, protesters marched again.", "en", {})
    assert len([e for e in extract_events(art, "en") if e.type == "PROTEST"]) == 2


def test_event_ids_are_unique_and_derived_from_content(make_article: Callable[..., Article]) -> None:
    art = make_article("Israel threatened Azerbaijan. Azerbaijan rejected the demand.", "en", NAMES)
    events = extract_events(art, "en")
    ids = [e.id for e in events]
    assert len(ids) >= 2 and len(set(ids)) == len(ids)
    assert ids == [event_id(art.id, e) for e in events]


def test_a_restatement_sharing_a_party_is_the_same_event(make_article: Callable[..., Article]) -> None:
    names = {**NAMES, "Oman": ("country:OM", EntityType.GPE)}
    text = "Israel held talks with Azerbaijan in Baku. Later, Azerbaijan said the talks with Israel were useful."
    talks = [e for e in extract_events(make_article(text, "en", names), "en") if e.type == "CONSULT"]
    assert len(talks) == 1 and len(talks[0].evidence) == 2


def test_a_later_partyless_mention_refers_back(make_article: Callable[..., Article]) -> None:
    text = "Israel held talks with Azerbaijan in Baku. The talks lasted three hours."
    talks = [e for e in extract_events(make_article(text, "en", NAMES), "en") if e.type == "CONSULT"]
    assert len(talks) == 1 and len(talks[0].evidence) == 2


def test_events_with_different_parties_stay_apart(make_article: Callable[..., Article]) -> None:
    names = {**NAMES, "Oman": ("country:OM", EntityType.GPE), "Qatar": ("country:QA", EntityType.GPE)}
    text = "Israel held talks with Azerbaijan. Oman held talks with Qatar."
    assert len([e for e in extract_events(make_article(text, "en", names), "en") if e.type == "CONSULT"]) == 2


def test_a_partyless_trigger_inside_another_events_clause_is_not_an_event(
    make_article: Callable[..., Article],
) -> None:
    text = "Israel and Azerbaijan discussed the lifting of sanctions. The talks focused on the lifting of sanctions."
    art = make_article(text, "en", NAMES)
    hits = find_hits(art, "en")
    kept = without_inner_mentions(hits)
    dropped = [h for h in hits if h not in kept]
    assert [art.span_text(h.event.trigger) for h in dropped if h.event.trigger] == ["lifting"]
    assert all(not h.event.actors and not h.event.recipients for h in dropped)
    # the second sentence names no party: none of its triggers is known to be the inner one
    assert [h for h in hits if h.sentence == 1] == [h for h in kept if h.sentence == 1]


def test_a_partyless_trigger_alone_in_its_clause_stays(make_article: Callable[..., Article]) -> None:
    art = make_article("Protesters marched.", "en", {})
    assert [e.type for e in extract_events(art, "en")] == ["PROTEST"]


def test_a_relative_clause_restates_the_event_it_describes(make_article: Callable[..., Article]) -> None:
    names = {**NAMES, "Oman": ("country:OM", EntityType.GPE)}
    # a petition, not a pact: both signings stay one type (a pact signed is an AGREE, its noun another telling)
    text = "Israel signed a petition with Azerbaijan. The petition, which was signed in the presence of Oman, ends a dispute."
    art = make_article(text, "en", names)
    hits = find_hits(art, "en")
    signed = [h for h in hits if art.span_text(h.event.trigger or h.event.evidence[0]).startswith("signed")]
    assert len(signed) == 2, "both tellings are trigger hits"
    events = [e for e in extract_events(art, "en") if e.type == signed[0].event.type]
    assert len(events) == 1 and len(events[0].evidence) == 2
    assert art.span_text(events[0].evidence[1]).startswith("which")


def test_a_relative_clause_with_nothing_told_before_stays_an_event(make_article: Callable[..., Article]) -> None:
    text = "The deal, which Israel signed with Azerbaijan, was praised."
    art = make_article(text, "en", NAMES)
    hits = find_hits(art, "en")
    assert any(art.span_text(h.event.evidence[0]).startswith("which") for h in hits)
    assert [h.event.type for h in restated_in_relative(hits, "en")] == [h.event.type for h in hits]


def test_that_opens_a_relative_clause_unless_a_verb_of_saying_precedes(
    make_article: Callable[..., Article],
) -> None:
    first = "Israel signed a petition with Azerbaijan."  # no pact: every signing stays SUPPORT, no noun trigger
    relative = make_article(first + " It is the petition that Israel signed with Azerbaijan in May.", "en", NAMES)
    reported = make_article(first + " Azerbaijan said that Israel signed a petition with Azerbaijan in May.", "en", NAMES)
    for art, told_again in ((relative, False), (reported, True)):
        hits = find_hits(art, "en")
        assert len([h for h in hits if h.event.type == hits[0].event.type]) == 2
        left = restated_in_relative(hits, "en")
        assert (len([h for h in left if h.event.type == hits[0].event.type]) == 2) is told_again


FM, DM = "role:foreign_minister@country:IL", "role:defence_minister@country:IL"
OFFICES = {
    "Israel": ("country:IL", EntityType.GPE),
    "Azerbaijan": ("country:AZ", EntityType.GPE),
    "foreign minister": (FM, EntityType.PERSON),
    "defence minister": (DM, EntityType.PERSON),
    "إسرائيل": ("country:IL", EntityType.GPE),
    "أذربيجان": ("country:AZ", EntityType.GPE),
    "وزير الخارجية": (FM, EntityType.PERSON),
    "وزير الدفاع": (DM, EntityType.PERSON),
    "ישראל": ("country:IL", EntityType.GPE),
    "אזרבייג'ן": ("country:AZ", EntityType.GPE),
    "שר החוץ": (FM, EntityType.PERSON),
    "שר הביטחון": (DM, EntityType.PERSON),
}
STATE_THEN_OFFICE = [
    ("en", "Israel held talks with Azerbaijan. Later the foreign minister held talks with Azerbaijan."),
    ("ar", "أجرت إسرائيل محادثات مع أذربيجان. وأجرى وزير الخارجية محادثات مع أذربيجان."),
    ("he", "ישראל קיימה שיחות עם אזרבייג'ן. שר החוץ קיים שיחות עם אזרבייג'ן."),
]
TWO_OFFICES = [
    ("en", "The foreign minister held talks with Azerbaijan. Later the defence minister held talks with Azerbaijan."),
    ("ar", "أجرى وزير الخارجية محادثات مع أذربيجان. وأجرى وزير الدفاع محادثات مع أذربيجان."),
    ("he", "שר החוץ קיים שיחות עם אזרבייג'ן. שר הביטחון קיים שיחות עם אזרבייג'ן."),
]


@pytest.mark.parametrize(("lang", "text"), STATE_THEN_OFFICE)
def test_the_office_of_a_state_already_a_party_restates_its_event(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    art = make_article(text, lang, OFFICES)
    hits = [h for h in find_hits(art, lang) if h.event.type == "CONSULT"]
    assert [h.event.actors for h in hits] == [["country:IL"], [FM, "country:IL"]]
    talks = [e for e in extract_events(art, lang) if e.type == "CONSULT"]
    assert len(talks) == 1 and len(talks[0].evidence) == 2
    assert talks[0].actors == [FM, "country:IL"] and talks[0].recipients == ["country:AZ"]


@pytest.mark.parametrize(("lang", "text"), TWO_OFFICES)
def test_another_office_of_the_same_state_tells_another_event(
    make_article: Callable[..., Article], lang: str, text: str
) -> None:
    art = make_article(text, lang, OFFICES)
    talks = [e for e in extract_events(art, lang) if e.type == "CONSULT"]
    assert [e.actors for e in talks] == [[FM], [DM]]


def _visit(start: int, actors: list[str]) -> Event:
    return Event("", "CONSULT", "visit", EventStatus.OCCURRED, actors, ["country:AZ"], [Span(start, start + 10)], None)


def test_a_person_known_only_to_the_article_stands_for_the_state_his_title_names() -> None:
    # "The last visit by a Norlandic minister to Azerbaijan ... then-Norlandic Foreign Minister Ulf
    # Osk visited Azerbaijan": Osk is in no knowledge base, his title gives his state
    merged = merge([_visit(0, ["country:NL"]), _visit(40, ["local:osk", "country:NL"])])
    assert len(merged) == 1 and merged[0].actors == ["local:osk", "country:NL"] and len(merged[0].evidence) == 2


def test_a_local_party_of_another_state_tells_another_event() -> None:
    assert len(merge([_visit(0, ["country:NL"]), _visit(40, ["local:osk", "country:VD"])])) == 2
