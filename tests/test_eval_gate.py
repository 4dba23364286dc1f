"""The eval gate: floors fail when crossed and cannot be lowered without a written reason."""

from __future__ import annotations

import json
from pathlib import Path

from dragoman_training.eval.gate import check, check_lock, load_floors, load_lock, write_lock

REPO = Path(__file__).resolve().parents[1]


def _eval_dir(tmp_path: Path, floors: str, lock: dict[str, float] | None = None) -> Path:
    (tmp_path / "floors.toml").write_text(floors, "utf-8")
    if lock is not None:
        (tmp_path / "floors.lock.json").write_text(json.dumps(lock), "utf-8")
    return tmp_path


def test_scores_below_floor_or_missing_fail(tmp_path: Path) -> None:
    d = _eval_dir(tmp_path, "[floors]\na = 50.0\nb = 10.0\n")
    res = check({"a": 49.9}, d)
    assert not res.ok
    assert any("a: 49.90 is below" in f for f in res.failures)
    assert any("b: no score" in f for f in res.failures)
    assert check({"a": 50.0, "b": 11.0}, d).ok


def test_a_partial_run_skips_floors_it_did_not_measure(tmp_path: Path) -> None:
    d = _eval_dir(tmp_path, "[floors]\na = 50.0\nb = 10.0\n")
    res = check({"a": 51.0}, d, partial=True)
    assert res.ok
    assert res.checked == {"a": (51.0, 50.0)}
    assert not check({"a": 49.0}, d, partial=True).ok


def test_lowering_a_locked_floor_needs_a_reason(tmp_path: Path) -> None:
    d = _eval_dir(tmp_path, "[floors]\na = 40.0\n", {"a": 50.0})
    assert not check({"a": 45.0}, d).ok
    d = _eval_dir(tmp_path, '[floors]\na = 40.0\n[lowered]\na = "new, harder test split"\n', {"a": 50.0})
    assert check({"a": 45.0}, d).ok


def test_removing_a_locked_floor_needs_a_reason(tmp_path: Path) -> None:
    assert check_lock({}, {}, {"a": 50.0})
    assert not check_lock({}, {"a": "metric retired"}, {"a": 50.0})


def test_write_lock_only_moves_up(tmp_path: Path) -> None:
    d = _eval_dir(tmp_path, "[floors]\na = 40.0\nb = 5.0\n", {"a": 50.0})
    write_lock(d)
    assert load_lock(d) == {"a": 50.0, "b": 5.0}


def test_repository_floors_respect_their_lock() -> None:
    floors, lowered = load_floors(REPO / "eval")
    assert floors, "no floors pinned"
    assert check_lock(floors, lowered, load_lock(REPO / "eval")) == []


def test_saved_scores_clear_the_pinned_floors() -> None:
    scores = json.loads((REPO / "eval" / "scores.json").read_text("utf-8"))
    floors, _ = load_floors(REPO / "eval")
    for key, floor in floors.items():
        assert scores[key] >= floor, f"{key}: saved score {scores[key]} below floor {floor}"
