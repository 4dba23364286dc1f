"""CAMEO event coding of the PETRARCH validation records, scored in PLOVER.

Each gold ``<EventCoding eventcode=...>`` is mapped to PLOVER with our
shipped CAMEO->PLOVER table (``events/data/cameo_plover.yaml``); codes with
no PLOVER type (CAMEO 01 statements, 02 appeals) are left out.  Per sentence
we compare the set of PLOVER types we code (non-negated, extensions rolled
up) with the gold set:

* ``petrarch_tp``: share of gold codings whose type we also code;
* ``petrarch_fp``: share of our coded types the gold does not have
  (``petrarch_precision`` = 100 - fp, for the floor gate).

That is the shape of UniversalPetrarch's published figures (68% true
positives, 23% false positives on 243 English records), but not the same
test: they also require source and target actor codes, which we do not
produce (we link to our own KB), so our numbers are type-only and easier.
``PETR2_GSR_validation.xml`` (AFP sentences) gives the headline pair; the
constructed unit-test records are reported as ``petrarch_unit_*``.  None of
these files was used for tuning.  Scores are percentages.
"""

from __future__ import annotations

import html
import pathlib
import re
from collections import Counter
from dataclasses import dataclass, field

from dragoman.events.cameo import cameo_to_plover
from dragoman.events.candidates import bare_article
from dragoman.events.extract import find_hits
from dragoman.events.plover import plover_code
from dragoman.model import EventStatus
from dragoman_training.eval._events_common import dataset, pct, plover_type, table

NAME = "petrarch"


@dataclass
class Record:
    id: str
    text: str = ""
    codes: list[str] = field(default_factory=list)


_TAG = re.compile(r"<(Sentence|EventCoding)\b([^>]*)>|<Text>(.*?)</Text>|<!--.*?-->", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_records(path: pathlib.Path) -> list[Record]:
    """Sentences with their gold CAMEO codes, read tag by tag in document order.

    '#' comment lines are stripped first.  The files are not well-formed XML
    (``PETR2_GSR_validation.xml`` closes ``<Sentence .../>`` at once and still
    has a ``</Sentence>`` later), so a strict parser refuses them; the three
    elements we need are flat, so we read them in order instead.
    """
    text = "\n".join(
        line for line in path.read_text("utf-8").splitlines() if not line.lstrip().startswith("#")
    )
    out: list[Record] = []
    for m in _TAG.finditer(text):
        tag, attrs, body = m.group(1), dict(_ATTR.findall(m.group(2) or "")), m.group(3)
        if tag == "Sentence":
            out.append(Record(attrs.get("id", "")))
        elif tag == "EventCoding" and out and attrs.get("eventcode"):
            out[-1].codes.append(attrs["eventcode"])
        elif body is not None and out and not out[-1].text:
            out[-1].text = html.unescape(" ".join(body.split()))
    return [r for r in out if r.text]


def score(
    records: list[Record], *, fold_intents: bool = True
) -> tuple[float, float, int, int, Counter[tuple[str, str]]]:
    gold_n = gold_hit = pred_n = pred_wrong = 0
    errors: Counter[tuple[str, str]] = Counter()
    for r in records:
        gold = [e.type for c in r.codes if (e := cameo_to_plover(c)) is not None]
        art = bare_article(r.text, "en", use_ner=False)
        hits = [h for h in find_hits(art, "en") if h.event.status is not EventStatus.NEGATED]
        pred = {
            plover_code(h.event.type, h.event.status) if fold_intents else plover_type(h.event.type)
            for h in hits
        }
        gold_n += len(gold)
        gold_hit += sum(1 for g in gold if g in pred)
        pred_n += len(pred)
        wrong = pred - set(gold)
        pred_wrong += len(wrong)
        for g in gold:
            if g not in pred:
                errors[("missed", g)] += 1
        for p in wrong:
            errors[("spurious", p)] += 1
    return pct(gold_hit, gold_n), pct(pred_wrong, pred_n), gold_n, pred_n, errors


def run(shared: pathlib.Path) -> dict[str, float]:
    root = dataset(shared, "petrarch_cameo_validation")
    out: dict[str, float] = {}
    rows = []
    for key, fname in (
        ("petrarch", "PETR2_GSR_validation.xml"),
        ("petrarch_unit", "PETR.UnitTest.records.xml"),
    ):
        records = load_records(root / fname)
        tp, fp, gold_n, pred_n, errors = score(records)
        out[f"{key}_tp"], out[f"{key}_fp"] = tp, fp
        # the gate keeps floors under higher-is-better scores, so FP is also given as precision
        out[f"{key}_precision"] = round(100.0 - fp, 2) if pred_n else 0.0
        rows.append([fname, len(records), gold_n, pred_n, tp, fp])
        # the same without folding intentions, to show what that policy costs here
        atp, afp, _, a_n, _ = score(records, fold_intents=False)
        out[f"{key}_action_tp"], out[f"{key}_action_fp"] = atp, afp
        rows.append([f"{fname} (actions, no intent folding)", len(records), gold_n, a_n, atp, afp])
        print(f"{fname} errors:", ", ".join(f"{k} {t} {c}" for (k, t), c in errors.most_common(8)))
    print(
        table(
            "PETRARCH validation, PLOVER type level",
            ["file", "sentences", "gold codings", "our types", "TP%", "FP%"],
            rows,
        )
    )
    print("UniversalPetrarch (published, with actor codes): TP 68%, FP 23%")
    return out


if __name__ == "__main__":
    import sys

    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
