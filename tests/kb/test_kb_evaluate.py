"""The gazetteer's gold-data check: span reconstruction offline, the real run only with ../shared."""

from __future__ import annotations

from pathlib import Path

from dragoman_training.kb.evaluate import _gold, evaluate
from dragoman_training.ner.datasets import Sentence


def test_gold_spans_from_iob2_and_biose() -> None:
    text, spans = _gold(
        Sentence(("قال", "دونالد", "ترامب", "في", "واشنطن"), ("O", "B-PERS", "I-PERS", "O", "B-LOC"))
    )
    assert [(text[s.start : s.end], t) for s, t in spans] == [("دونالد ترامب", "PERS"), ("واشنطن", "LOC")]
    text, spans = _gold(Sentence(("נתניהו", "ביקר", "בבאקו"), ("S-PER", "O", "S-GPE")))
    assert [(text[s.start : s.end], t) for s, t in spans] == [("נתניהו", "PER"), ("בבאקו", "GPE")]


def test_precision_on_a_hand_made_sentence() -> None:
    sent = Sentence(("זלנסקי", "האשים", "את", "באקו", "ומוסקבה"), ("S-PER", "O", "O", "S-GPE", "O"))
    scores = evaluate([sent], "he")
    assert scores["metonym_mentions"] == 2 and scores["metonym_precision"] == 0.5
    assert scores["name_precision"] == 1.0 and scores["gold_person_place_covered"] == 1.0


def test_name_precision_floor_on_gold_corpora(datasets_dir: Path) -> None:
    from dragoman_training.ner.datasets import anercorp, nemo

    # Floors measured 2026-11 (ANERcorp 0.966, NEMO 0.887); most misses are gold gaps or sports teams.
    assert evaluate(anercorp(datasets_dir, "test"), "ar")["name_precision"] >= 0.95
    assert evaluate(nemo(datasets_dir, "test"), "he")["name_precision"] >= 0.85
