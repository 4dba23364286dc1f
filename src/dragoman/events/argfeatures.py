"""Structural features of (event trigger, candidate argument) pairs, for the learned argument model.

The argument model (``events/argmodel.py``) ranks the mentions of a sentence
as the actor and as the recipient of each trigger.  What it sees of a pair is
a list of feature names, built here from cues news prose marks on the
surface, per language as data (``events.yaml: arguments``):

* where the candidate stands: before or after the trigger, how far, the how
  many-th candidate on that side, in the trigger's clause or across a comma,
  a complementizer or another trigger;
* the word that marks its role, as a class shared by all languages: *with*
  (مع، עם), *to* (إلى، אל، glued ل/ל), *against*, *on*, *from*, *by* (the agent
  of a passive: من قبل، על ידי), *between*, *in*, *of* (של), *acc* (את)...;
* what it is: entity type (an AGREEMENT is joined, never the joiner), mention
  kind (a nisba adjective "the Iranian minister", a metonym "Tehran", a
  title), nested inside another candidate, the speaker of a reporting verb;
* the trigger: verb or noun, PLOVER type, passive cue before it (was, تم;
  where the language lists participle shapes, only before a past participle:
  "were killed", not "is investigating" or "is ready"),
  a subject already carried by the verb (Arabic plural ـوا), a noun's
  genitive right after it (انضمام أذربيجان، הצטרפות קזחסטן);

Every feature is learnt twice, shared and prefixed with the language
(``with_language``), so what holds for all three languages is learnt from
all the data and word order peculiar to one (Arabic verb-subject) from that
language's own; at run time the two weights are summed once per language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from dragoman.events.clauses import QUOTE_MARKS, scare_quotes
from dragoman.events.matcher import PhraseMatcher
from dragoman.events.plover import rollup
from dragoman.events.schema import ArgumentPatterns, events_data, quotes_data
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.text import normalize_key

# Bumped whenever a feature's meaning changes: shipped weights name the version they were trained on.
FEATURES_VERSION = 5


_REPORTING = "@reporting"
_PASSIVE = "@passive"


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language
class FeatureRules:
    lang: str
    # marker phrases (payload: their class), reporting verbs ("said") and passive cues ("was"),
    # in one matcher so a sentence is scanned once
    cues: PhraseMatcher[str]
    clitics: dict[str, str]  # folded proclitic sequence -> marker class
    skip: frozenset[str]
    breaks: frozenset[str]
    joiners: frozenset[str]


@cache
def feature_rules(lang: str) -> FeatureRules:
    from dragoman.events.clauses import clause_rules

    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    q = quotes_data(lang)
    cues: list[tuple[str, str]] = [(w, cls) for cls, words in a.markers.items() for w in words]
    cues += [(w, _REPORTING) for w in (q.reporting_verbs if q else [])]
    cues += [(w, _PASSIVE) for w in a.passive_cues]
    return FeatureRules(
        lang,
        PhraseMatcher(cues),
        {normalize_key(p): cls for cls, ps in a.clitic_markers.items() for p in ps},
        frozenset(normalize_key(w) for w in a.skip_words),
        clause_rules(lang).breaks,
        frozenset(normalize_key(w) for w in a.pair_joiners),
    )


class Trigger(NamedTuple):
    start: int
    end: int
    type: str  # event code; the context keeps its PLOVER root type
    pos: str  # verb | noun
    subject: str = "actor"  # the role of the trigger's grammatical subject ("X must": recipient)


@dataclass(slots=True)
class Context:
    """What the features need of one sentence, computed once for all its triggers."""

    view: SentenceView
    lang: str
    clause: list[int]
    triggers: list[Trigger]  # with their PLOVER root type
    marker_end: dict[int, tuple[int, str]]  # token after a marker phrase -> (marker start, class)
    reporting: set[int]  # token indices inside a reporting verb
    passive_before: list[bool]  # per trigger: a passive cue right before it
    in_quote: list[bool]  # per token: inside quotation marks
    rules: FeatureRules
    # per mention index: features of the mention alone (they do not depend on the trigger)
    mention_cache: dict[int, tuple[str, bool, list[str]]] = field(default_factory=dict)
    # per trigger number: the rank of each candidate on its side, and "no candidate before it in its clause"
    trigger_cache: dict[int, tuple[dict[int, int], bool]] = field(default_factory=dict)
    # per (trigger number, side, rank): the trigger's features as seen from there
    side_cache: dict[tuple[int, str, int], list[str]] = field(default_factory=dict)
    # per token: the nearest entity mention ending before it (``_pair_first``), None when none
    before_cache: dict[int, MentionRef | None] = field(default_factory=dict)


def context(
    view: SentenceView, lang: str, clause: list[int], triggers: Iterable[Trigger]
) -> Context:
    rules = feature_rules(lang)
    marker_end: dict[int, tuple[int, str]] = {}
    reporting: set[int] = set()
    passive_at: set[int] = set()
    for m in rules.cues.find(view.forms):
        if m.payload == _REPORTING:
            reporting.update(range(m.start, m.end))
        elif m.payload == _PASSIVE:
            passive_at.add(m.end)
        else:
            marker_end[m.end] = (m.start, m.payload)
    trigs = [t._replace(type=rollup(t.type) if t.type else "") for t in triggers]
    passive_before = [
        (t.start in passive_at or (t.start - 1) in passive_at) and participle(view.folded(t.start), lang)
        for t in trigs
    ]
    in_quote = [False] * len(view.words)
    if not QUOTE_MARKS.isdisjoint(view.words):  # most sentences quote nothing
        inside = False
        names = scare_quotes(view)  # marks around a name or a term open no speech
        for i, w in enumerate(view.words):
            if w in QUOTE_MARKS and i not in names:
                inside = not inside
            in_quote[i] = inside
    return Context(view, lang, clause, trigs, marker_end, reporting, passive_before, in_quote, rules)


@cache
def _participle_forms(lang: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    return (
        tuple(a.participle_endings),
        frozenset(normalize_key(w) for w in a.participles),
        frozenset(normalize_key(w) for w in a.stative_participles),
    )


def lists_participles(lang: str) -> bool:
    """Does the language list past-participle shapes (``events.yaml: participle_endings``)?"""
    endings, irregular, _ = _participle_forms(lang)
    return bool(endings or irregular)


def participle(folded: str, lang: str) -> bool:
    """Can the word after a passive cue be a past participle ("killed", not "ready", "investigating")?

    A language that lists no participle shapes (its cues are passive alone: تم، جرى) says yes.
    """
    endings, irregular, stative = _participle_forms(lang)
    if not endings and not irregular:
        return True
    if folded in stative:
        return False
    return folded in irregular or (len(folded) > 3 and folded.endswith(endings))


def _bucket(d: int) -> str:
    if d <= 3:
        return str(d)
    if d <= 5:
        return "4-5"
    if d <= 8:
        return "6-8"
    if d <= 12:
        return "9-12"
    return "13+"


def marker_of(ctx: Context, m: MentionRef) -> tuple[str, int]:
    """The marker class before the mention and how many words sit between (``"-"`` when none).

    The second party of "between X and Y" (بين X و Y، בין X ל-Y) has X's marker,
    *between*, whatever joins it to X.
    """
    prev = _pair_first(ctx, m)
    if prev is not None and _direct_marker(ctx, prev)[0] == "between":
        return "between", 0
    return _direct_marker(ctx, m)


def pair_second(ctx: Context, m: MentionRef) -> MentionRef | None:
    """The mention joined to ``m`` as the second of a pair ("between X and Y": Y for X), if any."""
    return next(
        (o for o in ctx.view.mentions if o.entity and o.first > m.last and (p := _pair_first(ctx, o)) is not None
         and (p.first, p.last) == (m.first, m.last)),
        None,
    )


def _pair_first(ctx: Context, m: MentionRef) -> MentionRef | None:
    """The mention joined to ``m`` as the first of a pair ("X and" / "X ל"), if any."""
    if m.first in ctx.before_cache:
        prev = ctx.before_cache[m.first]
    else:
        before = [o for o in ctx.view.mentions if o.last < m.first and o.entity]
        prev = ctx.before_cache[m.first] = max(before, key=lambda o: (o.last, -o.first)) if before else None
    if prev is None:
        return None
    if prev.last + 1 < m.first:  # words between: all of them must join the two
        joiners, folded = ctx.rules.joiners, ctx.view.folded
        return prev if all(folded(k) in joiners for k in range(prev.last + 1, m.first)) else None
    if m.proclitic and m.proclitic in ctx.rules.joiners:
        return prev
    return None


def _direct_marker(ctx: Context, m: MentionRef) -> tuple[str, int]:
    clitic = ctx.rules.clitics.get(m.proclitic)
    if clitic:
        return clitic, 0
    k = m.first
    gap = 0
    while k > 0 and gap <= 2:
        hit = ctx.marker_end.get(k)
        if hit is not None:
            if ctx.clause[k - 1] != ctx.clause[m.first]:
                break  # a marker belongs to its own clause: "إلى أن البحرين" does not mark البحرين
            return hit[1], gap
        w = ctx.view.words[k - 1]
        if w in ctx.rules.breaks or not any(map(str.isalnum, w)) or ctx.clause[k - 1] != ctx.clause[m.first]:
            break
        if ctx.view.folded(k - 1) not in ctx.rules.skip:
            gap += 1
        k -= 1
    return "-", 0


def is_speaker(ctx: Context, m: MentionRef) -> bool:
    """Is the mention the subject of a reporting verb ("said X", "X said"), as the model reads it?"""
    return _mention_static(ctx, m)[1]


def _mention_static(ctx: Context, m: MentionRef) -> tuple[str, bool, list[str]]:
    """The mention's marker, whether it is a speaker, and the features of the mention alone (cached per sentence)."""
    hit = ctx.mention_cache.get(m.index)
    if hit is not None:
        return hit
    view = ctx.view
    marker, mgap = marker_of(ctx, m)
    speaker = any(k in ctx.reporting for k in range(m.last + 1, min(len(view.words), m.last + 3))) or any(
        k in ctx.reporting for k in range(max(0, m.first - 2), m.first)
    )
    nested = any(o is not m and o.entity and _nested(o, m) for o in view.mentions)
    ent, kind = m.mention.type._value_, m.mention.kind._value_  # ``.value`` is a Python-level property
    key = (marker, min(mgap, 1), ent, kind, speaker, nested, m.first == 0)
    f = _MENTION_FEATURES.get(key)
    if f is None:
        f = _mention_features(key)
    hit = ctx.mention_cache[m.index] = (marker, speaker, f)
    return hit


# Like the pair features below: a mention's own features and a trigger's side features take
# their values from small sets, so each combination's names are built once and shared (the
# strings keep their hashes for the weight lookups). Callers copy the lists, never edit them.
_MENTION_FEATURES: dict[tuple[object, ...], list[str]] = {}
_SIDE_FEATURES: dict[tuple[object, ...], list[str]] = {}
_SHARED_LIMIT = 100_000  # combinations; bounded all the same


def _mention_features(key: tuple[object, ...]) -> list[str]:
    marker, gap, ent, kind, speaker, nested, initial = key
    out = [
        "bias",
        f"marker={marker}",
        f"marker={marker}&gap={gap}",
        f"ent={ent}",
        f"kind={kind}",
        f"speaker={speaker}",
        f"nested={nested}",
        f"sent_initial={initial}",
    ]
    if len(_MENTION_FEATURES) < _SHARED_LIMIT:
        _MENTION_FEATURES[key] = out
    return out


def _trigger_static(ctx: Context, t: int, pool: list[MentionRef]) -> tuple[dict[int, int], bool]:
    """Each candidate's rank on its side of trigger ``t`` (1 = nearest), and whether none precedes it in its clause."""
    hit = ctx.trigger_cache.get(t)
    if hit is not None:
        return hit
    start, end = ctx.triggers[t].start, ctx.triggers[t].end
    outer = [m for m in pool if not any(o is not m and _nested(o, m) for o in pool)]
    after = sorted((m for m in outer if m.first >= end), key=lambda m: m.first)
    before = sorted((m for m in outer if m.last < start), key=lambda m: -m.last)
    ranks = {m.index: k for side in (after, before) for k, m in enumerate(side, 1)}
    for m in pool:  # a nested mention ranks as the mention around it
        if m.index not in ranks:
            around = next((o for o in outer if _nested(o, m)), None)
            ranks[m.index] = ranks.get(around.index, 1) if around is not None else 1
    clause = ctx.clause[start]
    first = not any(o.last < start and ctx.clause[o.first] == clause for o in pool)
    hit = ctx.trigger_cache[t] = (ranks, first)
    return hit


def with_language(f: list[str], lang: str) -> list[str]:
    """The features and their copies prefixed with the language, as the model is trained on them.

    At run time the language is known, so ``LinearModel`` folds each feature's
    two weights into one and scores the plain names only.
    """
    return f + [f"{lang}:{x}" for x in f]


def _trigger_side(ctx: Context, t: int, side: str, rank: int, first: bool) -> list[str]:
    """Features of the trigger seen from one side at one rank (cached: few combinations recur)."""
    key = (t, side, rank)
    hit = ctx.side_cache.get(key)
    if hit is not None:
        return hit
    _s, _e, etype, pos, subject = ctx.triggers[t]
    values = (side, min(rank, 3), min(rank, 2), pos, etype, first, ctx.passive_before[t], subject)
    hit = _SIDE_FEATURES.get(values)
    if hit is None:
        hit = _side_features(values)
    ctx.side_cache[key] = hit
    return hit


def _side_features(values: tuple[object, ...]) -> list[str]:
    side, r3, r2, pos, etype, first, passive, subject = values
    out = [
        f"side={side}",
        f"rank={side}{r3}",
        f"pos={pos}&{side}",
        f"type={etype}&{side}",
        f"type={etype}&{side}&rank={r2}",
        f"first_in_clause={first}&{side}&pos={pos}",
        f"passive={passive}&{side}",
        f"subject={subject}&{side}&rank={r2}",
    ]
    if len(_SIDE_FEATURES) < _SHARED_LIMIT:
        _SIDE_FEATURES[values] = out
    return out


def candidate_features(ctx: Context, t: int, m: MentionRef, pool: list[MentionRef]) -> list[str]:
    """Feature names of candidate ``m`` for trigger number ``t`` of the context."""
    view = ctx.view
    start, end, etype, pos, subject = ctx.triggers[t]
    marker, speaker, static = _mention_static(ctx, m)
    ranks, first_in_clause = _trigger_static(ctx, t, pool)
    after = m.first >= end
    side = "A" if after else "B"
    dist = m.first - end if after else start - m.last - 1
    lo, hi = (end, m.first) if after else (m.last + 1, start)
    same = ctx.clause[m.first] == ctx.clause[start]
    words = view.words
    breaks = ctx.rules.breaks
    gap_breaks = not breaks.isdisjoint(words[lo:hi])  # any break word in the gap, looked for in C
    between_trig = sum(1 for o in ctx.triggers if o.start != start and lo <= o.start and o.end <= hi)
    genitive = pos == "noun" and after and dist <= 1 and marker == "-"
    poss = not after and (
        words[m.last].endswith(("'s", "’s")) or (m.last + 1 < len(words) and words[m.last + 1] in ("'s", "’s"))
    )
    d = _bucket(dist)
    cl = "same" if same else "other"
    passive = ctx.passive_before[t]
    mismatch = ctx.in_quote[m.first] != ctx.in_quote[start]
    ent, kind = m.mention.type._value_, m.mention.kind._value_  # ``.value`` is a Python-level property
    key = (side, d, cl, gap_breaks, min(between_trig, 2), marker, etype, pos, ent, kind, speaker, genitive, poss,
           passive, mismatch, subject)
    pair = _PAIR_FEATURES.get(key)
    if pair is None:
        pair = _pair_features(key)
    return [*static, *_trigger_side(ctx, t, side, ranks.get(m.index, 1), first_in_clause), *pair]


# The features of a (trigger, candidate) pair take their values from small sets, and the same
# combinations recur across sentences and articles: each combination's names are built once and
# shared, so a candidate costs one tuple lookup instead of seventeen strings made and hashed.
_PAIR_FEATURES: dict[tuple[object, ...], tuple[str, ...]] = {}
_PAIR_FEATURES_LIMIT = 200_000  # bounded all the same


def _pair_features(key: tuple[object, ...]) -> tuple[str, ...]:
    (side, d, cl, gap_breaks, between, marker, etype, pos, ent, kind, speaker, genitive, poss,
     passive, mismatch, subject) = key
    out = (
        f"dist={side}{d}",
        f"clause={cl}",
        f"clause={cl}&{side}",
        f"breaks={gap_breaks}&{side}",
        f"trig_between={between}&{side}",
        f"marker={marker}&{side}",
        f"marker={marker}&type={etype}",
        f"marker={marker}&pos={pos}",
        f"ent={ent}&type={etype}",
        f"kind={kind}&{side}",
        f"pos={pos}&{side}&d={d}",
        f"speaker={speaker}&type={etype}",
        f"genitive={genitive}",
        f"poss={poss}",
        f"passive={passive}&marker={marker}",
        f"quote_mismatch={mismatch}",
        f"subject={subject}&marker={marker}",
    )
    if len(_PAIR_FEATURES) < _PAIR_FEATURES_LIMIT:
        _PAIR_FEATURES[key] = out
    return out


def null_features(ctx: Context, t: int, pool: list[MentionRef]) -> list[str]:
    """Features of "no candidate takes this role"."""
    start, end, etype, pos, _subject = ctx.triggers[t]
    before = sum(1 for m in pool if m.last < start)
    after = sum(1 for m in pool if m.first >= end)
    f = [
        "null",
        f"null&type={etype}",
        f"null&pos={pos}",
        f"null&before={min(before, 2)}",
        f"null&after={min(after, 2)}",
        f"null&passive={ctx.passive_before[t]}",
    ]
    return f


def _nested(outer: MentionRef, inner: MentionRef) -> bool:
    """Is ``inner`` inside ``outer`` (the nisba in "the Iranian foreign minister")?"""
    a, b = outer.mention.span, inner.mention.span
    return a.start <= b.start and b.end <= a.end and (a.start, a.end) != (b.start, b.end)


__all__ = [
    "FEATURES_VERSION",
    "Context",
    "FeatureRules",
    "Trigger",
    "candidate_features",
    "context",
    "feature_rules",
    "lists_participles",
    "marker_of",
    "null_features",
    "participle",
    "with_language",
]
