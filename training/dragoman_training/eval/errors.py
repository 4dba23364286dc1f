"""Error kinds on a hand-annotated gold file: why each gold event is not right as a whole.

``python -m dragoman_training.eval.errors [SHARED] [--examples]`` runs the default pipeline
over the dev pages (as :mod:`dev` does) and sorts every gold event into the first condition of
``score_gold.py``'s strict match it fails, per language, most common first:

- ``missed``: no system event's evidence overlaps the gold evidence (``missed in chrome`` when
  the evidence lies in lines marked as boilerplate);
- ``type GOLD->SYS``: found, but no overlapping event has the gold type or its roll-up;
- ``no actor`` / ``wrong actor``: typed right, but no typed event names a gold actor;
- ``no recipient`` / ``wrong recipient``: typed, actor right, gold names a recipient, none right.

System events that overlap no gold event are counted as ``spurious SYS``. Dates are counted apart
(``date: none``, ``date: other value``, ``date: other granularity``), over found gold events that
carry one, as the scorer counts them.
The matching follows the scorer's rules (same normalisation, overlap, roll-up and names), so
the counts explain its figures; with ``--examples`` each kind lists its page and evidence, for
studying errors only (the dev set is never training data).
"""

from __future__ import annotations

import collections
import importlib.util
import json
import pathlib
import sys
import tempfile
from types import ModuleType
from typing import Any

from dragoman_training.eval.dev import LANGS, paths, write_outputs

Counter = collections.Counter[str]


def _scorer(path: pathlib.Path) -> ModuleType:
    """The scorer as a module, so its normalisation and matching helpers are the ones used here."""
    spec = importlib.util.spec_from_file_location("score_gold", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _names(sg: ModuleType, text: str, ent: dict[str, Any] | None, fallback: str) -> set[str]:
    if ent is None:
        return {sg.norm(fallback)}
    out = {sg.norm(ent.get("canonical", ""))}
    out |= {sg.norm(text[m["start"] : m["end"]]) for m in ent.get("mentions", [])}
    return out


def _gold_names(sg: ModuleType, gold: dict[str, Any], names: list[str] | None) -> set[str]:
    out = {sg.norm(a) for a in names or []}
    for ent in gold["entities"]:
        if sg.norm(ent["canonical"]) in out:
            out |= {sg.norm(x) for x in ent["surfaces"]}
    return out


def _date_kind(sys_date: dict[str, Any] | None, gold_date: str) -> str | None:
    value = str((sys_date or {}).get("value", ""))
    if value == gold_date:
        return None
    if not value:
        return "date: none"
    if len(value) != len(gold_date):
        return "date: other granularity"
    return "date: other value"


def classify(sg: ModuleType, text: str, gold: dict[str, Any], system: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, evidence) for every gold event not right as a whole, every spurious event and every date miss."""
    ents = {e.get("id"): e for e in system.get("entities", [])}
    events = system.get("events", [])
    chrome = [(b["start"], b["end"]) for b in system.get("boilerplate", [])]

    def sys_names(ids: list[str] | None) -> set[str]:
        out: set[str] = set()
        for i in ids or []:
            out |= _names(sg, text, ents.get(i), str(i))
        return out

    found: list[tuple[str, str]] = []
    gold_spans = []
    for ge in gold["events"]:
        occ = sg.find_all(text, ge["evidence"])
        gold_spans.append(occ)
        cands = [e for e in events if any(sg.overlap(o, sp) > 0 for o in occ for sp in sg.spans_of(e))]
        if ge.get("date") and cands:  # the scorer dates found events only
            best = ([e for e in cands if sg.type_ok(e, ge["plover_type"])] or cands)[0]
            kind = _date_kind(best.get("date"), ge["date"])
            if kind:
                found.append((kind, ge["evidence"]))
        if not cands:
            in_chrome = any(sum(sg.overlap(o, b) for b in chrome) > 0.5 * (o[1] - o[0]) for o in occ)
            found.append(("missed in chrome" if in_chrome else "missed", ge["evidence"]))
            continue
        typed = [e for e in cands if sg.type_ok(e, ge["plover_type"])]
        if not typed:
            got = str(cands[0].get("type") or cands[0].get("plover"))
            found.append((f"type {ge['plover_type']}->{got}", ge["evidence"]))
            continue
        ga, gr = _gold_names(sg, gold, ge.get("actor")), _gold_names(sg, gold, ge.get("recipient"))
        acted = [e for e in typed if (sys_names(e.get("actors")) & ga) or (not ga and not e.get("actors"))]
        if not acted:
            kind = "no actor" if not any(e.get("actors") for e in typed) else "wrong actor"
            found.append((kind, ge["evidence"]))
            continue
        if gr and not any(sys_names(e.get("recipients")) & gr for e in acted):
            kind = "no recipient" if not any(e.get("recipients") for e in acted) else "wrong recipient"
            found.append((kind, ge["evidence"]))
    for e in events:
        if not any(sg.overlap(o, sp) > 0 for occ in gold_spans for o in occ for sp in sg.spans_of(e)):
            spans = sg.spans_of(e)
            found.append((f"spurious {e.get('type')}", text[spans[0][0] : spans[0][1]] if spans else ""))
    return found


def run(shared: pathlib.Path, examples: bool = False, top: int = 10) -> dict[str, Counter]:
    found = paths(shared)
    if found is None:
        print(f"errors: {shared / 'corpus' / 'dev'} or the scorer not found; nothing measured")
        return {}
    gold_path, pages, scorer = found
    sg = _scorer(scorer)
    gold = json.loads(gold_path.read_text("utf-8"))
    names = sorted(gold["articles"])
    counts: dict[str, Counter] = {lang: collections.Counter() for lang in LANGS}
    shown: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    with tempfile.TemporaryDirectory(prefix="dragoman-errors-") as tmp:
        out = pathlib.Path(tmp)
        write_outputs(pages, names, out)
        for name in names:
            record = gold["articles"][name]
            text = (pages / name).read_text("utf-8")
            system = json.loads((out / f"{name}.json").read_text("utf-8"))
            lang = record.get("language", "?")
            for kind, evidence in classify(sg, text, record, system):
                counts.setdefault(lang, collections.Counter())[kind] += 1
                shown[(lang, kind)].append(f"{name}: {evidence[:110]}")
    for lang, counter in counts.items():
        gold_events = sum(len(r["events"]) for r in gold["articles"].values() if r.get("language") == lang)
        print(f"== {lang}: {gold_events} gold events; most common error kinds ==")
        for kind, n in counter.most_common(top):
            print(f"  {n:3d}  {kind}")
            if examples:
                for line in shown[(lang, kind)][:6]:
                    print(f"         {line}")
    return counts


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    run(pathlib.Path(args[0]) if args else pathlib.Path("../shared"), examples="--examples" in argv,
        top=40 if "--all" in argv else 10)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
