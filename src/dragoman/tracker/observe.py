"""What one article says about states and agreements: status and condition observations, span-anchored.

A pure function of the article (its text, sentences, entities, mentions,
events and claims), the KB's treaty data and the language's cue words
(``tracker.yaml``), so the corpus pass can record it per article and the
tracker can combine articles in any order.

Per sentence that refers to a KB agreement (by name, or by an anaphor such
as "the accords" after one was named):

* **subjects** are the states it names, less the agreement's brokers and
  documented members, less states named only inside a title ("the American
  president"), inside a condition's topic ("a Palestinian state") or right
  after a counterpart word ("its conflict *with* Armenia") when another state
  is left;
* an accession trigger (an ``ACCEDE`` or ``CANDIDACY`` event, or an inclusion
  cue such as "to include") gives its subjects a status from the event's
  status and the sentence's status cues; without a trigger, a status cue
  ("talks", "refused") still does (only for the subjects related to the
  agreement by their clause, where some are), and a bare reference may be
  a mention;
* a state is ``mentioned`` only when the sentence relates it to the
  agreement: an argument of an event about it, the claimant of a claim
  covering its name, or named in the clause of its name with a joining or
  status word; a state listed with one the article gives a status ("X, Y
  and Z", in a sentence about the agreement or next to one) is mentioned
  too.  Naming a state nearby is not enough;
* condition cues make conditions (precondition, obstacle) of the
  sentence's subjects: glossed from a known topic, else from the cue's
  clause (its kind and the English names of the entities named there);
  cited by the speaker of a quote or claim covering them, else a described
  source, else the actor of a condition event who is its clause's subject,
  else the outlet.

Sanctions are read over the whole article: a KB sanction law (treaties.yaml)
or a sanction event naming a state whose accession the article discusses is
a ``sanction`` condition of that accession, a waiver cue or event next to it
a ``waiver``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dragoman.events.matcher import Match, PhraseMatcher
from dragoman.model import Article, Entity, EntityType, Event, EventStatus, Mention, MentionKind, Span
from dragoman.text.morph import token_forms
from dragoman.text.tokenize import tokenize
from dragoman.tracker.cues import TrackerCues, tracker_cues
from dragoman.tracker.treaties import Treaties, treaties

__all__ = ["RANK", "observe"]

# Within one article the strongest status of a state wins; across articles the latest does.
RANK = {
    "mentioned": 1, "conditional": 2, "talks": 3, "candidate": 4, "blocked": 5, "declined": 6,
    "joined": 7, "member": 7, "withdrawn": 8,
}
ACCESSION = ("ACCEDE", "CANDIDACY")
_FROM_EVENT = {
    "ACCEDE": {
        EventStatus.OCCURRED: "joined", EventStatus.PLANNED: "candidate", EventStatus.TALKS: "talks",
        EventStatus.CONDITIONAL: "conditional", EventStatus.HYPOTHETICAL: "mentioned", EventStatus.NEGATED: "declined",
    },
    "CANDIDACY": {
        EventStatus.OCCURRED: "candidate", EventStatus.PLANNED: "candidate", EventStatus.TALKS: "talks",
        EventStatus.CONDITIONAL: "conditional", EventStatus.HYPOTHETICAL: "mentioned", EventStatus.NEGATED: "declined",
    },
}


@dataclass(frozen=True)
class _Matchers:
    anaphor: PhraseMatcher[str]
    inclusion: PhraseMatcher[str]
    counterpart: PhraseMatcher[str]
    status: PhraseMatcher[str]
    condition: PhraseMatcher[str]
    topic: PhraseMatcher[int]
    removal: PhraseMatcher[str]
    cues: TrackerCues


@cache
def _matchers(lang: str) -> _Matchers | None:
    cues = tracker_cues(lang)
    if cues is None:
        return None
    return _Matchers(
        PhraseMatcher((w, "anaphor") for w in cues.anaphors),
        PhraseMatcher((w, "inclusion") for w in cues.inclusion),
        PhraseMatcher((w, "counterpart") for w in cues.counterpart),
        PhraseMatcher((w, kind) for kind, words in cues.status.items() for w in words),
        PhraseMatcher((w, kind) for kind, words in cues.conditions.items() for w in words),
        PhraseMatcher((w, i) for i, t in enumerate(cues.topics) for w in t.words),
        PhraseMatcher((w, "removal") for w in cues.removal),
        cues,
    )


@dataclass
class _Sentence:
    span: Span
    tokens: list[Span]
    agreements: list[str] = field(default_factory=list)
    states: dict[str, list[Span]] = field(default_factory=dict)  # state id -> mention spans usable as subjects
    all_states: set[str] = field(default_factory=set)
    status_cues: set[str] = field(default_factory=set)
    condition_cues: set[str] = field(default_factory=set)
    condition_spans: list[tuple[str, Span]] = field(default_factory=list)  # (kind, span) of each condition word
    topics: list[tuple[int, Span]] = field(default_factory=list)
    inclusion: bool = False
    counterpart_ends: set[int] = field(default_factory=set)  # char offsets where a counterpart word ends
    forms: list[tuple[str, ...]] = field(default_factory=list)  # folded, clitic-stripped token forms
    events: list[Event] = field(default_factory=list)  # events triggered in the sentence
    linked: list[tuple[Mention, Entity]] = field(default_factory=list)  # its mentions of KB-linked entities
    refs: dict[str, list[Span]] = field(default_factory=dict)  # agreement id -> its names (and anaphors) here
    anaphors: list[Span] = field(default_factory=list)  # "the accords"
    cue_spans: list[Span] = field(default_factory=list)  # joining/expansion and status words
    lists: list[list[tuple[str, Span]]] = field(default_factory=list)  # coordinated states: "X, Y and Z"
    list_gaps: list[Span] = field(default_factory=list)  # the separators inside those lists

    def token_span(self, m: Match[Any]) -> Span:
        return Span(self.tokens[m.start].start, self.tokens[m.end - 1].end)


@dataclass
class _Found:
    """Observations of one article, keyed by (agreement, state)."""

    statuses: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    conditions: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    outlet: str | None = None  # who cites what nobody in the text is said to cite: the outlet itself

    def status(self, article: Article, agreement: str, state: str, status: str, span: Span) -> None:
        self.statuses[(agreement, state)].append(_evidence(article, span) | {"status": status})

    def condition(self, article: Article, agreement: str, state: str, kind: str, key: str, gloss: str,
                  cited_by: Iterable[str], span: Span) -> None:
        who = sorted(set(cited_by)) or ([self.outlet] if self.outlet else [])
        self.conditions[(agreement, state)].append(
            _evidence(article, span) | {"kind": kind, "key": key, "gloss": gloss, "cited_by": who}
        )


def _evidence(article: Article, span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": article.span_text(span)}


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _is_state(e: Entity) -> bool:
    return e.type == EntityType.GPE and e.id.startswith("country:")


def _is_agreement(e: Entity) -> bool:
    return e.type == EntityType.AGREEMENT and e.id.startswith("agreement:")


def observe(article: Article, data: Treaties | None = None) -> dict[tuple[str, str], dict[str, Any]]:
    """``{(agreement id, state id): {"statuses": [...], "conditions": [...]}}`` for one article.

    Each status is ``{status, start, end, text}``; each condition ``{kind, key,
    gloss, cited_by, start, end, text}``; spans point into ``article.text``.
    """
    if not any(_is_agreement(e) for e in article.entities):
        return {}  # most news names no agreement: nothing to read, at no cost
    data = data or treaties()
    m = _matchers(article.language or "")
    sentences = _sentences(article, m)
    found = _Found(outlet=_outlet(article))
    day = article.source.published
    named = [a for s in sentences for a in s.agreements]
    last: str | None = named[0] if named else None
    refs: list[list[str]] = []
    for s in sentences:
        here = list(s.agreements)
        if here:
            last = here[-1]
        elif m is not None and last is not None and m.anaphor.find(s.forms):
            here = [last]
        refs.append(here)
    for i, s in enumerate(sentences):
        for agreement in refs[i]:
            _sentence_observations(article, s, agreement, data, found, day, m)
    for i, s in enumerate(sentences):
        near = {a for j in (i - 1, i, i + 1) if 0 <= j < len(sentences) for a in refs[j]}
        for agreement in sorted(near):
            _listed_mentions(article, s, agreement, data, found, day)
    _sanctions(article, sentences, data, found, m)
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for key in sorted(set(found.statuses) | set(found.conditions)):
        out[key] = {"statuses": _unique(found.statuses.get(key, [])),
                    "conditions": _unique(found.conditions.get(key, []))}
    return out


def _outlet(article: Article) -> str | None:
    """``outlet:<id>``: the article's outlet as the framing's outlet registry identifies it (docs/framing.md)."""
    from dragoman.framing.outlets import identify_outlet

    found = identify_outlet(article).outlet
    return f"outlet:{found}" if found else None


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for item in items:
        seen.setdefault(repr(sorted(item.items())), item)
    return sorted(seen.values(), key=lambda d: (d["start"], d["end"], repr(sorted(d.items()))))


def _forms(article: Article, s: _Sentence) -> list[tuple[str, ...]]:
    return token_forms([article.text[t.start : t.end] for t in s.tokens], article.language or "")


def _anchor(ev: Event) -> Span:
    return ev.trigger or (ev.evidence[0] if ev.evidence else Span(0, 0))


def _sentences(article: Article, m: _Matchers | None) -> list[_Sentence]:
    owner: dict[int, Entity] = {}
    for e in article.entities:
        for idx in e.mentions:
            owner[idx] = e
    titles = [mn.span for mn in article.mentions if mn.kind == MentionKind.TITLE]
    out: list[_Sentence] = []
    for sent in article.sentences or [Span(0, len(article.text))]:
        if not article.in_boilerplate(sent):
            out.append(_Sentence(sent, tokenize(article.text, sent.start, sent.end)))
    # Mentions and events go to their sentence by offset (one pass each, not one per sentence).
    starts = [s.span.start for s in out]

    def home(span: Span) -> _Sentence | None:
        i = bisect_right(starts, span.start) - 1
        return out[i] if i >= 0 and _inside(span, out[i].span) else None

    for idx, mention in enumerate(article.mentions):
        ent = owner.get(idx)
        if ent is not None and (s := home(mention.span)) is not None:
            s.linked.append((mention, ent))
    for ev in article.events:
        if (s := home(_anchor(ev))) is not None:
            s.events.append(ev)
    for s in out:
        if m is not None and s.tokens:
            forms = s.forms = _forms(article, s)
            inclusion = m.inclusion.find(forms)
            status = m.status.find(forms)
            s.inclusion = bool(inclusion)
            s.status_cues = {x.payload for x in status}
            s.cue_spans = [s.token_span(x) for x in inclusion]
            s.cue_spans += [s.token_span(x) for x in status if x.payload not in ("hedge",)]
            s.anaphors = [s.token_span(x) for x in m.anaphor.find(forms)]
            conditions = m.condition.find(forms)
            # "remove all obstacles to ...": an obstacle being cleared is none a source cites
            cleared = {x.end for x in m.removal.find(forms)}
            conditions = [
                x
                for x in conditions
                if not (x.payload == "obstacle" and any(x.start - 2 <= e <= x.start for e in cleared))
            ]
            s.condition_cues = {x.payload for x in conditions}
            s.condition_spans = [(x.payload, s.token_span(x)) for x in conditions]
            s.topics = [(x.payload, s.token_span(x)) for x in m.topic.find(forms)]
            s.counterpart_ends = {s.tokens[x.end - 1].end for x in m.counterpart.find(forms)}
        for mention, ent in s.linked:
            if _is_agreement(ent):
                s.refs.setdefault(ent.id, []).append(mention.span)
                if ent.id not in s.agreements:
                    s.agreements.append(ent.id)
            elif _is_state(ent):
                s.all_states.add(ent.id)
                if any(_inside(mention.span, t) for t in titles if t != mention.span):
                    continue  # "the American president": an affiliation, not a party
                if any(_overlaps(mention.span, sp) for _, sp in s.topics):
                    continue  # the state inside a condition ("a Palestinian state")
                s.states.setdefault(ent.id, []).append(mention.span)
        _lists(article, s, m)
    return out


_SEPARATORS = frozenset(",،;/&")


def _lists(article: Article, s: _Sentence, m: _Matchers | None) -> None:
    """Chains of state mentions joined only by commas and conjunctions ("Kazakhstan, Uzbekistan and Tajikistan")."""
    mentions = sorted(((mn.span, ent.id) for mn, ent in s.linked if _is_state(ent)), key=lambda x: x[0].start)
    words = {w.casefold() for w in m.cues.conjunctions} if m is not None else set()
    chain: list[tuple[str, Span]] = []
    gaps: list[Span] = []
    for span, state in mentions:
        if chain:
            gap = article.text[chain[-1][1].end : span.start]
            bare = "".join(ch for ch in gap if ch not in _SEPARATORS).strip().casefold()
            if span.start >= chain[-1][1].end and len(gap) <= 24 and (not bare or bare in words):
                chain.append((state, span))
                gaps.append(Span(chain[-2][1].end, span.start))
                continue
            if len({st for st, _ in chain}) > 1:
                s.lists.append(chain)
                s.list_gaps += gaps
            gaps = []
        chain = [(state, span)]
    if len({st for st, _ in chain}) > 1:
        s.lists.append(chain)
        s.list_gaps += gaps


def _after_counterpart(article: Article, s: _Sentence, spans: list[Span]) -> bool:
    """Every mention of the state directly follows a counterpart word ("with Armenia")."""
    def follows(sp: Span) -> bool:
        return any(end <= sp.start and not article.text[end : sp.start].strip() and sp.start - end <= 2
                   for end in s.counterpart_ends)

    return all(follows(sp) for sp in spans)


_CLAUSE_MARKS = frozenset(",،;؛:—()")


def _clause(article: Article, s: _Sentence, span: Span) -> Span:
    """The clause of ``s`` around ``span``: to the nearest clause punctuation, the commas of a list of states excepted."""
    text = article.text

    def boundary(i: int) -> bool:
        return text[i] in _CLAUSE_MARKS and not any(g.start <= i < g.end for g in s.list_gaps)

    start, end = span.start, span.end
    while start > s.span.start and not boundary(start - 1):
        start -= 1
    while end < s.span.end and not boundary(end):
        end += 1
    return Span(start, end)


def _related(article: Article, s: _Sentence, agreement: str, state: str, spans: list[Span]) -> bool:
    """Does the sentence relate ``state`` to the agreement, beyond naming both?

    Yes when the state is an argument of an event about the agreement (an
    accession, an event with the agreement as argument, or one whose clause
    names it), the claimant of a claim that covers the agreement's name, or
    named in the clause of the agreement's name together with a joining or
    status word ("... to include X", "X is exploring the accords").
    """
    refs = s.refs.get(agreement) or s.anaphors
    for ev in s.events:
        about = (ev.type in ACCESSION or agreement in ev.actors or agreement in ev.recipients
                 or any(_inside(r, e) for r in refs for e in ev.evidence))
        if about and (state in ev.actors or state in ev.recipients):
            return True
    if any(c.claimant == state and any(_overlaps(r, e) for r in refs for e in c.evidence) for c in article.claims):
        return True
    cues = s.cue_spans + [ev.trigger for ev in s.events if ev.type in ACCESSION and ev.trigger is not None]
    for r in refs:
        clause = _clause(article, s, r)
        if any(_inside(sp, clause) for sp in spans) and any(_inside(c, clause) for c in cues):
            return True
    return False


def _listed_mentions(article: Article, s: _Sentence, agreement: str, data: Treaties, found: _Found,
                     day: Any) -> None:
    """States listed together with one the article gives a status ("candidates such as X, Y and Z") are mentioned.

    The list may be in a sentence about the agreement or next to one.
    """
    skip = data.brokers(agreement) | data.members(agreement, day)
    for chain in s.lists:
        states = {st for st, _ in chain}
        placed = {st for st in states if any(o["status"] != "mentioned" for o in found.statuses.get((agreement, st), ()))}
        if not placed:
            continue
        span = Span(chain[0][1].start, chain[-1][1].end)
        for state in sorted(states - placed - skip):
            found.status(article, agreement, state, "mentioned", span)


def _subjects(article: Article, s: _Sentence, agreement: str, data: Treaties, day: Any,
              *, allow_members: bool = False) -> dict[str, list[Span]]:
    excluded = set(data.brokers(agreement))
    if not allow_members:
        excluded |= data.members(agreement, day)
    cands = {k: v for k, v in s.states.items() if k not in excluded}
    main = {k: v for k, v in cands.items() if not _after_counterpart(article, s, v)}
    return main or cands


def _status_of(event_status: str | None, cues: set[str], *, preconditions: bool) -> str:
    for strong in ("withdrawn", "declined", "blocked"):
        if strong in cues:
            return strong
    status = event_status or "mentioned"
    if status == "joined" and "intent" in cues:
        status = "candidate"
    if status in ("mentioned", "talks") and "candidate" in cues:
        status = "candidate"
    elif status == "mentioned" and "talks" in cues:
        status = "talks"
    if "hedge" in cues and status in ("candidate", "talks", "conditional", "joined"):
        return "mentioned"
    if preconditions and status in ("mentioned", "talks"):
        return "conditional"
    return status


def _sentence_observations(article: Article, s: _Sentence, agreement: str, data: Treaties, found: _Found,
                           day: Any, m: _Matchers | None) -> None:
    subjects = _subjects(article, s, agreement, data, day, allow_members="withdrawn" in s.status_cues)
    events = s.events
    conditions = _conditions(article, s, m, events)
    has_precondition = any(c[0] == "precondition" for c in conditions)
    covered: set[str] = set()
    for ev in events:
        if ev.type not in ACCESSION:
            continue
        if ev.recipients and any(r.startswith("agreement:") for r in ev.recipients) and agreement not in ev.recipients:
            continue  # this accession is to another agreement of the sentence
        scope = ev.evidence or [s.span]
        who = {k: v for k, v in subjects.items() if any(_inside(sp, c) for sp in v for c in scope)}
        if not who:
            who = {k: v for k, v in subjects.items() if k in ev.actors} or subjects
        status = _status_of(_FROM_EVENT[ev.type][ev.status], s.status_cues, preconditions=has_precondition)
        for state in who:
            found.status(article, agreement, state, status, scope[0])
            covered.add(state)
    # Where some subjects are related to the agreement by their clause and others are not ("... expanding
    # the accords to X, while Y opened an embassy"), the sentence's status words are about the related ones.
    related = {k for k, v in subjects.items() if k not in covered and _related(article, s, agreement, k, v)}
    for state in subjects:
        if state in covered or (related and state not in related):
            continue
        # "expanding the accords to include X": X is being considered, the talks stage; where an accession
        # event says who joins, the sentence's other states are only named beside it.
        included = s.inclusion and not covered
        status = _status_of("talks" if included else None, s.status_cues, preconditions=has_precondition)
        if status != "mentioned" or state in related:
            found.status(article, agreement, state, status, s.span)
    for state in sorted(set(s.states) - set(subjects) - data.brokers(agreement) - data.members(agreement, day)):
        if _related(article, s, agreement, state, s.states[state]):
            found.status(article, agreement, state, "mentioned", s.span)
    for kind, key, gloss, cited, _ in conditions:
        for state in subjects:
            found.condition(article, agreement, state, kind, key, gloss, cited, s.span)


def _cited_by(article: Article, s: _Sentence, span: Span, types: tuple[str, ...]) -> set[str]:
    """Who cites what ``span`` says: the speaker of a quote or claim covering it, else a described source
    ("experts"), else the actor of a condition event who is the subject of its clause; empty: the outlet.

    The event stage's actors are the last resort: its argument model often takes the broker or the state
    that would join for the one who sets the condition.
    """
    speakers: set[str] = set()
    described: set[str] = set()
    for c in article.claims:
        if c.claimant and c.claimant != "outlet:None" and any(_overlaps(span, e) for e in c.evidence):
            (described if c.claimant.startswith("described:") else speakers).add(c.claimant)
    for q in article.quotes:
        if q.speaker and _overlaps(span, q.span):
            (described if q.speaker.startswith("described:") else speakers).add(q.speaker)
    if speakers or described:
        return speakers or described
    who: set[str] = set()
    for ev in s.events:
        if ev.type in types and ev.trigger is not None:
            subject = _clause_subject(article, s, ev.trigger)
            if subject in ev.actors:
                who.add(subject)
    return who


def _clause_subject(article: Article, s: _Sentence, trigger: Span) -> str | None:
    """The entity named first in the trigger's clause before the trigger (an SVO/VSO approximation:
    in Arabic and Hebrew the subject may follow the verb, so the first name after it counts too)."""
    clause = _clause(article, s, trigger)
    before = [(mn.span.start, ent.id) for mn, ent in s.linked
              if _inside(mn.span, clause) and mn.span.end <= trigger.start]
    if before:
        return min(before)[1]
    if article.language in ("ar", "he"):
        after = [(mn.span.start, ent.id) for mn, ent in s.linked
                 if _inside(mn.span, clause) and mn.span.start >= trigger.end]
        if after:
            return min(after)[1]
    return None


def _parties(s: _Sentence) -> str:
    """The sentence's states by English name (the KB's, whatever language the article is in), en-dashed."""
    return "–".join(sorted({_kb_canonical(k) for k in s.all_states}))


def _conditions(article: Article, s: _Sentence, m: _Matchers | None,
                events: list[Any]) -> list[tuple[str, str, str, set[str], Span]]:
    """(kind, key, gloss, cited_by, span) of the preconditions and obstacles the sentence cites.

    A known topic ("a peace agreement") is glossed from tracker.yaml; a condition word whose clause
    holds no known topic ("the obstacle is slow progress in the talks between X and Y") is kept too,
    glossed from its clause: its kind and the English names of the entities named there.
    """
    if m is None:
        return []
    out: list[tuple[str, str, str, set[str], Span]] = []
    precondition_events = [e for e in events if e.type == "PRECONDITION"]
    kinds = s.condition_cues & {"precondition", "obstacle"}
    if precondition_events:
        kinds.add("precondition")
    if not kinds:
        return out
    topical: list[Span] = []
    for idx, span in s.topics:
        topic = m.cues.topics[idx]
        if topic.kind not in ("precondition", "obstacle"):
            continue
        parties = _parties(s) if "{parties}" in topic.gloss else ""
        gloss = topic.gloss.format(parties=parties) if parties else topic.alone
        kind = topic.kind if topic.kind in kinds else sorted(kinds)[-1]
        key = f"{kind}:{topic.key}:{parties}"
        cue = _cue_near(s, span) or span
        clause = _clause(article, s, cue)
        topical.append(clause)
        out.append((kind, key, gloss, _cited_by(article, s, Span(min(cue.start, span.start), max(cue.end, span.end)),
                                                ("PRECONDITION",)), span))
    anchors = [(k, sp) for k, sp in s.condition_spans if k in ("precondition", "obstacle")]
    anchors += [("precondition", _anchor(e)) for e in precondition_events]
    seen: set[str] = set()
    for kind, cue in anchors:
        clause = _clause(article, s, cue)
        if any(_overlaps(clause, t) for t in topical):
            continue  # glossed from its topic already
        cited = _cited_by(article, s, clause, ("PRECONDITION",))
        names = _names_in(s, clause, cited)
        key = f"{kind}:clause:{'|'.join(names)}"
        if key in seen:
            continue
        seen.add(key)
        gloss = f"{kind} concerning {_join(names)}" if names else f"{kind} (unnamed; see source)"
        out.append((kind, key, gloss, cited, clause))
    return out


def _cue_near(s: _Sentence, span: Span) -> Span | None:
    """The condition word nearest a topic span in the sentence."""
    cues = [sp for k, sp in s.condition_spans if k in ("precondition", "obstacle")]
    return min(cues, key=lambda c: abs(c.start - span.start)) if cues else None


def _names_in(s: _Sentence, clause: Span, cited_by: set[str]) -> list[str]:
    """English names of the entities named in ``clause``, in KB-id order: not agreements, not who cites it."""
    ids = {ent.id: _english_name(ent) for mn, ent in s.linked
           if _inside(mn.span, clause) and not _is_agreement(ent) and ent.id not in cited_by}
    return [ids[k] for k in sorted(ids)]


def _english_name(ent: Entity) -> str:
    """The KB's English name, else the entity's own gloss (the linker's English reading of a local name)."""
    from dragoman.kb.loader import load_kb

    rec = load_kb().get(ent.id)
    return rec.canonical if rec else ent.canonical


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _sanctions(article: Article, sentences: list[_Sentence], data: Treaties, found: _Found,
               m: _Matchers | None) -> None:
    """Sanction regimes and their waivers as conditions of the accessions the article discusses."""
    discussed: dict[str, set[str]] = defaultdict(set)  # state -> agreements it has a real status in
    for (agreement, state), obs in found.statuses.items():
        if any(o["status"] != "mentioned" for o in obs):
            discussed[state].add(agreement)
    if not discussed:
        return
    previous_laws: list[str] = []
    for s in sentences:
        events = s.events
        laws: list[str] = []
        for _, ent in s.linked:
            if ent.type == EntityType.LAW:
                law = data.sanction_law(ent.id)
                if law is not None and law.law not in laws:
                    laws.append(law.law)
        waiver = any(e.type == "WAIVE_SANCTION" for e in events) or "waiver" in s.condition_cues
        imposed = any(e.type == "IMPOSE_SANCTION" for e in events) or "sanction" in s.condition_cues
        cited = _cited_by(article, s, s.span, ("WAIVE_SANCTION", "PRECONDITION"))
        named = laws or (previous_laws if waiver else [])  # "its repeal": the law just named
        for law_id in named:
            law = data.sanction_law(law_id)
            assert law is not None
            rec = article.entity(law_id)
            canonical = rec.canonical if rec else _kb_canonical(law_id)
            kind = "waiver" if waiver else "sanction"
            gloss = f"waiver of {canonical}" if waiver else canonical
            for target in law.targets:
                for agreement in sorted(discussed.get(target, ())):
                    found.condition(article, agreement, target, kind, f"{kind}:{law.law}", gloss, cited, s.span)
        if not named and (imposed or (waiver and "sanction" in s.condition_cues)):
            for target in sorted(s.all_states & set(discussed)):
                for agreement in sorted(discussed[target]):
                    brokers = sorted(data.brokers(agreement) & s.all_states)
                    by = f" by {_kb_canonical(brokers[0])}" if brokers else ""
                    name = _kb_canonical(target)
                    kind = "waiver" if waiver else "sanction"
                    gloss = f"lifting of sanctions{by} on {name}" if waiver else f"sanctions{by} on {name}"
                    key = f"{kind}:sanctions:{brokers[0] if brokers else ''}"
                    found.condition(article, agreement, target, kind, key, gloss, cited, s.span)
        previous_laws = laws


def _kb_canonical(kb_id: str) -> str:
    from dragoman.kb.loader import load_kb

    rec = load_kb().get(kb_id)
    return rec.canonical if rec else kb_id
