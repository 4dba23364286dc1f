"""Dated roles: who held an office on a given day."""

from __future__ import annotations

from datetime import date

from dragoman.kb import load_kb
from dragoman.kb.schema import Role, date_bounds


def test_partial_dates_bound_a_period() -> None:
    assert date_bounds("2024-02", upper=True) == date(2024, 2, 29)
    assert date_bounds("2024", upper=False) == date(2024, 1, 1)
    r = Role(role="foreign_minister", of="country:IL", start="2023-01", end="2024-01")
    assert r.active(date(2024, 1, 31)) and not r.active(date(2022, 12, 31)) and not r.active(date(2024, 2, 1))


def test_holders_change_with_the_date() -> None:
    kb = load_kb()
    assert kb.holders("foreign_minister", "country:IL", date(2023, 4, 20)) == ["person:eli-cohen"]
    assert kb.holders("foreign_minister", "country:IL", date(2025, 6, 1)) == ["person:saar"]
    assert kb.holders("president", "country:US", date(2019, 6, 1)) == ["person:trump"]
    assert kb.holders("president", "country:US", date(2022, 6, 1)) == ["person:biden"]
    assert kb.holders("president", "country:US", date(2025, 3, 1)) == ["person:trump"]
    assert kb.holders("foreign_minister", "country:US", date(2025, 3, 1)) == ["person:rubio"]
    assert len(kb.holders("prime_minister", "country:IL", None)) > 1


def test_shared_names_are_chosen_by_date() -> None:
    kb = load_kb()
    both = ["person:gurbanguly-berdimuhamedow", "person:serdar-berdimuhamedow"]
    assert kb.choose(both, date(2015, 1, 1)) == "person:gurbanguly-berdimuhamedow"
    assert kb.choose(both, date(2023, 1, 1)) == "person:serdar-berdimuhamedow"
    assert kb.choose(both, None) == "person:serdar-berdimuhamedow"  # undated: the latest in office
