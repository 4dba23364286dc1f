"""The shipped stance models load, score and explain offline."""

from __future__ import annotations

import numpy as np
import pytest

from dragoman.framing.stance_model import LABELS, load_model


@pytest.mark.parametrize("lang", ["ar", "he", "en"])
def test_shipped_model_scores_are_probabilities(lang: str) -> None:
    model = load_model(lang)
    assert model is not None, f"no shipped stance model for {lang}"
    assert model.weights.shape == (len(model.rows), len(LABELS))
    assert np.all(np.diff(model.rows) > 0)  # sorted, unique: lookups bisect
    text = {"ar": "قصف الاحتلال مخيم النصيرات", "he": "המחבלים ירו רקטות על אשקלון", "en": "Terrorists fired rockets"}[lang]
    p = model.scores(text)
    assert p.shape == (len(LABELS),) and abs(float(p.sum()) - 1.0) < 1e-6
    assert "trained_on" in model.meta and "settings" in model.meta
    for span, weight in model.explain(text, LABELS[int(np.argmax(p))]):
        assert 0 <= span.start < span.end <= len(text) and weight > 0


def test_wording_the_lexicon_knows_moves_the_model() -> None:
    # The lexicon feature for wording aimed at Israel pushes toward 'against Israel' in every language.
    for lang, plain, loaded in [("ar", "قالت إسرائيل", "قال الكيان الصهيوني"), ("en", "Israel said", "the Zionist regime said")]:
        model = load_model(lang)
        assert model is not None
        k = LABELS.index("against_israel")
        assert model.scores(loaded)[k] > model.scores(plain)[k]


def test_framing_all_is_complete() -> None:
    import importlib

    mod = importlib.import_module("dragoman.framing")
    exported = set(mod.__all__)
    assert all(hasattr(mod, n) for n in exported)
    public = {n for n, v in vars(mod).items() if not n.startswith("_") and not isinstance(v, type(importlib))}
    assert public - {"annotations"} <= exported, sorted(public - exported)
