"""Loaded and evaluative wording in an article's body, and the units the stance model reads.

Works on any stored article: the store keeps sentences but not tokens, so the
body's sentences are re-tokenised here (cheap, and identical to the pipeline's
tokeniser).  Page chrome (the boilerplate layer) is skipped: a menu item is not
the outlet's wording.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from dragoman.framing.lexicon import entries, matcher
from dragoman.model import Article, Span
from dragoman.text.morph import token_forms
from dragoman.text.tokenize import sentence_spans, tokenize

__all__ = ["Marker", "Unit", "body_units", "find_markers", "lang_of", "word_count"]


@dataclass(frozen=True, slots=True)
class Marker:
    """One loaded or evaluative expression in ``Article.text``."""

    span: Span
    kind: str  # name_calling | loaded | evaluative | doubt
    gloss: str
    sign: int  # -1 hostile, +1 favourable, 0 neither (toward its target or neighbour)
    target: str | None  # side id or entity id the wording itself fixes, else None
    lang: str
    entry: int  # index of the lexicon entry (dragoman.framing.lexicon.entries(lang))


@dataclass(frozen=True, slots=True)
class Unit:
    """A body sentence with its word tokens (what markers and the stance model read)."""

    span: Span
    tokens: list[Span]


def lang_of(article: Article) -> str:
    return (article.language or "").split("-")[0].lower()


def body_units(article: Article) -> list[Unit]:
    """Non-boilerplate sentences with their tokens."""
    text = article.text
    sentences = article.sentences or [s for b in article.body_spans() for s in sentence_spans(text, b.start, b.end)]
    out = []
    for s in sentences:
        if article.boilerplate and article.in_boilerplate(s):
            continue
        toks = tokenize(text, s.start, s.end)
        if toks:
            out.append(Unit(s, toks))
    return out


def word_count(article: Article, units: list[Unit] | None = None) -> int:
    """Words of the body (tokens that contain a letter or digit)."""
    text = article.text
    return sum(1 for u in (units if units is not None else body_units(article)) for t in u.tokens
               if any(c.isalnum() for c in text[t.start : t.end]))


def find_markers(article: Article, units: list[Unit] | None = None) -> list[Marker]:
    """Every lexicon match in the body, in text order."""
    lang = lang_of(article)
    lex = entries(lang)
    if not lex:
        return []
    match = matcher(lang)
    text = article.text
    out: list[Marker] = []
    for unit in units if units is not None else body_units(article):
        forms = token_forms([text[t.start : t.end] for t in unit.tokens], lang)
        for m in match.find(forms):
            e = lex[m.payload]
            span = Span(unit.tokens[m.start].start, unit.tokens[m.end - 1].end)
            out.append(Marker(span, e.kind, e.gloss, e.sign, e.target, lang, m.payload))
    return out


def token_index(unit: Unit, offset: int) -> int:
    """Index of the token of ``unit`` that contains (or follows) character ``offset``."""
    starts = [t.start for t in unit.tokens]
    k = bisect_left(starts, offset)
    if k and unit.tokens[k - 1].end > offset:
        return k - 1
    return k
