"""Described actors: unnamed sources and groups, with span, head, affiliation and count (own sentences)."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from dragoman.events.described import DescribedData, described_rules, find_described
from dragoman.lang import load_resource
from dragoman.model import Article, DescribedKind, Entity, EntityType, Mention, MentionKind, Span
from dragoman.text import sentence_spans, tokenize

# name -> (entity id, type, kind)
Names = dict[str, tuple[str, EntityType, MentionKind]]


def _article(text: str, lang: str, names: Names | None = None) -> Article:
    art = Article.from_text(text)
    art.language = lang
    art.sentences = sentence_spans(text)
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    for name, (eid, etype, kind) in (names or {}).items():
        for m in re.finditer(re.escape(name), text):
            start = m.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1  # proclitics glued to the name
            art.mentions.append(
                Mention(Span(start, m.end()), etype, kind, kb_id=eid, head=Span(m.start(), m.end()))
            )
    art.mentions.sort(key=lambda m: m.span.start)
    ents: dict[str, Entity] = {}
    for i, m in enumerate(art.mentions):
        assert m.kb_id
        ents.setdefault(m.kb_id, Entity(m.kb_id, m.kb_id, m.type)).mentions.append(i)
    art.entities = list(ents.values())
    return art


NISBA = MentionKind.NISBA
GPE = EntityType.GPE


@pytest.mark.parametrize("lang", ["ar", "he", "en"])
def test_every_language_has_described_data(lang: str) -> None:
    data = load_resource(lang, "described", DescribedData)
    assert data is not None and data.nouns
    assert described_rules(lang) is not None


def test_arabic_source_with_nisba_and_qualifier_and_a_later_reference() -> None:
    text = "قال مصدر مصري مطلع إن الوفد غادر القاهرة مساء أمس. وأضاف المصدر أن المحادثات ستستأنف قريبا."
    art = _article(text, "ar", {"مصري": ("country:EG", GPE, NISBA)})
    (d,) = find_described(art, "ar")
    assert d.kind is DescribedKind.ANONYMOUS and d.affiliation == "country:EG" and not d.plural
    assert [art.span_text(s) for s in d.mentions] == ["مصدر مصري مطلع", "المصدر"]
    assert art.span_text(d.head) == "مصدر"


def test_arabic_dual_carries_its_count() -> None:
    art = _article("وأكد مصدران دبلوماسيان أن الاجتماع تأجل.", "ar")
    (d,) = find_described(art, "ar")
    assert d.count == 2 and d.plural


def test_an_ordinary_noun_is_no_source() -> None:
    # مصدر "source of", مسؤول "responsible": no qualifier, no nisba, no verb of saying beside them
    art = _article("يعد النفط مصدر الدخل الأول للبلاد، والحكومة مسؤول عن توزيعه.", "ar")
    assert find_described(art, "ar") == []


def test_hebrew_count_nisba_and_relative_qualifier() -> None:
    text = "כך מסרו שני גורמים ירדנים הבקיאים בפרטים לכתב שלנו."
    art = _article(text, "he", {"ירדנים": ("country:JO", GPE, NISBA)})
    (d,) = find_described(art, "he")
    assert art.span_text(d.mentions[0]) == "שני גורמים ירדנים הבקיאים בפרטים"
    assert (d.count, d.affiliation, d.kind) == (2, "country:JO", DescribedKind.ANONYMOUS)


def test_hebrew_group_with_a_glued_place() -> None:
    text = "כלי תקשורת באיראן דיווחו כי השיחות יימשכו בשבוע הבא."
    art = _article(text, "he", {"איראן": ("country:IR", GPE, MentionKind.NAME)})
    (d,) = find_described(art, "he")
    assert d.kind is DescribedKind.GROUP and d.affiliation == "country:IR"
    assert art.span_text(d.mentions[0]) == "כלי תקשורת באיראן"


def test_english_demonym_before_and_relative_phrase_after() -> None:
    text = "A senior Israeli official said the talks were advanced. Officials familiar with the talks agreed."
    art = _article(text, "en", {"Israeli": ("country:IL", GPE, NISBA)})
    first, second = find_described(art, "en")
    assert (
        art.span_text(first.mentions[0]) == "A senior Israeli official" and first.affiliation == "country:IL"
    )
    assert art.span_text(second.mentions[0]) == "Officials familiar with the talks" and second.plural


def test_a_description_followed_by_a_name_is_a_title() -> None:
    text = "Senior official Dana Rosh said the embassy would open soon."
    art = _article(text, "en", {"Dana Rosh": ("person:rosh", EntityType.PERSON, MentionKind.NAME)})
    assert find_described(art, "en") == []


def test_described_schema_rejects_unknown_keys_and_kinds() -> None:
    with pytest.raises(ValidationError):
        DescribedData.model_validate({"nouns": [{"words": ["source"], "gloss": "source", "kind": "crowd"}]})
    with pytest.raises(ValidationError):
        DescribedData.model_validate({"nouns": [], "qualifier_after": ["senior"]})
