"""English labels shared by every view: glosses of codes, directions, safe links, dates."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from babel import Locale, UnknownLocaleError

from dragoman.model import Article, TimeExpr


@cache
def glosses() -> dict[str, dict[str, str]]:
    text = resources.files("dragoman.views").joinpath("glosses.toml").read_text("utf-8")
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


def time_label(t: TimeExpr) -> str:
    return date_label(t.value, t.granularity.value, relative=t.relative, anchor=t.anchor)


def date_label(value: str | None, granularity: str, *, relative: bool = False, anchor: str | None = None) -> str:
    label = f"{value or 'unresolved'} ({granularity})"
    if relative:
        label += f", relative to {anchor}" if anchor else ", relative, no anchor"
    return label


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
    pub = article.source.published_iso()
    if pub is None:
        return "unknown"
    return f"{pub} (estimated)" if article.source.published_estimated else pub
