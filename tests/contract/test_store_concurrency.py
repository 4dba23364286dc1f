"""Several processes ingesting overlapping articles into one store lose nothing and duplicate nothing.

Uniqueness is the database's job (a unique article id, ON CONFLICT DO
NOTHING), not a check-then-insert in Python, so this must hold even when
every process migrates the fresh store and writes at the same moment.
"""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing.synchronize import Barrier

from store_articles import english_article, open_url

from dragoman.pipeline.runner import ErrorRecord

WORKERS = 4
PER_WORKER = 12
STRIDE = 5  # worker k takes articles k*STRIDE .. k*STRIDE+PER_WORKER-1: neighbours overlap
TOTAL = (WORKERS - 1) * STRIDE + PER_WORKER


def _ingest(url: str, worker: int, barrier: Barrier, results: mp.Queue[tuple[int, int, int]]) -> None:
    store = open_url(url)
    try:
        barrier.wait(timeout=60)
        store.migrate()  # every worker migrates the same fresh store at once
        stored = errors = 0
        for n in range(worker * STRIDE, worker * STRIDE + PER_WORKER):
            stored += store.put_article(english_article(n), pipeline=f"worker-{worker}")
            errors += store.put_error(ErrorRecord(f"bad{n}", f"in/{n}", None, "read", "DecodeError", "x"))
        results.put((worker, stored, errors))
    finally:
        store.close()


def test_concurrent_ingest_loses_and_duplicates_nothing(store_url: str) -> None:
    ctx = mp.get_context("fork")
    barrier = ctx.Barrier(WORKERS)
    results: mp.Queue[tuple[int, int, int]] = ctx.Queue()
    procs = [ctx.Process(target=_ingest, args=(store_url, k, barrier, results)) for k in range(WORKERS)]
    for p in procs:
        p.start()
    outcome = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0

    # each article and each error was stored by exactly one worker
    assert sum(stored for _, stored, _ in outcome) == TOTAL
    assert sum(errors for _, _, errors in outcome) == TOTAL

    store = open_url(store_url)
    try:
        assert store.count_articles() == TOTAL
        assert sorted(a.source.path or "" for a in store.iter_articles()) == sorted(
            f"en/{n}.txt" for n in range(TOTAL)
        )
        assert len(list(store.iter_errors())) == TOTAL
        az = {row.id: row for row in store.entity_table()}["country:AZ"]
        assert (az.articles, az.mentions) == (TOTAL, TOTAL)  # derived rows written once per article
        assert len(store.search("baku", limit=100)) == TOTAL
    finally:
        store.close()


def test_threads_sharing_one_store(store_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    store = open_url(store_url)
    store.migrate()
    try:

        def put_range(worker: int) -> int:
            return sum(
                store.put_article(english_article(n))
                for n in range(worker * STRIDE, worker * STRIDE + PER_WORKER)
            )

        with ThreadPoolExecutor(WORKERS) as pool:
            stored = sum(pool.map(put_range, range(WORKERS)))
        assert stored == TOTAL
        assert store.count_articles() == TOTAL
        assert len(store.mentions(entity_id="country:AZ")) == TOTAL
    finally:
        store.close()
