"""The built-in executors, registered like any plugin executor: by versioned name and the word people type."""

from __future__ import annotations

from dragoman.exec.base import Executor, LocalExecutor
from dragoman.plugins import Registry


def _local(workers: int, address: str | None) -> Executor:
    return LocalExecutor()


def _pool(workers: int, address: str | None) -> Executor:
    from dragoman.exec.pool import PoolExecutor

    return PoolExecutor(workers)


def _dask(workers: int, address: str | None) -> Executor:
    from dragoman.exec.dask import DaskExecutor

    return DaskExecutor(workers, address=address)


def register(registry: Registry) -> None:
    registry.add("executor", "dragoman.LocalExecutor.v1", _local, keys=("local",), doc="every batch in this process")
    registry.add("executor", "dragoman.PoolExecutor.v1", _pool, keys=("pool",), doc="a process pool on this machine")
    registry.add(
        "executor", "dragoman.DaskExecutor.v1", _dask, keys=("dask",), doc="a Dask LocalCluster or a scheduler address"
    )
