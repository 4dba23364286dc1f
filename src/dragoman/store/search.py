"""One folding for the search index and the query, shared by every store.

Arabic and Hebrew glue conjunctions, prepositions and the article onto the
next word, and spell one word several ways (hamza, final forms, niqqud,
geresh).  Neither SQLite's ``unicode61`` tokenizer nor PostgreSQL's
``simple`` configuration knows this, so the stores never let the database
parse text: they index the *terms* computed here (folded with
``dragoman.text.normalize`` and expanded with every clitic/prefix reading
from ``dragoman.text.morph``) and look up the query folded the same way.

The index only says *which* articles match.  Where the match is, is found
again here from the stored text, so both backends return the same offsets
into the original ``Article.text`` and the same snippet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from dragoman.lang.loader import available_languages
from dragoman.model import Span
from dragoman.text import normalize, tokenize
from dragoman.text.morph import morphology, splits

SNIPPET_CONTEXT = 60  # characters of original text shown on each side of a match
# Longer "words" are URLs, hashes or glued markup, never search targets;
# PostgreSQL also rejects lexemes over 2 KiB.
MAX_TERM = 64


class Term(NamedTuple):
    """One index term of a document and the original characters it stands for.

    A named tuple rather than a dataclass: an article has thousands of terms
    and building them is most of the cost of indexing.
    """

    term: str
    position: int  # index of the token in the document, for phrase matching
    start: int  # the stem's characters in the original text (prefix excluded)
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def clean_term(folded: str) -> str:
    """Keep letters and digits only, so no database tokenizer ever splits a term.

    ``ארה"ב`` and ``ארה״ב`` both become ``ארהב``; the same rule runs on queries.
    """
    return "".join(ch for ch in folded if ch.isalnum())


@cache
def _stemming_languages(lang: str | None) -> tuple[str, ...]:
    # An article of unknown language is expanded with every language's
    # prefixes: the prefix letters are script-specific, so an Arabic rule
    # never fires on a Hebrew word and vice versa.
    if lang is not None and morphology(lang) is not None:
        return (lang,)
    return tuple(code for code in available_languages() if morphology(code) is not None)


@lru_cache(maxsize=200_000)
def _readings(token: str, langs: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """(term, start, end) for every reading of one original token, offsets relative to the token.

    Cached by token: words repeat so much across a corpus that folding each
    distinct word once makes indexing several times faster.
    """
    norm = normalize(token)
    folded = norm.text
    out: list[tuple[str, int, int]] = []
    seen: set[str] = set()
    readings = [("", folded)] + [r for code in langs for r in splits(folded, code)[1:]]
    for prefix, stem in readings:
        term = clean_term(stem)
        if not term or len(term) > MAX_TERM or term in seen:
            continue
        seen.add(term)
        # The end is the token's end, not the last letter's: the span keeps
        # the marks (shadda, tanween, niqqud) that follow the word's last letter.
        out.append((term, norm.offsets[len(prefix)], len(token)))
    return tuple(out)


def _outside(tokens: list[Span], skip: Sequence[Span]) -> list[Span]:
    """Tokens that overlap none of the ``skip`` spans (both walked in order)."""
    if not skip:
        return tokens
    spans = sorted(skip)
    keep: list[Span] = []
    k = 0
    for tok in tokens:
        while k < len(spans) and spans[k].end <= tok.start:
            k += 1
        if k < len(spans) and spans[k].start < tok.end:
            continue
        keep.append(tok)
    return keep


def document_terms(text: str, lang: str | None, skip: Sequence[Span] = ()) -> list[Term]:
    """Every index term of ``text``; tokens overlapping a ``skip`` span (page chrome) are left out."""
    langs = _stemming_languages(lang)
    out: list[Term] = []
    position = 0
    for tok in _outside(tokenize(text), skip):
        readings = _readings(text[tok.start : tok.end], langs)
        for term, a, b in readings:
            out.append(Term(term, position, tok.start + a, tok.start + b))
        if readings:
            position += 1
    return out


def index_text(terms: Iterable[Term]) -> str:
    """The terms as one space-separated string, the form both databases index."""
    return " ".join(t.term for t in terms)


def query_terms(query: str) -> list[str]:
    """The folded whole-word terms of a query, in order, without repeats.

    The query is not prefix-stripped: the index already holds every stem of
    every word, so ``اذربيجان`` finds ``وأذربيجان``, while a query that carries
    a prefix itself (``ובאקו``) asks for exactly that form.
    """
    seen: dict[str, None] = {}
    for tok in tokenize(query):
        term = clean_term(normalize(query[tok.start : tok.end]).text)
        if term:
            seen.setdefault(term, None)
    return list(seen)


def locate(terms: Sequence[Term], wanted: Sequence[str]) -> Span | None:
    """The best span for a query in a document: the first place the query's words
    appear as a phrase, else the first occurrence of its first word; None when a word is missing."""
    if not wanted:
        return None
    want = set(wanted)
    by_term: dict[str, dict[int, Span]] = {}
    for t in terms:
        if t.term in want:
            by_term.setdefault(t.term, {}).setdefault(t.position, t.span)
    if any(w not in by_term for w in wanted):
        return None
    first = by_term[wanted[0]]
    for pos in sorted(first):
        if all(pos + i in by_term[w] for i, w in enumerate(wanted)):
            return Span(first[pos].start, by_term[wanted[-1]][pos + len(wanted) - 1].end)
    return first[min(first)]


def snippet(text: str, span: Span, context: int = SNIPPET_CONTEXT) -> str:
    """Original text around ``span``, cut at word boundaries, on one line."""
    a = max(0, span.start - context)
    b = min(len(text), span.end + context)
    if a > 0:
        cut = text.find(" ", a, span.start)
        a = cut + 1 if cut != -1 else a
    if b < len(text):
        cut = text.rfind(" ", span.end, b)
        b = cut if cut != -1 else b
    body = " ".join(text[a:b].split())
    return ("…" if a > 0 else "") + body + ("…" if b < len(text) else "")


__all__ = [
    "MAX_TERM",
    "SNIPPET_CONTEXT",
    "Term",
    "clean_term",
    "document_terms",
    "index_text",
    "locate",
    "query_terms",
    "snippet",
]
