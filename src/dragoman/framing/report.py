"""The ``dragoman framing`` document: articles framed one by one, then outlets side by side.

Documented by ``schema/framing-v1.schema.json`` (docs/framing.md); ``validate`` checks a
document against it and checks that every outlet's counts add up to its articles'.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from dragoman.framing.article import ArticleFraming, frame_article
from dragoman.framing.profile import outlet_json, outlet_profiles
from dragoman.model import Article

__all__ = ["SCHEMA_VERSION", "framing_report", "report_of", "schema", "validate"]

SCHEMA_VERSION = "dragoman.framing.v1"


def report_of(framed: Iterable[ArticleFraming]) -> dict[str, Any]:
    """The document for already framed articles (outlets in the order of ``outlet_profiles``)."""
    framed = list(framed)
    return {
        "schema": SCHEMA_VERSION,
        "articles": [f.to_json() for f in framed],
        "outlets": [outlet_json(p) for p in outlet_profiles(framed)],
    }


def framing_report(articles: Iterable[Article]) -> dict[str, Any]:
    """Frame every article and build the document ``dragoman framing --format json`` prints."""
    return report_of(frame_article(a) for a in articles)


@cache
def schema() -> dict[str, Any]:
    text = resources.files("dragoman.schema").joinpath("framing-v1.schema.json").read_text("utf-8")
    return dict(json.loads(text))


def validate(doc: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` or ``ValueError`` when ``doc`` is not a valid framing document."""
    import jsonschema

    jsonschema.validate(doc, schema())
    per_outlet: dict[str | None, int] = {}
    for a in doc["articles"]:
        per_outlet[a["outlet"]] = per_outlet.get(a["outlet"], 0) + 1
        for m in a["markers"]:
            if m["end"] <= m["start"] or len(m["text"]) != m["end"] - m["start"]:
                raise ValueError(f"article {a['article'][:12]}: marker span {m['start']}-{m['end']} does not fit its text")
    for o in doc["outlets"]:
        if per_outlet.get(o["outlet"], 0) != o["articles"]:
            raise ValueError(f"outlet {o['outlet']!r}: {o['articles']} articles, but {per_outlet.get(o['outlet'], 0)} listed")
