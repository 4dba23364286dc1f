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
* the trigger: verb or noun, PLOVER type, passive cue before it (was, تم),
  a subject already carried by the verb (Arabic plural ـوا), a noun's
  genitive right after it (انضمام أذربيجان، הצטרפות קזחסטן);
* what the hand-written role rules (``events/arguments.py``) would choose,
  so the model learns when to trust them.

Every feature is emitted twice, shared and prefixed with the language, so
what holds for all three languages is learnt from all the data and word
order peculiar to one (Arabic verb-subject) from that language's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from dragoman.events.arguments import Arguments
from dragoman.events.clauses import QUOTE_MARKS
from dragoman.events.matcher import PhraseMatcher
from dragoman.events.plover import rollup
from dragoman.events.schema import ArgumentPatterns, events_data, quotes_data
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.text import normalize_key

# Bumped whenever a feature's meaning changes: shipped weights name the version they were trained on.
FEATURES_VERSION = 1


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language
class FeatureRules:
    lang: str
    markers: PhraseMatcher[str]  # phrase -> marker class
    clitics: dict[str, str]  # folded proclitic sequence -> marker class
    skip: frozenset[str]
    passive: PhraseMatcher[bool]
    reporting: PhraseMatcher[bool]
    breaks: frozenset[str]


@cache
def feature_rules(lang: str) -> FeatureRules:
    from dragoman.events.clauses import clause_rules

    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    q = quotes_data(lang)
    return FeatureRules(
        lang,
        PhraseMatcher((w, cls) for cls, words in a.markers.items() for w in words),
        {normalize_key(p): cls for cls, ps in a.clitic_markers.items() for p in ps},
        frozenset(normalize_key(w) for w in a.skip_words),
        PhraseMatcher((w, True) for w in a.passive_cues),
        PhraseMatcher((w, True) for w in (q.reporting_verbs if q else [])),
        clause_rules(lang).breaks,
    )


@dataclass(slots=True)
class Context:
    """What the features need of one sentence, computed once for all its triggers."""

    view: SentenceView
    lang: str
    clause: list[int]
    triggers: list[tuple[int, int, str, str]]  # start, end, PLOVER root type, pos
    marker_end: dict[int, tuple[int, str]]  # token after a marker phrase -> (marker start, class)
    reporting: set[int]  # token indices inside a reporting verb
    passive_before: list[bool]  # per trigger: a passive cue right before it
    in_quote: list[bool]  # per token: inside quotation marks
    rules: FeatureRules


def context(
    view: SentenceView, lang: str, clause: list[int], triggers: Iterable[tuple[int, int, str, str]]
) -> Context:
    rules = feature_rules(lang)
    marker_end: dict[int, tuple[int, str]] = {}
    for m in rules.markers.find(view.forms):
        marker_end[m.end] = (m.start, m.payload)
    reporting = {k for m in rules.reporting.find(view.forms) for k in range(m.start, m.end)}
    trigs = [(s, e, rollup(t) if t else "", p) for s, e, t, p in triggers]
    passive_at = {m.end for m in rules.passive.find(view.forms)}
    passive_before = [s in passive_at or (s - 1) in passive_at for s, _, _, _ in trigs]
    in_quote = []
    inside = False
    for w in view.words:
        if w in QUOTE_MARKS:
            inside = not inside
        in_quote.append(inside)
    return Context(view, lang, clause, trigs, marker_end, reporting, passive_before, in_quote, rules)


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
    """The marker class before the mention and how many words sit between (``"-"`` when none)."""
    clitic = ctx.rules.clitics.get(m.proclitic)
    if clitic:
        return clitic, 0
    k = m.first
    gap = 0
    while k > 0 and gap <= 2:
        hit = ctx.marker_end.get(k)
        if hit is not None:
            return hit[1], gap
        w = ctx.view.words[k - 1]
        if w in ctx.rules.breaks or not any(ch.isalnum() for ch in w):
            break
        if ctx.view.folded(k - 1) not in ctx.rules.skip:
            gap += 1
        k -= 1
    return "-", 0


def candidate_features(
    ctx: Context, t: int, m: MentionRef, pool: list[MentionRef], rule: Arguments | None
) -> list[str]:
    """Feature names of candidate ``m`` for trigger number ``t`` of the context."""
    view = ctx.view
    start, end, etype, pos = ctx.triggers[t]
    after = m.first >= end
    side = "A" if after else "B"
    dist = m.first - end if after else start - m.last - 1
    lo, hi = (end, m.first) if after else (m.last + 1, start)
    # how many-th candidate on its side, counting from the trigger
    rank = 1 + sum(
        1
        for o in pool
        if o is not m
        and not _nested(o, m)
        and ((after and end <= o.first < m.first) or (not after and m.last < o.last < start))
    )
    same = ctx.clause[m.first] == ctx.clause[start]
    gap_breaks = any(view.words[k] in ctx.rules.breaks for k in range(lo, hi))
    between_trig = sum(1 for s, e, _, _ in ctx.triggers if (s, e) != (start, end) and lo <= s and e <= hi)
    marker, mgap = marker_of(ctx, m)
    ent = m.mention.type.value
    kind = m.mention.kind.value
    speaker = any(k in ctx.reporting for k in range(m.last + 1, min(len(view.words), m.last + 3))) or any(
        k in ctx.reporting for k in range(max(0, m.first - 2), m.first)
    )
    genitive = pos == "noun" and after and dist <= 1 and marker == "-"
    last = view.words[m.last]
    poss = not after and (
        last.endswith(("'s", "’s")) or (m.last + 1 < len(view.words) and view.words[m.last + 1] in ("'s", "’s"))
    )
    nested = any(_nested(o, m) for o in pool if o is not m)
    first_in_clause = not any(
        o.last < start and ctx.clause[o.first] == ctx.clause[start] for o in pool
    )
    passive = ctx.passive_before[t]
    quote_mismatch = ctx.in_quote[m.first] != ctx.in_quote[start]
    f = [
        "bias",
        f"side={side}",
        f"dist={side}{_bucket(dist)}",
        f"rank={side}{min(rank, 3)}",
        f"clause={'same' if same else 'other'}",
        f"clause={'same' if same else 'other'}&{side}",
        f"breaks={gap_breaks}&{side}",
        f"trig_between={min(between_trig, 2)}",
        f"trig_between={min(between_trig, 2)}&{side}",
        f"marker={marker}",
        f"marker={marker}&{side}",
        f"marker={marker}&gap={min(mgap, 1)}",
        f"marker={marker}&type={etype}",
        f"marker={marker}&pos={pos}",
        f"ent={ent}",
        f"ent={ent}&{side}",
        f"ent={ent}&type={etype}",
        f"kind={kind}",
        f"kind={kind}&{side}",
        f"pos={pos}&{side}",
        f"pos={pos}&{side}&d={_bucket(dist)}",
        f"type={etype}&{side}",
        f"type={etype}&{side}&rank={min(rank, 2)}",
        f"speaker={speaker}",
        f"speaker={speaker}&type={etype}",
        f"genitive={genitive}",
        f"poss={poss}",
        f"nested={nested}",
        f"first_in_clause={first_in_clause}&{side}&pos={pos}",
        f"passive={passive}&{side}",
        f"passive={passive}&marker={marker}",
        f"quote_mismatch={quote_mismatch}",
        f"sent_initial={m.first == 0}",
    ]
    if rule is not None:
        f.append(f"rule={_rule_role(rule, m)}")
        f.append(f"rule={_rule_role(rule, m)}&marker={marker}")
    lang = ctx.lang
    return f + [f"{lang}:{x}" for x in f]


def null_features(ctx: Context, t: int, pool: list[MentionRef]) -> list[str]:
    """Features of "no candidate takes this role"."""
    start, end, etype, pos = ctx.triggers[t]
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
    return f + [f"{ctx.lang}:{x}" for x in f]


def _nested(outer: MentionRef, inner: MentionRef) -> bool:
    """Is ``inner`` inside ``outer`` (the nisba in "the Iranian foreign minister")?"""
    a, b = outer.mention.span, inner.mention.span
    return a.start <= b.start and b.end <= a.end and (a.start, a.end) != (b.start, b.end)


def _rule_role(rule: Arguments, m: MentionRef) -> str:
    if any(r.index == m.index for r in rule.actors):
        return "actor"
    if any(r.index == m.index for r in rule.recipients):
        return "recipient"
    return "none"


__all__ = [
    "FEATURES_VERSION",
    "Context",
    "FeatureRules",
    "candidate_features",
    "context",
    "feature_rules",
    "marker_of",
    "null_features",
]
