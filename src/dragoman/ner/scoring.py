"""The two ways the benchmarks score NER.

ANERcorp papers report CoNLL exact-span micro F1 (conlleval): a predicted
entity counts only with the same first token, last token and type.  NEMO's
authors score token-single output as mention multisets per sentence: each
(sentence, surface string, type) counts as many times as it occurs, wherever
it is in the sentence (``ne_evaluate_mentions.py`` in their repository);
this module re-implements both from their definitions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

Span3 = tuple[int, int, str]  # first token, one past the last token, type


@dataclass(slots=True)
class PRF:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _split(label: str) -> tuple[str, str]:
    if label == "O" or "-" not in label:
        return "O", ""
    tag, _, typ = label.partition("-")
    return tag, typ


def spans(labels: Sequence[str]) -> list[Span3]:
    """Entities of an IOB2 or BIOSE sequence, read as conlleval reads chunks.

    An I- or E- whose type differs from the open entity, or with none open,
    starts a new entity (conlleval's lenient reading); S- is a one-token
    entity and E- closes the one it belongs to.
    """
    out: list[Span3] = []
    start, typ = -1, ""
    for i, label in enumerate(labels):
        tag, t = _split(label)
        if start >= 0 and (tag in ("O", "B", "S") or t != typ):
            out.append((start, i, typ))
            start = -1
        if tag in ("B", "S") or (tag in ("I", "E") and start < 0):
            start, typ = i, t
        if tag in ("S", "E") and start >= 0:
            out.append((start, i + 1, typ))
            start = -1
    if start >= 0:
        out.append((start, len(labels), typ))
    return out


def _tally(
    scores: dict[str, PRF], gold: Counter[tuple[object, str]], pred: Counter[tuple[object, str]]
) -> None:
    total = scores.setdefault("ALL", PRF())
    for key, n in gold.items():
        scores.setdefault(key[1], PRF()).gold += n
        total.gold += n
    for key, n in pred.items():
        s = scores.setdefault(key[1], PRF())
        s.pred += n
        hit = min(n, gold.get(key, 0))
        s.tp += hit
        total.pred += n
        total.tp += hit


def conll_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, PRF]:
    """Exact-span P/R/F per type and overall (key ``"ALL"``)."""
    scores: dict[str, PRF] = {"ALL": PRF()}
    for g, p in zip(gold, pred, strict=True):
        gs: Counter[tuple[object, str]] = Counter(((a, b), t) for a, b, t in spans(g))
        ps: Counter[tuple[object, str]] = Counter(((a, b), t) for a, b, t in spans(p))
        _tally(scores, gs, ps)
    return scores


def nemo_mentions(tokens: Sequence[str], labels: Sequence[str]) -> Counter[tuple[object, str]]:
    """(surface string, type) multiset of one sentence, as NEMO's scorer builds it.

    Strict BIOSE: a mention is an S-, or a B- closed by an E- with nothing
    but I- between; a B- left open or an I- with no B- yields nothing.  The
    surface string is the tokens joined with no separator.
    """
    out: Counter[tuple[object, str]] = Counter()
    current: list[str] | None = None
    typ = ""
    for tok, label in zip(tokens, labels, strict=True):
        tag, t = _split(label)
        if tag == "S":
            out[(tok, t)] += 1
            current = None
        elif tag == "B":
            current, typ = [tok], t
        elif tag == "I" and current is not None:
            current.append(tok)
        elif tag == "E" and current is not None:
            current.append(tok)
            out[("".join(current), typ)] += 1
            current = None
        elif tag == "O":
            current = None
    return out


def nemo_scores(
    tokens: Sequence[Sequence[str]], gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
) -> dict[str, PRF]:
    """Mention-level P/R/F per type and overall, per-sentence multisets."""
    scores: dict[str, PRF] = {"ALL": PRF()}
    for toks, g, p in zip(tokens, gold, pred, strict=True):
        _tally(scores, nemo_mentions(toks, g), nemo_mentions(toks, p))
    return scores


def to_biose(labels: Sequence[str]) -> list[str]:
    """Any IOB2/BIOSE sequence rewritten as strict BIOSE over its ``spans``."""
    out = ["O"] * len(labels)
    for a, b, t in spans(labels):
        if b - a == 1:
            out[a] = "S-" + t
        else:
            out[a] = "B-" + t
            for i in range(a + 1, b - 1):
                out[i] = "I-" + t
            out[b - 1] = "E-" + t
    return out


def to_bio(labels: Sequence[str]) -> list[str]:
    """Any IOB2/BIOSE sequence rewritten as IOB2."""
    out = ["O"] * len(labels)
    for a, b, t in spans(labels):
        out[a] = "B-" + t
        for i in range(a + 1, b):
            out[i] = "I-" + t
    return out
