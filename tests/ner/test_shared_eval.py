"""Scores of the shipped models on the gold test splits (needs ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dragoman_training.ner import datasets

from dragoman.ner.tagger import model_path


def _shared() -> Path:
    try:
        return datasets.datasets_dir()
    except datasets.DatasetsMissing as exc:
        pytest.skip(f"../shared/datasets absent: {exc}")


@pytest.mark.shared
@pytest.mark.slow
def test_eval_suite_matches_model_cards_and_beats_gazetteer() -> None:
    from dragoman_training.eval.ner import run

    metrics = run(_shared(), neural_tagger=False)  # minutes on one core: `make eval` scores it
    for lang, corpus in (("ar", "anercorp"), ("he", "nemo")):
        card = json.loads(model_path(lang).with_name(f"{lang}.metrics.json").read_text("utf-8"))
        # the shipped weights give exactly the scores recorded when they were trained
        assert metrics[f"{corpus}_f1"] == pytest.approx(card["scores"][f"{corpus}_f1"], abs=0.01)
        assert metrics[f"{corpus}_f1"] > metrics[f"{corpus}_gazetteer_f1"] + 20
    assert metrics["anercorp_gold"] == 2285 and metrics["nemo_gold"] == 932
    assert {"anercorp_f1_PERS", "anercorp_f1_LOC", "nemo_f1_PER", "nemo_f1_GPE"} <= set(metrics)
    assert metrics["ner_tokens_per_s"] > 5000
