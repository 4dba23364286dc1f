"""Corpus-pass time per article for the accession tracker at 1x, 4x and 16x corpus size (a figure, not a test).

    python bench/tracker.py [--unit N] [--no-postgres]

``make bench`` runs it after the picture pass's figures.  The corpus is
generated English articles (no pipeline): each has twenty sentences of
filler words; half of them also name the Abraham Accords, with states
(from a pool of 40) in talks, listed beside a candidate, or under a
precondition, with the accession events, mentions and entities the
pipeline would leave.  The figure is the pass's ``update`` time (reading
each article, writing its rows) per article, articles added in batches of
16 to a fresh store; a flat figure across sizes means an article's cost
does not grow with the corpus.  The time to build the whole tracker from
the stored rows (``tracker_report``) is printed beside it, per article.
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
WORDS = [f"w{i}" for i in range(3000)]
AA = "agreement:abraham-accords"


class _Writer:
    """Text written piece by piece, remembering where each named entity went."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.names: list[tuple[int, int, str, Any]] = []  # start, end, entity id, EntityType
        self.length = 0

    def say(self, piece: str, entity: str | None = None, etype: Any = None) -> int:
        from dragoman.model import EntityType

        at = self.length
        self.parts.append(piece)
        self.length += len(piece)
        if entity is not None:
            self.names.append((at, at + len(piece), entity, etype or EntityType.GPE))
        return at


def generated(n: int, seed: int = 11) -> list[Any]:
    from dragoman.model import Article, Entity, EntityType, Event, EventStatus, Mention, Source, Span
    from dragoman.model.ids import assign_event_ids, assign_mention_ids
    from dragoman.text.tokenize import sentence_spans

    rng = random.Random(seed)
    start = date(2024, 1, 1)
    out = []
    for i in range(n):
        w = _Writer()
        say, parts, names = w.say, w.parts, w.names
        accessions: list[tuple[int, int, int, int]] = []  # trigger start/end, clause start/end
        filler = [" ".join(rng.choices(WORDS, k=rng.randint(12, 25))).capitalize() + ". " for _ in range(20)]
        about = i % 2 == 0
        for k, sentence in enumerate(filler):
            say(sentence)
            if about and k in (3, 9):
                a, b, c = (f"State {x}" for x in rng.sample(range(40), 3))
                first = say(a, f"country:X{a.split()[1]}")
                say(" is in talks to join the ")
                trig = first + len(a) + len(" is in talks to ")
                say("Abraham Accords", AA, EntityType.AGREEMENT)
                say(" only if a peace agreement with ")
                say(b, f"country:X{b.split()[1]}")
                end = w.length
                say(" is signed. The envoy also named ")
                say(a, f"country:X{a.split()[1]}")
                say(", ")
                say(c, f"country:X{c.split()[1]}")
                say(" and ")
                say(b, f"country:X{b.split()[1]}")
                say(". ")
                accessions.append((trig, trig + 4, first, end))
        text = "".join(parts)
        published = start + timedelta(days=rng.randrange(365))
        art = Article.from_text(text, Source(outlet=f"outlet{i % 12}", published=published, path=f"gen/{i}.txt"))
        art.language = "en"
        art.sentences = sentence_spans(text)
        by_id: dict[str, Entity] = {}
        for s, e, kb_id, etype in names:
            art.mentions.append(Mention(Span(s, e), etype, kb_id=kb_id))
            ent = by_id.setdefault(kb_id, Entity(kb_id, text[s:e], etype, None, []))
            ent.mentions.append(len(art.mentions) - 1)
        art.entities = list(by_id.values())
        for ts, te, cs, ce in accessions:
            actor = next(k for s, _, k, _ in names if s == cs)
            art.events.append(Event("", "ACCEDE", None, EventStatus.TALKS, [actor], [AA], [Span(cs, ce)],
                                    trigger=Span(ts, te)))
        assign_mention_ids(art)
        assign_event_ids(art.id, art.events)
        art.provided |= {"language", "sentences", "mentions", "entities", "events", "claims", "quotes"}
        out.append(art)
    return out


def measure(open_store: Callable[[], Any], n: int) -> tuple[float, float, int]:
    """(pass ms per article, report ms per article, tracker rows) for ``n`` generated articles."""
    from dragoman.corpus.tracker import Tracker, tracker_report

    arts = generated(n)
    store = open_store()
    try:
        for a in arts:
            store.put_article(a)
        p = Tracker()
        t0 = time.perf_counter()
        for i in range(0, n, 16):
            p.update(store, arts[i : i + 16])
        pass_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        rows = tracker_report(store)
        read_s = time.perf_counter() - t1
    finally:
        store.close()
    return 1000 * pass_s / n, 1000 * read_s / n, len(rows)


def main(argv: list[str] | None = None) -> int:
    return run("tracker", __doc__, argv, measure, title="tracker pass (generated articles, half naming an agreement",
               read_label="report", count_label="tracker rows")


if __name__ == "__main__":
    sys.exit(main())
