"""A title phrase in apposition to a name, before or after it, is one party: the person, with the bodies it names.

"met the head of the Norland Transition Council Ahmed Salem", "التقى وزير خارجية
عمان سالم الحارثي", "נפגש עם שר החוץ של נורלנד תומאס ריבה": the title phrase and
the name right after it (a comma at most between) are one party, the person.  The
mentions inside the title phrase (the council, the state, the title itself) are not
candidates of their own for the argument model, which would otherwise take the
council or the state for the one met; the person's reference spans the phrase, so
the marker before the title ("with", עם، مع) is the person's.

A title phrase is a role title of ``titles.yaml`` that the gazetteer made a TITLE
mention, or one of the language's ``heads`` (or a title's phrase) before the
mentions of the body it heads, joined by the language's ``connectors`` ("of the",
של); where titles may follow their state (English, ``modifier: before/both``) a head
right before the name may also follow the body ("the Transition Council chairman
Ahmed Salem").  The phrase must name at least one body: a bare head ("chairman
Salem") changes nothing, and a title phrase with no name after it ("met the head
of the Transition Council") keeps its mentions as candidates.

A title after the name, set off by commas ("Karim Saleh, Valdoria's foreign
minister, met", "كريم صالح، وزير الخارجية الفالدوري،"), is the person's as well: the
person's reference spans name and title, the title's mentions are dropped, and the
two commas go to ``joined`` so that the clause splitter keeps the person with the
verb after them.  "and" in the phrase, another person's name, or words after its
last title or body (no closing comma) make it no title.  Trailing titles are read
first: a title between two names and commas ("X، وزير الخارجية، Y") is X's.

The states and organisations named inside the phrase are the person's
affiliations: ``affiliations`` lists them after the person among the event's
parties, as ``events.affiliation`` lists a person's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from dragoman.events.matcher import PhraseMatcher
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.kb.langdata import titles
from dragoman.link.rules import rules_for
from dragoman.model import EntityType, MentionKind, Span
from dragoman.text import normalize_key

__all__ = ["Apposed", "apposed", "with_affiliates"]

_COMMAS = frozenset({",", "،"})
_STOPS = frozenset({".", "!", "?", ";", ":", "؛", "؟", "(", ")", "\"", "״", "”", "“"})
_AND = frozenset({"and", "or", "أو", "או"})  # standalone; a glued و/ו is ``conjunctions``
_MAX_OTHERS = 3  # unknown words a trailing title phrase may hold ("the", "foreign", "الخارجية")
# Entity types named inside a title phrase that are the person's affiliation (a place is not)
_AFFILIATES = frozenset({EntityType.GPE, EntityType.ORG, EntityType.GROUP})


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language
class _TitleRules:
    heads: PhraseMatcher[str]  # payload: the phrase's first word, folded
    connectors: frozenset[str]
    trailing_heads: bool  # titles may follow the body they head ("Council chairman X")
    conjunctions: tuple[str, ...]


@cache
def _rules(lang: str) -> _TitleRules:
    t = titles(lang)
    words = [*(t.heads if t else []), *(p for title in (t.titles if t else []) for p in title.phrases)]
    return _TitleRules(
        PhraseMatcher((w, normalize_key(w.split()[0])) for w in words if w.split()),
        frozenset(normalize_key(w) for c in (t.connectors if t else []) for w in c.split()),
        bool(t and t.modifier in ("before", "both")),
        rules_for(lang).conjunctions,
    )


@dataclass(slots=True)
class Apposed:
    """A sentence's mentions for argument finding, and each person's affiliations by entity id."""

    view: SentenceView
    affiliations: dict[str, list[str]] = field(default_factory=dict)
    joined: frozenset[int] = frozenset()  # tokens of the commas around a title after its name: no clause break


def apposed(view: SentenceView, lang: str) -> Apposed:
    """``view`` with each title phrase joined to the name after it and its inner mentions dropped."""
    rules = _rules(lang)
    if not rules.heads or not view.mentions:
        return Apposed(view)
    heads: dict[int, tuple[int, str]] = {}  # token -> (start of its head phrase, the phrase's first word)
    for m in rules.heads.find(view.forms):
        for k in range(m.start, m.end):
            heads[k] = (m.start, m.payload)
    refs = sorted(view.mentions, key=lambda r: (r.first, -r.last))
    dropped: set[int] = set()
    widened: dict[int, MentionRef] = {}
    out = Apposed(view)
    # a title between two names and commas is the first one's ("التقى X، وزير الخارجية، Y")
    claimed: set[int] = set()
    for p in refs:
        if not _named_person(p, rules) or p.index in dropped:
            continue
        end = _title_after(view, p, refs, heads, rules)
        if end is None:
            continue
        inner = [r for r in refs if r is not p and p.last < r.first and r.last < end]
        dropped.update(r.index for r in inner)
        span = Span(p.mention.span.start, view.tokens[end - 1].end)
        widened[p.index] = replace(p, mention=replace(p.mention, span=span), last=end - 1)
        _affiliate(out, p, inner)
        commas = {p.last + 1} | ({end} if end < len(view.words) and view.words[end] in _COMMAS else set())
        out.joined |= commas
        claimed.update(range(p.last + 1, end))
    for p in refs:
        if not _named_person(p, rules) or p.index in dropped:
            continue
        found = _title_before(view, p, refs, heads, rules)
        if found is None:
            continue
        first, proclitic = found
        if any(k in claimed for k in range(first, p.first)):
            continue
        inner = [r for r in refs if r is not p and first <= r.first and r.last <= p.last]
        if not any(r.mention.kind is not MentionKind.TITLE or r.entity != p.entity for r in inner):
            continue  # the title names no body of its own ("chairman Salem")
        dropped.update(r.index for r in inner)
        q = widened.get(p.index, p)  # with its title after it, if any
        span = Span(view.tokens[first].start, q.mention.span.end)
        widened[p.index] = replace(q, mention=replace(q.mention, span=span), first=first, proclitic=proclitic)
        _affiliate(out, p, inner)
    if not widened:
        return out
    kept = [widened.get(r.index, r) for r in view.mentions if r.index not in dropped]
    out.view = replace(view, mentions=sorted(kept, key=lambda r: (r.first, -r.last)))
    return out


def _affiliate(out: Apposed, p: MentionRef, inner: list[MentionRef]) -> None:
    """The states and bodies among ``inner`` (the title's mentions) as ``p``'s affiliations."""
    if not p.entity:
        return
    own = out.affiliations.setdefault(p.entity, [])
    for r in inner:
        if r.entity and r.entity != p.entity and r.mention.type in _AFFILIATES and r.entity not in own:
            own.append(r.entity)


def _title_after(
    view: SentenceView,
    p: MentionRef,
    refs: list[MentionRef],
    heads: dict[int, tuple[int, str]],
    rules: _TitleRules,
) -> int | None:
    """The end (exclusive) of a title phrase set off by commas after ``p``, else ``None``.

    "Karim Saleh, Valdoria's foreign minister, said", "كريم صالح، وزير الخارجية
    الفالدوري، قال": a comma, then heads, titles, bodies and connectors with at
    most a few other words between them ("the", "الخارجية"), closed by a comma or
    the sentence's end.  The phrase must hold a head or title and name a body; a
    name of another person in it, or a conjunction opening it, makes it a list
    ("Saleh, Valdoria and Ostrava", "Saleh, Valdoria's minister Nouri").
    """
    k = p.last + 1
    if k >= len(view.words) or view.words[k] not in _COMMAS:
        return None
    k += 1
    start, n = k, len(view.words)
    titled = False
    end = start  # the end of the last head, title or body
    others = 0
    while k < n and not _closing(view.words[k]):
        if view.folded(k) in _AND:
            return None  # "Saleh, Valdoria and the Ostrava envoy": three parties
        ref = next((r for r in refs if r.first <= k <= r.last), None)
        if ref is not None and ref.first >= start:
            if not _body(ref) or _joined_by_and(ref.proclitic, rules):
                return None  # another person's name: a list, or a title before that name
            k = end = ref.last + 1
        elif k in heads:
            titled = True
            h = heads[k][0]
            if _joined_by_and(_clitic(view.folded(h), heads[k][1]), rules):
                return None  # "كريم صالح، ووزير الخارجية": another person
            while k < n and k in heads and heads[k][0] == h:
                k += 1
            end = k
        elif view.folded(k) in rules.connectors:
            k += 1
        else:
            others += 1
            if others > _MAX_OTHERS:
                return None
            k += 1
    if end != k or k == start:
        return None  # words after the last piece ("..., Valdoria's minister said on")
    inner = [r for r in refs if start <= r.first and r.last < end]
    titled = titled or any(
        r.mention.kind is MentionKind.TITLE or any(j in heads for j in range(r.first, r.last + 1)) for r in inner
    )
    # the phrase names a body: a state, an organisation, or a title of its own ("the Valdorian president")
    named = any(r.mention.kind is not MentionKind.TITLE or r.entity != p.entity for r in inner)
    return end if titled and named else None


def _joined_by_and(proclitic: str, rules: _TitleRules) -> bool:
    return any(c and proclitic.startswith(c) for c in rules.conjunctions)


def _closing(word: str) -> bool:
    return word in _COMMAS or word in _STOPS


def _named_person(r: MentionRef, rules: _TitleRules) -> bool:
    """A person's name that is not joined by "and" to what precedes it ("שר החוץ ועראקצ'י": two people)."""
    if r.mention.type is not EntityType.PERSON or r.mention.kind is MentionKind.TITLE or not r.entity:
        return False
    return not _joined_by_and(r.proclitic, rules)


def _title_before(
    view: SentenceView,
    p: MentionRef,
    refs: list[MentionRef],
    heads: dict[int, tuple[int, str]],
    rules: _TitleRules,
) -> tuple[int, str] | None:
    """The first token of the title phrase right before ``p``, and the proclitic glued to it."""
    k = p.first - 1
    if k >= 0 and view.words[k] in _COMMAS:
        k -= 1
    # (first token, proclitic, kind) of each piece, walking left: "body", "title", "head", "of"
    pieces: list[tuple[int, str, str]] = []
    while k >= 0:
        ref = next((r for r in refs if r.first <= k <= r.last and r.last < p.first and _body(r)), None)
        if ref is not None:
            pieces.append((ref.first, ref.proclitic, "title" if ref.mention.kind is MentionKind.TITLE else "body"))
            k = ref.first - 1
        elif k in heads:
            h, word = heads[k]
            pieces.append((h, _clitic(view.folded(h), word), "head"))
            k = h - 1
        elif view.folded(k) in rules.connectors:
            pieces.append((k, "", "of"))
            k -= 1
        else:
            break
    opening = [n for n, piece in enumerate(pieces) if piece[2] in ("head", "title")]
    if not opening:
        return None
    n = opening[-1]  # the leftmost head: a body before it is no part of it ("עם איראן ראש ...")
    if rules.trailing_heads and n == 0 and pieces[0][2] == "head":
        # "the Transition Council chairman Ahmed Salem": the body the head follows
        while n + 1 < len(pieces) and pieces[n + 1][2] == "body":
            n += 1
    return pieces[n][0], pieces[n][1]


def _body(r: MentionRef) -> bool:
    """A mention that may stand inside a title phrase: a body, a state, a nisba, a title; never a person's name."""
    return bool(r.entity) and (r.mention.type is not EntityType.PERSON or r.mention.kind is MentionKind.TITLE)


def _clitic(folded: str, word: str) -> str:
    """The proclitic glued to a head word (לראש: ל), else ``""``."""
    return folded[: -len(word)] if folded != word and folded.endswith(word) else ""


def with_affiliates(ids: list[str], affiliations: dict[str, list[str]], present: set[str]) -> list[str]:
    """``ids`` with the bodies and states named in each one's title after it, when they are the article's."""
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
        for a in affiliations.get(i, ()):
            if a in present and a not in out and a not in ids:
                out.append(a)
    return out
