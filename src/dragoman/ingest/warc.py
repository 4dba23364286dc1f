"""Web archives (WARC, plain or gzipped) into raw Articles.

Only successful ``response`` records whose payload is a page (HTML, XHTML
or plain text) become articles; requests, metadata, images and redirects
are skipped.  The capture date is kept in ``meta`` but not used as the
publication date: a crawl can happen years after a story ran.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator

from dragoman.ingest.keys import CRAWLED_AT, HTTP_CONTENT_TYPE, READER_ERROR, READER_ERROR_KIND
from dragoman.ingest.urls import outlet_from_url
from dragoman.model import Article, Source

__all__ = ["WARC_SUFFIXES", "iter_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(
    source: str | Path | IO[bytes],
    *,
    outlet: str | None = None,
    max_bytes: int = 50_000_000,
    name: str | None = None,
) -> Iterator[Article]:
    """One raw Article per page captured in the archive ``source`` (a path, or a file open for reading).

    ``name`` is what the articles' paths start with (default: the path).
    """
    if isinstance(source, str | Path):
        with Path(source).open("rb") as fh:
            yield from _records(fh, name or str(source), outlet, max_bytes)
    else:
        yield from _records(source, name or "warc", outlet, max_bytes)


def _records(fh: IO[bytes], path: str, outlet: str | None, max_bytes: int) -> Iterator[Article]:
    for n, record in enumerate(ArchiveIterator(fh, arc2warc=True)):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        status = record.http_headers.get_statuscode()
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not status or not status.startswith("2"):
            continue
        if content_type and not content_type.lower().startswith(_PAGE_TYPES):
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        body = record.content_stream().read(max_bytes + 1)
        src = Source(path=f"{path}#{n}", url=url, outlet=outlet or outlet_from_url(url), format="warc")
        art = Article.from_bytes(body, src)
        if content_type:
            art.meta[HTTP_CONTENT_TYPE] = content_type
        captured = record.rec_headers.get_header("WARC-Date")
        if captured:
            art.meta[CRAWLED_AT] = captured
        if len(body) > max_bytes:
            art.meta[READER_ERROR] = f"record {n} is over the {max_bytes}-byte limit"
            art.meta[READER_ERROR_KIND] = "too_large"
        yield art
