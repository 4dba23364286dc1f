"""The framing comparison page's data: the framing document of the chosen articles, outlets side by side.

The figures are ``dragoman.framing.framing_report``'s (the same document
``dragoman framing --format json`` prints); this only picks the articles
and names the entities its keys refer to.  Until stories are stored, the
analyst picks the articles of one story by hand (no choice: every article,
up to ``DEFAULT_LIMIT``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dragoman.framing import framing_report
from dragoman.store.base import ArticleRow, Store

DEFAULT_LIMIT = 40


@dataclass(slots=True)
class FramingPage:
    choices: list[ArticleRow]  # every stored article, to pick from
    chosen: list[str]  # ids of the articles framed
    missing: list[str]  # ids asked for that the store does not have
    report: dict[str, Any]  # the framing v1 document
    names: dict[str, str]  # entity id -> canonical name, for the keys of stance and names
    actors: list[str]  # entity ids that appear in any outlet's stance or names, most covered first
    titles: dict[str, str]


def framing_page(store: Store, wanted: list[str]) -> FramingPage:
    rows = store.list_articles()
    ids = list(dict.fromkeys(wanted)) if wanted else [r.id for r in rows[:DEFAULT_LIMIT]]
    articles = []
    missing = []
    names: dict[str, str] = {}
    for article_id in ids:
        article = store.get_article(article_id)
        if article is None:
            missing.append(article_id)
            continue
        articles.append(article)
        for e in article.entities:
            names.setdefault(e.id, e.canonical)
    report = framing_report(articles)
    coverage: dict[str, int] = {}
    for o in report["outlets"]:
        for eid in {*o["stance"], *o["names"]}:
            coverage[eid] = coverage.get(eid, 0) + 1
    actors = sorted(coverage, key=lambda e: (-coverage[e], names.get(e, e)))
    return FramingPage(
        choices=rows,
        chosen=[a.id for a in articles],
        missing=missing,
        report=report,
        names=names,
        actors=actors,
        titles={r.id: r.title or r.path or r.id[:12] for r in rows},
    )
