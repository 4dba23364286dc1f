"""What one article's report page shows, computed from the Article alone (no I/O).

Every highlight is a ``Mark`` over a span of ``Article.text``; the side panel
lists events, quotes and claims with English glosses and anchors that point
back at their evidence marks in the text.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from babel import Locale, UnknownLocaleError

from dragoman.model import Article, Entity, Mention, Span, TimeExpr
from dragoman.report.segments import Mark, render

# Outer to inner when spans coincide: chrome, evidence, quotes, mentions, dates.
RANK_BOILERPLATE, RANK_EVIDENCE, RANK_QUOTE, RANK_MENTION, RANK_TIME = range(5)


@cache
def glosses() -> dict[str, dict[str, str]]:
    text = resources.files("dragoman.report").joinpath("glosses.toml").read_text("utf-8")
    data: dict[str, dict[str, str]] = tomllib.loads(text)
    return data


def gloss(table: str, key: str) -> str:
    return glosses().get(table, {}).get(key, key)


def event_definition(code: str) -> str:
    """The event code's definition from the events package's PLOVER table, when it is installed."""
    try:
        from dragoman.events.plover import plover_spec
    except ImportError:  # a build without the events package still renders
        return gloss("event_types", code)
    spec = plover_spec()
    if code in spec.types:
        return spec.types[code]
    if code in spec.extensions:
        ext = spec.extensions[code]
        return f"{ext.doc} (Dragoman extension; PLOVER {ext.rollup})"
    if code in spec.legacy:
        return f"legacy name of PLOVER {spec.legacy[code]}"
    return gloss("event_types", code)


@cache
def direction(language: str | None) -> str:
    """``rtl`` or ``ltr`` from CLDR (via Babel), so a new RTL language needs no code."""
    if not language:
        return "auto"
    try:
        order = Locale.parse(language.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError):
        return "auto"
    return "rtl" if order == "right-to-left" else "ltr"


def is_web_url(url: str | None) -> bool:
    # Only these become links: a javascript: or data: URL from a feed must stay inert text.
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def qid_url(qid: str | None) -> str | None:
    if qid and qid[:1] == "Q" and qid[1:].isdigit():
        return f"https://www.wikidata.org/wiki/{qid}"
    return None


@dataclass(frozen=True, slots=True)
class Evidence:
    anchor: str  # data-anchor of the mark(s) in the text
    text: str


@dataclass(slots=True)
class Row:
    """One item of the side panel (an event, quote or claim), already glossed in English."""

    id: str
    heading: str
    details: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


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
class ArticleView:
    article: Article
    title: str
    dir: str
    lang: str
    body_html: str
    entities: list[EntityLine]
    times: list[tuple[str, str]]  # (text, resolved value and granularity)
    events: list[Row]
    quotes: list[Row]
    claims: list[Row]
    meta: list[tuple[str, str]]
    url: str | None


def _entity_of_mention(article: Article) -> dict[int, Entity]:
    return {i: e for e in article.entities for i in e.mentions}


def _mention_mark(article: Article, i: int, m: Mention, ent: Entity | None) -> Mark:
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
    return Mark(m.span, ("m", f"t-{m.type.value}", f"k-{m.kind.value}"), attrs, RANK_MENTION)


def time_label(t: TimeExpr) -> str:
    label = f"{t.value or 'unresolved'} ({t.granularity.value})"
    if t.relative:
        label += f", relative to {t.anchor}" if t.anchor else ", relative, no anchor"
    return label


def _names(article: Article, ids: list[str]) -> str:
    out = []
    for eid in ids:
        ent = article.entity(eid)
        out.append(ent.canonical if ent else eid)
    return ", ".join(out) or "—"


def _evidence(article: Article, prefix: str, spans: list[Span], marks: list[Mark]) -> list[Evidence]:
    out = []
    for i, s in enumerate(spans):
        anchor = f"{prefix}-{i}"
        marks.append(Mark(s, ("ev",), {"data-anchor": anchor}, RANK_EVIDENCE))
        out.append(Evidence(anchor, article.span_text(s)))
    return out


def _events(article: Article, marks: list[Mark]) -> list[Row]:
    rows = []
    for ev in article.events:
        details = [
            ("type", f"{ev.type}: {event_definition(ev.type)}"),
            ("status", f"{ev.status.value}: {gloss('event_status', ev.status.value)}"),
            ("actors", _names(article, ev.actors)),
            ("recipients", _names(article, ev.recipients)),
        ]
        if ev.mode:
            details.append(("mode", ev.mode))
        if ev.date:
            details.append(("date", time_label(ev.date)))
        if ev.place:
            details.append(("place", _names(article, [ev.place])))
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
            ("speaker", who),
            ("speaker kind", gloss("speaker_kind", q.speaker_kind.value)),
            ("form", "direct quotation" if q.direct else "indirect (reported) speech"),
        ]
        if q.speaker_span:
            details.append(("speaker as written", article.span_text(q.speaker_span)))
        anchor = f"q-{q.id}"
        cls = ("q", "direct" if q.direct else "indirect")
        marks.append(Mark(q.span, cls, {"data-anchor": anchor, "title": f"quote: {who}"}, RANK_QUOTE))
        rows.append(Row(q.id, who, details, [Evidence(anchor, article.span_text(q.span))]))
    return rows


def _claims(article: Article, marks: list[Mark]) -> list[Row]:
    rows = []
    for c in article.claims:
        who = _who(article, c.claimant, c.claimant_span)
        details = [("claimant", who), ("about", _names(article, c.about))]
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


def title_of(article: Article) -> str:
    if article.source.title:
        return article.source.title
    for span in article.body_spans():
        for line in article.span_text(span).splitlines():
            if line.strip():
                line = line.strip()
                return line if len(line) <= 90 else line[:89] + "…"
    return article.source.path or article.id[:12]


def published_label(article: Article) -> str:
    pub = article.source.published
    if pub is None:
        return "unknown"
    return f"{pub.isoformat()} (estimated)" if article.source.published_estimated else pub.isoformat()


def _meta(article: Article) -> list[tuple[str, str]]:
    s = article.source
    rows = [
        ("outlet", s.outlet or "—"),
        ("published", published_label(article)),
        ("language", article.language or "unknown"),
        ("encoding", s.encoding or "—"),
    ]
    if s.encoding_note:
        rows.append(("encoding note", s.encoding_note))
    rows += [("format", s.format), ("path", s.path or "—"), ("id", article.id)]
    return rows


def article_view(article: Article) -> ArticleView:
    marks: list[Mark] = [
        Mark(b.span, ("bp",), {"title": f"page chrome: {b.reason}"}, RANK_BOILERPLATE) for b in article.boilerplate
    ]
    owners = _entity_of_mention(article)
    marks += [_mention_mark(article, i, m, owners.get(i)) for i, m in enumerate(article.mentions)]
    marks += [Mark(t.span, ("tx",), {"title": time_label(t)}, RANK_TIME) for t in article.time_expressions]
    events = _events(article, marks)
    quotes = _quotes(article, marks)
    claims = _claims(article, marks)
    times = [(article.span_text(t.span), time_label(t)) for t in article.time_expressions]
    return ArticleView(
        article=article,
        title=title_of(article),
        dir=direction(article.language),
        lang=article.language or "",
        body_html=render(article.text, marks),
        entities=_entities(article),
        times=times,
        events=events,
        quotes=quotes,
        claims=claims,
        meta=_meta(article),
        url=article.source.url if is_web_url(article.source.url) else None,
    )


def summary(article: Article) -> dict[str, Any]:
    """The index page's row for an article."""
    return {
        "title": title_of(article),
        "outlet": article.source.outlet or "—",
        "language": article.language or "?",
        "dir": direction(article.language),
        "published": published_label(article),
        "estimated": article.source.published_estimated,
        "mentions": len(article.mentions),
        "entities": len(article.entities),
        "times": len(article.time_expressions),
        "events": len(article.events),
        "quotes": len(article.quotes),
        "claims": len(article.claims),
    }
