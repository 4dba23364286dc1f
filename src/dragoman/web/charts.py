"""Vega-Lite specifications of the dashboard's charts, built from views (JSON, rendered by static/dash.js).

Every datum carries the ``href`` of the filtered list it stands for, so a
click on a bar leads there; the script reads it, never builds it.  (Vega's own
``href`` channel is not used: it opens links through its loader, in a new
window; the script follows the same-origin link itself.)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from dragoman.views.overview import Bucket
from dragoman.views.timeline import TimelineView

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier, never fetched


def bar_chart(buckets: list[Bucket], href: Callable[[Bucket], str], *, what: str, horizontal: bool = True) -> dict[str, Any]:
    values = [{"key": b.key, "label": b.label, "count": b.count, "href": href(b)} for b in buckets]
    category = {"field": "label", "type": "nominal", "sort": None, "title": None}
    count = {"field": "count", "type": "quantitative", "title": what, "axis": {"tickMinStep": 1}}
    return {
        "$schema": SCHEMA,
        "data": {"values": values},
        "mark": {"type": "bar", "cursor": "pointer"},
        "encoding": {
            "y" if horizontal else "x": category,
            "x" if horizontal else "y": count,
        },
        "width": "container",
        "height": max(60, 22 * len(values)) if horizontal else 180,
    }


def timeline_chart(view: TimelineView, href: Callable[[str, str], str]) -> dict[str, Any]:
    values = []
    for it in view.items:
        # A bar covers the whole of its last day: a one-day event is one day wide, a month a month.
        end = date.fromisoformat(it.end) + timedelta(days=1)
        values.append(
            {
                "start": it.start,
                "end": end.isoformat(),
                "label": it.label,
                "granularity": it.granularity,
                "estimate": "estimate" if it.estimated else "as stated",
                "date": it.date,
                "href": href(it.article_id, it.event_id),
            }
        )
    rows = len({v["label"] for v in values})
    encoding = {
        "x": {"field": "start", "type": "temporal", "title": "date (bars span what the date covers)"},
        "y": {"field": "label", "type": "nominal", "title": None, "sort": None},
        "color": {"field": "granularity", "type": "nominal", "title": "granularity"},
        "opacity": {
            "field": "estimate",
            "type": "nominal",
            "scale": {"domain": ["as stated", "estimate"], "range": [0.9, 0.35]},
            "title": "date",
        },
    }
    return {
        "$schema": SCHEMA,
        "data": {"values": values},
        "layer": [
            {"mark": {"type": "bar", "cursor": "pointer", "cornerRadius": 2}, "encoding": {**encoding, "x2": {"field": "end"}}},
            # Over years, a day is thinner than a pixel: a dot marks where each day-dated event is.
            {
                "transform": [{"filter": {"field": "granularity", "equal": "day"}}],
                "mark": {"type": "point", "filled": True, "size": 36, "cursor": "pointer"},
                "encoding": encoding,
            },
        ],
        "width": "container",
        "height": max(80, 24 * rows),
    }
