"""Stance of an article toward its key actors: hostile, neutral or favourable, with the spans behind it.

Two kinds of evidence meet here:

* **wording** (``markers``): lexicon entries that fix their target (``الكيان الصهيوني``
  counts against Israel's side) and polar wording that counts toward the actor named
  right beside it (``terrorists`` in "Hamas terrorists", ``جرائم`` in "جرائم الاحتلال").
  Weighted by kind and squashed, ``tanh(sum / 2)``, so one word is weak evidence and a
  pattern is strong;
* **the stance model** (``stance_model``), trained on FIGNEWS for the one axis it covers
  (sides in ``framing/data/sides.yaml``): the mean of its class probabilities over the
  body sentences that concern a side (a mention of a side's actor, or wording aimed at it).

For a side, hostility ``h = alpha * P(against side) + (1 - alpha) * tanh(H / 2)``, where
``H`` is the weighted hostile wording toward it; ``alpha`` and the threshold ``tau`` are
chosen per language on the FIGNEWS training portion and stored with the model.  Without a
model (or when no sentence concerns a side) only wording counts, against ``tau_wording``.
Favourable needs favourable wording (``tanh(F / 2) >= tau_wording``): the model's classes
say who a text is biased *against*, not whom it favours.  Every actor of a side shares its
side's stance; other actors get wording-only stances.  ``score = favour - hostility``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from dragoman.framing.lexicon import Side, sides
from dragoman.framing.markers import Marker, Unit, token_index
from dragoman.framing.stance_model import LABELS, StanceModel
from dragoman.kb import load_kb
from dragoman.model import Article, Span
from dragoman.model.records import EntityType

__all__ = ["ArticleStance", "Decision", "SideStance", "Stance", "article_stance", "bias_label", "side_of"]

KIND_WEIGHT = {"name_calling": 1.0, "loaded": 0.6, "evaluative": 0.5, "doubt": 0.5}
_ACTOR_TYPES = frozenset({EntityType.GPE, EntityType.ORG, EntityType.PERSON, EntityType.GROUP})


@dataclass(frozen=True, slots=True)
class Decision:
    """How model and wording combine (per language, stored in the model's metadata)."""

    alpha: float = 0.5  # weight of the model against wording for a side
    tau: float = 0.35  # hostility threshold when the model counts
    tau_wording: float = 0.6  # threshold for wording alone (tanh(H/2) >= 0.6: about two name-calls)
    window: int = 3  # tokens between polar wording and the actor it attaches to
    evidence: int = 6  # spans kept per stance

    @classmethod
    def from_meta(cls, meta: dict[str, object] | None) -> Decision:
        raw = (meta or {}).get("decision")
        if not isinstance(raw, dict):
            return cls()
        return cls(**{k: v for k, v in raw.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True, slots=True)
class Stance:
    label: str  # hostile | neutral | favourable
    score: float  # favour - hostility, in [-1, 1]
    evidence: tuple[Span, ...]


@dataclass(slots=True)
class _Tally:
    hostile: float = 0.0
    favourable: float = 0.0
    hostile_spans: list[tuple[float, Span]] = field(default_factory=list)
    favourable_spans: list[tuple[float, Span]] = field(default_factory=list)

    def add(self, sign: int, weight: float, span: Span) -> None:
        if sign < 0:
            self.hostile += weight
            self.hostile_spans.append((weight, span))
        elif sign > 0:
            self.favourable += weight
            self.favourable_spans.append((weight, span))


@dataclass(frozen=True, slots=True)
class SideStance:
    side: str
    stance: Stance
    hostility: float
    favour: float
    model: float | None  # mean P(against this side) over the units that concern it, when a model ran


@dataclass(frozen=True, slots=True)
class ArticleStance:
    sides: dict[str, SideStance]
    entities: dict[str, Stance]
    probabilities: tuple[float, ...] | None  # mean model output over relevant units (LABELS order)
    relevant: int  # units the model read


@cache
def _side_index() -> tuple[dict[str, str], dict[str, str]]:
    """(explicit member id -> side, country code -> side)."""
    members: dict[str, str] = {}
    countries: dict[str, str] = {}
    for s in sides().sides:
        for m in s.members:
            members[m] = s.id
        for c in s.countries:
            countries[c] = s.id
    return members, countries


@cache
def side_of(entity_id: str) -> str | None:
    """The side an actor belongs to: named in sides.yaml, or a KB record of a side's country."""
    members, countries = _side_index()
    if entity_id in members:
        return members[entity_id]
    base = entity_id.removeprefix("office:")
    if base in members:
        return members[base]
    rec = load_kb().get(base)
    if rec is not None and rec.country and rec.country in countries:
        return countries[rec.country]
    return None


def _squash(x: float) -> float:
    return math.tanh(x / 2.0)


def _mentions_by_unit(article: Article, units: list[Unit]) -> list[list[tuple[Span, str]]]:
    """For each unit, its (mention span, entity id) pairs, actors only."""
    entity_of: dict[int, str] = {}
    for e in article.entities:
        if e.type in _ACTOR_TYPES:
            for i in e.mentions:
                entity_of[i] = e.id
    starts = [u.span.start for u in units]
    out: list[list[tuple[Span, str]]] = [[] for _ in units]
    for i, m in enumerate(article.mentions):
        eid = entity_of.get(i)
        if eid is None:
            continue
        k = int(np.searchsorted(starts, m.span.start, side="right")) - 1
        if k >= 0 and units[k].span.contains(m.span):
            out[k].append((m.span, eid))
    return out


def _attach(unit: Unit, mentions: list[tuple[Span, str]], span: Span, window: int) -> str | None:
    """The actor named closest to ``span`` within ``window`` tokens (overlap first, then the following one)."""
    if not mentions:
        return None
    lo, hi = token_index(unit, span.start), token_index(unit, span.end - 1)
    best: tuple[int, int, str] | None = None
    for m_span, eid in mentions:
        if m_span.overlaps(span):
            return eid
        m_lo, m_hi = token_index(unit, m_span.start), token_index(unit, m_span.end - 1)
        if m_lo > hi:
            dist, after = m_lo - hi - 1, 0  # actor follows the wording: جرائم الاحتلال
        else:
            dist, after = lo - m_hi - 1, 1  # actor precedes it: Hamas terrorists
        if dist < window and (best is None or (dist, after) < best[:2]):
            best = (dist, after, eid)
    return best[2] if best else None


def _evidence(tally: _Tally, hostile: bool, extra: Iterable[Span], limit: int) -> tuple[Span, ...]:
    ranked = tally.hostile_spans if hostile else tally.favourable_spans
    chosen: list[Span] = []
    for _, span in sorted(ranked, key=lambda ws: (-ws[0], ws[1].start)):
        if not any(span.overlaps(c) for c in chosen):
            chosen.append(span)
    for span in extra:
        if not any(span.overlaps(c) for c in chosen):
            chosen.append(span)
    return tuple(sorted(chosen[:limit]))


def article_stance(
    article: Article,
    units: list[Unit],
    markers: list[Marker],
    model: StanceModel | None,
    decision: Decision,
    *,
    assume_relevant: bool = False,
) -> ArticleStance:
    """Side and actor stances of one article (pure: same inputs, same result)."""
    side_table = sides()
    side_tally = {s.id: _Tally() for s in side_table.sides}
    entity_tally: dict[str, _Tally] = {}
    mentions = _mentions_by_unit(article, units)
    relevant = [bool(assume_relevant) or any(side_of(eid) for _, eid in ms) for ms in mentions]
    unit_starts = [u.span.start for u in units]
    for mk in markers:
        if mk.sign == 0:
            continue
        w = KIND_WEIGHT.get(mk.kind, 0.5)
        k = int(np.searchsorted(unit_starts, mk.span.start, side="right")) - 1
        target = mk.target
        if target is None and k >= 0:
            target = _attach(units[k], mentions[k], mk.span, decision.window)
        if target is None:
            continue
        side = target if target in side_tally else side_of(target)
        if side is not None:
            side_tally[side].add(mk.sign, w, mk.span)
            if k >= 0:
                relevant[k] = True
        if target not in side_tally:
            entity_tally.setdefault(target, _Tally()).add(mk.sign, w, mk.span)

    probs: np.ndarray | None = None
    per_unit: list[tuple[int, np.ndarray]] = []
    if model is not None:
        text = article.text
        per_unit = [(k, model.scores(text[units[k].span.start : units[k].span.end]))
                    for k in range(len(units)) if relevant[k]]
        if per_unit:
            probs = np.mean([p for _, p in per_unit], axis=0)

    side_out: dict[str, SideStance] = {}
    for s in side_table.sides:
        side_out[s.id] = _side_stance(article, s, side_tally[s.id], probs, per_unit, units, model, decision)

    entities: dict[str, Stance] = {}
    for e in article.entities:
        if e.type not in _ACTOR_TYPES:
            continue
        side = side_of(e.id)
        if side is not None:
            entities[e.id] = side_out[side].stance
        elif e.id in entity_tally or len(e.mentions) >= 2:
            entities[e.id] = _wording_stance(entity_tally.get(e.id, _Tally()), decision)
    for eid, tally in entity_tally.items():  # actors named only through wording (e.g. country:US)
        if eid not in entities and side_of(eid) is None:
            entities[eid] = _wording_stance(tally, decision)
    return ArticleStance(side_out, entities, tuple(float(x) for x in probs) if probs is not None else None,
                         len(per_unit))


def _wording_stance(tally: _Tally, decision: Decision) -> Stance:
    h, f = _squash(tally.hostile), _squash(tally.favourable)
    if h >= decision.tau_wording and h >= f:
        label = "hostile"
    elif f >= decision.tau_wording:
        label = "favourable"
    else:
        label = "neutral"
    hostile_first = h >= f
    return Stance(label, round(f - h, 4), _evidence(tally, hostile_first, (), decision.evidence))


def _side_stance(
    article: Article,
    side: Side,
    tally: _Tally,
    probs: np.ndarray | None,
    per_unit: list[tuple[int, np.ndarray]],
    units: list[Unit],
    model: StanceModel | None,
    decision: Decision,
) -> SideStance:
    label_key = f"against_{side.id}"
    wording_h, f = _squash(tally.hostile), _squash(tally.favourable)
    p_against = float(probs[LABELS.index(label_key)]) if probs is not None and label_key in LABELS else None
    if p_against is not None:
        h = decision.alpha * p_against + (1 - decision.alpha) * wording_h
        hostile = h >= decision.tau
    else:
        h = wording_h
        hostile = h >= decision.tau_wording
    extra: list[Span] = []
    if hostile and p_against is not None and model is not None:
        k_label = LABELS.index(label_key)
        top = sorted(per_unit, key=lambda kp: -kp[1][k_label])[:2]
        for k, _ in top:
            unit = units[k]
            for span, _w in model.explain(article.text[unit.span.start : unit.span.end], label_key, top=2):
                extra.append(Span(unit.span.start + span.start, unit.span.start + span.end))
    if hostile:
        label = "hostile"
    elif f >= decision.tau_wording:
        label = "favourable"
    else:
        label = "neutral"
    stance = Stance(label, round(max(-1.0, min(1.0, f - h)), 4),
                    _evidence(tally, label != "favourable", extra, decision.evidence))
    return SideStance(side.id, stance, round(h, 4), round(f, 4), p_against)


def bias_label(stance: ArticleStance) -> str:
    """FIGNEWS-style label: against the side the article is most hostile to, or unbiased."""
    hostile = [(s.hostility, sid) for sid, s in stance.sides.items() if s.stance.label == "hostile"]
    if not hostile:
        return "unbiased"
    return f"against_{max(hostile)[1]}"
