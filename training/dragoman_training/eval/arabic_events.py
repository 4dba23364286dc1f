"""Arabic PROTEST and ASSAULT detection and argument spans on the OEDA Arabic event GSR.

Detection: a sentence is predicted positive when we code an occurred event
that rolls up to the type; gold positives are unanimous "yes" labels, gold
negatives "easy no" and "difficult no"; "ambiguous" sentences are left out.
The even rows of the detection files were used to choose ``generic_nouns``
(nouns naming a kind of event) and to weigh trigger entries by the false
positives they bring; the odd rows are reported apart as held-out.

Spans: on the span files, the actor and recipient text of our first event
of the file's type is compared with ``source_gold`` / ``target_gold`` by
token F1 over folded, clitic-stripped words, averaged over sentences whose
gold span is non-empty.  Arguments come from NER-free candidates plus the
shipped Arabic NER model.  The first half of each span file was used to
tune the PROTEST/ASSAULT trigger lists and trains the argument model
(``dragoman_training.events.train``), so the headline ``ar_span_*`` figures are the
second halves only; ``ar_span_train_*`` the first halves.  Scores are
percentages.
"""

from __future__ import annotations

import csv
import json
import pathlib
from collections import Counter
from typing import Any

from dragoman.events.candidates import bare_article
from dragoman.events.extract import EventHit, find_hits
from dragoman.model import EventStatus
from dragoman_training.eval._events_common import dataset, first_hit, pct, plover_type, table, token_f1, words

NAME = "arabic_events"
_TYPES = ("PROTEST", "ASSAULT")


def _hits_of(text: str, etype: str, use_ner: bool) -> tuple[list[EventHit], Any]:
    art = bare_article(text, "ar", use_ner=use_ner)
    hits = [
        h
        for h in find_hits(art, "ar")
        if plover_type(h.event.type) == etype and h.event.status is EventStatus.OCCURRED
    ]
    return hits, art


def detection(rows: list[dict[str, str]], etype: str) -> tuple[float, float, int, int, Counter[str]]:
    tp = fp = fn = pos = 0
    missed: Counter[str] = Counter()
    for r in rows:
        if r["label"] == "ambiguous":
            continue
        gold = r["label"] == "yes"
        pos += gold
        hits, art = _hits_of(r["text"], etype, use_ner=False)
        pred = bool(hits)
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        if pred and not gold:
            missed["fp:" + art.span_text(hits[0].event.trigger) if hits[0].event.trigger else "fp:?"] += 1
    return pct(tp, tp + fp), pct(tp, tp + fn), pos, len(rows), missed


def spans(records: list[dict[str, Any]], etype: str) -> tuple[float, float, int, int]:
    src: list[float] = []
    tgt: list[float] = []
    for r in records:
        hits, art = _hits_of(r["text"], etype, use_ner=True)
        hit = first_hit(hits)
        actors = " ".join(art.span_text(m.mention.span) for m in hit.args.actors) if hit else ""
        recips = " ".join(art.span_text(m.mention.span) for m in hit.args.recipients) if hit else ""
        if r.get("source_gold", "").strip():
            src.append(token_f1(words(actors, "ar"), words(r["source_gold"], "ar")))
        if r.get("target_gold", "").strip():
            tgt.append(token_f1(words(recips, "ar"), words(r["target_gold"], "ar")))
    return pct(sum(src), len(src)), pct(sum(tgt), len(tgt)), len(src), len(tgt)


def run(shared: pathlib.Path) -> dict[str, float]:
    root = dataset(shared, "arabic_event_gsr")
    out: dict[str, float] = {}
    rows_out = []
    src_all: list[tuple[float, int]] = []  # held-out second halves: what is scored
    tgt_all: list[tuple[float, int]] = []
    train_src: list[tuple[float, int]] = []  # first halves: the argument model learnt from them
    train_tgt: list[tuple[float, int]] = []
    for etype in _TYPES:
        key = etype.lower()
        with (root / f"{key}_gsr.csv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        p, r, pos, n, fps = detection(rows, etype)
        out[f"ar_{key}_p"], out[f"ar_{key}_r"] = p, r
        hp, hr, _, _, _ = detection(rows[1::2], etype)
        out[f"ar_{key}_heldout_p"], out[f"ar_{key}_heldout_r"] = hp, hr
        records = json.loads((root / f"{key}_spans.json").read_text("utf-8"))
        half = len(records) // 2
        s_f1, t_f1, s_n, t_n = spans(records[half:], etype)
        ts, tt, ts_n, tt_n = spans(records[:half], etype)
        out[f"ar_{key}_source_f1"], out[f"ar_{key}_target_f1"] = s_f1, t_f1
        src_all.append((s_f1, s_n))
        tgt_all.append((t_f1, t_n))
        train_src.append((ts, ts_n))
        train_tgt.append((tt, tt_n))
        rows_out.append(
            [etype, n, pos, p, r, f"{hp} / {hr}", f"{s_f1} ({s_n})", f"{t_f1} ({t_n})", f"{ts} / {tt}"]
        )
        print(
            f"{etype} frequent false-positive triggers:",
            ", ".join(f"{k[3:]} {c}" for k, c in fps.most_common(8)),
        )
    header = [
        "type",
        "sentences",
        "gold yes",
        "P%",
        "R%",
        "held-out P/R",
        "source F1 (n)",
        "target F1 (n)",
        "trained-on src/tgt",
    ]
    print(table("Arabic event GSR: detection, and argument spans on the held-out second halves", header, rows_out))
    def mean(parts: list[tuple[float, int]]) -> float:
        return round(sum(f * n for f, n in parts) / max(1, sum(n for _, n in parts)), 2)

    out["ar_span_source_f1"], out["ar_span_target_f1"] = mean(src_all), mean(tgt_all)
    out["ar_span_train_source_f1"], out["ar_span_train_target_f1"] = mean(train_src), mean(train_tgt)
    print(
        "argument spans, held-out second halves (scored): "
        f"source {out['ar_span_source_f1']} target {out['ar_span_target_f1']}; "
        f"first halves (trained on): source {out['ar_span_train_source_f1']} target {out['ar_span_train_target_f1']}"
    )
    return out


if __name__ == "__main__":
    import sys

    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
