"""Score a tagger (or the gazetteer-only baseline) on the gold test splits.

Shared by ``train`` (fresh weights) and ``dragoman_training.eval.ner`` (shipped
weights) so both report the same numbers the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from dragoman.ner.consistency import Consistency, propagate
from dragoman.ner.features import gazetteer_matches
from dragoman.ner.scoring import PRF, conll_scores, nemo_scores, to_bio, to_biose
from dragoman.ner.tagger import TaggedSpan, dragoman_type
from dragoman_training.ner.datasets import Sentence

Labeller = Callable[[Sequence[str]], list[str]]

# The gold corpora do not mark where one article ends and the next begins, so document-level
# consistency reads this many sentences either side of each sentence as its document.
EVAL_WINDOW = 20

# What each gazetteer kind stands for in the corpora's own type sets.  The
# baseline uses the curated lists (CLDR countries and cities, person names);
# geonames towns are left out: alone they mostly hit common words.
_GAZ_TYPE = {
    "anercorp": {"country": "LOC", "city": "LOC", "first": "PERS", "last": "PERS", "person": "PERS"},
    "nemo": {"country": "GPE", "city": "GPE", "first": "PER", "last": "PER", "person": "PER"},
}


def gazetteer_labeller(lang: str, corpus: str) -> Labeller:
    """Label every gazetteer hit; adjacent person-name hits merge into one person."""
    types = _GAZ_TYPE[corpus]

    def label(tokens: Sequence[str]) -> list[str]:
        out = ["O"] * len(tokens)
        prev_end, prev_type = -1, ""
        for a, b, kind in gazetteer_matches(tokens, lang):
            t = types.get(kind)
            if t is None:
                continue
            inside = a == prev_end and t == prev_type and t in ("PERS", "PER")
            out[a] = ("I-" if inside else "B-") + t
            for i in range(a + 1, b):
                out[i] = "I-" + t
            prev_end, prev_type = b, t
        return out

    return label


def run_labeller(labeller: Labeller, sents: Sequence[Sentence]) -> tuple[list[list[str]], float]:
    """Predicted labels for every sentence, and tokens per second (features included).

    Speed is tokens per second of this process's CPU time: tagging is
    single-threaded, so that is the one-core figure, and it does not drop
    when other work shares the machine.
    """
    if sents:  # loading weights and frozen tables is a one-off cost, not per-token speed
        labeller(sents[0].tokens[:1])
    t0 = time.process_time()
    pred = [labeller(s.tokens) for s in sents]
    dt = time.process_time() - t0
    n = sum(len(s.tokens) for s in sents)
    return pred, n / dt if dt > 0 else 0.0


def pipeline_consistency(config: str | None) -> Consistency | None:
    """The consistency pass shipped pipeline ``config`` runs (None: the default), as eval applies it."""
    from dragoman.pipeline.config import load_config  # the pipeline imports this package's taggers
    from dragoman.stages.ner import NerSettings

    threshold = NerSettings(**load_config(config).stage_settings("ner")).consistency
    return None if threshold is None else Consistency(threshold=threshold, window=EVAL_WINDOW)


def consistent_labels(
    sents: Sequence[Sequence[str]],
    found: Sequence[Sequence[tuple[int, int, str, float]]],
    lang: str,
    consistency: Consistency | None,
) -> list[list[str]]:
    """IOB2 labels in corpus types for ``found`` spans, after the document-level pass if given."""
    spans = [
        [TaggedSpan(a, b, dragoman_type(t, toks[a:b], lang), t, sc) for a, b, t, sc in hits]
        for toks, hits in zip(sents, found, strict=True)
    ]
    if consistency is not None:
        spans = propagate(sents, spans, lang, consistency)
    out = []
    for toks, hits in zip(sents, spans, strict=True):
        labels = ["O"] * len(toks)
        for s in hits:
            labels[s.start : s.end] = ["B-" + s.label] + ["I-" + s.label] * (s.end - s.start - 1)
        out.append(labels)
    return out


def score(corpus: str, sents: Sequence[Sentence], pred: Sequence[Sequence[str]]) -> dict[str, PRF]:
    """CoNLL exact spans for ANERcorp, NEMO mention multisets for NEMO."""
    gold = [s.labels for s in sents]
    if corpus == "anercorp":
        return conll_scores(gold, [to_bio(p) for p in pred])
    return nemo_scores([s.tokens for s in sents], gold, [to_biose(p) for p in pred])


def flat(prefix: str, scores: dict[str, PRF]) -> dict[str, float]:
    """``{prefix}_f1`` overall plus ``{prefix}_f1_TYPE``, ``_p``, ``_r``, in percent."""
    out: dict[str, float] = {}
    for typ, s in sorted(scores.items()):
        suffix = "" if typ == "ALL" else f"_{typ}"
        out[f"{prefix}_f1{suffix}"] = round(100 * s.f1, 2)
        out[f"{prefix}_p{suffix}"] = round(100 * s.precision, 2)
        out[f"{prefix}_r{suffix}"] = round(100 * s.recall, 2)
        out[f"{prefix}_gold{suffix}"] = float(s.gold)
    return out


def table(title: str, scores: dict[str, PRF]) -> str:
    lines = [title, f"  {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for typ in sorted(scores, key=lambda t: (t == "ALL", t)):
        s = scores[typ]
        lines.append(
            f"  {typ:<6} {100 * s.precision:6.2f} {100 * s.recall:6.2f} {100 * s.f1:6.2f} {s.gold:6d} {s.pred:6d}"
        )
    return "\n".join(lines)
