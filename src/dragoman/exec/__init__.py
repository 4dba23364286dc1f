"""Executors behind one small interface: in-process, a process pool, or Dask."""

from __future__ import annotations

from dragoman.exec.base import Executor, LocalExecutor

EXECUTORS = ("local", "pool", "dask")


def get_executor(name: str, workers: int = 1, address: str | None = None) -> Executor:
    """The executor called ``name`` (``local``, ``pool``, ``dask``, or a plugin's).

    ``workers`` is the number of worker processes for ``pool`` and for the
    Dask LocalCluster; ``address`` is a Dask scheduler (``tcp://host:8786``)
    and only makes sense with ``dask``.
    """
    from dragoman.plugins import PluginError, registry

    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if address is not None and name != "dask":
        raise ValueError(f"a scheduler address only applies to the dask executor, not {name!r}")
    try:
        factory = registry().get("executor", name).obj
    except PluginError:
        known = sorted(k for p in registry().all("executor").values() for k in p.keys)
        raise ValueError(f"unknown executor {name!r}; choose one of: {', '.join(known)}") from None
    executor: Executor = factory(workers, address)
    return executor


__all__ = ["EXECUTORS", "Executor", "LocalExecutor", "get_executor"]
