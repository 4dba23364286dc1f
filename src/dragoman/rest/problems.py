"""Errors as RFC 9457 problem details (``application/problem+json``), for every status the API gives.

One shape for every failure, so a client reads ``title``/``detail`` whatever
went wrong: a missing article (404), a bad filter (422), no token (401), a
body over the limit (413).  Validation errors keep FastAPI's list of what was
wrong under ``errors``.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["PROBLEM", "Problem", "ProblemError", "install", "problem_response", "problem_responses"]

PROBLEM = "application/problem+json"


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None  # what validation found wrong, for 422


class ProblemError(Exception):
    """Raise from an endpoint to answer with a problem document."""

    def __init__(self, status: int, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def problem_response(
    status: int, detail: str | None, *, instance: str | None = None, headers: dict[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> JSONResponse:
    body = Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, instance=instance, errors=errors)
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM, headers=headers
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries declaring problem documents for these statuses."""
    return {
        s: {"model": Problem, "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            "description": HTTPStatus(s).phrase}
        for s in statuses
    }


def install(app: FastAPI) -> None:
    """Answer every error the app can raise with a problem document."""

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.status, exc.detail, instance=request.url.path, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        return problem_response(exc.status_code, detail, instance=request.url.path,
                                headers=dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # Starlette answers a crash outside every middleware, so the security headers are added here.
        from dragoman.rest.security import SECURITY_HEADERS

        return problem_response(500, f"internal error ({type(exc).__name__}); the server log has the details",
                                instance=request.url.path, headers=dict(SECURITY_HEADERS))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in jsonable_encoder(exc.errors())
        ]
        first = errors[0] if errors else None
        detail = f"{'.'.join(first['loc'])}: {first['msg']}" if first else "invalid request"
        return problem_response(422, detail, instance=request.url.path, errors=errors)
