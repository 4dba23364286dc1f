"""Framing: stance on FIGNEWS 2024 (macro-F1 per language) and loaded wording on ArMPro (span F1).

**FIGNEWS** (``_fignews``): the test portion of the IAA posts (a third of each of Arabic,
Hebrew and English, fixed by a hash of the row key; the shipped stance models never saw
these rows or their translations).  Each post goes through the default pipeline with its
known language and then ``frame_article`` exactly as ``dragoman framing`` runs it (the model
reads the sentences that name a side's actor or carry wording aimed at one; a post that does
neither is unbiased).  The article's ``bias`` (against Israel / against Palestine / unbiased)
is compared with the majority label of the annotating teams; rows whose top label is tied,
or whose majority is another label (both, others, not applicable, unclear), are counted
and set apart.  Macro-F1 averages the F1 of the classes that occur in the gold or the
predictions of that language (the test portion of Hebrew and English has no 'against
Israel' row, so a wrong 'against Israel' there costs a zero class).

**ArMPro** (``span/ArMPro_span_test_V2.jsonl``, never trained on): the markers
``find_markers`` finds in each paragraph against the gold spans of Loaded_Language and
Name_Calling-Labeling (``armpro_marker_span_f1``) and of Loaded_Language alone
(``armpro_loaded_span_f1``), with the overlap-credit span precision and recall of the
propaganda-span shared tasks (SemEval-2020 task 11, ArAIEval): a predicted span earns the
fraction of its characters that gold covers, a gold span the fraction that predictions
cover; techniques are not distinguished.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dragoman.framing import frame_article
from dragoman.framing.markers import find_markers
from dragoman.framing.stance_model import LABELS
from dragoman.model import Article
from dragoman.text import sentence_spans
from dragoman_training.eval._fignews import is_test, load_posts

ARMPRO_TEST = "datasets/armpro/span/ArMPro_span_test_V2.jsonl"
MARKER_TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling-Labeling"})


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for c in LABELS:
        tp = sum(g == p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(p == c != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c != p for g, p in zip(gold, pred, strict=True))
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return 100 * sum(scores) / len(scores) if scores else 0.0


def _post_article(text: str, lang: str) -> Article:
    from dragoman.api import ExtractionError, extract

    try:
        art = extract(text.encode("utf-8"))  # bytes: a long one-line string would be tried as a path
    except ExtractionError:
        art = Article.from_text(text)
        art.sentences = sentence_spans(text)
    # The post's language is known; the framing lexicon and model are chosen by it.
    art.language = lang
    return art


def fignews(shared: Path) -> dict[str, float]:
    posts = [p for p in load_posts(shared) if is_test(p)]
    out: dict[str, float] = {}
    for lang in ("ar", "he", "en"):
        mine = [p for p in posts if p.lang == lang]
        scored = [p for p in mine if p.gold in LABELS]
        gold, pred = [], []
        for p in scored:
            gold.append(p.gold or "")
            pred.append(frame_article(_post_article(p.text, lang)).bias)
        f1 = macro_f1(gold, pred)
        acc = 100 * sum(g == q for g, q in zip(gold, pred, strict=True)) / max(1, len(gold))
        confusion = Counter(zip(gold, pred, strict=True))
        print(f"FIGNEWS {lang}: {len(scored)} test posts scored ({Counter(gold)}); "
              f"{sum(p.gold is None for p in mine)} tied and {sum(p.gold == 'other' for p in mine)} other-label posts set apart")
        print(f"  macro-F1 {f1:.2f}  accuracy {acc:.2f}")
        print("  gold -> predicted: " + ", ".join(f"{g}->{q} {n}" for (g, q), n in sorted(confusion.items())))
        out[f"fignews_{lang}_macro_f1"] = round(f1, 2)
        out[f"fignews_{lang}_accuracy"] = round(acc, 2)
    return out


def span_prf(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float, float, float]:
    """Overlap-credit sums: (precision credit, predicted spans, recall credit, gold spans)."""

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
        return max(0, min(a[1], b[1]) - max(a[0], b[0]))

    p = sum(sum(overlap(s, t) for t in gold) / (s[1] - s[0]) for s in pred if s[1] > s[0])
    r = sum(sum(overlap(s, t) for s in pred) / (t[1] - t[0]) for t in gold if t[1] > t[0])
    return min(p, len(pred)), len(pred), min(r, len(gold)), len(gold)


def _f1(p_credit: float, n_pred: float, r_credit: float, n_gold: float) -> tuple[float, float, float]:
    precision = p_credit / n_pred if n_pred else 0.0
    recall = r_credit / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Gold spans of the two techniques overlap; credit each character once.
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def armpro(shared: Path) -> dict[str, float]:
    rows = [json.loads(line) for line in (shared / ARMPRO_TEST).read_text("utf-8").splitlines() if line.strip()]
    totals = {"markers": [0.0, 0.0, 0.0, 0.0], "loaded": [0.0, 0.0, 0.0, 0.0]}
    for row in rows:
        art = Article.from_text(row["paragraph"])
        art.language = "ar"
        art.sentences = sentence_spans(art.text)
        pred = [(m.span.start, m.span.end) for m in find_markers(art)]
        gold_all = _merge([(g["start"], g["end"]) for g in row["labels"] if g["technique"] in MARKER_TECHNIQUES])
        gold_ll = _merge([(g["start"], g["end"]) for g in row["labels"] if g["technique"] == "Loaded_Language"])
        for key, gold in (("markers", gold_all), ("loaded", gold_ll)):
            for i, v in enumerate(span_prf(pred, gold)):
                totals[key][i] += v
    out: dict[str, float] = {}
    for key, (pc, npred, rc, ngold) in totals.items():
        p, r, f = _f1(pc, npred, rc, ngold)
        what = "Loaded_Language + Name_Calling" if key == "markers" else "Loaded_Language"
        print(f"ArMPro test ({len(rows)} paragraphs) vs {what}: {int(npred)} predicted, {int(ngold)} gold spans; "
              f"P {p:.2f} R {r:.2f} F1 {f:.2f}")
        out[f"armpro_{key}_span_f1"] = round(f, 2)
        out[f"armpro_{key}_span_precision"] = round(p, 2)
    return out


def run(shared: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    if (shared / "datasets" / "fignews_2024").is_dir():
        out.update(fignews(shared))
    else:
        print("FIGNEWS absent: skipped")
    if (shared / ARMPRO_TEST).is_file():
        out.update(armpro(shared))
    else:
        print("ArMPro absent: skipped")
    return out
