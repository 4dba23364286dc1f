"""dragoman.LangId.v1: body-only detection, offline, Arabic-script separation, unsupported languages."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from pydantic import ValidationError

from dragoman.model import Article, Boilerplate, Span
from dragoman.pipeline import InputError, make_stage
from dragoman.stages.langid import LangId, LangIdSettings, detect_language

TEXTS = {
    "ar": "قال وزير الخارجية الإسرائيلي إن أذربيجان حليف استراتيجي مهم لإسرائيل في منطقة القوقاز.",
    "fa": "وزیر امور خارجه اسرائیل گفت که جمهوری آذربایجان یک متحد راهبردی مهم برای اسرائیل در منطقه قفقاز است.",
    "ur": "اسرائیلی وزیر خارجہ نے کہا کہ آذربائیجان قفقاز کے علاقے میں اسرائیل کا ایک اہم اسٹریٹجک اتحادی ہے۔",
    "he": "יועץ הנשיא האזרי ביקר בישראל ונפגש עם ראש הממשלה לדיון מקיף על היחסים בין המדינות.",
    "en": "Azerbaijan is in talks to join the Abraham Accords, three officials said on Tuesday.",
    "ru": "Азербайджан ведёт переговоры о присоединении к Авраамовым соглашениям, заявили чиновники.",
    "tr": "Azerbaycan, İbrahim Anlaşmaları'na katılmak için görüşmeler yürütüyor, dedi yetkililer salı günü.",
}


def _article(text: str, chrome: list[str] | None = None) -> Article:
    art = Article.from_text(text)
    for piece in chrome or []:
        start = text.index(piece)
        art.boilerplate.append(Boilerplate(Span(start, start + len(piece)), "menu"))
    art.provided.add("boilerplate")
    return art


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("language identification tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_detects_each_language(lang: str, no_network: None) -> None:
    found, scores, _ = detect_language(TEXTS[lang])
    assert found == lang
    assert scores[lang] == max(scores.values())


@pytest.mark.parametrize("lang", ["ar", "fa", "ur"])
def test_arabic_script_is_separated_by_lingua(lang: str) -> None:
    # confident=1.0: always ask lingua to re-check an Arabic-script verdict
    found, scores, method = detect_language(TEXTS[lang] * 2, LangIdSettings(confident=1.0))
    assert (found, method) == (lang, "fasttext+lingua")
    assert set(scores) <= {"ar", "fa", "ur"}


@pytest.mark.parametrize(
    ("text", "lang"), [("محادثات في باكو", "ar"), ("שיחות בבאקו", "he"), ("Talks in Baku", "en")]
)
def test_short_texts(text: str, lang: str) -> None:
    found, _, method = detect_language(text)
    assert (found, method) == (lang, "lingua")


def test_stage_sets_language_and_scores(no_network: None) -> None:
    stage = make_stage("dragoman.LangId.v1")
    assert isinstance(stage, LangId)
    art = stage(_article(TEXTS["he"] + "\n" + TEXTS["he"]))
    assert art.language == "he"
    assert art.language_scores["he"] > 0.5
    assert list(art.language_scores) == sorted(art.language_scores, key=lambda k: -art.language_scores[k])


def test_chrome_is_ignored() -> None:
    menu = "\n".join(
        ["Home", "World news", "Sport and culture", "Business", "Contact us", "Subscribe now"] * 3
    )
    text = menu + "\n" + TEXTS["ar"]
    art = LangId()(_article(text, chrome=[menu]))
    assert art.language == "ar"


def test_unsupported_language_names_it() -> None:
    with pytest.raises(InputError) as err:
        LangId()(_article(TEXTS["ru"] * 2))
    assert err.value.kind == "unsupported_language"
    assert "'ru'" in err.value.message
    art = LangId(LangIdSettings(supported=["ar", "he", "en", "ru"]))(_article(TEXTS["ru"] * 2))
    assert art.language == "ru"


def test_no_letters() -> None:
    with pytest.raises(InputError) as err:
        LangId()(_article("12:30 — 2025 / 04 / 26 ... !!!"))
    assert err.value.kind == "empty"


def test_settings_validate_codes() -> None:
    with pytest.raises(ValidationError):
        LangIdSettings(supported=["xx"])
    with pytest.raises(ValidationError):
        LangIdSettings(suported=["ar"])  # type: ignore[call-arg]
