"""The learned argument model: who is the actor and who the recipient of each event.

For every trigger, each candidate mention of the sentence (plus "none")
gets a score per role from the weights of its features
(``events/argfeatures.py``); a softmax over the candidates of a role gives
their probabilities.  Decoding, per trigger:

1. the **actor** is the best candidate the event's frame allows as actor
   (``events/data/frames.yaml``: an AGREEMENT, LAW, PLACE or EVENT never
   is), unless "none" scores higher; mentions coordinated with it ("Iran and
   Oman", وأذربيجان) join it;
2. the **recipient** is the best remaining candidate the frame allows as
   recipient (an accession's recipient is the agreement joined), unless
   "none" scores higher; a mention nested in an actor's mention (the nisba
   in "the Iranian minister") or naming the same entity is not a candidate;
3. when "none" won the recipient, the first allowed candidate after the
   trigger in its clause that a party marker introduces (*to*, *for*, *with*,
   *against*, *toward*: إلى، ل، مع، ضد; אל، ל، עם، נגד) is the recipient after all:
   the model, trained on few sentences, abstains too readily for a party
   the marker names plainly ("agreed to provide aid *for* Romania");
4. a verb after a passive cue that is a past participle ("were killed", not
   "is ready", "is opposed to": ``events.yaml: participle_endings``) has the
   one acted on as its subject: an actor chosen before it becomes the
   recipient, and the party after *by* in its clause, if any, the actor
   (not for symmetric frames, nor those whose passive subject still acts:
   "troops were withdrawn", ``frames.yaml: passive_subject_acts``);
   A trigger told as a noun ("an attack", "a devastating bombing") takes the party after
   *by* or "attributed to" later in its clause as its actor (``_noun_agent``);
5. people counted as casualties or captives ("five people", أشخاص، مدنيين:
   ``events.yaml: casualty_nouns``) are never the actor of an assault or a
   coercion (``frames.yaml: casualties_never_act``): chosen as actor, they
   change places with the recipient.

Weights are trained by ``python -m dragoman_training.events.train`` (a conditional
logit per role, see docs/models/arguments.md) and shipped as
``events/data/argmodel.json``; scoring is a sum of dictionary lookups, no
numpy.  Without the weights file the hand-written rules
(``events/arguments.py``) decide alone.

The ``Scorer`` protocol is the seam for other scorers (one over the
multilingual encoder's token vectors): anything that maps a role and the
candidates' feature lists to scores can stand in for the linear model.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import repeat
from typing import Protocol

from dragoman.events.argfeatures import (
    FEATURES_VERSION,
    Context,
    Trigger,
    candidate_features,
    lists_participles,
    marker_of,
    null_features,
    participle,
)
from dragoman.events.arguments import ArgRules, Arguments, group
from dragoman.events.frames import Frame, frame, frames, may_be_actor, may_be_recipient
from dragoman.events.plover import rollup
from dragoman.events.schema import events_data
from dragoman.events.sentence import MentionRef
from dragoman.model import EntityType, MentionKind
from dragoman.text import normalize_key

ROLES = ("actor", "recipient")


class Scorer(Protocol):
    def scores(self, role: str, feats: Sequence[Sequence[str]], lang: str) -> list[float]:
        """One score per feature list (the last list is "none"), for a sentence in ``lang``."""
        ...


_ZERO = (0.0, 0.0)


@dataclass(slots=True)
class LinearModel:
    """A conditional logit per role: score = sum of the weights of the features present.

    Weights are learnt for each feature and for its language-prefixed copy
    (``argfeatures.with_language``); ``folded(lang)`` adds the two once per
    language, so scoring looks each plain feature up once for both roles.
    """

    weights: dict[str, dict[str, float]]
    meta: dict[str, object] = field(default_factory=dict)
    _folded: dict[str, dict[str, tuple[float, float]]] = field(default_factory=dict, init=False, repr=False)

    def folded(self, lang: str) -> dict[str, tuple[float, float]]:
        """Feature -> (actor weight, recipient weight) with the language's own weights added in."""
        hit = self._folded.get(lang)
        if hit is not None:
            return hit
        a, r = self.weights.get("actor", {}), self.weights.get("recipient", {})
        prefix = f"{lang}:"
        out: dict[str, tuple[float, float]] = {}
        for f in a.keys() | r.keys():
            if ":" in f and not f.startswith(prefix):
                continue  # another language's copy
            base = f.removeprefix(prefix)
            x, y = out.get(base, _ZERO)
            out[base] = (x + a.get(f, 0.0), y + r.get(f, 0.0))
        self._folded[lang] = out
        return out

    def scores(self, role: str, feats: Sequence[Sequence[str]], lang: str) -> list[float]:
        k = 0 if role == "actor" else 1
        get = self.folded(lang).get
        return [sum(get(f, _ZERO)[k] for f in fs) for fs in feats]

    def both(self, feats: Sequence[Sequence[str]], lang: str) -> tuple[list[float], list[float]]:
        """Actor and recipient scores of each feature list in one pass."""
        get = self.folded(lang).get
        acts: list[float] = []
        recs: list[float] = []
        for fs in feats:
            a = r = 0.0
            # the weights are added in the features' order, as before: the sums are the same floats
            for x, y in map(get, fs, repeat(_ZERO)):
                a += x
                r += y
            acts.append(a)
            recs.append(r)
        return acts, recs

    def to_json(self) -> dict[str, object]:
        return {"features_version": FEATURES_VERSION, **self.meta, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        version = data.get("features_version")
        if version != FEATURES_VERSION:
            raise ValueError(
                f"argument model weights are for features version {version}, the code has {FEATURES_VERSION}: "
                "retrain with `make argmodel`"
            )
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise ValueError("argument model: 'weights' must map roles to feature weights")
        meta = {k: v for k, v in data.items() if k not in ("weights", "features_version")}
        return cls({r: {str(f): float(x) for f, x in ws.items()} for r, ws in weights.items()}, meta)


MODEL_FILE = "argmodel.json"


@cache
def shipped_model() -> LinearModel | None:
    """The packaged weights, or None when the package has none (the rules decide alone)."""
    path = resources.files("dragoman.events").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    return LinearModel.from_json(json.loads(path.read_text("utf-8")))


# Tokens between a trigger and a candidate beyond which only the trigger's own clause is searched:
# in news prose an argument further away than this is almost always another event's.
WINDOW = 20


def candidates(ctx: Context, t: int) -> list[MentionRef]:
    """Mentions that name an entity, do not overlap the trigger, and stand in its clause or near it."""
    start, end = ctx.triggers[t].start, ctx.triggers[t].end
    c = ctx.clause[start]
    return [
        m
        for m in ctx.view.mentions
        if m.entity
        and (m.last < start or m.first >= end)
        and (ctx.clause[m.first] == c or (start - m.last if m.last < start else m.first - end) <= WINDOW)
    ]


def _overlaps(a: MentionRef, b: MentionRef) -> bool:
    x, y = a.mention.span, b.mention.span
    return x.start < y.end and y.start < x.end


def decide(
    ctx: Context,
    t: int,
    code: str,
    place: MentionRef | None,
    scorer: Scorer,
    rules: ArgRules,
    *,
    passive: bool = False,
) -> Arguments:
    """Actors and recipients of trigger ``t`` (event code ``code``) besides its ``place``.

    The pair (actor, recipient) is chosen jointly: each allowed actor (or none)
    with the best recipient left once it and its coordinated mentions are
    taken, by the sum of the two log-probabilities, so a mention that is a far
    better recipient than actor is not spent as the actor first.
    """
    pool = [m for m in candidates(ctx, t) if not (place and m.index == place.index)]
    out = Arguments(place=place)
    if not pool:
        return out
    feats = [candidate_features(ctx, t, m, pool) for m in pool]
    null = null_features(ctx, t, pool)
    if isinstance(scorer, LinearModel):
        a_scores, r_scores = scorer.both([*feats, null], ctx.lang)
    else:
        a_scores = scorer.scores("actor", [*feats, null], ctx.lang)
        r_scores = scorer.scores("recipient", [*feats, null], ctx.lang)
    acts = [k for k, m in enumerate(pool) if may_be_actor(code, m.mention.type)]
    recs_ok = [k for k, m in enumerate(pool) if may_be_recipient(code, m.mention.type)]
    a_logp = _log_softmax([a_scores[k] for k in acts] + [a_scores[-1]])
    # the three likeliest actors (or none) are tried, each with the best recipient left
    tried = sorted(range(len(a_logp)), key=a_logp.__getitem__, reverse=True)[:3]
    cut = _infinitive_cut(ctx, t, pool, rules)  # the same for every actor tried
    best: tuple[float, list[MentionRef], list[int], int] | None = None
    for i in tried:
        actors = (
            [m for m in group(ctx.view, pool, pool[acts[i]], rules) if may_be_actor(code, m.mention.type)]
            if i < len(acts)
            else []
        )
        taken = {m.entity for m in actors}
        recs = [
            k
            for k in recs_ok
            if pool[k].entity not in taken
            and not any(_overlaps(pool[k], a) for a in actors)
            and not (not rules.subject_after_verb and _of_actor_phrase(ctx, t, pool[k], actors))
        ]
        recs = _before_infinitive(ctx, t, pool, recs, cut)
        r_logp = _log_softmax([r_scores[k] for k in recs] + [r_scores[-1]])
        j = max(range(len(r_logp)), key=r_logp.__getitem__)
        total = a_logp[i] + r_logp[j]
        if best is None or total > best[0]:
            best = (total, actors, recs, j)
    assert best is not None
    _, actors, recs, j = best
    recipients: list[MentionRef] = []
    if j < len(recs):
        taken = {m.entity for m in actors}
        pick = [pool[k] for k in recs]
        recipients = [
            m
            for m in group(ctx.view, pick, pool[recs[j]], rules)
            if m.entity not in taken and may_be_recipient(code, m.mention.type)
        ]
    out.actors = _with_affiliation(actors, pool, code, may_be_actor)
    taken = {m.entity for m in out.actors}
    if not recipients:
        marked = _marked_party(ctx, t, code, pool, out.actors)
        if marked is None and _frame_of(code).proposer_recipient and not passive and not _passive(ctx, t):
            marked = _proposer(ctx, t, code, pool, out.actors)
            out.proposers = marked is not None
        if marked is not None:
            recipients = [m for m in group(ctx.view, pool, marked, rules) if may_be_recipient(code, m.mention.type)]
    out.recipients = [m for m in _with_affiliation(recipients, pool, code, may_be_recipient) if m.entity not in taken]
    if _frame_of(code).about_over_addressee:
        _about_over_addressee(ctx, t, code, pool, out, rules)
    if _passive(ctx, t) and not frame(code).symmetric and not frame(code).passive_subject_acts:
        _undergoer_first(ctx, t, code, pool, out, rules)
    elif passive and not frame(code).symmetric:
        _subject_undergoes(ctx, t, code, pool, out, rules)
    elif not frame(code).symmetric and (_nominal(ctx, t) or not out.actors):
        _noun_agent(ctx, t, code, pool, out, rules)
    if _frame_of(code).casualties_never_act:
        _casualties_acted_on(ctx, code, out)
    _fronted_participle(ctx, t, code, pool, out, rules)
    _beyond_next_verb(ctx, t, out, rules)
    listed = _listed_doers(ctx, t, code, rules)
    if listed:
        taken = {m.entity for m in listed}
        out.actors = listed
        out.recipients = [r for r in out.recipients if r.entity not in taken]
    return out


def _beyond_next_verb(ctx: Context, t: int, out: Arguments, rules: ArgRules) -> None:
    """A party after a second verb joined to the trigger's ("Egypt condemned the raid and urged
    Israel to ...", "praised the deal but rejected any role for Iran") is that verb's, not the
    trigger's: no recipient of a verb trigger stands beyond another trigger in a past form
    (``participle_endings``) right after a coordinating word or a clause opener, nor is the
    subject of a trigger after "and" or a contrast ("praised the plan but Israel rejected it").
    """
    if ctx.triggers[t].pos != "verb" or not out.recipients or not lists_participles(ctx.lang):
        return
    view, end = ctx.view, ctx.triggers[t].end
    _, openers = _participle_cues(ctx.lang)
    coordinators = {w for w in rules.coordinators if w.isalpha()}
    joiners = coordinators | openers
    verbs = [
        o.start for i, o in enumerate(ctx.triggers)
        if i != t and o.start >= end and o.start > 0 and view.folded(o.start - 1) in joiners
        and participle(view.folded(o.start), ctx.lang)
    ]
    if verbs:
        out.recipients = [r for r in out.recipients if r.first < min(verbs)]
    # "X praised the plan but Y rejected it": a party right after a coordinating word or a
    # contrast and right before another trigger is that trigger's subject ("demanded that Y
    # refuse" keeps Y: the one asked)
    starts = {o.start for i, o in enumerate(ctx.triggers) if i != t}
    conjunctions = coordinators | rules.contrast_words

    def opens_clause(r: MentionRef) -> bool:
        k = r.first - 1
        while k >= 0 and view.folded(k) in rules.skip_words:
            k -= 1
        return k >= end and view.folded(k) in conjunctions

    def subject_of_verb(r: MentionRef) -> bool:
        k = r.last + 1  # over one auxiliary ("but Y has rejected it"), not an infinitive ("Y to mediate")
        if k < len(view.words) and view.folded(k) in rules.sayer_pronoun_auxiliaries:
            k += 1
        return k in starts and participle(view.folded(k), ctx.lang)

    out.recipients = [r for r in out.recipients if not (r.first >= end and opens_clause(r) and subject_of_verb(r))]


@cache
def _participle_cues(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The endings of a fronted participle (``arguments.fronted_participle_endings``) and the
    subordinators that may stand before one (``clauses.openers``), folded."""
    data = events_data(lang)
    if data is None:
        return (), frozenset()
    endings = tuple(normalize_key(e) for e in data.arguments.fronted_participle_endings)
    return endings, frozenset(normalize_key(w) for w in data.clauses.openers)


def _fronted_participle(
    ctx: Context, t: int, code: str, pool: list[MentionRef], out: Arguments, rules: ArgRules
) -> None:
    """A participle trigger that opens its sentence ("Addressing the forum in X, the minister
    said ...", "After meeting Y, the minister flew home") has no subject of its own: its doer is
    the main clause's subject, the first party after its clause that no marker introduces (a
    person rather than the adjective of a title before him). Its objects stand in its own clause.
    """
    endings, openers = _participle_cues(ctx.lang)
    view, start, end = ctx.view, ctx.triggers[t].start, ctx.triggers[t].end
    if not endings or ctx.triggers[t].pos != "verb" or not view.folded(start).endswith(endings):
        return
    if not (start == 0 or (start == 1 and view.folded(0) in openers)):
        return
    own = ctx.clause[start]
    later = [m for m in sorted(pool, key=lambda m: m.first) if m.first >= end and ctx.clause[m.first] != own]
    unmarked = [m for m in later if marker_of(ctx, m)[0] == "-" and may_be_actor(code, m.mention.type)]
    if not unmarked:
        return
    subject = next((m for m in unmarked if m.mention.kind is not MentionKind.NISBA), unmarked[0])
    actors = [m for m in group(view, pool, subject, rules) if may_be_actor(code, m.mention.type)]
    taken = {m.entity for m in actors}
    objects = [m for m in out.recipients + out.actors if ctx.clause[m.first] == own and m.first >= end]
    out.actors = actors
    out.recipients = [m for m in objects if m.entity not in taken and may_be_recipient(code, m.mention.type)]


def _listed_doers(ctx: Context, t: int, code: str, rules: ArgRules) -> list[MentionRef]:
    """The parties listed after a colon that ends the trigger's clause, when its subject is a
    plural noun of states with no name ("three states had joined the alliance: X, Y and Z",
    ``arguments.group_nouns``): the list names the subject, so its members are the doers.

    At least two parties, coordinated (``group``), and nothing but determiners between the colon
    and the first; a named party in the subject (after any verb of saying in its clause) leaves
    it the doer.
    """
    nouns = rules.group_nouns
    if not nouns:
        return []
    view, start, end = ctx.view, ctx.triggers[t].start, ctx.triggers[t].end
    c = ctx.clause[start]
    # the subject follows a verb of saying in its clause ("X said two states had joined: ...")
    said = [k for k in range(start) if ctx.clause[k] == c and k in ctx.reporting]
    subject = [k for k in range(said[-1] + 1 if said else 0, start) if ctx.clause[k] == c]
    if not subject or not any(view.folded(k) in nouns for k in subject):
        return []
    if any(m.entity and subject[0] <= m.first and m.last < start for m in view.mentions):
        return []
    colon = next((k for k in range(end, len(view.words)) if view.words[k] in ctx.rules.breaks), None)
    if colon is None or view.words[colon] != ":":
        return []
    after = sorted((m for m in view.mentions if m.entity and m.first > colon), key=lambda m: (m.first, -m.last))
    if not after or any(view.folded(k) not in rules.skip_words for k in range(colon + 1, after[0].first)):
        return []
    listed = [m for m in group(view, after, after[0], rules) if may_be_actor(code, m.mention.type)]
    return listed if len({m.entity for m in listed}) >= 2 else []


def _frame_of(code: str) -> Frame:
    """The code's own frame, else its PLOVER root type's (an extension of ASSAULT is an assault)."""
    own = frames().frames.get(code)
    return own if own is not None else frame(rollup(code))


@cache
def _casualty_nouns(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(normalize_key(w) for w in (data.arguments.casualty_nouns if data else []))


def _casualties_acted_on(ctx: Context, code: str, out: Arguments) -> None:
    """People counted as casualties ("five people", أشخاص) are the ones attacked, never the attacker.

    Chosen as the actor, they change places with the recipient when that one may act.
    """
    nouns = _casualty_nouns(ctx.lang)
    if not nouns:
        return

    def casualty(m: MentionRef) -> bool:
        return all(ctx.view.forms[k][0] in nouns or not ctx.view.words[k].isalpha() for k in range(m.first, m.last + 1))

    counted = [a for a in out.actors if casualty(a)]
    if not counted:
        return
    doers = [r for r in out.recipients if not casualty(r) and may_be_actor(code, r.mention.type)]
    out.actors = [a for a in out.actors if not casualty(a)] or doers
    taken = {m.entity for m in out.actors}
    out.recipients = counted + [r for r in out.recipients if r not in counted and r.entity not in taken]


def _passive(ctx: Context, t: int) -> bool:
    """A verb trigger that is a past participle after a passive cue ("were killed", not "is ready").

    Only where the language lists participle shapes (English): elsewhere the cue
    alone marks the passive and the model's features carry it.
    """
    trig = ctx.triggers[t]
    return trig.pos == "verb" and ctx.passive_before[t] and lists_participles(ctx.lang)


def _undergoer_first(
    ctx: Context, t: int, code: str, pool: list[MentionRef], out: Arguments, rules: ArgRules
) -> None:
    """A passive verb's subject is the one acted on: "Three US servicemen were killed by a bomb".

    The actor taken before the trigger becomes the recipient; the party after
    *by* in the trigger's clause, if any, is the actor.
    """
    start = ctx.triggers[t].start
    subject = [a for a in out.actors if a.last < start]
    if not subject or len(subject) != len(out.actors):
        return
    undergoers = [m for m in subject if may_be_recipient(code, m.mention.type)]
    if not undergoers:
        return
    _agent_acts(ctx, t, code, pool, out, rules, undergoers)


def _agent_after(ctx: Context, t: int, code: str, pool: list[MentionRef]) -> MentionRef | None:
    """The first party after the trigger, in its clause, that *by* introduces (على يد، من قبل)."""
    start, end = ctx.triggers[t].start, ctx.triggers[t].end
    return next(
        (
            m
            for m in sorted(pool, key=lambda m: m.first)
            if m.first >= end
            and ctx.clause[m.first] == ctx.clause[start]
            and marker_of(ctx, m)[0] == "by"
            and may_be_actor(code, m.mention.type)
        ),
        None,
    )


def _agent_acts(
    ctx: Context, t: int, code: str, pool: list[MentionRef], out: Arguments, rules: ArgRules,
    undergoers: list[MentionRef],
) -> None:
    """The party after *by* (with its group) becomes the actor, ``undergoers`` the recipients."""
    agent = _agent_after(ctx, t, code, pool)
    out.actors = [m for m in group(ctx.view, pool, agent, rules) if may_be_actor(code, m.mention.type)] if agent else []
    taken = {m.entity for m in out.actors}
    out.recipients = [m for m in undergoers if m.entity not in taken]


def _subject_undergoes(
    ctx: Context, t: int, code: str, pool: list[MentionRef], out: Arguments, rules: ArgRules
) -> None:
    """A passive trigger's subject, on either side of it, is the one acted on: "أصيب سفير بولندا".

    The model reads the trigger as active, so an actor it chose without a
    recipient is the subject: that becomes the recipient, and the party after
    *by*, if any, the actor. Where the model found a recipient, or took its
    actor from after *by*, it has read the roles already; a recipient it took
    from after *by* ("השגריר זומן ... על ידי ממשלת Y") shows it read the verb as
    active, and the roles are turned the same way.
    """
    if not out.actors or any(marker_of(ctx, a)[0] == "by" for a in out.actors):
        return
    start = ctx.triggers[t].start
    if (
        out.recipients
        and not any(marker_of(ctx, r)[0] == "by" for r in out.recipients)
        # where the subject stands before its verb, an actor chosen there with a recipient
        # after it is the active reading ("שגריר X זומן לשיחת נזיפה במשרד החוץ"): that
        # subject is the one summoned, and the party after it only where it stands
        and not (not rules.subject_after_verb and all(a.last < start for a in out.actors))
    ):
        return
    undergoers = [m for m in out.actors if may_be_recipient(code, m.mention.type)]
    if not undergoers:
        return
    _agent_acts(ctx, t, code, pool, out, rules, undergoers)


@cache
def _noun_cues(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words that open a noun phrase (``arguments.noun_openers``) and the nouns of doers
    (``actor_nouns``, ``casualty_nouns``), folded."""
    data = events_data(lang)
    a = data.arguments if data else None
    openers = frozenset(normalize_key(w) for w in (a.noun_openers if a else []))
    people = frozenset(normalize_key(w) for w in ((a.actor_nouns + a.casualty_nouns) if a else []))
    return openers, people


def _nominal(ctx: Context, t: int) -> bool:
    """Is trigger ``t`` a noun ("an attack", "a deadly bombing", "a wave of raids"), not a verb?

    A verb group's trigger word is either ("attacked" / "attack"); right after a noun
    opener, or one lowercase word after it that names no people ("a devastating attack",
    not "the army attacked"), it is the noun. Where a language lists no openers, never.
    """
    openers, people = _noun_cues(ctx.lang)
    if not openers:
        return False
    view, start = ctx.view, ctx.triggers[t].start

    def opener(k: int) -> bool:
        return k >= 0 and ctx.clause[k] == ctx.clause[start] and view.folded(k) in openers

    if opener(start - 1):
        return True
    k = start - 1
    word = view.words[k] if k >= 0 else ""
    return word.isalpha() and word.islower() and view.folded(k) not in people and opener(k - 1)


def _means_of(ctx: Context, t: int, other: Trigger, rules: ArgRules) -> bool:
    """Is ``other`` the same act told as the means of trigger ``t`` ("killed three soldiers *in an
    attack* launched by X": an act of its type after *in*)? Its doer is the trigger's."""
    if other.type != ctx.triggers[t].type:
        return False
    k = other.start - 1
    while k >= 0 and ctx.view.folded(k) in rules.skip_words:
        k -= 1
    return k >= 0 and ctx.view.folded(k) in rules.place_markers


def _noun_agent(
    ctx: Context, t: int, code: str, pool: list[MentionRef], out: Arguments, rules: ArgRules
) -> None:
    """The party after *by* later in a noun trigger's clause is its doer ("an attack on the port
    carried out by X", "a bombing last year attributed to X": ``markers.by``).

    The model weighs a marker far from its noun too lightly and leaves the actor out, or takes
    the party as the one attacked. Nothing between may be another act or a verb of saying ("the
    attack was condemned by X", "was reported by X" name no doer). An actor the model took
    elsewhere gives way; with no recipient left, it is the one acted on ("Y suffered raids
    attributed to X"), unless another act stands between (it is that act's doer).
    """
    end = ctx.triggers[t].end
    agent = _agent_after(ctx, t, code, pool)
    if agent is None or any(a.index == agent.index for a in out.actors):
        return
    between = range(end, agent.first)
    if any(k in ctx.reporting for k in between) or any(
        i != t and o.start < agent.first and o.end > end and not _means_of(ctx, t, o, rules)
        for i, o in enumerate(ctx.triggers)
    ):
        return
    doers = [m for m in group(ctx.view, pool, agent, rules) if may_be_actor(code, m.mention.type)]
    taken = {m.entity for m in doers}
    # the subject of another act before this one is that act's doer ("X killed three soldiers in an
    # attack launched by Y"), not the one attacked
    displaced = [
        a for a in out.actors
        if a.entity not in taken and may_be_recipient(code, a.mention.type)
        and not any(i != t and a.last < o.start < ctx.triggers[t].start for i, o in enumerate(ctx.triggers))
    ]
    recipients = [r for r in out.recipients if r.entity not in taken]
    out.actors = doers
    out.recipients = recipients or displaced


# Marker classes (argfeatures.marker_of) that name the party an act is done to, for, with or against
_PARTY_MARKERS = frozenset({"to", "for", "with", "against", "toward"})


# Markers that join a place or a whole to the noun before them ("inhabitants of the Golan",
# "settlers in the city of Hebron", "parties in Nepal").
_PHRASE_MARKERS = frozenset({"of", "in"})


def _of_actor_phrase(ctx: Context, t: int, m: MentionRef, actors: list[MentionRef]) -> bool:
    """Does ``m`` modify the actor's noun phrase, between the actor and the trigger after it?

    "Druze inhabitants of the Syrian Golan Heights threatened ...", "Jewish settlers in the
    West Bank city of Hebron set fire to ...": a party joined by *of* or *in* after the
    subject and before its verb tells where the subject is from, not whom the act is aimed at.
    Only where the subject comes before its verb (``subject_after_verb`` is off).
    """
    start = ctx.triggers[t].start
    if m.last >= start or ctx.clause[m.first] != ctx.clause[start]:
        return False
    if not any(a.last < m.first and ctx.clause[a.first] == ctx.clause[start] for a in actors):
        return False
    return marker_of(ctx, m)[0] in _PHRASE_MARKERS


def _infinitive_at(ctx: Context, k: int, rules: ArgRules, named: set[int]) -> bool:
    """Does token ``k`` open an infinitive ("to help", not "to Lebanon" nor "to the")?"""
    view = ctx.view
    if k + 1 >= len(view.words) or view.folded(k) not in rules.infinitive_markers:
        return False
    nxt = view.words[k + 1]
    return nxt.isalpha() and nxt.islower() and nxt not in rules.skip_words and (k + 1) not in named


def _infinitive_cut(ctx: Context, t: int, pool: list[MentionRef], rules: ArgRules) -> int | None:
    """The first infinitive after the trigger in its clause (see ``_before_infinitive``), if any."""
    if not rules.infinitive_markers:
        return None
    start, end = ctx.triggers[t].start, ctx.triggers[t].end
    named = {k for m in pool for k in range(m.first, m.last + 1)}
    return next(
        (k for k in range(end, len(ctx.view.words)) if ctx.clause[k] == ctx.clause[start] and _infinitive_at(ctx, k, rules, named)),
        None,
    )


def _before_infinitive(ctx: Context, t: int, pool: list[MentionRef], recs: list[int], cut: int | None) -> list[int]:
    """Recipient candidates told before an infinitive after the trigger (at ``cut``), when there are any.

    "offered its troops to Lebanon's President to help him oust Aoun from the Christian
    enclave": the parties after "to help" are the helping's and the ousting's, and the
    offer's recipient is named before them.  With none before it ("agreed to hold talks
    with the US") the candidates after it stay.
    """
    if cut is None:
        return recs
    end = ctx.triggers[t].end
    before = [k for k in recs if end <= pool[k].first < cut]
    return [k for k in recs if pool[k].first < cut] if before else recs


_ABOUT_MARKERS = frozenset({"about", "against"})


def _about_over_addressee(ctx: Context, t: int, code: str, pool: list[MentionRef], out: Arguments, rules: ArgRules) -> None:
    """Recipients told *to* give way to the party the act is about ("complained to the UN over X")."""
    if not out.recipients or any(marker_of(ctx, m)[0] != "to" for m in out.recipients):
        return
    start, end = ctx.triggers[t].start, ctx.triggers[t].end
    taken = {m.entity for m in out.actors + out.recipients}
    for m in sorted(pool, key=lambda m: m.first):
        if m.first < end or ctx.clause[m.first] != ctx.clause[start] or m.entity in taken:
            continue
        if marker_of(ctx, m)[0] in _ABOUT_MARKERS and may_be_recipient(code, m.mention.type):
            out.recipients = [r for r in group(ctx.view, pool, m, rules) if r.entity not in taken]
            return


def _marked_party(
    ctx: Context, t: int, code: str, pool: list[MentionRef], actors: list[MentionRef]
) -> MentionRef | None:
    """The first candidate after the trigger, in its clause, that a party marker introduces."""
    return next((m for m in _free_after(ctx, t, code, pool, actors) if marker_of(ctx, m)[0] in _PARTY_MARKERS), None)


def _free_after(
    ctx: Context, t: int, code: str, pool: list[MentionRef], actors: list[MentionRef]
) -> Iterator[MentionRef]:
    """The candidates after the trigger in its clause, in order, that are not (part of) an actor
    and may be the type's recipient."""
    start, end = ctx.triggers[t].start, ctx.triggers[t].end
    taken = {m.entity for m in actors}
    for m in sorted(pool, key=lambda m: m.first):
        if m.first < end or ctx.clause[m.first] != ctx.clause[start]:
            continue
        if m.entity in taken or any(_overlaps(m, a) for a in actors) or not may_be_recipient(code, m.mention.type):
            continue
        yield m


def _proposer(ctx: Context, t: int, code: str, pool: list[MentionRef], actors: list[MentionRef]) -> MentionRef | None:
    """The party *by* whom what the trigger accepts was put forward ("agreed to the proposal
    presented to it by X", הסכימה להצעה שהוצגה לה על ידי X): the first *by* party after the
    trigger in its clause, with the accepted thing between (a word right after the trigger is
    no object), when the trigger has an actor of its own (with none, the *by* party is its doer)."""
    if not actors:
        return None
    end = ctx.triggers[t].end
    for m in _free_after(ctx, t, code, pool, actors):
        if marker_of(ctx, m)[0] == "by":
            return m if m.first - end >= 3 else None
    return None


def _with_affiliation(
    chosen: list[MentionRef], pool: list[MentionRef], code: str, allowed: Callable[[str, EntityType], bool]
) -> list[MentionRef]:
    """The chosen mentions plus the state named inside them ("the *Azerbaijani* president", "ראש ממשלת *ארמניה*").

    PLOVER codes an actor by its state and sector; a party named by a title that
    contains its state is that state's too, so the state is listed after it.
    """
    out = list(chosen)
    for m in chosen:
        for o in pool:
            if (
                o.mention.type is EntityType.GPE
                and o is not m
                and _inside(o, m)
                and allowed(code, o.mention.type)
                and all(o.entity != x.entity for x in out)
            ):
                out.append(o)
    return out


def _inside(inner: MentionRef, outer: MentionRef) -> bool:
    a, b = outer.mention.span, inner.mention.span
    return a.start <= b.start and b.end <= a.end and (a.start, a.end) != (b.start, b.end)


def _log_softmax(xs: list[float]) -> list[float]:
    top = max(xs)
    log_z = top + math.log(sum(math.exp(x - top) for x in xs))
    return [x - log_z for x in xs]
