"""The accurate NER tagger: a BiLSTM-CRF head over frozen multilingual-e5-small states.

Inference needs numpy only. The encoder (:mod:`dragoman.ner.encoder`) turns a sentence into
per-word layer states; the head mixes the layers with learnt weights, appends a few
per-word indicator features (gazetteer hits, digits, Latin script), runs a one-layer
bidirectional LSTM, scores each label, and decodes the best label sequence with the CRF
transition matrix. Training is in :mod:`dragoman_training.ner.neural_train` (PyTorch, CPU); the
weights ship as ``models/<lang>.neural.npz`` (float16, a few MB).

The encoder runs on onnxruntime when it is installed (:mod:`dragoman.ner.encoder_onnx`, the
same 4-bit weights, more than ten times faster than numpy on one core), else in numpy;
``DRAGOMAN_ENCODER_RUNTIME=numpy`` (or ``shared_encoder("numpy")``) picks the numpy
reference. Even so the tagger is far slower than the CRF (twelve transformer layers per
sentence), so it is the ``accurate`` pipeline's tagger, not the default's.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from dragoman.ner import encoder_onnx
from dragoman.ner.contextual import word_states
from dragoman.ner.encoder import Encoder
from dragoman.ner.features import gazetteer_matches
from dragoman.ner.scoring import spans
from dragoman.ner.tagger import TaggedSpan, dragoman_type

MODELS = Path(__file__).with_name("models")
# Gazetteer kinds that become indicator features, each as "begins a hit" and "inside a hit".
GAZ_KINDS = ("country", "city", "town", "first", "last", "person")
N_EXTRA = 2 * len(GAZ_KINDS) + 3
_ADAPTED = ("q", "k", "v", "ao", "fi", "fo")  # the encoder matrices a fine-tuned tagger adapts


def model_path(lang: str) -> Path:
    return MODELS / f"{lang}.neural.npz"


def has_model(lang: str) -> bool:
    return model_path(lang).is_file()


def extra_features(tokens: Sequence[str], lang: str) -> np.ndarray:
    """float32 [len(tokens), N_EXTRA] indicators the encoder may not know: list membership, digits, script."""
    out = np.zeros((len(tokens), N_EXTRA), np.float32)
    for a, b, kind in gazetteer_matches(tokens, lang):
        if kind not in GAZ_KINDS:
            continue
        k = GAZ_KINDS.index(kind)
        out[a, 2 * k] = 1.0
        out[a + 1 : b, 2 * k + 1] = 1.0
    base = 2 * len(GAZ_KINDS)
    for i, t in enumerate(tokens):
        out[i, base] = any(c.isdigit() for c in t)
        out[i, base + 1] = any("a" <= c.lower() <= "z" for c in t)
        out[i, base + 2] = not any(c.isalnum() for c in t)
    return out


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def _lstm(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One direction of a PyTorch-layout LSTM (gates i, f, g, o) over x [T, D] -> [T, H]."""
    hidden = w_hh.shape[1]
    pre = x @ w_ih.T + b  # input projections for every step at once
    h = np.zeros(hidden, np.float32)
    c = np.zeros(hidden, np.float32)
    out = np.empty((x.shape[0], hidden), np.float32)
    for t in range(x.shape[0]):
        g = pre[t] + w_hh @ h
        i, f, gg, o = (g[k * hidden : (k + 1) * hidden] for k in range(4))
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(gg)
        h = _sigmoid(o) * np.tanh(c)
        out[t] = h
    return out


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label path for emissions [T, L] under a linear-chain CRF."""
    score = start + emissions[0]
    back = np.zeros(emissions.shape, np.int64)
    for t in range(1, emissions.shape[0]):
        cand = score[:, None] + trans  # [from, to]
        back[t] = cand.argmax(0)
        score = cand.max(0) + emissions[t]
    score = score + end
    path = [int(score.argmax())]
    for t in range(emissions.shape[0] - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def marginals(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-token label probabilities [T, L] (forward-backward in log space)."""
    n = emissions.shape[0]
    alpha = np.empty_like(emissions)
    beta = np.zeros_like(emissions)
    alpha[0] = start + emissions[0]
    for t in range(1, n):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, 0) + emissions[t]
    beta[-1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(trans + (emissions[t + 1] + beta[t + 1])[None, :], 1)
    log_z = _logsumexp(alpha[-1] + end, 0)
    return np.exp(alpha + beta - log_z)


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis)
    return m + np.log(np.exp(x - np.expand_dims(m, axis)).sum(axis))


class _Decoder:
    """Decoding shared by one tagger and an ensemble: the "O" bias, then the CRF.

    Subclasses provide ``labels``, ``o_bias``, the CRF's ``crf`` (transitions, start, end
    scores) and ``scores`` (a sentence's label scores before the bias).
    """

    labels: list[str]
    o_bias: float

    @property
    def crf(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        raise NotImplementedError

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        raise NotImplementedError

    def path(self, em: np.ndarray) -> list[str]:
        """Best labels for label scores ``em`` (from ``scores``), bias applied."""
        return [self.labels[i] for i in viterbi(_bias_o(em, self.labels, self.o_bias), *self.crf)]

    def decode(self, em: np.ndarray) -> list[tuple[int, int, str, float]]:
        """Entities in corpus types with the mean marginal of their labels, for scores ``em``."""
        return _scored_spans(_bias_o(em, self.labels, self.o_bias), *self.crf, self.labels)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 labels for one sentence's tokens."""
        return self.path(self.scores(tokens)) if tokens else []

    def spans_with_scores(self, tokens: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """Entities in corpus types with the mean marginal probability of their labels."""
        return self.decode(self.scores(tokens)) if tokens else []


class NeuralTagger(_Decoder):
    """Labels for token lists, with the weights of one language."""

    def __init__(self, path: Path, lang: str, encoder: Encoder | None = None) -> None:
        with np.load(path, allow_pickle=False) as z:
            weights = {k: z[k] for k in z.files}
        self._setup(weights, lang, encoder)

    @classmethod
    def from_weights(cls, weights: dict[str, np.ndarray], lang: str, encoder: Encoder | None = None) -> NeuralTagger:
        """A tagger over in-memory weights (used while training, to score each epoch)."""
        self = cls.__new__(cls)
        self._setup(weights, lang, encoder)
        return self

    def _setup(self, weights: dict[str, np.ndarray], lang: str, encoder: Encoder | None) -> None:
        self.labels = [str(x) for x in weights["labels"]]
        # "head": a BiLSTM-CRF over a mix of the frozen encoder's layers; "lora": the same head
        # over layers fine-tuned through low-rank adapters (the encoder stops at the last one).
        self.kind = str(weights["kind"]) if "kind" in weights else "head"
        # Subtracted from the "O" score before decoding: chosen on the development split by
        # neural_train (the CRF under-predicts names it has not seen, so recall lags precision).
        self.o_bias = float(weights["o_bias"]) if "o_bias" in weights else 0.0
        skip = ("labels", "layers", "kind", "o_bias")
        w = {k: v.astype(np.float32) for k, v in weights.items() if k not in skip}
        self._w = w
        self.lang = lang
        self._encoder = encoder
        self._onnx_lstm: encoder_onnx.BiLSTM | None = None  # built on first use over an onnxruntime encoder
        self.layers = [int(i) for i in weights["layers"]]
        mix = np.exp(w["mix"] - w["mix"].max())
        self._mix = (mix / mix.sum()) * w["gamma"][0]
        self._adapters: list[dict[str, tuple[np.ndarray, np.ndarray]]] | None = None
        if self.kind == "lora":
            adapted = {int(k[1:].split(".")[0]) for k in w if k.endswith(".q.a")}
            self._adapters = [
                {n: (w[f"l{i}.{n}.a"], w[f"l{i}.{n}.b"]) for n in _ADAPTED} if i in adapted else {}
                for i in range(max(self.layers))
            ]

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = shared_encoder()
        return self._encoder

    def emissions(self, states: np.ndarray, extra: np.ndarray) -> np.ndarray:
        """Label scores [T, labels] from encoder states [T, layers, H] and indicators [T, N_EXTRA]."""
        w = self._w
        mixed = np.einsum("tlh,l->th", states, self._mix)
        x = np.concatenate([mixed, extra], axis=1)
        return self._bilstm(x) @ w["out_w"].T + w["out_b"]

    def _bilstm(self, x: np.ndarray) -> np.ndarray:
        """The BiLSTM's states [T, 2 * hidden]: on onnxruntime when the encoder runs there, else in numpy."""
        w = self._w
        if isinstance(self._encoder, encoder_onnx.OnnxEncoder):
            if self._onnx_lstm is None:
                self._onnx_lstm = encoder_onnx.BiLSTM(
                    (w["w_ih"], w["w_hh"], w["b"]), (w["w_ih_r"], w["w_hh_r"], w["b_r"]), self._encoder.threads
                )
            return self._onnx_lstm(x)
        fwd = _lstm(x, w["w_ih"], w["w_hh"], w["b"])
        bwd = _lstm(x[::-1], w["w_ih_r"], w["w_hh_r"], w["b_r"])[::-1]
        return np.concatenate([fwd, bwd], axis=1)

    def states(self, tokens: Sequence[str]) -> np.ndarray:
        """The encoder states this tagger reads, [T, layers, H]."""
        return word_states(self.encoder, tokens, self.layers, self._adapters)

    def tag_states(self, states: np.ndarray, extra: np.ndarray) -> list[str]:
        if not len(states):
            return []
        return self.path(self.emissions(states, extra))

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Label scores [T, labels] of one sentence, before the decoding bias."""
        return self.emissions(self.states(tokens), extra_features(tokens, self.lang))

    @property
    def crf(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._w["trans"], self._w["start"], self._w["end"]



Runtime = Literal["onnx", "numpy"]
RUNTIMES: tuple[Runtime, ...] = ("onnx", "numpy")
RUNTIME_ENV = "DRAGOMAN_ENCODER_RUNTIME"


def default_runtime() -> Runtime:
    """``$DRAGOMAN_ENCODER_RUNTIME`` when set, else onnxruntime where it can be imported, else numpy."""
    want = os.environ.get(RUNTIME_ENV, "").strip().lower()
    if want:
        if want not in RUNTIMES:
            raise RuntimeError(f"{RUNTIME_ENV}={want!r}: expected one of {', '.join(RUNTIMES)}")
        return "onnx" if want == "onnx" else "numpy"
    return "onnx" if encoder_onnx.available() else "numpy"


def shared_encoder(runtime: Runtime | None = None) -> Encoder:
    """One encoder per process and runtime (``None``: :func:`default_runtime`)."""
    return _shared_encoder(runtime or default_runtime())


@functools.lru_cache(maxsize=2)
def _shared_encoder(runtime: Runtime) -> Encoder:
    if runtime == "onnx":
        if not encoder_onnx.available():
            raise RuntimeError("the onnx encoder runtime needs the 'onnxruntime' and 'onnx' packages")
        return encoder_onnx.OnnxEncoder()
    return Encoder()  # the numpy reference: dequantises about 85 MB of weights on first use


class TaggerEnsemble(_Decoder):
    """Several taggers over the same labels as one product of experts.

    Each member scores the sentence on its own encoder states; label scores, transitions and
    start/end scores are summed, so the decoded path maximises the sum of the members' path
    scores. Members trained with different seeds or methods make different mistakes.
    """

    def __init__(self, members: Sequence[NeuralTagger], o_bias: float = 0.0) -> None:
        if not members or any(m.labels != members[0].labels for m in members):
            raise ValueError("ensemble members must share one label list")
        self.members = list(members)
        self.labels = members[0].labels
        self.o_bias = o_bias  # applied to the summed scores, like NeuralTagger.o_bias
        trans, start, end = (np.sum([m._w[k] for m in members], axis=0) for k in ("trans", "start", "end"))
        self._crf: tuple[np.ndarray, np.ndarray, np.ndarray] = (trans, start, end)

    @property
    def encoder(self) -> Encoder:
        return self.members[0].encoder

    @property
    def crf(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._crf

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """The members' label scores summed, before the decoding bias."""
        extra = extra_features(tokens, self.members[0].lang)
        return np.sum([m.emissions(m.states(tokens), extra) for m in self.members], axis=0)



def _bias_o(em: np.ndarray, labels: Sequence[str], bias: float) -> np.ndarray:
    if not bias:
        return em
    em = em.copy()
    em[:, labels.index("O")] -= bias
    return em


def _scored_spans(
    em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray, labels: Sequence[str]
) -> list[tuple[int, int, str, float]]:
    """Best-path entities with the mean marginal probability of their labels."""
    path = viterbi(em, trans, start, end)
    marg = marginals(em, trans, start, end)
    return [
        (a, b, t, float(sum(marg[i, path[i]] for i in range(a, b)) / (b - a)))
        for a, b, t in spans([labels[i] for i in path])
    ]


def load(path: Path, lang: str, encoder: Encoder | None = None) -> NeuralTagger | TaggerEnsemble:
    """The tagger a weights file holds: one model, or members stored under ``m0/``, ``m1/``...

    ``encoder``: the encoder its members run (default: the process's :func:`shared_encoder`).
    """
    with np.load(path, allow_pickle=False) as z:
        weights = {k: z[k] for k in z.files}
    prefixes = sorted({k.split("/", 1)[0] for k in weights if "/" in k})
    if not prefixes:
        return NeuralTagger.from_weights(weights, lang, encoder)
    members = [{k.split("/", 1)[1]: v for k, v in weights.items() if k.startswith(p + "/")} for p in prefixes]
    o_bias = float(weights["o_bias"]) if "o_bias" in weights else 0.0
    return TaggerEnsemble([NeuralTagger.from_weights(m, lang, encoder) for m in members], o_bias)


def pack(members: Sequence[dict[str, np.ndarray]], o_bias: float = 0.0) -> dict[str, np.ndarray]:
    """Weights of several models (and the decoding bias) as one file's arrays (the layout ``load`` reads)."""
    out = {f"m{i}/{k}": v for i, w in enumerate(members) for k, v in w.items()}
    if o_bias:
        out["o_bias"] = np.array(o_bias, np.float32)
    return out


@functools.lru_cache(maxsize=4)
def get_tagger(lang: str) -> NeuralTagger | TaggerEnsemble:
    if not has_model(lang):
        raise FileNotFoundError(f"no neural NER weights for {lang!r} at {model_path(lang)}; run `make models`")
    return load(model_path(lang), lang)


def tag_spans(tokens: Sequence[str], lang: str) -> list[TaggedSpan]:
    """Entities of one sentence with Dragoman types and confidence (like the CRF's ``tag_spans``)."""
    return [
        TaggedSpan(a, b, dragoman_type(t, tokens[a:b], lang), t, score)
        for a, b, t, score in get_tagger(lang).spans_with_scores(tokens)
    ]
