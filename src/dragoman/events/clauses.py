"""Clauses of a sentence: the unit an event's evidence, date and arguments come from.

A clause ends at a clause-breaking punctuation mark (``status.yaml:
clause_breaks``) or a quotation mark, and a new one opens at a
complementizer, relative pronoun or subordinator (``events.yaml: clauses``:
أن، الذي، حيث؛ כי، אשר، שבה؛ that, which, after).  No parser is involved:
the point is to stop at the boundaries news prose marks, so that "X said
that Y will visit Z" gives the visit the clause "Y will visit Z", and a date
or an argument in another clause counts as farther away than one in the
trigger's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman.events.matcher import PhraseMatcher
from dragoman.events.schema import events_data
from dragoman.events.sentence import SentenceView
from dragoman.events.status import status_rules

# Quotation marks open or close reported speech, a clause of its own.
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "„", "״"})
_DEFAULT_BREAKS = frozenset({",", "،", ";", "؛", ":", "(", ")"})


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language
class ClauseRules:
    breaks: frozenset[str]
    openers: PhraseMatcher[bool]


@cache
def clause_rules(lang: str) -> ClauseRules:
    srules = status_rules(lang)
    breaks = frozenset(srules.data.clause_breaks) if srules else _DEFAULT_BREAKS
    data = events_data(lang)
    openers = data.clauses.openers if data else []
    return ClauseRules(breaks | QUOTE_MARKS, PhraseMatcher((w, True) for w in openers))


def segment(
    view: SentenceView, rules: ClauseRules, joined: frozenset[int] = frozenset(), opens_at: frozenset[int] = frozenset()
) -> list[int]:
    """The clause number of every token; numbers only grow from left to right.

    A break token belongs to neither neighbour in spirit; it gets the number of
    the clause it closes, so an opener right after a comma does not open a
    second, empty clause.  The break tokens at ``joined`` break nothing: the
    commas around a title in apposition ("Saleh, Valdoria's foreign minister,
    met") are inside one party.  The tokens at ``opens_at`` open a clause.
    """
    n = len(view.words)
    joined = joined | scare_quotes(view)
    opens = [False] * n
    for m in rules.openers.find(view.forms):
        opens[m.start] = True
    for i in opens_at:  # tokens the caller knows open a clause of their own (a coordinated future verb)
        if 0 <= i < n:
            opens[i] = True
    out: list[int] = []
    c = 0
    fresh = True  # no word yet in the current clause
    for i, w in enumerate(view.words):
        if w in rules.breaks and i not in joined:
            out.append(c)
            if not fresh:
                c += 1
                fresh = True
            continue
        if opens[i] and not fresh:
            c += 1
        out.append(c)
        fresh = False
    return out


# Most words a pair of quotation marks may hold and still be a name or a term, not speech.
_SCARE_QUOTE_WORDS = 3


def scare_quotes(view: SentenceView) -> frozenset[int]:
    """Quotation marks around a name or a term (ترتكب "فالدوريا" إبادة، the so-called "deal").

    A pair of marks holding at most ``_SCARE_QUOTE_WORDS`` words quotes no speech: the words
    stay in the clause around them, so a quoted subject is still the subject of its verb.
    """
    if QUOTE_MARKS.isdisjoint(view.words):  # most sentences quote nothing: one pass in C
        return frozenset()
    out: set[int] = set()
    marks = [i for i, w in enumerate(view.words) if w in QUOTE_MARKS]
    k = 0
    while k + 1 < len(marks):
        a, b = marks[k], marks[k + 1]
        words = [w for w in view.words[a + 1 : b] if _word(w)]
        if 0 < len(words) <= _SCARE_QUOTE_WORDS and all(_word(w) for w in view.words[a + 1 : b]):
            out |= {a, b}
        k += 2  # marks pair up in order: an opening one, then its closing one
    return frozenset(out)


def bounds(clause: list[int], i: int) -> tuple[int, int]:
    """Token range [lo, hi) of the clause of token ``i``."""
    c = clause[i]
    lo = i
    while lo > 0 and clause[lo - 1] == c:
        lo -= 1
    hi = i + 1
    while hi < len(clause) and clause[hi] == c:
        hi += 1
    return lo, hi


def _word(w: str) -> bool:
    return any(map(str.isalnum, w))


def trimmed(view: SentenceView, lo: int, hi: int) -> tuple[int, int]:
    """The range without punctuation tokens at either edge (never empty)."""
    while lo < hi - 1 and not _word(view.words[lo]):
        lo += 1
    while hi - 1 > lo and not _word(view.words[hi - 1]):
        hi -= 1
    return lo, hi
