"""The default pipeline on the hand-annotated dev set of real news pages, scored by ``score_gold.py``.

``../shared/corpus/dev`` holds 24 excerpts of real pages (10 Arabic, 8
Hebrew, 6 English) with gold entities, events, quotes, dates and chrome
lines; ``../shared/tools/score_gold.py`` is the scorer the issue's figures
come from.  This suite runs the default pipeline over every page in this
process, writes each page's Article JSON where the scorer's ``--json-dir``
reads it, and runs the scorer once on all pages and once per language (a
gold file restricted to that language's pages), so ``make eval`` prints the
very numbers ``score_gold.py`` prints, without one subprocess per page.

The dev set is for measuring only: nothing in the project is trained or tuned
on its text (see docs/events.md).  Keys are ``dev_<metric>`` and
``dev_<lang>_<metric>``, percentages; ``dev_seconds`` is the pipeline's wall
time over the 24 pages.  Without ``../shared/corpus/dev`` or the scorer the
suite says so and measures nothing.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile
import time

NAME = "dev"
# The metrics of the table, in the order it lists them, then their parts.
METRICS = (
    "event_strict_f1",
    "event_f1",
    "event_typed_recall",
    "event_actor_acc",
    "event_status_acc",
    "event_date_acc",
    "quote_attribution",
    "entity_f1",
    "boilerplate_recall",
    "event_strict_recall",
    "event_strict_precision",
    "event_recall",
    "event_precision",
    "quote_recall",
)
LANGS = ("ar", "he", "en")


def paths(shared: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path, pathlib.Path] | None:
    dev = shared / "corpus" / "dev"
    gold, pages, scorer = dev / "gold.json", dev / "pages", shared / "tools" / "score_gold.py"
    return (gold, pages, scorer) if gold.is_file() and pages.is_dir() and scorer.is_file() else None


def write_outputs(pages: pathlib.Path, names: list[str], out: pathlib.Path, config: str | None = None) -> float:
    """Article JSON of each page as ``out/<page>.json``; returns the pipeline's wall seconds."""
    from dragoman import api
    from dragoman.serialize import dumps

    t0 = time.perf_counter()
    for name in names:
        article = api.extract(pages / name, config=config)
        (out / f"{name}.json").write_text(dumps(article, indent=None), "utf-8")
    return time.perf_counter() - t0


def score(scorer: pathlib.Path, gold: pathlib.Path, pages: pathlib.Path, json_dir: pathlib.Path) -> dict[str, float]:
    """The scorer's metric lines as a dict (fractions, as it prints them)."""
    proc = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pages), "--json-dir", str(json_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode == 2:
        raise RuntimeError(f"score_gold.py could not score: {proc.stdout.strip()[-300:]} {proc.stderr[-300:]}")
    out: dict[str, float] = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


def run(shared: pathlib.Path, config: str | None = None) -> dict[str, float]:
    found = paths(shared)
    if found is None:
        print(f"dev: {shared / 'corpus' / 'dev'} or {shared / 'tools' / 'score_gold.py'} not found; nothing measured")
        return {}
    gold_path, pages, scorer = found
    gold = json.loads(gold_path.read_text("utf-8"))
    names = sorted(gold["articles"])
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="dragoman-dev-") as tmp:
        tmpdir = pathlib.Path(tmp)
        seconds = write_outputs(pages, names, tmpdir, config)
        runs: list[tuple[str, pathlib.Path]] = [("", gold_path)]
        for lang in LANGS:
            part = {k: v for k, v in gold["articles"].items() if v.get("language") == lang}
            if part:
                path = tmpdir / f"gold_{lang}.json"
                path.write_text(json.dumps({**gold, "articles": part}, ensure_ascii=False), "utf-8")
                runs.append((f"{lang}_", path))
        rows = []
        for prefix, path in runs:
            got = score(scorer, path, pages, tmpdir)
            for key in METRICS:
                if key in got:
                    out[f"dev_{prefix}{key}"] = round(100.0 * got[key], 2)
            rows.append([prefix.rstrip("_") or "all", *(f"{100 * got.get(k, 0.0):.1f}" for k in METRICS[:9])])
    out["dev_seconds"] = round(seconds, 2)
    header = ["lang", *(k.replace("event_", "ev_").replace("_recall", "_r") for k in METRICS[:9])]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"dev set ({len(names)} pages) through score_gold.py, percentages; pipeline {seconds:.1f}s")
    for r in [header, *rows]:
        print("  ".join(f"{x!s:>{w}}" for x, w in zip(r, widths, strict=True)))
    return out


if __name__ == "__main__":
    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
