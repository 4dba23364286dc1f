from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)

_SCHEMAS: dict[str, type[BaseModel]] = {}

try:  # libyaml's loader parses these files several times faster than the pure-Python one
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class LanguageDataError(ValueError):
    pass


def register_resource(name: str, schema: type[T]) -> type[T]:
    """Declare the schema of ``<lang>/<name>.yaml``. Schemas should forbid unknown keys."""
    if name in _SCHEMAS and _SCHEMAS[name] is not schema:
        raise LanguageDataError(f"resource {name!r} already has a schema")
    _SCHEMAS[name] = schema
    return schema


def registered_resources() -> dict[str, type[BaseModel]]:
    return dict(_SCHEMAS)


def _root() -> resources.abc.Traversable:
    return resources.files("dragoman.lang").joinpath("data")


@cache
def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in _root().iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def _load(lang: str, name: str) -> BaseModel | None:
    schema = _SCHEMAS.get(name)
    if schema is None:
        raise LanguageDataError(f"no schema registered for language resource {name!r}")
    path = _root().joinpath(lang, f"{name}.yaml")
    if not path.is_file():
        return None
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"{lang}/{name}.yaml: not valid YAML: {exc}") from exc
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise LanguageDataError(f"{lang}/{name}.yaml: {exc}") from exc


def load_resource(lang: str, name: str, schema: type[T]) -> T | None:
    """The validated resource, or None when this language has no such file."""
    register_resource(name, schema)
    value = _load(lang, name)
    if value is not None and not isinstance(value, schema):
        raise LanguageDataError(f"{lang}/{name}.yaml loaded with a different schema")
    return value


def resource_for_all(name: str, schema: type[T]) -> dict[str, T]:
    """The resource for every language that has it."""
    out: dict[str, T] = {}
    for lang in available_languages():
        value = load_resource(lang, name, schema)
        if value is not None:
            out[lang] = value
    return out
