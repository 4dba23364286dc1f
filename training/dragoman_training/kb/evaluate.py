"""How often a gazetteer mention lands on a gold entity, on the shared NER corpora.

``python -m dragoman_training.kb.evaluate [--shared ../shared]`` runs the
gazetteer over ANERcorp's (Arabic) and NEMO's (Hebrew) test sentences and
reports, per mention kind, the share of gazetteer mentions that overlap a
gold entity of a compatible type (precision: the KB is small, so recall is
not the point), and the share of gold place/person mentions it covers.
Gentilic adjectives are not entities in either corpus, so nisba precision
is reported but not meaningful there.  Reads ``../shared``; never copies it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dragoman.model import Article, EntityType, MentionKind, Span
from dragoman.stages.gazetteer import Gazetteer
from dragoman.stages.normalize import Normalize
from dragoman.stages.sentences import Sentences
from dragoman_training.ner.datasets import Sentence, anercorp, datasets_dir, nemo

# Gold labels (ANERcorp, NEMO) -> KB types that count as the same thing.
_COMPATIBLE: dict[str, frozenset[EntityType]] = {
    "PERS": frozenset({EntityType.PERSON}),
    "PER": frozenset({EntityType.PERSON}),
    "LOC": frozenset({EntityType.GPE, EntityType.PLACE}),
    "GPE": frozenset({EntityType.GPE, EntityType.PLACE}),
    "ORG": frozenset({EntityType.ORG, EntityType.GPE, EntityType.GROUP}),
    "FAC": frozenset({EntityType.ORG, EntityType.PLACE}),
    "MISC": frozenset(EntityType),
    "EVE": frozenset({EntityType.EVENT, EntityType.AGREEMENT}),
    "WOA": frozenset({EntityType.AGREEMENT, EntityType.LAW, EntityType.MISC}),
    "ANG": frozenset(),
    "DUC": frozenset({EntityType.ORG, EntityType.MISC}),
}


def _gold(sent: Sentence) -> tuple[str, list[tuple[Span, str]]]:
    """The sentence as text and its gold entity spans (IOB2 or BIOSE)."""
    pos, starts = 0, []
    for tok in sent.tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(sent.tokens)
    spans: list[tuple[Span, str]] = []
    open_at: int | None = None
    open_type = ""
    for k, label in enumerate([*sent.labels, "O"]):
        tag, _, etype = label.partition("-")
        if open_at is not None and (tag in ("O", "B", "S") or etype != open_type):
            end = starts[k - 1] + len(sent.tokens[k - 1])
            spans.append((Span(starts[open_at], end), open_type))
            open_at = None
        if tag in ("B", "S") or (tag in ("I", "E") and open_at is None and etype):
            open_at, open_type = k, etype
        if tag in ("E", "S") and open_at is not None:
            spans.append((Span(starts[open_at], starts[k] + len(sent.tokens[k])), open_type))
            open_at = None
    return text, spans


def evaluate(sentences: list[Sentence], lang: str) -> dict[str, float | int]:
    gaz, sents, norm = Gazetteer(), Sentences(), Normalize()
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    gold_total = gold_found = 0
    for sent in sentences:
        text, gold = _gold(sent)
        art = Article.from_text(text)
        art.language = lang
        art.provided.add("boilerplate")
        gaz(norm(sents(art)))
        for m in art.mentions:
            # A state's institution ("وزارة الخارجية الروسية") has no KB id: scored on its own,
            # since the corpora tag such phrases unevenly and they are not KB names.
            kind = "institution" if m.kb_id is None else m.kind.value
            totals[kind] += 1
            target = m.head or m.span
            if any(g.overlaps(target) and m.type in _COMPATIBLE.get(t, frozenset()) for g, t in gold):
                hits[kind] += 1
        for g, t in gold:
            if t in ("PERS", "PER", "LOC", "GPE"):
                gold_total += 1
                gold_found += any(
                    m.span.overlaps(g) and m.kind is not MentionKind.TITLE for m in art.mentions
                )
    out: dict[str, float | int] = {"sentences": len(sentences)}
    for kind in sorted(totals):
        out[f"{kind}_mentions"] = totals[kind]
        out[f"{kind}_precision"] = round(hits[kind] / totals[kind], 3)
    out["gold_person_place_covered"] = round(gold_found / gold_total, 3) if gold_total else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dragoman_training.kb.evaluate", description=__doc__)
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (default: ../shared)")
    args = parser.parse_args(argv)
    d = datasets_dir(args.shared)
    for name, sentences, lang in (
        ("ANERcorp test", anercorp(d, "test"), "ar"),
        ("NEMO test", nemo(d, "test"), "he"),
    ):
        print(name, evaluate(sentences, lang))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
