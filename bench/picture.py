"""Corpus-pass time per article for the picture pass at 1x, 4x and 16x corpus size (a figure, not a test).

    python bench/picture.py [--unit N] [--no-postgres]

``make bench`` runs it after the pipeline figures.  The corpus is generated
articles (digests only, no pipeline): each has a body of words, five to ten
participants from a pool of 60, three events of a few families, and a
publication date; a larger corpus covers proportionally more weeks, so it is
as dense around each article as a smaller one, as a growing news archive is.
The figure is the pass's ``update`` time (digest, keys, blocking lookups,
links, mirrored links) per article, articles added in batches of 16 to a
fresh store; a flat figure across sizes means blocking keeps a new
article's cost independent of corpus size.  The time to read the whole
picture back (``read_picture``) is printed beside it, per article.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
PER_WEEK = 6  # articles per week: the density every size keeps (1x already spans the blocking windows)
WORDS = [f"w{i}" for i in range(3000)]
FAMILIES = ["CONSULT", "COOPERATE", "ACCEDE", "ACCUSE", "AGREE", "SANCTION"]


def generated(n: int, seed: int = 7) -> list[Any]:
    from dragoman.model import (
        Article,
        Entity,
        EntityType,
        Event,
        EventStatus,
        Granularity,
        Source,
        Span,
        TimeExpr,
    )
    from dragoman.model.ids import assign_event_ids

    rng = random.Random(seed)
    start = date(2024, 1, 1)
    weeks = max(1, n // PER_WEEK)
    out = []
    for i in range(n):
        words = rng.choices(WORDS, k=300)
        text = " ".join(words) + f" {i}"
        published = start + timedelta(days=rng.randrange(weeks * 7))
        a = Article.from_text(text, Source(outlet=f"outlet{i % 12}", published=published, path=f"gen/{i}.txt"))
        a.language = rng.choice(["ar", "he", "en"])
        ids = rng.sample(range(60), rng.randint(5, 10))
        for j, k in enumerate(ids):
            a.entities.append(Entity(f"country:X{k}", f"State {k}", EntityType.GPE, f"Q{1000 + k}", []))
            del j
        for j in range(3):
            actor, recipient = rng.sample(ids, 2)
            when = published - timedelta(days=rng.randrange(20))
            t = TimeExpr(Span(0, 1), when.isoformat(), Granularity.DAY)
            a.events.append(Event("", rng.choice(FAMILIES), None, rng.choice(list(EventStatus)),
                                  [f"country:X{actor}"], [f"country:X{recipient}"], [Span(j * 10, j * 10 + 9)],
                                  date=t, trigger=Span(j * 10, j * 10 + 3)))
        assign_event_ids(a.id, a.events)
        out.append(a)
    return out


def measure(open_store: Callable[[], Any], n: int) -> tuple[float, float, int]:
    """(pass ms per article, read ms per article, merged events) for ``n`` generated articles."""
    from dragoman.corpus.picture import PicturePass, read_picture

    arts = generated(n)
    store = open_store()
    try:
        p = PicturePass()
        t0 = time.perf_counter()
        for i in range(0, n, 16):
            p.update(store, arts[i : i + 16])
        pass_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        pic = read_picture(store)
        read_s = time.perf_counter() - t1
    finally:
        store.close()
    return 1000 * pass_s / n, 1000 * read_s / n, len(pic.events)


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--unit", type=int, default=100, help="articles at 1x")
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args(argv)
    from dragoman.store.sqlite import SQLiteStore

    tmp = Path(tempfile.mkdtemp(prefix="dragoman-bench-"))
    counter = iter(range(1000))

    def sqlite() -> Any:
        s = SQLiteStore(tmp / f"picture{next(counter)}.db")
        s.migrate()
        return s

    backends: list[tuple[str, Any]] = [("sqlite", sqlite)]
    with contextlib.ExitStack() as stack:
        if not args.no_postgres:
            pg = stack.enter_context(postgres())
            backends.append(("postgres", pg))
        summary: dict[str, float] = {}
        measure(sqlite, 16)  # warm-up: imports and first uses are not the pass's cost per article
        print(f"picture pass (generated articles, {PER_WEEK} a week; 1x = {args.unit}), ms per article:")
        for name, opener in backends:
            if isinstance(opener, str):
                print(f"  {name}: skipped, {opener}")
                continue
            for mult in (1, 4, 16):
                n = args.unit * mult
                pass_ms, read_ms, merged = measure(opener, n)
                print(f"  {name:<8} {mult:>2}x {n:>5} articles: pass {pass_ms:6.2f} ms/article, "
                      f"read back {read_ms:5.2f} ms/article, {merged} merged events")
                summary[f"picture_pass_ms_{name}_{mult}x"] = round(pass_ms, 2)
        print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
