"""Enumerate inputs as raw Articles (bytes + source metadata), without decoding them.

Decoding, charset detection and HTML extraction happen in the ``read``
stage so that a bad file becomes an error record like any other failure.
Every input met ends as an Article: a file, a JSONL line, a feed entry, a
web-archive record, or one flagged with the reason it could not be read
(``dragoman.ingest.flagged``): an unreadable file, a FIFO, a dangling link,
a JSONL line that is not JSON.  Nothing here raises for a bad input.

The network is used only when asked.  ``paths`` are read offline, under a
guard that refuses any outbound connection (``dragoman.ingest.offline``):
a local RSS/Atom file gives its entries' own content, and a ``.urls`` file
or an ``http(s)://`` string met there becomes a ``network_disabled``
record.  Pages are fetched only from ``urls`` (URLs), ``url_lists`` (files
of URLs, one a line) and ``feeds`` (feed URLs or files), through the
guarded ``Fetcher`` of ``dragoman.ingest.urls``.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from dragoman.ingest.feeds import iter_feed, parse_feed
from dragoman.ingest.flagged import flagged
from dragoman.ingest.keys import READER_ERROR
from dragoman.ingest.offline import offline
from dragoman.ingest.urls import FetchSettings, iter_urls
from dragoman.ingest.walk import Entry, WalkLog, display_path, walk
from dragoman.ingest.warc import WARC_SUFFIXES, iter_warc
from dragoman.model import Article, Source

__all__ = ["DEFAULT_MAX_BYTES", "InputSpec", "WalkLog", "iter_inputs", "iter_stream", "missing_paths"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom"}
URL_LIST_SUFFIXES = {".urls"}
URL_PREFIXES = ("http://", "https://")
# The read stage's default ``max_bytes``: a bigger file is refused without being read into memory.
DEFAULT_MAX_BYTES = 50_000_000
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputSpec:
    """A path given by the user; folders are walked, hidden files skipped."""

    path: Path


def _is_url(p: str | Path) -> bool:
    return isinstance(p, str) and p.startswith(URL_PREFIXES)


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    """The paths among ``paths`` that do not exist (a dangling link exists: it is an input that fails)."""
    return [str(p) for p in paths if not _is_url(p) and not os.path.lexists(p)]


def iter_inputs(
    paths: Iterable[str | Path],
    *,
    outlet: str | None = None,
    urls: Iterable[str] = (),
    url_lists: Iterable[str | Path] = (),
    feeds: Iterable[str | Path] = (),
    fetch: FetchSettings | None = None,
    fetch_pages: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    log: WalkLog | None = None,
) -> Iterator[Article]:
    """Raw articles for every input: files and folders under ``paths`` (offline), then the web inputs.

    ``outlet`` is given to every article that does not name its own (web
    inputs default to the host name); ``fetch`` configures web access and
    ``fetch_pages`` fetches each feed entry's page.  Files larger than
    ``max_bytes`` (and JSONL lines) are refused without being read whole.
    ``log`` collects what the walk passed over on purpose.  Raises
    ``FileNotFoundError`` before yielding anything when a path does not exist.
    """
    paths = list(paths)
    missing = missing_paths(paths)
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    log = log if log is not None else WalkLog()
    yield from _offline(_local(paths, outlet, max_bytes, log))
    for url in urls:
        yield from iter_urls([url], settings=fetch, outlet=outlet)
    for lst in url_lists:
        yield from _url_list(Path(lst), outlet, fetch, max_bytes)
    for feed in feeds:
        where = str(feed)
        yield from _guarded(where, _counted(iter_feed(feed, fetch_pages=fetch_pages, settings=fetch, outlet=outlet), where, "feed"))


def _offline(items: Iterator[Article]) -> Iterator[Article]:
    """``items`` with the network refused while each one is produced (never while the caller works)."""
    while True:
        with offline():
            item = next(items, None)
        if item is None:
            return
        yield item


def _local(paths: list[str | Path], outlet: str | None, max_bytes: int, log: WalkLog) -> Iterator[Article]:
    for p in paths:
        if _is_url(p):
            yield flagged(
                str(p), "network_disabled", f"{p}: URLs among the paths are not fetched; pass them as URLs to fetch "
                "(urls=..., `dragoman ingest --urls FILE`)", url=str(p),
            )
            continue
        for entry in walk(Path(p), log):
            if entry.problem is not None:
                kind, message = entry.problem
                yield flagged(entry.name, kind, message, path=entry.name, outlet=outlet or entry.outlet)
            else:
                yield from _guarded(entry.name, _file_articles(entry, outlet or entry.outlet, max_bytes))


def _guarded(where: str, articles: Iterator[Article]) -> Iterator[Article]:
    """``articles``, with any exception a reader raises turned into a record for ``where``."""
    n = 0
    try:
        for art in articles:
            n += 1
            yield art
    except OSError as exc:
        yield flagged(where, "unreadable", f"{where}: read failed after {n} records: {exc.strerror or exc}", path=where)
    except Exception as exc:  # a reader's bug must not end the walk
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        yield flagged(where, "internal_error", f"{where}: reader failed after {n} records: {detail}", path=where)


def _open(path: Path) -> IO[bytes]:
    # O_NONBLOCK: if the file was swapped for a FIFO since the walk looked, opening must not hang.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{display_path(path)} is no longer a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_articles(entry: Entry, outlet: str | None, max_bytes: int) -> Iterator[Article]:
    f, where = entry.path, entry.name
    name = f.name.lower()
    suffix = f.suffix.lower()
    try:
        fh = _open(f)
    except OSError as exc:
        yield flagged(where, "unreadable", f"{where}: {exc.strerror or exc}", path=where, outlet=outlet)
        return
    with fh:
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_articles(fh, where, max_bytes)
            return
        if name.endswith(WARC_SUFFIXES):
            yield from _counted(iter_warc(fh, outlet=outlet, max_bytes=max_bytes, name=where), where, "web archive")
            return
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            yield flagged(where, "too_large", f"{where}: {size} bytes exceeds max_bytes={max_bytes}", path=where)
            return
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew since it was measured
        yield flagged(where, "too_large", f"{where}: over max_bytes={max_bytes}", path=where)
    else:
        yield from _bytes_articles(data, where, suffix, outlet)


def iter_stream(
    fh: IO[bytes], where: str, *, outlet: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article]:
    """The articles one input holds, read from an open binary stream named ``where`` (an upload).

    Its name's suffix picks the reader, as for a file met in a folder: a
    JSONL dump gives one article per record (``where:LINE``), a web archive
    one per response, a feed one per entry, anything else one article; a
    record that cannot be read is a flagged article of its own, and an input
    that holds nothing says so.  Nothing is fetched (a URL list is flagged).
    """
    name = where.lower()
    suffix = name[name.rfind("."):] if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in JSONL_SUFFIXES:
        yield from _offline(_guarded(where, _jsonl_articles(fh, where, max_bytes)))
        return
    if name.endswith(WARC_SUFFIXES):
        yield from _offline(_guarded(where, _counted(iter_warc(fh, outlet=outlet, max_bytes=max_bytes, name=where),
                                                     where, "web archive")))
        return
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield flagged(where, "too_large", f"{where}: over max_bytes={max_bytes}", path=where)
        return
    yield from _offline(_guarded(where, _bytes_articles(data, where, suffix, outlet)))


def _bytes_articles(data: bytes, where: str, suffix: str, outlet: str | None) -> Iterator[Article]:
    """What a whole file's bytes hold, by its suffix: a feed's entries, a flagged URL list, or one article."""
    if suffix in FEED_SUFFIXES:
        yield from _counted(parse_feed(data, feed_url=where, outlet=outlet), where, "feed")
    elif suffix in URL_LIST_SUFFIXES:
        yield flagged(
            where, "network_disabled", f"{where}: a URL list in a folder is not fetched; to fetch its pages pass it "
            "with `dragoman ingest --urls FILE` (url_lists=... in Python)", path=where, outlet=outlet,
        )
    else:
        fmt = "html" if suffix in HTML_SUFFIXES else "auto"
        yield Article.from_bytes(data, Source(path=where, outlet=outlet, format=fmt))


def _counted(articles: Iterator[Article], where: str, what: str) -> Iterator[Article]:
    """``articles``, or one record saying ``where`` held none: a file never vanishes silently."""
    n = 0
    for art in articles:
        n += 1
        yield art
    if n == 0:
        yield flagged(where, "empty", f"{where}: {what} holds no articles", path=where)


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    """A metadata field as text, or None: a dump may hold numbers, lists or nulls anywhere.

    A JSON escape can make a lone surrogate (``"\\ud800"``), which no database stores: it becomes U+FFFD.
    """
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).encode("utf-8", "surrogatepass").decode("utf-8", "replace").strip()
    return text or None


def _jsonl_articles(fh: IO[bytes], path: str, max_bytes: int) -> Iterator[Article]:
    lineno = records = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        where = f"{path}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (more := fh.readline(_CHUNK)) and not more.endswith(b"\n"):
                pass  # skip the rest of the line without holding it
            records += 1
            yield flagged(where, "too_large", f"line {lineno} is over max_bytes={max_bytes}", path=where)
            continue
        if not line.strip():
            continue
        records += 1
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("record is not a JSON object")
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            art = Article.from_bytes(line, Source(path=where, format="invalid-jsonl"))
            art.meta[READER_ERROR] = f"line {lineno} is not a JSON object: {exc}"
            yield art
            continue
        body = rec.get("html") or rec.get("text") or ""
        fmt = "html" if rec.get("html") else "text"
        src = Source(
            path=where,
            url=_text(rec.get("url")),
            outlet=_text(rec.get("outlet") or rec.get("source")),
            title=_text(rec.get("title")),
            published=_parse_date(rec.get("published") or rec.get("date")),
            format=fmt,
        )
        yield Article.from_bytes(str(body).encode("utf-8", "surrogatepass"), src)
    if records == 0:
        yield flagged(path, "empty", f"{path}: JSONL file holds no records", path=path)


def _url_list(path: Path, outlet: str | None, fetch: FetchSettings | None, max_bytes: int) -> Iterator[Article]:
    where = display_path(path)
    try:
        with _open(path) as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValueError(f"over max_bytes={max_bytes}")
        lines = data.decode("utf-8").splitlines()
    except (OSError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
        yield flagged(where, "unreadable", f"URL list {where}: {exc}", path=where)
        return
    urls = [u.strip() for u in lines if u.strip() and not u.strip().startswith("#")]
    if not urls:
        yield flagged(where, "empty", f"URL list {where} holds no URLs", path=where)
        return
    yield from iter_urls(urls, settings=fetch, outlet=outlet)
