"""Off loopback: the dashboard's pages need a signed-in session, opened with a token, that grants reads only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import make_app

from dragoman.rest.security import COOKIE
from dragoman.store import Store

DESK = "http://desk.example"  # a name off loopback, as a colleague's browser would address the desk


@pytest.fixture
def desk(dash_store: Store, dash_folder: Path, request: pytest.FixtureRequest) -> Iterator[tuple[TestClient, str]]:
    name = f"signin-{request.node.name}"[:60].replace("[", "-").replace("]", "")
    app, token = make_app(dash_store, dash_folder, host="0.0.0.0", token_name=name)
    with TestClient(app, base_url=DESK, follow_redirects=False) as client:
        yield client, token
    dash_store.revoke_token(name)  # type: ignore[attr-defined]


def _sign_in(client: TestClient, token: str, next_path: str = "/events") -> str:
    origin = str(client.base_url).rstrip("/")  # a browser's post from the desk's own sign-in page
    r = client.post("/signin", data={"token": token, "next": next_path}, headers={"Origin": origin})
    assert r.status_code == 303, r.text
    return r.headers["set-cookie"]


def test_pages_send_a_browser_without_a_session_to_sign_in(desk: tuple[TestClient, str]) -> None:
    client, _token = desk
    for path in ("/", "/events?type=CONSULT", "/tracker", "/articles"):
        r = client.get(path)
        assert r.status_code == 303, path
        assert r.headers["location"].startswith("/signin?next=/"), path
    page = client.get("/signin?next=/events")
    assert page.status_code == 200 and 'id="signin-form"' in page.text
    assert 'name="next" value="/events"' in page.text
    assert client.get("/api/events").status_code == 401  # the API answers with a problem, not a redirect
    assert client.get("/static/dash/dash.css").status_code == 200  # the sign-in page's own assets


def test_a_valid_token_opens_a_read_only_session_cookie(desk: tuple[TestClient, str], dash_store: Store) -> None:
    client, token = desk
    bad = client.post("/signin", data={"token": "dgm_not-a-token", "next": "/"})
    assert bad.status_code == 401 and "not valid" in bad.text and COOKIE not in bad.headers.get("set-cookie", "")
    cookie = _sign_in(client, token, "/events?type=CONSULT")
    value = cookie.split(";")[0].split("=", 1)[1]
    attrs = {a.strip().lower() for a in cookie.split(";")[1:]}
    assert "httponly" in attrs and "samesite=strict" in attrs and "path=/" in attrs
    assert "secure" not in attrs  # plain http here: a Secure cookie would never come back
    assert token not in cookie and len(value) >= 40  # a random session id, never the token
    assert client.get("/events?type=CONSULT").status_code == 200
    assert "signed in as" in client.get("/").text
    assert client.get("/api/events").status_code == 200  # reads through the API too
    article = dash_store.list_articles()[0].id
    assert client.get(f"/articles/{article}").status_code == 200
    # Writes still need the token itself: the cookie alone changes nothing (no CSRF surface).
    body = {"article_id": article, "target": "event:e-0", "field": "status", "after": "planned", "reason": "x"}
    assert client.post("/api/corrections", json=body).status_code == 401
    assert client.post("/api/ingest/urls", json={"urls": ["http://example.org/"]}).status_code == 401
    doc = client.get("/openapi.json").json()
    assert {"SessionCookie": []} in doc["paths"]["/api/events"]["get"]["security"]
    assert doc["paths"]["/api/corrections"]["post"]["security"] == [{"HTTPBearer": []}]


def test_revoking_the_token_ends_its_sessions_and_sign_out_ends_one(desk: tuple[TestClient, str],
                                                                    dash_store: Store) -> None:
    client, token = desk
    _sign_in(client, token)
    assert client.get("/").status_code == 200
    out = client.post("/signout", headers={"Origin": DESK})
    assert out.status_code == 303 and out.headers["location"] == "/signin"
    assert client.get("/").status_code == 303
    _sign_in(client, token)
    stolen = client.cookies.get(COOKIE)
    assert client.get("/").status_code == 200
    name = next(t.name for t in dash_store.tokens() if t.name.startswith("signin-test_revoking"))  # type: ignore[attr-defined]
    dash_store.revoke_token(name)  # type: ignore[attr-defined]
    assert client.get("/").status_code == 303
    client.cookies.set(COOKIE, stolen or "")  # the same cookie replayed: gone for good
    assert client.get("/api/events").status_code == 401
    assert client.post("/signin", data={"token": token}).status_code == 401  # and the token cannot sign in


def test_secure_cookie_on_https_and_no_sign_in_from_another_site(dash_store: Store, dash_folder: Path) -> None:
    app, token = make_app(dash_store, dash_folder, host="0.0.0.0", token_name="signin-https")
    try:
        with TestClient(app, base_url="https://desk.example", follow_redirects=False) as client:
            cookie = _sign_in(client, token, "/")
            assert "secure" in {a.strip().lower() for a in cookie.split(";")}
            forged = client.post("/signin", data={"token": token}, headers={"Origin": "https://evil.example"})
            assert forged.status_code == 403 and "set-cookie" not in forged.headers
            assert client.post("/signout", headers={"Origin": "https://evil.example"}).status_code == 403
            # Only a path on this site is a place to go back to after signing in.
            for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"):
                r = client.post("/signin", data={"token": token, "next": target})
                assert r.headers["location"] == "/", target
    finally:
        dash_store.revoke_token("signin-https")  # type: ignore[attr-defined]


def test_on_loopback_there_is_nothing_to_sign_in_to(dash_app: object) -> None:
    with TestClient(dash_app, base_url="http://127.0.0.1", follow_redirects=False) as client:  # type: ignore[arg-type]
        assert client.get("/").status_code == 200
        assert client.get("/signin").status_code == 404
