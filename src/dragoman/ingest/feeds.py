"""RSS and Atom feeds into raw Articles.

feedparser parses the feed from bytes we fetched ourselves (through the
guarded ``Fetcher``), never from a URL, so its own HTTP client is not used.
A feed entry usually carries only a teaser; with ``fetch_pages`` each
entry's link is fetched and the page becomes the article, with the feed's
title, date and outlet filling what the page leaves empty.  Without it the
entry's own content (or summary) is the article.
"""

from __future__ import annotations

import calendar
import io
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import feedparser

from dragoman.ingest.keys import INPUT, READER_ERROR, READER_ERROR_KIND
from dragoman.ingest.urls import Fetcher, FetchError, FetchSettings, UnsafeURL, outlet_from_url
from dragoman.model import Article, Source

__all__ = ["iter_feed", "parse_feed"]


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
    return None


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def parse_feed(data: bytes, *, feed_url: str | None = None, outlet: str | None = None) -> Iterator[Article]:
    """One Article per entry, from the entry's own content.

    feedparser is handed a file object, never the bytes themselves: given
    bytes it first tries them as a *file name* (a feed whose whole content
    is ``/etc/passwd`` would be read from the disk).
    """
    parsed = feedparser.parse(io.BytesIO(data))
    feed_outlet = outlet or parsed.feed.get("title") or (outlet_from_url(feed_url) if feed_url else None)
    for i, entry in enumerate(parsed.entries, 1):
        body = _entry_body(entry)
        src = Source(
            url=entry.get("link"),
            path=feed_url,
            outlet=feed_outlet,
            title=entry.get("title"),
            published=_entry_date(entry),
            format="feed",
        )
        art = Article.from_bytes(body.encode("utf-8", "surrogatepass"), src)
        # Every entry of a feed has the feed's path: the error record of one is keyed by its place in it.
        art.meta[INPUT] = f"{feed_url or 'feed'}#{i}"
        if not body.strip():
            art.meta[READER_ERROR] = f"feed entry {entry.get('link') or entry.get('id')!r} has no content"
            art.meta[READER_ERROR_KIND] = "empty"
        yield art


def iter_feed(
    source: str | Path,
    *,
    fetch_pages: bool = False,
    settings: FetchSettings | None = None,
    fetcher: Fetcher | None = None,
    outlet: str | None = None,
) -> Iterator[Article]:
    """Articles of a feed given as a URL or a file; ``fetch_pages`` fetches each entry's link."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        text = str(source)
        if text.startswith(("http://", "https://")):
            try:
                data, feed_url, _ = fetcher.fetch(text)
            except FetchError as exc:
                art = Article.from_bytes(text.encode("utf-8"), Source(url=text, format="feed"))
                art.meta[READER_ERROR] = f"feed not fetched: {exc}"
                art.meta[READER_ERROR_KIND] = "unsafe_url" if isinstance(exc, UnsafeURL) else "fetch_error"
                yield art
                return
        else:
            data, feed_url = Path(source).read_bytes(), str(source)
        for entry in parse_feed(data, feed_url=feed_url, outlet=outlet):
            if not (fetch_pages and entry.source.url):
                yield entry
                continue
            page = fetcher.article(entry.source.url, outlet=entry.source.outlet)
            page.source.title = page.source.title or entry.source.title
            page.source.published = page.source.published or entry.source.published
            page.source.path = entry.source.path
            page.meta[INPUT] = entry.meta[INPUT]
            yield page
    finally:
        if own:
            fetcher.close()
