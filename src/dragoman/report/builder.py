"""Write the static HTML report: index, one page per article and per entity, events and tracker pages, CSS and JS.

Every page is rendered from a view (``dragoman.views``), the same JSON-able
models the REST API serves, so nothing is computed twice for two surfaces.
The report reads only through the ``Store`` protocol, so it works the same
over SQLite, PostgreSQL or a test fake; entity and event pages come from the
store's query role when it has one, else from the articles as they stream by.
Nothing is loaded from outside the folder, so it opens from ``file://`` on a
machine with no network.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dragoman.model import Article
from dragoman.report.segments import render
from dragoman.store.base import Store
from dragoman.store.queries import MAX_LIMIT, EventQuery, MemoryQueries, Queries
from dragoman.views import article_summary, article_view, entity_view, event_list_view
from dragoman.views.labels import qid_url

ASSETS = ("report.css", "report.js")
_PAGE_NAME = re.compile(r"[0-9a-f]{16}\.html")


def _env() -> Environment:
    # Autoescaping on for every template: article text, titles, URLs and error
    # messages all come from outside and must never become markup.
    return Environment(
        loader=PackageLoader("dragoman.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def article_filename(article: Article) -> str:
    return f"articles/{article.id[:16]}.html"


def entity_filename(entity_id: str) -> str:
    # Entity ids hold colons and non-Latin keys: the file is named by a hash of the id.
    return f"entities/{hashlib.sha256(entity_id.encode('utf-8')).hexdigest()[:16]}.html"


def _copy_assets(out_dir: Path) -> None:
    dest = out_dir / "assets"
    dest.mkdir(parents=True, exist_ok=True)
    static = resources.files("dragoman.report").joinpath("static")
    for name in ASSETS:
        with resources.as_file(static.joinpath(name)) as src:
            shutil.copyfile(src, dest / name)


def _sort_key(row: dict[str, Any]) -> tuple[str, str, str]:
    # Newest first reads like a news site; unknown dates go last.
    pub = row["published"]
    return ("0" if pub == "unknown" else "1" + pub, row["outlet"], row["title"])


def _clean(folder: Path) -> None:
    # Pages of articles or entities no longer in the store would otherwise linger and be
    # mistaken for current ones; only files named like our pages are removed.
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file() and _PAGE_NAME.fullmatch(old.name):
            old.unlink()


def build_report(store: Store, out_dir: Path) -> Path:
    """Write the report for everything in ``store`` under ``out_dir``; return the index page."""
    out_dir = Path(out_dir)
    _clean(out_dir / "articles")
    _clean(out_dir / "entities")
    _copy_assets(out_dir)
    env = _env()
    page = env.get_template("article.html")
    rows: list[dict[str, Any]] = []
    titles: dict[str, tuple[str, str]] = {}  # article id -> (title, href)
    facts: Queries | None = store if isinstance(store, Queries) else None
    seen: list[Article] = []
    # One article in memory at a time when the store answers queries itself.
    for article in store.iter_articles():
        view = article_view(article)
        href = article_filename(article)
        html = page.render(v=view, body=Markup(render(view.text, view.marks)), root="../", entity_href=_entity_href)
        (out_dir / href).write_text(html, "utf-8")
        rows.append({**article_summary(article).to_dict(), "href": href})
        titles[article.id] = (view.title, href)
        if facts is None:
            seen.append(article)
    if facts is None:
        facts = MemoryQueries(seen)
    rows.sort(key=_sort_key, reverse=True)
    entities: list[dict[str, Any]] = [
        {
            "id": r.id,
            "canonical": r.canonical,
            "qid": r.qid,
            "qid_url": qid_url(r.qid),
            "type": r.type,
            "articles": r.articles,
            "mentions": r.mentions,
            "surface_forms": list(r.surface_forms),
            "href": entity_filename(r.id),
        }
        for r in store.entity_table()
    ]
    entity_page = env.get_template("entity.html")
    for row in entities:
        ev = entity_view(facts, str(row["id"]))
        if ev is not None:
            (out_dir / str(row["href"])).write_text(
                entity_page.render(e=ev, titles=titles, root="../", entity_href=_entity_href), "utf-8"
            )
    events = _all_events(facts)
    (out_dir / "events.html").write_text(
        env.get_template("events.html").render(events=events, titles=titles, root="", entity_href=_entity_href),
        "utf-8",
    )
    _write_tracker(store, out_dir, env, titles, {str(row["id"]) for row in entities})
    _write_picture(store, out_dir, env, titles)
    _write_framing(store, out_dir, env, titles, {str(row["id"]) for row in entities})
    errors = list(store.iter_errors())
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    index = out_dir / "index.html"
    index.write_text(
        env.get_template("index.html").render(
            articles=rows, entities=entities, errors=errors, generated=generated, root="", events=len(events)
        ),
        "utf-8",
    )
    return index


def _write_tracker(
    store: Store, out_dir: Path, env: Environment, titles: dict[str, tuple[str, str]], known: set[str]
) -> None:
    """The tracker page, from the tracker view; a state links to its entity page when it has one."""
    from dragoman.corpus.tracker import tracker_report
    from dragoman.views.tracker import tracker_view

    view = tracker_view(tracker_report(store))
    (out_dir / "tracker.html").write_text(
        env.get_template("tracker.html").render(
            view=view, titles=titles, known=known, root="", entity_href=_entity_href
        ),
        "utf-8",
    )


def _write_picture(store: Store, out_dir: Path, env: Environment, titles: dict[str, tuple[str, str]]) -> None:
    """The story and timeline pages, from the corpus picture's views."""
    from dragoman.corpus.picture import picture_of
    from dragoman.views.picture import stories_view, timeline_view

    pic = picture_of(store)
    for name, kw in (("stories.html", {"v": stories_view(pic)}), ("timeline.html", {"t": timeline_view(pic)})):
        html = env.get_template(name).render(**kw, titles=titles, root="", entity_href=_entity_href)
        (out_dir / name).write_text(html, "utf-8")


# A story's outlets side by side is what the framing page is for; the report shows the largest stories.
FRAMING_STORIES = 20


def _write_framing(
    store: Store, out_dir: Path, env: Environment, titles: dict[str, tuple[str, str]], known: set[str]
) -> None:
    """The framing page: outlets side by side for each story more than one outlet told (the dashboard's
    framing view, one story at a time), or for every article when no story has two outlets."""
    from dragoman.views.framing import framing_page

    first = framing_page(store, [])
    pages = []
    for sid, _title, n in first.stories[:FRAMING_STORIES]:
        if n < 2:
            continue
        page = framing_page(store, [], story=sid)
        if len(page.report["outlets"]) > 1:
            pages.append(page)
    if not pages:
        pages = [first]
    story_titles = {sid: title for sid, title, _n in first.stories}
    (out_dir / "framing.html").write_text(
        env.get_template("framing.html").render(
            pages=pages, story_titles=story_titles, titles=titles, known=known, root="", entity_href=_entity_href
        ),
        "utf-8",
    )


def _entity_href(entity_id: str) -> str:
    return entity_filename(entity_id)


def _all_events(facts: Queries) -> list[Any]:
    lines: list[Any] = []
    cursor: str | None = None
    while True:
        view = event_list_view(facts, EventQuery(limit=MAX_LIMIT, cursor=cursor))
        lines.extend(view.events)
        cursor = view.next_cursor
        if cursor is None:
            return lines
