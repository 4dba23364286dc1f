"""Hebrew and English trigger vocabulary: a trigger that needs its object gives way to the next
reading of its words, Hebrew verb forms (present, future, feminine, passive, possessed nouns),
lifting restrictions as a concession, English phrasal verbs and deals."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.candidates import bare_article
from dragoman.events.extract import find_hits
from dragoman.events.matcher import PhraseMatcher
from dragoman.model import Article, EntityType, EventStatus

GPE = EntityType.GPE


def _typed(art: Article, lang: str) -> list[tuple[str, str]]:
    return [(h.event.type, art.span_text(h.event.trigger)) for h in find_hits(art, lang) if h.event.trigger]


def test_a_refused_match_gives_way_to_the_next_reading() -> None:
    matcher = PhraseMatcher([("stop trade", "halt"), ("stop", "arrest"), ("stop", "other")])
    forms = [("stop",), ("trade",)]
    assert [m.payload for m in matcher.find(forms)] == ["halt"]
    # the longer phrase refused: the shorter one; the first payload of the same words refused: the next
    assert [m.payload for m in matcher.find(forms, lambda m: m.payload != "halt")] == ["arrest"]
    assert [m.payload for m in matcher.find(forms, lambda m: m.payload == "other")] == ["other"]
    assert matcher.find(forms, lambda m: False) == []


def test_hebrew_halting_trade_is_a_sanction_and_arresting_people_an_arrest(
    make_article: Callable[..., Article],
) -> None:
    # עצר* is listed twice: a SANCTION with trade or ties after it, else an arrest
    halted = make_article("הממשלה עצרה את הסחר עם השכנה.", "he")
    assert _typed(halted, "he") == [("SANCTION", "עצרה")]
    arrested = make_article("המשטרה עצרה שלושה חשודים אתמול.", "he")
    assert _typed(arrested, "he") == [("COERCE", "עצרה")]
    assert [h.event.mode for h in find_hits(arrested, "he")] == ["arrest"]


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        ("שתי המדינות שיתפו פעולה במאבק בטרור.", "COOPERATE", "שיתפו פעולה"),
        ("ראש הממשלה התייעץ עם שר הביטחון.", "CONSULT", "התייעץ"),
        ("השרים יפגשו בשבוע הבא ובפגישתם ידונו בתקציב.", "CONSULT", "ידונו"),
        ("הנשיאה גינתה את ההחלטה.", "ACCUSE", "גינתה"),
        ("השרה מתחה ביקורת חריפה על הממשלה.", "ACCUSE", "מתחה ביקורת"),
        ("האופוזיציה הוקיעה את ההחלטה.", "ACCUSE", "הוקיעה"),
        ("הממשלה מתנגדת לתוכנית.", "REJECT", "מתנגדת"),
        ("השר שלל את האפשרות.", "REJECT", "שלל את"),
        ("הצבא הפגיז את העיירה במשך הלילה.", "ASSAULT", "הפגיז"),
        ("מפקד הארגון חוסל בתקיפה אווירית.", "ASSAULT", "חוסל"),
        ("אלפים השתתפו במחאות בעיר.", "PROTEST", "במחאות"),
        ("הממשלה אישרה את הסרת ההגבלות בנמלים.", "CONCEDE", "הסרת ההגבלות"),
    ],
)
def test_hebrew_verb_forms(make_article: Callable[..., Article], text: str, etype: str, trigger: str) -> None:
    assert (etype, trigger) in _typed(make_article(text, "he"), "he")


def test_hebrew_passives_and_a_verb_read_again_without_its_object(make_article: Callable[..., Article]) -> None:
    # nif'al: signed (a formal agreement, AGREE), kidnapped
    assert ("AGREE", "נחתמו") in _typed(make_article("בשבוע שעבר נחתמו שני מסמכים בין המדינות.", "he"), "he")
    assert ("ASSAULT", "נחטפו") in _typed(make_article("שני רועים נחטפו ליד הגבול.", "he"), "he")
    # גירש with an ambassador after it is a sanction, without one a deportation
    assert _typed(make_article("הממשלה גירשה את השגריר.", "he"), "he") == [("SANCTION", "גירשה את השגריר")]
    assert _typed(make_article("הרשויות גירשו עשרות מהגרים.", "he"), "he") == [("COERCE", "גירשו")]


def test_hebrew_future_forms_are_planned(make_article: Callable[..., Article]) -> None:
    for text, etype in [
        ("ישראל תשתף פעולה עם יוון.", "COOPERATE"),
        ("הממשלה תסכים לתנאים.", "AGREE"),
        ("הצבא ייסוג מהאזור.", "RETREAT"),
        ("הצבא יתקוף את המחנה.", "ASSAULT"),
    ]:
        hits = [h for h in find_hits(make_article(text, "he"), "he") if h.event.type == etype]
        assert hits, text
        assert hits[0].event.status is EventStatus.PLANNED, text


def test_lifting_restrictions_is_no_sanction_imposed(make_article: Callable[..., Article]) -> None:
    types = [t for t, _ in _typed(make_article("הממשלה אישרה את הסרת ההגבלות ליבוא.", "he"), "he")]
    assert "IMPOSE_SANCTION" not in types and "WAIVE_SANCTION" not in types
    # lifting sanctions is still a waiver
    assert ("WAIVE_SANCTION", "הסרת הסנקציות") in _typed(make_article("הוא בירך על הסרת הסנקציות.", "he"), "he")


def test_hebrew_words_that_only_look_like_new_triggers(make_article: Callable[..., Article]) -> None:
    # "will help growth" is no aid; "criticism" is no visit
    assert all(t != "AID" for t, _ in _typed(make_article("הרפורמה תסייע לצמיחה.", "he"), "he"))
    assert all(t != "CONSULT" for t, _ in _typed(make_article("הוא ספג ביקורת קשה.", "he"), "he"))


def test_leaving_an_agreement_reneges_on_it(make_article: Callable[..., Article]) -> None:
    names = {"Russia": ("country:RU", GPE), "Israel": ("country:IL", GPE), "Gaza": ("place:gaza", GPE)}
    left = make_article("Russia withdrew from the arms control treaty in 2023.", "en", names)
    assert ("REJECT", "withdrew from") in _typed(left, "en")
    pulled = make_article("Russia pulled out of the grain deal.", "en", names)
    assert ("REJECT", "pulled out of") in _typed(pulled, "en")
    # a withdrawal of troops is still a retreat
    troops = make_article("Israel withdrew its troops from Gaza.", "en", names)
    assert [t for t, _ in _typed(troops, "en")] == ["RETREAT"]


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        ("Iran turned down the proposal.", "REJECT", "turned down"),
        ("The minister ruled out early elections.", "REJECT", "ruled out"),
        ("Jordan slammed the decision.", "ACCUSE", "slammed"),
        ("The opposition lashed out at the cabinet.", "ACCUSE", "lashed out at"),
        ("Police cracked down on the independent media.", "COERCE", "cracked down"),
        ("Police rounded up dozens of activists.", "COERCE", "rounded up"),
        ("Gunmen gunned down a judge on Monday.", "ASSAULT", "gunned down"),
        ("The prime minister stepped down on Monday.", "RETREAT", "stepped down"),
        ("The envoy reached out to the rebels.", "CONSULT", "reached out to"),
        ("The two leaders spoke by phone on Monday.", "CONSULT", "spoke by phone"),
        ("The rivals reached a deal on Monday.", "AGREE", "deal"),
    ],
)
def test_english_phrasal_verbs(make_article: Callable[..., Article], text: str, etype: str, trigger: str) -> None:
    assert (etype, trigger) in _typed(make_article(text, "en"), "en")


def test_english_words_that_only_look_like_new_triggers(make_article: Callable[..., Article]) -> None:
    # "quit" without an agreement after it, "round" without "up"
    assert all(t != "REJECT" for t, _ in _typed(make_article("The coach quit the team in May.", "en"), "en"))
    assert _typed(make_article("The second round of voting begins today.", "en"), "en") == []
    assert _typed(make_article("It was quite a good plan for the town.", "en"), "en") == []
    # "deal with" is handling a matter, "a great deal" an amount
    assert _typed(make_article("The committee will deal with the budget.", "en"), "en") == []
    assert _typed(make_article("The town has changed a great deal.", "en"), "en") == []


def test_english_measures_against_a_party_are_a_sanction() -> None:
    art = bare_article("Norland took tough measures against Valdoria on Monday.", "en", use_ner=False)
    assert "SANCTION" in [h.event.type for h in find_hits(art, "en")]
    art = bare_article("Norland took measures to protect its coast on Monday.", "en", use_ner=False)
    assert "SANCTION" not in [h.event.type for h in find_hits(art, "en")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Norlandic president will visit Valdoria next week.", EventStatus.PLANNED),
        ("The two ministers would meet in the Valdorian capital.", EventStatus.HYPOTHETICAL),
    ],
)
def test_an_english_visit_or_meeting_to_come_is_a_consultation_not_a_promise(
    text: str, status: EventStatus, make_article: Callable[..., Article]
) -> None:
    # "will visit" had been listed as an AGREE trigger of its own, told as done
    hits = find_hits(make_article(text, "en"), "en")
    assert [(h.event.type, h.event.status) for h in hits] == [("CONSULT", status)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object names the act: one sanction, not a coercion beside it
        ("The Norlandic government imposed new sanctions on Valdorian banks.", [("IMPOSE_SANCTION", "sanctions")]),
        ("The army imposed a curfew on the city.", [("COERCE", "curfew")]),
        # with no act after it, imposing stays coercion
        ("The government imposed restrictions on the press.", [("COERCE", "imposed")]),
    ],
)
def test_imposing_is_a_light_verb_before_the_act_it_imposes(
    text: str, expected: list[tuple[str, str]], make_article: Callable[..., Article]
) -> None:
    assert _typed(make_article(text, "en"), "en") == expected


@pytest.mark.parametrize(
    ("text", "etype", "trigger"),
    [
        ("Norland cut diplomatic ties with Valdoria in 2019.", "SANCTION", "cut diplomatic ties"),
        ("Norland severed diplomatic relations with Valdoria.", "SANCTION", "severed diplomatic relations"),
        ("Norland and Valdoria exchanged prisoners on Thursday.", "RETREAT", "exchanged prisoners"),
    ],
)
def test_english_breaking_ties_and_prisoner_exchanges(
    text: str, etype: str, trigger: str, make_article: Callable[..., Article]
) -> None:
    assert (etype, trigger) in _typed(make_article(text, "en"), "en")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the destination is no state the article names: the state on the way must not take its place
        ("Norland sent humanitarian aid to the enclave through Ostmark.", "en"),
        ("Norland sent humanitarian aid to the enclave via Ostmark.", "en"),
        ("נורלנד שלחה סיוע הומניטרי לרצועה דרך אוסטמרק.", "he"),
    ],
)
def test_a_state_passed_through_is_no_party(text: str, lang: str, make_article: Callable[..., Article]) -> None:
    names = {
        "en": {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Ostmark": ("country:OM", GPE)},
        "he": {"נורלנד": ("country:NL", GPE), "ולדוריה": ("country:VD", GPE), "אוסטמרק": ("country:OM", GPE)},
    }[lang]
    aid = [h.event for h in find_hits(make_article(text, lang, names), lang) if h.event.type == "AID"]
    assert aid and aid[0].actors == ["country:NL"], aid
    assert "country:OM" not in aid[0].recipients
