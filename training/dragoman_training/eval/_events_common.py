"""Helpers shared by the event evaluation suites: locating data, matching argument text, tables."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dragoman.events.extract import EventHit
from dragoman.events.plover import rollup
from dragoman.model import EventStatus
from dragoman.text import normalize_key
from dragoman.text.morph import stems


class DatasetMissing(FileNotFoundError):
    pass


def dataset(shared: Path, *parts: str) -> Path:
    path = shared.joinpath("datasets", *parts)
    if not path.exists():
        raise DatasetMissing(f"{path} not found: the gold data lives in ../shared/datasets")
    return path


def words(text: str, lang: str) -> list[str]:
    """Folded, clitic-stripped words, for comparing argument text with gold text."""
    out = []
    for w in normalize_key(text).split():
        w = w.strip(".,;:!?\"'()«»“”،؛")
        if lang == "en":
            w = w.removesuffix("'s").removesuffix("’s")  # "Turkey's efforts": the actor is Turkey
        if w:
            st = stems(w, lang)
            out.append(min(st, key=len) if lang != "en" else w)
    return out


def token_f1(pred: list[str], gold: list[str]) -> float:
    if not pred or not gold:
        return float(pred == gold)
    common = 0
    rest = list(gold)
    for w in pred:
        if w in rest:
            rest.remove(w)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(pred), common / len(gold)
    return 2 * p * r / (p + r)


def text_match(pred: str, gold: str, lang: str) -> bool:
    """Same actor text: one contains the other as a run of words (“Romanian officials” ~ “Romanian”)."""
    pw, gw = words(pred, lang), words(gold, lang)
    if not pw or not gw:
        return False
    a, b = (pw, gw) if len(pw) <= len(gw) else (gw, pw)
    return any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def first_hit(hits: Iterable[EventHit], *, include_negated: bool = False) -> EventHit | None:
    for h in sorted(hits, key=lambda h: h.token_start):
        if include_negated or h.event.status is not EventStatus.NEGATED:
            return h
    return None


def plover_type(code: str) -> str:
    return rollup(code)


def pct(num: float, den: float) -> float:
    return round(100.0 * num / den, 2) if den else 0.0


def table(title: str, header: list[str], rows: list[list[object]]) -> str:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    line = "  ".join(f"{h:<{w}}" for h, w in zip(header, widths, strict=False))
    out = [title, line, "-" * len(line)]
    out += ["  ".join(f"{x!s:<{w}}" for x, w in zip(r, widths, strict=False)) for r in rows]
    return "\n".join(out)
