"""Train the argument model (``events/data/argmodel.json``) from public gold and the project's own sentences.

    python -m dragoman_training.events.train [--shared ../shared] [--out PATH] [--no-write]

Training data, every part with its provenance in the model card
(docs/models/arguments.md):

* the project's own annotated sentences, ``training/args/{ar,he,en}.yaml``
  (``events/argdata.py``), run through the default pipeline so candidates are
  the mentions the pipeline really produces;
* the PLOVER gold records (CC BY-SA 4.0), **even positions only**: the odd
  half, less the sentences that repeat an even record's, is what ``make eval``
  scores (``plover_*``; ``eval/plover.py: split``);
* the Arabic event GSR span files (MIT), **first half of each file only**:
  the second half is what ``make eval`` scores (``ar_span_*``).

For every trigger the pipeline finds whose words overlap the gold event's,
each candidate mention is labelled actor, recipient or neither by matching the
gold argument text; that gives one ranking instance per role (the candidates
plus "none").  A conditional logit per role is fitted by full-batch Adam on
the L2-penalised log-likelihood (numpy); the penalty is chosen by 5-fold
cross-validation on the training data only.  Training is deterministic.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import dragoman.events
from dragoman.events.argfeatures import (
    FEATURES_VERSION,
    Context,
    Trigger,
    candidate_features,
    context,
    null_features,
    with_language,
)
from dragoman.events.argmodel import MODEL_FILE, LinearModel, candidates
from dragoman.events.arguments import arg_rules, place_of
from dragoman.events.clauses import clause_rules, segment
from dragoman.events.extract import EventHit, find_hits
from dragoman.events.frames import may_be_actor, may_be_recipient
from dragoman.events.sentence import MentionRef
from dragoman.model import Article
from dragoman_training.eval.plover import split as split_plover
from dragoman_training.events import argdata

# the model ships in the runtime package; this trainer only writes it
PACKAGE_DATA = pathlib.Path(dragoman.events.__file__).resolve().parent / "data"


@dataclass(slots=True)
class Instance:
    """One role of one trigger: the candidates' features (and "none" last) and which are right."""

    role: str
    feats: list[list[str]]
    gold: list[int]
    source: str  # own:<lang> | plover | ar_gsr
    group: int  # sentence number, so cross-validation keeps a sentence's instances together


Labeller = Callable[[MentionRef], bool]


def contexts(article: Article, lang: str) -> list[tuple[EventHit, Context, int]]:
    """Every hit of the article with the feature context of its sentence and its number in it."""
    hits = find_hits(article, lang, arguments="rules")
    out: list[tuple[EventHit, Context, int]] = []
    crules = clause_rules(lang)
    by_view: dict[int, list[EventHit]] = {}
    for h in hits:
        by_view.setdefault(id(h.view), []).append(h)
    for group in by_view.values():
        view = group[0].view
        trig = [Trigger(h.token_start, h.token_end, h.event.type, h.pos, h.subject) for h in group]
        ctx = context(view, lang, segment(view, crules), trig)
        out += [(h, ctx, t) for t, h in enumerate(group)]
    return out


def instances_for(
    hit: EventHit, ctx: Context, t: int, is_actor: Labeller | None, is_recipient: Labeller | None, source: str, group: int
) -> list[Instance]:
    """The actor and recipient instances of one trigger, as ``decide`` sees them at run time.

    ``is_actor``/``is_recipient`` are None when the gold names nobody in that
    role.  "None" is the right answer then, and also when the gold party is not
    among the candidates (the candidate finder missed it, or the frame rules it
    out): given those candidates, abstaining is better than a wrong pick.
    """
    code = hit.event.type
    place = place_of(ctx.view, hit.token_start, hit.token_end, arg_rules(ctx.lang))
    pool = [m for m in candidates(ctx, t) if not (place and m.index == place.index)]
    if not pool:
        return []
    feats = {m.index: with_language(candidate_features(ctx, t, m, pool), ctx.lang) for m in pool}
    null = with_language(null_features(ctx, t, pool), ctx.lang)
    out: list[Instance] = []
    acts = [m for m in pool if may_be_actor(code, m.mention.type)]
    gold_actors = [m for m in pool if is_actor is not None and is_actor(m)]
    if acts:
        gold = [i for i, m in enumerate(acts) if is_actor is not None and is_actor(m)] or [len(acts)]
        if gold:
            out.append(Instance("actor", [feats[m.index] for m in acts] + [null], gold, source, group))
    taken = {m.entity for m in gold_actors}
    recs = [
        m
        for m in pool
        if may_be_recipient(code, m.mention.type)
        and m.entity not in taken
        and not any(_overlap(m, a) for a in gold_actors)
    ]
    if recs:
        gold = [i for i, m in enumerate(recs) if is_recipient is not None and is_recipient(m)] or [len(recs)]
        if gold:
            out.append(Instance("recipient", [feats[m.index] for m in recs] + [null], gold, source, group))
    return out


def _overlap(a: MentionRef, b: MentionRef) -> bool:
    x, y = a.mention.span, b.mention.span
    return x.start < y.end and y.start < x.end


# --- the project's own sentences -------------------------------------------------------------


def _rules_only_config(tmp: pathlib.Path) -> pathlib.Path:
    """The default pipeline with the events stage on the role rules, so training never needs old weights."""
    from dragoman.pipeline.config import default_config_text

    text = default_config_text()
    head = '[stages.events]\nfactory = "dragoman.Events.v1"'
    if head not in text:
        raise RuntimeError("the default pipeline's events stage table changed; update train.py")
    path = tmp / "rules.toml"
    path.write_text(text.replace(head, head + '\narguments = "rules"'), "utf-8")
    return path


def own_instances(root: pathlib.Path = argdata.DATA_DIR) -> tuple[list[Instance], Counter[str]]:
    import tempfile

    from dragoman import api

    out: list[Instance] = []
    stats: Counter[str] = Counter()
    group = 0
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="dragoman-train-"))
    config = _rules_only_config(tmp)
    for lang, data in argdata.load_all(root).items():
        for sent in data.sentences:
            group += 1
            art = api.extract(text=sent.text, config=config)
            if (art.language or "") != lang:
                art.language = lang  # a short sentence can fool language id; the file says which
            found = contexts(art, lang)
            for ev in sent.events:
                stats[f"{lang}:events"] += 1
                a, b = argdata.trigger_span(sent, ev)
                hit = next(
                    ((h, c, t) for h, c, t in found if h.event.trigger and h.event.trigger.start < b and a < h.event.trigger.end),
                    None,
                )
                if hit is None:
                    stats[f"{lang}:trigger_missed"] += 1
                    continue
                h, ctx, t = hit
                stats[f"{lang}:type_ok"] += h.event.type == ev.type
                act = _span_labeller(sent.text, ev.actors, (a, b))
                rec = _span_labeller(sent.text, ev.recipients, (a, b))
                got = instances_for(h, ctx, t, act, rec, f"own:{lang}", group)
                stats[f"{lang}:instances"] += len(got)
                out += got
    return out, stats


def _span_labeller(text: str, surfaces: list[str], near: tuple[int, int]) -> Labeller | None:
    if not surfaces:
        return None
    spans = [argdata.surface_span(text, s, near) for s in surfaces]

    def label(m: MentionRef) -> bool:
        sp = m.mention.span
        return any(sp.start < b and a < sp.end for a, b in spans)

    return label


# --- public gold: PLOVER records and the Arabic event GSR ------------------------------------


def plover_records(shared: pathlib.Path) -> list[dict[str, Any]]:
    path = shared / "datasets" / "plover_gsr_cameo" / "PLOVER_GSR_CAMEO.json"
    return [r for r in json.loads(path.read_text("utf-8")) if r.get("event") != "DOCUMENT"]


def plover_instances(records: Iterable[dict[str, Any]], first_group: int) -> list[Instance]:
    from dragoman.events.candidates import bare_article
    from dragoman_training.eval._events_common import text_match, words
    from dragoman_training.eval.plover import _actor_texts

    out: list[Instance] = []
    for g, r in enumerate(records, first_group):
        art = bare_article(r["text"], "en", use_ner=False)
        event_words = set(words(r.get("eventText", ""), "en"))
        for h, ctx, t in contexts(art, "en"):
            trig = set(words(art.span_text(h.event.trigger), "en")) if h.event.trigger else set()
            if not trig & event_words:
                continue
            src, tgt = _actor_texts(r.get("source")), _actor_texts(r.get("target"))

            def match(golds: list[str], art: Article = art) -> Labeller:
                return lambda m: any(text_match(art.span_text(m.mention.span), x, "en") for x in golds)

            out += instances_for(h, ctx, t, match(src) if src else None, match(tgt) if tgt else None, "plover", g)
            break  # the gold codes one event per record: its first matching trigger
    return out


def gsr_records(shared: pathlib.Path, etype: str) -> list[dict[str, Any]]:
    path = shared / "datasets" / "arabic_event_gsr" / f"{etype.lower()}_spans.json"
    records: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))
    return records


def gsr_instances(records: Iterable[dict[str, Any]], etype: str, first_group: int) -> list[Instance]:
    from dragoman.events.candidates import bare_article
    from dragoman_training.eval._events_common import plover_type, token_f1, words

    out: list[Instance] = []
    for g, r in enumerate(records, first_group):
        src, tgt = r.get("source_gold", "").strip(), r.get("target_gold", "").strip()
        if not src and not tgt:
            continue
        art = bare_article(r["text"], "ar", use_ner=True)
        verb = set(words(r.get("verb_gold", ""), "ar"))
        for h, ctx, t in contexts(art, "ar"):
            if plover_type(h.event.type) != etype or not h.event.trigger:
                continue
            if not set(words(art.span_text(h.event.trigger), "ar")) & verb:
                continue

            def match(gold: str, art: Article = art) -> Labeller:
                gw = words(gold, "ar")
                return lambda m: token_f1(words(art.span_text(m.mention.span), "ar"), gw) >= 0.5

            # an empty consensus span is "annotators disagreed", not "nobody": leave that role out
            got = instances_for(h, ctx, t, match(src) if src else None, match(tgt) if tgt else None, "ar_gsr", g)
            out += [i for i in got if (i.role == "actor" and src) or (i.role == "recipient" and tgt)]
            break
    return out


# --- the conditional logit --------------------------------------------------------------------


def fit(
    instances: list[Instance], l2: float, weights: dict[str, float], epochs: int = 300, lr: float = 0.05
) -> dict[str, dict[str, float]]:
    """Weights per role maximising the penalised log-likelihood of the gold candidates (full-batch Adam)."""
    import numpy as np

    out: dict[str, dict[str, float]] = {}
    for role in ("actor", "recipient"):
        inst = [i for i in instances if i.role == role]
        if not inst:
            out[role] = {}
            continue
        vocab: dict[str, int] = {}
        cols: list[int] = []
        row_len: list[int] = []
        inst_len: list[int] = []
        gold_rows: list[int] = []
        inst_w: list[float] = []
        row = 0
        for i in inst:
            for k, fs in enumerate(i.feats):
                ids = [vocab.setdefault(f, len(vocab)) for f in fs]
                cols += ids
                row_len.append(len(ids))
                if k in i.gold:
                    gold_rows.append(row)
                row += 1
            inst_len.append(len(i.feats))
            inst_w.append(weights.get(i.source.split(":")[0], 1.0))
        col = np.array(cols, dtype=np.int64)
        rl = np.array(row_len, dtype=np.int64)
        row_of = np.repeat(np.arange(len(rl)), rl)
        il = np.array(inst_len, dtype=np.int64)
        inst_of = np.repeat(np.arange(len(il)), il)
        istart = np.concatenate([[0], np.cumsum(il)[:-1]])
        is_gold = np.zeros(len(rl), dtype=bool)
        is_gold[gold_rows] = True
        iw = np.array(inst_w)
        w = np.zeros(len(vocab))
        m = np.zeros_like(w)
        v = np.zeros_like(w)
        b1, b2, eps = 0.9, 0.999, 1e-8
        for step in range(1, epochs + 1):
            s = np.bincount(row_of, weights=w[col], minlength=len(rl))
            top = np.maximum.reduceat(s, istart)[inst_of]
            e = np.exp(s - top)
            z = np.add.reduceat(e, istart)[inst_of]
            zg = np.add.reduceat(e * is_gold, istart)[inst_of]
            # d(-log sum_gold p)/ds = p - p_gold_normalised
            coef = (e / z - np.where(is_gold, e / np.maximum(zg, 1e-300), 0.0)) * iw[inst_of]
            grad = np.bincount(col, weights=coef[row_of], minlength=len(w)) + l2 * w
            m = b1 * m + (1 - b1) * grad
            v = b2 * v + (1 - b2) * grad * grad
            w -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + eps)
        names = {k: f for f, k in vocab.items()}
        out[role] = {names[k]: round(float(x), 4) for k, x in enumerate(w) if abs(x) >= 1e-3}
    return out


def accuracy(model: LinearModel, instances: list[Instance]) -> dict[str, float]:
    """Share of instances whose top candidate is a gold one, per role."""
    out: dict[str, float] = {}
    for role in ("actor", "recipient"):
        inst = [i for i in instances if i.role == role]
        ok = 0
        for i in inst:
            w = model.weights[role]  # instance features already carry their language copies
            s = [sum(w.get(f, 0.0) for f in fs) for fs in i.feats]
            ok += max(range(len(s)), key=s.__getitem__) in i.gold
        out[role] = round(100.0 * ok / len(inst), 2) if inst else 0.0
    return out


def cross_validate(
    instances: list[Instance], l2: float, weights: dict[str, float], folds: int = 5
) -> dict[str, float]:
    groups = sorted({i.group for i in instances})
    rnd = random.Random(13)
    rnd.shuffle(groups)
    fold_of = {g: k % folds for k, g in enumerate(groups)}
    scores: dict[str, float] = {}
    counts: Counter[str] = Counter()
    for k in range(folds):
        train = [i for i in instances if fold_of[i.group] != k]
        test = [i for i in instances if fold_of[i.group] == k]
        model = LinearModel(fit(train, l2, weights))
        for src in sorted({i.source for i in test}):
            part = [i for i in test if i.source == src]
            for role, acc in accuracy(model, part).items():
                n = sum(1 for i in part if i.role == role)
                scores[f"{src}:{role}"] = scores.get(f"{src}:{role}", 0.0) + acc * n
                counts[f"{src}:{role}"] += n
    return {k: round(scores[k] / counts[k], 2) for k in sorted(scores) if counts[k]}


def main(argv: list[str] | None = None) -> int:
    repo = pathlib.Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(prog="python -m dragoman_training.events.train", description=__doc__)
    ap.add_argument("--shared", type=pathlib.Path, default=repo.parent / "shared")
    ap.add_argument("--out", type=pathlib.Path, default=PACKAGE_DATA / MODEL_FILE)
    ap.add_argument("--own", type=pathlib.Path, default=argdata.DATA_DIR, help="the project's annotated sentences")
    ap.add_argument("--no-write", action="store_true", help="train and report, keep the shipped weights")
    ap.add_argument("--l2", type=float, nargs="*", default=[0.3, 1.0, 3.0], help="penalties tried by cross-validation")
    args = ap.parse_args(argv)
    if not (args.shared / "datasets").is_dir():
        print(f"train: {args.shared / 'datasets'} not found; the public gold lives in ../shared. Nothing trained.")
        return 2
    t0 = time.perf_counter()
    own, stats = own_instances(args.own)
    records = plover_records(args.shared)
    plover = plover_instances(split_plover(records)[0], 100_000)
    gsr: list[Instance] = []
    for k, etype in enumerate(("PROTEST", "ASSAULT")):
        rows = gsr_records(args.shared, etype)
        gsr += gsr_instances(rows[: len(rows) // 2], etype, 200_000 + 10_000 * k)
    data = own + plover + gsr
    print(f"own sentences: {dict(sorted(stats.items()))}")
    by_src = Counter(f"{i.source}:{i.role}" for i in data)
    print(f"instances: {dict(sorted(by_src.items()))}  ({time.perf_counter() - t0:.1f}s)")
    weights = {"own": 2.0, "plover": 1.0, "ar_gsr": 1.0}
    best: tuple[float, float] | None = None
    cv_all: dict[str, dict[str, float]] = {}
    for l2 in args.l2:
        cv = cross_validate(data, l2, weights)
        cv_all[str(l2)] = cv
        own_keys = [k for k in cv if k.startswith("own:")]
        mean = sum(cv[k] for k in own_keys) / max(1, len(own_keys))
        print(f"l2={l2}: cross-validated accuracy {cv}")
        if best is None or mean > best[0]:
            best = (mean, l2)
    assert best is not None
    l2 = best[1]
    model = LinearModel(fit(data, l2, weights))
    model.meta = {
        "trained": {
            "l2": l2,
            "source_weights": weights,
            "instances": dict(sorted(by_src.items())),
            "own_sentences": dict(sorted(stats.items())),
            "cross_validation": cv_all[str(l2)],
            "data": [
                "training/args/{ar,he,en}.yaml (the project's own sentences)",
                "PLOVER_GSR_CAMEO.json even positions (CC BY-SA 4.0)",
                "arabic_event_gsr {protest,assault}_spans.json first half of each file (MIT)",
            ],
        }
    }
    n = sum(len(ws) for ws in model.weights.values())
    print(f"chose l2={l2}; {n} non-zero weights")
    if not args.no_write:
        args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {args.out}")
    print(f"[{time.perf_counter() - t0:.1f}s, features version {FEATURES_VERSION}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
