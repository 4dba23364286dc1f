"""Article JSON v1: the documented exchange format (docs/article-json.md).

``to_json`` is what ``dragoman extract --format json`` prints and what the
stores keep; ``from_json`` restores an ``Article`` with every layer so a
stored article can be re-rendered or re-processed without the input.
Every ``text[start:end]`` in the output equals the ``text`` it carries.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from dragoman.model import (
    Article,
    Boilerplate,
    Claim,
    Described,
    DescribedKind,
    Entity,
    EntityType,
    Event,
    EventStatus,
    Granularity,
    Mention,
    MentionKind,
    PublishedBasis,
    PublishedFrom,
    Quote,
    Source,
    Span,
    SpeakerKind,
    TimeExpr,
)

SCHEMA_VERSION = "dragoman.article.v1"


def _span(s: Span) -> dict[str, int]:
    return {"start": s.start, "end": s.end}


def _spantext(a: Article, s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": a.text[s.start : s.end]}


def _time(a: Article, t: TimeExpr) -> dict[str, Any]:
    return {
        **_spantext(a, t.span),
        "value": t.value,
        "granularity": t.granularity.value,
        "relative": t.relative,
        "anchor": t.anchor,
    }


def _basis(a: Article, b: PublishedBasis) -> dict[str, Any]:
    return {
        "source": b.source.value,
        "confidence": b.confidence,
        "granularity": b.granularity.value,
        "evidence": [_spantext(a, sp) for sp in b.evidence],
    }


def _basis_from(d: dict[str, Any] | None) -> PublishedBasis | None:
    if not d:
        return None
    return PublishedBasis(
        PublishedFrom(d["source"]),
        d["confidence"],
        Granularity(d.get("granularity", "day")),
        tuple(Span(e["start"], e["end"]) for e in d.get("evidence", [])),
    )


def to_json(a: Article) -> dict[str, Any]:
    src = a.source
    return {
        "schema": SCHEMA_VERSION,
        "id": a.id,
        "language": a.language,
        "published": src.published.isoformat() if src.published else None,
        "published_estimated": src.published_estimated,
        "published_basis": _basis(a, src.published_basis) if src.published_basis else None,
        "source": {
            "path": src.path,
            "url": src.url,
            "outlet": src.outlet,
            "title": src.title,
            "format": src.format,
            "encoding": src.encoding,
            "encoding_note": src.encoding_note,
        },
        "text": a.text,
        "boilerplate": [{**_span(b.span), "reason": b.reason} for b in a.boilerplate],
        "sentences": [_span(s) for s in a.sentences],
        "mentions": [
            {
                **_spantext(a, m.span),
                "type": m.type.value,
                "kind": m.kind.value,
                "source": m.source,
                "kb_id": m.kb_id,
                "head": _span(m.head) if m.head else None,
                "score": round(m.score, 4),
            }
            for m in a.mentions
        ],
        "entities": [
            {
                "id": e.id,
                "canonical": e.canonical,
                "qid": e.qid,
                "type": e.type.value,
                "mentions": [_spantext(a, a.mentions[i].span) | {"index": i} for i in e.mentions],
            }
            for e in a.entities
        ],
        "described": [
            {
                "id": d.id,
                "kind": d.kind.value,
                "gloss": d.gloss,
                "head": _spantext(a, d.head),
                "affiliation": d.affiliation,
                "count": d.count,
                "plural": d.plural,
                "mentions": [_spantext(a, sp) for sp in d.mentions],
            }
            for d in a.described
        ],
        "time_expressions": [_time(a, t) for t in a.time_expressions],
        "events": [
            {
                "id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "status": ev.status.value,
                "actors": ev.actors,
                "recipients": ev.recipients,
                "date": {"value": ev.date.value, "granularity": ev.date.granularity.value, **_span(ev.date.span)}
                if ev.date
                else None,
                "place": ev.place,
                "trigger": _span(ev.trigger) if ev.trigger else None,
                "evidence": [_spantext(a, s) for s in ev.evidence],
            }
            for ev in a.events
        ],
        "quotes": [
            {
                "id": q.id,
                **_spantext(a, q.span),
                "direct": q.direct,
                "speaker": q.speaker,
                "speaker_text": a.text[q.speaker_span.start : q.speaker_span.end] if q.speaker_span else None,
                "speaker_span": _span(q.speaker_span) if q.speaker_span else None,
                "speaker_kind": q.speaker_kind.value,
            }
            for q in a.quotes
        ],
        "claims": [
            {
                "id": c.id,
                "claimant": c.claimant,
                "claimant_text": a.text[c.claimant_span.start : c.claimant_span.end] if c.claimant_span else None,
                "claimant_span": _span(c.claimant_span) if c.claimant_span else None,
                "evidence": [_spantext(a, s) for s in c.evidence],
                "about": c.about,
            }
            for c in a.claims
        ],
        "provided": sorted(a.provided),
    }


def dumps(a: Article, *, indent: int | None = 2) -> str:
    return json.dumps(to_json(a), ensure_ascii=False, indent=indent)


def _sp(d: dict[str, Any] | None) -> Span | None:
    return Span(d["start"], d["end"]) if d else None


def _texpr(d: dict[str, Any]) -> TimeExpr:
    return TimeExpr(
        span=Span(d["start"], d["end"]),
        value=d["value"],
        granularity=Granularity(d["granularity"]),
        relative=d.get("relative", False),
        anchor=d.get("anchor"),
    )


def from_json(d: dict[str, Any]) -> Article:
    s = d.get("source", {})
    src = Source(
        path=s.get("path"),
        url=s.get("url"),
        outlet=s.get("outlet"),
        title=s.get("title"),
        published=date.fromisoformat(d["published"]) if d.get("published") else None,
        published_estimated=d.get("published_estimated", False),
        published_basis=_basis_from(d.get("published_basis")),
        format=s.get("format", "text"),
        encoding=s.get("encoding"),
        encoding_note=s.get("encoding_note"),
    )
    a = Article(id=d["id"], source=src, text=d["text"], language=d.get("language"))
    a.boilerplate = [Boilerplate(Span(b["start"], b["end"]), b.get("reason", "")) for b in d.get("boilerplate", [])]
    a.sentences = [Span(x["start"], x["end"]) for x in d.get("sentences", [])]
    a.mentions = [
        Mention(
            span=Span(m["start"], m["end"]),
            type=EntityType(m["type"]),
            kind=MentionKind(m.get("kind", "name")),
            source=m.get("source", "gazetteer"),
            kb_id=m.get("kb_id"),
            head=_sp(m.get("head")),
            score=m.get("score", 1.0),
        )
        for m in d.get("mentions", [])
    ]
    a.entities = [
        Entity(
            id=e["id"],
            canonical=e["canonical"],
            type=EntityType(e["type"]),
            qid=e.get("qid"),
            mentions=[m["index"] for m in e.get("mentions", [])],
        )
        for e in d.get("entities", [])
    ]
    a.described = [
        Described(
            id=x["id"],
            kind=DescribedKind(x["kind"]),
            mentions=[Span(m["start"], m["end"]) for m in x["mentions"]],
            head=Span(x["head"]["start"], x["head"]["end"]),
            gloss=x["gloss"],
            affiliation=x.get("affiliation"),
            count=x.get("count"),
            plural=x.get("plural", False),
        )
        for x in d.get("described", [])
    ]
    a.time_expressions = [_texpr(t) for t in d.get("time_expressions", [])]
    a.events = [
        Event(
            id=ev["id"],
            type=ev["type"],
            mode=ev.get("mode"),
            status=EventStatus(ev["status"]),
            actors=list(ev.get("actors", [])),
            recipients=list(ev.get("recipients", [])),
            evidence=[Span(x["start"], x["end"]) for x in ev.get("evidence", [])],
            date=TimeExpr(
                span=Span(ev["date"]["start"], ev["date"]["end"]),
                value=ev["date"]["value"],
                granularity=Granularity(ev["date"]["granularity"]),
            )
            if ev.get("date")
            else None,
            place=ev.get("place"),
            trigger=_sp(ev.get("trigger")),
        )
        for ev in d.get("events", [])
    ]
    a.quotes = [
        Quote(
            id=q["id"],
            span=Span(q["start"], q["end"]),
            direct=q["direct"],
            speaker=q.get("speaker"),
            speaker_span=_sp(q.get("speaker_span")),
            speaker_kind=SpeakerKind(q["speaker_kind"]),
        )
        for q in d.get("quotes", [])
    ]
    a.claims = [
        Claim(
            id=c["id"],
            claimant=c.get("claimant"),
            claimant_span=_sp(c.get("claimant_span")),
            evidence=[Span(x["start"], x["end"]) for x in c.get("evidence", [])],
            about=list(c.get("about", [])),
        )
        for c in d.get("claims", [])
    ]
    a.provided = set(d.get("provided", []))
    return a


@cache
def schema() -> dict[str, Any]:
    text = resources.files("dragoman.schema").joinpath("article-v1.schema.json").read_text("utf-8")
    return json.loads(text)


def validate(doc: dict[str, Any]) -> None:
    """Validate against the JSON Schema and check every quoted text equals its span."""
    import jsonschema

    jsonschema.validate(doc, schema())
    text = doc["text"]

    def check(obj: dict[str, Any], where: str) -> None:
        if "text" in obj and "start" in obj and text[obj["start"] : obj["end"]] != obj["text"]:
            raise ValueError(f"{where}: text[{obj['start']}:{obj['end']}] != {obj['text']!r}")

    for i, m in enumerate(doc["mentions"]):
        check(m, f"mentions[{i}]")
    for e in doc["entities"]:
        for m in e["mentions"]:
            check(m, f"entity {e['id']}")
    for x in doc.get("described", []):
        for m in [x["head"], *x["mentions"]]:
            check(m, f"described {x['id']}")
    for t in doc["time_expressions"]:
        check(t, "time_expressions")
    for ev in doc.get("events", []):
        for x in ev["evidence"]:
            check(x, f"event {ev['id']}")
    for q in doc.get("quotes", []):
        check(q, f"quote {q['id']}")
    for c in doc.get("claims", []):
        for x in c["evidence"]:
            check(x, f"claim {c['id']}")
