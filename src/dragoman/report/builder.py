"""Write the static HTML report: index.html, one page per article, one CSS and one JS file.

The report reads only through the ``Store`` protocol, so it works the same
over SQLite, PostgreSQL or a test fake.  Nothing is loaded from outside the
folder, so it opens from ``file://`` on a machine with no network.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dragoman.model import Article
from dragoman.report.view import article_view, qid_url, summary
from dragoman.store.base import Store

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


def build_report(store: Store, out_dir: Path) -> Path:
    """Write the report for everything in ``store`` under ``out_dir``; return the index page."""
    out_dir = Path(out_dir)
    pages = out_dir / "articles"
    pages.mkdir(parents=True, exist_ok=True)
    # Pages of articles no longer in the store would otherwise linger and be
    # mistaken for current ones; only files named like our pages are removed.
    for old in pages.iterdir():
        if old.is_file() and _PAGE_NAME.fullmatch(old.name):
            old.unlink()
    _copy_assets(out_dir)
    env = _env()
    page = env.get_template("article.html")
    rows: list[dict[str, Any]] = []
    # One article in memory at a time: stores page through their articles.
    for article in store.iter_articles():
        view = article_view(article)
        href = article_filename(article)
        html = page.render(v=view, body=Markup(view.body_html), root="../")
        (out_dir / href).write_text(html, "utf-8")
        rows.append({**summary(article), "href": href})
    rows.sort(key=_sort_key, reverse=True)
    entities = [
        {
            "id": r.id,
            "canonical": r.canonical,
            "qid": r.qid,
            "qid_url": qid_url(r.qid),
            "type": r.type,
            "articles": r.articles,
            "mentions": r.mentions,
            "surface_forms": list(r.surface_forms),
        }
        for r in store.entity_table()
    ]
    errors = list(store.iter_errors())
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    index = out_dir / "index.html"
    index.write_text(
        env.get_template("index.html").render(
            articles=rows, entities=entities, errors=errors, generated=generated, root=""
        ),
        "utf-8",
    )
    return index
