"""Exports (every registered exporter, built-in or plugin) and framing by outlet."""

from __future__ import annotations

import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from dragoman.rest.models import ExporterModel
from dragoman.rest.problems import ProblemError, problem_responses
from dragoman.rest.state import desk_store
from dragoman.store import Store

router = APIRouter(prefix="/api", tags=["exports"])
StoreDep = Annotated[Store, Depends(desk_store)]


@router.get("/exports", response_model=list[ExporterModel], summary="Export formats")
def exporters() -> Any:
    """Every registered exporter (dragoman.plugins), by its --format word."""
    from dragoman.plugins import registry

    out = []
    for name, plugin in sorted(registry().all("exporter").items()):
        exp = plugin.obj()
        out.append({"name": name, "format": exp.format, "media_type": exp.media_type, "suffix": exp.suffix,
                    "doc": plugin.doc})
    return out


def _export_content() -> dict[str, Any]:
    """The media types an export may come in: each registered exporter's (CSV tables are a zip), and bytes."""
    from dragoman.plugins import registry

    types = {"application/octet-stream"}
    for plugin in registry().all("exporter").values():
        media = getattr(plugin.obj, "media_type", None)
        if isinstance(media, str):
            types.add(media)
    return {t: {"schema": {"type": "string", "format": "binary"}} for t in sorted(types)}


@router.get(
    "/exports/{format}",
    response_class=Response,
    responses={200: {"content": _export_content(), "description": "The export, in the exporter's media type."},
               **problem_responses(404)},
    summary="Export the store",
)
def export(store: StoreDep, format: str) -> Response:
    """The whole store in one exporter's format, the analysts' corrections applied (as `dragoman export`)."""
    from dragoman.export import get_exporter
    from dragoman.plugins import PluginError

    try:
        exporter = get_exporter(format)
    except PluginError as exc:
        raise ProblemError(404, str(exc)) from exc
    buf = io.BytesIO()
    n = exporter.export(store, buf)
    return Response(
        buf.getvalue(),
        media_type=exporter.media_type,
        headers={"Content-Disposition": f'attachment; filename="dragoman-{exporter.format}{exporter.suffix}"',
                 "X-Records": str(n)},
    )


@router.get("/framing", response_model=dict[str, Any], tags=["framing"], responses=problem_responses(404),
            summary="Framing by outlet")
def framing(
    store: StoreDep,
    article: Annotated[list[str] | None, Query(description="Only these article ids (repeat), e.g. one story's.")] = None,
) -> Any:
    """Names for each actor, loaded wording, sourcing and stance, per article and per outlet (framing JSON v1,
    docs/framing.md): what `dragoman framing --format json` prints."""
    from dragoman.framing import framing_report

    if article:
        docs = []
        for i in dict.fromkeys(article):
            a = store.get_article(i)
            if a is None:
                raise ProblemError(404, f"no article {i!r} in the store")
            docs.append(a)
        return framing_report(docs)
    return framing_report(store.iter_articles())


__all__ = ["router"]
