"""URL, feed and WARC readers, against a loopback http.server only."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.ingest import FetchSettings, UnsafeURL, check_url, iter_feed, iter_inputs, iter_urls, iter_warc
from dragoman.ingest.keys import HTTP_CONTENT_TYPE, READER_ERROR_KIND
from dragoman.ingest.offline import NetworkDisabled, offline
from dragoman.pipeline import InputError, input_of
from dragoman.stages.read import Read

AR = "قال وزير الخارجية الإسرائيلي إن أذربيجان حليف استراتيجي مهم لإسرائيل في منطقة القوقاز."
PAGE = f"<html><head><title>Baku</title></head><body><article><h1>Baku talks</h1><p>{AR}</p></article></body></html>"

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Arabic</title>
<item><title>Baku talks</title><link>{base}/page</link><pubDate>Tue, 29 Apr 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{ar}&lt;/p&gt;</description></item>
<item><title>Second</title><link>{base}/missing</link><description>short teaser text here</description></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        n = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/page":
            self._send(200, PAGE.encode("cp1256"), "text/html; charset=windows-1256")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
        elif self.path == "/flaky" and n == 1:
            self._send(503, b"try later", "text/plain")
        elif self.path == "/flaky":
            self._send(200, AR.encode("utf-8"), "text/plain; charset=utf-8")
        elif self.path == "/big":
            self._send(200, b"x" * 5000, "text/plain")
        elif self.path == "/feed":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            self._send(200, FEED.format(base=base, ar=AR).encode("utf-8"), "application/rss+xml")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


LOCAL = FetchSettings(allow_private=True, retries=2, backoff=0.01, timeout=5)


def test_fetch_passes_header_charset_to_read(server: str) -> None:
    (art,) = iter_urls([f"{server}/page"], settings=LOCAL)
    assert art.source.url == f"{server}/page" and art.source.outlet == "127.0.0.1"
    assert art.meta[HTTP_CONTENT_TYPE].endswith("windows-1256")
    art = Read()(art)
    assert AR in art.text and art.source.encoding == "cp1256" and art.source.format == "html"


def test_redirects_retries_and_errors(server: str) -> None:
    arts = list(
        iter_urls(
            [f"{server}/redirect", f"{server}/flaky", f"{server}/nope", "# comment", ""], settings=LOCAL
        )
    )
    assert len(arts) == 3
    assert arts[0].source.url == f"{server}/page"
    assert Read()(arts[1]).text == AR and _Handler.hits["/flaky"] == 2
    with pytest.raises(InputError) as err:
        Read()(arts[2])
    assert err.value.kind == "fetch_error" and "404" in err.value.message


def test_size_cap(server: str) -> None:
    (art,) = iter_urls([f"{server}/big"], settings=FetchSettings(allow_private=True, max_bytes=1000))
    assert art.meta[READER_ERROR_KIND] == "fetch_error"


def test_ssrf_guard_refuses_private_addresses(server: str) -> None:
    for url in (
        f"{server}/page",
        "http://localhost/",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest",
        "http://[::1]/",
    ):
        with pytest.raises(UnsafeURL):
            check_url(url)
    with pytest.raises(UnsafeURL):
        check_url("file:///etc/passwd", allow_private=True)
    (art,) = iter_urls([f"{server}/page"])  # default settings: no private addresses
    assert art.meta[READER_ERROR_KIND] == "unsafe_url"
    assert "/page" not in _Handler.hits


def test_iter_inputs_fetches_urls_and_url_lists_given_as_such(server: str, tmp_path: Path) -> None:
    lst = tmp_path / "todo.urls"
    lst.write_text(f"{server}/page\n\n# a comment\n{server}/flaky\n", "utf-8")
    arts = list(iter_inputs([], urls=[f"{server}/page"], url_lists=[lst], fetch=LOCAL))
    assert [a.source.url for a in arts] == [f"{server}/page", f"{server}/page", f"{server}/flaky"]
    assert [input_of(a) for a in arts] == [f"{server}/page", f"{server}/page", f"{server}/flaky"]


def test_a_folder_walk_never_touches_the_network(server: str, tmp_path: Path) -> None:
    # Finding 10: a .urls or .rss file met while walking a folder made real HTTP requests.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "todo.urls").write_text(f"{server}/page\n{server}/redirect\n", "utf-8")
    (corpus / "news.rss").write_text(FEED.format(base=server, ar=AR), "utf-8")
    arts = list(iter_inputs([corpus, f"{server}/flaky"], fetch=LOCAL))
    assert _Handler.hits == {}, "a folder walk made HTTP requests"
    kinds = {input_of(a): a.meta.get(READER_ERROR_KIND) for a in arts}
    # The URL list and the bare URL are recorded, not fetched; the local feed gives its entries' own text.
    assert kinds[str(corpus / "todo.urls")] == "network_disabled"
    assert kinds[f"{server}/flaky"] == "network_disabled"
    assert kinds[f"{corpus / 'news.rss'}#1"] is None and kinds[f"{corpus / 'news.rss'}#2"] is None
    assert AR in Read()(arts[0]).text


def test_offline_refuses_connections_and_lookups_in_its_thread_only(server: str) -> None:
    import socket

    port = int(server.rsplit(":", 1)[1])
    with offline():
        with pytest.raises(NetworkDisabled):
            socket.create_connection(("127.0.0.1", port), timeout=2)
        with pytest.raises(NetworkDisabled):
            socket.getaddrinfo("example.org", 80)
        box: list[object] = []

        def other_thread() -> None:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                box.append(s.getpeername())

        t = threading.Thread(target=other_thread)
        t.start()
        t.join()
        assert box, "another thread was blocked"
    socket.create_connection(("127.0.0.1", port), timeout=2).close()  # allowed again after the block


def test_feedparser_is_never_handed_a_file_name(tmp_path: Path) -> None:
    # feedparser tries bytes it is given as a file name first: a "feed" naming a local file would read it.
    secret = tmp_path / "secret.xml"
    secret.write_text(FEED.format(base="https://leak.example", ar=AR), "utf-8")
    feed = tmp_path / "evil.rss"
    feed.write_bytes(str(secret).encode())
    arts = list(iter_inputs([feed]))
    assert all("leak.example" not in (a.source.url or "") for a in arts)
    assert [a.meta.get(READER_ERROR_KIND) for a in arts] == ["empty"]


def test_feed_entries_and_fetched_pages(server: str) -> None:
    entries = list(iter_feed(f"{server}/feed", settings=LOCAL))
    assert [e.source.title for e in entries] == ["Baku talks", "Second"]
    first = Read()(entries[0])
    assert first.source.outlet == "Example Arabic" and first.source.published == date(2025, 4, 29)
    assert AR in first.text and first.source.format == "feed"
    pages = list(iter_feed(f"{server}/feed", settings=LOCAL, fetch_pages=True))
    page = Read()(pages[0])
    assert page.source.url == f"{server}/page" and "Baku talks" in page.text
    assert page.source.published == date(2025, 4, 29)
    with pytest.raises(InputError):
        Read()(pages[1])  # the linked page is a 404


def test_feed_file(tmp_path: Path) -> None:
    f = tmp_path / "news.rss"
    f.write_text(FEED.format(base="https://example.org", ar=AR), "utf-8")
    arts = list(iter_inputs([str(f)]))
    assert [a.source.url for a in arts] == ["https://example.org/page", "https://example.org/missing"]


def _warc(path: Path) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in [
            ("https://example.org/a", "200 OK", "text/html; charset=utf-8", PAGE.encode("utf-8")),
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
            ("https://example.org/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )


def test_warc_pages_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    arts = list(iter_warc(path))
    assert [a.source.url for a in arts] == ["https://example.org/a"]
    art = Read()(arts[0])
    assert art.source.outlet == "example.org" and art.source.format == "warc"
    assert AR in art.text and art.source.published is None
    assert [a.source.url for a in iter_inputs([tmp_path])] == ["https://example.org/a"]
