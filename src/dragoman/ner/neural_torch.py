"""PyTorch side of the neural NER head: the module trained by :mod:`dragoman.ner.neural_train`.

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
        return (self._log_partition(em, mask) - self._path_score(em, y, mask)).sum()

    def _path_score(self, em: torch.Tensor, y: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b = torch.arange(em.shape[0])
        score = self.start[y[:, 0]] + em[b, 0, y[:, 0]]
        for t in range(1, em.shape[1]):
            step = self.trans[y[:, t - 1], y[:, t]] + em[b, t, y[:, t]]
            score = score + step * mask[:, t]
        last = y[b, mask.sum(1) - 1]
        return score + self.end[last]

    def _log_partition(self, em: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        alpha = self.start[None, :] + em[:, 0]
        for t in range(1, em.shape[1]):
            nxt = torch.logsumexp(alpha[:, :, None] + self.trans[None], 1) + em[:, t]
            alpha = torch.where(mask[:, t, None], nxt, alpha)
        return torch.logsumexp(alpha + self.end[None, :], 1)

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
