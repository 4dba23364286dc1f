"""A party after a venue word is where the act took place: "initialled a deal at the EU headquarters".

The argument model reads "at" as it reads "to" or "with" (a marker of the party
acted on), which is right for an act aimed at someone ("fired at a ship",
"lashed out at X") and wrong for the rest: a deal initialled *at* the EU's
headquarters is not made with the EU, a meeting *at* the White House is not
with it.  For the codes whose frame is not ``aimed_at`` (``frames.yaml``), a
recipient whose nearest word before it, over determiners, is a venue word
(``events.yaml: arguments.venue_markers``) outside the trigger is dropped.
"""

from __future__ import annotations

from functools import cache

from dragoman.events.arguments import ArgRules
from dragoman.events.frames import frame
from dragoman.events.schema import events_data
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.text import normalize_key

__all__ = ["at_venue"]


@cache
def _venue_words(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(normalize_key(w) for w in data.arguments.venue_markers) if data else frozenset()


def at_venue(
    view: SentenceView, r: MentionRef, code: str, start: int, end: int, rules: ArgRules, lang: str
) -> bool:
    """Is ``r`` named after a venue word, for a trigger at tokens [start, end) of a code not aimed at it?"""
    venues = _venue_words(lang)
    if not venues or frame(code).aimed_at:
        return False
    k = r.first - 1
    while k >= 0 and view.folded(k) in rules.skip_words:
        k -= 1
    # "lashed out at X": the venue word belongs to the trigger, which aims at X
    return k >= 0 and not start <= k < end and view.folded(k) in venues
