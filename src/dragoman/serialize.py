"""Article JSON v2: the documented, lossless exchange format (docs/article-json.md).

``to_json`` is what ``dragoman extract --format json`` prints and what the
stores keep; ``from_json`` gives back an ``Article`` equal to the one
serialised (dataclass equality, every field), so a stored article can be
re-rendered, corrected or run through the pipeline again without its input.
Every layer in ``provided`` is in the document: the input bytes (written
as "re-encode ``text`` with this codec" when that reproduces them exactly,
as base64 otherwise), tokens, the normalised form, offsets back into the
markup, extension layers and typed provenance.  ``from_json`` still reads
Article JSON v1, whose missing layers (tokens, norm, the input) it drops
from ``provided`` so a re-run computes them again.
Every ``text[start:end]`` in the output equals the ``text`` it carries.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from datetime import date, datetime
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
    PipelineInfo,
    Provenance,
    PublishedBasis,
    PublishedFrom,
    Quote,
    Source,
    Span,
    SpeakerKind,
    TimeExpr,
)
from dragoman.pipeline.layers import decode_layer, encode_layer

SCHEMA_VERSION = "dragoman.article.v2"
SCHEMA_V1 = "dragoman.article.v1"
READABLE = (SCHEMA_VERSION, SCHEMA_V1)
# Layers Article JSON v1 did not carry: an article read from v1 has to compute them again.
_NOT_IN_V1 = frozenset({"raw", "tokens", "norm", "html_body_lines"})

__all__ = ["READABLE", "SCHEMA_VERSION", "dumps", "from_json", "schema", "to_json", "validate"]


# -- small codecs ----------------------------------------------------------------------------
def _span(s: Span) -> dict[str, int]:
    return {"start": s.start, "end": s.end}


def _spantext(a: Article, s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": a.text[s.start : s.end]}


def _sp(d: dict[str, Any] | None) -> Span | None:
    return Span(d["start"], d["end"]) if d else None


def runs(offsets: Sequence[int]) -> list[list[int]]:
    """``[first, length]`` runs of consecutive values: offset maps are mostly +1 steps."""
    out: list[list[int]] = []
    for v in offsets:
        if out and out[-1][0] + out[-1][1] == v:
            out[-1][1] += 1
        else:
            out.append([v, 1])
    return out


def unruns(pairs: Sequence[Sequence[int]]) -> list[int]:
    out: list[int] = []
    for first, length in pairs:
        out.extend(range(first, first + length))
    return out


def _time(a: Article, t: TimeExpr) -> dict[str, Any]:
    return {
        **_spantext(a, t.span),
        "value": t.value,
        "granularity": t.granularity.value,
        "relative": t.relative,
        "anchor": t.anchor,
    }


def _texpr(d: dict[str, Any]) -> TimeExpr:
    return TimeExpr(
        span=Span(d["start"], d["end"]),
        value=d["value"],
        granularity=Granularity(d["granularity"]),
        relative=d.get("relative", False),
        anchor=d.get("anchor"),
    )


# -- the input ---------------------------------------------------------------------------------
def _input(a: Article, embed_bytes: bool) -> dict[str, Any]:
    data = a.raw_bytes
    decoded = None if a.raw is None else ("text" if a.raw == a.text else "markup")
    out: dict[str, Any] = {
        "sha256": hashlib.sha256(data).hexdigest() if data is not None else None,
        "size": len(data) if data is not None else None,
        "bytes": None,
        "decoded": decoded,
        "markup": a.raw if decoded == "markup" else None,
        "raw_offsets": runs(a.raw_offsets) if a.raw_offsets is not None else None,
        "notes": dict(a.meta),
    }
    if data is not None and embed_bytes:
        out["bytes"] = _bytes(data, a)
    return out


def _bytes(data: bytes, a: Article) -> dict[str, Any]:
    # Most inputs are their decoded text re-encoded: say so instead of repeating them in base64.
    codec = a.source.encoding
    if codec:
        for of, decoded in (("text", a.text), ("markup", a.raw)):
            if decoded is None:
                continue
            try:
                if decoded.encode(codec) == data:
                    return {"encoding": codec, "of": of}
            except (LookupError, UnicodeError):
                break
    return {"base64": base64.b64encode(data).decode("ascii")}


def _restore_input(a: Article, d: dict[str, Any], raw_bytes: bytes | None) -> None:
    a.meta = dict(d.get("notes") or {})
    decoded = d.get("decoded")
    a.raw = a.text if decoded == "text" else (d.get("markup") if decoded == "markup" else None)
    offsets = d.get("raw_offsets")
    a.raw_offsets = unruns(offsets) if offsets is not None else None
    b = d.get("bytes")
    if b is None:
        if raw_bytes is None:
            return
        data = raw_bytes  # kept apart (a store's blob) and handed back by the caller
    elif "base64" in b:
        data = base64.b64decode(b["base64"])
    else:
        source = a.text if b["of"] == "text" else a.raw
        data = (source or "").encode(b["encoding"])
    if d.get("sha256") and hashlib.sha256(data).hexdigest() != d["sha256"]:
        raise ValueError(f"article {a.id}: input bytes do not match their sha256")
    a.raw_bytes = data


# -- provenance --------------------------------------------------------------------------------
def _provenance(p: Provenance) -> dict[str, Any]:
    pipe = p.pipeline
    return {
        "language": p.language,
        "pipeline": {
            "name": pipe.name,
            "stages": list(pipe.stages),
            "models": dict(sorted(pipe.models.items())),
            "dragoman": pipe.dragoman,
        }
        if pipe
        else None,
    }


def _restore_provenance(d: dict[str, Any] | None) -> Provenance:
    if not d:
        return Provenance()
    pipe = d.get("pipeline")
    return Provenance(
        language=d.get("language"),
        pipeline=PipelineInfo(
            name=pipe.get("name"),
            stages=list(pipe.get("stages", [])),
            models=dict(pipe.get("models", {})),
            dragoman=pipe.get("dragoman"),
        )
        if pipe
        else None,
    )


# -- the publication date's basis ---------------------------------------------------------------
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


# -- writing -----------------------------------------------------------------------------------
def _published(value: date | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def to_json(a: Article, *, embed_bytes: bool = True) -> dict[str, Any]:
    """Article JSON v2 of ``a``; ``embed_bytes=False`` leaves the input bytes out (``input.bytes``
    is null, their ``sha256`` stays) for a caller that keeps them apart, as the stores do."""
    src = a.source
    return {
        "schema": SCHEMA_VERSION,
        "id": a.id,
        "language": a.language,
        "language_scores": dict(a.language_scores),
        "published": _published(src.published),
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
        "input": _input(a, embed_bytes),
        "text": a.text,
        "boilerplate": [{**_span(b.span), "reason": b.reason} for b in a.boilerplate],
        "sentences": [_span(s) for s in a.sentences],
        "tokens": [[t.start, t.end] for t in a.tokens],
        "norm": {"text": a.norm, "offsets": runs(a.norm_offsets or [])} if a.norm is not None else None,
        "mentions": [
            {
                "id": m.id,
                **_spantext(a, m.span),
                "type": m.type.value,
                "kind": m.kind.value,
                "source": m.source,
                "kb_id": m.kb_id,
                "head": _span(m.head) if m.head else None,
                "score": m.score,
            }
            for m in a.mentions
        ],
        "entities": [
            {
                "id": e.id,
                "canonical": e.canonical,
                "qid": e.qid,
                "type": e.type.value,
                "mentions": [
                    _spantext(a, a.mentions[i].span) | {"index": i, "id": a.mentions[i].id} for i in e.mentions
                ],
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
                "acts": d.acts,
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
                "date": {
                    "value": ev.date.value,
                    "granularity": ev.date.granularity.value,
                    "relative": ev.date.relative,
                    "anchor": ev.date.anchor,
                    **_span(ev.date.span),
                }
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
        "ext": {name: encode_layer(name, value) for name, value in sorted(a.ext.items())},
        "provenance": _provenance(a.provenance),
        "provided": sorted(a.provided),
    }


def dumps(a: Article, *, indent: int | None = 2) -> str:
    return json.dumps(to_json(a), ensure_ascii=False, indent=indent)


# -- reading -----------------------------------------------------------------------------------
def from_json(d: dict[str, Any], *, raw_bytes: bytes | None = None) -> Article:
    """An ``Article`` from Article JSON v2 (equal to the one written) or v1.

    ``raw_bytes`` gives back input bytes that were kept apart (``to_json(...,
    embed_bytes=False)``); they must match ``input.sha256``.
    """
    version = d.get("schema", SCHEMA_V1)
    if version not in READABLE:
        raise ValueError(f"unknown Article JSON schema {version!r}; this version reads {', '.join(READABLE)}")
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
    a.language_scores = dict(d.get("language_scores") or {})
    if d.get("input") is not None:
        _restore_input(a, d["input"], raw_bytes)
    a.boilerplate = [Boilerplate(Span(b["start"], b["end"]), b.get("reason", "")) for b in d.get("boilerplate", [])]
    a.sentences = [Span(x["start"], x["end"]) for x in d.get("sentences", [])]
    a.tokens = [Span(s, e) for s, e in d.get("tokens", [])]
    norm = d.get("norm")
    if norm is not None:
        a.norm = norm["text"]
        a.norm_offsets = unruns(norm["offsets"])
    a.mentions = [
        Mention(
            span=Span(m["start"], m["end"]),
            type=EntityType(m["type"]),
            kind=MentionKind(m.get("kind", "name")),
            source=m.get("source", "gazetteer"),
            kb_id=m.get("kb_id"),
            head=_sp(m.get("head")),
            score=m.get("score", 1.0),
            id=m.get("id", ""),
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
            acts=x.get("acts", True),
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
            date=_texpr(ev["date"]) if ev.get("date") else None,
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
    a.ext = {name: decode_layer(name, value) for name, value in (d.get("ext") or {}).items()}
    a.provenance = _restore_provenance(d.get("provenance"))
    a.provided = set(d.get("provided", []))
    if version == SCHEMA_V1:
        a.provided -= _NOT_IN_V1
    return a


# -- checking ----------------------------------------------------------------------------------
@cache
def schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    name = {SCHEMA_VERSION: "article-v2.schema.json", SCHEMA_V1: "article-v1.schema.json"}[version]
    text = resources.files("dragoman.schema").joinpath(name).read_text("utf-8")
    return json.loads(text)


def validate(doc: dict[str, Any]) -> None:
    """Validate against the JSON Schema of the document's version and check every quoted text equals its span."""
    import jsonschema

    version = doc.get("schema")
    if version not in READABLE:
        raise jsonschema.ValidationError(f"'schema' must be one of {list(READABLE)}, not {version!r}")
    jsonschema.validate(doc, schema(version))
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
    if version == SCHEMA_VERSION:
        _check_v2(doc)


def _check_v2(doc: dict[str, Any]) -> None:
    text = doc["text"]
    n = len(text)
    for s, e in doc["tokens"]:
        if not 0 <= s <= e <= n:
            raise ValueError(f"token ({s}, {e}) is outside the text")
    norm = doc.get("norm")
    if norm is not None and sum(length for _, length in norm["offsets"]) != len(norm["text"]) + 1:
        raise ValueError("norm.offsets must map every character of norm.text, plus one past the end")
    raw_offsets = doc["input"].get("raw_offsets")
    if raw_offsets is not None and sum(length for _, length in raw_offsets) != n:
        raise ValueError("input.raw_offsets must map every character of text")
