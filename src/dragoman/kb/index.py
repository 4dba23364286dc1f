"""Token-level alias index: normalised first token -> candidate names.

Built once per language from the KB names, the demonyms and the titles,
then cached.  Lookups go through ``forms``: the (prefix, stem) readings of
a token from ``dragoman.text.morph.splits`` that start some indexed name,
memoised per token string because news vocabulary repeats heavily; that
keeps the gazetteer around a millisecond per article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from dragoman.kb.langdata import policy, titles
from dragoman.kb.loader import KnowledgeBase, load_kb
from dragoman.model import EntityType, MentionKind
from dragoman.text import normalize, tokenize
from dragoman.text.morph import splits

__all__ = ["AliasIndex", "IndexEntry", "alias_index", "name_tokens"]

# Latin-script names appear in Arabic and Hebrew articles too (Atlantic Council).
_SHARED_LANG = "en"


def name_tokens(text: str) -> tuple[str, ...]:
    """A name as the tuple of normalised tokens the matcher compares."""
    n = normalize(text).text
    return tuple(n[t.start : t.end] for t in tokenize(n))


def marked_key(word: str, marks: str) -> str:
    """A word folded as usual, except that the ``marks`` it carries stay where they are (عَمَّان → عمّان)."""
    if not marks:
        return normalize(word).text
    pieces = re.split(f"([{re.escape(marks)}])", word)
    return "".join(p if p and p in marks else normalize(p).text for p in pieces)


def raw_tokens(text: str) -> tuple[str, ...]:
    return tuple(text[t.start : t.end] for t in tokenize(text))


@dataclass(frozen=True, slots=True)
class IndexEntry:
    tokens: tuple[str, ...]
    kb_ids: tuple[str, ...]  # several actors may share a form (a surname); the date decides
    type: EntityType
    kind: MentionKind
    exact: tuple[str, ...] | None = None  # original-case tokens for case-sensitive forms
    role: str | None = None  # for titles
    default_of: str | None = None


class AliasIndex:
    def __init__(self, lang: str, entries: list[IndexEntry]) -> None:
        self.lang = lang
        pol = policy(lang)
        self.min_prefixed_stem = pol.min_prefixed_stem
        self.suffixes = tuple(sorted({normalize(s).text for s in pol.suffixes}, key=len, reverse=True))
        self.ambiguous = frozenset(name_tokens(a) for a in pol.ambiguous)
        self.stop_words = frozenset(normalize(w).text for w in pol.stop_words)
        self.require_capital = pol.require_capital
        self.blocked = [name_tokens(b) for b in pol.blocked]
        self.elision = [(normalize(p).text, normalize(a).text) for p, a in pol.elision]
        # Last two letters of each blocked phrase's first word: prefixes only change the front.
        self.blocked_firsts = frozenset(b[0][-2:] for b in self.blocked)
        self.org_words = frozenset(normalize(w).text for w in pol.org_words)
        self.institution_heads = frozenset(normalize(w).text for w in pol.institution_heads)
        self.institution_words = pol.institution_words
        self.kept_marks = "".join(pol.kept_marks)
        # the same marks as a set: "does this word carry one" is then one isdisjoint in C per word
        self._kept_mark_set = frozenset(self.kept_marks)
        self.marked = frozenset(marked_key(f, self.kept_marks) for f in pol.marked_forms)
        self.locative_prefixes = frozenset(normalize(p).text for p in pol.locative_prefixes)
        self.locative_words = frozenset(normalize(w).text for w in pol.locative_words)
        metonyms = {e.tokens for e in entries if e.kind is MentionKind.METONYM}
        # The city reading of a metonymic capital, used in locative contexts only.
        self.city_reading: dict[tuple[str, ...], IndexEntry] = {}
        by_first: dict[str, list[IndexEntry]] = defaultdict(list)
        for e in entries:
            if e.tokens in metonyms and e.kind is MentionKind.NAME and e.type is EntityType.PLACE:
                self.city_reading[e.tokens] = e
                continue
            by_first[e.tokens[0]].append(e)
        self.by_first: dict[str, tuple[IndexEntry, ...]] = {
            k: tuple(sorted(v, key=lambda e: -len(e.tokens))) for k, v in by_first.items()
        }
        # First words that only ever start longer names ("שר" of "שר החוץ"): after a prefix they
        # may be short, since the words that follow must match too ("ושר החוץ").
        self.multi_only = frozenset(k for k, v in self.by_first.items() if all(len(e.tokens) > 1 for e in v))
        self._forms: dict[str, tuple[tuple[str, str], ...]] = {}
        t = titles(lang)
        self.modifier = t.modifier if t else "after"
        self.connectors = [name_tokens(c) for c in (t.connectors if t else [])]
        self.title_definite = tuple(normalize(p).text for p in (t.definite_prefixes if t else []))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())

    def strip_suffix(self, token: str) -> str | None:
        for s in self.suffixes:
            if token.endswith(s) and len(token) > len(s):
                return token[: -len(s)]
        return None

    def forms(self, token: str) -> tuple[tuple[str, str], ...]:
        """(prefix, stem) readings of a normalised token whose stem starts an indexed name."""
        hit = self._forms.get(token)
        if hit is not None:
            return hit
        if token in self.stop_words:
            return ()
        out: list[tuple[str, str]] = []
        readings = splits(token, self.lang)
        readings += [(p, a + token[len(p) :]) for p, a in self.elision if token.startswith(p)]
        for prefix, stem in readings:
            if prefix and len(stem) < self.min_prefixed_stem and stem not in self.multi_only:
                continue
            if stem in self.by_first:
                out.append((prefix, stem))
            bare = self.strip_suffix(stem)
            if bare is not None and bare in self.by_first:
                out.append((prefix, bare))
        res = tuple(out)
        if len(self._forms) < 500_000:  # bound the memo on endless streams
            self._forms[token] = res
        return res

    def text_token(self, raw: str, token: str) -> str:
        """The normalised ``token`` of a word written ``raw``, keeping the marks of a marked form.

        "بعمّان" reads ب + عمّان (Amman), not ب + عمان (also Oman): the marks survive on the stem.
        """
        if not self.marked or self._kept_mark_set.isdisjoint(raw):
            return token
        for k in range(len(raw)):
            key = marked_key(raw[k:], self.kept_marks)
            if key in self.marked:
                return normalize(raw[:k]).text + key
        return token

    def token_matches(self, want: str, token: str, *, last: bool) -> bool:
        return want == token or (last and self.strip_suffix(token) == want)


def _entries(kb: KnowledgeBase, lang: str) -> list[IndexEntry]:
    grouped: dict[
        tuple[tuple[str, ...], MentionKind, tuple[str, ...] | None], list[tuple[str, EntityType]]
    ] = defaultdict(list)
    langs = {lang, _SHARED_LANG}
    pol = policy(lang)
    marks = "".join(pol.kept_marks)
    marked = frozenset(marked_key(f, marks) for f in pol.marked_forms)
    for n in kb.names:
        if n.lang not in langs:
            continue
        toks = name_tokens(n.text)
        if marked and any(c in marks for c in n.text):  # a name written with a telling mark keeps it
            keys = tuple(marked_key(w, marks) for w in raw_tokens(n.text))
            if len(keys) == len(toks):
                toks = tuple(k if k in marked else t for k, t in zip(keys, toks, strict=True))
        if not toks:
            continue
        exact = raw_tokens(n.text) if n.exact else None
        bucket = grouped[(toks, n.kind, exact)]
        if (n.kb_id, n.type) not in bucket:
            bucket.append((n.kb_id, n.type))
    out: list[IndexEntry] = []
    for (toks, kind, exact), ids in grouped.items():
        out.append(IndexEntry(toks, tuple(i for i, _ in ids), ids[0][1], kind, exact))
    t = titles(lang)
    for title in t.titles if t else []:
        for phrase in title.phrases:
            toks = name_tokens(phrase)
            if toks:
                out.append(
                    IndexEntry(
                        toks, (), EntityType.PERSON, MentionKind.TITLE, None, title.role, title.default_of
                    )
                )
    return out


@cache
def alias_index(lang: str) -> AliasIndex:
    """The index for one language (plus Latin-script names), built once per process (see ``load_kb``)."""
    return AliasIndex(lang, _entries(load_kb(), lang))
