"""Who may do what: tokens (hashed), 401s, reads off loopback, body limits (413), and the SSRF guard."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from dragoman.ingest import FetchSettings
from dragoman.ingest import urls as urls_module
from dragoman.ingest.urls import Fetcher
from dragoman.model import Article
from dragoman.rest import create_app, create_token
from dragoman.store import open_store


def _correction(article: Article) -> dict[str, Any]:
    return {"article_id": article.id, "kind": "event", "fact": article.events[0].id, "field": "status",
            "after": "planned", "reason": "announced, not done"}


def test_writes_refuse_a_missing_wrong_or_revoked_token(client: TestClient, corpus: list[Article], db: str,
                                                        auth: dict[str, str]) -> None:
    body = _correction(corpus[0])
    for headers in ({}, {"Authorization": "Bearer dgm_wrong"}, {"Authorization": "Basic YTpi"}):
        r = client.post("/api/corrections", json=body, headers=headers)
        assert r.status_code == 401 and r.headers["content-type"] == "application/problem+json"
        assert r.headers["www-authenticate"].startswith("Bearer")
    assert client.post("/api/corrections/1/revert", json={"reason": "x"}).status_code == 401
    assert client.post("/api/ingest/urls", json={"urls": ["http://example.org/"]}).status_code == 401
    assert client.post("/api/ingest/files", files={"files": ("a.txt", b"text")}).status_code == 401
    assert client.get("/api/corrections").json()["items"] == []  # nothing was written
    made = client.post("/api/corrections", json=body, headers=auth)
    assert made.status_code == 201 and made.json()["who"] == "analyst"
    store = open_store(db)
    assert store.revoke_token("analyst")  # type: ignore[attr-defined]
    store.close()
    assert client.post("/api/corrections", json=body, headers=auth).status_code == 401


def test_tokens_are_kept_as_digests_only(db: str, token: str) -> None:
    raw = b"".join(p.read_bytes() for p in Path(db).parent.glob("desk.db*"))
    assert token.encode() not in raw
    store = open_store(db)
    try:
        assert [t.name for t in store.tokens()] == ["analyst"]  # type: ignore[attr-defined]
        with pytest.raises(ValueError, match="exists"):
            create_token(store, "analyst")
        with pytest.raises(ValueError, match="token name"):
            create_token(store, "<b>x</b>")
    finally:
        store.close()


def test_reads_need_a_token_when_not_on_loopback(db: str, auth: dict[str, str]) -> None:
    with TestClient(create_app(db, host="0.0.0.0"), base_url="http://10.1.2.3") as c:
        assert c.get("/api/articles").status_code == 401
        assert c.get("/api/articles", headers=auth).status_code == 200
        doc = c.get("/openapi.json").json()
        # A token, or the dashboard's signed-in session (reads only); a write takes the token alone.
        assert doc["paths"]["/api/articles"]["get"]["security"] == [{"HTTPBearer": []}, {"SessionCookie": []}]
        assert doc["paths"]["/api/corrections"]["post"]["security"] == [{"HTTPBearer": []}]
    with TestClient(create_app(db, host="::1"), base_url="http://[::1]:8000") as c:
        assert c.get("/api/articles").status_code == 200


def test_open_reads_answer_only_requests_addressed_to_loopback(db: str) -> None:
    # A page that rebinds its own name to 127.0.0.1 sends its own name as Host: refused.
    with TestClient(create_app(db), base_url="http://attacker.example") as c:
        r = c.get("/api/articles")
        assert r.status_code == 400 and r.headers["content-type"] == "application/problem+json"
        assert r.headers["content-security-policy"]
    for base in ("http://localhost:8000", "http://127.0.0.1", "http://[::1]:8000"):
        with TestClient(create_app(db), base_url=base) as c:
            assert c.get("/api/articles").status_code == 200, base
    with TestClient(create_app(db, host="0.0.0.0"), base_url="http://desk.example") as c:
        assert c.get("/api/articles").status_code == 401  # any name off loopback, but only with a token


def test_oversize_bodies_are_refused_with_413(db: str, auth: dict[str, str], corpus: list[Article]) -> None:
    with TestClient(create_app(db, max_body=1000, max_upload=2000), base_url="http://127.0.0.1") as c:
        big = {**_correction(corpus[0]), "reason": "x" * 5000}
        r = c.post("/api/corrections", json=big, headers=auth)
        assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what streams in
            yield b'{"article_id": "'
            for _ in range(20):
                yield b"a" * 100
            yield b'"}'

        r = c.post("/api/corrections", content=chunks(), headers={**auth, "Content-Type": "application/json"})
        assert r.status_code == 413
        r = c.post("/api/ingest/files", files={"files": ("big.txt", b"y" * 3000)}, headers=auth)
        assert r.status_code == 413
        assert c.get("/api/corrections").json()["items"] == []


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A fake DNS: names map to the addresses given; nothing is looked up for real."""
    table: dict[str, str] = {}

    def fake(host: str, port: object, *args: object, **kwargs: object) -> list[Any]:
        if host not in table:
            raise socket.gaierror(f"unknown name {host}")
        addr = table[host]
        family = socket.AF_INET6 if ":" in addr else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (addr, port))]

    monkeypatch.setattr(urls_module.socket, "getaddrinfo", fake)
    return table


def test_ingest_urls_refuses_private_loopback_and_metadata_targets(
    client: TestClient, auth: dict[str, str], resolver: dict[str, str]
) -> None:
    for ip in ("127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1"):
        resolver[ip] = ip
    resolver["rebound.example"] = "10.0.0.1"  # a name resolving to a private address
    resolver["meta.example"] = "169.254.169.254"
    targets = ["http://127.0.0.1/", "http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/",
               "http://[::1]:8000/", "http://rebound.example/", "http://meta.example/x", "file:///etc/passwd",
               "gopher://example.org/", "ftp://example.org/"]
    r = client.post("/api/ingest/urls", json={"urls": targets}, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["seen"] == 0 and body["stored"] == 0
    assert [x["input"] for x in body["refused"]] == targets
    assert all(x["kind"] == "unsafe_url" for x in body["refused"])


def test_the_fetcher_connects_to_the_address_it_checked(resolver: dict[str, str]) -> None:
    # DNS rebinding: the name is public when checked and would be loopback a moment later.  The
    # connection must go to the checked address, with the name in the Host header.
    resolver["news.example"] = "93.184.216.34"
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        resolver["news.example"] = "127.0.0.1"
        if request.url.path == "/first":
            return httpx.Response(302, headers={"Location": "http://news.example/page"})
        return httpx.Response(200, text="news text", headers={"Content-Type": "text/plain"})

    with Fetcher(FetchSettings(retries=0), transport=httpx.MockTransport(handler)) as f, \
            pytest.raises(urls_module.UnsafeURL):
        f.fetch("http://news.example/first")  # the redirect is checked again: now loopback
    assert [r.url.host for r in seen] == ["93.184.216.34"]
    assert seen[0].headers["host"] == "news.example"
    resolver["news.example"] = "93.184.216.34"
    seen.clear()

    def plain(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="news text", headers={"Content-Type": "text/plain"})

    with Fetcher(FetchSettings(retries=0), transport=httpx.MockTransport(plain)) as f:
        body, final, _ = f.fetch("https://news.example:8443/a?b=1")
    assert body == b"news text" and final == "https://news.example:8443/a?b=1"
    assert str(seen[0].url) == "https://93.184.216.34:8443/a?b=1"
    assert seen[0].headers["host"] == "news.example:8443"
    assert seen[0].extensions["sni_hostname"] == "news.example"


def test_a_crash_is_a_problem_document_with_the_security_headers(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from dragoman.rest.security import CSP
    from dragoman.store.sqlite import SQLiteStore

    def broken(self: object, *args: object, **kwargs: object) -> object:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLiteStore, "counts", broken)
    with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        r = c.get("/api/counts")
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert r.headers["content-security-policy"] == CSP and "disk on fire" not in r.text
