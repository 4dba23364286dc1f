"""NER quality of the shipped models on the gold test splits.

ANERcorp (CAMeL Lab test split, CoNLL exact-span F1) and NEMO (SPMRL test
split, token-single, mention multisets as its authors score them), each
next to a gazetteer-only baseline so the model's gain is visible.  Scores
are percentages; ``ner_tokens_per_s`` is single-core tagging speed with
feature extraction included.
"""

from __future__ import annotations

import pathlib

from dragoman.ner import datasets
from dragoman.ner.evaluate import flat, gazetteer_labeller, run_labeller, score, table
from dragoman.ner.tagger import get_tagger

# (language, corpus, loader of its test split)
_SUITES = (("ar", "anercorp"), ("he", "nemo"))


def run(shared: pathlib.Path) -> dict[str, float]:
    """Metrics of the shipped taggers; raises ``DatasetsMissing`` without the gold data."""
    root = datasets.datasets_dir(shared)
    out: dict[str, float] = {}
    tokens = 0
    seconds = 0.0
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
    out["ner_tokens_per_s"] = round(tokens / seconds) if seconds else 0.0
    print(f"tagging speed: {out['ner_tokens_per_s']:.0f} tokens/s (one core, features included)")
    return out


if __name__ == "__main__":
    import sys

    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
