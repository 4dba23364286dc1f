"""A state's institution the KB does not know is glossed from its common words and the state's adjective."""

from __future__ import annotations

import pytest

import dragoman
from dragoman.link.rules import rules_for


def _orgs(text: str) -> list[str]:
    return [e.canonical for e in dragoman.extract(text=text).entities if e.type.value == "ORG"]


@pytest.mark.parametrize(
    ("text", "gloss"),
    [
        ("وقالت وزارة الدفاع المصرية إن التدريبات انتهت.", "Egyptian Defence Ministry"),
        ("أعلنت السفارة الأردنية في لندن إغلاق أبوابها.", "Jordanian Embassy"),
        ("משרד החוץ הירדני פרסם הודעה על כך הבוקר.", "Jordanian Foreign Ministry"),
        ("השגרירות המצרית בתל אביב נסגרה אתמול.", "Egyptian Embassy"),
        # a construct before the state's name: the government of Libya
        ("ממשלת לוב פרסמה הודעה על כך הבוקר.", "Libyan Government"),
    ],
)
def test_institution_words_and_the_state_adjective(text: str, gloss: str) -> None:
    assert _orgs(text) == [gloss]


def test_a_state_without_an_english_adjective_in_the_data_is_named() -> None:
    # lang/data/en/demonyms.yaml has no adjective for Iceland: the state's name follows the institution
    assert _orgs("وقالت وزارة الخارجية الأيسلندية إن المحادثات انتهت.") == ["Foreign Ministry of Iceland"]


def test_unknown_institution_words_stay_with_the_romaniser() -> None:
    # هيئة الموانئ ("the ports authority") is not in the data: no half-translated gloss is made up
    (gloss,) = _orgs("وقالت هيئة الموانئ التركية إن السفن غادرت.")
    assert "Authority" not in gloss and gloss.isascii() and gloss.endswith("al-Tarakia")


def test_every_language_that_lists_institutions_folds_its_keys() -> None:
    for lang in ("ar", "he"):
        inst = rules_for(lang).institutions
        assert inst and all(k == " ".join(k.split()) for k in inst)
    assert rules_for("en").institutions == {}
