"""Run every evaluation suite, print the scores, check the pinned floors.

    python -m dragoman_training.eval [--shared ../shared] [--only ner] [--save]

Exits 2 when ../shared/datasets is absent (nothing to measure), 1 when a
floor is crossed.  The last line is ``key=value`` pairs for every pinned
metric, for scripts to read.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path

import dragoman_training.eval as pkg
from dragoman_training.eval.gate import check

_NOT_SUITES = {"gate", "__main__"}


def _suites(only: list[str] | None) -> list[str]:
    names = [m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name not in _NOT_SUITES and not m.name.startswith("_")]
    return [n for n in sorted(names) if not only or n in only]


def main(argv: list[str] | None = None) -> int:
    repo = Path(__file__).resolve().parents[3]
    ap = argparse.ArgumentParser(prog="python -m dragoman_training.eval", description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("DRAGOMAN_SHARED", repo.parent / "shared")))
    ap.add_argument("--eval-dir", type=Path, default=repo / "eval")
    ap.add_argument(
        "--only", nargs="*", help="suite names (modules of dragoman_training.eval); floors of other suites are not checked"
    )
    ap.add_argument("--save", action="store_true", help="write the scores to eval/scores.json")
    args = ap.parse_args(argv)

    if not (args.shared / "datasets").is_dir():
        print(f"eval: {args.shared / 'datasets'} not found; the gold data lives in ../shared (nothing measured)")
        return 2
    scores: dict[str, float] = {}
    for name in _suites(args.only):
        mod = importlib.import_module(f"dragoman_training.eval.{name}")
        print(f"\n=== {name} ===", flush=True)
        t0 = time.perf_counter()
        result = mod.run(args.shared)
        print(f"[{name}: {time.perf_counter() - t0:.1f}s]")
        clash = set(result) & set(scores)
        if clash:
            raise SystemExit(f"suite {name} reports metrics already reported by another suite: {sorted(clash)}")
        scores.update(result)

    gate = check(scores, args.eval_dir, partial=bool(args.only))
    print("\n=== floors ===")
    for key, (score, floor) in gate.checked.items():
        mark = "ok  " if score >= floor else "FAIL"
        print(f"{mark} {key:<34} {score:8.2f}  (floor {floor:.2f})")
    for f in gate.failures:
        print(f"FAIL {f}")
    if args.save:
        path = args.eval_dir / "scores.json"
        # a run of some suites updates their scores and keeps the others' last figures
        saved = json.loads(path.read_text("utf-8")) if args.only and path.exists() else {}
        path.write_text(json.dumps(dict(sorted({**saved, **scores}.items())), indent=2) + "\n")
    print(" ".join(f"{k}={scores[k]:.2f}" for k in sorted(gate.checked)) or "no pinned metrics")
    return 0 if gate.ok else 1


if __name__ == "__main__":
    sys.exit(main())
