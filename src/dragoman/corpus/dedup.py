"""Near-duplicates: republished and lightly edited copies of one text, by MinHash LSH.

Each article's body (page chrome removed by the boilerplate stage, folded by
``text.normalize``) is cut into word 5-gram shingles and summarised by a
``datasketch.MinHash``.  The signature is cut into LSH bands (``b`` bands of
``r`` rows, chosen by ``datasketch.MinHashLSH`` for the threshold); two
articles sharing a band are candidates, and a candidate pair is a copy when
the signatures' estimated Jaccard similarity reaches the threshold.  Bands
are the blocking keys: a new article is compared only with those sharing one.

A copy is not dropped: each keeps its own outlet and date and stays a source
of the events it reports; near-duplicates are grouped so that a story lists
them together and an analyst can see which outlets republished what.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import cache

import numpy as np

__all__ = ["NUM_PERM", "band_keys", "jaccard", "lsh_params", "signature"]

NUM_PERM = 128
_SEED = 1  # fixed: signatures must be comparable across runs and stores


@cache
def lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) ``datasketch`` picks for ``threshold`` (balancing false positives and negatives)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def signature(shingles: Iterable[str], num_perm: int = NUM_PERM) -> list[int]:
    """The MinHash signature of a set of shingles (empty set: an empty list, never a copy of anything)."""
    from datasketch import MinHash

    items = sorted(set(shingles))
    if not items:
        return []
    mh = MinHash(num_perm=num_perm, seed=_SEED)
    mh.update_batch([s.encode("utf-8") for s in items])
    return [int(v) for v in mh.hashvalues]


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (the share of equal positions)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def band_keys(sig: Sequence[int], threshold: float) -> list[str]:
    """One blocking key per LSH band: articles that share one are compared."""
    if not sig:
        return []
    b, r = lsh_params(threshold, len(sig))
    keys = []
    for i in range(b):
        chunk = ",".join(str(v) for v in sig[i * r : (i + 1) * r])
        keys.append(f"d|{i}|{hashlib.sha1(chunk.encode()).hexdigest()[:16]}")
    return keys
