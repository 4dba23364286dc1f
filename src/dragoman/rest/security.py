"""Who may read and write through the REST API, how much they may send, and the headers every answer carries.

* Reads are open when the server listens on a loopback address only (the
  analyst's own machine); bound anywhere else, every request needs a token.
* Off loopback the dashboard's pages take a session cookie instead, opened
  by signing in with a token (dragoman.rest.session); the cookie grants
  reads only, and a page asked for without it redirects to the sign-in page.
* Writes (corrections, ingest, anything that changes the store) always need
  a token: ``Authorization: Bearer <token>``, made by ``dragoman token create
  --name NAME``.  The store keeps only the token's SHA-256: a token is 256
  random bits, so a plain digest cannot be searched back and needs no salt,
  and a copy of the store gives no one write access.
* Request bodies are capped (``413``) before they are read, whether the
  client declares a length or streams chunks.
* Open reads on loopback answer only requests addressed to a loopback name
  (``Host: 127.0.0.1``, ``localhost``, ``[::1]``): a web page elsewhere
  that rebinds its own name to 127.0.0.1 cannot read the desk through the
  analyst's browser (DNS rebinding against the server).
* Every response carries a strict Content-Security-Policy and its siblings:
  nothing the API serves may load anything from elsewhere, be framed, or be
  sniffed into another type.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer

from dragoman.rest.state import Desk, desk_store
from dragoman.store import Store
from dragoman.store.roles import ApiTokens

__all__ = [
    "COOKIE",
    "CSP",
    "SECURITY_HEADERS",
    "BodyLimit",
    "LoopbackHostOnly",
    "SecurityHeaders",
    "SignInRequired",
    "create_token",
    "digest",
    "is_loopback",
    "require_page_access",
    "require_read_access",
    "require_write_token",
    "token_name",
    "tokens_of",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Only this origin's own scripts, styles, images and fonts; no inline script, no plugins, no framing,
# no <base> rewriting, forms post only here.  The dashboard's vendored assets live on this origin.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_bearer = HTTPBearer(auto_error=False, description="A token made by `dragoman token create --name NAME`.")
COOKIE = "dragoman_session"
_session = APIKeyCookie(name=COOKIE, auto_error=False, scheme_name="SessionCookie",
                        description="Reads only: the session the dashboard's sign-in page opens with a token.")


def is_loopback(host: str) -> bool:
    """Whether a listening address reaches only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def tokens_of(store: Store) -> ApiTokens:
    """The store's API tokens role."""
    if not isinstance(store, ApiTokens):
        raise TypeError(f"{type(store).__name__} keeps no API tokens")
    return store


def create_token(store: Store, name: str) -> str:
    """A new token named ``name``, returned once: only its digest is kept."""
    if not _NAME.match(name):
        raise ValueError(f"token name {name!r}: 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
    token = "dgm_" + secrets.token_urlsafe(32)
    tokens_of(store).add_token(name, digest(token))
    return token


def token_name(store: Store, token: str) -> str | None:
    """The name of a valid token, or None."""
    if not token or len(token) > 200:
        return None
    return tokens_of(store).token_named(digest(token))


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail, headers={"WWW-Authenticate": 'Bearer realm="dragoman"'})


def _check(store: Store, creds: HTTPAuthorizationCredentials | None) -> str:
    if creds is None:
        raise _unauthorized("a token is required: send 'Authorization: Bearer <token>' "
                            "(make one with `dragoman token create --name NAME`)")
    name = token_name(store, creds.credentials)
    if name is None:
        raise _unauthorized("the token is not valid (unknown or revoked)")
    return name


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
SessionId = Annotated[str | None, Depends(_session)]
StoreDep = Annotated[Store, Depends(desk_store)]


class SignInRequired(Exception):
    """A dashboard page asked for without a token or a live session: the app answers with the sign-in page."""

    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def require_write_token(store: StoreDep, creds: Credentials) -> str:
    """FastAPI dependency for anything that changes the store: the token's name (recorded as who), or 401."""
    return _check(store, creds)


def require_read_access(request: Request, store: StoreDep, creds: Credentials, session: SessionId) -> str | None:
    """Reads are open on loopback; elsewhere they need a token like writes do, or a signed-in session."""
    desk: Desk = request.app.state.desk
    if desk.open_reads:
        return None
    if creds is None and session:
        from dragoman.rest.session import session_name

        name = session_name(desk, store, session)
        if name is not None:
            return name
    return _check(store, creds)


def require_page_access(request: Request, store: StoreDep, creds: Credentials, session: SessionId) -> str | None:
    """As ``require_read_access``, for a page a browser navigates to: without access, the sign-in page."""
    try:
        return require_read_access(request, store, creds, session)
    except HTTPException as exc:
        if exc.status_code != 401:
            raise
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise SignInRequired(target) from None


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every HTTP response (errors included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in have]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def _host_name(value: bytes) -> str:
    text = value.decode("latin-1").strip().lower()
    if text.startswith("["):  # [::1]:8000
        return text[1 : text.find("]")] if "]" in text else text
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


class LoopbackHostOnly:
    """Refuses (400) a request whose ``Host`` is not a loopback name: for a server whose reads are open."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = dict(scope.get("headers", [])).get(b"host", b"")
            if not is_loopback(_host_name(host)):
                from dragoman.rest.problems import problem_response

                detail = ("this desk serves reads without a token on loopback only: address it as 127.0.0.1, "
                          "localhost or [::1] (or serve it on another address, where every request needs a token)")
                await problem_response(400, detail, instance=scope.get("path"))(scope, _no_body, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses (413) a request body over the limit for its path, declared or streamed.

    ``limits`` maps a path prefix to its cap; the longest matching prefix
    wins, ``default`` covers the rest.
    """

    def __init__(self, app: ASGIApp, *, default: int, limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.default = default
        self.limits = sorted((limits or {}).items(), key=lambda kv: -len(kv[0]))

    def limit(self, path: str) -> int:
        return next((n for prefix, n in self.limits if path.startswith(prefix)), self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = self.limit(scope.get("path", ""))
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await _too_large(scope, send, cap)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    # An HTTPException reaches the problem handler even from inside body parsing.
                    raise HTTPException(413, f"the request body is over the {cap}-byte limit")
            return message

        await self.app(scope, counted, send)


async def _too_large(scope: Scope, send: Send, cap: int) -> None:
    from dragoman.rest.problems import problem_response

    response = problem_response(413, f"the request body is over the {cap}-byte limit", instance=scope.get("path"))
    await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
