"""Event coding on the PLOVER gold records (English codebook sentences with SRC/TAR/EVT markup).

For each sentence the first non-negated event we code is compared with the
gold record: its type as a PLOVER coder would give it (``plover_code``:
extensions rolled up, unrealised cooperative actions as AGREE and hostile
ones as THREATEN, as PLOVER codes intentions) against the gold type rolled
up to a 2021 PLOVER type (the gold's PLOVER 0.5 names DEMAND, DISAPPROVE,
INVESTIGATE, FIGHT map to REQUEST, ACCUSE, ACCUSE, ASSAULT, as
``events/data/plover.yaml: legacy`` says), its actor and recipient text
against the gold ``actorText`` (a match when one contains the other as a run
of words).  Arguments come from NER-free candidates
(``dragoman.events.candidates``).

The argument model learns from the records at even positions
(``dragoman_training.events.train``), so the headline ``plover_*`` figures are the
odd positions only, which it never saw, less the few whose sentence is also an
even record's (a sentence coded for two events); ``plover_odd_all_*`` keep
them, and ``plover_train_*`` are the even half, for comparison.  The headline takes
the sentence's first event, so a sentence that tells another event before the coded
one ("Despite warnings by aid agencies, Israel is refusing ...") counts against the
coder; ``plover_matched_*`` score the same held-out records against the event whose
trigger shares a word with the gold ``eventText`` (the first event where none does),
which measures the arguments of the event the record is about.  The English trigger vocabulary was drawn from the
event words of all records, so the type accuracy of either half is
optimistic.  Scores are percentages.
"""

from __future__ import annotations

import json
import pathlib
from collections import Counter, defaultdict
from typing import Any, Literal

from dragoman.events.candidates import bare_article
from dragoman.events.extract import EventHit, find_hits
from dragoman.events.plover import plover_code
from dragoman.model import Article, EventStatus
from dragoman_training.eval._events_common import (
    dataset,
    first_hit,
    pct,
    plover_type,
    table,
    text_match,
    words,
)

NAME = "plover"


def _actor_texts(value: Any) -> list[str]:
    """Gold actors: a list of {actorText: ...}, a single such dict, or a bare string."""
    items = value if isinstance(value, list) else [value]
    return [i["actorText"] if isinstance(i, dict) else str(i) for i in items if i]


# Words of a gold ``eventText`` that name no act ("said would allow inspectors", "ready to host").
_EVENT_TEXT_FILLER = frozenset({"to", "a", "an", "the", "will", "would", "said", "announced", "quoted", "saying", "of", "on"})


def by_event_text(hits: list[EventHit], event_text: str, art: Article) -> EventHit | None:
    """The first non-negated hit whose trigger shares a word with the gold's ``eventText``, else the first hit.

    A sentence often tells several events ("Despite warnings by aid agencies, Israel is
    refusing to lift the curfew") and its gold record codes one of them, named by its
    ``eventText`` ("is refusing to lift curfew"): this compares the record with that
    event where we found its word, so the argument scores measure the arguments of the
    event the record is about.  Where no trigger shares a word, it falls back to the
    sentence's first event, as ``first_hit`` does.
    """
    gold = {w for w in words(event_text, "en") if w not in _EVENT_TEXT_FILLER}
    for h in sorted(hits, key=lambda h: h.token_start):
        if h.event.status is EventStatus.NEGATED or h.event.trigger is None:
            continue
        if gold & set(words(art.span_text(h.event.trigger), "en")):
            return h
    return first_hit(hits)


def _score(
    records: list[dict[str, Any]],
    pick: Literal["first", "event_text"] = "first",
) -> tuple[dict[str, float], dict[str, list[int]], Counter[tuple[str, str]]]:
    n = type_ok = act_n = act_ok = rec_n = rec_ok = 0
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])  # n, type, act_n, act, rec_n, rec
    confusion: Counter[tuple[str, str]] = Counter()
    for r in records:
        gold = plover_type(r["event"])
        art = bare_article(r["text"], "en", use_ner=False)
        hits = find_hits(art, "en")
        hit = by_event_text(hits, r.get("eventText", ""), art) if pick == "event_text" else first_hit(hits)
        pred = plover_code(hit.event.type, hit.event.status) if hit else "NONE"
        row = per[gold]
        n += 1
        row[0] += 1
        if pred == gold:
            type_ok += 1
            row[1] += 1
        else:
            confusion[(gold, pred)] += 1
        actors = [art.span_text(m.mention.span) for m in hit.args.actors] if hit else []
        recips = [art.span_text(m.mention.span) for m in hit.args.recipients] if hit else []
        if r.get("source"):
            act_n += 1
            row[2] += 1
            if any(text_match(p, g, "en") for p in actors for g in _actor_texts(r["source"])):
                act_ok += 1
                row[3] += 1
        if r.get("target"):
            rec_n += 1
            row[4] += 1
            if any(text_match(p, g, "en") for p in recips for g in _actor_texts(r["target"])):
                rec_ok += 1
                row[5] += 1
    scores = {
        "type_acc": pct(type_ok, n),
        "actor_acc": pct(act_ok, act_n),
        "recipient_acc": pct(rec_ok, rec_n),
    }
    return scores, per, confusion


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The records the argument model learns from (even positions) and the held-out ones it is scored on.

    The split is by position, and a few sentences are coded more than once
    (one record per event): an odd record whose text is also an even record's
    was seen in training, so it is left out of the held-out half.
    """
    train = records[0::2]
    seen = {r["text"] for r in train}
    return train, [r for r in records[1::2] if r["text"] not in seen]


def run(shared: pathlib.Path) -> dict[str, float]:
    path = dataset(shared, "plover_gsr_cameo", "PLOVER_GSR_CAMEO.json")
    records = [r for r in json.loads(path.read_text("utf-8")) if r.get("event") != "DOCUMENT"]
    train, held_records = split(records)
    held, per, confusion = _score(held_records)
    odd_all, _, _ = _score(records[1::2])
    trained, _, _ = _score(train)
    matched, _, _ = _score(held_records, "event_text")
    rows = [
        [t, v[0], pct(v[1], v[0]), f"{pct(v[3], v[2])} ({v[2]})", f"{pct(v[5], v[4])} ({v[4]})"]
        for t, v in sorted(per.items(), key=lambda kv: -kv[1][0])
    ]
    print(
        table(
            f"PLOVER gold records, held-out odd half ({len(held_records)} of {len(records[1::2])}: the rest repeat"
            " a training sentence), first coded event per sentence",
            ["type", "n", "type%", "actor% (n)", "recipient% (n)"],
            rows,
        )
    )
    print(
        "most frequent confusions (gold -> predicted):",
        ", ".join(f"{g}->{p} {c}" for (g, p), c in confusion.most_common(8)),
    )
    print(f"held-out odd half, training sentences left out ({len(held_records)}, scored): {held}")
    print(f"whole odd half ({len(records[1::2])}, with the sentences that repeat training ones): {odd_all}")
    print(f"even half ({len(train)}, the argument model trained on it): {trained}")
    print(
        f"held-out odd half, the event whose trigger shares a word with the gold eventText ({len(held_records)}): {matched}"
    )
    out = {f"plover_{k}": v for k, v in held.items()}
    out.update({f"plover_matched_{k}": v for k, v in matched.items()})
    out.update({f"plover_odd_all_{k}": v for k, v in odd_all.items()})
    out.update({f"plover_train_{k}": v for k, v in trained.items()})
    return out


if __name__ == "__main__":
    import sys

    run(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path("../shared"))
