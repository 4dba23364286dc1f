"""Train the framing pass's stance classifiers on the training portion of FIGNEWS 2024.

    PYTHONPATH=training .venv/bin/python -m dragoman_training.framing_stance [--shared ../shared] [--select] [--lang ar he en]

Writes ``src/dragoman/framing/models/stance-<lang>.npz``.  Never reads the test portion
(``dragoman_training.eval._fignews.is_test``) except through ``make eval`` after training.  With
``--select`` it first chooses the settings by 5-fold cross-validation *inside* the
training portion and prints every candidate's mean macro-F1; without it, the settings
recorded in ``CHOSEN`` are used (what ``--select`` picked last, see the model card).

Training texts per language: the language's own training posts, plus (``mt``) the machine
translations FIGNEWS ships of every other training post into that language (English and
Arabic exist; there is no Hebrew translation).  Classes are weighted to balance them,
since macro-F1 is the measure and 'against Israel' is rare.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from dragoman.framing.stance_model import LABELS, StanceModel, model_path, save_model, texts_matrix
from dragoman_training.eval._fignews import Post, is_test, load_posts

REPO = Path(__file__).resolve().parents[2]

# Chosen by --select (5-fold CV inside the training portion); see docs/models/framing-stance.md.
CHOSEN: dict[str, dict[str, Any]] = {
    "ar": {"mt": True, "chars": True, "lexicon": True, "l2": 1e-4, "epochs": 200},  # cv 69.18 (66.54 without mt)
    "he": {"mt": False, "chars": True, "lexicon": True, "l2": 1e-4, "epochs": 200},  # cv 63.62
    "en": {"mt": True, "chars": True, "lexicon": True, "l2": 1e-4, "epochs": 200},  # cv 58.07 (54.02 without mt)
}
# Chosen by --tune (out-of-fold inside the training portion); see docs/models/framing-stance.md.
DECISIONS: dict[str, dict[str, float]] = {}
BITS = 18
# Character n-grams are always on: without them cross-validated macro-F1 on Arabic fell by
# 7 to 8 points in a first, wider search (59.4 vs 66.5 at l2=1e-4, no translations).
GRID: dict[str, list[Any]] = {
    "mt": [False, True],
    "chars": [True],
    "lexicon": [False, True],
    "l2": [1e-4, 1e-3],
}


_CACHE: dict[tuple[str, str, bool, bool], tuple[np.ndarray, np.ndarray]] = {}


def matrix(texts: list[str], lang: str, *, chars: bool, lexicon: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``texts_matrix`` with each text's row memoised (cross-validation featurises the same posts many times)."""
    rows: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    indptr = [0]
    for t in texts:
        key = (t, lang, chars, lexicon)
        hit = _CACHE.get(key)
        if hit is None:
            _, r, v = texts_matrix([t], lang, bits=BITS, chars=chars, lexicon=lexicon)
            hit = _CACHE[key] = (r, v)
        rows.append(hit[0])
        vals.append(hit[1])
        indptr.append(indptr[-1] + len(hit[0]))
    return np.array(indptr, dtype=np.int64), np.concatenate(rows), np.concatenate(vals)


def training_texts(posts: list[Post], lang: str, *, mt: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in posts:
        if is_test(p) or p.gold not in LABELS:
            continue
        if p.lang == lang:
            out.append((p.text, p.gold))
        elif mt and lang == "en":
            out.append((p.text_en, p.gold))
        elif mt and lang == "ar":
            out.append((p.text_ar, p.gold))
    return out


def fit(indptr: np.ndarray, rows: np.ndarray, vals: np.ndarray, y: np.ndarray, *, l2: float, epochs: int
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Balanced multinomial logistic regression, full-batch Adam; returns (rows, W, b)."""
    used, local = np.unique(rows, return_inverse=True)
    n, k, d = len(indptr) - 1, len(LABELS), len(used)
    doc = np.repeat(np.arange(n), np.diff(indptr))
    # X @ W and X.T @ G as sorted segment sums (np.add.reduceat): far faster than np.add.at.
    by_feature = np.argsort(local, kind="stable")
    f_starts = np.flatnonzero(np.r_[True, np.diff(local[by_feature]) != 0])
    f_ids = local[by_feature][f_starts]
    d_starts = indptr[:-1][np.diff(indptr) > 0]
    d_ids = np.flatnonzero(np.diff(indptr) > 0)
    counts = np.bincount(y, minlength=k).astype(np.float64)
    cw = np.where(counts > 0, n / (k * np.maximum(counts, 1)), 0.0)[y]
    cw /= cw.sum()
    Y = np.eye(k)[y]
    W = np.zeros((d, k))
    b = np.zeros(k)
    m_w = np.zeros_like(W)
    v_w = np.zeros_like(W)
    m_b = np.zeros_like(b)
    v_b = np.zeros_like(b)
    lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8
    vcol = vals[:, None]
    for t in range(1, epochs + 1):
        Z = np.zeros((n, k))
        if len(d_starts):
            Z[d_ids] = np.add.reduceat(W[local] * vcol, d_starts, axis=0)
        Z += b
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) * cw[:, None]
        gW = l2 * W
        contrib = (G[doc] * vcol)[by_feature]
        gW[f_ids] += np.add.reduceat(contrib, f_starts, axis=0)
        gb = G.sum(axis=0)
        m_w = b1 * m_w + (1 - b1) * gW
        v_w = b2 * v_w + (1 - b2) * gW**2
        m_b = b1 * m_b + (1 - b1) * gb
        v_b = b2 * v_b + (1 - b2) * gb**2
        W -= lr * (m_w / (1 - b1**t)) / (np.sqrt(v_w / (1 - b2**t)) + eps)
        b -= lr * (m_b / (1 - b1**t)) / (np.sqrt(v_b / (1 - b2**t)) + eps)
    return used, W, b


def predict(model: tuple[np.ndarray, np.ndarray, np.ndarray], indptr: np.ndarray, rows: np.ndarray,
            vals: np.ndarray) -> np.ndarray:
    used, W, b = model
    pos = np.minimum(np.searchsorted(used, rows), len(used) - 1)
    known = used[pos] == rows
    n = len(indptr) - 1
    doc = np.repeat(np.arange(n), np.diff(indptr))
    Z = np.zeros((n, W.shape[1]))
    np.add.at(Z, doc[known], W[pos[known]] * vals[known, None])
    return (Z + b).argmax(axis=1)


def macro_f1(gold: list[int], pred: list[int]) -> float:
    scores = []
    for c in range(len(LABELS)):
        tp = sum(g == p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(p == c != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c != p for g, p in zip(gold, pred, strict=True))
        if tp + fp + fn:
            scores.append(2 * tp / (2 * tp + fp + fn))
    return 100 * float(np.mean(scores)) if scores else 0.0


def _fold(key: tuple[str, str, str]) -> int:
    return int(hashlib.md5("|".join(key).encode("utf-8")).hexdigest(), 16) % 5


def cross_validate(posts: list[Post], lang: str, cfg: dict[str, Any], *, epochs: int) -> float:
    """Mean macro-F1 over 5 folds of the language's own training posts (translations stay with their row)."""
    own = [p for p in posts if not is_test(p) and p.gold in LABELS]
    scores = []
    for k in range(5):
        train = [p for p in own if _fold(p.key) != k]
        held = [p for p in own if _fold(p.key) == k and p.lang == lang]
        pairs = training_texts(train, lang, mt=bool(cfg["mt"]))
        X = matrix([t for t, _ in pairs], lang, chars=bool(cfg["chars"]), lexicon=bool(cfg["lexicon"]))
        y = np.array([LABELS.index(g) for _, g in pairs])
        model = fit(*X, y, l2=float(cfg["l2"]), epochs=epochs)
        Xh = matrix([p.text for p in held], lang, chars=bool(cfg["chars"]), lexicon=bool(cfg["lexicon"]))
        pred = predict(model, *Xh).tolist()
        scores.append(macro_f1([LABELS.index(p.gold or "") for p in held], pred))
    return float(np.mean(scores))


def select(posts: list[Post], lang: str, epochs: int) -> dict[str, Any]:
    best: tuple[float, dict[str, Any]] | None = None
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        cfg: dict[str, Any] = dict(zip(keys, values, strict=True))
        if lang == "he" and cfg["mt"]:
            continue  # no Hebrew translations exist
        score = cross_validate(posts, lang, cfg, epochs=epochs)
        print(f"  {lang} {cfg} cv macro-F1 {score:.2f}", flush=True)
        if best is None or score > best[0]:
            best = (score, cfg)
    assert best is not None
    print(f"{lang}: chose {best[1]} (cv {best[0]:.2f})")
    return {**best[1], "epochs": epochs, "cv_macro_f1": round(best[0], 2)}


def _post_article(text: str, lang: str):  # type: ignore[no-untyped-def]
    from dragoman_training.eval.framing import _post_article as build

    return build(text, lang)


def tune(posts: list[Post], lang: str, cfg: dict[str, Any]) -> dict[str, float]:
    """Choose the decision's alpha and tau on out-of-fold predictions inside the training portion.

    Each own-language training post is framed (default pipeline, then ``frame_article``) by a
    model trained without its fold; the side's model probability and wording score are kept,
    and every (alpha, tau) pair is scored by the macro-F1 of the resulting bias labels.
    """
    from dragoman.framing import Decision, frame_article

    own = [p for p in posts if not is_test(p) and p.gold in LABELS]
    rows: list[tuple[str, dict[str, tuple[float | None, float]]]] = []
    for k in range(5):
        train = [p for p in own if _fold(p.key) != k]
        held = [p for p in own if _fold(p.key) == k and p.lang == lang]
        pairs = training_texts(train, lang, mt=bool(cfg["mt"]))
        X = matrix([t for t, _ in pairs], lang, chars=bool(cfg["chars"]), lexicon=bool(cfg["lexicon"]))
        y = np.array([LABELS.index(g) for _, g in pairs])
        used, W, b = fit(*X, y, l2=float(cfg["l2"]), epochs=int(cfg["epochs"]))
        model = StanceModel(lang, BITS, bool(cfg["chars"]), bool(cfg["lexicon"]), used, W.astype(np.float32),
                            b.astype(np.float32), {})
        half = Decision(alpha=0.5)
        for p in held:
            st = frame_article(_post_article(p.text, lang), model=model, decision=half).stance
            # Undo the 0.5/0.5 mix to keep both parts: h = 0.5 p + 0.5 w  ->  w = 2h - p.
            parts = {sid: (s.model, (2 * s.hostility - s.model) if s.model is not None else s.hostility)
                     for sid, s in st.sides.items()}
            rows.append((p.gold or "", parts))
    best: tuple[float, float, float] | None = None
    tau_wording = Decision().tau_wording
    default = Decision()
    scores: dict[tuple[float, float], float] = {}
    for alpha in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        for tau in np.arange(0.15, 0.71, 0.05):
            pred = []
            for _, parts in rows:
                hostile = []
                for sid, (pm, w) in parts.items():
                    h, thr = (alpha * pm + (1 - alpha) * w, tau) if pm is not None else (w, tau_wording)
                    if h >= thr:
                        hostile.append((h, sid))
                pred.append(f"against_{max(hostile)[1]}" if hostile else "unbiased")
            score = macro_f1([LABELS.index(g) for g, _ in rows], [LABELS.index(q) for q in pred])
            scores[(alpha, float(round(tau, 2)))] = score
            if best is None or score > best[0] + 1e-9:
                best = (score, alpha, float(round(tau, 2)))
    assert best is not None
    print(f"{lang}: decision alpha={best[1]} tau={best[2]} (out-of-fold macro-F1 {best[0]:.2f} on {len(rows)} posts; "
          f"the untuned default alpha={default.alpha} tau={default.tau}: "
          f"{scores.get((default.alpha, default.tau), float('nan')):.2f})")
    return {"alpha": best[1], "tau": best[2], "oof_macro_f1": round(best[0], 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--lang", nargs="*", default=["ar", "he", "en"])
    ap.add_argument("--select", action="store_true", help="choose settings by 5-fold CV inside the training portion")
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--tune", action="store_true",
                    help="also choose the decision's alpha and tau on out-of-fold training predictions")
    args = ap.parse_args(argv)
    if not (args.shared / "datasets" / "fignews_2024").is_dir():
        print(f"{args.shared}/datasets/fignews_2024 not found; nothing trained")
        return 2
    posts = load_posts(args.shared)
    for lang in args.lang:
        cfg = select(posts, lang, args.epochs) if args.select else dict(CHOSEN[lang])
        pairs = training_texts(posts, lang, mt=bool(cfg["mt"]))
        X = matrix([t for t, _ in pairs], lang, chars=bool(cfg["chars"]), lexicon=bool(cfg["lexicon"]))
        y = np.array([LABELS.index(g) for _, g in pairs])
        used, W, b = fit(*X, y, l2=float(cfg["l2"]), epochs=int(cfg["epochs"]))
        keep = np.abs(W).max(axis=1) > 1e-4  # rows training barely moved add nothing
        meta: dict[str, Any] = {
            "trained_on": f"FIGNEWS 2024 IAA training portion ({len(pairs)} texts)",
            "settings": {k: v for k, v in cfg.items()},
            "class_counts": {lab: int((y == i).sum()) for i, lab in enumerate(LABELS)},
        }
        decision = tune(posts, lang, cfg) if args.tune else DECISIONS.get(lang)
        if decision:
            meta["decision"] = decision
        model = StanceModel(lang, BITS, bool(cfg["chars"]), bool(cfg["lexicon"]), used[keep],
                            W[keep].astype(np.float32), b.astype(np.float32), meta)
        path = model_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        save_model(model, path)
        print(f"{lang}: {len(pairs)} texts, {int(keep.sum())} weight rows -> {path} ({path.stat().st_size} bytes)")
        print(json.dumps(meta, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
