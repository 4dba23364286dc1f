"""Every stored article as one line of Article JSON v2 (the lossless format; docs/article-json.md)."""

from __future__ import annotations

import json
from typing import BinaryIO

from dragoman.serialize import to_json
from dragoman.store.base import Store


class ArticlesJsonl:
    """One Article JSON v2 document per line, in the order the store lists its articles.

    Each line reads back with ``dragoman.serialize.from_json`` into an
    article equal to the stored one, so the export is also a portable backup
    of the extraction (input bytes included).
    """

    name = "dragoman.ArticlesJsonl.v1"
    format = "articles-jsonl"
    media_type = "application/x-ndjson"
    suffix = ".jsonl"

    def export(self, store: Store, out: BinaryIO) -> int:
        n = 0
        for article in store.iter_articles():
            out.write(json.dumps(to_json(article), ensure_ascii=False).encode("utf-8") + b"\n")
            n += 1
        return n
