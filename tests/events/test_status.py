"""Status of events from per-language cues: the accession examples of the issue and their variants."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events, find_hits
from dragoman.model import Article, EntityType, EventStatus

AZ = {"Azerbaijan": ("country:AZ", EntityType.GPE), "Accords": ("agreement:abraham", EntityType.AGREEMENT)}


def _accession(art: Article, lang: str) -> EventStatus:
    events = [e for e in extract_events(art, lang) if e.type == "ACCEDE"]
    assert events, f"no accession found in {art.text!r}"
    return events[0].status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The administration is discussing Azerbaijan's joining the Accords.", EventStatus.TALKS),
        ("Azerbaijan joined the Accords in 2021.", EventStatus.OCCURRED),
        ("Azerbaijan did not join the Accords.", EventStatus.NEGATED),
        ("If Azerbaijan joins the Accords, trade will grow.", EventStatus.CONDITIONAL),
        ("Azerbaijan may join the Accords.", EventStatus.HYPOTHETICAL),
        ("Azerbaijan will join the Accords.", EventStatus.PLANNED),
        ("The government is considering whether Azerbaijan may join the Accords.", EventStatus.TALKS),
        # "would" is a supposition, except after a verb of saying: the future seen from the past
        ("Azerbaijan would join the Accords under such a deal.", EventStatus.HYPOTHETICAL),
        ("Azerbaijan announced that it would join the Accords.", EventStatus.PLANNED),
        ("Officials said Azerbaijan would join the Accords.", EventStatus.PLANNED),
        ("In that case Azerbaijan will join the Accords.", EventStatus.CONDITIONAL),
    ],
)
def test_english_status(make_article: Callable[..., Article], text: str, status: EventStatus) -> None:
    assert _accession(make_article(text, "en", AZ), "en") is status


AR = {
    "أذربيجان": ("country:AZ", EntityType.GPE),
    "اتفاقيات إبراهيم": ("agreement:abraham", EntityType.AGREEMENT),
}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("تبحث الإدارة الأمريكية مع أذربيجان إمكانية انضمامها إلى اتفاقيات إبراهيم.", EventStatus.TALKS),
        ("انضمت أذربيجان إلى اتفاقيات إبراهيم.", EventStatus.OCCURRED),
        ("لم تنضم أذربيجان إلى اتفاقيات إبراهيم.", EventStatus.NEGATED),
        ("ستنضم أذربيجان إلى اتفاقيات إبراهيم.", EventStatus.PLANNED),  # future particle glued to the verb
        ("من المتوقع أن تنضم أذربيجان إلى اتفاقيات إبراهيم.", EventStatus.PLANNED),
        ("إذا انضمت أذربيجان إلى اتفاقيات إبراهيم فسوف تتغير المنطقة.", EventStatus.CONDITIONAL),
        ("قد تنضم أذربيجان إلى اتفاقيات إبراهيم.", EventStatus.HYPOTHETICAL),
    ],
)
def test_arabic_status(make_article: Callable[..., Article], text: str, status: EventStatus) -> None:
    assert _accession(make_article(text, "ar", AR), "ar") is status


HE = {"אזרבייג'ן": ("country:AZ", EntityType.GPE), "הסכמי אברהם": ("agreement:abraham", EntityType.AGREEMENT)}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("אזרבייג'ן הצטרפה להסכמי אברהם.", EventStatus.OCCURRED),
        ("אזרבייג'ן תצטרף להסכמי אברהם.", EventStatus.PLANNED),  # future conjugation
        ("אם אזרבייג'ן תצטרף להסכמי אברהם, המצב ישתנה.", EventStatus.CONDITIONAL),
        ("אזרבייג'ן לא הצטרפה להסכמי אברהם.", EventStatus.NEGATED),
        ("הממשל שוקל את הצטרפות אזרבייג'ן להסכמי אברהם.", EventStatus.TALKS),
        ("אזרבייג'ן עשויה להצטרף להסכמי אברהם.", EventStatus.HYPOTHETICAL),
        ("במקרה כזה אזרבייג'ן תצטרף להסכמי אברהם.", EventStatus.CONDITIONAL),  # "in that case"
    ],
)
def test_hebrew_status(make_article: Callable[..., Article], text: str, status: EventStatus) -> None:
    assert _accession(make_article(text, "he", HE), "he") is status


def test_qad_before_a_past_verb_is_not_a_hedge(make_article: Callable[..., Article]) -> None:
    # قد + past tense means "has (already)"; only قد + imperfect means "may"
    art = make_article("قد انضمت أذربيجان إلى اتفاقيات إبراهيم.", "ar", AR)
    assert _accession(art, "ar") is EventStatus.OCCURRED


def test_in_talks_to_join(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Kazakhstan is in talks to join the Accords, officials said.",
        "en",
        {
            "Kazakhstan": ("country:KZ", EntityType.GPE),
            "Accords": ("agreement:abraham", EntityType.AGREEMENT),
        },
    )
    assert _accession(art, "en") is EventStatus.TALKS


PARTIES = {
    "Israel": ("country:IL", EntityType.GPE),
    "Azerbaijan": ("country:AZ", EntityType.GPE),
    "إسرائيل": ("country:IL", EntityType.GPE),
    "أذربيجان": ("country:AZ", EntityType.GPE),
    "ישראל": ("country:IL", EntityType.GPE),
    "אזרבייג'ן": ("country:AZ", EntityType.GPE),
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Israel is moving toward cooperation with Azerbaijan."),
        ("ar", "تتجه إسرائيل نحو التعاون مع أذربيجان."),
        ("he", "ישראל צועדת לקראת שיתוף פעולה עם אזרבייג'ן."),
        ("he", "ישראל נמצאת בדרך לשיתוף פעולה עם אזרבייג'ן."),
    ],
)
def test_a_trigger_right_after_toward_is_a_goal(make_article: Callable[..., Article], lang: str, text: str) -> None:
    events = [e for e in extract_events(make_article(text, lang, PARTIES), lang) if e.type == "COOPERATE"]
    assert [(e.status, e.actors, e.recipients) for e in events] == [(EventStatus.PLANNED, ["country:IL"], ["country:AZ"])]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Israel cooperated with Azerbaijan."), ("ar", "تعاونت إسرائيل مع أذربيجان.")],
)
def test_the_same_act_told_as_done_occurred(make_article: Callable[..., Article], lang: str, text: str) -> None:
    events = [e for e in extract_events(make_article(text, lang, PARTIES), lang) if e.type == "COOPERATE"]
    assert [e.status for e in events] == [EventStatus.OCCURRED]


SY = {
    **PARTIES,
    "Syria": ("country:SY", EntityType.GPE),
    "سوريا": ("country:SY", EntityType.GPE),
    "סוריה": ("country:SY", EntityType.GPE),
}


def _statuses(art: Article, lang: str, kind: str) -> list[EventStatus]:
    return [e.status for e in extract_events(art, lang) if e.type == kind]


# Signing an agreement: every language reads a pact signed as agreeing to it (events.yaml).
_SIGNING = {"en": "AGREE", "ar": "AGREE", "he": "AGREE"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Israel will sign a full agreement with Syria only after the transition is complete."),
        ("en", "Israel will not sign a full agreement with Syria unless the transition is complete."),
        ("en", "Israel will sign an agreement with Syria, but only if the transition is complete."),
        ("ar", "ستوقع إسرائيل اتفاقا كاملا مع سوريا فقط بعد اكتمال المرحلة الانتقالية."),
        ("ar", "لن توقع إسرائيل اتفاقا مع سوريا إلا بعد اكتمال المرحلة الانتقالية."),
        ("ar", "ستوقع إسرائيل اتفاقا مع سوريا حتى يتم اكتمال المرحلة الانتقالية."),
        ("he", "ישראל תחתום על הסכם מלא עם סוריה רק לאחר שהמעבר יושלם."),
        ("he", "ישראל לא תחתום על הסכם עם סוריה אלא אם המעבר יושלם."),
        ("he", "ישראל תחתום על הסכם עם סוריה רק אם המעבר יושלם."),
        # past a comma: "..., but only after ..."
        ("ar", "ستوقع إسرائيل اتفاقا مع سوريا، ولكن فقط بعد اكتمال المرحلة الانتقالية."),
        ("he", "ישראל תחתום על הסכם עם סוריה, אבל רק לאחר שהמעבר יושלם."),
    ],
)
def test_a_condition_after_the_trigger(make_article: Callable[..., Article], lang: str, text: str) -> None:
    statuses = _statuses(make_article(text, lang, SY), lang, _SIGNING[lang])
    assert statuses == [EventStatus.CONDITIONAL]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # told as done: "only after" says when, not on what condition
        ("en", "Israel signed an agreement with Syria only after months of talks."),
        ("he", "ישראל חתמה על הסכם עם סוריה רק לאחר חודשים של שיחות."),
        ("ar", "وقعت إسرائيل اتفاقا مع سوريا فقط بعد أشهر من المفاوضات."),
    ],
)
def test_only_after_a_done_act_is_no_condition(make_article: Callable[..., Article], lang: str, text: str) -> None:
    assert _statuses(make_article(text, lang, SY), lang, _SIGNING[lang]) == [EventStatus.OCCURRED]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Israel denied holding talks with Syria."),
        ("ar", "نفت إسرائيل عقد محادثات مع سوريا."),
        ("he", "ישראל הכחישה כי קיימה שיחות עם סוריה."),
    ],
)
def test_a_denied_act_is_negated(make_article: Callable[..., Article], lang: str, text: str) -> None:
    assert _statuses(make_article(text, lang, SY), lang, "CONSULT") == [EventStatus.NEGATED]
    assert _statuses(make_article(text, lang, SY), lang, "REJECT") == [EventStatus.OCCURRED]  # the denial itself


def test_a_cue_inside_the_trigger_tells_its_tense(make_article: Callable[..., Article]) -> None:
    # "will support" is a promise (AGREE) whose "will" says it is still to come
    art = make_article("Israel will support a full agreement with Syria only after the transition is complete.", "en", SY)
    assert set(_statuses(art, "en", "AGREE")) == {EventStatus.CONDITIONAL}


@pytest.mark.parametrize(
    ("lang", "text", "trigger"),
    [
        ("en", "While negotiating a trade deal, Israel met Azerbaijan in Baku.", "met"),
        ("ar", "بعد المفاوضات حول التجارة، التقت إسرائيل مع أذربيجان في باكو.", "التقت"),
        ("he", "לאחר המגעים על הסחר, ישראל נפגשה עם אזרבייג'ן בבאקו.", "נפגשה"),
    ],
)
def test_talks_cues_do_not_colour_talks_themselves(
    make_article: Callable[..., Article], lang: str, text: str, trigger: str
) -> None:
    art = make_article(text, lang, PARTIES)
    hits = [h for h in find_hits(art, lang) if h.event.trigger and art.span_text(h.event.trigger) == trigger]
    assert [(h.event.type, h.event.status) for h in hits] == [("CONSULT", EventStatus.OCCURRED)]


def test_talks_cues_still_colour_the_topic_of_talks(make_article: Callable[..., Article]) -> None:
    art = make_article("While negotiating a trade deal, Israel agreed to cooperate with Azerbaijan.", "en", PARTIES)
    assert _statuses(art, "en", "COOPERATE") == [EventStatus.TALKS]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Israel sent a delegation in order to sign an agreement with Azerbaijan.", "AGREE"),
        ("ar", "أرسلت إسرائيل وفدا من أجل توقيع اتفاق مع أذربيجان.", "AGREE"),
        ("he", "ישראל שלחה משלחת כדי לקדם שיתוף פעולה עם אזרבייג'ן.", "COOPERATE"),
    ],
)
def test_a_purpose_is_a_goal(make_article: Callable[..., Article], lang: str, text: str, kind: str) -> None:
    assert _statuses(make_article(text, lang, PARTIES), lang, kind) == [EventStatus.PLANNED]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Iran denied the accusations by Israel.", "ACCUSE"),
        ("ar", "نفت إيران اتهامات إسرائيل.", "ACCUSE"),
        ("he", "איראן סירבה לדרישה של ישראל.", "REQUEST"),
        ("ar", "رفضت إيران مطالب إسرائيل.", "REQUEST"),
    ],
)
def test_a_denied_accusation_or_refused_demand_was_still_made(
    make_article: Callable[..., Article], lang: str, text: str, kind: str
) -> None:
    # the denial rejects what the accusation says; the accusation itself happened
    names = {**SY, "Iran": ("country:IR", EntityType.GPE), "إيران": ("country:IR", EntityType.GPE)}
    names["איראן"] = ("country:IR", EntityType.GPE)
    assert _statuses(make_article(text, lang, names), lang, kind) == [EventStatus.OCCURRED]


def test_until_a_date_says_when_not_on_what_condition(make_article: Callable[..., Article]) -> None:
    art = make_article("Israel will hold talks with Syria until Friday.", "en", SY)
    assert _statuses(art, "en", "CONSULT") == [EventStatus.PLANNED]


HEADLINE_NAMES = {"Norland": ("country:NL", EntityType.GPE), "Valdoria": ("country:VD", EntityType.GPE)}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Norland to open embassy in Valdoria, officials say", EventStatus.PLANNED),
        ("Norland opened an embassy in Valdoria on Monday.", EventStatus.OCCURRED),
        # an infinitive after a verb, not right after its party, is left to the cues
        ("Norland managed to open an embassy in Valdoria.", EventStatus.OCCURRED),
        # the party after a verb is its object: not a headline's subject
        ("Valdoria ordered Norland to open an embassy in Valdoria.", EventStatus.OCCURRED),
    ],
)
def test_an_infinitive_right_after_its_party_is_planned(
    make_article: Callable[..., Article], text: str, status: EventStatus
) -> None:
    art = make_article(text, "en", HEADLINE_NAMES)
    assert [e.status for e in extract_events(art, "en") if e.type == "OPEN_EMBASSY"] == [status]


NV = {
    "Norland": ("country:NL", EntityType.GPE), "Valdoria": ("country:VD", EntityType.GPE),
    "نورلاند": ("country:NL", EntityType.GPE), "فالدوريا": ("country:VD", EntityType.GPE),
    "נורלנד": ("country:NL", EntityType.GPE), "ולדוריה": ("country:VD", EntityType.GPE),
}


@pytest.mark.parametrize(
    ("text", "lang", "status"),
    [
        ("The Norland president visits Valdoria next week.", "en", EventStatus.PLANNED),
        ("The Norland president visited Valdoria last week.", "en", EventStatus.OCCURRED),
        ("يزور رئيس نورلاند فالدوريا الأسبوع المقبل.", "ar", EventStatus.PLANNED),
        ("زار رئيس نورلاند فالدوريا الأسبوع الماضي.", "ar", EventStatus.OCCURRED),
        ("נשיא נורלנד יבקר בולדוריה בשבוע הבא.", "he", EventStatus.PLANNED),
    ],
)
def test_a_time_to_come_in_the_clause_makes_the_act_planned(
    make_article: Callable[..., Article], text: str, lang: str, status: EventStatus
) -> None:
    visits = [e for e in extract_events(make_article(text, lang, NV), lang) if e.type == "CONSULT"]
    assert visits and visits[0].status is status, visits


def test_an_attempt_is_a_goal_not_a_deed() -> None:
    # "arrived in an effort to seal a truce": the visit happened, the truce deal is still sought
    from dragoman.api import extract

    article = extract(text="The envoy arrived in Amman in an effort to seal a truce deal between Egypt and Sudan.")
    statuses = {e.type: e.status.value for e in article.events}
    assert statuses.get("CONSULT") == "occurred" and statuses.get("AGREE") == "planned", statuses
