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


def test_consistency_carries_a_confident_name_to_its_bare_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.ner import tagger
    from dragoman.ner.tagger import TaggedSpan

    # A tagger that knows the name only after the title, as taggers often do.
    def tag_spans(words: list[str], lang: str) -> list[TaggedSpan]:
        return [
            TaggedSpan(i, i + 1, EntityType.PERSON, "PERS", 0.97)
            for i, w in enumerate(words)
            if w == "حاجييف" and i and words[i - 1] == "المستشار"
        ]

    monkeypatch.setattr(tagger, "tag_spans", tag_spans)
    text = "قال المستشار حاجييف إن باكو مستعدة. وأكد لحاجييف مسؤول آخر ذلك."
    plain = Ner(NerSettings(consistency=None))(_article(text, "ar"))
    assert [plain.span_text(m.span) for m in plain.mentions] == ["حاجييف"]
    art = Ner(NerSettings(consistency=0.8))(_article(text, "ar"))
    found = sorted(art.span_text(m.span) for m in art.mentions if m.type is EntityType.PERSON)
    assert found == ["حاجييف", "لحاجييف"]  # the repeat with its proclitic, as one token
    assert all(m.score == 0.97 for m in art.mentions)
    # A doubtful first sighting is not carried.
    assert len(Ner(NerSettings(consistency=0.99))(_article(text, "ar")).mentions) == 1


def test_consistency_leaves_names_an_earlier_stage_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.ner import tagger
    from dragoman.ner.tagger import TaggedSpan

    def tag_spans(words: list[str], lang: str) -> list[TaggedSpan]:  # sure of the first "إبراهيم" only
        return [TaggedSpan(1, 2, EntityType.PERSON, "PERS", 0.95)] if words[:2] == ["قال", "إبراهيم"] else []

    monkeypatch.setattr(tagger, "tag_spans", tag_spans)
    text = "قال إبراهيم ذلك. ووقعت اتفاقيات إبراهيم أمس. ثم غادر إبراهيم."
    art = _article(text, "ar")
    start = text.index("اتفاقيات")
    accords = Mention(Span(start, start + len("اتفاقيات إبراهيم")), EntityType.AGREEMENT, source="gazetteer")
    art.mentions.append(accords)
    Ner(NerSettings(consistency=0.8))(art)
    persons = [m.span.start for m in art.mentions if m.type is EntityType.PERSON]
    assert len(persons) == 2 and all(not (accords.span.start <= p < accords.span.end) for p in persons)
    # Tokens a mention overlaps, including one that starts and ends inside a token.
    bare = _article(text, "ar")
    bare.mentions = [accords, Mention(Span(2, 3), EntityType.ORG)]
    assert [i for i, c in enumerate(bare.covered_tokens()) if c] == [0, 5, 6]
