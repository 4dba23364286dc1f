"""What the dashboard tests share: the sample corpus in a store, a hostile article, the app, a live server.

The app is the desk's (``dragoman.rest.create_app``), which mounts the
dashboard on the REST API, so the correction form talks to the real
correction endpoints; its write token is made by ``create_token``.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from dragoman.api import ingest
from dragoman.rest import create_app, create_token
from dragoman.store import Store, open_store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
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


def make_app(store: Store, folder: Path, *, host: str = "127.0.0.1", token_name: str = "dashboard-test",
             ) -> tuple[FastAPI, str]:
    """The desk's app over ``store`` (listening on ``host``) and a new token named ``token_name``."""
    app = create_app(str(folder / "dash.db"), store=store, host=host)
    return app, create_token(store, token_name)


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
