"""The analyst's desk over HTTP: a REST API (FastAPI, OpenAPI) over one store (docs/desk.md).

``create_app(db)`` builds the app; ``dragoman serve`` runs it with uvicorn.
``require_write_token``, ``require_read_access`` and ``require_page_access``
(a read a browser navigates to: without access, the sign-in page) are the
FastAPI dependencies any page or endpoint mounted on the app uses for its
access rules, and ``desk_store`` hands it the store.
"""

from dragoman.rest.app import create_app
from dragoman.rest.security import create_token, require_page_access, require_read_access, require_write_token
from dragoman.rest.state import desk_store

__all__ = [
    "create_app",
    "create_token",
    "desk_store",
    "require_page_access",
    "require_read_access",
    "require_write_token",
]
