"""A verb trigger whose object is another trigger noun: "lifted a night curfew in Montenegro".

The object names an act the verb acts on (the curfew lifted, the strike called off,
the blackout imposed), and the party that act is aimed at, told after the noun, is
the one the verb's act reaches too: the lifting of a curfew in Montenegro is for
Montenegro.  The argument model reads each trigger on its own and finds no recipient
for the verb, whose words end before the party is named; the verb then takes its
object's recipients.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from dragoman.events.arguments import marker_words
from dragoman.events.frames import frame
from dragoman.events.schema import events_data
from dragoman.text import normalize_key

if TYPE_CHECKING:
    from dragoman.events.extract import EventHit

# Tokens that may stand between a verb and its object noun ("a four - day strike").
OBJECT_GAP = 4


def object_of(verb: EventHit, hits: list[EventHit], lang: str) -> EventHit | None:
    """The trigger noun right after ``verb`` that is its object, if any."""
    view = verb.view
    nxt = next((h for h in hits if h.view is view and h.token_start >= verb.token_end), None)
    if nxt is None or nxt.token_start - verb.token_end > OBJECT_GAP:
        return None
    markers = marker_words(lang)  # with, to, of, in ...: a trigger after one is no direct object
    joiners = _joiners(lang)  # "praised the plan but rejected ...": a verb of its own
    for k in range(verb.token_end, nxt.token_start):
        word = view.words[k]
        in_word = word == "-" or any(map(str.isalnum, word))  # a hyphen joins a compound
        if view.folded(k) in markers or not in_word or view.clause[k] != view.clause[verb.token_start]:
            return None
        if view.folded(k) in joiners:
            return None
    if any(r.first < nxt.token_end for r in nxt.args.recipients):
        return None  # "called off the talks with X" is read from X's place; a party before the noun is none of its
    return nxt


@cache
def _joiners(lang: str) -> frozenset[str]:
    """Coordinating words and one-word clause openers (``arguments.coordinators``, ``clauses.openers``)."""
    data = events_data(lang)
    if data is None:
        return frozenset()
    words = [w for w in data.arguments.coordinators if w.isalpha()] + [w for w in data.clauses.openers if " " not in w]
    return frozenset(normalize_key(w) for w in words)


def share_object_recipients(hits: list[EventHit], lang: str) -> None:
    """A verb with no recipient takes those of its object noun ("lifted a curfew in Montenegro")."""
    for h in hits:
        if h.event.recipients or h.args.recipients:
            continue
        obj = object_of(h, hits, lang)
        if obj is None or not obj.event.recipients:
            continue
        h.args.recipients = [r for r in obj.args.recipients if all(r.entity != a.entity for a in h.args.actors)]
        h.event.recipients = [r for r in obj.event.recipients if r not in h.event.actors]


def without_restated_objects(hits: list[EventHit], lang: str) -> list[EventHit]:
    """Drop a trigger that is the object of a verb trigger of its own type.

    "received humanitarian aid from the EU", "provided aid to Iraq": the noun names the act
    the verb tells, which the verb reads with its parties (a receiving verb the other way
    round, ``converse``); read alone, the noun would tell the same aid a second time, with
    the receiver as its giver.  A verb that ends what its object names ("suspended its trade
    agreement with X": ``frames.yaml: voids_object``) drops its object trigger of any type: the
    agreement suspended is no new agreement.  An object of its own type that names parties
    the verb does not tells more than the verb and stays; talks or a deal right after the verb
    with a pair of their own ("Ostmark hosted talks between X and Y": the talks are X's and
    Y's, the host their recipient) stay and the verb, which tells no more, goes.
    """
    restated = set()
    for h in hits:
        if h.pos != "verb":
            continue
        told = set(h.event.actors + h.event.recipients)
        talks = next((o for o in hits if o.view is h.view and o.token_start == h.token_end), None)
        if (
            talks is not None
            and talks.event.type == h.event.type
            and frame(talks.event.type).symmetric
            and len(talks.event.actors) > 1
            # the verb tells no party the talks lack, or the talks none the verb lacks
            and (set(talks.event.actors + talks.event.recipients) <= told or told <= set(talks.event.actors + talks.event.recipients))
        ):
            restated.add(id(h))  # "Ostmark hosted talks between X and Y": the talks, the host their recipient
            talks.event.recipients += [a for a in h.event.actors if a not in talks.event.actors + talks.event.recipients]
            continue
        obj = object_of(h, hits, lang)
        if obj is None:
            continue
        pair = frame(obj.event.type).symmetric and len(obj.event.actors) > 1
        if frame(h.event.type).voids_object or obj.event.type in frame(h.event.type).voids_codes or (
            obj.event.type == h.event.type and not pair and set(obj.event.actors + obj.event.recipients) <= told
        ):
            restated.add(id(obj))
    return [h for h in hits if id(h) not in restated]
