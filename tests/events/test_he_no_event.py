"""Hebrew trigger words that tell no new event where they stand: after a word of absence or a
frame noun, the definite mediators, asking to do another act, and the object of a verb of referring."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.events.extract import extract_events, find_hits
from dragoman.model import Article, EntityType

GPE = EntityType.GPE
NAMES = {"ולדוריה": ("country:VD", GPE), "נורלנד": ("country:NL", GPE)}


def _types(art: Article) -> list[str]:
    return [h.event.type for h in find_hits(art, "he")]


@pytest.mark.parametrize(
    ("absent", "present"),
    [
        ("בהיעדר שיתוף פעולה בין ולדוריה לנורלנד, המשבר החריף.", "שיתוף פעולה בין ולדוריה לנורלנד החל אמש."),
        ("הממשלה פעלה ללא שיתוף פעולה עם נורלנד.", "הממשלה פעלה בשיתוף פעולה עם נורלנד."),
        ("ולדוריה הצטרפה למסגרת שיתוף הפעולה האזורית.", "ולדוריה הודיעה על שיתוף הפעולה עם נורלנד."),
    ],
)
def test_a_word_of_absence_or_a_frame_noun_before_the_trigger_leaves_no_event(
    make_article: Callable[..., Article], absent: str, present: str
) -> None:
    assert "COOPERATE" not in _types(make_article(absent, "he", NAMES))
    assert "COOPERATE" in _types(make_article(present, "he", NAMES))


def test_the_definite_mediators_are_people_not_talks(make_article: Callable[..., Article]) -> None:
    art = make_article("ולדוריה קיבלה את ההצעה שהגישו המתווכות.", "he", NAMES)
    assert "CONSULT" not in _types(art)
    assert "CONSULT" in _types(make_article("נורלנד מתווכת בין הצדדים.", "he", NAMES))


def test_asking_to_join_is_the_joining_and_asking_alone_a_request(make_article: Callable[..., Article]) -> None:
    seeking = make_article("מדינות רבות מבקשות להצטרף לברית.", "he", NAMES)
    assert _types(seeking) == ["ACCEDE"]
    asking = make_article("ולדוריה ביקשה מנורלנד עזרה דחופה.", "he", NAMES)
    assert _types(asking) == ["REQUEST"]


def test_the_object_of_a_verb_of_referring_restates_the_act_told_before(make_article: Callable[..., Article]) -> None:
    # the body that refers to the visit is no party of it, so only the verb of referring folds the telling
    text = "שר החוץ של ולדוריה ביקר אמש בנורלנד. גם משרד החוץ של ארגנטה התייחס לביקור והודיע על צעדים."
    art = make_article(text, "he", NAMES | {"ארגנטה": ("country:AG", GPE)})
    assert [h.event.type for h in find_hits(art, "he")].count("CONSULT") == 2  # two tellings
    visits = [e for e in extract_events(art, "he") if e.type == "CONSULT"]
    assert len(visits) == 1
    assert [art.span_text(sp) for sp in visits[0].evidence][1].startswith("גם משרד החוץ של ארגנטה התייחס")
