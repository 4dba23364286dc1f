"""Floors on real gold data that fail the eval when crossed, and cannot be lowered silently.

``eval/floors.toml`` pins a floor per metric::

    [floors]
    anercorp_f1 = 75.0

``eval/floors.lock.json`` remembers the highest value each floor has ever
had.  A floor set below its locked value is refused unless the same table
carries an explanation under ``[lowered]`` (``anercorp_f1 = "why"``), so a
lowered bar always shows up in review with its reason.  Floors are raised by
hand in ``floors.toml``; :func:`write_lock` then records the new highs (it
never lowers a locked value).
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GateResult:
    failures: list[str]
    checked: dict[str, tuple[float, float]]  # metric -> (score, floor)

    @property
    def ok(self) -> bool:
        return not self.failures


def load_floors(eval_dir: Path) -> tuple[dict[str, float], dict[str, str]]:
    data = tomllib.loads((eval_dir / "floors.toml").read_text("utf-8"))
    unknown = set(data) - {"floors", "lowered"}
    if unknown:
        raise ValueError(f"floors.toml: unknown tables {sorted(unknown)}")
    return {k: float(v) for k, v in data.get("floors", {}).items()}, dict(data.get("lowered", {}))


def load_lock(eval_dir: Path) -> dict[str, float]:
    path = eval_dir / "floors.lock.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def check_lock(floors: dict[str, float], lowered: dict[str, str], lock: dict[str, float]) -> list[str]:
    """Floors below their locked value without a written reason, and floors that vanished."""
    problems = []
    for key, locked in lock.items():
        if key not in floors:
            if key not in lowered:
                problems.append(f"floor {key} was removed (locked at {locked}); explain it under [lowered]")
        elif floors[key] < locked and not lowered.get(key, "").strip():
            problems.append(f"floor {key} lowered from {locked} to {floors[key]} with no reason under [lowered]")
    return problems


def check(scores: dict[str, float], eval_dir: Path, *, partial: bool = False) -> GateResult:
    """Every floor against its score; ``partial`` (a run of some suites only) skips unmeasured floors."""
    floors, lowered = load_floors(eval_dir)
    failures = check_lock(floors, lowered, load_lock(eval_dir))
    checked = {}
    for key, floor in sorted(floors.items()):
        if key not in scores:
            if not partial:
                failures.append(f"{key}: no score measured (floor {floor})")
            continue
        checked[key] = (scores[key], floor)
        if scores[key] < floor:
            failures.append(f"{key}: {scores[key]:.2f} is below its floor {floor:.2f}")
    return GateResult(failures, checked)


def write_lock(eval_dir: Path) -> None:
    floors, _ = load_floors(eval_dir)
    lock = load_lock(eval_dir)
    for k, v in floors.items():
        lock[k] = max(v, lock.get(k, v)) if k in lock else v
    (eval_dir / "floors.lock.json").write_text(json.dumps(dict(sorted(lock.items())), indent=2) + "\n", "utf-8")
