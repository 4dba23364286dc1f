"""Analysts' corrections as evaluation data, in the dev set's gold schema (schema 1).

Every article with at least one correction in force is written as one gold
record built from the article *with its corrections applied*: entities
(canonical name, QID, type, surfaces as written), events (PLOVER type,
actors and recipient by canonical name, date and the words that give it,
place, status, evidence), quotes (speaker, speaker as written, direct,
quoted words) and the page chrome, every text field an exact substring of
the article, as the gold schema asks.  Facts nobody corrected are included
as the pipeline found them: an analyst who reviewed an article corrected
what was wrong and let the rest stand.  ``dragoman_corrections`` (outside the
gold schema, ignored by its scorer) lists the corrections each record rests
on, so a reader can weigh reviewed facts apart from the rest.

Translations are left null: the pipeline glosses facts, it does not
translate evidence.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from dragoman.model import Article
from dragoman.model.corrections import Correction, current_value, effective
from dragoman.store.base import Store
from dragoman.store.roles import Corrections

__all__ = ["CorrectionsGold", "gold_record"]

# Our entity types in the gold schema's vocabulary (a state or its government is a COUNTRY there).
_TYPES = {"GPE": "COUNTRY", "MISC": "GROUP"}
_STATUS = {"talks": "reported-talks"}


def _name(article: Article, entity_id: str | None) -> str | None:
    if not entity_id:
        return None
    ent = article.entity(entity_id)
    if ent is not None:
        return ent.canonical
    described = next((d for d in article.described if d.id == entity_id), None)
    return f"unnamed: {described.gloss}" if described is not None else entity_id


def _rollup(code: str) -> str:
    try:
        from dragoman.events.plover import rollup
    except ImportError:
        return code
    try:
        return rollup(code)
    except KeyError:
        return code


def gold_record(article: Article, corrections: list[Correction]) -> dict[str, Any]:
    """One gold record (the dev set's schema 1) of a corrected article."""
    entities = []
    for e in article.entities:
        surfaces = list(dict.fromkeys(article.span_text(article.mentions[i].span) for i in e.mentions
                                      if 0 <= i < len(article.mentions)))
        entities.append({"canonical": e.canonical, "wikidata": e.qid, "type": _TYPES.get(e.type.value, e.type.value),
                         "role": None, "surfaces": surfaces})
    events = []
    for n, ev in enumerate(article.events, 1):
        events.append({
            "id": f"e{n}",
            "dragoman_id": ev.id,
            "plover_type": _rollup(ev.type),
            "mode": ev.mode,
            "actor": [x for x in (_name(article, a) for a in ev.actors) if x],
            "recipient": [x for x in (_name(article, r) for r in ev.recipients) if x] or None,
            "date": ev.date.value if ev.date and ev.date.value else None,
            "date_expression": article.span_text(ev.date.span) if ev.date and ev.date.value else None,
            "location": _name(article, ev.place),
            "status": _STATUS.get(ev.status.value, ev.status.value),
            "evidence": article.span_text(ev.evidence[0]) if ev.evidence else None,
            "translation": None,
        })
    quotes = [
        {
            "dragoman_id": q.id,
            "speaker": _name(article, q.speaker) or "unnamed: unknown",
            "speaker_surface": article.span_text(q.speaker_span) if q.speaker_span else None,
            "direct": q.direct,
            "quote": article.span_text(q.span),
            "translation": None,
        }
        for q in article.quotes
    ]
    title = article.source.title
    return {
        "language": article.language,
        "outlet_guess": article.source.outlet,
        "publication_date_estimate": article.source.published.isoformat() if article.source.published else None,
        "publication_date_reasoning": None,
        "headline": title if title and title in article.text else None,
        "boilerplate": list(dict.fromkeys(article.span_text(b.span) for b in article.boilerplate)),
        "entities": entities,
        "events": events,
        "quotes": quotes,
        "numbers": [],
        "claims": [],
        "dragoman_corrections": [
            {"id": c.id, "target": c.target, "field": c.field, "before": c.before, "after": c.after, "who": c.who,
             "at": c.at, "reason": c.reason}
            for c in corrections
        ],
    }


class CorrectionsGold:
    """Every article an analyst corrected, as one gold JSON document (``{"schema": 1, "articles": {...}}``).

    Records are keyed by the article's file name when it has one (as the dev set keys its pages),
    else its id.  The records counted are the articles written.
    """

    name = "dragoman.CorrectionsGold.v1"
    format = "corrections-gold"
    media_type = "application/json"
    suffix = ".json"

    def export(self, store: Store, out: BinaryIO) -> int:
        articles: dict[str, Any] = {}
        if isinstance(store, Corrections):
            by_article: dict[str, list[Correction]] = {}
            for c in store.corrections():
                by_article.setdefault(c.article_id, []).append(c)
            for article_id in sorted(by_article):
                article = store.get_article(article_id)
                if article is None:
                    continue
                # Only corrections whose fact the current revision has: an orphan vouches for nothing here.
                plain = store.get_article(article_id, corrected=False)  # type: ignore[call-arg]
                live = [c for c in effective(by_article[article_id])
                        if plain is not None and current_value(plain, c.target, c.field)[0]]
                if not live:
                    continue
                key = (article.source.path or "").replace("\\", "/").rsplit("/", 1)[-1] or article.id
                articles[key if key not in articles else article.id] = gold_record(article, live)
        doc = {"schema": 1, "source": "dragoman corrections", "articles": articles}
        out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
        return len(articles)
