"""The store's roles, one contract run on the in-memory store, SQLite and a live PostgreSQL.

Raw inputs (re-extraction from the store alone equals the original),
revisions, corpus tables and corrections; the query role's own suite is
test_queries_contract.py, which runs on the same stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_articles import arabic_article

from builders import query_corpus
from dragoman.api import ingest, load_pipeline
from dragoman.model import EventStatus
from dragoman.store.memory import MemoryStore
from dragoman.store.queries import EventQuery, Queries
from dragoman.store.roles import CorpusTables, Corrections, RawInputs, Revisions

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path, open_store_at: Callable[[str], object]) -> Iterator[object]:
    if request.param == "memory":
        yield MemoryStore()
        return
    if request.param == "sqlite":
        url = str(tmp_path / "roles.db")
    else:
        pytest.importorskip("psycopg", reason="psycopg (the 'postgres' extra) is not installed")
        url = request.getfixturevalue("pg_cluster").new_database()
    s = open_store_at(url)
    s.migrate()  # type: ignore[attr-defined]
    yield s


def test_plays_every_role(store: object) -> None:
    assert isinstance(store, RawInputs) and isinstance(store, Revisions) and isinstance(store, CorpusTables)
    assert isinstance(store, Corrections) and isinstance(store, Queries)


def test_blobs_are_content_addressed(store: RawInputs) -> None:
    sha = store.put_blob(b"\x00\xffbytes")
    assert sha == store.put_blob(b"\x00\xffbytes") and len(sha) == 64
    assert store.get_blob(sha) == b"\x00\xffbytes"
    assert store.get_blob("0" * 64) is None


def test_reextraction_from_stored_raw_bytes_equals_the_original(store: object) -> None:
    paths = [REPO / "examples", *([SEEDS] if SEEDS.is_dir() else [])]
    summary = ingest(paths, store=store)  # type: ignore[arg-type]
    assert summary.stored >= 8 and not summary.errors
    pipe = load_pipeline()
    for original in store.iter_articles():  # type: ignore[attr-defined]
        raw = store.get_input(original.id)  # type: ignore[attr-defined]
        assert raw is not None and raw.raw_bytes and raw.provided == {"raw"}
        again = pipe.run(raw)
        assert again.error is None
        assert again.article == original, f"{original.source.path}: re-extraction differs"


def test_revisions_add_serve_list_and_prune(store: object) -> None:
    a = arabic_article()
    assert store.put_revision(a, pipeline="p1") == 1  # type: ignore[attr-defined]
    assert store.put_revision(arabic_article(), pipeline="p1") is None  # type: ignore[attr-defined]
    newer = arabic_article()
    assert a.events[0].status is EventStatus.PLANNED
    newer.events[0].status = EventStatus.OCCURRED
    assert store.put_revision(newer, pipeline="p2") == 2  # type: ignore[attr-defined]
    assert store.get_article(a.id).events[0].status is EventStatus.OCCURRED  # type: ignore[attr-defined]
    assert store.events(EventQuery(status="occurred")).items  # type: ignore[attr-defined]
    assert not store.events(EventQuery(status="planned")).items  # type: ignore[attr-defined]
    rows = store.revisions(a.id)  # type: ignore[attr-defined]
    assert [(r.revision, r.pipeline, r.current) for r in rows] == [(1, "p1", False), (2, "p2", True)]
    assert store.get_revision(a.id, 1) == a  # type: ignore[attr-defined]
    assert store.count_articles() == 1  # type: ignore[attr-defined]
    assert store.prune_revisions(keep=1) == 1  # type: ignore[attr-defined]
    assert [r.revision for r in store.revisions(a.id)] == [2]  # type: ignore[attr-defined]
    assert store.get_article(a.id) == newer  # type: ignore[attr-defined]


def test_corpus_tables(store: CorpusTables) -> None:
    store.corpus_replace("t", "a1", [("X", "menu", True), ("X", "footer", False), ("Y", "menu", None)])
    store.corpus_replace("t", "a2", [("X", "menu", False)])
    store.corpus_replace("u", "a1", [("X", "menu", 1)])  # another table is another namespace
    assert store.corpus_counts("t", "X", ["menu", "footer", "absent"]) == {"menu": 2, "footer": 1}
    assert store.corpus_frequent("t", "X", 2) == {"menu"}
    rows = store.corpus_rows("t", group="X", keys=["menu"])
    assert [(r.article_id, r.value) for r in rows] == [("a1", True), ("a2", False)]
    store.corpus_replace("t", "a1", [("X", "footer", {"n": 2})])  # replaces all a1 rows
    assert [(r.key, r.value) for r in store.corpus_rows("t", article_ids=["a1"])] == [("footer", {"n": 2})]
    store.corpus_delete("t", "a2")
    assert store.corpus_counts("t", "X", ["menu"]) == {}
    store.put_state("t", "k", {"v": [1, 2]})
    assert store.get_state("t", "k") == {"v": [1, 2]}
    store.put_state("t", "k", None)
    assert store.get_state("t", "k") is None


def test_corrections_overlay_survives_reextraction_and_reverts(store: object) -> None:
    corpus = query_corpus()
    for a in corpus:
        store.put_revision(a, pipeline="p")  # type: ignore[attr-defined]
    ar = corpus[0]
    agree = next(e for e in ar.events if e.type == "AGREE")
    c = store.correct(ar.id, f"event:{agree.id}", "status", "planned", who="analyst", reason="a plan, not a deed")  # type: ignore[attr-defined]
    assert c.before == "occurred" and c.after == "planned" and c.id and c.at
    shown = store.get_article(ar.id)  # type: ignore[attr-defined]
    assert next(e for e in shown.events if e.id == agree.id).status is EventStatus.PLANNED
    assert store.get_article(ar.id, corrected=False).events[0].status is EventStatus.OCCURRED  # type: ignore[attr-defined]
    assert [r.event_id for r in store.events(EventQuery(type="AGREE", status="planned")).items] == [agree.id]  # type: ignore[attr-defined]
    # A newer pipeline finds the same fact (same id): the correction applies to the new revision too.
    newer = query_corpus()[0]
    newer.provenance.language = "newer-detector"
    assert store.put_revision(newer, pipeline="p2") == 2  # type: ignore[attr-defined]
    assert next(e for e in store.get_article(ar.id).events if e.id == agree.id).status is EventStatus.PLANNED  # type: ignore[attr-defined]
    # A revision without the fact: the correction is kept and reported, not applied, not lost.
    gone = query_corpus()[0]
    gone.events = [e for e in gone.events if e.id != agree.id]
    store.put_revision(gone, pipeline="p3")  # type: ignore[attr-defined]
    assert [o.id for o in store.orphaned_corrections(ar.id)] == [c.id]  # type: ignore[attr-defined]
    store.put_revision(newer, pipeline="p2")  # type: ignore[attr-defined]
    undo = store.revert(c.id, who="lead", reason="it happened after all")  # type: ignore[attr-defined]
    assert undo.reverts == c.id and undo.after == "occurred"
    assert next(e for e in store.get_article(ar.id).events if e.id == agree.id).status is EventStatus.OCCURRED  # type: ignore[attr-defined]
    history = store.corrections(article_id=ar.id)  # type: ignore[attr-defined]
    assert [(h.who, h.field, h.reverts) for h in history] == [("analyst", "status", None), ("lead", "status", c.id)]


def test_correcting_links_speakers_and_marking_facts_wrong(store: object) -> None:
    corpus = query_corpus()
    for a in corpus:
        store.put_article(a)  # type: ignore[attr-defined]
    en = corpus[2]
    quote = en.quotes[0]
    store.correct(en.id, f"quote:{quote.id}", "speaker", "country:US", who="a", reason="the embassy said it")  # type: ignore[attr-defined]
    sanction = next(e for e in en.events if e.type == "SANCTION")
    store.correct(en.id, f"event:{sanction.id}", "deleted", True, who="a", reason="not an event")  # type: ignore[attr-defined]
    m = en.mentions[0]
    store.correct(en.id, f"mention:{m.id}", "entity", {"id": "country:XX", "canonical": "Elsewhere"}, who="a", reason="wrong link")  # type: ignore[attr-defined]
    shown = store.get_article(en.id)  # type: ignore[attr-defined]
    assert shown.quotes[0].speaker == "country:US"
    assert all(e.id != sanction.id for e in shown.events)
    assert shown.entity("country:XX") is not None and shown.entity("country:XX").canonical == "Elsewhere"
    detail = store.entity_detail("country:XX")  # type: ignore[attr-defined]
    assert detail is not None and detail.entity.mentions == 1
    with pytest.raises(KeyError, match="has no event:e-nope"):
        store.correct(en.id, "event:e-nope", "status", "planned", who="a", reason="x")  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="cannot have its 'speaker' corrected"):
        store.correct(en.id, f"event:{sanction.id}", "speaker", "x", who="a", reason="x")  # type: ignore[attr-defined]


def test_api_tokens_are_digests_named_once_and_revocable(store: object) -> None:
    from dragoman.store.roles import ApiTokens

    assert isinstance(store, ApiTokens)
    row = store.add_token("alice", "d" * 64)
    assert row.name == "alice" and row.last_used is None and row.created_at
    with pytest.raises(ValueError, match="exists"):
        store.add_token("alice", "e" * 64)
    store.add_token("bob", "f" * 64)
    assert store.token_named("d" * 64) == "alice" and store.token_named("0" * 64) is None
    assert [(t.name, t.last_used is not None) for t in store.tokens()] == [("alice", True), ("bob", False)]
    assert store.revoke_token("alice") and not store.revoke_token("alice")
    assert store.token_named("d" * 64) is None and [t.name for t in store.tokens()] == ["bob"]


def test_a_forced_ingest_adds_a_revision_and_keeps_corrections(store: object, tmp_path: Path) -> None:
    page = REPO / "examples" / "caspian-ledger" / "2023-04-21-israel-embassy-turkmenistan.txt"
    ingest([page], store=store)  # type: ignore[arg-type]
    (article,) = list(store.iter_articles())  # type: ignore[attr-defined]
    event = article.events[0]
    store.correct(article.id, f"event:{event.id}", "deleted", True, who="a", reason="not an event")  # type: ignore[attr-defined]
    assert ingest([page], store=store).skipped == 1  # type: ignore[arg-type]
    config = tmp_path / "newer.toml"
    default = (REPO / "src" / "dragoman" / "pipeline" / "default.toml").read_text("utf-8")
    config.write_text(default.replace('name = "default"', 'name = "newer"', 1), "utf-8")
    summary = ingest([page], store=store, force=True, config=config)  # type: ignore[arg-type]
    assert summary.reextracted == 1 and summary.stored == 0 and summary.skipped == 0
    assert [r.revision for r in store.revisions(article.id)] == [1, 2]  # type: ignore[attr-defined]
    again = store.get_article(article.id)  # type: ignore[attr-defined]
    assert event.id not in {e.id for e in again.events} and len(again.events) == len(article.events) - 1
