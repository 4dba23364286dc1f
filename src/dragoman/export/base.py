"""The exporter interface."""

from __future__ import annotations

from typing import BinaryIO, Protocol, runtime_checkable

from dragoman.store.base import Store


@runtime_checkable
class Exporter(Protocol):
    name: str  # versioned: "dragoman.ArticlesJsonl.v1"
    format: str  # what --format takes: "articles-jsonl"
    media_type: str
    suffix: str  # for a file name: ".jsonl"

    def export(self, store: Store, out: BinaryIO) -> int:
        """Write the store's contents to ``out``; the number of records written."""


def get_exporter(fmt: str) -> Exporter:
    """The exporter registered for ``fmt`` (a --format word or a versioned name)."""
    from dragoman.plugins import registry

    exporter: Exporter = registry().get("exporter", fmt).obj()
    return exporter
