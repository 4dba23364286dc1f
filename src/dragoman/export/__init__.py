"""Exporters: a store's contents in formats other tools read, registered as plugins.

An exporter is registered under a versioned name and the ``--format`` word
people type (``dragoman export --format articles-jsonl``); the built-in ones
register through ``dragoman.plugins`` exactly as a third-party one would.
"""

from __future__ import annotations

from dragoman.export.base import Exporter, get_exporter
from dragoman.export.framing import FramingJson
from dragoman.export.gold import CorrectionsGold
from dragoman.export.jsonl import ArticlesJsonl
from dragoman.export.picture import EventsJsonl, EventsParquet, PictureCsv, PictureGraphml

__all__ = [
    "ArticlesJsonl", "CorrectionsGold", "EventsJsonl", "EventsParquet", "Exporter", "FramingJson", "PictureCsv",
    "PictureGraphml", "get_exporter",
]
