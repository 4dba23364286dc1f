"""A Dask executor: batches run on a ``dask.distributed`` cluster.

By default it starts a ``LocalCluster`` of single-threaded worker
processes on this machine (the pipeline is CPU-bound Python, so threads
would only share one GIL); give a scheduler address to use a real cluster
whose workers have dragoman installed.  Like the pool executor it keeps a
bounded window of batches in flight, so the corpus is streamed, never
scattered to the cluster all at once.

A LocalCluster's worker processes die with this process without help:
distributed's nanny hands each one a pipe whose end it keeps, and the worker
exits the moment that pipe closes (``distributed.process.AsyncProcess``),
which killing this process does (tests/contract/test_orphans.py).  Workers
of a scheduler given by address are not ours to tie to anything.
"""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from dragoman.exec.window import InFlight

T = TypeVar("T")
R = TypeVar("R")


def _import(name: str) -> None:
    importlib.import_module(name)


def _function_modules(fn: Callable[..., Any]) -> set[str]:
    """Modules a worker must import to unpickle ``fn`` (a function or a ``functools.partial`` of one)."""
    while isinstance(fn, functools.partial):
        fn = fn.func
    name = getattr(fn, "__module__", None)
    return {name} if name and name not in {"builtins", "__main__"} else set()


class DaskExecutor:
    """Runs batches on Dask workers: a LocalCluster of ``workers`` processes, or ``address``."""

    name = "dask"

    def __init__(
        self,
        workers: int = 1,
        *,
        address: str | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # an optional extra: say how to get it
            raise ImportError("the dask executor needs dask[distributed]: pip install 'dragoman[scale]'") from exc

        self._cluster: Any = None
        if address is None:
            self._cluster = LocalCluster(
                n_workers=max(1, workers),
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",  # a local cluster listens on loopback only
                dashboard_address=None,  # no dashboard for a batch job...
                # ...and its small HTTP server on any free port, not 8787, which may well be taken.
                scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.ERROR,
            )
            self._client: Any = Client(self._cluster)
        else:
            self._client = Client(address)
        # Slots are worker threads: a remote cluster's workers may run several batches at once.
        slots = sum(self._client.nthreads().values()) or max(1, workers)
        self.workers = slots
        self.window = InFlight(max_in_flight or 2 * slots)

    @property
    def peak_in_flight(self) -> int:
        return self.window.peak

    def map_batches(self, fn: Callable[[list[T]], list[R]], batches: Iterable[list[T]]) -> Iterator[list[R]]:
        from distributed import as_completed

        if self._client is None:
            raise RuntimeError("executor is closed")
        client = self._client
        # A task whose function a worker cannot import kills that worker's connection and the
        # result never comes: check up front and fail with a message instead of waiting forever.
        for module in _function_modules(fn):
            try:
                client.run(_import, module)
            except ImportError as exc:
                raise ImportError(f"Dask workers cannot import {module!r}, where the batch function lives: {exc}") from exc
        source = iter(batches)
        pending = 0
        done_feed = False
        # pure=False: batches are distinct work even when equal, and hashing Articles for a key is waste.
        ready = as_completed()

        def refill() -> None:
            nonlocal pending, done_feed
            while not done_feed and self.window.has_room(pending):
                batch = next(source, None)
                if batch is None:
                    done_feed = True
                    return
                ready.add(client.submit(fn, batch, pure=False))
                pending += 1
                self.window.note(pending)

        refill()
        if pending == 0:
            return
        try:
            for fut in ready:
                result: list[R] = fut.result()  # a worker's exception is re-raised here
                fut.release()  # free the result on the worker now, not when the future is collected
                pending -= 1
                refill()
                yield result
        finally:
            for fut in list(ready.futures):
                fut.cancel()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
