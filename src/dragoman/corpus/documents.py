"""The JSON ``dragoman events`` and ``dragoman stories`` print, and their JSON Schemas.

Documented by ``schema/events-v1.schema.json`` and
``schema/stories-v1.schema.json`` (docs/picture.md); ``validate_events`` and
``validate_stories`` check a document against its schema and the invariants
a schema cannot say (every source index exists, evidence text matches its
span length, every merged event named by a story exists).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from dragoman.corpus.facts import Party
from dragoman.corpus.merge import MergedEvent
from dragoman.corpus.picture import Picture
from dragoman.corpus.stories import Story

__all__ = [
    "event_json",
    "events_document",
    "schema",
    "stories_document",
    "story_json",
    "validate_events",
    "validate_stories",
]


def _party(p: Party) -> dict[str, Any]:
    return {"id": p.id, "qid": p.qid, "canonical": p.canonical}


def event_json(m: MergedEvent) -> dict[str, Any]:
    return {
        "id": m.id,
        "type": m.type,
        "plover": m.plover,
        "status": m.status,
        "actors": [_party(p) for p in m.actors],
        "recipients": [_party(p) for p in m.recipients],
        "date": {"value": m.date, "granularity": m.granularity} if m.date else None,
        "disagreements": {
            attr: [{"value": v, "sources": idx} for v, idx in values]
            for attr, values in m.disagreements.items()
        },
        "precursor_of": list(m.precursor_of),
        "story": m.story,
        "sources": [
            {
                "article": s.article.id,
                "path": s.article.path or s.article.url,
                "url": s.article.url,
                "outlet": s.article.outlet,
                "language": s.article.language,
                "published": s.article.published,
                "event": s.event.id,
                "evidence": [{"start": a, "end": b, "text": t} for a, b, t in s.event.evidence],
            }
            for s in m.sources
        ],
    }


def events_document(picture: Picture) -> list[dict[str, Any]]:
    """``dragoman events --format json``: every merged event (singletons included), by date then id."""
    return [event_json(m) for m in picture.events]


def story_json(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "articles": [
            {
                "article": a.id,
                "path": a.path or a.url,
                "language": a.language,
                "outlet": a.outlet,
                "published": a.published,
            }
            for a in s.articles
        ],
        "events": list(s.events),
        "first": s.first,
        "last": s.last,
    }


def stories_document(picture: Picture) -> list[dict[str, Any]]:
    """``dragoman stories --format json``: every story, earliest first."""
    return [story_json(s) for s in picture.stories]


@cache
def schema(name: str) -> dict[str, Any]:
    """A bundled schema by name: ``events-v1`` or ``stories-v1``."""
    text = resources.files("dragoman.schema").joinpath(f"{name}.schema.json").read_text("utf-8")
    return dict(json.loads(text))


def validate_events(doc: list[dict[str, Any]]) -> None:
    """Raise ``jsonschema.ValidationError`` or ``ValueError`` when ``doc`` is not a valid events document."""
    import jsonschema

    jsonschema.validate(doc, schema("events-v1"))
    seen_events: set[str] = set()
    ids = {e["id"] for e in doc}
    for e in doc:
        n = len(e["sources"])
        for attr, values in e["disagreements"].items():
            for v in values:
                if any(i >= n for i in v["sources"]):
                    raise ValueError(f"{e['id']}: disagreement on {attr} names a source it does not have")
        for s in e["sources"]:
            if s["event"] in seen_events:
                raise ValueError(f"article-level event {s['event']} is in two merged events")
            seen_events.add(s["event"])
            for x in s["evidence"]:
                if len(x["text"]) != x["end"] - x["start"]:
                    raise ValueError(f"{e['id']}: evidence {x['start']}-{x['end']} does not fit its text")
        missing = [p for p in e["precursor_of"] if p not in ids]
        if missing:
            raise ValueError(f"{e['id']}: precursor of unknown merged events {missing}")


def validate_stories(doc: list[dict[str, Any]], events: list[dict[str, Any]] | None = None) -> None:
    """Raise when ``doc`` is not a valid stories document (or names merged events ``events`` lacks)."""
    import jsonschema

    jsonschema.validate(doc, schema("stories-v1"))
    seen: set[str] = set()
    for s in doc:
        for a in s["articles"]:
            if a["article"] in seen:
                raise ValueError(f"article {a['article']} is in two stories")
            seen.add(a["article"])
    if events is not None:
        ids = {e["id"] for e in events}
        for s in doc:
            missing = [i for i in s["events"] if i not in ids]
            if missing:
                raise ValueError(f"story {s['id']} names unknown merged events {missing[:3]}")
