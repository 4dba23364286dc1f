"""Enumerate inputs as raw Articles (bytes + source metadata), without decoding them.

Decoding, charset detection and HTML extraction happen in the ``read``
stage so that a bad file becomes an error record like any other failure.
A JSONL dump yields one article per line; a line that is not valid JSON
yields an article whose bytes are that line, flagged so the read stage
reports it.

Beyond files: an ``http(s)://`` entry is fetched (``ingest.urls``, with
its SSRF guard), a ``.urls`` file is a list of URLs to fetch, ``.rss`` /
``.atom`` files are feeds (``ingest.feeds``) and ``.warc[.gz]`` files are
web archives (``ingest.warc``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dragoman.ingest.feeds import iter_feed
from dragoman.ingest.keys import READER_ERROR
from dragoman.ingest.urls import FetchSettings, iter_urls
from dragoman.ingest.warc import WARC_SUFFIXES, iter_warc
from dragoman.model import Article, Source

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom"}
URL_LIST_SUFFIXES = {".urls"}
URL_PREFIXES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class InputSpec:
    """A path given by the user; folders are walked, hidden files skipped."""

    path: Path


# Documentation files that sit beside a corpus are not articles.
_NOT_ARTICLES = ("readme", "license", "licence", "source.txt")


def _files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Files under ``paths`` with the outlet their folder names, if any.

    A folder walk skips hidden files and README/LICENCE files; a file one
    folder below the folder given (``corpus/<outlet>/page.html``) takes that
    folder's name as its outlet.  Files named explicitly are always read.
    """
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if not f.is_file() or any(part.startswith(".") for part in rel):
                    continue
                if f.name.lower().startswith(_NOT_ARTICLES):
                    continue
                yield f, (rel[0] if len(rel) >= 2 else None)
        elif p.exists():
            yield p, None
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _jsonl_articles(path: Path) -> Iterator[Article]:
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict):
                    raise ValueError("record is not a JSON object")
            except (ValueError, UnicodeDecodeError) as exc:
                art = Article.from_bytes(line, Source(path=where, format="invalid-jsonl"))
                art.meta[READER_ERROR] = f"line {lineno} is not a JSON object: {exc}"
                yield art
                continue
            body = rec.get("html") or rec.get("text") or ""
            fmt = "html" if rec.get("html") else "text"
            src = Source(
                path=where,
                url=rec.get("url"),
                outlet=rec.get("outlet") or rec.get("source"),
                title=rec.get("title"),
                published=_parse_date(rec.get("published") or rec.get("date")),
                format=fmt,
            )
            yield Article.from_bytes(str(body).encode("utf-8"), src)


def iter_inputs(
    paths: Iterable[str | Path], *, outlet: str | None = None, fetch: FetchSettings | None = None
) -> Iterator[Article]:
    """Raw articles for every file under ``paths`` and every URL among them.

    ``outlet`` is given to every article that does not name its own (web
    inputs default to the host name); ``fetch`` configures web access.
    """
    for p in paths:
        if isinstance(p, str) and p.startswith(URL_PREFIXES):
            yield from iter_urls([p], settings=fetch, outlet=outlet)
            continue
        for f, folder_outlet in _files([p]):
            yield from _file_articles(f, outlet or folder_outlet, fetch)


def _file_articles(f: Path, outlet: str | None, fetch: FetchSettings | None) -> Iterator[Article]:
    name = f.name.lower()
    suffix = f.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_articles(f)
    elif name.endswith(WARC_SUFFIXES):
        yield from iter_warc(f, outlet=outlet)
    elif suffix in FEED_SUFFIXES:
        yield from iter_feed(f, outlet=outlet, settings=fetch)
    elif suffix in URL_LIST_SUFFIXES:
        yield from iter_urls(f.read_text("utf-8").splitlines(), settings=fetch, outlet=outlet)
    else:
        data = f.read_bytes()
        fmt = "html" if suffix in HTML_SUFFIXES else "auto"
        yield Article.from_bytes(data, Source(path=str(f), outlet=outlet, format=fmt))
