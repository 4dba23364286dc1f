"""Stages registered under versioned names (``dragoman.Boilerplate.v1``).

A factory takes a settings object (a pydantic model that forbids unknown
keys) and returns a stage.  Third-party stages register the same way,
either by importing ``register_stage`` or through the ``dragoman.stages``
entry-point group.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from pydantic import BaseModel, ConfigDict

from dragoman.pipeline.layers import layers
from dragoman.pipeline.stage import Stage


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


_REGISTRY: dict[str, StageSpec] = {}
_LOADED = False


def register_stage(
    name: str,
    *,
    settings: type[StageSettings] = StageSettings,
) -> Callable[[type[Any]], type[Any]]:
    """Class decorator registering a stage class under a versioned name."""

    def wrap(cls: type[Any]) -> type[Any]:
        if not name.rsplit(".", 1)[-1].startswith("v"):
            raise ValueError(f"stage name {name!r} must end in a version such as '.v1'")
        uses = frozenset(getattr(cls, "uses", frozenset()))
        unknown = (set(cls.requires) | set(cls.provides) | uses) - set(layers())
        if unknown:
            raise ValueError(
                f"stage {name!r} names unknown layers: {sorted(unknown)} (declare them with register_layer first)"
            )
        if name in _REGISTRY and _REGISTRY[name].factory is not cls:
            raise ValueError(f"stage {name!r} is already registered")
        cls.name = name
        _REGISTRY[name] = StageSpec(
            name=name,
            factory=cls,
            settings=settings,
            requires=frozenset(cls.requires),
            provides=frozenset(cls.provides),
            doc=(cls.__doc__ or "").strip(),
            uses=uses,
        )
        return cls

    return wrap


def _load_builtin() -> None:
    """Import every module of ``dragoman.stages`` plus entry-point plugins, once."""
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    import dragoman.stages as pkg

    for info in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{info.name}")
    for ep in entry_points(group="dragoman.stages"):
        ep.load()


def registry() -> dict[str, StageSpec]:
    _load_builtin()
    return dict(_REGISTRY)


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
