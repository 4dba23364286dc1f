"""The dev error-kind tally sorts each gold event into the first strict condition it fails."""

from __future__ import annotations

from types import ModuleType

import pytest
from dragoman_training.eval.errors import _scorer, classify
from tests.conftest import SHARED

SCORER = SHARED / "tools" / "score_gold.py"


@pytest.fixture
def scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip(f"../shared absent: no scorer at {SCORER}")
    return _scorer(SCORER)


TEXT = "Norland hosted Sudria on Monday. Ostavia struck Velmar. Torvia praised the plan."
GOLD = {
    "entities": [
        {"canonical": "Norland", "surfaces": ["Norland"]},
        {"canonical": "Sudria", "surfaces": ["Sudria"]},
        {"canonical": "Ostavia", "surfaces": ["Ostavia"]},
        {"canonical": "Velmar", "surfaces": ["Velmar"]},
    ],
    "events": [
        {"evidence": "Norland hosted Sudria", "plover_type": "CONSULT", "actor": ["Norland"],
         "recipient": ["Sudria"], "date": "2026-03-02"},
        {"evidence": "Ostavia struck Velmar", "plover_type": "ASSAULT", "actor": ["Ostavia"],
         "recipient": ["Velmar"]},
        {"evidence": "Torvia praised the plan", "plover_type": "SUPPORT", "actor": ["Torvia"]},
    ],
}


def _span(text: str) -> dict[str, int]:
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text)}


def _ent(eid: str, name: str) -> dict[str, object]:
    return {"id": eid, "canonical": name, "mentions": [_span(name)]}


def test_kinds_follow_the_strict_conditions(scorer: ModuleType) -> None:
    system = {
        "entities": [_ent("n", "Norland"), _ent("s", "Sudria"), _ent("o", "Ostavia"), _ent("v", "Velmar")],
        "events": [
            # right type and actor, no recipient; dated by month only
            {"type": "CONSULT", "actors": ["n"], "recipients": [], "date": {"value": "2026-03"},
             "evidence": [_span("Norland hosted Sudria")]},
            # roles swapped: the victim named as the doer
            {"type": "ASSAULT", "actors": ["v"], "recipients": ["o"], "evidence": [_span("Ostavia struck Velmar")]},
            # an event where the gold has none
            {"type": "CONSULT", "actors": ["n"], "evidence": [_span("on Monday")]},
        ],
    }
    kinds = sorted(kind for kind, _ in classify(scorer, TEXT, GOLD, system))
    assert kinds == ["date: other granularity", "missed", "no recipient", "spurious CONSULT", "wrong actor"]


def test_a_wrong_type_is_named_by_both_types(scorer: ModuleType) -> None:
    system = {"entities": [_ent("o", "Ostavia")],
              "events": [{"type": "SUPPORT", "actors": ["o"], "evidence": [_span("Ostavia struck Velmar")]}]}
    kinds = dict(classify(scorer, TEXT, {**GOLD, "events": GOLD["events"][1:2]}, system))
    assert list(kinds) == ["type ASSAULT->SUPPORT"]


def test_a_right_event_is_no_error(scorer: ModuleType) -> None:
    system = {"entities": [_ent("o", "Ostavia"), _ent("v", "Velmar")],
              "events": [{"type": "ASSAULT", "actors": ["o"], "recipients": ["v"],
                          "evidence": [_span("Ostavia struck Velmar")]}]}
    assert classify(scorer, TEXT, {**GOLD, "events": GOLD["events"][1:2]}, system) == []
