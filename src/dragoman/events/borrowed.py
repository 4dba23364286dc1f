"""The act a party condemns, asks for or praises is not that party's act.

"The Norlandic government condemned the attack on the convoy", ندد نورلاند بالهجوم،
"נורלנד גינתה את הפיגוע": the argument model reads each trigger on its own, and for the
attack it finds no doer of its own but the condemner, the nearest party before it.  The
condemner did not attack; a wrong doer is worse than none.  Likewise "the envoy called
on Valdoria and Ostmark to agree to a truce": the truce is theirs, not the envoy's.

So an act told after an accusation, a demand or praise in its clause (``frames.yaml:
others_act``: "welcomed the ceasefire between X and Y" is not the welcomer's ceasefire)
does not keep a doer it borrowed from it, one of the outer event's own actors or a party
named before the outer trigger:

- after a demand with an addressee ("called on X to ...", طالب X بـ، "דרש מ-X"), the
  addressee is the doer, of an act asked for: told as done it becomes hypothetical (the
  demand is the fact; whether X complies the text does not say); after praise of someone
  ("thanked X for its aid") the one praised is the doer;
- otherwise the borrowed doer is dropped; a party-less act is then the outer event's
  topic, and ``without_inner_mentions`` drops it.

Left alone: an act with a doer of its own after the outer trigger ("accused X of
attacking Y" is read by ``without_inner_mentions``), and, when a demand or praise
addresses nobody, joining and applying, which an asking party asks for itself
(``genitive_actor`` frames: "Norland asked to join the pact"), and talks or an agreement
it is a party to ("Norland called for talks with Valdoria").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dragoman.events.frames import frame, may_be_actor
from dragoman.events.plover import rollup
from dragoman.model import EventStatus

if TYPE_CHECKING:
    from dragoman.events.extract import EventHit


def _others_act(h: EventHit) -> bool:
    # extension codes count through their roll-up (a precondition is a demand), except the acts
    # that roll up to SUPPORT: recognising or opening an embassy is no praise of another's act
    up = rollup(h.event.type)
    return frame(h.event.type).others_act or (up != "SUPPORT" and frame(up).others_act)


def _outer(h: EventHit, hits: list[EventHit]) -> EventHit | None:
    """The nearest accusation, demand or praise before ``h`` in its clause, with a doer of its own."""
    best: EventHit | None = None
    for p in hits:
        if (
            p is not h
            and p.sentence == h.sentence
            and p.token_end <= h.token_start
            and p.event.evidence[0] == h.event.evidence[0]  # the same clause
            and p.event.actors
            and _others_act(p)
            and (best is None or p.token_start > best.token_start)
        ):
            best = p
    return best


def _borrowed(h: EventHit, outer: EventHit) -> bool:
    """Is every doer of ``h`` the outer event's own or named before the outer trigger?

    A doer that is the outer event's recipient is not borrowed: it is the accused ("Valdoria was
    blamed for attacks", left to ``without_inner_mentions``) or the party asked.
    """
    if set(h.event.actors) & set(outer.event.recipients):
        return False
    if not set(h.event.actors) - set(outer.event.actors):
        return True
    own = {a.index for a in outer.args.actors}
    refs = h.args.actors
    return bool(refs) and all(a.index in own or a.last < outer.token_start for a in refs)


def _asked(h: EventHit) -> None:
    """An act asked of a party is told as hypothetical: the demand is the fact, not the act."""
    if h.event.status is EventStatus.OCCURRED:
        h.event.status = EventStatus.HYPOTHETICAL


def _asked_as_recipient(h: EventHit, outer: EventHit) -> bool:
    """Is the act's only party the demand's addressee, named between the demand and the act?

    "ביקש מראש ממשלת ולדוריה להגדיל את הסיוע": read on its own, the aid's one party is the one
    asked, taken as its recipient.  Talks and joining keep their reading ("asked Valdoria for
    talks": both talk), and so does an act with a party of its own after it ("asked Valdoria for
    aid to Ostmark").
    """
    if frame(h.event.type).symmetric or frame(h.event.type).genitive_actor:
        return False
    refs = h.args.recipients
    return (
        bool(refs)
        and bool(set(h.event.recipients) & set(outer.event.recipients))
        and all(outer.token_end <= r.first and r.last < h.token_start for r in refs)
    )


def without_borrowed_doers(hits: list[EventHit]) -> list[EventHit]:
    """Give an act told after an accusation, a demand or praise the doer it has, not the outer event's."""
    for h in hits:
        if not h.event.actors or h.shares_subject:
            continue  # "condemned the attack and called for restraint": the calling is the condemner's own
        outer = _outer(h, hits)
        if outer is None:
            continue
        if not _borrowed(h, outer):
            if rollup(outer.event.type) == "REQUEST" and set(h.event.actors) <= set(outer.event.recipients):
                _asked(h)  # "urged Valdoria to release the prisoners": asked of Valdoria, not yet done
            continue
        kind = rollup(outer.event.type)
        addressees = [r for r in outer.event.recipients if r not in h.event.recipients]
        # the one praised, if it may act at all (a pact backed is no doer: "backs joining the pact")
        cannot = {r.entity for r in outer.args.recipients if not may_be_actor(h.event.type, r.mention.type)}
        praised = [r for r in outer.event.recipients if r not in cannot] if kind == "SUPPORT" else []
        if kind == "REQUEST" and not addressees and _asked_as_recipient(h, outer):
            # "asked Valdoria to increase the aid": the one asked, read as the aid's recipient, gives it
            h.event.actors, h.event.recipients = h.event.recipients, []
            h.args.recipients = []
            _asked(h)
        elif kind == "REQUEST" and addressees:
            h.event.actors = addressees  # "called on X to withdraw": X is asked to
            _asked(h)
        elif praised:
            # "thanked X for its aid", "welcomed the opening of X's embassy in Y": X did it
            h.event.actors = praised
            h.event.recipients = [r for r in h.event.recipients if r not in praised]
        elif kind in ("REQUEST", "SUPPORT") and (frame(h.event.type).symmetric or frame(h.event.type).genitive_actor):
            continue  # "Norland asked to join the pact", "backs talks with Valdoria": its own
        else:
            h.event.actors = []
        h.args.actors = []
    return hits
