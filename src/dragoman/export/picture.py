"""The corpus picture (merged events, stories, the knowledge graph) in formats other tools read.

* ``events-jsonl`` (``dragoman.EventsJsonl.v1``): one merged event per line,
  PLOVER-style: each line is an item of ``events-v1.schema.json`` (PLOVER
  type, Dragoman code, status, actors and recipients with QIDs, date at its
  granularity, disagreements, precursor links, story, every source with its
  evidence spans);
* ``csv`` (``dragoman.PictureCsv.v1``): a ZIP of CSV tables, one row per
  fact (events, parties, sources, evidence, disagreements, precursors,
  stories, story articles);
* ``graphml`` (``dragoman.PictureGraphml.v1``): the knowledge graph
  (``dragoman.graph.knowledge_graph``);
* ``parquet`` (``dragoman.EventsParquet.v1``): merged events as one Parquet
  table with nested lists and structs (DuckDB reads it with ``read_parquet``).

Each has a reader here that gives back what was written (``read_*``); the
tests round-trip every format.  Columns and fields: docs/picture.md.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any, BinaryIO

from dragoman.store.base import Store

__all__ = [
    "EventsJsonl",
    "EventsParquet",
    "PictureCsv",
    "PictureGraphml",
    "read_csv_tables",
    "read_events_jsonl",
    "read_events_parquet",
]


def _picture(store: Store) -> Any:
    from dragoman.corpus.picture import picture_of

    return picture_of(store)


class EventsJsonl:
    """Merged events, one JSON object per line (items of events-v1.schema.json)."""

    name = "dragoman.EventsJsonl.v1"
    format = "events-jsonl"
    media_type = "application/x-ndjson"
    suffix = ".jsonl"

    def export(self, store: Store, out: BinaryIO) -> int:
        from dragoman.corpus.documents import events_document

        doc = events_document(_picture(store))
        for e in doc:
            out.write(json.dumps(e, ensure_ascii=False).encode("utf-8") + b"\n")
        return len(doc)


def read_events_jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


# -- CSV ------------------------------------------------------------------------------------------
TABLES: dict[str, list[str]] = {
    "events.csv": ["event", "type", "plover", "status", "date", "granularity", "story"],
    "parties.csv": ["event", "role", "position", "id", "qid", "canonical"],
    "sources.csv": ["event", "position", "article", "path", "url", "outlet", "language", "published", "source_event"],
    "evidence.csv": ["event", "source", "position", "start", "end", "text"],
    "disagreements.csv": ["event", "attribute", "position", "value", "sources"],
    "precursors.csv": ["event", "outcome"],
    "stories.csv": ["story", "title", "first", "last"],
    "story_articles.csv": ["story", "position", "article", "path", "language", "outlet", "published"],
    "story_events.csv": ["story", "position", "event"],
}


def _csv_rows(events: list[dict[str, Any]], stories: list[dict[str, Any]]) -> dict[str, list[list[Any]]]:
    t: dict[str, list[list[Any]]] = {name: [] for name in TABLES}
    for e in events:
        d = e["date"] or {}
        t["events.csv"].append([e["id"], e["type"], e["plover"], e["status"], d.get("value"), d.get("granularity"), e["story"]])
        for role in ("actors", "recipients"):
            for i, p in enumerate(e[role]):
                t["parties.csv"].append([e["id"], role, i, p["id"], p["qid"], p["canonical"]])
        for i, s in enumerate(e["sources"]):
            t["sources.csv"].append([e["id"], i, s["article"], s["path"], s["url"], s["outlet"], s["language"],
                                     s["published"], s["event"]])
            for j, x in enumerate(s["evidence"]):
                t["evidence.csv"].append([e["id"], i, j, x["start"], x["end"], x["text"]])
        for attr, values in e["disagreements"].items():
            for i, v in enumerate(values):
                t["disagreements.csv"].append([e["id"], attr, i, json.dumps(v["value"], ensure_ascii=False),
                                               ";".join(str(x) for x in v["sources"])])
        for o in e["precursor_of"]:
            t["precursors.csv"].append([e["id"], o])
    for s in stories:
        t["stories.csv"].append([s["id"], s["title"], s["first"], s["last"]])
        for i, a in enumerate(s["articles"]):
            t["story_articles.csv"].append([s["id"], i, a["article"], a["path"], a["language"], a["outlet"], a["published"]])
        for i, m in enumerate(s["events"]):
            t["story_events.csv"].append([s["id"], i, m])
    return t


class PictureCsv:
    """Merged events and stories as CSV tables in one ZIP archive (a row per fact; docs/picture.md).

    An empty cell is a missing value (JSON null); the records counted are the merged events.
    """

    name = "dragoman.PictureCsv.v1"
    format = "csv"
    media_type = "application/zip"
    suffix = ".zip"

    def export(self, store: Store, out: BinaryIO) -> int:
        from dragoman.corpus.documents import events_document, stories_document

        pic = _picture(store)
        events, stories = events_document(pic), stories_document(pic)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, rows in _csv_rows(events, stories).items():
                text = io.StringIO()
                w = csv.writer(text, lineterminator="\n")
                w.writerow(TABLES[name])
                w.writerows([["" if v is None else v for v in row] for row in rows])
                z.writestr(name, text.getvalue())
        out.write(buf.getvalue())
        return len(events)


def _table(z: zipfile.ZipFile, name: str) -> list[dict[str, str | None]]:
    rows = csv.DictReader(io.StringIO(z.read(name).decode("utf-8")))
    return [{k: (v if v != "" else None) for k, v in r.items()} for r in rows]


def read_csv_tables(data: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The events and stories documents back from a ``csv`` export."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        t = {name: _table(z, name) for name in TABLES}
    events: dict[str, dict[str, Any]] = {}
    for r in t["events.csv"]:
        date = {"value": r["date"], "granularity": r["granularity"]} if r["date"] else None
        events[str(r["event"])] = {
            "id": r["event"], "type": r["type"], "plover": r["plover"], "status": r["status"],
            "actors": [], "recipients": [], "date": date, "disagreements": {}, "precursor_of": [],
            "story": r["story"], "sources": [],
        }
    for r in sorted(t["parties.csv"], key=lambda r: int(r["position"] or 0)):
        events[str(r["event"])][str(r["role"])].append({"id": r["id"], "qid": r["qid"], "canonical": r["canonical"] or ""})
    for r in sorted(t["sources.csv"], key=lambda r: int(r["position"] or 0)):
        events[str(r["event"])]["sources"].append({
            "article": r["article"], "path": r["path"], "url": r["url"], "outlet": r["outlet"],
            "language": r["language"], "published": r["published"], "event": r["source_event"], "evidence": [],
        })
    for r in sorted(t["evidence.csv"], key=lambda r: int(r["position"] or 0)):
        src = events[str(r["event"])]["sources"][int(r["source"] or 0)]
        src["evidence"].append({"start": int(r["start"] or 0), "end": int(r["end"] or 0), "text": r["text"] or ""})
    for r in sorted(t["disagreements.csv"], key=lambda r: int(r["position"] or 0)):
        events[str(r["event"])]["disagreements"].setdefault(str(r["attribute"]), []).append(
            {"value": json.loads(r["value"] or "null"), "sources": [int(x) for x in (r["sources"] or "").split(";") if x]}
        )
    for r in t["precursors.csv"]:
        events[str(r["event"])]["precursor_of"].append(r["outcome"])
    stories: dict[str, dict[str, Any]] = {}
    for r in t["stories.csv"]:
        stories[str(r["story"])] = {"id": r["story"], "title": r["title"] or "", "articles": [], "events": [],
                                    "first": r["first"], "last": r["last"]}
    for r in sorted(t["story_articles.csv"], key=lambda r: int(r["position"] or 0)):
        stories[str(r["story"])]["articles"].append({k: r[k] for k in ("article", "path", "language", "outlet", "published")})
    for r in sorted(t["story_events.csv"], key=lambda r: int(r["position"] or 0)):
        stories[str(r["story"])]["events"].append(r["event"])
    return list(events.values()), list(stories.values())


# -- GraphML --------------------------------------------------------------------------------------
class PictureGraphml:
    """The knowledge graph (entities, merged events, claims, articles, outlets, stories) as GraphML.

    The records counted are the graph's nodes.
    """

    name = "dragoman.PictureGraphml.v1"
    format = "graphml"
    media_type = "application/graphml+xml"
    suffix = ".graphml"

    def export(self, store: Store, out: BinaryIO) -> int:
        import networkx as nx

        from dragoman.graph import knowledge_graph

        g = knowledge_graph(_picture(store))
        nx.write_graphml(g, out, encoding="utf-8")
        return int(g.number_of_nodes())


# -- Parquet --------------------------------------------------------------------------------------
def _schema() -> Any:
    import pyarrow as pa

    party = pa.struct([("id", pa.string()), ("qid", pa.string()), ("canonical", pa.string())])
    evidence = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    source = pa.struct([
        ("article", pa.string()), ("path", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
        ("language", pa.string()), ("published", pa.string()), ("event", pa.string()),
        ("evidence", pa.list_(evidence)),
    ])
    return pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("plover", pa.string()), ("status", pa.string()),
        ("actors", pa.list_(party)), ("recipients", pa.list_(party)),
        ("date", pa.string()), ("granularity", pa.string()),
        ("disagreements", pa.string()),  # JSON: values of differing types do not fit one Parquet column
        ("precursor_of", pa.list_(pa.string())), ("story", pa.string()), ("sources", pa.list_(source)),
    ])


class EventsParquet:
    """Merged events as one Parquet table with nested actors, recipients and sources (DuckDB-queryable).

    ``date`` and ``granularity`` are flat columns; ``disagreements`` is a JSON string.
    """

    name = "dragoman.EventsParquet.v1"
    format = "parquet"
    media_type = "application/vnd.apache.parquet"
    suffix = ".parquet"

    def export(self, store: Store, out: BinaryIO) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        from dragoman.corpus.documents import events_document

        doc = events_document(_picture(store))
        rows = []
        for e in doc:
            row = dict(e)
            d = row.pop("date")
            row["date"] = d["value"] if d else None
            row["granularity"] = d["granularity"] if d else None
            row["disagreements"] = json.dumps(e["disagreements"], ensure_ascii=False)
            rows.append(row)
        table = pa.Table.from_pylist(rows, schema=_schema())
        pq.write_table(table, out)
        return len(doc)


def read_events_parquet(data: bytes) -> list[dict[str, Any]]:
    """The events document back from a ``parquet`` export."""
    import pyarrow.parquet as pq

    out = []
    for row in pq.read_table(io.BytesIO(data)).to_pylist():
        date, gran = row.pop("date"), row.pop("granularity")
        row["disagreements"] = json.loads(row["disagreements"])
        e = {k: row[k] for k in ("id", "type", "plover", "status", "actors", "recipients")}
        e["date"] = {"value": date, "granularity": gran} if date else None
        e.update({k: row[k] for k in ("disagreements", "precursor_of", "story", "sources")})
        out.append(e)
    return out
