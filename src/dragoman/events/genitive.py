"""The doer of a verbal noun of joining is its genitive: "انضمام أذربيجان", "הצטרפותה של קזחסטן", "its accession".

A noun trigger has no grammatical subject, so the argument model picks the
actor among the clause's mentions, and in "the administration is discussing
with Azerbaijan its joining the Accords" (إدارة ترامب تبحث مع أذربيجان
إمكانية انضمامها) it picks the administration, which is not joining
anything.  For the codes whose frame says so (``frames.yaml``:
``genitive_actor``, ACCEDE and CANDIDACY), the party the noun is *of* is the
actor, whatever else the clause names:

* the mention right after the noun when the language puts a noun's doer
  after it in construct state (``arguments.noun_actor_after``: انضمام
  أذربيجان، הצטרפות אזרבייג'ן), or after a genitive word (``genitive_markers``:
  "of", של);
* otherwise, for a possessive ending on the noun (``possessive_suffixes``:
  انضمامها، הצטרפותה) or a possessive word before it (``possessive_determiners``:
  "its", "their"), the nearest state, organisation or person named before
  it in the sentence.

Only entities that may be an actor of the code count (never the agreement).
"""

from __future__ import annotations

from functools import cache

from dragoman.events.frames import may_be_actor
from dragoman.events.schema import events_data
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.model import EntityType
from dragoman.text import normalize_key

__all__ = ["genitive_actor", "possessor_actor"]

_PARTIES = frozenset({EntityType.GPE, EntityType.ORG, EntityType.PERSON})
# A possessive ending leaves a stem of at least this many letters (ها on a three-letter word is not one).
_MIN_STEM = 3


@cache
def _rules(lang: str) -> tuple[bool, frozenset[str], tuple[str, ...], frozenset[str]]:
    data = events_data(lang)
    if data is None:
        return False, frozenset(), (), frozenset()
    a = data.arguments
    return (
        a.noun_actor_after,
        frozenset(normalize_key(w) for w in a.genitive_markers),
        tuple(normalize_key(w) for w in a.possessive_suffixes),
        frozenset(normalize_key(w) for w in a.possessive_determiners),
    )


def _party(r: MentionRef, code: str) -> bool:
    return r.entity is not None and r.mention.type in _PARTIES and may_be_actor(code, r.mention.type)


def genitive_actor(view: SentenceView, start: int, end: int, code: str, lang: str) -> str | None:
    """The entity the noun trigger at tokens [start, end) is *of*, when the sentence names it; else None."""
    after, markers, suffixes, determiners = _rules(lang)
    at = {r.first: r for r in view.mentions}
    nxt = end
    if nxt < len(view.words) and view.folded(nxt) in markers:
        nxt += 1
    if (after or nxt > end) and nxt in at and _party(at[nxt], code) and view.clause[nxt] == view.clause[start]:
        return at[nxt].entity
    word = view.folded(end - 1)
    owned = any(word.endswith(s) and len(word) - len(s) >= _MIN_STEM for s in suffixes)
    owned = owned or (start > 0 and view.folded(start - 1) in determiners)
    if not owned:
        return None
    before = [r for r in view.mentions if r.last < start and _party(r, code)]
    return before[-1].entity if before else None


# Words that may stand between a possessive name and the act it owns ("Norland's deadly strikes").
_POSSESSOR_GAP = 1


@cache
def _name_endings(lang: str) -> tuple[str, ...]:
    data = events_data(lang)
    return tuple(normalize_key(e) for e in data.arguments.name_genitive_endings) if data else ()


def possessor_actor(view: SentenceView, start: int, end: int, code: str, lang: str) -> MentionRef | None:
    """The party whose possessive name stands right before the trigger at [start, end): its doer.

    "condemned Norland's strikes on Valdoria": a noun of an act owned by a name ("Norland's",
    ``name_genitive_endings``) is that party's act, whatever else its clause names; one plain
    word (an adjective) may stand between.  The model, reading the trigger alone, may take the
    party after "on" as the doer.
    """
    endings = _name_endings(lang)
    if not endings:
        return None
    for r in view.mentions:
        gap = range(r.last + 1, start)
        if len(gap) > _POSSESSOR_GAP or r.last >= start or not _party(r, code):
            continue
        if not view.folded(r.last).endswith(endings) or view.clause[r.last] != view.clause[start]:
            continue
        if all(view.words[k].isalpha() and view.words[k].islower() for k in gap):
            return r
    return None
