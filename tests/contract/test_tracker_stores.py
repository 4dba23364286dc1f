"""The tracker pass on SQLite and PostgreSQL gives what it gives in memory, removals included."""

from __future__ import annotations

from datetime import date

from builders import Builder, span
from dragoman.corpus.tracker import TABLE, Tracker, tracker_report
from dragoman.model import Article, EntityType, EventStatus
from dragoman.store import Store
from dragoman.store.memory import MemoryStore
from dragoman.text.tokenize import sentence_spans


def _article(text: str, when: date, trigger: str, status: EventStatus) -> Article:
    b = Builder(text, "en", outlet="Example Ledger", published=when)
    b.a.sentences = sentence_spans(text)
    om = b.mention("Oman", "country:OM", etype=EntityType.GPE)
    aa = b.mention("Abraham Accords", "agreement:abraham-accords", etype=EntityType.AGREEMENT)
    b.event(trigger, "ACCEDE", status, [om], [aa])
    b.a.events[-1].evidence = [span(text, text.rstrip("."))]
    return b.done()


def _corpus() -> list[Article]:
    return [
        _article("Officials are discussing Oman's joining the Abraham Accords.", date(2025, 3, 1), "joining",
                 EventStatus.TALKS),
        _article("Oman joined the Abraham Accords on Monday.", date(2025, 6, 2), "joined", EventStatus.OCCURRED),
    ]


def test_tracker_pass_on_each_store(store: Store) -> None:
    corpus = _corpus()
    reference = MemoryStore()
    for a in corpus:
        reference.put_article(a)
        store.put_article(a)
    Tracker().update(store, corpus)
    assert store.corpus_rows(TABLE, article_ids=[corpus[0].id])  # type: ignore[attr-defined]
    rows = tracker_report(store)
    assert rows == tracker_report(reference)
    oman = next(r for r in rows if r["state"]["id"] == "country:OM")
    assert (oman["status"], oman["since"]) == ("joined", "2025-06-02")
    Tracker().update(store, [], [corpus[1].id])
    store.delete_article(corpus[1].id)
    reference.delete_article(corpus[1].id)
    assert tracker_report(store) == tracker_report(reference)
    assert next(r for r in tracker_report(store) if r["state"]["id"] == "country:OM")["status"] == "talks"
