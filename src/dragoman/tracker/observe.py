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
  ("talks", "refused") still does, and a bare reference is a mention;
* condition cues and topics make conditions (precondition, obstacle) of the
  sentence's subjects, cited by the claimants whose claims cover the
  sentence and the actors of its ``PRECONDITION`` events.

A state that takes part in an event of a neighbouring sentence is mentioned.
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
    topics: list[tuple[int, Span]] = field(default_factory=list)
    inclusion: bool = False
    counterpart_ends: set[int] = field(default_factory=set)  # char offsets where a counterpart word ends
    forms: list[tuple[str, ...]] = field(default_factory=list)  # folded, clitic-stripped token forms
    events: list[Event] = field(default_factory=list)  # events triggered in the sentence
    linked: list[tuple[Mention, Entity]] = field(default_factory=list)  # its mentions of KB-linked entities

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
        for agreement in sorted({a for j in (i - 1, i + 1) if 0 <= j < len(sentences) for a in refs[j]}):
            if agreement not in refs[i]:
                _neighbour_mentions(article, s, agreement, data, found, day)
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
            s.inclusion = bool(m.inclusion.find(forms))
            s.status_cues = {x.payload for x in m.status.find(forms)}
            s.condition_cues = {x.payload for x in m.condition.find(forms)}
            s.topics = [(x.payload, s.token_span(x)) for x in m.topic.find(forms)]
            s.counterpart_ends = {s.tokens[x.end - 1].end for x in m.counterpart.find(forms)}
        for mention, ent in s.linked:
            if _is_agreement(ent) and ent.id not in s.agreements:
                s.agreements.append(ent.id)
            elif _is_state(ent):
                s.all_states.add(ent.id)
                if any(_inside(mention.span, t) for t in titles if t != mention.span):
                    continue  # "the American president": an affiliation, not a party
                if any(_overlaps(mention.span, sp) for _, sp in s.topics):
                    continue  # the state inside a condition ("a Palestinian state")
                s.states.setdefault(ent.id, []).append(mention.span)
    return out


def _after_counterpart(article: Article, s: _Sentence, spans: list[Span]) -> bool:
    """Every mention of the state directly follows a counterpart word ("with Armenia")."""
    def follows(sp: Span) -> bool:
        return any(end <= sp.start and not article.text[end : sp.start].strip() and sp.start - end <= 2
                   for end in s.counterpart_ends)

    return all(follows(sp) for sp in spans)


def _neighbour_mentions(article: Article, s: _Sentence, agreement: str, data: Treaties, found: _Found,
                        day: Any) -> None:
    """States taking part in an event of a sentence next to one about the agreement are mentioned."""
    skip = data.brokers(agreement) | data.members(agreement, day)
    for ev in s.events:
        for state in sorted({*ev.actors, *ev.recipients} & set(s.states)):
            if state not in skip:
                found.status(article, agreement, state, "mentioned", s.span)


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
    for state in subjects:
        if state in covered:
            continue
        # "expanding the accords to include X": X is being considered, the talks stage; where an accession
        # event says who joins, the sentence's other states are only named beside it.
        included = s.inclusion and not covered
        status = _status_of("talks" if included else None, s.status_cues, preconditions=has_precondition)
        found.status(article, agreement, state, status, s.span)
    for state in set(s.states) - set(subjects) - data.brokers(agreement) - data.members(agreement, day):
        found.status(article, agreement, state, "mentioned", s.span)
    for kind, key, gloss, cited in conditions:
        for state in subjects:
            found.condition(article, agreement, state, kind, key, gloss, cited, s.span)


def _cited_by(article: Article, span: Span, events: Iterable[Any], types: tuple[str, ...]) -> set[str]:
    who = {c.claimant for c in article.claims if c.claimant and any(_overlaps(span, e) for e in c.evidence)}
    who = {w for w in who if w != "outlet:None"}
    for ev in events:
        if ev.type in types:
            who.update(ev.actors)
    return who


def _parties(s: _Sentence) -> str:
    """The sentence's states by English name (the KB's, whatever language the article is in), en-dashed."""
    return "–".join(sorted({_kb_canonical(k) for k in s.all_states}))


def _conditions(article: Article, s: _Sentence, m: _Matchers | None,
                events: list[Any]) -> list[tuple[str, str, str, set[str]]]:
    """(kind, key, gloss, cited_by) of the preconditions and obstacles the sentence cites."""
    if m is None:
        return []
    out: list[tuple[str, str, str, set[str]]] = []
    cited = _cited_by(article, s.span, events, ("PRECONDITION",))
    has_precondition_event = any(e.type == "PRECONDITION" for e in events)
    kinds = s.condition_cues & {"precondition", "obstacle"}
    if has_precondition_event:
        kinds.add("precondition")
    if not kinds:
        return out
    for idx, _ in s.topics:
        topic = m.cues.topics[idx]
        if topic.kind not in ("precondition", "obstacle"):
            continue
        parties = _parties(s) if "{parties}" in topic.gloss else ""
        gloss = topic.gloss.format(parties=parties) if parties else topic.alone
        kind = topic.kind if topic.kind in kinds else sorted(kinds)[-1]
        key = f"{kind}:{topic.key}:{parties}"
        out.append((kind, key, gloss, cited))
    return out


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
        cited = _cited_by(article, s.span, events, ("WAIVE_SANCTION", "PRECONDITION"))
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
