"""Each picture export round-trips; Parquet is DuckDB-queryable; the graph and the timeline hold what they say."""

from __future__ import annotations

import io
from datetime import date

import networkx as nx
import pytest

from builders import Builder, picture_corpus, unrelated_story
from dragoman.corpus.documents import events_document, stories_document, validate_events
from dragoman.corpus.picture import picture_of
from dragoman.export import get_exporter
from dragoman.export.picture import read_csv_tables, read_events_jsonl, read_events_parquet
from dragoman.graph import knowledge_graph, timeline
from dragoman.model import EventStatus, Granularity
from dragoman.store.memory import MemoryStore


@pytest.fixture
def store() -> MemoryStore:
    s = MemoryStore()
    for a in [*picture_corpus(), unrelated_story()]:
        s.put_article(a)
    return s


def _export(store: MemoryStore, fmt: str) -> tuple[bytes, int]:
    buf = io.BytesIO()
    n = get_exporter(fmt).export(store, buf)
    return buf.getvalue(), n


def test_events_jsonl_round_trips(store: MemoryStore) -> None:
    data, n = _export(store, "events-jsonl")
    back = read_events_jsonl(data)
    validate_events(back)
    assert back == events_document(picture_of(store)) and n == len(back)


def test_csv_tables_round_trip(store: MemoryStore) -> None:
    data, n = _export(store, "csv")
    events, stories = read_csv_tables(data)
    pic = picture_of(store)
    assert events == events_document(pic) and stories == stories_document(pic) and n == len(events)
    assert any(e["disagreements"] for e in events)  # the round trip covered disagreements


def test_parquet_round_trips_and_duckdb_reads_it(store: MemoryStore, tmp_path: object) -> None:
    data, n = _export(store, "parquet")
    assert read_events_parquet(data) == events_document(picture_of(store))
    duckdb = pytest.importorskip("duckdb")
    path = f"{tmp_path}/events.parquet"
    with open(path, "wb") as fh:
        fh.write(data)
    rows = duckdb.sql(
        f"SELECT type, status, len(sources) AS n FROM read_parquet('{path}') WHERE type = 'ACCEDE' ORDER BY n DESC"
    ).fetchall()
    assert rows[0] == ("ACCEDE", "talks", 3) and len(rows) == 2
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall() == [(n,)]


def test_graphml_round_trips(store: MemoryStore, tmp_path: object) -> None:
    data, n = _export(store, "graphml")
    back = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    g = knowledge_graph(picture_of(store))
    assert n == g.number_of_nodes()
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert sorted((u, v, d["rel"]) for u, v, d in back.edges(data=True)) == sorted(
        (u, v, d["rel"]) for u, v, d in g.edges(data=True)
    )


def test_graph_joins_languages_in_one_entity_node_and_links_precursors(store: MemoryStore) -> None:
    pic = picture_of(store)
    g = knowledge_graph(pic)
    az = "entity:Q227"
    assert g.nodes[az]["label"] == "Azerbaijan"
    accession = next(m for m in pic.events if m.type == "ACCEDE" and m.status == "talks")
    assert g.has_edge(az, f"event:{accession.id}")
    rels = {d["rel"] for _, _, d in g.out_edges(f"event:{accession.id}", data=True)}
    assert rels == {"recipient", "reported_in", "precursor_of"}
    assert {g.nodes[n]["kind"] for n in g} == {"article", "outlet", "story", "event", "entity"}


def test_timeline_draws_a_month_as_a_month_and_marks_estimates() -> None:
    b = Builder("Azerbaijan met Israel in March 2025 and again some time before June.", "en",
                published=date(2025, 6, 1))
    az, il = b.mention("Azerbaijan", "country:AZ"), b.mention("Israel", "country:IL")
    b.event("met", "CONSULT", EventStatus.OCCURRED, [az], [il], ("March 2025", "2025-03", Granularity.MONTH))
    b.event("again", "CONSULT", EventStatus.OCCURRED, [az], [il], ("some time before June", "../2025-06-01", Granularity.VAGUE))
    s = MemoryStore()
    s.put_article(b.done())
    t = timeline(picture_of(s))
    vague, month = t.entries  # an open start sorts first
    assert (month.start, month.end, month.granularity, month.estimated) == (date(2025, 3, 1), date(2025, 3, 31), "month", False)
    assert (vague.start, vague.end, vague.estimated) == (None, date(2025, 6, 1), True)
    assert t.undated == 0
