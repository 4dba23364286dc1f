"""A pronoun subject ("he met ...", הוא נפגש، أنه أجرى) stands for the person who acted last.

The argument model chooses among the mentions of a trigger's clause, and a
pronoun is not a mention: "Holloway met Dunmore.  He later held talks with
Varga" leaves the meeting without an actor; "أن بلاده تسعى إلى شراكة" ("that
his country is heading for a partnership") leaves it to the speaker's state.  Here an event that names no
actor and whose clause has a third-person singular pronoun just before its
trigger (the language's ``arguments.person_pronouns``, with no mention in
between) takes the person who acted most often in the earlier events (see
``antecedents``): in news prose the person of a running account is the
subject of its events, and a person named only in passing (an object, a
title in apposition) is not an earlier event's actor.  A state pronoun ("his
country", ارضه، بلاده) stands for that person's state (``affiliation.state_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman.events.schema import events_data
from dragoman.events.sentence import SentenceView
from dragoman.model import EntityType
from dragoman.text import normalize_key

# Tokens before the trigger searched for the pronoun ("he will also visit", "he later held a meeting").
REACH = 4
# Sentences back the candidate must have acted in: a story's protagonist may be quoted for a few
# paragraphs before the next "he"; beyond that the pronoun is left unresolved.
LOOKBACK = 12


PERSON = "person"
STATE = "state"


@cache
def pronouns(lang: str) -> dict[str, str]:
    """Folded pronoun -> what it stands for: ``person`` (he, הוא، أنه) or ``state`` (his country, ארצו، بلاده)."""
    data = events_data(lang)
    if data is None:
        return {}
    out = {normalize_key(w): PERSON for w in data.arguments.person_pronouns}
    out.update({normalize_key(w): STATE for w in data.arguments.state_pronouns})
    return out


def person_before(view: SentenceView, k: int, is_person: dict[str, bool], markers: frozenset[str]) -> str | None:
    """The nearest person named before token ``k`` in the sentence, not as an object ("with X", "to X").

    A title with no holder linked ("the Azerbaijani president") stands for its state,
    the nation named inside it.
    """
    for r in reversed(view.mentions):  # mentions are in text order
        if r.last >= k or r.mention.type is not EntityType.PERSON:
            continue
        if r.first and view.folded(r.first - 1) in markers or r.proclitic in markers:
            continue
        if r.entity and is_person.get(r.entity, False):
            return r.entity
        else:  # a title not linked to its holder: its state
            inner = [
                o.entity
                for o in view.mentions
                if o.entity and o.mention.type is EntityType.GPE and o.first >= r.first and o.last <= r.last
            ]
            if inner:
                return inner[0]
    return None


@cache
def first_person_suffixes(lang: str) -> tuple[str, ...]:
    data = events_data(lang)
    return tuple(normalize_key(x) for x in (data.arguments.first_person_suffixes if data else []))


def first_person_verb(word: str, suffixes: tuple[str, ...]) -> bool:
    """Does the folded verb end in a first-person ending, with a stem of three letters or more left?"""
    return any(word.endswith(x) and len(word) - len(x) >= 3 for x in suffixes)


def pronoun_subject(view: SentenceView, clause: list[int], start: int, table: dict[str, str]) -> str | None:
    """The kind of pronoun among the few tokens before ``start``, in its clause, with no mention between."""
    if not table:
        return None
    mentioned = {k for r in view.mentions if r.entity for k in range(r.first, r.last + 1)}
    for k in range(start - 1, max(-1, start - 1 - REACH), -1):
        if k in mentioned:
            return None
        word = view.folded(k)
        kind = table.get(word) or (table.get(f"{view.folded(k - 1)} {word}") if k else None)
        if kind is not None:
            # the clause may open at the pronoun itself (أنه، שהוא): compare the token after it
            return kind if clause[min(k + 1, start)] == clause[start] else None
    return None


@dataclass(slots=True)
class Telling:
    """What the resolver needs of one trigger occurrence, in text order."""

    sentence: int  # index of its sentence among the article's views
    actors: list[str]
    pronoun: str | None  # names no actor and has a pronoun subject of this kind (PERSON, STATE)
    local: str | None = None  # the person (or a title's state) named before it in its own sentence


def antecedents(tellings: list[Telling], is_person: dict[str, bool]) -> list[str | None]:
    """For each telling with ``pronoun``, the person it refers to or whose state it names (None when none fits).

    The candidates are the persons who were first actors of earlier events; the
    one who acted most often so far wins, the latest on a tie: a news story
    follows its protagonist, and a person named once in a background sentence
    ("the last visit, by X, was in 1994") does not take over the next "he".
    At least one of the candidate's events must lie within ``LOOKBACK`` sentences.
    A person named earlier in the pronoun's own sentence comes first: the subject
    of "X said that he ..." is X, whoever the story is about.
    """
    out: list[str | None] = []
    count: dict[str, int] = {}
    latest: dict[str, int] = {}  # person -> index of the telling where it last acted
    sentence_of: dict[str, int] = {}
    for k, t in enumerate(tellings):
        ref = None
        if t.pronoun and t.local is not None:
            ref = t.local  # "the Azerbaijani president said that his country ...": the sentence's own person
        elif t.pronoun:
            recent = [p for p in count if t.sentence - sentence_of[p] <= LOOKBACK] if count else []
            if recent:
                ref = max(count, key=lambda p: (count[p], latest[p]))
        out.append(ref)
        who = t.actors[0] if t.actors and is_person.get(t.actors[0], False) else None
        who = ref if who is None and t.pronoun == PERSON and ref and is_person.get(ref, False) else who
        if who is not None:
            count[who] = count.get(who, 0) + 1
            latest[who] = k
            sentence_of[who] = t.sentence
    return out
