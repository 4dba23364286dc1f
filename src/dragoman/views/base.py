"""What makes a view JSON-able: plain dataclasses, turned into dicts and lists by one function."""

from __future__ import annotations

import dataclasses
from datetime import date
from enum import Enum
from typing import Any

from dragoman.model import Span


def to_data(obj: Any) -> Any:
    """``obj`` as JSON values: dataclasses and named tuples become objects, tuples lists, dates ISO strings."""
    if isinstance(obj, Span):
        return {"start": obj.start, "end": obj.end}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return {name: to_data(value) for name, value in zip(obj._fields, obj, strict=True)}
    if isinstance(obj, list | tuple):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    return obj


class View:
    """Base of every view: ``to_dict()`` is what the REST API returns and what a test compares."""

    def to_dict(self) -> dict[str, Any]:
        data = to_data(self)
        assert isinstance(data, dict)
        return data
