"""Keys of ``Article.meta`` through which readers and the read/boilerplate stages talk.

Kept in one place so a reader and the stage that consumes its note cannot
drift apart.
"""

from __future__ import annotations

__all__ = ["CRAWLED_AT", "HTML_BODY_LINES", "HTTP_CONTENT_TYPE", "INPUT", "READER_ERROR", "READER_ERROR_KIND"]

# What the user gave, when the source's path and URL do not say it alone: a feed
# entry ("feed.rss#3") or a URL asked for (the source keeps where redirects led).
# Error records are keyed by it (see ``dragoman.pipeline.runner.input_of``).
INPUT = "input"

# Why a reader could not produce usable bytes; the read stage turns it into an InputError.
READER_ERROR = "reader_error"
# The InputError kind for READER_ERROR (default "invalid_record"; web readers use "fetch_error").
READER_ERROR_KIND = "reader_error_kind"
# The Content-Type header of an HTTP response, for charset sniffing.
HTTP_CONTENT_TYPE = "http_content_type"
# [start, end] spans of text lines trafilatura keeps as the article body (HTML only).
HTML_BODY_LINES = "html_body_lines"
# When a web archive captured the page (ISO 8601); not the publication date.
CRAWLED_AT = "crawled_at"
