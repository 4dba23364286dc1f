"""Described actors as event arguments: the party a clause describes instead of naming.

"A senior US official met the Iranian envoy", "وصل وفد مصري إلى غزة", "עשרות
מתנחלים תקפו את הכפר": the doer is real but unnamed, and the ``described``
layer has already found it (``dragoman.events.described``).  When neither the
argument model nor the role rules give an event an actor (or a recipient)
among the named mentions, a described mention of the trigger's clause that
the role rules would put in that slot fills it, and a party chosen inside a
description (the nisba "US" of "a senior US official") gives way to the
description it qualifies.  The rules of
``events.arguments`` run once more over the clause's mentions with the
described mentions added, and only what they give a described mention is
taken, so word order and markers decide as they do for names, and a named
party in the slot keeps it.

The argument is the description's id (``described:<hash>``), followed by the
state it belongs to when the description names one and that state is one of
the article's entities ("a US official" -> ``described:…``, ``country:US``),
as ``events.affiliation`` lists a person's state beside the person.
Descriptions that only tell (media, reports, witnesses: ``acts: false`` in
``described.yaml``) are never an event's party.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from dragoman.events.arguments import ArgRules, Arguments, assign
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.model import Article, Described, DescribedKind, EntityType, Mention, MentionKind

__all__ = ["described_refs", "fill_described", "with_affiliations"]


def described_refs(article: Article, view: SentenceView) -> list[MentionRef]:
    """Every mention of a described actor that may act, in the sentence, as a ``MentionRef`` to its id.

    Their ``index`` is negative (-1, -2, ...), so they never collide with the
    article's mentions in the role rules' bookkeeping.
    """
    out: list[MentionRef] = []
    starts = [t.start for t in view.tokens]
    for d in article.described:
        if not d.acts:
            continue
        for sp in d.mentions:
            if not view.span.contains(sp):
                continue
            first = max(0, bisect_right(starts, sp.start) - 1)
            last = max(first, bisect_left(starts, sp.end) - 1)
            out.append(
                MentionRef(
                    index=-1 - len(out),
                    mention=Mention(span=sp, type=_type(d), kind=MentionKind.NAME, source="described", head=d.head),
                    entity=d.id,
                    first=first,
                    last=last,
                    proclitic="",
                )
            )
    return out


def _type(d: Described) -> EntityType:
    return EntityType.PERSON if d.kind is DescribedKind.ANONYMOUS and not d.plural else EntityType.GROUP


def fill_described(
    view: SentenceView,
    clause: list[int],
    t_start: int,
    t_end: int,
    pos: str,
    rules: ArgRules,
    args: Arguments,
    refs: list[MentionRef],
    fill_recipient: bool = True,
) -> None:
    """Put described mentions in ``args``' slots: for a nisba inside one, and where the slot is empty.

    A party chosen inside a description ("US" in "a senior US official") is
    that description's affiliation, not the doer: the description takes its
    place (and the state follows it, ``with_affiliations``).  An empty actor
    or recipient slot takes the described mentions the role rules put there.
    Only described mentions of the trigger's own clause (``clause``, the
    events' segmentation) count, and none that overlaps the trigger.
    ``fill_recipient=False`` leaves an empty recipient slot to the caller: a visit's
    host comes from its place ("a visit to Baku with an economic delegation" is
    hosted by Azerbaijan, and the delegation travels with the visitor).
    """
    own = clause[t_start]
    near = [r for r in refs if clause[r.first] == own and (r.last < t_start or r.first >= t_end)]
    if not near:
        return
    args.actors = _lifted(args.actors, near)
    args.recipients = [r for r in _lifted(args.recipients, near) if r not in args.actors]
    # an actor taken from a clause before the trigger's own, where a description stands before the
    # trigger in it ("X cut ties with Y after protesters stormed its consulates"): the described
    # subject, if the role rules make it the actor, is the doer, not the party of the other clause
    foreign = bool(args.actors) and all(clause[a.first] != own and a.last < t_start for a in args.actors)
    if args.actors and args.recipients and not foreign:
        return
    mentions = sorted([*view.mentions, *near], key=lambda r: (r.first, -r.last))
    ruled = assign(replace(view, mentions=mentions), t_start, t_end, pos, rules)
    subject = [r for r in ruled.actors if r.index < 0 and r.last < t_start and r not in args.recipients]
    if foreign and subject:
        args.actors = subject
        # the party the other clause's actor stood for may now be the one acted on ("its consulates")
        args.recipients = args.recipients or [r for r in ruled.recipients if r not in subject and r.last >= t_end]
    elif not args.actors:
        args.actors = [r for r in ruled.actors if r.index < 0 and r not in args.recipients]
    if not args.recipients and fill_recipient:
        args.recipients = [r for r in ruled.recipients if r.index < 0 and r not in args.actors]


def _lifted(chosen: list[MentionRef], described: list[MentionRef]) -> list[MentionRef]:
    """``chosen`` with each party that lies inside a description replaced by the description."""
    out: list[MentionRef] = []
    for r in chosen:
        outer = next((d for d in described if d.first <= r.first and r.last <= d.last), r)
        if outer not in out:
            out.append(outer)
    return out


def with_affiliations(ids: list[str], article: Article, present: set[str]) -> list[str]:
    """``ids`` with each described actor's state after it, when its affiliation is a state of the article."""
    out = list(ids)
    by_id = {d.id: d for d in article.described}
    for i in ids:
        d = by_id.get(i)
        state = d.affiliation if d is not None else None
        if state is None or state in out or state not in present:
            continue
        ent = article.entity(state)
        if ent is not None and ent.type is EntityType.GPE:
            out.append(state)
    return out

