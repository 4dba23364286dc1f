"""Corrections through the API: make one, revert one, list them with what is in force and what is orphaned.

A correction is recorded under the token's name (who), with the value it
replaced (before), the new one (after), when and why.  It is applied on
read everywhere (this API, the report, the exporters, the query rows) and
survives re-extraction, because it names the fact by its content-derived
id (dragoman.model.corrections).  Reverting adds a correction that cancels
the earlier one: the history keeps both.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from dragoman.model.corrections import Correction, effective
from dragoman.rest.listing import CSV, Format, csv_response
from dragoman.rest.models import CorrectionIn, CorrectionList, CorrectionModel, RevertIn
from dragoman.rest.problems import ProblemError, problem_responses
from dragoman.rest.security import require_write_token
from dragoman.rest.state import desk_store
from dragoman.store import Store
from dragoman.store.roles import Corrections

router = APIRouter(prefix="/api/corrections", tags=["corrections"])
StoreDep = Annotated[Store, Depends(desk_store)]
Who = Annotated[str, Depends(require_write_token)]
COLUMNS = ("id", "article_id", "target", "field", "before", "after", "who", "at", "reason", "reverts", "in_force",
           "orphaned")


def _role(store: Store) -> Corrections:
    if not isinstance(store, Corrections):
        raise ProblemError(501, f"{type(store).__name__} keeps no corrections")
    return store


def _models(store: Corrections, rows: list[Correction]) -> list[dict[str, Any]]:
    by_article: dict[str, list[Correction]] = {}
    for c in rows:
        by_article.setdefault(c.article_id, []).append(c)
    in_force: set[int | None] = set()
    orphaned: set[int | None] = set()
    for article_id in by_article:
        in_force |= {c.id for c in effective(store.corrections(article_id=article_id))}
        orphaned |= {c.id for c in store.orphaned_corrections(article_id)}
    return [_model(c, c.id in in_force, c.id in orphaned) for c in rows]


def _model(c: Correction, in_force: bool, orphaned: bool) -> dict[str, Any]:
    return {
        "id": c.id, "article_id": c.article_id, "target": c.target, "kind": c.kind, "fact": c.fact_id,
        "field": c.field, "before": c.before, "after": c.after, "who": c.who, "reason": c.reason, "at": c.at,
        "reverts": c.reverts, "in_force": in_force, "orphaned": orphaned,
    }


@router.get("", response_model=CorrectionList, responses={200: {"content": {CSV: {"schema": {"type": "string"}}}}},
            summary="List corrections")
def list_corrections(
    store: StoreDep,
    article_id: Annotated[str | None, Query(max_length=128)] = None,
    orphaned: Annotated[bool | None, Query(description="Only those whose fact the current revision lacks.")] = None,
    format: Format = "json",
) -> Any:
    """Every correction, reverts included, oldest first, with whether each is in force and whether its fact is gone."""
    role = _role(store)
    items = _models(role, role.corrections(article_id=article_id or None))
    if orphaned is not None:
        items = [c for c in items if c["orphaned"] == orphaned]
    if format == "csv":
        return csv_response(COLUMNS, items, filename="corrections.csv")
    return {"items": items}


@router.get("/{correction_id}", response_model=CorrectionModel, responses=problem_responses(404),
            summary="One correction")
def get_correction(store: StoreDep, correction_id: int) -> Any:
    role = _role(store)
    found = next((c for c in role.corrections() if c.id == correction_id), None)
    if found is None:
        raise ProblemError(404, f"no correction {correction_id}")
    return _models(role, [found])[0]


@router.post("", status_code=201, response_model=CorrectionModel, responses=problem_responses(401, 404, 413, 422),
             summary="Correct a fact")
def correct(body: CorrectionIn, store: StoreDep, who: Who) -> Any:
    """Correct an entity link, an event's type/status/actors/recipients/date/place, a quote's speaker or a
    claim's claimant, or mark a fact wrong (field ``deleted``, after ``true``). Needs a token."""
    role = _role(store)
    assert body.kind is not None and body.fact is not None  # the model's validator saw to it
    if body.kind == "event" and body.field == "type":
        _known_type(body.after)
    try:
        made = role.correct(body.article_id, f"{body.kind}:{body.fact}", body.field, body.after, who=who,
                            reason=body.reason)
    except KeyError as exc:
        raise ProblemError(404, str(exc.args[0]) if exc.args else "no such fact") from exc
    except ValueError as exc:
        raise ProblemError(422, str(exc)) from exc
    return _models(role, [made])[0]


def _known_type(code: Any) -> None:
    from dragoman.events.plover import plover_spec

    spec = plover_spec()
    if not isinstance(code, str) or not (code in spec.types or code in spec.extensions):
        raise ProblemError(422, f"event type {code!r} is neither a PLOVER type nor a documented extension")


@router.post("/{correction_id}/revert", status_code=201, response_model=CorrectionModel,
             responses=problem_responses(401, 404, 409, 413, 422), summary="Revert a correction")
def revert(correction_id: int, body: RevertIn, store: StoreDep, who: Who) -> Any:
    """Cancel a correction in force by recording one that reverts it. Needs a token."""
    role = _role(store)
    history = role.corrections()
    target = next((c for c in history if c.id == correction_id), None)
    if target is None:
        raise ProblemError(404, f"no correction {correction_id}")
    if target.reverts is not None:
        raise ProblemError(409, f"correction {correction_id} is itself a revert; correct the fact again instead")
    if any(c.reverts == correction_id for c in history):
        raise ProblemError(409, f"correction {correction_id} is already reverted")
    made = role.revert(correction_id, who=who, reason=body.reason)
    return _models(role, [made])[0]


__all__ = ["router"]
