"""The built-in exporters, registered like any plugin exporter."""

from __future__ import annotations

from dragoman.export.framing import FramingJson
from dragoman.export.gold import CorrectionsGold
from dragoman.export.jsonl import ArticlesJsonl
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
    registry.add(
        "exporter",
        CorrectionsGold.name,
        CorrectionsGold,
        keys=(CorrectionsGold.format,),
        doc="articles analysts corrected, corrections applied, as evaluation data in the dev set's gold schema",
    )
