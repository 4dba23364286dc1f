"""What the dashboard tests share: the sample corpus in a store, a hostile article, the app, a live server.

The app is the REST API's (``dragoman.rest.create_app``) with the dashboard
mounted, and a token made by ``create_token``, when that package is
installed.  Without it, two endpoints stand in for the API's correction
endpoints with the same contract (``POST /api/corrections`` and
``POST /api/corrections/{id}/revert``, strict JSON bodies,
``Authorization: Bearer``), calling the store's corrections role as the API
does.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from dragoman.api import ingest
from dragoman.store import Store, open_store
from dragoman.views import to_data
from dragoman.web import mount

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
STAND_IN_TOKEN = "test-token-for-the-dashboard"
LOOPBACK = "http://127.0.0.1"  # what test clients address the app as

# Every way an article's own fields could try to become markup or script.
HOSTILE_TITLE = '<script>window.__xss = "title"</script><img src=x onerror="window.__xss=\'img\'"> Hostile'
HOSTILE_TEXT = (
    "Hostile page\n\n"
    'The minister said <script>window.__xss = "body"</script> that Azerbaijan will talk to Israel.\n'
    "<img src=x onerror=\"window.__xss='body-img'\"> and <a href=\"javascript:window.__xss='link'\">click</a>.\n"
    '<svg onload="window.__xss=\'svg\'"></svg> javascript:window.__xss=1\n'
)
HOSTILE_URL = "javascript:window.__xss='url'"


def hostile_record() -> dict[str, Any]:
    return {
        "url": HOSTILE_URL,
        "outlet": '<b onmouseover="window.__xss=\'outlet\'">Outlet</b>',
        "title": HOSTILE_TITLE,
        "published": "2025-01-02",
        "language": "en",
        "text": HOSTILE_TEXT,
    }


def build_store(folder: Path) -> Store:
    """The sample corpus (examples/, what `make demo` ingests first) and the hostile article, in SQLite."""
    store = open_store(str(folder / "dash.db"))
    feed = folder / "hostile.jsonl"
    feed.write_text(json.dumps(hostile_record()) + "\n", "utf-8")
    summary = ingest([EXAMPLES, feed], store=store)
    assert not summary.errors, summary.errors
    return store


class CorrectionIn(BaseModel):
    """The body of ``POST /api/corrections`` (the REST API's ``CorrectionIn``)."""

    model_config = ConfigDict(extra="forbid")
    article_id: str = Field(min_length=1)
    kind: Literal["event", "quote", "claim", "mention"]
    fact: str = Field(min_length=1)
    field: str = Field(min_length=1)
    after: Any
    reason: str = Field(min_length=1)


class RevertIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1)


def make_app(store: Store, folder: Path) -> tuple[FastAPI, str]:
    """The app under test and a token its write endpoints accept."""
    try:
        from dragoman.rest import create_app, create_token, desk_store, require_read_access
    except ImportError:
        return stand_in_app(store), STAND_IN_TOKEN
    app = create_app(str(folder / "dash.db"), store=store)
    if not any(getattr(r, "path", None) == "/events" for r in app.routes):
        # The REST app does not mount the dashboard yet: mount it as it will.
        from fastapi import Depends

        mount(app, desk_store, dependencies=[Depends(require_read_access)])
    return app, create_token(store, "dashboard-test")


def stand_in_app(store: Store, token: str = STAND_IN_TOKEN) -> FastAPI:
    app = FastAPI()

    def refused(authorization: str | None) -> JSONResponse | None:
        if authorization != f"Bearer {token}":
            return JSONResponse({"title": "Unauthorized", "status": 401, "detail": "a valid token is needed"}, 401)
        return None

    @app.post("/api/corrections", status_code=201)
    def correct(body: CorrectionIn, authorization: str | None = Header(None)) -> Any:
        no = refused(authorization)
        if no is not None:
            return no
        try:
            c = store.correct(  # type: ignore[attr-defined]
                body.article_id, f"{body.kind}:{body.fact}", body.field, body.after,
                who="dashboard-test", reason=body.reason,
            )
        except (KeyError, ValueError) as exc:
            return JSONResponse({"title": "Unprocessable", "status": 422, "detail": str(exc)}, 422)
        return to_data(c)

    @app.post("/api/corrections/{cid}/revert", status_code=201)
    def revert(cid: int, body: RevertIn, authorization: str | None = Header(None)) -> Any:
        no = refused(authorization)
        if no is not None:
            return no
        return to_data(store.revert(cid, who="dashboard-test", reason=body.reason))  # type: ignore[attr-defined]

    # As the REST app will: a generator dependency holding the store for the request.
    def store_for_request() -> Iterator[Store]:
        yield store

    mount(app, store_for_request)
    return app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run ``app`` with uvicorn on a free loopback port in a thread of this process; yield its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name="dashboard-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
