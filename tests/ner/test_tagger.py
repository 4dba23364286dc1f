"""The shipped weights load and tag hand-made sentences plausibly."""

from __future__ import annotations

import json
from pathlib import Path

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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_attributes_read_from_the_model_file_are_the_dumps_state_features(lang: str) -> None:
    # ``known`` reads the model's attribute dictionary instead of dumping the model (pycrfsuite's
    # dump closes its descriptor twice, which broke concurrent Dask workers); both must agree.
    from dragoman.ner.tagger import CrfTagger, _model_attributes

    tagger = CrfTagger(model_path(lang), lang)
    attrs = _model_attributes(model_path(lang))
    assert attrs is not None and len(attrs) == len(set(attrs)) > 10_000
    assert set(attrs) == set(tagger._dumped_attributes())
    assert tagger.known == {a: a.encode("utf-8") for a in attrs}


def test_unreadable_model_layout_falls_back_to_the_dump(tmp_path: Path) -> None:
    from dragoman.ner.tagger import _model_attributes

    bogus = tmp_path / "x.crfsuite"
    bogus.write_bytes(b"not a model at all, just bytes" * 4)
    assert _model_attributes(bogus) is None
    truncated = tmp_path / "cut.crfsuite"
    truncated.write_bytes(model_path("ar").read_bytes()[:100_000])
    assert _model_attributes(truncated) is None
