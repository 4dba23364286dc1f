"""A definite title takes no state's name in construct; a generated adjective never spells a country's
name; the accusative adjective (مصريا) names its state. Our own sentences, read by the default pipeline."""

from __future__ import annotations

import pytest

from dragoman.api import extract
from dragoman.model import MentionKind


def _titles(text: str) -> list[tuple[str, str | None]]:
    a = extract(text=text)
    return [(a.span_text(m.span), m.kb_id) for m in a.mentions if m.kind is MentionKind.TITLE]


@pytest.mark.parametrize(
    ("text", "state", "expected"),
    [
        # "the president visited Russia": a definite title followed by a state's name is no construct
        ("زار الرئيس روسيا الأسبوع الماضي.", "روسيا", None),
        # the construct without the article, and the adjective, name the state
        ("التقى رئيس روسيا نظيره.", "روسيا", ("رئيس روسيا", "role:president@country:RU")),
        ("التقى الرئيس الروسي نظيره.", "الروسي", ("الرئيس الروسي", "role:president@country:RU")),
        # "Foreign Minister Israel Katz": the name after the title is a person's, not the state's
        ('שר החוץ ישראל כ"ץ נפגש עם עמיתו.', "ישראל", None),
        # with "של" (of) between, a definite title takes the state
        ("שר החוץ של עומאן נפגש עם עמיתו.", "עומאן", ("שר החוץ של עומאן", "role:foreign_minister@country:OM")),
    ],
)
def test_a_definite_title_is_in_no_construct_with_a_name(
    text: str, state: str, expected: tuple[str, str] | None
) -> None:
    got = _titles(text)
    if expected is not None:
        assert expected in got, got
    else:
        assert all(state not in span for span, _ in got), got  # before: "الرئيس روسيا" was one title


def test_the_accusative_adjective_names_its_state_but_no_country_name_is_an_adjective() -> None:
    a = extract(text="رفضت إسرائيل مقترحا مصريا لوقف إطلاق النار.")
    assert ("مصريا", MentionKind.NISBA, "country:EG") in [(a.span_text(m.span), m.kind, m.kb_id) for m in a.mentions]
    b = extract(text="زارت الوزيرة روسيا وتركيا.")
    kinds = {a_.kind for a_ in b.mentions if b.span_text(a_.span) in ("روسيا", "وتركيا")}
    assert kinds == {MentionKind.NAME}


@pytest.mark.parametrize(
    ("word", "state"),
    [
        # curated: adjectives no rule derives from the country's name
        ("البيروفي", "country:PE"),
        ("النمساوية", "country:AT"),
        ("الأفغاني", "country:AF"),
        ("الطاجيكي", "country:TJ"),
        ("التوغولي", "country:TG"),
        ("الكازاخي", "country:KZ"),
        ("الأوزبكية", "country:UZ"),
        ("القيرغيزي", "country:KG"),
        ("المجرية", "country:HU"),
        ("الدنماركي", "country:DK"),
        ("האפגני", "country:AF"),
        ("הטג'יקי", "country:TJ"),
        ("הקזחית", "country:KZ"),
        ("האוזבקי", "country:UZ"),
        ("הקירגיזים", "country:KG"),
        ("הפרואני", "country:PE"),
        # derived: the hamza of ألمانيا is no article to cut (it folds to ال)
        ("الألماني", "country:DE"),
        ("الألبانية", "country:AL"),
    ],
)
def test_irregular_and_short_adjectives_name_their_state(word: str, state: str) -> None:
    arabic = "\u0600" <= word[0] <= "\u06ff"
    text = f"وقال المسؤول {word} إن الاجتماع كان مثمرا." if arabic else f"הגורם {word} אמר כי הפגישה הייתה פורייה."
    a = extract(text=text)
    assert (word, MentionKind.NISBA, state) in [(a.span_text(m.span), m.kind, m.kb_id) for m in a.mentions]


def test_an_adjective_that_spells_a_common_word_is_left_out() -> None:
    # مجري folds to مجرى ("course"): only the feminine and plural forms are Hungarian
    a = extract(text="تغير مجرى الأحداث بعد الاجتماع.")
    assert all(m.kind is not MentionKind.NISBA for m in a.mentions)


def test_demonyms_of_a_country_the_kb_lacks_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.kb import loader
    from dragoman.kb.langdata import Demonyms

    bad = Demonyms(demonyms={"XX": ["نورلاندي"]})
    monkeypatch.setattr(loader, "demonyms", lambda lang: bad if lang == "ar" else None)
    with pytest.raises(loader.KbError, match="XX"):
        loader.build_kb()
