"""NER quality of the shipped models on the gold test splits.

ANERcorp (CAMeL Lab test split, CoNLL exact-span F1) and NEMO (SPMRL test
split, token-single, mention multisets as its authors score them): the
default pipeline's CRF (``<corpus>_*``) next to a gazetteer-only baseline so
the model's gain is visible, and the neural tagger of the ``accurate``
pipeline (``<corpus>_neural_*``) when its weights and encoder are installed.
Each is scored as its pipeline runs it, with the NER stage's document-level
consistency pass where that pipeline turns it on (``..._sentence_f1``: the
same tagger sentence by sentence).  Scores are percentages;
``ner_tokens_per_s`` is the default (CRF) tagger's single-core speed with
feature extraction included; ``ner_neural_tokens_per_s`` the neural one's per
CPU second (numpy's BLAS may spread the encoder over several cores without
finishing sooner, which halves this figure on two cores; see the model card).
"""

from __future__ import annotations

import pathlib
import time
from collections.abc import Sequence
from typing import Protocol

from dragoman.ner import neural
from dragoman.ner.tagger import get_tagger
from dragoman_training.ner import datasets
from dragoman_training.ner.evaluate import (
    EVAL_WINDOW,
    consistent_labels,
    flat,
    gazetteer_labeller,
    pipeline_consistency,
    run_labeller,
    score,
    table,
)

# (language, corpus, loader of its test split)
_SUITES = (("ar", "anercorp"), ("he", "nemo"))


def run(shared: pathlib.Path, neural_tagger: bool = True) -> dict[str, float]:
    """Metrics of the shipped taggers; raises ``DatasetsMissing`` without the gold data.

    ``neural_tagger=False`` leaves out the neural tagger, which takes minutes rather than seconds.
    Each tagger is scored as its shipped pipeline runs it: with the NER stage's document-level
    consistency pass where that pipeline's config turns it on.
    """
    root = datasets.datasets_dir(shared)
    out: dict[str, float] = {}
    tokens = neural_tokens = 0
    seconds = neural_seconds = 0.0
    for lang, corpus in _SUITES:
        test = datasets.anercorp(root, "test") if corpus == "anercorp" else datasets.nemo(root, "test")
        n = sum(len(s.tokens) for s in test)
        crf_seconds = _score(get_tagger(lang), lang, corpus, test, None, "CRF", out)
        gaz_pred, _ = run_labeller(gazetteer_labeller(lang, corpus), test)
        gaz = score(corpus, test, gaz_pred)
        print(table(f"{corpus} test ({lang}, gazetteer only)", gaz))
        out.update(flat(f"{corpus}_gazetteer", gaz))
        tokens += n
        seconds += crf_seconds
        if neural_tagger and neural.has_model(lang):
            try:
                tagger = neural.get_tagger(lang)
                tagger.encoder  # noqa: B018 - load the encoder now: its absence is a skip, not a failure
            except RuntimeError as exc:
                print(f"{corpus} test ({lang}, neural): skipped, {exc}")
                continue
            label = "neural: BiLSTM-CRF over multilingual-e5-small"
            neural_seconds += _score(tagger, lang, corpus, test, "accurate", label, out)
            neural_tokens += n
    out["ner_tokens_per_s"] = round(tokens / seconds) if seconds else 0.0
    print(f"tagging speed: {out['ner_tokens_per_s']:.0f} tokens/s (CRF, one core, features included)")
    if neural_seconds:
        out["ner_neural_tokens_per_s"] = round(neural_tokens / neural_seconds)
        print(f"tagging speed: {out['ner_neural_tokens_per_s']:.0f} tokens/s (neural, encoder included)")
    return out


class _Tagger(Protocol):
    def spans_with_scores(self, tokens: Sequence[str]) -> list[tuple[int, int, str, float]]: ...


def _score(
    tagger: _Tagger, lang: str, corpus: str, test: list[datasets.Sentence], config: str | None, label: str,
    out: dict[str, float],
) -> float:
    """Score one tagger as pipeline ``config`` runs it; returns the CPU seconds tagging took.

    Keys: ``<corpus>[_neural]_*`` as the pipeline runs it, ``..._sentence_f1`` sentence by
    sentence without the consistency pass, ``..._tokens_per_s`` (one core, CPU time).
    """
    prefix = corpus if config is None else f"{corpus}_neural"
    tokens = [s.tokens for s in test]
    tagger.spans_with_scores(tokens[0][:1])  # the first call loads weights: not per-token speed
    t0 = time.process_time()
    found = [tagger.spans_with_scores(t) for t in tokens]
    seconds = time.process_time() - t0
    alone = score(corpus, test, consistent_labels(tokens, found, lang, None))
    window = pipeline_consistency(config)
    if window is None:
        scores, how = alone, "sentence by sentence"
    else:
        scores = score(corpus, test, consistent_labels(tokens, found, lang, window))
        how = f"document consistency over {EVAL_WINDOW} sentences either side"
        print(f"{corpus} {label}, sentence by sentence (no consistency pass): F1 {100 * alone['ALL'].f1:.2f}")
    print(table(f"{corpus} test ({lang}, {label}, {how})", scores))
    out.update(flat(prefix, scores))
    out[f"{prefix}_sentence_f1"] = round(100 * alone["ALL"].f1, 2)
    n = sum(len(t) for t in tokens)
    out[f"{prefix}_tokens_per_s"] = round(n / seconds) if seconds else 0.0
    return seconds


if __name__ == "__main__":
    import sys

    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
