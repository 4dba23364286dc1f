"""Proper names by capitalisation, for languages written in a cased script with no shipped tagger.

English news capitalises names and little else, so a run of capitalised
words is a name once the capitalised words that are not part of one are
peeled off: the sentence's first function word ("In", "The"), titles in
front of a person ("Foreign Minister", "Speaker"), month and day names, and
knowledge-base names at the run's edges that the gazetteer already found
("Israeli", "Middle East").  The run's words say its type: a head noun
("Council", "Sea", "Forum", "Accords") makes an organisation, a place, an
event or an agreement; two to four other words make a person; an acronym
alone an organisation.  What it knows lives in ``lang/data/<code>/proper.yaml``.

Runs join over the connectors names contain ("of", "for", "al-", "bin")
and over hyphens between words ("Kassym-Jomart"); a token ending in a
possessive ends its run.  Sentences written in title case (headlines) are
skipped: there capitals say nothing.  It costs a few microseconds a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import load_resource
from dragoman.model import EntityType
from dragoman.ner.tagger import TaggedSpan

__all__ = ["HYPHENS", "ProperNouns", "connectors", "has_rules", "name_word", "tag_spans"]


class ProperNouns(BaseModel):
    """``lang/data/<code>/proper.yaml``: the words that shape a capitalised run."""

    model_config = ConfigDict(extra="forbid")
    description: str = ""
    # Capitalised but never part of a name at a run's edge: function words, months, days.
    stop_words: list[str] = Field(default_factory=list)
    # Titles and ranks written before a person's name ("Foreign Minister", "Sheikh"), and the
    # nationality and religion adjectives beside them ("Shia", "Jewish"): peeled from a run
    # that has no head noun.
    title_words: list[str] = Field(default_factory=list)
    # Lower-case words that may join capitalised ones inside a name ("Council of Europe").
    connectors: list[str] = Field(default_factory=list)
    # Head nouns: a run containing one is that kind of actor.
    org_heads: list[str] = Field(default_factory=list)
    place_heads: list[str] = Field(default_factory=list)
    event_heads: list[str] = Field(default_factory=list)
    agreement_heads: list[str] = Field(default_factory=list)
    # All-capital words that are not organisations ("TV", "GMT").
    not_acronyms: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Rules:
    stop: frozenset[str]
    titles: frozenset[str]
    connectors: frozenset[str]
    heads: dict[str, EntityType]
    not_acronyms: frozenset[str]


@cache
def _rules(lang: str) -> _Rules | None:
    data = load_resource(lang, "proper", ProperNouns)
    if data is None:
        return None
    heads: dict[str, EntityType] = {}
    for words, etype in (
        (data.agreement_heads, EntityType.AGREEMENT),
        (data.event_heads, EntityType.EVENT),
        (data.place_heads, EntityType.PLACE),
        (data.org_heads, EntityType.ORG),
    ):
        heads.update((w.lower(), etype) for w in words)
    return _Rules(
        stop=frozenset(w.lower() for w in data.stop_words),
        titles=frozenset(w.lower() for w in data.title_words),
        connectors=frozenset(w.lower() for w in data.connectors),
        heads=heads,
        not_acronyms=frozenset(data.not_acronyms),
    )


def has_rules(lang: str) -> bool:
    return _rules(lang) is not None


_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_VERBAL = re.compile(r"^[A-Z][a-z]{3,}(?:ing|ly|ed)$")
_HYPHENS = frozenset("-‐–")
HYPHENS = _HYPHENS
_SCORE_NAME = 0.8  # a person or a headed name: several capitalised words agree
_SCORE_ACRONYM = 0.6


def connectors(lang: str) -> frozenset[str]:
    """Lower-case words inside a name ("al", "bin", "van"), none for a language without rules."""
    rules = _rules(lang)
    return rules.connectors if rules is not None else frozenset()


def name_word(word: str, lang: str) -> bool:
    """Could ``word`` be part of a person's name: capitalised, and no stop word, title or acronym."""
    rules = _rules(lang)
    if rules is None or not _capitalised(word) or _ACRONYM.match(word):
        return False
    bare = _bare(word)
    return bare not in rules.stop and bare not in rules.titles and bare not in rules.heads


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _bare(word: str) -> str:
    # most words hold no apostrophe: the regex runs only on those that do
    if "'" in word or "’" in word:
        return _POSSESSIVE.sub("", word).lower()
    return word.lower()


def tag_spans(tokens: Sequence[str], lang: str, known: Sequence[bool] | None = None) -> list[TaggedSpan]:
    """Capitalised names of one sentence; ``known`` flags tokens a knowledge-base name covers."""
    rules = _rules(lang)
    if rules is None or not tokens:
        return []
    words = [t for t in tokens if t[:1].isalpha() and len(t) > 3]
    if len(words) >= 5 and all(map(_capitalised, words)):
        return []  # a headline in title case: every longer word capitalised, verbs too
    covered = list(known) if known is not None else [False] * len(tokens)
    out: list[TaggedSpan] = []
    for a, b in _runs(tokens, rules, covered):
        span = _shape(tokens, covered, a, b, rules)
        if span is not None:
            out.extend(_person_after_head(tokens, covered, span, rules))
            continue
        # No head noun joins the run's parts: "President X and Foreign Minister Y" is two people.
        cuts = [k for k in range(a, b) if tokens[k].lower() == "and"]
        for lo, hi in zip([a, *(k + 1 for k in cuts)], [*cuts, b], strict=True):
            part = _shape(tokens, covered, lo, hi, rules) if (lo, hi) != (a, b) else None
            if part is not None and part.type is EntityType.PERSON:
                out.append(part)
    return out


def _runs(tokens: Sequence[str], rules: _Rules, covered: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal stretches of capitalised tokens, joined by connectors and hyphens.

    A known name in the possessive ends its run ("Iran's | Supreme National Security
    Council"); an unknown one is part of the name ("National People's Congress").
    """
    out: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not _capitalised(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not (covered[j - 1] and _POSSESSIVE.search(tokens[j - 1])):
            tok = tokens[j]
            joins = (tok in _HYPHENS or tok.lower() in rules.connectors) and _next_cap(tokens, j, rules)
            if not (_capitalised(tok) or joins):
                break
            j += 1
        while j > i + 1 and not _capitalised(tokens[j - 1]):
            j -= 1  # never end on a connector
        out.append((i, j))
        i = j
    return out


def _next_cap(tokens: Sequence[str], j: int, rules: _Rules) -> bool:
    """Does a capitalised word follow the connectors starting at ``j`` ("of the Gulf", "al-Tineh")?"""
    k = j
    while k < len(tokens) and (tokens[k] in _HYPHENS or tokens[k].lower() in rules.connectors):
        k += 1
    return k < len(tokens) and k - j <= 2 and _capitalised(tokens[k])


def _head(words: Sequence[str], rules: _Rules) -> EntityType | None:
    """The type of the run's head noun: the last one before "of"/"for" ("Council of Europe")."""
    found: EntityType | None = None
    for w in map(_bare, words):
        if w in ("of", "for") and found is not None:
            break
        found = rules.heads.get(w, found)
    return found


def _shape(tokens: Sequence[str], covered: list[bool], a: int, b: int, rules: _Rules) -> TaggedSpan | None:
    """Peel a run down to its name and type it."""
    while a < b and _bare(tokens[a]) in rules.stop:
        a += 1
    if a == 0 and b > 1 and _VERBAL.search(tokens[0]):
        a = 1  # "Addressing the Forum ...": a sentence opening with a verb or an adverb
    while b > a and _bare(tokens[b - 1]) in rules.stop:
        b -= 1
    if a >= b:
        return None
    head = _head(tokens[a:b], rules)
    if head is not None:
        if all(covered[a:b]):
            return None
        return TaggedSpan(a, b, head, "PROPER", _SCORE_NAME)
    # No head noun: a person's name, once titles and known names at the edges are gone.
    while a < b and (covered[a] or _bare(tokens[a]) in rules.titles or tokens[a] in _HYPHENS):
        a += 1
    while b > a and (covered[b - 1] or _bare(tokens[b - 1]) in rules.titles):
        b -= 1
    if a >= b or any(covered[a:b]):
        return None
    names = [t for t in tokens[a:b] if t not in _HYPHENS and t.lower() not in rules.connectors]
    if "and" in (t.lower() for t in tokens[a:b]) or not names:
        return None  # two names joined: tag_spans tries the parts
    if len(names) == 1:
        word = names[0]
        if _ACRONYM.match(word) and word not in rules.not_acronyms:
            return TaggedSpan(a, b, EntityType.ORG, "PROPER", _SCORE_ACRONYM)
        return None  # one capitalised word: an adjective, a sentence opening, a surname seen later
    if len(names) > 4:
        return None
    return TaggedSpan(a, b, EntityType.PERSON, "PROPER", _SCORE_NAME)


def _person_after_head(tokens: Sequence[str], covered: list[bool], span: TaggedSpan, rules: _Rules) -> list[TaggedSpan]:
    """A headed name with a person's name after its head is two names: "the Transition Council Khalid Nouri".

    After the body's head noun, a title ("European Council President Charles Michel")
    and two to four capitalised words with no head noun among them are the person the
    body's title phrase names (docs/events.md, a title phrase and the name after it).
    """
    if span.type is EntityType.PERSON:
        return [span]
    h: int | None = None
    for k in range(span.start, span.end):
        w = _bare(tokens[k])
        if w in ("of", "for") and h is not None:
            return [span]  # "Council of Europe": the head's complement, not a person
        if w in rules.heads:
            h = k
    if h is None:
        return [span]
    a = h + 1
    while a < span.end and (_bare(tokens[a]) in rules.titles or tokens[a] in _HYPHENS):
        a += 1
    # a title says a person follows: inside the run after the head, or just before the run ("head of the")
    before = [_bare(t) for t in tokens[max(0, span.start - 3) : span.start]]
    if a == h + 1 and not any(w in rules.titles for w in before):
        return [span]
    tail = tokens[a : span.end]
    names = [t for t in tail if t not in _HYPHENS]
    if not 2 <= len(names) <= 4 or any(covered[a : span.end]):
        return [span]
    if any(not _capitalised(t) or _bare(t) in rules.heads or _ACRONYM.match(t) for t in names):
        return [span]
    body = TaggedSpan(span.start, h + 1, span.type, span.label, span.score)
    return [body, TaggedSpan(a, span.end, EntityType.PERSON, span.label, _SCORE_NAME)]
