"""Per-outlet framing profiles: per-article results folded together by a merge function.

``profile(framing)`` turns one article's framing into a one-article profile; ``merge``
adds two profiles of the same outlet.  Every field is a count or a sum, so ``merge`` is
associative and commutative with ``empty(outlet)`` as its identity: profiles can be
built incrementally (merge each new article into the stored profile), in any order and
any batching, and a re-extracted article can be taken out again by merging its old
profile negated (``negate``).  That is the shape a corpus pass over the store needs
(see docs/framing.md); ratios (markers per 1,000 words, the majority stance) are only
computed when a profile is shown (``outlet_json``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dragoman.framing.article import ArticleFraming
from dragoman.framing.lexicon import MARKER_KINDS
from dragoman.framing.outlets import OutletRegistry, registry
from dragoman.framing.sourcing import Sourcing

__all__ = ["OutletProfile", "empty", "merge", "negate", "outlet_json", "outlet_profiles", "profile"]

STANCE_LABELS = ("hostile", "neutral", "favourable")


@dataclass(frozen=True)
class OutletProfile:
    outlet: str | None
    articles: int = 0
    words: int = 0
    # entity id -> {"hostile": n, "neutral": n, "favourable": n, "score": sum of scores}
    stance: dict[str, dict[str, float]] = field(default_factory=dict)
    names: dict[str, dict[str, int]] = field(default_factory=dict)  # entity id -> surface -> count
    markers: dict[str, int] = field(default_factory=dict)  # kind -> count
    sourcing: Sourcing = field(default_factory=Sourcing)


def empty(outlet: str | None) -> OutletProfile:
    return OutletProfile(outlet)


def profile(framing: ArticleFraming) -> OutletProfile:
    stance = {
        eid: {**{lab: float(st.label == lab) for lab in STANCE_LABELS}, "score": st.score}
        for eid, st in framing.stance.entities.items()
    }
    markers: dict[str, int] = {}
    for m in framing.markers:
        markers[m.kind] = markers.get(m.kind, 0) + 1
    return OutletProfile(framing.outlet.outlet, 1, framing.words, stance,
                         {e: dict(f) for e, f in framing.names.items()}, markers, framing.sourcing)


def _add_nested(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {k: dict(v) for k, v in a.items()}
    for k, inner in b.items():
        row = out.setdefault(k, {})
        for key, n in inner.items():
            row[key] = row.get(key, 0) + n
    return out


def merge(a: OutletProfile, b: OutletProfile) -> OutletProfile:
    """The profile of both sets of articles (same outlet)."""
    if a.outlet != b.outlet:
        raise ValueError(f"cannot merge profiles of different outlets: {a.outlet!r} and {b.outlet!r}")
    markers = dict(a.markers)
    for k, n in b.markers.items():
        markers[k] = markers.get(k, 0) + n
    return OutletProfile(
        a.outlet,
        a.articles + b.articles,
        a.words + b.words,
        _add_nested(a.stance, b.stance),
        _add_nested(a.names, b.names),
        markers,
        a.sourcing + b.sourcing,
    )


def negate(p: OutletProfile) -> OutletProfile:
    """The inverse of ``p`` under ``merge``: merging it takes ``p``'s articles out again."""
    return OutletProfile(
        p.outlet,
        -p.articles,
        -p.words,
        {k: {key: -n for key, n in v.items()} for k, v in p.stance.items()},
        {k: {key: -n for key, n in v.items()} for k, v in p.names.items()},
        {k: -n for k, n in p.markers.items()},
        Sourcing(-p.sourcing.named, -p.sourcing.official, -p.sourcing.anonymous, -p.sourcing.media),
    )


def outlet_profiles(framings: Iterable[ArticleFraming]) -> list[OutletProfile]:
    """One profile per outlet (None: articles whose outlet is unknown), most articles first."""
    out: dict[str | None, OutletProfile] = {}
    for f in framings:
        p = profile(f)
        out[p.outlet] = merge(out.get(p.outlet, empty(p.outlet)), p)
    return sorted(out.values(), key=lambda p: (-p.articles, p.outlet is None, p.outlet or ""))


def _prune(d: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    # After a negate/merge round trip some counts are zero: show only what is there.
    out = {}
    for k, inner in d.items():
        kept = {key: n for key, n in inner.items() if n}
        if kept:
            out[k] = kept
    return out


def _majority(row: dict[str, float]) -> str:
    counts = {lab: row.get(lab, 0) for lab in STANCE_LABELS}
    top = max(counts.values())
    tied = [lab for lab, n in counts.items() if n == top]
    if len(tied) == 1:
        return tied[0]
    score = row.get("score", 0.0)
    lean = "hostile" if score < 0 else "favourable" if score > 0 else "neutral"
    return lean if lean in tied else "neutral"


def outlet_json(p: OutletProfile, reg: OutletRegistry | None = None) -> dict[str, Any]:
    """One entry of ``outlets`` in ``dragoman framing --format json`` (schema: framing-v1)."""
    entry = (reg or registry()).get(p.outlet) if p.outlet else None
    stance = {}
    for eid, row in _prune(p.stance).items():
        n = sum(row.get(lab, 0) for lab in STANCE_LABELS)
        if n <= 0:
            continue
        stance[eid] = {
            "label": _majority(row),
            "score": round(row.get("score", 0.0) / n, 4),
            "articles": {lab: int(row.get(lab, 0)) for lab in STANCE_LABELS},
        }
    names = {eid: dict(sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])))
             for eid, forms in _prune(p.names).items()}
    per_k = 1000.0 / p.words if p.words > 0 else 0.0
    return {
        "outlet": p.outlet,
        "name": entry.display() if entry else p.outlet,
        "country": entry.country if entry else None,
        "type": entry.type if entry else None,
        "articles": p.articles,
        "words": p.words,
        "stance": stance,
        "names": names,
        "markers_per_1000_words": round(sum(p.markers.values()) * per_k, 2),
        "markers_by_kind_per_1000_words": {k: round(p.markers.get(k, 0) * per_k, 2) for k in MARKER_KINDS},
        "sourcing": p.sourcing.to_json(),
    }
