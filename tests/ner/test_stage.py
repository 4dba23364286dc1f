"""The NER stage on hand-built articles."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dragoman.model import Article, Boilerplate, EntityType, Mention, Span
from dragoman.pipeline import make_stage, registry
from dragoman.stages.ner import Ner, NerSettings
from dragoman.text import sentence_spans, tokenize


def _article(text: str, lang: str, boilerplate: list[Boilerplate] | None = None) -> Article:
    art = Article.from_text(text)
    art.language = lang
    art.boilerplate = boilerplate or []
    art.sentences = sentence_spans(text)
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    return art


HE = "ראש הממשלה בנימין נתניהו ביקר אתמול בירושלים.\nקראו עוד: ראש הממשלה בנימין נתניהו"


def test_registered_with_layers() -> None:
    spec = registry()["dragoman.NER.v1"]
    assert spec.provides == frozenset({"mentions"})
    assert {"tokens", "sentences", "boilerplate", "language"} <= spec.requires
    with pytest.raises(ValidationError):
        make_stage("dragoman.NER.v1", {"min_scor": 0.5})


def test_hebrew_mentions_point_into_text_and_skip_boilerplate() -> None:
    cut = HE.index("\n")
    art = _article(HE, "he", [Boilerplate(Span(cut + 1, len(HE)), "related links")])
    Ner()(art)
    assert art.mentions, "expected at least one mention"
    assert all(m.source == "ner" and m.kb_id is None and 0 < m.score <= 1 for m in art.mentions)
    assert all(m.span.end <= cut for m in art.mentions)  # nothing from the boilerplate line
    persons = [art.span_text(m.span) for m in art.mentions if m.type is EntityType.PERSON]
    assert "בנימין נתניהו" in persons


def test_appends_without_exact_duplicates() -> None:
    art = _article("ראש הממשלה בנימין נתניהו ביקר אתמול בירושלים.", "he")
    start = art.text.index("בנימין")
    pre = Mention(Span(start, start + len("בנימין נתניהו")), EntityType.PERSON, source="gazetteer")
    art.mentions.append(pre)
    Ner()(art)
    assert art.mentions[0] is pre
    same = [m for m in art.mentions if m.span == pre.span and m.type is pre.type]
    assert len(same) == 1


def test_arabic_and_min_score() -> None:
    text = "قال الرئيس المصري حسني مبارك في القاهرة إن مصر تدعم السلام."
    art = Ner()(_article(text, "ar"))
    assert any(m.type is EntityType.PERSON and "مبارك" in art.span_text(m.span) for m in art.mentions)
    strict = Ner(NerSettings(min_score=1.0))(_article(text, "ar"))
    assert len(strict.mentions) < len(art.mentions)


def test_language_without_model_passes_through() -> None:
    art = _article("President Macron visited Paris.", "en")
    assert Ner()(art).mentions == []
