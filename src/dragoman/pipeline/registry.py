"""Stages registered under versioned names (``dragoman.Boilerplate.v1``).

A factory takes a settings object (a pydantic model that forbids unknown
keys) and returns a stage.  Stages live in the one plugin registry
(``dragoman.plugins``); third-party stages register the same way the
built-in ones do, with ``register_stage`` in a module the
``dragoman.plugins`` entry-point group names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from dragoman.pipeline.layers import layers
from dragoman.pipeline.stage import Stage
from dragoman.plugins import REGISTRY
from dragoman.plugins import registry as plugin_registry


class StageSettings(BaseModel):
    """Base for every stage's settings: unknown keys are an error, not a silent no-op."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class StageSpec:
    name: str  # versioned: "dragoman.Dates.v1"
    factory: Callable[..., Stage]
    settings: type[StageSettings]
    requires: frozenset[str]
    provides: frozenset[str]
    doc: str
    uses: frozenset[str] = frozenset()


def register_stage(
    name: str,
    *,
    settings: type[StageSettings] = StageSettings,
) -> Callable[[type[Any]], type[Any]]:
    """Class decorator registering a stage class under a versioned name (in ``dragoman.plugins``)."""

    def wrap(cls: type[Any]) -> type[Any]:
        if not name.rsplit(".", 1)[-1].startswith("v"):
            raise ValueError(f"stage name {name!r} must end in a version such as '.v1'")
        uses = frozenset(getattr(cls, "uses", frozenset()))
        unknown = (set(cls.requires) | set(cls.provides) | uses) - set(layers())
        if unknown:
            raise ValueError(
                f"stage {name!r} names unknown layers: {sorted(unknown)} (declare them with register_layer first)"
            )
        prior = REGISTRY.find("stage", name)
        if prior is not None and prior.obj.factory is not cls:
            raise ValueError(f"stage {name!r} is already registered")
        cls.name = name
        spec = StageSpec(
            name=name,
            factory=cls,
            settings=settings,
            requires=frozenset(cls.requires),
            provides=frozenset(cls.provides),
            doc=(cls.__doc__ or "").strip(),
            uses=uses,
        )
        if prior is None:
            REGISTRY.add("stage", name, spec, doc=spec.doc, origin=cls.__module__)
        return cls

    return wrap


def registry() -> dict[str, StageSpec]:
    """Every registered stage by name (built-in and plugins)."""
    return {name: p.obj for name, p in plugin_registry().all("stage").items()}


def get_spec(name: str) -> StageSpec:
    reg = registry()
    if name not in reg:
        known = ", ".join(sorted(reg)) or "none"
        raise KeyError(f"no stage registered as {name!r}; known stages: {known}")
    return reg[name]


def make_stage(name: str, config: dict[str, Any] | None = None) -> Stage:
    spec = get_spec(name)
    settings = spec.settings(**(config or {}))
    return spec.factory(settings)
