"""PyTorch side of the neural NER head: the module trained by :mod:`dragoman_training.ner.neural_train`.

Mirrors :class:`dragoman.ner.neural.NeuralTagger` exactly (layer mix, indicator features,
one bidirectional LSTM layer, linear label scores, linear-chain CRF) so that ``export``
gives weights the numpy tagger runs without torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
import torch
from torch import nn


class Head(nn.Module):
    def __init__(self, n_layers: int, dim: int, n_extra: int, hidden: int, n_labels: int, dropout: float) -> None:
        super().__init__()
        self.mix = nn.Parameter(torch.zeros(n_layers))
        self.gamma = nn.Parameter(torch.ones(1))
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(dim + n_extra, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_labels)
        self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))  # [from, to]
        self.start = nn.Parameter(torch.zeros(n_labels))
        self.end = nn.Parameter(torch.zeros(n_labels))

    def emissions(self, states: torch.Tensor, extra: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        w = torch.softmax(self.mix, 0) * self.gamma
        x = torch.einsum("btlh,l->bth", states, w)
        x = self.drop(torch.cat([x, extra], -1))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
        return self.out(self.drop(h))

    def loss(self, states: torch.Tensor, extra: torch.Tensor, y: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """Negative log-likelihood of the gold label paths, summed over the batch."""
        em = self.emissions(states, extra, lengths)
        mask = torch.arange(em.shape[1])[None, :] < lengths[:, None]
        return crf_nll(em, y, mask, self.trans, self.start, self.end)

    def export(self, labels: Sequence[str], layers: Sequence[int]) -> dict[str, np.ndarray]:
        """Weights in the numpy tagger's layout (float16 matrices, LSTM biases summed)."""
        def f16(t: torch.Tensor) -> np.ndarray:
            return t.detach().cpu().numpy().astype(np.float16)

        def lstm(name: str) -> torch.Tensor:
            return cast(torch.Tensor, getattr(self.lstm, name))

        return {
            "labels": np.array(list(labels)),
            "layers": np.array(list(layers), np.int16),
            "mix": f16(self.mix),
            "gamma": f16(self.gamma),
            "w_ih": f16(lstm("weight_ih_l0")),
            "w_hh": f16(lstm("weight_hh_l0")),
            "b": f16(lstm("bias_ih_l0") + lstm("bias_hh_l0")),
            "w_ih_r": f16(lstm("weight_ih_l0_reverse")),
            "w_hh_r": f16(lstm("weight_hh_l0_reverse")),
            "b_r": f16(lstm("bias_ih_l0_reverse") + lstm("bias_hh_l0_reverse")),
            "out_w": f16(self.out.weight),
            "out_b": f16(self.out.bias),
            "trans": f16(self.trans),
            "start": f16(self.start),
            "end": f16(self.end),
        }


def crf_nll(
    em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor, trans: torch.Tensor, start: torch.Tensor, end: torch.Tensor
) -> torch.Tensor:
    """Linear-chain CRF negative log-likelihood of gold paths ``y`` [B, T], summed over the batch."""
    b = torch.arange(em.shape[0])
    score = start[y[:, 0]] + em[b, 0, y[:, 0]]
    alpha = start[None, :] + em[:, 0]
    for t in range(1, em.shape[1]):
        score = score + (trans[y[:, t - 1], y[:, t]] + em[b, t, y[:, t]]) * mask[:, t]
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None], 1) + em[:, t]
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    score = score + end[y[b, mask.sum(1) - 1]]
    return (torch.logsumexp(alpha + end[None, :], 1) - score).sum()


def pad(batch: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[torch.Tensor, ...]:
    """Sentences of (states [T, L, H], extra [T, E], labels [T]) -> padded tensors and lengths."""
    n = max(len(y) for _, _, y in batch)
    states = torch.zeros(len(batch), n, *batch[0][0].shape[1:])
    extra = torch.zeros(len(batch), n, batch[0][1].shape[1])
    y = torch.zeros(len(batch), n, dtype=torch.long)
    for i, (s, e, lab) in enumerate(batch):
        states[i, : len(lab)] = torch.from_numpy(s)
        extra[i, : len(lab)] = torch.from_numpy(e)
        y[i, : len(lab)] = torch.from_numpy(lab)
    lengths = torch.tensor([len(lab) for _, _, lab in batch])
    return states, extra, y, lengths


# -- fine-tuning the encoder with low-rank adapters (LoRA) -------------------------------------

ADAPTED = ("q", "k", "v", "ao", "fi", "fo")


class LoraLinear(nn.Module):
    """A frozen ``x @ w + b`` plus a trainable low-rank update ``x @ a @ b_``."""

    def __init__(self, w: np.ndarray, b: np.ndarray, rank: int, alpha: float, dropout: float) -> None:
        super().__init__()
        self.register_buffer("w", torch.from_numpy(np.ascontiguousarray(w, np.float32)))
        self.register_buffer("bias", torch.from_numpy(np.ascontiguousarray(b, np.float32)))
        self.a = nn.Parameter(torch.randn(w.shape[0], rank) / w.shape[0] ** 0.5)
        self.b_ = nn.Parameter(torch.zeros(rank, w.shape[1]))  # zero: training starts from the frozen model
        self.scale = alpha / rank
        self.drop = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        w, bias = cast(torch.Tensor, self.w), cast(torch.Tensor, self.bias)
        return x @ w + bias + (self.drop(x) @ self.a @ self.b_) * self.scale

    def factors(self) -> tuple[np.ndarray, np.ndarray]:
        return self.a.detach().numpy().astype(np.float16), (self.b_.detach() * self.scale).numpy().astype(np.float16)


class LoraLayer(nn.Module):
    """One post-LayerNorm BERT layer, as :meth:`dragoman.ner.encoder.Encoder.forward` runs it."""

    def __init__(self, weights: dict[str, np.ndarray], heads: int, eps: float, rank: int, alpha: float, dropout: float) -> None:
        super().__init__()
        self.lin = nn.ModuleDict({n: LoraLinear(weights[n], weights[f"{n}_b"], rank, alpha, dropout) for n in ADAPTED})
        for n in ("aln_w", "aln_b", "oln_w", "oln_b"):
            self.register_buffer(n, torch.from_numpy(np.ascontiguousarray(weights[n], np.float32)))
        self.heads, self.eps = heads, eps

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        bsz, t, h = x.shape
        hd = h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(bsz, t, self.heads, hd).transpose(1, 2)

        q, k, v = (split(self.lin[n](x)) for n in ("q", "k", "v"))
        att = (q @ k.transpose(-1, -2)) / hd**0.5
        att = att.masked_fill(~mask[:, None, None, :], -1e9).softmax(-1)
        ctx = (att @ v).transpose(1, 2).reshape(bsz, t, h)
        buf = dict(self.named_buffers(recurse=False))
        x = nn.functional.layer_norm(x + self.lin["ao"](ctx), (h,), buf["aln_w"], buf["aln_b"], self.eps)
        mid = nn.functional.gelu(self.lin["fi"](x))
        return nn.functional.layer_norm(x + self.lin["fo"](mid), (h,), buf["oln_w"], buf["oln_b"], self.eps)


class Tuned(nn.Module):
    """Encoder layers with adapters under the same head as :class:`Head` (layer mix, BiLSTM, CRF).

    The input is the encoder state below layer ``first``; the head mixes that state and the
    output of every adapted layer, averaged over each word's pieces.
    """

    def __init__(self, layers: Sequence[dict[str, np.ndarray]], heads: int, eps: float, n_extra: int,
                 n_labels: int, rank: int, alpha: float, hidden: int, dropout: float, first: int) -> None:
        super().__init__()
        self.first = first
        self.layers = nn.ModuleList(LoraLayer(w, heads, eps, rank, alpha, 0.1) for w in layers)
        dim = layers[0]["q"].shape[0]
        self.head = Head(len(layers) + 1, dim, n_extra, hidden, n_labels, dropout)

    def _word_states(self, x: torch.Tensor, mask: torch.Tensor, pool: torch.Tensor) -> torch.Tensor:
        states = [x]
        for layer in self.layers:
            states.append(layer(states[-1], mask))
        return torch.einsum("bwp,bplh->bwlh", pool, torch.stack(states, 2))

    def loss(self, x: torch.Tensor, mask: torch.Tensor, pool: torch.Tensor, extra: torch.Tensor,
             y: torch.Tensor, wmask: torch.Tensor) -> torch.Tensor:
        return self.head.loss(self._word_states(x, mask, pool), extra, y, wmask.sum(1))

    def emissions(self, x: torch.Tensor, mask: torch.Tensor, pool: torch.Tensor, extra: torch.Tensor,
                  wlengths: torch.Tensor) -> torch.Tensor:
        return self.head.emissions(self._word_states(x, mask, pool), extra, wlengths)

    def export(self, labels: Sequence[str]) -> dict[str, np.ndarray]:
        out = self.head.export(labels, range(self.first, self.first + len(self.layers) + 1))
        out["kind"] = np.array("lora")
        for i, layer in enumerate(self.layers):
            for n in ADAPTED:
                a, b = cast(LoraLinear, cast(LoraLayer, layer).lin[n]).factors()
                out[f"l{self.first + i}.{n}.a"], out[f"l{self.first + i}.{n}.b"] = a, b
        return out
