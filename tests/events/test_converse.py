"""Receiving verbs: "X received a letter from Y" has Y as actor and X as recipient, in each language."""

from __future__ import annotations

import pytest

from dragoman import api


@pytest.mark.parametrize(
    "text",
    [
        "Egyptian President Abdel Fattah el-Sisi received a letter from US President Donald Trump.",
        "تلقى الرئيس المصري عبد الفتاح السيسي رسالة من الرئيس الأمريكي دونالد ترامب.",
        "הנשיא המצרי עבד אל-פתאח א-סיסי קיבל מכתב מנשיא ארצות הברית דונלד טראמפ.",
    ],
)
def test_the_sender_is_the_actor(text: str) -> None:
    evs = [e for e in api.extract(text=text).events if e.type == "CONSULT"]
    assert evs, "no CONSULT event"
    assert evs[0].actors[0] == "person:trump"
    assert "person:trump" not in evs[0].recipients


def test_sending_keeps_its_direction() -> None:
    text = "بعث الرئيس الأمريكي دونالد ترامب رسالة إلى الرئيس المصري عبد الفتاح السيسي."
    evs = [e for e in api.extract(text=text).events if e.type == "CONSULT"]
    assert evs and evs[0].actors[0] == "person:trump" and "person:sisi" in evs[0].recipients
