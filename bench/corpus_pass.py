"""What the corpus-pass benches share: the stores to measure on and the 1x/4x/16x loop.

``bench/picture.py`` and ``bench/tracker.py`` each generate their own corpus
and time their own pass (``measure(open_store, n) -> (pass ms, read ms,
count)``); this module opens a fresh SQLite store (and a throwaway PostgreSQL
cluster, the contract suite's) per measurement, runs the sizes, prints a row
per size and the ``key=value`` summary line ``bench/run.py`` reads.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
Measure = Callable[[Callable[[], Any], int], tuple[float, float, int]]


@contextlib.contextmanager
def postgres() -> Iterator[Callable[[], Any] | str]:
    """A throwaway PostgreSQL cluster (the test suite's), or why there is none."""
    sys.path.insert(0, str(REPO / "tests" / "contract"))
    try:
        import conftest  # the contract suite's cluster helpers
    except ImportError as exc:
        yield f"cannot load the cluster helpers: {exc}"
        return
    base = Path(tempfile.mkdtemp(prefix="dragoman-pg-", dir="/tmp"))
    try:
        cluster = conftest._start_cluster(base)
    except BaseException as exc:  # noqa: BLE001 - pytest.skip raises a BaseException when binaries are missing
        yield f"no PostgreSQL: {exc}".splitlines()[0]
        return
    try:
        from dragoman.store.postgres import PostgresStore

        def opener() -> Any:
            s = PostgresStore(cluster.new_database())
            s.migrate()
            return s

        yield opener
    finally:
        cluster.stop()


def run(
    name: str, doc: str | None, argv: list[str] | None, measure: Measure, *, title: str, read_label: str,
    count_label: str,
) -> int:
    """Parse ``--unit``/``--no-postgres``, warm up on SQLite, then time each store at 1x, 4x, 16x."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0] if doc else None)
    ap.add_argument("--unit", type=int, default=100, help="articles at 1x")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args(argv)
    from dragoman.store.sqlite import SQLiteStore

    tmp = Path(tempfile.mkdtemp(prefix="dragoman-bench-"))
    counter = iter(range(1000))

    def sqlite() -> Any:
        s = SQLiteStore(tmp / f"{name}{next(counter)}.db")
        s.migrate()
        return s

    backends: list[tuple[str, Any]] = [("sqlite", sqlite)]
    with contextlib.ExitStack() as stack:
        if not args.no_postgres:
            backends.append(("postgres", stack.enter_context(postgres())))
        summary: dict[str, float] = {}
        measure(sqlite, 16)  # warm-up: imports and first uses are not the pass's cost per article
        print(f"{title}; 1x = {args.unit}), ms per article:")
        for store_name, opener in backends:
            if isinstance(opener, str):
                print(f"  {store_name}: skipped, {opener}")
                continue
            for mult in (1, 4, 16):
                n = args.unit * mult
                pass_ms, read_ms, count = measure(opener, n)
                print(f"  {store_name:<8} {mult:>2}x {n:>5} articles: pass {pass_ms:6.2f} ms/article, "
                      f"{read_label} {read_ms:5.2f} ms/article, {count} {count_label}")
                summary[f"{name}_pass_ms_{store_name}_{mult}x"] = round(pass_ms, 2)
        print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0
