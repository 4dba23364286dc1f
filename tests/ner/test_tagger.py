"""The shipped weights load and tag hand-made sentences plausibly."""

from __future__ import annotations

import json

import pytest

from dragoman.model import EntityType
from dragoman.ner.tagger import LANGUAGES, get_tagger, has_model, labels_to_spans, model_path, tag, tag_spans


@pytest.mark.parametrize("lang", LANGUAGES)
def test_model_shipped_small_with_metrics(lang: str) -> None:
    path = model_path(lang)
    assert has_model(lang)
    assert path.stat().st_size < 8_000_000  # a few MB: fits in git
    metrics = json.loads(path.with_name(f"{lang}.metrics.json").read_text("utf-8"))
    assert metrics["eval_split"] == "test" and metrics["lang"] == lang


def test_arabic_sentence() -> None:
    toks = ["قال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة", "إن", "مصر", "تدعم", "السلام"]
    labels = tag(toks, "ar")
    assert len(labels) == len(toks)
    found = {(toks[a], t) for a, b, t in labels_to_spans(labels)}
    assert ("حسني", EntityType.PERSON) in found
    assert ("مصر", EntityType.GPE) in found  # ANERcorp LOC + a country name -> GPE
    assert labels[0] == "O" and labels[5] == "O"


def test_hebrew_sentence() -> None:
    toks = ["ראש", "הממשלה", "בנימין", "נתניהו", "ביקר", "אתמול", "בירושלים", "ובאקו", "."]
    labels = tag(toks, "he")
    spans = labels_to_spans(labels)
    assert (2, 4, EntityType.PERSON) in spans
    assert any(toks[a] in ("בירושלים", "ובאקו") and t is EntityType.GPE for a, b, t in spans)
    assert labels[0] == "O" and labels[-1] == "O"


def test_scores_are_probabilities_and_empty_sentence() -> None:
    hits = tag_spans(["ראש", "הממשלה", "בנימין", "נתניהו", "אמר"], "he")
    assert hits and all(0.0 < h.score <= 1.0 for h in hits)
    assert tag([], "ar") == []
    assert get_tagger("ar") is get_tagger("ar")  # opened once


def test_unknown_language_is_refused() -> None:
    assert not has_model("fr")
    with pytest.raises(LookupError):
        tag(["Paris"], "fr")
