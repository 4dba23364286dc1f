"""A process-pool executor: batches run in worker processes on this machine.

Batches are submitted lazily, at most ``max_in_flight`` at a time, so a
corpus of any size streams through with flat memory: the input iterator is
only advanced when a slot frees up.  Workers end with the process that made
the pool, even when it is killed (``dragoman.exec.lifeline``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import TypeVar

from dragoman.exec.lifeline import tie_to
from dragoman.exec.window import InFlight

T = TypeVar("T")
R = TypeVar("R")


def _default_context() -> str:
    # "fork" copies whatever threads the parent holds (a progress bar, a Dask client) and can
    # deadlock; forkserver starts clean children cheaply where it exists, spawn everywhere else.
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class PoolExecutor:
    """Runs batches on a ``concurrent.futures`` process pool of ``workers`` processes."""

    name = "pool"

    def __init__(
        self,
        workers: int | None = None,
        *,
        max_in_flight: int | None = None,
        start_method: str | None = None,
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.window = InFlight(max_in_flight or 2 * self.workers)
        ctx = multiprocessing.get_context(start_method or _default_context())
        # Each worker ends when this process does, however it ends (see dragoman.exec.lifeline).
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=tie_to, initargs=(os.getpid(),)
        )

    @property
    def peak_in_flight(self) -> int:
        return self.window.peak

    def map_batches(self, fn: Callable[[list[T]], list[R]], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        if self._pool is None:
            raise RuntimeError("executor is closed")
        pool = self._pool
        pending: set[Future[list[R]]] = set()
        source = iter(batches)
        exhausted = False
        try:
            while True:
                while not exhausted and self.window.has_room(len(pending)):
                    batch = next(source, None)
                    if batch is None:
                        exhausted = True
                        break
                    pending.add(pool.submit(fn, batch))
                    self.window.note(len(pending))
                if not pending:
                    return
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield fut.result()  # a worker's exception (or its death) surfaces here
        finally:
            # The consumer stopped early or something failed: don't leave work queued behind us.
            for fut in pending:
                fut.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> PoolExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
