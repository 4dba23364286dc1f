"""The tracker pass: incremental equals batch, order does not matter, removals and re-extractions replace."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.corpus import corpus_passes, make_corpus_pass
from dragoman.corpus.tracker import TABLE, Tracker, tracker_report
from dragoman.model import Article
from dragoman.store.memory import MemoryStore


def _fresh(corpus: list[Article]) -> list[Article]:
    return list(corpus)  # a new list: shuffling must not reorder the fixture


def _incremental(articles: list[Article], chunks: list[int]) -> MemoryStore:
    store = MemoryStore()
    p = Tracker()
    i = 0
    for n in chunks:
        batch = articles[i : i + n]
        i += n
        for a in batch:
            store.put_article(a)
        assert p.update(store, batch) == set()  # gives no layer: nothing is ever stale
    rest = articles[i:]
    for a in rest:
        store.put_article(a)
    p.update(store, rest)
    return store


def _json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, sort_keys=True)


def test_registered_and_built_from_config() -> None:
    assert "dragoman.Tracker.v1" in corpus_passes()
    p = make_corpus_pass("dragoman.Tracker.v1")
    assert p.provides == frozenset({TABLE}) and p.gives == frozenset()


def test_pass_rows_equal_reading_the_articles_now(corpus: list[Article]) -> None:
    with_rows = _incremental(corpus, [len(corpus)])
    plain = MemoryStore()
    for a in corpus:
        plain.put_article(a)
    assert with_rows.corpus_rows(TABLE)
    assert _json(tracker_report(with_rows)) == _json(tracker_report(plain))


# The fixture's articles are only read, never changed, so sharing them across examples is safe.
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), cuts=st.lists(st.integers(1, 3), max_size=6))
def test_incremental_in_any_order_equals_batch(corpus: list[Article], seed: int, cuts: list[int]) -> None:
    batch = _json(tracker_report(_incremental(_fresh(corpus), [len(corpus)])))
    shuffled = _fresh(corpus)
    random.Random(seed).shuffle(shuffled)
    assert _json(tracker_report(_incremental(shuffled, cuts))) == batch


def test_removed_articles_are_forgotten(corpus: list[Article]) -> None:
    store = _incremental(corpus, [len(corpus)])
    gone = next(a for a in corpus if a.language == "he")
    Tracker().update(store, [], [gone.id])
    store.delete_article(gone.id)
    assert not store.corpus_rows(TABLE, article_ids=[gone.id])
    without = [a for a in corpus if a.id != gone.id]
    assert _json(tracker_report(store)) == _json(tracker_report(_incremental(without, [len(without)])))


def test_a_new_revision_replaces_what_the_article_said(corpus: list[Article]) -> None:
    store = _incremental(corpus, [len(corpus)])
    before = _json(tracker_report(store))
    Tracker().update(store, corpus)  # the same articles again (a re-extraction): nothing doubles
    assert _json(tracker_report(store)) == before


def test_rows_of_another_data_version_are_read_again(corpus: list[Article]) -> None:
    store = _incremental(corpus, [len(corpus)])
    expected = _json(tracker_report(store))
    for a in corpus:  # as an older tracker would have left them: marked with another version, no observations
        store.corpus_replace(TABLE, a.id, [("", "", {"version": "old", "path": None, "published": None})])
    assert _json(tracker_report(store)) == expected


def test_ingest_with_the_shipped_pipeline_records_rows(tmp_path: Path) -> None:
    from dragoman.api import ingest

    doc = tmp_path / "note.txt"
    doc.write_text("Officials said talks on Azerbaijan joining the Abraham Accords continue.\n", "utf-8")
    store = MemoryStore()
    ingest([doc], store=store)
    (article,) = list(store.iter_articles())
    rows = store.corpus_rows(TABLE, article_ids=[article.id])
    assert rows and rows[0].group == ""
    from importlib import resources

    schema = json.loads(resources.files("dragoman.schema").joinpath("tracker-v1.schema.json").read_text("utf-8"))
    report = tracker_report(store)
    jsonschema.validate(report, schema)
    assert any(r["state"]["id"] == "country:AZ" and r["status"] != "mentioned" for r in report)
