"""PLOVER types, legacy names, and Dragoman's extension codes with their roll-ups."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from dragoman.model import EventStatus


class Extension(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rollup: str
    doc: str


class PloverSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    types: dict[str, str]
    intent: dict[str, list[str]] = Field(default_factory=dict)
    legacy: dict[str, str] = Field(default_factory=dict)
    extensions: dict[str, Extension] = Field(default_factory=dict)


@cache
def plover_spec() -> PloverSpec:
    text = resources.files("dragoman.events").joinpath("data", "plover.yaml").read_text("utf-8")
    spec = PloverSpec.model_validate(yaml.safe_load(text))
    bad = [k for k, e in spec.extensions.items() if e.rollup not in spec.types]
    bad += [k for k, v in spec.legacy.items() if v not in spec.types]
    bad += [t for k, v in spec.intent.items() for t in [k, *v] if t not in spec.types]
    if bad:
        raise ValueError(f"plover.yaml: codes rolling up to unknown PLOVER types: {bad}")
    return spec


def is_known(code: str) -> bool:
    spec = plover_spec()
    return code in spec.types or code in spec.extensions


def rollup(code: str) -> str:
    """The PLOVER type of a code: itself, its legacy successor, or an extension's roll-up."""
    hit = _rollups().get(code)
    if hit is None:
        raise KeyError(f"unknown event code {code!r}")
    return hit


@cache
def _rollups() -> dict[str, str]:
    """Every known code's PLOVER type, read once: the extractors ask for it many times per sentence.

    A type is its own; an extension's roll-up comes before a legacy name's successor, as they
    were looked up one after the other.
    """
    spec = plover_spec()
    out = dict(spec.legacy)
    out.update((code, ext.rollup) for code, ext in spec.extensions.items())
    out.update((code, code) for code in spec.types)
    return out


_INTENT_STATUSES = frozenset({EventStatus.PLANNED, EventStatus.CONDITIONAL, EventStatus.HYPOTHETICAL})


def plover_code(code: str, status: EventStatus) -> str:
    """The PLOVER type a PLOVER coder would give: unrealised actions become AGREE or THREATEN intents.

    Dragoman keeps the action and its status apart ("will impose a curfew" is
    COERCE, planned); PLOVER folds them ("threaten to impose a curfew").
    """
    base = rollup(code)
    if status in _INTENT_STATUSES:
        for intent, types in plover_spec().intent.items():
            if base in types:
                return intent
    return base
