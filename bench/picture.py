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

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from corpus_pass import run  # bench/ is the script's folder, first on sys.path

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


def main(argv: list[str] | None = None) -> int:
    return run("picture", __doc__, argv, measure, title=f"picture pass (generated articles, {PER_WEEK} a week",
               read_label="read back", count_label="merged events")


if __name__ == "__main__":
    sys.exit(main())
