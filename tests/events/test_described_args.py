"""Described actors as event arguments (events/described_args.py): own sentences in ar, he and en."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dragoman.events.described import find_described
from dragoman.events.extract import ArgumentMode, extract_events
from dragoman.model import Article, EntityType, Event, MentionKind

from .conftest import Names, build_article

GPE, ORG, PLACE = EntityType.GPE, EntityType.ORG, EntityType.PLACE


def _run(
    text: str, lang: str, names: Names | None = None, nisbas: tuple[str, ...] = (), arguments: ArgumentMode = "learned"
) -> Article:
    """The article with ``nisbas`` (surface forms) as nisba mentions, its described actors and events."""
    art = build_article(text, lang, names)
    art.mentions = [
        replace(m, kind=MentionKind.NISBA) if m.head and art.span_text(m.head) in nisbas else m for m in art.mentions
    ]
    art.described = find_described(art, lang)
    art.events = extract_events(art, lang, arguments)
    return art


def _one(art: Article, type_: str) -> Event:
    (ev,) = [e for e in art.events if e.type == type_]
    return ev


def test_english_unnamed_official_is_the_actor_with_its_state() -> None:
    names = {"US": ("country:US", GPE), "Iranian": ("country:IR", GPE)}
    art = _run("A senior US official met Iranian negotiators on Sunday.", "en", names, ("US", "Iranian"))
    (d,) = art.described
    ev = _one(art, "CONSULT")
    assert ev.actors == [d.id, "country:US"]  # the nisba inside the description gives way to it
    assert ev.recipients == ["country:IR"]
    assert d.gloss == "unnamed official (country:US)"


@pytest.mark.parametrize("arguments", ["learned", "rules"])
def test_english_counted_group_is_the_actor(arguments: ArgumentMode) -> None:
    art = _run("Dozens of settlers attacked the village on Friday.", "en", arguments=arguments)
    (d,) = art.described
    assert art.span_text(d.mentions[0]) == "Dozens of settlers" and d.gloss == "settlers"
    assert _one(art, "ASSAULT").actors == [d.id]


def test_english_named_actor_keeps_its_slot_and_a_delegation_is_the_recipient() -> None:
    names = {"Iran": ("country:IR", GPE), "Egyptian": ("country:EG", GPE)}
    art = _run("Iran met an Egyptian delegation on Sunday.", "en", names, ("Egyptian",))
    (d,) = art.described
    assert d.gloss == "delegation (country:EG)"
    ev = _one(art, "CONSULT")
    assert ev.actors == ["country:IR"]
    assert ev.recipients == [d.id, "country:EG"]


def test_media_tell_but_never_act() -> None:
    names = {"Iranian": ("country:IR", GPE), "Israel": ("country:IL", GPE)}
    art = _run("Iranian media accused Israel of sabotage.", "en", names, ("Iranian",))
    (d,) = art.described
    assert not d.acts
    assert all(d.id not in e.actors + e.recipients for e in art.events)


def test_a_description_in_another_clause_is_no_argument() -> None:
    art = _run("Dozens of settlers gathered at the gate; the village was attacked.", "en")
    assert art.described
    assert _one(art, "ASSAULT").actors == []


def test_arabic_delegation_after_the_verb_is_the_actor() -> None:
    names = {"مصري": ("country:EG", GPE), "حماس": ("org:hamas", ORG)}
    art = _run("اجتمع وفد مصري مع قادة حماس يوم الأحد.", "ar", names, ("مصري",))
    (d,) = art.described
    ev = _one(art, "CONSULT")
    assert ev.actors == [d.id, "country:EG"]
    assert "org:hamas" in ev.recipients


def test_arabic_counted_settlers_are_the_actor() -> None:
    art = _run("هاجم عشرات المستوطنين قرية فلسطينية.", "ar")
    (d,) = art.described
    assert art.span_text(d.mentions[0]) == "عشرات المستوطنين"
    assert _one(art, "ASSAULT").actors == [d.id]


def test_hebrew_counted_settlers_are_the_actor() -> None:
    art = _run("עשרות מתנחלים תקפו את הכפר.", "he")
    (d,) = art.described
    assert d.gloss == "settlers"
    assert _one(art, "ASSAULT").actors == [d.id]


def test_hebrew_delegation_with_its_state_meets_a_named_party() -> None:
    names = {"ישראלית": ("country:IL", GPE), "מצרים": ("country:EG", GPE)}
    art = _run("משלחת ישראלית נפגשה עם נציגי מצרים.", "he", names, ("ישראלית",))
    (d,) = art.described
    ev = _one(art, "CONSULT")
    assert ev.actors == [d.id, "country:IL"]
    assert ev.recipients == ["country:EG"]


def test_a_visit_is_hosted_by_its_place_not_by_the_delegation_that_travels_with_it() -> None:
    # "Azerbaijan is waiting for the guests. The Norland foreign minister will come for a visit to Baku
    # next month together with a delegation of traders."
    names = {
        "נורלנד": ("country:NL", GPE),
        "באקו": ("city:baku", PLACE),
        "אזרבייג'ן": ("country:AZ", GPE),
    }
    art = _run(
        "אזרבייג'ן מחכה לאורחים. שר החוץ של נורלנד יגיע לביקור בבאקו בחודש הבא יחד עם משלחת של סוחרים.",
        "he",
        names,
    )
    assert [d.gloss for d in art.described] == ["delegation"]
    ev = _one(art, "CONSULT")
    assert ev.recipients == ["country:AZ"]  # the host state of its place, not the minister's own delegation


def test_a_described_subject_of_a_later_clause_outranks_the_first_clauses_actor() -> None:
    # "after protesters stormed ...": the protesters did it, not the state that cut ties, whose
    # consulates they attacked
    names = {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Nordic": ("country:NL", GPE)}
    art = _run("Norland cut ties with Valdoria after protesters attacked Nordic consulates there.", "en", names, ("Nordic",))
    ev = _one(art, "ASSAULT")
    (d,) = [d for d in art.described if d.gloss == "protesters"]
    assert ev.actors == [d.id] and ev.recipients == ["country:NL"]
