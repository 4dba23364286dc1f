"""A bare day name told of an act still to come is the coming day, not the last one (events/coming.py).

Our own sentences, published on Wednesday 18 June 2025 (a leading metadata line).
"""

from __future__ import annotations

import pytest

from dragoman.api import extract

PUB = " date 2025-06-18 \n"


@pytest.mark.parametrize(
    ("text", "status", "day"),
    [
        # the coming Monday, not the one two days before publication
        ("President Ilham Aliyev will travel to Kazakhstan on Monday.", "planned", "2025-06-23"),
        ("سيزور الرئيس الأذربيجاني إلهام علييف كازاخستان يوم الاثنين.", "planned", "2025-06-23"),
        # told as done: the last Monday
        ("President Ilham Aliyev travelled to Kazakhstan on Monday.", "occurred", "2025-06-16"),
        # "next Monday" already says which one: not moved a second week
        ("President Ilham Aliyev will travel to Kazakhstan next Monday.", "planned", "2025-06-23"),
        # a plan for today stays today
        ("President Ilham Aliyev will travel to Kazakhstan on Wednesday.", "planned", "2025-06-18"),
    ],
)
def test_day_name_of_a_plan_looks_ahead(text: str, status: str, day: str) -> None:
    a = extract(text=PUB + text)
    visits = [e for e in a.events if e.type == "CONSULT"]
    assert visits, [(e.type, a.span_text(e.trigger)) for e in a.events]
    ev = visits[0]
    assert ev.status.value == status
    assert ev.date is not None and ev.date.value == day


def test_an_estimated_anchor_resolves_no_day_name_to_move() -> None:
    # no publication day at all: the day name stays unresolved, planned or not
    a = extract(text="President Ilham Aliyev will travel to Kazakhstan on Monday.")
    ev = next(e for e in a.events if e.type == "CONSULT")
    assert ev.date is None or ev.date.value is None
