"""Framing by outlet (docs/framing.md) as one framing JSON v1 document: what ``dragoman framing --format json`` prints."""

from __future__ import annotations

import json
from typing import BinaryIO

from dragoman.store.base import Store


class FramingJson:
    """The framing of every stored article and of each outlet, validated by ``framing-v1.schema.json``.

    The records counted are the articles framed.
    """

    name = "dragoman.FramingJson.v1"
    format = "framing-json"
    media_type = "application/json"
    suffix = ".json"

    def export(self, store: Store, out: BinaryIO) -> int:
        from dragoman.framing import framing_report

        report = framing_report(store.iter_articles())
        out.write(json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
        return len(report["articles"])
