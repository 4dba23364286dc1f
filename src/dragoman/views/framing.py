"""The framing comparison page's data: the framing document of the chosen articles, outlets side by side.

The figures are ``dragoman.framing.framing_report``'s (the same document
``dragoman framing --format json`` prints); this only picks the articles
and names the entities its keys refer to.  The articles are one story's
when the corpus layer (``dragoman.corpus.picture``) is installed and a
story is chosen, else those the analyst picks (no choice: every article, up
to ``DEFAULT_LIMIT``).
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
    actors: list[str]  # entity ids in two or more outlets' stance or names (all of them with one outlet)
    others: list[str]  # entity ids only one outlet names, when there are several outlets
    titles: dict[str, str]
    stories: list[tuple[str, str, int]]  # (id, title, articles) when stories are known
    story: str | None  # the story framed


def _stories(store: Store) -> list[tuple[str, str, list[str]]]:
    try:
        from dragoman.corpus.picture import picture_of
    except ImportError:  # the corpus layer is not installed: no stories to offer
        return []
    picture = picture_of(store)
    ordered = sorted(picture.stories, key=lambda s: (-len(s.articles), s.id))
    return [(s.id, s.title, [a.id for a in s.articles]) for s in ordered]


def framing_page(store: Store, wanted: list[str], *, story: str | None = None) -> FramingPage:
    rows = store.list_articles()
    stories = _stories(store)
    members = {sid: ids for sid, _title, ids in stories}
    if story is not None and story not in members:
        missing_story = [f"story {story}"]
        story = None
    else:
        missing_story = []
    if story is not None:
        ids = members[story]
    else:
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
    ranked = sorted(coverage, key=lambda e: (-coverage[e], names.get(e, e)))
    # Side by side, what matters is how outlets differ on the actors they share.
    several = len(report["outlets"]) > 1
    actors = [e for e in ranked if coverage[e] > 1 or not several]
    others = [e for e in ranked if several and coverage[e] == 1]
    return FramingPage(
        choices=rows,
        chosen=[a.id for a in articles],
        missing=missing_story + missing,
        report=report,
        names=names,
        actors=actors,
        others=others,
        titles={r.id: r.title or (r.path or "").rsplit("/", 1)[-1] or r.id[:12] for r in rows},
        stories=[(sid, title, len(ids)) for sid, title, ids in stories],
        story=story,
    )
