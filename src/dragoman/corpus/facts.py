"""What the corpus layer keeps of one article: a small, JSON-able digest of its extraction.

Near-duplicates, stories and merged events compare articles through these
digests, never through the articles themselves, so a corpus pass stores one
row per article and a later read needs no article but the ones it shows.
Every value here is a function of the article alone: which articles it is
later compared with cannot change it, which is what makes the passes
order-independent.

Participants are compared by a *participant key*: the Wikidata QID when the
entity has one, the knowledge-base id when it has no QID, and otherwise a
cross-script name key (``kb.name_key``), so that a person the KB does not
know, named in Arabic in one article and in Hebrew in another, still meets
itself.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from dragoman.chrome.memory import outlet_of
from dragoman.events.plover import rollup
from dragoman.kb.names import name_key
from dragoman.model import Article, Entity, EventStatus, Granularity, Span, TimeExpr
from dragoman.model.ids import LOCAL_PREFIX
from dragoman.model.timeline import interval

__all__ = [
    "ArticleFacts",
    "ClaimFacts",
    "EventFacts",
    "Party",
    "article_facts",
    "participant_key",
    "status_class",
]

# An unrealised action and the action done are different facts (a planned accession is the
# precursor of the accession); a denial is a third.  Within a class, sources may disagree.
_PROSPECTIVE = frozenset(
    {EventStatus.PLANNED, EventStatus.TALKS, EventStatus.CONDITIONAL, EventStatus.HYPOTHETICAL}
)


def status_class(status: str) -> str:
    """``prospective``, ``realised`` or ``negated``: statuses in one class may describe one event."""
    if status == EventStatus.OCCURRED:
        return "realised"
    if status == EventStatus.NEGATED:
        return "negated"
    return "prospective" if status in _PROSPECTIVE else status


def participant_key(entity: Entity, language: str | None) -> str:
    """QID, else KB id, else ``name:`` + cross-script name key of the canonical name."""
    if entity.qid:
        return entity.qid
    if not entity.id.startswith(LOCAL_PREFIX) and not entity.id.startswith("described:"):
        return entity.id
    return "name:" + name_key(entity.canonical, language)


@dataclass(frozen=True, slots=True)
class Party:
    key: str  # participant key: what merging compares
    id: str  # the entity id in its article
    qid: str | None
    canonical: str  # English canonical name (the article's gloss when local)
    type: str = "MISC"  # entity type: whether it is a state matters to merging


@dataclass(frozen=True, slots=True)
class EventFacts:
    id: str
    article: str
    type: str
    family: str  # the PLOVER type it rolls up to
    status: str
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    date: str | None  # ISO value at its granularity
    granularity: str | None
    estimated: bool  # a relative or vague date: resolved against an anchor, not read
    evidence: tuple[tuple[int, int, str], ...]  # (start, end, text)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(p.key for p in (*self.actors, *self.recipients))

    @property
    def days(self) -> tuple[datetime.date, datetime.date] | None:
        return interval(self.date)


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """A claim and who makes it: the claimant, what it is about, its words."""

    id: str
    article: str
    claimant: Party | None
    about: tuple[str, ...]  # participant keys and article-level event ids
    date: str | None  # a time expression in the claim's sentence, if any
    granularity: str | None
    evidence: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    id: str
    path: str | None
    url: str | None
    outlet: str | None
    language: str | None
    published: str | None  # ISO day
    title: str
    entities: dict[str, int]  # participant key -> mentions
    names: dict[str, Party]  # participant key -> a party to show for it
    events: tuple[EventFacts, ...]
    claims: tuple[ClaimFacts, ...] = ()
    shingles: tuple[str, ...] = ()  # body word shingles (near-duplicates); not stored
    embedding: tuple[float, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("shingles")
        data["v"] = DIGEST_VERSION
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleFacts:
        def party(p: dict[str, Any]) -> Party:
            return Party(**p)

        events = tuple(
            EventFacts(
                **{
                    **e,
                    "actors": tuple(party(p) for p in e["actors"]),
                    "recipients": tuple(party(p) for p in e["recipients"]),
                    "evidence": tuple(tuple(x) for x in e["evidence"]),
                }
            )
            for e in data["events"]
        )
        claims = tuple(
            ClaimFacts(
                **{
                    **c,
                    "claimant": party(c["claimant"]) if c["claimant"] else None,
                    "about": tuple(c["about"]),
                    "evidence": tuple(tuple(x) for x in c["evidence"]),
                }
            )
            for c in data.get("claims") or ()
        )
        data.pop("v", None)
        emb = data.get("embedding")
        return cls(
            id=data["id"],
            path=data["path"],
            url=data["url"],
            outlet=data["outlet"],
            language=data["language"],
            published=data["published"],
            title=data["title"],
            entities=dict(data["entities"]),
            names={k: party(v) for k, v in data["names"].items()},
            events=events,
            claims=claims,
            embedding=tuple(emb) if emb is not None else None,
            extra=dict(data.get("extra") or {}),
        )


def _family(code: str) -> str:
    try:
        return rollup(code)
    except KeyError:
        return code  # an unknown code is its own family: it merges only with itself


def article_facts(article: Article, *, embedding: tuple[float, ...] | None = None) -> ArticleFacts:
    """The digest of one extracted article (its shingles included, for the near-duplicate pass)."""
    lang = article.language
    parties: dict[str, Party] = {}
    keys_of: dict[str, str] = {}
    for ent in article.entities:
        key = participant_key(ent, lang)
        keys_of[ent.id] = key
        party = Party(key, ent.id, ent.qid, ent.canonical, ent.type.value)
        # Prefer a KB entity's party to a local one with the same key: its canonical name is English.
        if key not in parties or (
            parties[key].id.startswith(LOCAL_PREFIX) and not ent.id.startswith(LOCAL_PREFIX)
        ):
            parties[key] = party
    counts: Counter[str] = Counter()
    for ent in article.entities:
        counts[keys_of[ent.id]] += sum(
            1 for i in ent.mentions if not article.in_boilerplate(article.mentions[i].span)
        )

    def parties_of(ids: list[str]) -> tuple[Party, ...]:
        out: list[Party] = []
        seen: set[str] = set()
        for i in ids:
            ent = article.entity(i)
            if ent is None:
                continue  # a described actor ("a senior official"): no key that another article could share
            p = Party(keys_of[ent.id], ent.id, ent.qid, ent.canonical, ent.type.value)
            if p.key not in seen:
                seen.add(p.key)
                out.append(p)
        return tuple(out)

    events: list[EventFacts] = []
    for ev in article.events:
        d = ev.date
        events.append(
            EventFacts(
                id=ev.id,
                article=article.id,
                type=ev.type,
                family=_family(ev.type),
                status=ev.status.value,
                actors=parties_of(ev.actors),
                recipients=parties_of(ev.recipients),
                date=d.value if d is not None else None,
                granularity=d.granularity.value if d is not None and d.value else None,
                estimated=bool(
                    d is not None and d.value and (d.relative or d.granularity.value in ("vague", "range"))
                ),
                evidence=tuple((s.start, s.end, article.span_text(s)) for s in ev.evidence),
            )
        )
    claims: list[ClaimFacts] = []
    for c in article.claims:
        who = article.entity(c.claimant) if c.claimant else None
        about = [keys_of.get(x, x) for x in c.about]
        when = _date_near(article, c.evidence[0]) if c.evidence else None
        claims.append(
            ClaimFacts(
                id=c.id,
                article=article.id,
                claimant=Party(keys_of[who.id], who.id, who.qid, who.canonical, who.type.value)
                if who
                else None,
                about=tuple(dict.fromkeys(about)),
                date=when.value if when else None,
                granularity=when.granularity.value if when else None,
                evidence=tuple((s.start, s.end, article.span_text(s)) for s in c.evidence),
            )
        )
    events.extend(statements(article.id, claims, parties))
    # Stories and merged events compare days: a year-level estimate (1 January standing for "some
    # day that year") would read as a day, so it counts as no date here
    basis = article.source.published_basis
    published = None if basis is not None and basis.granularity is Granularity.YEAR else article.source.published
    return ArticleFacts(
        id=article.id,
        path=article.source.path,
        url=article.source.url,
        outlet=outlet_of(article),
        language=lang,
        published=published.isoformat() if published else None,
        title=_headline(article),
        entities=dict(sorted(counts.items())),
        names=dict(sorted(parties.items())),
        events=tuple(events),
        claims=tuple(claims),
        shingles=tuple(body_shingles(article)),
        embedding=embedding,
    )


# Bumped whenever what a digest holds changes: a stored digest of another version is made again.
DIGEST_VERSION = 2

STATEMENT = "STATEMENT"  # a named speaker's public statement: a corpus-level event code outside PLOVER


def statements(article_id: str, claims: list[ClaimFacts], parties: dict[str, Party]) -> list[EventFacts]:
    """A named claimant's claims in one article as statement events, one per claimant and date.

    An article that quotes one statement in several places gives several claims;
    they are one statement (the claimant said it once), unless the text dates
    them differently.  Its participants are the claimant (actor) and the
    entities the claims are about (recipients); its id is its first claim's.
    """
    groups: dict[tuple[str, str | None], list[ClaimFacts]] = {}
    for c in claims:
        if c.claimant is not None:
            groups.setdefault((c.claimant.key, c.date), []).append(c)
    out: list[EventFacts] = []
    for (_, when), members in groups.items():
        first = members[0]
        assert first.claimant is not None
        about = dict.fromkeys(k for c in members for k in c.about if k in parties and k != first.claimant.key)
        out.append(
            EventFacts(
                id=first.id, article=article_id, type=STATEMENT, family=STATEMENT, status=EventStatus.OCCURRED.value,
                actors=(first.claimant,), recipients=tuple(parties[k] for k in about), date=when,
                granularity=first.granularity, estimated=False,
                evidence=tuple(x for c in members for x in c.evidence),
            )
        )
    return out


def _date_near(article: Article, span: Span) -> TimeExpr | None:
    """A resolved time expression in the sentence of ``span``: when a claim was made, as the text says."""
    sentence = next((s for s in article.sentences if s.start <= span.start < s.end), None)
    if sentence is None:
        return None
    for t in article.time_expressions:
        if (
            sentence.start <= t.span.start < sentence.end
            and t.value
            and t.granularity.value in ("day", "month")
        ):
            return t
    return None


def _headline(article: Article) -> str:
    if article.source.title:
        return article.source.title.strip()
    for s in article.body_spans():
        line = article.text[s.start : s.end].strip().split("\n", 1)[0].strip()
        if line:
            return line[:200]
    return ""


SHINGLE = 5  # words per shingle: long enough that two unrelated texts share almost none


def body_shingles(article: Article) -> set[str]:
    """Word 5-grams of the article's body (page chrome removed), folded so that spelling variants meet."""
    from dragoman.text.normalize import normalize_key

    words: list[str] = []
    for s in article.body_spans():
        words.extend(
            w for w in normalize_key(article.text[s.start : s.end]).split() if any(c.isalnum() for c in w)
        )
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
