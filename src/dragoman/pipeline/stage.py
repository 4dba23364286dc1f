"""The contract every stage honours.

A stage turns an ``Article`` into an ``Article`` and says up front which
layers it needs (``requires``) and which it fills (``provides``), so a
pipeline that cannot work is refused when it is built, not half-way
through a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Protocol, runtime_checkable

from dragoman.model import Article
from dragoman.pipeline.layers import CORE_LAYERS

# The core layer names (fields of Article); extension layers are declared in
# dragoman.pipeline.layers, and a stage may name any registered layer.
LAYERS: frozenset[str] = CORE_LAYERS


class StageError(Exception):
    """A stage could not process one article; the runner records it and goes on."""

    def __init__(self, stage: str, message: str, *, kind: str = "stage_error") -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.kind = kind
        self.message = message


class InputError(StageError):
    """The input itself is unusable (binary, empty, unsupported language...)."""

    def __init__(self, stage: str, message: str, *, kind: str) -> None:
        super().__init__(stage, message, kind=kind)


@runtime_checkable
class Stage(Protocol):
    name: str
    requires: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]
    # Optional: ``uses`` names layers the stage reads when they are there (an HTML page's
    # body lines) without needing them; a pipeline that provides one only after the stage
    # is refused like a missing requirement.

    def __call__(self, article: Article) -> Article: ...

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]: ...


# Optional hook, not part of the Protocol: ``versions(article) -> dict[str, str]``
# names the models and data the stage used on that article (``{"ner.ar": "crf:3f2a..."}``);
# the runner records them in ``Article.provenance.pipeline.models``.
#
# Optional hook, not part of the Protocol: a stage may define
# ``observe(articles: list[Article]) -> None``; the runner calls it with a
# whole batch before running the stage on each article, so corpus-level
# signals (e.g. lines an outlet repeats on every page) are available early.


class BaseStage:
    """Convenience base: ``pipe`` maps ``__call__``; override for real batching."""

    name: str = "stage"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()
    uses: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, settings: Any = None) -> None:
        self.settings = settings

    def __call__(self, article: Article) -> Article:  # pragma: no cover - abstract
        raise NotImplementedError  # Protocol-style abstract method

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self(article)
