"""Inputs that could not be read, as Articles flagged for the read stage.

A reader never raises for one bad input: it yields an Article carrying the
reason (``READER_ERROR``) and its kind, and the read stage turns that into
an error record like any other failure.  The record is keyed by the input
(the path, URL or ``file:line`` in ``where``), so the flagged Article's
bytes are only that name: there are no content bytes to hash.

Kinds a reader uses, beside the read stage's own (``empty``, ``binary``,
``undecodable``, ``too_large``, ``invalid_record``):

* ``unreadable``: no permission, or an I/O error, on a file or a folder;
* ``not_a_file``: a FIFO, socket or device, never opened (a FIFO would block);
* ``dangling_link``: a symbolic link whose target does not exist;
* ``link_loop``: a link back to a folder being walked;
* ``not_found``: a path that disappeared while the walk went on;
* ``network_disabled``: a URL or URL list met where nothing is fetched;
* ``fetch_error``, ``unsafe_url``: a page that could not, or may not, be fetched;
* ``internal_error``: a reader failed in a way it did not foresee (a bug).
"""

from __future__ import annotations

from dragoman.ingest.keys import INPUT, READER_ERROR, READER_ERROR_KIND
from dragoman.model import Article, Source

__all__ = ["flagged"]


def flagged(
    where: str,
    kind: str,
    message: str,
    *,
    path: str | None = None,
    url: str | None = None,
    fmt: str = "auto",
    outlet: str | None = None,
) -> Article:
    """An Article standing for the input ``where``, which the read stage will record as ``kind``."""
    art = Article.from_bytes(where.encode("utf-8", "surrogateescape"), Source(path=path, url=url, format=fmt, outlet=outlet))
    art.meta[READER_ERROR] = message
    art.meta[READER_ERROR_KIND] = kind
    art.meta[INPUT] = where
    return art
