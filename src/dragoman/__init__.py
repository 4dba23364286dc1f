"""Dragoman: span-anchored extraction of who did what to whom, when, and who says so."""

from dragoman._version import __version__
from dragoman.api import ExtractionError, IngestSummary, extract, ingest, load_pipeline
from dragoman.model import Article, Source, Span
from dragoman.serialize import from_json, to_json
from dragoman.store import open_store

__all__ = [
    "Article",
    "ExtractionError",
    "IngestSummary",
    "Source",
    "Span",
    "__version__",
    "extract",
    "from_json",
    "ingest",
    "load_pipeline",
    "open_store",
    "to_json",
]
