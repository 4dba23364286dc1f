"""Turning files, folders, JSONL dumps, URLs, feeds and WARCs into unprocessed Articles.

Readers only enumerate bytes and source metadata; decoding, charset
detection and HTML rendering happen in the read stage (``charset`` and
``html`` here are its helpers), so a bad input becomes an error record
like any other failure.  Files and folders are walked offline (``walk``,
``offline``); only inputs given as URLs, URL lists or feeds are fetched.
"""

from dragoman.ingest.charset import Decoded, decode_bytes
from dragoman.ingest.feeds import iter_feed, parse_feed
from dragoman.ingest.offline import NetworkDisabled, offline
from dragoman.ingest.readers import InputSpec, iter_inputs, iter_stream
from dragoman.ingest.urls import Fetcher, FetchError, FetchSettings, UnsafeURL, check_url, iter_urls
from dragoman.ingest.walk import WalkLog
from dragoman.ingest.warc import iter_warc

__all__ = [
    "Decoded",
    "FetchError",
    "FetchSettings",
    "Fetcher",
    "InputSpec",
    "NetworkDisabled",
    "UnsafeURL",
    "WalkLog",
    "check_url",
    "decode_bytes",
    "iter_feed",
    "iter_inputs",
    "iter_stream",
    "iter_urls",
    "iter_warc",
    "offline",
    "parse_feed",
]
