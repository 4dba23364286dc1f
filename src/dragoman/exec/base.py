"""How batches of articles are processed: in this process, a pool, or Dask.

An executor maps a picklable function over batches and yields each
batch's results.  Workers build their pipeline once (from the config
text they are given) and exchange Article JSON, so results are identical
whichever executor runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar, runtime_checkable

T = TypeVar("T")
R = TypeVar("R")


@runtime_checkable
class Executor(Protocol):
    name: str

    def map_batches(self, fn: Callable[[list[T]], list[R]], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        """Apply ``fn`` to every batch, yielding results as they complete (order not guaranteed)."""

    def close(self) -> None: ...


class LocalExecutor:
    """Runs every batch in the calling process, in order. The default."""

    name = "local"

    def map_batches(self, fn: Callable[[list[T]], list[R]], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        for batch in batches:
            yield fn(batch)

    def close(self) -> None:
        return None
