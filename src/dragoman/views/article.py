"""One article as a reader sees it, computed from the Article alone (no I/O): JSON-able.

Every highlight is a ``Mark`` over a span of ``Article.text``; ``segments``
is the text cut at every mark boundary.  The side lists (entities, dates,
events, quotes, claims) are glossed in English, and each piece of evidence
names the anchor of its marks in the text.  The static report renders this
as HTML; the REST API returns ``to_dict()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from dragoman.model import Article, Entity, Mention, Span
from dragoman.views.base import View
from dragoman.views.labels import (
    direction,
    event_definition,
    gloss,
    is_web_url,
    published_label,
    qid_url,
    time_label,
    title_of,
)
from dragoman.views.marks import Mark, Segment, cut

# Outer to inner when spans coincide: chrome, evidence, quotes, mentions, dates.
RANK_BOILERPLATE, RANK_EVIDENCE, RANK_QUOTE, RANK_MENTION, RANK_TIME = range(5)


class Field(NamedTuple):
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Evidence:
    anchor: str  # data-anchor of the mark(s) in the text
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Row:
    """One item of the side panel (an event, quote or claim), already glossed in English."""

    id: str
    heading: str
    details: list[Field]
    evidence: list[Evidence]


@dataclass(slots=True)
class EntityLine:
    id: str
    canonical: str
    type: str
    qid: str | None
    qid_url: str | None
    count: int
    forms: list[str]


@dataclass(slots=True)
class TimeLine:
    text: str
    label: str
    start: int
    end: int


@dataclass(slots=True)
class ArticleView(View):
    id: str
    title: str
    dir: str
    lang: str
    url: str | None  # only an http(s) URL: something safe to link to
    source_url: str | None  # whatever the input said, to show as text
    meta: list[Field]
    provided: list[str]
    text: str
    marks: list[Mark]
    segments: list[Segment]
    entities: list[EntityLine]
    times: list[TimeLine]
    events: list[Row]
    quotes: list[Row]
    claims: list[Row]


@dataclass(slots=True)
class ArticleSummary(View):
    """A row of an article listing."""

    id: str
    title: str
    outlet: str
    language: str
    dir: str
    published: str
    estimated: bool
    mentions: int
    entities: int
    times: int
    events: int
    quotes: int
    claims: int


def _entity_of_mention(article: Article) -> dict[int, Entity]:
    return {i: e for e in article.entities for i in e.mentions}


def _mention_mark(i: int, m: Mention, ent: Entity | None) -> Mark:
    kind = gloss("mention_kind", m.kind.value)
    if ent is not None:
        title = " · ".join(x for x in (ent.canonical, ent.qid, m.type.value, kind) if x)
        attrs = {"title": title, "data-entity": ent.id}
        if ent.qid:
            attrs["data-qid"] = ent.qid
    else:
        title = " · ".join(x for x in (m.kb_id or "unlinked", m.type.value, kind) if x)
        attrs = {"title": title}
        if m.kb_id:
            attrs["data-entity"] = m.kb_id
    attrs["data-index"] = str(i)
    if m.id:
        attrs["data-mention"] = m.id
    return Mark(m.span, ("m", f"t-{m.type.value}", f"k-{m.kind.value}"), attrs, RANK_MENTION)


def _names(article: Article, ids: list[str]) -> str:
    """Canonical names of entities, glosses of described actors ("unnamed official (United States)")."""
    out = []
    for eid in ids:
        ent = article.entity(eid)
        described = None if ent else next((d for d in article.described if d.id == eid), None)
        out.append(ent.canonical if ent else described.gloss if described else eid)
    return ", ".join(out) or "—"


def _evidence(article: Article, prefix: str, spans: list[Span], marks: list[Mark]) -> list[Evidence]:
    out = []
    for i, s in enumerate(spans):
        anchor = f"{prefix}-{i}"
        marks.append(Mark(s, ("ev",), {"data-anchor": anchor}, RANK_EVIDENCE))
        out.append(Evidence(anchor, article.span_text(s), s.start, s.end))
    return out


def _events(article: Article, marks: list[Mark]) -> list[Row]:
    rows = []
    for ev in article.events:
        details = [
            Field("type", f"{ev.type}: {event_definition(ev.type)}"),
            Field("status", f"{ev.status.value}: {gloss('event_status', ev.status.value)}"),
            Field("actors", _names(article, ev.actors)),
            Field("recipients", _names(article, ev.recipients)),
        ]
        if ev.mode:
            details.append(Field("mode", ev.mode))
        if ev.date:
            details.append(Field("date", time_label(ev.date)))
        if ev.place:
            details.append(Field("place", _names(article, [ev.place])))
        heading = f"{_names(article, ev.actors)} — {gloss('event_types', ev.type)} — {_names(article, ev.recipients)}"
        rows.append(Row(ev.id, heading, details, _evidence(article, f"ev-{ev.id}", ev.evidence, marks)))
    return rows


def _who(article: Article, speaker: str | None, span: Span | None) -> str:
    """An entity's canonical name, a described actor's gloss, or the words as written."""
    ent = article.entity(speaker) if speaker else None
    if ent is not None:
        return ent.canonical
    described = next((d for d in article.described if d.id == speaker), None)
    if described is not None:
        return described.gloss
    return article.span_text(span) if span else "unknown"


def _quotes(article: Article, marks: list[Mark]) -> list[Row]:
    rows = []
    for q in article.quotes:
        who = _who(article, q.speaker, q.speaker_span)
        details = [
            Field("speaker", who),
            Field("speaker kind", gloss("speaker_kind", q.speaker_kind.value)),
            Field("form", "direct quotation" if q.direct else "indirect (reported) speech"),
        ]
        if q.speaker_span:
            details.append(Field("speaker as written", article.span_text(q.speaker_span)))
        anchor = f"q-{q.id}"
        cls = ("q", "direct" if q.direct else "indirect")
        marks.append(Mark(q.span, cls, {"data-anchor": anchor, "title": f"quote: {who}"}, RANK_QUOTE))
        evidence = [Evidence(anchor, article.span_text(q.span), q.span.start, q.span.end)]
        rows.append(Row(q.id, who, details, evidence))
    return rows


def _claims(article: Article, marks: list[Mark]) -> list[Row]:
    rows = []
    for c in article.claims:
        who = _who(article, c.claimant, c.claimant_span)
        details = [Field("claimant", who), Field("about", _names(article, c.about))]
        rows.append(Row(c.id, who, details, _evidence(article, f"cl-{c.id}", c.evidence, marks)))
    return rows


def _entities(article: Article) -> list[EntityLine]:
    lines = []
    for e in article.entities:
        forms: dict[str, int] = {}
        for i in e.mentions:
            if 0 <= i < len(article.mentions):
                form = article.span_text(article.mentions[i].span)
                forms[form] = forms.get(form, 0) + 1
        ordered = sorted(forms, key=lambda f: (-forms[f], f))
        lines.append(EntityLine(e.id, e.canonical, e.type.value, e.qid, qid_url(e.qid), len(e.mentions), ordered))
    lines.sort(key=lambda x: (-x.count, x.canonical))
    return lines


def _meta(article: Article) -> list[Field]:
    s = article.source
    rows = [
        Field("outlet", s.outlet or "—"),
        Field("published", published_label(article)),
        Field("language", article.language or "unknown"),
        Field("encoding", s.encoding or "—"),
    ]
    if s.encoding_note:
        rows.append(Field("encoding note", s.encoding_note))
    rows += [Field("format", s.format), Field("path", s.path or "—"), Field("id", article.id)]
    return rows


def article_view(article: Article) -> ArticleView:
    marks: list[Mark] = [
        Mark(b.span, ("bp",), {"title": f"page chrome: {b.reason}"}, RANK_BOILERPLATE) for b in article.boilerplate
    ]
    owners = _entity_of_mention(article)
    marks += [_mention_mark(i, m, owners.get(i)) for i, m in enumerate(article.mentions)]
    marks += [Mark(t.span, ("tx",), {"title": time_label(t)}, RANK_TIME) for t in article.time_expressions]
    events = _events(article, marks)
    quotes = _quotes(article, marks)
    claims = _claims(article, marks)
    times = [
        TimeLine(article.span_text(t.span), time_label(t), t.span.start, t.span.end) for t in article.time_expressions
    ]
    return ArticleView(
        id=article.id,
        title=title_of(article),
        dir=direction(article.language),
        lang=article.language or "",
        url=article.source.url if is_web_url(article.source.url) else None,
        source_url=article.source.url,
        meta=_meta(article),
        provided=sorted(article.provided),
        text=article.text,
        marks=marks,
        segments=cut(article.text, marks),
        entities=_entities(article),
        times=times,
        events=events,
        quotes=quotes,
        claims=claims,
    )


def article_summary(article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        title=title_of(article),
        outlet=article.source.outlet or "—",
        language=article.language or "?",
        dir=direction(article.language),
        published=published_label(article),
        estimated=article.source.published_estimated,
        mentions=len(article.mentions),
        entities=len(article.entities),
        times=len(article.time_expressions),
        events=len(article.events),
        quotes=len(article.quotes),
        claims=len(article.claims),
    )
