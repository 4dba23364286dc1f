"""Content-derived identities for the facts of an article.

An id is a short hash of the article id, the kind of record and what
defines the record (its spans, and its type where one span can carry
several records).  Nothing positional goes in: an event keeps its id when
another event of the article appears or disappears, when the batch or the
executor changes, and when the article is re-extracted by a pipeline that
finds the same fact, so a correction made to it finds it again.

What defines each kind (and, just as deliberately, what does not):

* mention: its span and entity type.  Not its KB id or score, which the
  linker and the taggers may revise.
* event: its type and the span that signals it (the trigger, else its
  first evidence span).  Not its status, actors, recipients or date: those
  are what an analyst corrects, and the correction must still attach.
* quote: its span.  Not its speaker.
* claim: its evidence spans.  Not its claimant.
* described actor (an unnamed source, a described group): the span of its
  first, full description.  Not its gloss, affiliation or later references.
  Its id reads like an entity's (``described:<hash>``), since quotes, claims
  and events name it where they name entities.

The article id is part of every hash, so ids are distinct across a corpus
(64 bits: a collision among ten million facts is about a one in 360,000
chance), and inside one article two records with the same definition get
``-2``, ``-3``... in the order they come, which is itself content-determined.

Entities the knowledge base does not know get ``local:<article>:<name key>``
ids: two articles naming an unknown "Dana Rosh" are two entities until a
corpus pass decides they are one person.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import fields
from operator import attrgetter
from typing import TYPE_CHECKING

from dragoman.model.records import Mention

if TYPE_CHECKING:
    from dragoman.model.article import Article
    from dragoman.model.records import Claim, Described, Event, Quote
    from dragoman.model.span import Span

__all__ = [
    "LOCAL_PREFIX",
    "assign_claim_ids",
    "assign_described_ids",
    "assign_event_ids",
    "assign_mention_ids",
    "assign_quote_ids",
    "claim_id",
    "described_id",
    "event_id",
    "local_entity_id",
    "mention_id",
    "quote_id",
]

LOCAL_PREFIX = "local:"
_DIGITS = 16  # hex digits of the hash kept in an id
_SCOPE = 12  # hex digits of the article id that scope a local entity


def _digest(*parts: object) -> str:
    # The unit separator cannot occur in the parts (ids, type codes, offsets).
    raw = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:_DIGITS]


def _spans(spans: Iterable[Span]) -> str:
    return ",".join(f"{s.start}-{s.end}" for s in spans)


def mention_id(article_id: str, m: Mention) -> str:
    # _digest(article_id, "mention", "start-end", type) spelled out: it runs for every mention.
    raw = f"{article_id}\x1fmention\x1f{m.span.start}-{m.span.end}\x1f{m.type.value}"
    return "m-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:_DIGITS]


def event_id(article_id: str, ev: Event) -> str:
    anchor = ev.trigger if ev.trigger is not None else (ev.evidence[0] if ev.evidence else None)
    return "e-" + _digest(article_id, "event", ev.type, _spans([anchor]) if anchor else "")


def quote_id(article_id: str, q: Quote) -> str:
    return "q-" + _digest(article_id, "quote", _spans([q.span]))


def claim_id(article_id: str, c: Claim) -> str:
    return "c-" + _digest(article_id, "claim", _spans(sorted(c.evidence)))


def described_id(article_id: str, d: Described) -> str:
    return "described:" + _digest(article_id, "described", _spans(d.mentions[:1]))


def local_entity_id(article_id: str, key: str) -> str:
    """The id of an entity the knowledge base does not know, scoped to its article."""
    return f"{LOCAL_PREFIX}{article_id[:_SCOPE]}:{key}"


def _unique(ids: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    out: list[str] = []
    for i in ids:
        n = seen.get(i, 0) + 1
        seen[i] = n
        out.append(i if n == 1 else f"{i}-{n}")
    return out


def assign_mention_ids(article: Article) -> None:
    """Give every mention its id (mentions are frozen: each is replaced by a copy with the id).

    Several stages hand over the layer in turn; the digests of the mentions
    already seen are remembered on the article, so each is hashed once.
    """
    memo: dict[tuple[int, int, str], str] = article._index.setdefault("mention_ids", {})
    raw = []
    for m in article.mentions:
        key = (m.span.start, m.span.end, m.type)  # the member itself: ``.value`` is a Python-level property
        found = memo.get(key)
        if found is None:
            found = memo[key] = mention_id(article.id, m)
        raw.append(found)
    ids = _unique(raw)
    if any(m.id != i for m, i in zip(article.mentions, ids, strict=True)):
        article.mentions = [m if m.id == i else with_id(m, i) for m, i in zip(article.mentions, ids, strict=True)]


# Every field of a Mention but its id (the last), read in one C call: a copy with a new id is then
# one constructor call, where ``dataclasses.replace`` gathers and checks the fields in Python each time.
_BUT_ID = attrgetter(*(f.name for f in fields(Mention) if f.name != "id"))


def with_id(m: Mention, mention_id: str) -> Mention:
    """``dataclasses.replace(m, id=mention_id)``, at a third of its cost (every stage renames many)."""
    return Mention(*_BUT_ID(m), id=mention_id)  # type: ignore[misc]  # _BUT_ID leaves the id out


def assign_event_ids(article_id: str, events: list[Event]) -> list[Event]:
    for ev, i in zip(events, _unique([event_id(article_id, ev) for ev in events]), strict=True):
        ev.id = i
    return events


def assign_quote_ids(article_id: str, quotes: list[Quote]) -> list[Quote]:
    for q, i in zip(quotes, _unique([quote_id(article_id, q) for q in quotes]), strict=True):
        q.id = i
    return quotes


def assign_claim_ids(article_id: str, claims: list[Claim]) -> list[Claim]:
    for c, i in zip(claims, _unique([claim_id(article_id, c) for c in claims]), strict=True):
        c.id = i
    return claims


def assign_described_ids(article_id: str, described: list[Described]) -> list[Described]:
    for d, i in zip(described, _unique([described_id(article_id, d) for d in described]), strict=True):
        d.id = i
    return described
