"""A pronoun subject ("he met ...", הוא נפגש، أنه أجرى) stands for the person who acted last.

The argument model chooses among the mentions of a trigger's clause, and a
pronoun is not a mention: "Hochstein met Berri.  He later held a meeting with
Mikati" leaves the meeting without an actor.  Here an event that names no
actor and whose clause has a third-person singular pronoun just before its
trigger (the language's ``arguments.person_pronouns``, with no mention in
between) takes the person who acted most often in the earlier events (see
``antecedents``): in news prose the person of a running account is the
subject of its events, and a person named only in passing (an object, a
title in apposition) is not an earlier event's actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman.events.schema import events_data
from dragoman.events.sentence import SentenceView
from dragoman.text import normalize_key

# Tokens before the trigger searched for the pronoun ("he will also visit", "he later held a meeting").
REACH = 4
# Sentences back the candidate must have acted in: a story's protagonist may be quoted for a few
# paragraphs before the next "he"; beyond that the pronoun is left unresolved.
LOOKBACK = 12


@cache
def person_pronouns(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(normalize_key(w) for w in (data.arguments.person_pronouns if data else []))


def pronoun_subject(view: SentenceView, clause: list[int], start: int, pronouns: frozenset[str]) -> bool:
    """Is there a person pronoun among the few tokens before ``start``, in its clause, with no mention between?"""
    if not pronouns:
        return False
    mentioned = {k for r in view.mentions if r.entity for k in range(r.first, r.last + 1)}
    for k in range(start - 1, max(-1, start - 1 - REACH), -1):
        if k in mentioned:
            return False
        if view.folded(k) in pronouns:
            # the clause may open at the pronoun itself (أنه، שהוא): compare the token after it
            return clause[min(k + 1, start)] == clause[start]
    return False


@dataclass(slots=True)
class Telling:
    """What the resolver needs of one trigger occurrence, in text order."""

    sentence: int  # index of its sentence among the article's views
    actors: list[str]
    pronoun: bool  # names no actor and has a pronoun subject


def antecedents(tellings: list[Telling], is_person: dict[str, bool]) -> list[str | None]:
    """For each telling with ``pronoun``, the person it refers to (None when none fits).

    The candidates are the persons who were first actors of earlier events; the
    one who acted most often so far wins, the latest on a tie: a news story
    follows its protagonist, and a person named once in a background sentence
    ("the last visit, by X, was in 1994") does not take over the next "he".
    At least one of the candidate's events must lie within ``LOOKBACK`` sentences.
    """
    out: list[str | None] = []
    count: dict[str, int] = {}
    latest: dict[str, int] = {}  # person -> index of the telling where it last acted
    sentence_of: dict[str, int] = {}
    for k, t in enumerate(tellings):
        ref = None
        if t.pronoun:
            recent = [p for p in count if t.sentence - sentence_of[p] <= LOOKBACK] if count else []
            if recent:
                ref = max(count, key=lambda p: (count[p], latest[p]))
        out.append(ref)
        who = t.actors[0] if t.actors and is_person.get(t.actors[0], False) else ref
        if who is not None:
            count[who] = count.get(who, 0) + 1
            latest[who] = k
            sentence_of[who] = t.sentence
    return out
