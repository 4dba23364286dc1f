"""One folding for the search index and the query, shared by every store.

Arabic and Hebrew glue conjunctions, prepositions and the article onto the
next word, and spell one word several ways (hamza, final forms, niqqud,
geresh); English inflects (embassy, embassies).  Neither SQLite's
``unicode61`` tokenizer nor PostgreSQL's ``simple`` configuration knows
this, so the stores never let the database parse text: they index the
*terms* computed here and look up the query folded the same way.

A word of a document is indexed under every reading of it: its folded form
(``dragoman.text.normalize``), each stem left by stripping a clitic or prefix
(``dragoman.text.morph``) and its Snowball stem where its language declares
one.  A word of the query is read the same ways and matches a document that
holds any of its readings: بأذربيجان finds وأذربيجان (both read
اذربيجان), embassies finds embassy (both stem to embassi).

Each entity of an article is indexed too, at the place of each of its
mentions: the words of its canonical English name and its Wikidata QID.  So
"Bayramov" or "Q227" finds an Arabic article that only ever writes the name
in Arabic script, and the match is that mention.

The index only says *which* articles match.  Where the match is, is found
again here from the stored text, so both backends return the same offsets
into the original ``Article.text`` and the same snippet.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from dragoman.lang.loader import available_languages
from dragoman.model import Span
from dragoman.text import normalize, tokenize
from dragoman.text.morph import morphology, snowball_stem, splits

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


# A stem left by stripping a prefix from a *query* word must keep this many letters:
# the user typed the whole word, and a two-letter remainder (ب + يت) matches too much.
_MIN_QUERY_STEM = 3


@cache
def _stemming_languages(lang: str | None) -> tuple[str, ...]:
    # An article of unknown language (and every query) is expanded with every
    # language's prefixes and stemmer: prefix letters are script-specific, so an
    # Arabic rule never fires on a Hebrew word, and Snowball's English stemmer
    # leaves other scripts alone.
    if lang is not None and morphology(lang) is not None:
        return (lang,)
    return tuple(code for code in available_languages() if morphology(code) is not None)


def _stems(term: str, langs: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for code in langs:
        stem = snowball_stem(term, code)
        if stem and stem != term and stem not in out:
            out.append(stem)
    return out


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
    whole = clean_term(folded)
    readings += [("", stem) for stem in _stems(whole, langs)] if whole else []
    for prefix, stem in readings:
        term = clean_term(stem)
        if not term or len(term) > MAX_TERM or term in seen:
            continue
        seen.add(term)
        # The end is the token's end, not the last letter's: the span keeps
        # the marks (shadda, tanween, niqqud) that follow the word's last letter.
        out.append((term, norm.offsets[len(prefix)], len(token)))
    return tuple(out)


# A Wikidata id: the tokeniser would cut Q227 into a letter and a number.
_QID = re.compile(r"[Qq][1-9][0-9]*")


@lru_cache(maxsize=20_000)
def _name_terms(name: str) -> tuple[str, ...]:
    """Index terms of an entity's canonical English name (or QID): folded words and their stems."""
    out: list[str] = []
    langs = _stemming_languages(None)
    for tok in tokenize(name):
        term = clean_term(normalize(name[tok.start : tok.end]).text)
        if term and len(term) <= MAX_TERM:
            out.extend(t for t in (term, *_stems(term, langs)) if t not in out)
    return tuple(out)


class EntityRef(NamedTuple):
    """What search indexes of one entity: its names and where it is mentioned."""

    canonical: str
    qid: str | None
    spans: tuple[Span, ...]


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


def document_terms(
    text: str, lang: str | None, skip: Sequence[Span] = (), entities: Sequence[EntityRef] = ()
) -> list[Term]:
    """Every index term of ``text``; tokens overlapping a ``skip`` span (page chrome) are left out.

    Each entity adds the terms of its canonical name and QID at the position
    of every mention that starts on an indexed token, spanning the mention.
    """
    langs = _stemming_languages(lang)
    out: list[Term] = []
    position = 0
    starts: list[int] = []  # indexed tokens' starts, ends and positions, to place entity terms
    ends: list[int] = []
    positions: list[int] = []
    for tok in _outside(tokenize(text), skip):
        readings = _readings(text[tok.start : tok.end], langs)
        for term, a, b in readings:
            out.append(Term(term, position, tok.start + a, tok.start + b))
        if readings:
            starts.append(tok.start)
            ends.append(tok.end)
            positions.append(position)
            position += 1
    for ent in entities:
        names = _name_terms(ent.canonical) + ((ent.qid.lower(),) if ent.qid and _QID.fullmatch(ent.qid) else ())
        for span in ent.spans:
            k = bisect_right(starts, span.start) - 1  # the indexed token the mention starts in
            if k < 0 or ends[k] <= span.start:  # in chrome, or on no word at all
                continue
            out.extend(Term(term, positions[k], span.start, span.end) for term in names)
    return out


def article_entities(doc_entities: Iterable[dict[str, Any]]) -> list[EntityRef]:
    """``EntityRef``s from Article JSON v1 entities (each mention carries its start and end)."""
    return [
        EntityRef(
            str(e.get("canonical") or ""),
            e.get("qid"),
            tuple(Span(int(m["start"]), int(m["end"])) for m in e.get("mentions", [])),
        )
        for e in doc_entities
    ]


def index_text(terms: Iterable[Term]) -> str:
    """The terms as one space-separated string, the form both databases index."""
    return " ".join(t.term for t in terms)


def query_terms(query: str) -> list[str]:
    """The folded whole-word terms of a query, in order, without repeats (a QID is one term)."""
    seen: dict[str, None] = {}
    for chunk in query.split():
        if _QID.fullmatch(chunk):
            seen.setdefault(chunk.lower(), None)
            continue
        for tok in tokenize(chunk):
            term = clean_term(normalize(chunk[tok.start : tok.end]).text)
            if term:
                seen.setdefault(term, None)
    return list(seen)


def query_groups(query: str) -> list[tuple[str, ...]]:
    """For each word of the query, the terms any of which matches it: the folded word first,
    then what stripping a clitic or prefix leaves (three letters at least) and its Snowball stems."""
    langs = _stemming_languages(None)
    groups: list[tuple[str, ...]] = []
    for term in query_terms(query):
        alts = [term]
        stripped = {clean_term(stem) for code in langs for _prefix, stem in splits(term, code)[1:]}
        # The least stripped reading first: it is the likelier, and ``locate`` prefers earlier ones.
        alts += sorted((x for x in stripped if len(x) >= _MIN_QUERY_STEM and x != term), key=lambda x: (-len(x), x))
        alts += [stem for stem in _stems(term, langs) if stem not in alts]
        groups.append(tuple(alts))
    return groups


def locate(terms: Sequence[Term], wanted: Sequence[str | tuple[str, ...]]) -> Span | None:
    """The best span for a query in a document: the first place the query's words
    appear as a phrase, else the first occurrence of its first word; None when a word is missing.

    Each wanted word is a term or a tuple of alternative terms (``query_groups``).
    """
    if not wanted:
        return None
    groups = [(w,) if isinstance(w, str) else tuple(w) for w in wanted]
    index: dict[str, list[tuple[int, int]]] = {}
    for g, alts in enumerate(groups):
        for rank, term in enumerate(alts):
            index.setdefault(term, []).append((g, rank))
    # Per group, position -> (rank of the alternative, its span): the query's own form wins,
    # so "באקו" in "ובאקו" spans באקו, not the אקו that stripping וב would leave.
    best: list[dict[int, tuple[int, Span]]] = [{} for _ in groups]
    for t in terms:
        for g, rank in index.get(t.term, ()):
            seen = best[g].get(t.position)
            if seen is None or (rank, t.start, -t.end) < (seen[0], seen[1].start, -seen[1].end):
                best[g][t.position] = (rank, t.span)
    if any(not f for f in best):
        return None
    found = [{pos: span for pos, (_rank, span) in f.items()} for f in best]
    first = found[0]
    for pos in sorted(first):
        if all(pos + i in found[i] for i in range(len(groups))):
            return Span(first[pos].start, found[-1][pos + len(groups) - 1].end)
    return first[min(first)]


def snippet(text: str, span: Span, context: int = SNIPPET_CONTEXT) -> str:
    """Original text around ``span``, cut at word boundaries, on one line."""
    return snippet_hit(text, span, context)[0]


def snippet_hit(text: str, span: Span, context: int = SNIPPET_CONTEXT) -> tuple[str, int, int]:
    """``snippet`` and where the match is in it (start, end), so a surface can highlight it as text."""
    a = max(0, span.start - context)
    b = min(len(text), span.end + context)
    if a > 0:
        cut = text.find(" ", a, span.start)
        a = cut + 1 if cut != -1 else a
    if b < len(text):
        cut = text.rfind(" ", span.end, b)
        b = cut if cut != -1 else b
    lead = "…" if a > 0 else ""
    body = " ".join(text[a:b].split())
    # Whitespace folds to single spaces, so the match moves by what folding removed before it.
    before = text[a : span.start]
    folded = " ".join(before.split())
    start = len(folded) + (1 if folded and before[-1:].isspace() else 0)
    match = " ".join(text[span.start : span.end].split())
    if body[start : start + len(match)] != match:  # a match made only of spaces: show it nowhere
        start, match = 0, ""
    return lead + body + ("…" if b < len(text) else ""), len(lead) + start, len(lead) + start + len(match)


__all__ = [
    "MAX_TERM",
    "SNIPPET_CONTEXT",
    "EntityRef",
    "Term",
    "article_entities",
    "clean_term",
    "document_terms",
    "index_text",
    "locate",
    "query_groups",
    "query_terms",
    "snippet",
    "snippet_hit",
]
