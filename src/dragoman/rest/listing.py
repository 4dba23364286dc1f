"""What every list endpoint shares: date filters at day, month or year, opaque cursors, facets, CSV.

Dates in filters may be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: a month
means all its days, so ``published_from=2025-03&published_to=2025-03`` is
March.  Facet buckets are honest about granularity (``bucket``, the views'
``date_bucket``): an event dated only "2025" is counted under ``2025`` even
when buckets are months, never silently put in January.
"""

from __future__ import annotations

import base64
import calendar
import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Literal

from fastapi.responses import Response

from dragoman.rest.problems import ProblemError
from dragoman.views.facets import By
from dragoman.views.facets import date_bucket as bucket

__all__ = [
    "CSV",
    "By",
    "Format",
    "bucket",
    "csv_response",
    "day_range",
    "decode",
    "encode",
]

CSV = "text/csv; charset=utf-8"
Format = Literal["json", "csv"]


def day_range(value: str | None, name: str) -> tuple[date, date] | None:
    """The first and last day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` filter value covers."""
    if value is None or value == "":
        return None
    parts = value.split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            y = int(parts[0])
            return date(y, 1, 1), date(y, 12, 31)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        if len(parts) == 3 and len(value) == 10:
            d = date.fromisoformat(value)
            return d, d
    except ValueError:
        pass
    raise ProblemError(422, f"{name}: {value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")


def encode(kind: str, key: Sequence[Any]) -> str:
    raw = json.dumps([kind, *key], ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(cursor: str | None, kind: str, size: int) -> list[Any] | None:
    """The key a cursor of ``kind`` holds; a cursor from elsewhere is a 422, not a silent first page."""
    if cursor is None or cursor == "":
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        data = None
    if not isinstance(data, list) or len(data) != size + 1 or data[0] != kind:
        raise ProblemError(422, f"cursor: not a cursor this list gave out: {cursor[:40]!r}")
    return data[1:]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " | ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    # A cell a spreadsheet would run as a formula is kept as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_response(columns: Sequence[str], rows: Iterable[dict[str, Any]], *, filename: str,
                 next_cursor: str | None = None) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if next_cursor:
        headers["X-Next-Cursor"] = next_cursor
    return Response(buf.getvalue().encode("utf-8"), media_type=CSV, headers=headers)
