"""Per-word contextual vectors for tagging: encoder layer states averaged over each word's pieces.

Shared by training (vectors for whole gold splits, cached on disk) and inference (one
sentence at a time), so both see exactly the same inputs. Averaging over the pieces rather
than taking the first one matters for Arabic and Hebrew: XLM-R's vocabulary often splits
such a word into a bare word-start marker followed by the word, and the marker alone says
little.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dragoman.ner.encoder import Adapters, Encoder

# Leave room for <s> and </s> inside the encoder's 512 positions.
MAX_PIECES = 500


def word_states(
    encoder: Encoder, words: Sequence[str], layers: Sequence[int], adapters: Adapters | None = None
) -> np.ndarray:
    """float32 [len(words), len(layers), hidden]: the chosen layers, averaged per word.

    A sentence longer than the encoder's window is cut into consecutive windows at word
    boundaries; each window is encoded on its own (no overlap: such sentences are rare
    and mostly lists, where little context crosses the cut).
    """
    out = np.zeros((len(words), len(layers), encoder.hidden), np.float32)
    start = 0
    while start < len(words):
        end, n = start, 0
        while end < len(words):
            k = len(encoder.tokenizer.word(words[end]))
            if n + k > MAX_PIECES and end > start:
                break
            n += k
            end += 1
        ids, ranges = encoder.pieces(words[start:end])
        if len(ids) > MAX_PIECES + 2:  # one word longer than the window: keep its head
            ids = ids[: MAX_PIECES + 1] + ids[-1:]
        states = encoder.forward(ids, adapters, upto=max(layers))  # no layer above the last one read
        stacked = np.stack([states[i] for i in layers], axis=1)  # [pieces, layers, hidden]
        last = stacked.shape[0] - 1
        for w, (a, b) in enumerate(ranges):
            a, b = min(a, last - 1), max(min(b, last), min(a, last - 1) + 1)
            out[start + w] = stacked[a:b].mean(0)
        start = end
    return out
