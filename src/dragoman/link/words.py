"""Word-level name forms shared by the linker's steps: folds, clitics, name keys, token spans."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import cache, lru_cache

from dragoman.kb.loader import KnowledgeBase, load_kb
from dragoman.kb.names import name_key, romanize, skeleton
from dragoman.link.rules import PLACES, Rules
from dragoman.model import Article, EntityType, Mention, MentionKind, Span
from dragoman.text import normalize, normalize_key
from dragoman.text.morph import splits

MIN_SURNAME = 4  # folded letters: shorter surnames match too many words


@lru_cache(maxsize=131072)
def norm_word(word: str) -> str:
    return normalize(word).text


@lru_cache(maxsize=65536)
def fold(word: str, lang: str) -> str:
    """Comparison form of a name word: romanised, letters only, repeats once (חגיייב = חג'ייב)."""
    s = "".join(c for c in romanize(word, lang).lower() if c.isalnum())
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=65536)
def prefixed_folds(token: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(clitic, folded stem) readings of a normalised token, stems long enough to be a surname."""
    out: list[tuple[str, str]] = []
    for prefix, stem in splits(token, lang):
        f = fold(stem, lang)
        if len(f) >= MIN_SURNAME and (prefix, f) not in out:
            out.append((prefix, f))
    return tuple(out)


def stem_folds(token: str, lang: str) -> list[str]:
    return [f for _p, f in prefixed_folds(token, lang)] or [fold(token, lang)]


@cache
def kb_person_names(lang: str) -> dict[str, list[list[str]]]:
    """Each KB person's names in one language, as word lists."""
    out: dict[str, list[list[str]]] = defaultdict(list)
    for n in load_kb().names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME and n.lang == lang:
            out[n.kb_id].append(n.text.split())
    return dict(out)


def word_spans(article: Article, span: Span) -> list[Span]:
    toks = article.tokens
    lo = bisect_left(toks, Span(span.start, span.start))
    if lo and toks[lo - 1].end > span.start:  # a span that starts inside a token (after a clitic)
        lo -= 1
    out = []
    for t in toks[lo:]:
        if t.start >= span.end:
            break
        out.append(Span(max(t.start, span.start), min(t.end, span.end)))
    return out or [span]


def trim(article: Article, spans: list[Span], rules: Rules) -> list[Span]:
    """Drop stop-words the tagger took in at either edge ("نيوزويك مؤخرا", "זار ستيف")."""
    lo, hi = 0, len(spans)
    while lo < hi and normalize_key(article.span_text(spans[lo])) in rules.stop:
        lo += 1
    while hi > lo and normalize_key(article.span_text(spans[hi - 1])) in rules.stop:
        hi -= 1
    return spans[lo:hi]


def prefix_length(word: str, prefixes: tuple[str, ...], min_rest: int = 1) -> int:
    """Characters of ``word`` (as written) taken by the first normalised prefix it starts with."""
    n = normalize(word).text
    for p in prefixes:
        if p and n.startswith(p) and len(n) - len(p) >= min_rest:
            for k in range(1, len(word) + 1):
                if normalize(word[:k]).text == p:
                    return k
    return 0


def clitic_length(word: str, lang: str, vocab: frozenset[str], rules: Rules) -> int:
    """Length of a clitic on a name's first word, when there is evidence it is one.

    "במשרד" is ב + משרד if "משרד" is written elsewhere in the article or is a
    frequent word (more frequent than the whole); "بلانك" (Blank) stays whole
    unless the article also has "لانك".
    """
    if not lang:
        return 0
    n = normalize(word).text
    whole = rules.freq.get(n, 0)
    for prefix, stem in splits(n, lang)[1:]:
        if len(stem) < 3:
            continue
        f = rules.freq.get(stem, 0)
        if stem in vocab or (f >= rules.stem and f > whole):
            return prefix_length(word, (prefix,), min_rest=3)
    return 0


def article_keys(article: Article, lang: str) -> set[str]:
    return {name_key(article.span_text(m.head or m.span), lang) for m in article.mentions}


def duplicate(m: Mention, kb_mentions: list[Mention]) -> bool:
    """Whether an NER mention repeats KB mentions it overlaps.

    The exception is a longer name of another kind built around a place:
    "مستشار الأمن القومي الأذربيجاني" (ORG) contains the nisba of Azerbaijan
    but is its own actor.  A person name with a stray word attached
    ("أوريت ستروك أن") is the tagger overreaching, hence a duplicate.
    """
    over = [k for k in kb_mentions if k.span.overlaps(m.span)]
    if not over:
        return False
    around_places = all(
        m.span.contains(k.span) and len(m.span) > len(k.span) and k.type in PLACES for k in over
    )
    return not (around_places and m.type not in PLACES)


def words_of(article: Article, span: Span) -> list[str]:
    toks = article.tokens
    lo = bisect_left(toks, Span(span.start, span.start))
    if lo and toks[lo - 1].end > span.start:
        lo -= 1
    out = []
    for t in toks[lo:]:
        if t.start >= span.end:
            break
        out.append(article.text[max(t.start, span.start) : min(t.end, span.end)])
    return out or [article.span_text(span)]


def name_keys(words: list[str], lang: str) -> list[str]:
    """Name keys of a mention: as written, then with the first word's clitics stripped."""
    full = name_key(" ".join(words), lang)
    out = [full] if full else []
    if lang:
        rest = " ".join(words[1:])
        for prefix, stem in splits(normalize(words[0]).text, lang):
            if prefix and len(stem) >= 3:
                key = name_key(f"{stem} {rest}".strip(), lang)
                if key and key not in out:
                    out.append(key)
    return out


@cache
def surname_keys() -> dict[str, frozenset[str]]:
    """Per KB person, the keys of the last word of each of their names."""
    keys: dict[str, set[str]] = defaultdict(set)
    for n in load_kb().names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME:
            words = n.text.split()
            key = skeleton(words[-1], n.lang) if words else ""
            if key:
                keys[n.kb_id].add(key)
    return {k: frozenset(v) for k, v in keys.items()}


def token_norms(article: Article) -> list[str]:
    """The article's tokens in matching form (memoised per word: news vocabulary repeats)."""
    text = article.text
    return [norm_word(text[t.start : t.end]) for t in article.tokens]


@cache
def person_keys() -> dict[str, frozenset[str]]:
    """Cross-script keys of every KB person name (all languages)."""
    kb: KnowledgeBase = load_kb()
    keys: dict[str, set[str]] = defaultdict(set)
    for n in kb.names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME:
            keys[name_key(n.text, n.lang)].add(n.kb_id)
    return {k: frozenset(v) for k, v in keys.items()}
