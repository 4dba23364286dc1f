"""What the REST app holds between requests: one store, the lock that serialises its use, the settings."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fastapi import Request

from dragoman.ingest import FetchSettings
from dragoman.store import Store

if TYPE_CHECKING:
    from dragoman.rest.session import Sessions

__all__ = ["Desk", "desk_store"]


def _sessions() -> Sessions:
    from dragoman.rest.session import Sessions

    return Sessions()


@dataclass
class Desk:
    db: str
    opened: Store | None  # None until the first request after startup, and after shutdown
    open_reads: bool  # the server listens on loopback only
    max_body: int  # bytes of any request body but uploads
    max_upload: int  # bytes of an ingest upload
    fetch: FetchSettings
    config: str | None = None  # the pipeline ingest runs
    # One connection serves every request: SQLite connections (and psycopg's) must not run two
    # statements at once, and a request's reads should see one state of the store.  A plain Lock,
    # not an RLock: FastAPI may leave a dependency in another worker thread than it entered it.
    lock: threading.Lock = field(default_factory=threading.Lock)
    owned: bool = True  # opened here (closed at shutdown), or handed over by the caller
    sessions: Sessions = field(default_factory=lambda: _sessions())  # the dashboard's signed-in browsers

    def store(self) -> Store:
        """The store, opened on first use (call with ``lock`` held)."""
        if self.opened is None:
            from dragoman.store import open_store

            self.opened = open_store(self.db)
        return self.opened

    def close(self) -> None:
        with self.lock:
            if self.owned and self.opened is not None:
                self.opened.close()
                self.opened = None


def desk_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: the store, held for the request."""
    desk: Desk = request.app.state.desk
    with desk.lock:
        yield desk.store()
