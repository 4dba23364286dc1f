"""Run corpus passes: build them from a pipeline config, and settle the corpus after an ingest.

``settle`` asks every pass which articles are stale and has them extracted
again from their stored input with the layers the passes give, then lets
the passes record the new revisions, until nothing is stale.  Extraction
goes through the caller's ``reextract`` (the same executor and pipeline as
the ingest), so the corpus layer never runs stages itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

from dragoman.corpus.base import CorpusPass, make_corpus_pass
from dragoman.model import Article
from dragoman.pipeline.config import PipelineConfig
from dragoman.pipeline.registry import get_spec
from dragoman.pipeline.runner import PipelineError
from dragoman.store.roles import CorpusTables, RawInputs, Revisions

__all__ = ["MAX_ROUNDS", "CorpusStore", "build_corpus_passes", "settle"]

# Re-extraction never changes what a pass counts (an article's text does not depend on the layers
# a pass gives), so one round settles the built-in pass; more than a few means a pass is unstable.
MAX_ROUNDS = 5

Todo = dict[str, dict[str, Any]]


@runtime_checkable
class CorpusStore(RawInputs, Revisions, CorpusTables, Protocol):
    """What corpus passes need of a store: inputs to extract again, revisions, corpus tables."""


def build_corpus_passes(cfg: PipelineConfig) -> list[CorpusPass]:
    """The config's passes, checked against its stages like stages against each other.

    A pass must find the article layers it reads among those the stages
    provide, and some stage must use (or require) every layer it gives.
    """
    passes: list[CorpusPass] = []
    problems: list[str] = []
    specs = [get_spec(cfg.stages[name].factory) for name in cfg.pipeline.stages]
    provided = {"raw"}.union(*(s.provides for s in specs))
    used = set().union(*(s.requires | s.uses for s in specs))
    for name in cfg.pipeline.corpus:
        entry = cfg.corpus[name]
        p = make_corpus_pass(entry.factory, cfg.corpus_settings(name))
        missing = sorted(set(p.requires) - provided)
        if missing:
            problems.append(f"corpus pass {p.name!r} requires {', '.join(missing)}, which no stage provides")
        unused = sorted(set(p.gives) - used)
        if unused:
            problems.append(f"corpus pass {p.name!r} gives {', '.join(unused)}, which no stage uses")
        passes.append(p)
    if problems:
        raise PipelineError("corpus passes do not line up:\n  - " + "\n  - ".join(problems))
    return passes


def settle(
    store: CorpusStore,
    passes: list[CorpusPass],
    candidates: set[str],
    reextract: Callable[[Todo], list[Article]],
) -> int:
    """Extract again every stale article among ``candidates`` (and those that makes stale); how many."""
    done = 0
    for _ in range(MAX_ROUNDS):
        todo: Todo = {}
        for p in passes:
            for article_id, layers in p.stale(store, candidates).items():
                todo.setdefault(article_id, {}).update(layers)
        if not todo:
            return done
        revised = reextract(todo)
        done += len(revised)
        candidates = set()
        for p in passes:
            candidates |= p.update(store, revised)
    raise RuntimeError(f"corpus passes did not settle in {MAX_ROUNDS} rounds: {sorted(todo)[:5]} stay stale")
