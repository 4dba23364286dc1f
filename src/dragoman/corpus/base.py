"""What a corpus pass is: a declared step over the store, with requires, provides and gives.

A stage sees one article; a corpus pass sees the store.  It reads article
layers (``requires``), keeps its own corpus tables (``provides``), and may
give articles layers that the pipeline's stages use (``gives``): knowledge
only the corpus has, such as the lines an outlet repeats on every page.
Given layers are how the corpus reaches an article, never batch state, so
what an article ends up with depends on the corpus, not on the order or
the batches it was ingested in.

A pass is incremental: ``update`` records what newly stored (or removed)
articles contribute and names the articles whose given layers that may
have changed; ``stale`` says, from the tables as they are now, which of
those must be extracted again and with what.  The runner
(``dragoman.corpus.runner.settle``) repeats the two until nothing is stale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from dragoman.model import Article
from dragoman.plugins import REGISTRY
from dragoman.plugins import registry as plugin_registry

__all__ = [
    "CorpusPass",
    "CorpusPassSettings",
    "CorpusPassSpec",
    "corpus_passes",
    "make_corpus_pass",
    "register_corpus_pass",
]


class CorpusPassSettings(BaseModel):
    """Base for every pass's settings: unknown keys are an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@runtime_checkable
class CorpusPass(Protocol):
    name: str
    requires: ClassVar[frozenset[str]]  # article layers it reads
    provides: ClassVar[frozenset[str]]  # corpus tables it writes
    gives: ClassVar[frozenset[str]]  # article layers it gives the pipeline

    def prime(self, store: Any, articles: Sequence[Article]) -> None:
        """Before extraction: give ``articles`` the layers as the corpus knows them now (may be incomplete)."""

    def update(self, store: Any, stored: Sequence[Article], removed: Sequence[str] = ()) -> set[str]:
        """Record what ``stored`` contribute (replacing what they did before) and forget ``removed``;
        the ids of articles whose given layers this may have changed."""

    def stale(self, store: Any, article_ids: set[str]) -> dict[str, dict[str, Any]]:
        """Of ``article_ids``, those whose given layers differ from what the corpus says now,
        with the layers to give them when they are extracted again."""


@dataclass(frozen=True)
class CorpusPassSpec:
    name: str
    factory: Callable[..., CorpusPass]
    settings: type[CorpusPassSettings]
    requires: frozenset[str]
    provides: frozenset[str]
    gives: frozenset[str]
    doc: str


def register_corpus_pass(
    name: str, *, settings: type[CorpusPassSettings] = CorpusPassSettings
) -> Callable[[type[Any]], type[Any]]:
    """Class decorator registering a corpus pass under a versioned name (in ``dragoman.plugins``)."""

    def wrap(cls: type[Any]) -> type[Any]:
        from dragoman.pipeline.layers import layers

        unknown = (set(cls.requires) | set(cls.gives)) - set(layers())
        if unknown:
            raise ValueError(f"corpus pass {name!r} names unknown layers: {sorted(unknown)}")
        cls.name = name
        spec = CorpusPassSpec(
            name, cls, settings, frozenset(cls.requires), frozenset(cls.provides), frozenset(cls.gives),
            (cls.__doc__ or "").strip(),
        )
        REGISTRY.add("corpus_pass", name, spec, doc=spec.doc, origin=cls.__module__)
        return cls

    return wrap


def corpus_passes() -> dict[str, CorpusPassSpec]:
    return {name: p.obj for name, p in plugin_registry().all("corpus_pass").items()}


def make_corpus_pass(name: str, config: dict[str, Any] | None = None) -> CorpusPass:
    spec = plugin_registry().get("corpus_pass", name).obj
    instance: CorpusPass = spec.factory(spec.settings(**(config or {})))
    return instance
