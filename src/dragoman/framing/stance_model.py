"""A small per-language text classifier: biased against one side, the other, or neither.

Trained on the training portion of FIGNEWS 2024 (see ``docs/models/framing-stance.md``):
multinomial logistic regression over hashed sparse features of a short text
(a post, a sentence, a paragraph).  Inference is a few dictionary lookups and a
sum, with numpy only, so the framing pass stays cheap.

Features (one function serves training and inference):

* the spelling-folded words and, for Arabic and Hebrew, their clitic-stripped
  stems (``dragoman.text.morph``), and word bigrams;
* character 4-grams of each folded word (Arabic and Hebrew inflect inside the word);
* the lexicon (``lang/data/<code>/framing.yaml``): each marker that names a side
  (``against: israel``) or carries a polarity adds a feature for its target and sign,
  so wording the lexicon knows generalises beyond the training posts.

Feature strings are hashed (CRC-32) into ``2**bits`` rows; the weights file holds
only the rows training touched, never the strings, so no training text ships.
Each feature remembers the tokens it came from, which is how a prediction points
at the words that drove it (``explain``).
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from dragoman.framing.lexicon import entries, matcher
from dragoman.model import Span
from dragoman.text.morph import token_forms
from dragoman.text.tokenize import tokenize

__all__ = [
    "LABELS",
    "Featurised",
    "StanceModel",
    "featurise",
    "has_model",
    "load_model",
    "model_path",
]

# Order of the classifier's outputs; the FIGNEWS labels they stand for are in the model card.
LABELS: tuple[str, ...] = ("against_israel", "against_palestine", "unbiased")
_URL_RE = re.compile(r"https?://\S+|www\.\S+")
_WORD_RE = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Featurised:
    """Hashed features of one text and, for each, the character span that produced it."""

    rows: np.ndarray  # int64 feature rows, one per occurrence
    spans: list[Span]  # spans[i] produced rows[i] (offsets into the text given to featurise)


def _hash(feature: str, bits: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) & ((1 << bits) - 1)


def featurise(text: str, lang: str, *, bits: int = 18, chars: bool = True, lexicon: bool = True) -> Featurised:
    """The model's features of ``text`` (one function for training and inference)."""
    feats: list[str] = []
    spans: list[Span] = []
    words = [t for t in tokenize(text) if _WORD_RE.match(text, t.start) and not _inside_url(text, t)]
    surfaces = [text[t.start : t.end] for t in words]
    forms = token_forms(surfaces, lang)
    folded = [f[0] for f in forms]
    for tok, fs in zip(words, forms, strict=True):
        for f in fs:
            feats.append("w:" + f)
            spans.append(tok)
        if chars:
            w = "<" + fs[0] + ">"
            for i in range(max(1, len(w) - 3)):
                feats.append("c:" + w[i : i + 4])
                spans.append(tok)
    for i in range(len(words) - 1):
        feats.append(f"b:{folded[i]}_{folded[i + 1]}")
        spans.append(Span(words[i].start, words[i + 1].end))
    if lexicon and words:
        lex = entries(lang)
        for m in matcher(lang).find(forms):
            e = lex[m.payload]
            span = Span(words[m.start].start, words[m.end - 1].end)
            feats.append(f"k:{e.kind}")
            spans.append(span)
            if e.target and ":" not in e.target:
                feats.append(f"t:{e.target}:{e.sign}")
            else:
                feats.append(f"p:{e.sign}")
            spans.append(span)
    rows = np.fromiter((_hash(f, bits) for f in feats), dtype=np.int64, count=len(feats))
    return Featurised(rows, spans)


def _inside_url(text: str, tok: Span) -> bool:
    # URLs and handles carry no stance and would only memorise posts; cheap check around the token.
    lo = text.rfind(" ", 0, tok.start) + 1
    hi = text.find(" ", tok.end)
    return _URL_RE.match(text[lo : hi if hi >= 0 else len(text)]) is not None


@dataclass(frozen=True)
class StanceModel:
    """Weights of one language's classifier (rows of the hashed feature space)."""

    lang: str
    bits: int
    chars: bool
    lexicon: bool
    rows: np.ndarray  # sorted int64 feature rows that have weights
    weights: np.ndarray  # float32 [len(rows), len(LABELS)]
    bias: np.ndarray  # float32 [len(LABELS)]
    meta: dict[str, object]

    def _lookup(self, feats: Featurised) -> tuple[np.ndarray, np.ndarray]:
        """Weight rows of each occurrence (zeros for unseen features) and the TF-normalising scale."""
        pos = np.searchsorted(self.rows, feats.rows)
        pos = np.minimum(pos, len(self.rows) - 1)
        known = self.rows[pos] == feats.rows
        w = np.where(known[:, None], self.weights[pos], 0.0)
        # Training normalised each text's count vector to unit length; the same here.
        _, counts = np.unique(feats.rows, return_counts=True)
        norm = float(np.sqrt((counts.astype(np.float64) ** 2).sum())) or 1.0
        return w / norm, known

    def features(self, text: str) -> Featurised:
        return featurise(text, self.lang, bits=self.bits, chars=self.chars, lexicon=self.lexicon)

    def scores(self, text: str) -> np.ndarray:
        """Class probabilities of ``text`` in ``LABELS`` order."""
        feats = self.features(text)
        if not len(feats.rows):
            return _softmax(self.bias.astype(np.float64))
        w, _ = self._lookup(feats)
        return _softmax(w.sum(axis=0) + self.bias)

    def explain(self, text: str, label: str, top: int = 3) -> list[tuple[Span, float]]:
        """The spans whose features push ``text`` most toward ``label`` (largest first, positive only)."""
        feats = self.features(text)
        if not len(feats.rows):
            return []
        w, _ = self._lookup(feats)
        k = LABELS.index(label)
        push = w[:, k] - w.mean(axis=1)  # toward this class, relative to the others
        by_span: dict[Span, float] = {}
        for span, v in zip(feats.spans, push.tolist(), strict=True):
            by_span[span] = by_span.get(span, 0.0) + v
        ranked = sorted((kv for kv in by_span.items() if kv[1] > 0), key=lambda kv: -kv[1])
        out: list[tuple[Span, float]] = []
        for span, v in ranked:
            if any(span.overlaps(s) for s, _ in out):
                continue  # a bigram and its words are one piece of evidence
            out.append((span, v))
            if len(out) == top:
                break
        return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    return e / e.sum()


def model_path(lang: str) -> Path:
    return Path(str(resources.files("dragoman.framing").joinpath("models", f"stance-{lang}.npz")))


def has_model(lang: str) -> bool:
    return model_path(lang).is_file()


def save_model(model: StanceModel, path: Path) -> None:
    np.savez_compressed(
        path,
        rows=model.rows.astype(np.int64),
        weights=model.weights.astype(np.float16),  # half precision: the file stays small, scores move < 1e-3
        bias=model.bias.astype(np.float32),
        config=np.array(json.dumps({"lang": model.lang, "bits": model.bits, "chars": model.chars,
                                    "lexicon": model.lexicon, "labels": list(LABELS), **model.meta})),
    )


def read_model(path: Path) -> StanceModel:
    with np.load(path) as z:
        cfg = json.loads(str(z["config"]))
        if tuple(cfg.pop("labels")) != LABELS:
            raise ValueError(f"{path}: labels differ from this code's {LABELS}")
        return StanceModel(
            lang=cfg.pop("lang"),
            bits=int(cfg.pop("bits")),
            chars=bool(cfg.pop("chars")),
            lexicon=bool(cfg.pop("lexicon")),
            rows=z["rows"].astype(np.int64),
            weights=z["weights"].astype(np.float32),
            bias=z["bias"].astype(np.float32),
            meta=cfg,
        )


@cache
def load_model(lang: str) -> StanceModel | None:
    """The shipped model of ``lang``, or None when there is none."""
    return read_model(model_path(lang)) if has_model(lang) else None


def texts_matrix(texts: Sequence[str], lang: str, *, bits: int, chars: bool, lexicon: bool
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR pieces (indptr, rows, values) of unit-length count vectors: what training fits."""
    indptr = [0]
    all_rows: list[np.ndarray] = []
    all_vals: list[np.ndarray] = []
    for t in texts:
        f = featurise(t, lang, bits=bits, chars=chars, lexicon=lexicon)
        rows, counts = np.unique(f.rows, return_counts=True)
        vals = counts.astype(np.float64)
        vals /= np.sqrt((vals**2).sum()) or 1.0
        all_rows.append(rows)
        all_vals.append(vals)
        indptr.append(indptr[-1] + len(rows))
    return (np.array(indptr, dtype=np.int64),
            np.concatenate(all_rows) if all_rows else np.zeros(0, np.int64),
            np.concatenate(all_vals) if all_vals else np.zeros(0))
