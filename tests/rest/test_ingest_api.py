"""Ingest through the API: uploaded files and fetched URLs end up stored and listed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dragoman.ingest import FetchSettings
from dragoman.rest import create_app

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "examples" / "caspian-ledger" / "2023-04-21-israel-embassy-turkmenistan.txt"


class _Page(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = PAGE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_uploaded_files_are_extracted_stored_and_listed(db: str, auth: dict[str, str]) -> None:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        r = c.post("/api/ingest/files", headers=auth,
                   files=[("files", ("../../etc/news.txt", PAGE.read_bytes(), "text/plain")),
                          ("files", ("empty.txt", b"", "text/plain"))])
        assert r.status_code == 200, r.text
        body = r.json()
        assert (body["seen"], body["stored"], len(body["errors"])) == (2, 1, 1)
        assert body["errors"][0]["input"] == "upload:empty.txt"
        paths = [a["path"] for a in c.get("/api/articles?limit=100").json()["items"]]
        assert "upload:news.txt" in paths  # the name only: no folders from the client
        again = c.post("/api/ingest/files", headers=auth, files={"files": ("copy.txt", PAGE.read_bytes())}).json()
        assert again["skipped"] == 1 and again["stored"] == 0


def test_urls_are_fetched_when_the_guard_allows_them(db: str, auth: dict[str, str], server: str) -> None:
    # Only a desk configured for an intranet (allow_private) may fetch from this machine; the
    # default desk refuses the same URL before connecting (test_security.py).
    with TestClient(create_app(db, fetch=FetchSettings(allow_private=True, retries=0)),
                    base_url="http://127.0.0.1") as c:
        r = c.post("/api/ingest/urls", headers=auth, json={"urls": [f"{server}/news"]})
        assert r.status_code == 200, r.text
        assert (r.json()["stored"], r.json()["refused"]) == (1, [])
        urls = [a["url"] for a in c.get("/api/articles?limit=100").json()["items"]]
        assert f"{server}/news" in urls
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        refused = c.post("/api/ingest/urls", headers=auth, json={"urls": [f"{server}/other"]}).json()
        assert refused["seen"] == 0 and refused["refused"][0]["kind"] == "unsafe_url"


RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Kazakhstan joins the accords</title><link>https://wire.example/a</link>
<pubDate>Thu, 06 Nov 2025 10:00:00 GMT</pubDate>
<description>Kazakhstan will join the Abraham Accords, the president said on Thursday in Washington.</description></item>
<item><title>Ministers meet in Baku</title><link>https://wire.example/b</link>
<pubDate>Fri, 07 Nov 2025 10:00:00 GMT</pubDate>
<description>The foreign ministers of Azerbaijan and Israel met in Baku on Friday to discuss trade.</description></item>
</channel></rss>"""


def test_uploaded_dumps_and_feeds_are_split_into_records_with_an_error_per_bad_record(
        db: str, auth: dict[str, str]) -> None:
    import json

    records = [
        {"title": "Talks in Astana", "published": "2025-05-01", "language": "en", "outlet": "Dump",
         "text": "Kazakhstan and Azerbaijan held talks in Astana on Thursday about a new pipeline."},
        {"title": "A visit", "published": "2025-05-02", "text": "Israel's president visited Baku on Friday."},
    ]
    dump = (json.dumps(records[0]) + "\n" + "{not json\n\n" + json.dumps(records[1]) + "\n").encode()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        r = c.post("/api/ingest/files", headers=auth,
                   files=[("files", ("dump.jsonl", dump, "application/x-ndjson")),
                          ("files", ("wire.rss", RSS, "application/rss+xml")),
                          ("files", ("pages.urls", b"http://127.0.0.1/\n", "text/plain"))])
        assert r.status_code == 200, r.text
        body = r.json()
        # Two JSONL records and two feed entries go in; the broken line and the URL list are errors of their own.
        assert body["stored"] == 4, body
        assert sorted((e["input"], e["kind"]) for e in body["errors"]) == [
            ("upload:dump.jsonl:2", "invalid_record"), ("upload:pages.urls", "network_disabled")]
        every = c.get("/api/articles?limit=100").json()["items"]
        listed = {a["path"]: a for a in every}
        assert {"upload:dump.jsonl:1", "upload:dump.jsonl:4"} <= set(listed)
        assert listed["upload:dump.jsonl:1"]["title"] == "Talks in Astana"
        assert listed["upload:dump.jsonl:4"]["published"] == "2025-05-02"
        wire = [a for a in every if a["path"] == "upload:wire.rss"]  # each entry keeps its own link
        assert sorted(a["url"] for a in wire) == ["https://wire.example/a", "https://wire.example/b"]
        assert sorted(a["title"] for a in wire) == ["Kazakhstan joins the accords", "Ministers meet in Baku"]
