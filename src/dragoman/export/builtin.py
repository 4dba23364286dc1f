"""The built-in exporters, registered like any plugin exporter."""

from __future__ import annotations

from dragoman.export.framing import FramingJson
from dragoman.export.gold import CorrectionsGold
from dragoman.export.jsonl import ArticlesJsonl
from dragoman.export.picture import EventsJsonl, EventsParquet, PictureCsv, PictureGraphml
from dragoman.plugins import Registry


def register(registry: Registry) -> None:
    registry.add(
        "exporter",
        ArticlesJsonl.name,
        ArticlesJsonl,
        keys=(ArticlesJsonl.format,),
        doc="every stored article as one line of Article JSON v2 (lossless)",
    )
    registry.add(
        "exporter",
        FramingJson.name,
        FramingJson,
        keys=(FramingJson.format,),
        doc="framing by outlet (names, loaded wording, sourcing, stance) as one framing JSON v1 document",
    )
    for exporter, doc in (
        (EventsJsonl, "merged events, one PLOVER-style JSON object per line (items of events-v1; docs/picture.md)"),
        (PictureCsv, "merged events and stories as CSV tables in one ZIP archive, a row per fact (docs/picture.md)"),
        (PictureGraphml, "the knowledge graph of entities, merged events, claims, articles, outlets and stories"),
        (EventsParquet, "merged events as one Parquet table with nested parties and sources (DuckDB-queryable)"),
    ):
        registry.add("exporter", exporter.name, exporter, keys=(exporter.format,), doc=doc)
    registry.add(
        "exporter",
        CorrectionsGold.name,
        CorrectionsGold,
        keys=(CorrectionsGold.format,),
        doc="articles analysts corrected, corrections applied, as evaluation data in the dev set's gold schema",
    )
