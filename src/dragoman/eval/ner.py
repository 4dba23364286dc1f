"""NER quality of the shipped models on the gold test splits.

ANERcorp (CAMeL Lab test split, CoNLL exact-span F1) and NEMO (SPMRL test
split, token-single, mention multisets as its authors score them), each
next to a gazetteer-only baseline so the model's gain is visible, and the
neural tagger of the ``accurate`` pipeline (``<corpus>_neural_*``) when its
weights and encoder are installed, with the document-level consistency pass the
pipeline runs (``<corpus>_neural_sentence_f1``: the same tagger without it).  Scores are percentages;
``ner_tokens_per_s`` is the default (CRF) tagger's single-core speed with
feature extraction included; ``ner_neural_tokens_per_s`` the neural one's.
"""

from __future__ import annotations

import pathlib
import time

from dragoman.ner import datasets, neural
from dragoman.ner.consistency import Consistency
from dragoman.ner.evaluate import (
    EVAL_WINDOW,
    consistent_labels,
    flat,
    gazetteer_labeller,
    run_labeller,
    score,
    table,
)
from dragoman.ner.tagger import get_tagger

# (language, corpus, loader of its test split)
_SUITES = (("ar", "anercorp"), ("he", "nemo"))


def run(shared: pathlib.Path, neural_tagger: bool = True) -> dict[str, float]:
    """Metrics of the shipped taggers; raises ``DatasetsMissing`` without the gold data.

    ``neural_tagger=False`` leaves out the neural tagger, which takes minutes rather than seconds.
    """
    root = datasets.datasets_dir(shared)
    out: dict[str, float] = {}
    tokens = neural_tokens = 0
    seconds = neural_seconds = 0.0
    for lang, corpus in _SUITES:
        test = datasets.anercorp(root, "test") if corpus == "anercorp" else datasets.nemo(root, "test")
        pred, tps = run_labeller(get_tagger(lang).labels, test)
        scores = score(corpus, test, pred)
        gaz_pred, _ = run_labeller(gazetteer_labeller(lang, corpus), test)
        gaz = score(corpus, test, gaz_pred)
        print(table(f"{corpus} test ({lang}, CRF)", scores))
        print(table(f"{corpus} test ({lang}, gazetteer only)", gaz))
        out.update(flat(corpus, scores))
        out.update(flat(f"{corpus}_gazetteer", gaz))
        n = sum(len(s.tokens) for s in test)
        out[f"{corpus}_tokens_per_s"] = round(tps)
        tokens += n
        seconds += n / tps if tps else 0.0
        if neural_tagger and neural.has_model(lang):
            neural_seconds += _neural(lang, corpus, test, out)
            neural_tokens += n
    out["ner_tokens_per_s"] = round(tokens / seconds) if seconds else 0.0
    print(f"tagging speed: {out['ner_tokens_per_s']:.0f} tokens/s (CRF, one core, features included)")
    if neural_seconds:
        out["ner_neural_tokens_per_s"] = round(neural_tokens / neural_seconds)
        print(f"tagging speed: {out['ner_neural_tokens_per_s']:.0f} tokens/s (neural, encoder included)")
    return out


def _neural(lang: str, corpus: str, test: list[datasets.Sentence], out: dict[str, float]) -> float:
    """Score the accurate pipeline's tagger; returns the CPU seconds it took."""
    try:
        tagger = neural.get_tagger(lang)
        tagger.encoder  # noqa: B018 - load the encoder now: its absence is a skip, not a failure
    except RuntimeError as exc:
        print(f"{corpus} test ({lang}, neural): skipped, {exc}")
        return 0.0
    tokens = [s.tokens for s in test]
    tagger.spans_with_scores(tokens[0][:1])  # first call loads the encoder: not per-token speed
    t0 = time.process_time()
    found = [tagger.spans_with_scores(t) for t in tokens]
    seconds = time.process_time() - t0
    alone = score(corpus, test, consistent_labels(tokens, found, lang, None))
    window = Consistency(window=EVAL_WINDOW)
    scores = score(corpus, test, consistent_labels(tokens, found, lang, window))
    title = f"{corpus} test ({lang}, neural: BiLSTM-CRF over multilingual-e5-small"
    print(table(f"{title}, document consistency over {EVAL_WINDOW} sentences either side)", scores))
    print(f"{corpus} neural, sentence by sentence (no consistency pass): F1 {100 * alone['ALL'].f1:.2f}")
    out.update(flat(f"{corpus}_neural", scores))
    out[f"{corpus}_neural_sentence_f1"] = round(100 * alone["ALL"].f1, 2)
    n = sum(len(t) for t in tokens)
    out[f"{corpus}_neural_tokens_per_s"] = round(n / seconds) if seconds else 0.0
    return seconds


if __name__ == "__main__":
    import sys

    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
