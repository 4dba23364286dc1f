"""The REST app: ``create_app(db)`` gives a FastAPI application over one store.

Everything it serves is JSON under ``/api`` (CSV where a list asks for
it), described by the generated OpenAPI document at ``/openapi.json``; the
dashboard's pages mount onto the same app.  Swagger UI is not served: it
loads its scripts from a CDN, which the offline, strict-CSP desk refuses.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import RedirectResponse

from dragoman._version import __version__
from dragoman.ingest import FetchSettings
from dragoman.rest import articles, corrections, exports, facts, ingest, picture, tracker
from dragoman.rest.problems import install, problem_responses
from dragoman.rest.security import (
    BodyLimit,
    LoopbackHostOnly,
    SecurityHeaders,
    SignInRequired,
    is_loopback,
    require_page_access,
    require_read_access,
)
from dragoman.rest.session import DeskSignIn
from dragoman.rest.state import Desk, desk_store
from dragoman.store import Store, open_store
from dragoman.web import mount

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_MAX_UPLOAD", "create_app"]

DEFAULT_MAX_BODY = 256 * 1024  # a correction or a list of URLs is a few hundred bytes
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024  # a news page with its markup, with room to spare


def create_app(
    db: str,
    *,
    host: str = "127.0.0.1",
    store: Store | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    max_upload: int = DEFAULT_MAX_UPLOAD,
    fetch: FetchSettings | None = None,
    config: str | None = None,
) -> FastAPI:
    """The desk's app over the store at ``db`` (opened, created if needed, and migrated).

    ``host`` is the address the server will listen on: on loopback, reads
    are open; anywhere else every request needs a token.  ``store`` hands
    over an open store instead, which stays the caller's to close.
    """
    # Opened (and migrated) now, so a store that cannot be opened fails here, not at the first request.
    desk = Desk(
        db=db, opened=store if store is not None else open_store(db), open_reads=is_loopback(host),
        max_body=max_body, max_upload=max_upload, fetch=fetch or FetchSettings(), config=config,
        owned=store is None,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            desk.close()  # a later startup (tests start an app more than once) opens it again

    app = FastAPI(
        title="Dragoman desk API",
        version=__version__,
        summary="Who did what to whom, when, and who says so: articles, events, entities, corrections.",
        description="Reads are open when the server listens on loopback; writes always need "
        "`Authorization: Bearer <token>` (`dragoman token create --name NAME`). Off loopback, reads "
        "also accept the session cookie the dashboard's sign-in page opens with a token; writes never do. "
        "Errors are RFC 9457 problem details. See docs/desk.md.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses=problem_responses(401, 404, 413, 422),
    )
    app.state.desk = desk
    install(app)
    app.add_middleware(BodyLimit, default=max_body, limits={"/api/ingest/files": max_upload})
    if desk.open_reads:
        app.add_middleware(LoopbackHostOnly)
    app.add_middleware(SecurityHeaders)

    read = [Depends(require_read_access)]
    for module in (articles, facts, picture, tracker, corrections, exports, ingest):
        app.include_router(module.router, dependencies=read)

    @app.get("/api", tags=["meta"], summary="What this API serves")
    def root() -> dict[str, Any]:
        return {"name": "dragoman", "version": __version__, "openapi": "/openapi.json", "docs": "docs/desk.md",
                "open_reads": desk.open_reads}

    _document_access(app, desk.open_reads)

    # The dashboard: server-rendered pages over the same views and store, behind the same read
    # access rule; its correction form calls the JSON endpoints above (docs/dashboard.md).  Off
    # loopback a browser signs in with a token and navigates with a session cookie (rest/session.py);
    # a page asked for without one sends it to the sign-in page.
    @app.exception_handler(SignInRequired)
    async def _sign_in_first(_request: Request, exc: SignInRequired) -> RedirectResponse:
        return RedirectResponse(f"/signin?next={quote(exc.next_path, safe='/')}", status_code=303)

    mount(app, desk_store, dependencies=[Depends(require_page_access)],
          sign_in=None if desk.open_reads else DeskSignIn(desk))
    return app


def _document_access(app: FastAPI, open_reads: bool) -> None:
    """Say in the OpenAPI document what the server enforces: on loopback a read needs no token
    (its security is optional, ``{}``); writes and, off loopback, reads require one; the session
    cookie is an alternative for reads only (a write lists the Bearer token alone)."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, summary=app.summary,
                              description=app.description, routes=app.routes)
            for path in doc.get("paths", {}).values():
                for method, op in path.items():
                    if not op.get("security"):
                        continue
                    if method != "get":
                        op["security"] = [r for r in op["security"] if "SessionCookie" not in r]
                    elif open_reads:
                        # On loopback nothing is needed, and no session is ever opened.
                        op["security"] = [{}, *(r for r in op["security"] if "SessionCookie" not in r)]
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
