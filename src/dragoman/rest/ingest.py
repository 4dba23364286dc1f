"""Ingest through the API: uploaded files, or URLs fetched behind the SSRF guard.  Both need a token.

A URL is checked before anything is fetched (http or https only; every
address its host resolves to must be public: no loopback, private,
link-local or cloud-metadata address), and the fetcher connects to the
address it checked, hop by hop, redirects included
(dragoman.ingest.urls), so a name that resolves elsewhere the second time
(DNS rebinding) gets nowhere.  Refused URLs are listed, not fetched.
"""

from __future__ import annotations

import io
import posixpath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Request, UploadFile

from dragoman import api
from dragoman.ingest import FetchSettings, iter_stream
from dragoman.ingest.urls import FetchError, UnsafeURL, check_url
from dragoman.model import Article
from dragoman.pipeline import ErrorRecord
from dragoman.rest.models import IngestResult, IngestUrlsIn
from dragoman.rest.problems import ProblemError, problem_responses
from dragoman.rest.security import require_write_token
from dragoman.rest.state import Desk, desk_store
from dragoman.store import Store

router = APIRouter(prefix="/api/ingest", tags=["ingest"])
StoreDep = Annotated[Store, Depends(desk_store)]
Who = Annotated[str, Depends(require_write_token)]


def _error(e: ErrorRecord) -> dict[str, str]:
    return {"input": e.where, "stage": e.stage, "kind": e.kind, "message": e.message}


def _result(summary: api.IngestSummary, refused: list[dict[str, str]]) -> dict[str, Any]:
    return {
        "seen": summary.seen, "stored": summary.stored, "skipped": summary.skipped, "revised": summary.revised,
        "errors": [_error(e) for e in [*summary.errors, *summary.revision_errors]], "refused": refused,
    }


@router.post("/files", response_model=IngestResult, responses=problem_responses(401, 413, 422),
             summary="Ingest uploaded files")
def ingest_files(
    request: Request, store: StoreDep, who: Who,
    files: Annotated[list[UploadFile], File(description="Articles (.txt, .html, raw bytes), JSONL dumps "
                                                        "(.jsonl, .ndjson), feeds (.rss, .atom), web archives (.warc, .warc.gz).")],
) -> Any:
    """Each file is read as `dragoman ingest` reads a file in a folder, by its name's suffix: a JSONL dump
    gives one article per record, a feed one per entry, a web archive one per response, any other file is
    one article (text or HTML, charset detected). Inputs are recorded under ``upload:<name>`` (a record
    under ``upload:<name>:<line>``); a record that cannot be read is an error of its own, the rest go in."""
    desk: Desk = request.app.state.desk
    articles: list[Article] = []
    for f in files:
        data = f.file.read(desk.max_upload + 1)
        if len(data) > desk.max_upload:
            raise ProblemError(413, f"{f.filename}: over the {desk.max_upload}-byte upload limit")
        name = posixpath.basename((f.filename or "upload").replace("\\", "/"))[:200] or "upload"
        articles += iter_stream(io.BytesIO(data), f"upload:{name}", max_bytes=desk.max_upload)
    summary = api.ingest(store=store, articles=articles, config=desk.config)
    return _result(summary, [])


@router.post("/urls", response_model=IngestResult, responses=problem_responses(401, 413, 422),
             summary="Fetch and ingest URLs")
def ingest_urls(request: Request, body: IngestUrlsIn, store: StoreDep, who: Who) -> Any:
    """Fetch each page (SSRF guard on every hop) and ingest it; refused URLs are listed, never fetched."""
    desk: Desk = request.app.state.desk
    allowed, refused = guard(body.urls, desk.fetch)
    summary = api.ingest(store=store, urls=allowed, fetch=desk.fetch, config=desk.config) if allowed \
        else api.IngestSummary()
    return _result(summary, refused)


def guard(urls: list[str], settings: FetchSettings) -> tuple[list[str], list[dict[str, str]]]:
    """(URLs that may be fetched, refusals): every URL through ``check_url`` before any connection."""
    allowed: list[str] = []
    refused: list[dict[str, str]] = []
    for raw in urls:
        url = raw.strip()
        try:
            check_url(url, allow_private=settings.allow_private)
        except UnsafeURL as exc:
            refused.append({"input": url, "stage": "guard", "kind": "unsafe_url", "message": str(exc)})
            continue
        except (FetchError, ValueError) as exc:  # unresolvable name, malformed URL
            refused.append({"input": url, "stage": "guard", "kind": "bad_url", "message": str(exc)})
            continue
        allowed.append(url)
    if not allowed and not refused:
        raise ProblemError(422, "no URLs given")
    return allowed, refused


__all__ = ["guard", "router"]
