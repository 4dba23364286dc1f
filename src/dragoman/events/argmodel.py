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
   in "the Iranian minister") or naming the same entity is not a candidate.

Weights are trained by ``python -m dragoman.events.train`` (a conditional
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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Protocol

from dragoman.events.argfeatures import FEATURES_VERSION, Context, candidate_features, null_features
from dragoman.events.arguments import ArgRules, Arguments, group
from dragoman.events.frames import may_be_actor, may_be_recipient
from dragoman.events.sentence import MentionRef

ROLES = ("actor", "recipient")


class Scorer(Protocol):
    def scores(self, role: str, feats: Sequence[Sequence[str]]) -> list[float]:
        """One score per feature list (the last list is "none")."""
        ...


@dataclass(slots=True)
class LinearModel:
    """A conditional logit per role: score = sum of the weights of the features present."""

    weights: dict[str, dict[str, float]]
    meta: dict[str, object] = field(default_factory=dict)

    def scores(self, role: str, feats: Sequence[Sequence[str]]) -> list[float]:
        w = self.weights.get(role, {})
        get = w.get
        return [sum(get(f, 0.0) for f in fs) for fs in feats]

    def to_json(self) -> dict[str, object]:
        return {"features_version": FEATURES_VERSION, **self.meta, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        version = data.get("features_version")
        if version != FEATURES_VERSION:
            raise ValueError(
                f"argument model weights are for features version {version}, the code has {FEATURES_VERSION}: "
                "retrain with `python -m dragoman.events.train`"
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


def candidates(ctx: Context, t: int) -> list[MentionRef]:
    """Mentions of the sentence that name an entity and do not overlap the trigger."""
    start, end, _, _ = ctx.triggers[t]
    return [m for m in ctx.view.mentions if m.entity and (m.last < start or m.first >= end)]


def _overlaps(a: MentionRef, b: MentionRef) -> bool:
    x, y = a.mention.span, b.mention.span
    return x.start < y.end and y.start < x.end


def decide(
    ctx: Context,
    t: int,
    code: str,
    rule: Arguments,
    scorer: Scorer,
    rules: ArgRules,
) -> Arguments:
    """Actors and recipients of trigger ``t`` (event code ``code``); place from the rules.

    The pair (actor, recipient) is chosen jointly: each allowed actor (or none)
    with the best recipient left once it and its coordinated mentions are
    taken, by the sum of the two log-probabilities, so a mention that is a far
    better recipient than actor is not spent as the actor first.
    """
    pool = [m for m in candidates(ctx, t) if not (rule.place and m.index == rule.place.index)]
    out = Arguments(place=rule.place)
    if not pool:
        return out
    feats = [candidate_features(ctx, t, m, pool, rule) for m in pool]
    null = null_features(ctx, t, pool)
    a_scores = scorer.scores("actor", [*feats, null])
    r_scores = scorer.scores("recipient", [*feats, null])
    acts = [k for k, m in enumerate(pool) if may_be_actor(code, m.mention.type)]
    recs_ok = [k for k, m in enumerate(pool) if may_be_recipient(code, m.mention.type)]
    a_logp = _log_softmax([a_scores[k] for k in acts] + [a_scores[-1]])
    best: tuple[float, list[MentionRef], list[MentionRef]] | None = None
    for i, lp in enumerate(a_logp):
        actors = (
            [m for m in group(ctx.view, pool, pool[acts[i]], rules) if may_be_actor(code, m.mention.type)]
            if i < len(acts)
            else []
        )
        taken = {m.entity for m in actors}
        recs = [
            k
            for k in recs_ok
            if pool[k].entity not in taken and not any(_overlaps(pool[k], a) for a in actors)
        ]
        r_logp = _log_softmax([r_scores[k] for k in recs] + [r_scores[-1]])
        j = max(range(len(r_logp)), key=r_logp.__getitem__)
        total = lp + r_logp[j]
        if best is None or total > best[0]:
            recipients: list[MentionRef] = []
            if j < len(recs):
                pick = [pool[k] for k in recs]
                recipients = [
                    m
                    for m in group(ctx.view, pick, pool[recs[j]], rules)
                    if m.entity not in taken and may_be_recipient(code, m.mention.type)
                ]
            best = (total, actors, recipients)
    assert best is not None
    out.actors, out.recipients = best[1], best[2]
    return out


def _log_softmax(xs: list[float]) -> list[float]:
    top = max(xs)
    log_z = top + math.log(sum(math.exp(x - top) for x in xs))
    return [x - log_z for x in xs]
