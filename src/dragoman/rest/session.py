"""Signing in to the dashboard with a token: a session cookie a browser sends while it navigates.

Off loopback every read needs a token, and a browser following a link
cannot send ``Authorization: Bearer``.  So the dashboard's sign-in page
posts a token once; when it is valid (checked against the stored digests,
as the API checks it) the server opens a session and sets a cookie holding
only the session's id: 256 random bits, never the token.  The server keeps
each session in memory (so a restart signs everyone out) with the digest
of the token that opened it and checks that digest against the store on
every request, so revoking the token (``dragoman token revoke``) ends its
sessions at once.

The cookie is ``HttpOnly`` (no script reads it), ``SameSite=Strict`` (no
other site's page makes the browser send it) and ``Secure`` when the
request came over https.  It grants **reads only**: every write keeps
requiring the Bearer header, so a request that carries only the cookie
cannot change anything and a cross-site form has nothing to forge (no CSRF
surface).  Sign-in and sign-out posts from another origin are refused
(``Origin`` checked), so no other site can sign a browser in or out.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request, Response

from dragoman.rest.security import COOKIE, digest, tokens_of

if TYPE_CHECKING:
    from dragoman.rest.state import Desk
    from dragoman.store import Store

__all__ = ["COOKIE", "SESSION_SECONDS", "DeskSignIn", "Sessions", "session_name"]

SESSION_SECONDS = 12 * 3600  # a working day; then the analyst signs in again
MAX_SESSIONS = 10_000  # the oldest go first beyond this: memory stays bounded whatever is posted


@dataclass(frozen=True, slots=True)
class _Session:
    token_digest: str
    name: str
    expires: float


@dataclass
class Sessions:
    """Open sessions by the SHA-256 of their id (the id itself lives only in the browser's cookie)."""

    seconds: int = SESSION_SECONDS
    _open: dict[str, _Session] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @staticmethod
    def _key(session_id: str) -> str:
        return hashlib.sha256(session_id.encode("utf-8")).hexdigest()

    def start(self, token_digest: str, name: str) -> str:
        """A new session for a valid token; its id, for the cookie."""
        session_id = secrets.token_urlsafe(32)
        now = time.time()
        with self._lock:
            for k in [k for k, s in self._open.items() if s.expires <= now]:
                del self._open[k]
            while len(self._open) >= MAX_SESSIONS:
                del self._open[next(iter(self._open))]
            self._open[self._key(session_id)] = _Session(token_digest, name, now + self.seconds)
        return session_id

    def get(self, session_id: str | None) -> _Session | None:
        if not session_id or len(session_id) > 100:
            return None
        with self._lock:
            s = self._open.get(self._key(session_id))
            if s is not None and s.expires <= time.time():
                del self._open[self._key(session_id)]
                return None
            return s

    def end(self, session_id: str | None) -> None:
        if session_id:
            with self._lock:
                self._open.pop(self._key(session_id), None)


def session_name(desk: Desk, store: Store, session_id: str | None) -> str | None:
    """The name of the token behind a live session whose token is still valid, else None (and it ends)."""
    s = desk.sessions.get(session_id)
    if s is None:
        return None
    name = tokens_of(store).token_named(s.token_digest)
    if name is None:  # revoked since: the session goes with it
        desk.sessions.end(session_id)
    return name


def _same_origin(request: Request) -> bool:
    """A browser's post from this desk's own pages (``Origin`` matches), or a client that sends no Origin."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    return origin.lower() == f"{request.url.scheme}://{host}".lower()


class DeskSignIn:
    """What the dashboard's sign-in page calls (``dragoman.web.SignIn``): the desk's token check and cookie."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def allowed(self, request: Request) -> bool:
        """Whether a sign-in or sign-out post may be acted on: not from another site's page."""
        return _same_origin(request)

    def sign_in(self, request: Request, response: Response, token: str) -> str | None:
        """Open a session and set its cookie on ``response`` when ``token`` is valid; the token's name, or None."""
        if not token or len(token) > 200:
            return None
        with self.desk.lock:
            name = tokens_of(self.desk.store()).token_named(digest(token))
        if name is None:
            return None
        session_id = self.desk.sessions.start(digest(token), name)
        response.set_cookie(COOKIE, session_id, max_age=self.desk.sessions.seconds, path="/", httponly=True,
                            samesite="strict", secure=request.url.scheme == "https")
        return name

    def sign_out(self, request: Request, response: Response) -> None:
        self.desk.sessions.end(request.cookies.get(COOKIE))
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict",
                               secure=request.url.scheme == "https")

    def who(self, request: Request) -> str | None:
        """The name a page shows as signed in (from the session alone; access was checked by the guard)."""
        s = self.desk.sessions.get(request.cookies.get(COOKIE))
        return s.name if s is not None else None
