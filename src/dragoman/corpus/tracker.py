"""The accession tracker as a corpus pass: each article's observations kept per agreement and state.

``update`` replaces what an article contributes to the table
``tracker_observations`` (group: agreement id, key: state id, value: the
article's statuses and conditions for that pair) and forgets removed
articles; one more row (group ``""``) records that the article was read, by
which version of the tracker's data, with its path and publication date.
The tracker gives articles no layer, so nothing is ever stale: its rows are
read by ``tracker_report``, which combines them with the documented
memberships (``dragoman.tracker.build``).  Its cost per article is the
article's own observations, whatever the size of the corpus.

``tracker_report`` also works on stores without corpus tables, or whose
articles were stored before the pass was configured: articles without a
current row are read on the fly (and nothing is written).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, ClassVar

from dragoman.corpus.base import CorpusPassSettings, register_corpus_pass
from dragoman.lang import available_languages
from dragoman.model import Article, PublishedFrom
from dragoman.store.roles import CorpusTables
from dragoman.tracker.build import Contribution, build_tracker
from dragoman.tracker.observe import observe

__all__ = ["TABLE", "Tracker", "article_contributions", "tracker_report"]

TABLE = "tracker_observations"
_READ = ""  # the group of the row saying an article was read


@cache
def data_version() -> str:
    """A digest of the data and code the observations depend on; rows made by another are read again.

    The code is part of it: a store filled by an older tracker must not keep
    serving what that tracker saw once the rules change.
    """
    h = hashlib.sha256(b"tracker-observe-v2")  # v2: estimated publication dates recorded
    h.update(resources.files("dragoman.tracker").joinpath("observe.py").read_bytes())
    h.update(resources.files("dragoman.kb").joinpath("data", "treaties.yaml").read_bytes())
    for lang in available_languages():
        f = resources.files("dragoman.lang").joinpath("data", lang, "tracker.yaml")
        if f.is_file():
            h.update(lang.encode() + f.read_bytes())
    return h.hexdigest()[:16]


def _published(article: Article) -> tuple[str | None, bool]:
    """The publication day (a month or a year when an estimate knows only that) and whether it is estimated.

    An article whose date the dates stage only estimated from the dates in its text keeps that estimate:
    its history entry is placed in time, marked ``estimated``, rather than listed with the undated ones.
    """
    src = article.source
    if src.published is None:
        return None, False
    basis = src.published_basis
    estimated = src.published_estimated or (basis is not None and basis.source == PublishedFrom.ESTIMATE)
    return src.published_iso(), estimated


def _meta(article: Article) -> dict[str, Any]:
    src = article.source
    published, estimated = _published(article)
    return {
        "version": data_version(),
        "path": src.path or src.url,
        "published": published,
        "estimated": estimated,
    }


def article_contributions(article: Article) -> list[tuple[str, str, Any]]:
    """The ``(group, key, value)`` rows an article contributes: its read marker, then one per pair."""
    rows: list[tuple[str, str, Any]] = [(_READ, "", _meta(article))]
    for (agreement, state), obs in observe(article).items():
        rows.append((agreement, state, obs))
    return rows


@register_corpus_pass("dragoman.Tracker.v1", settings=CorpusPassSettings)
class Tracker:
    """Accession and treaty tracker: what each article says about states joining agreements (docs/tracker.md).

    Writes the corpus table ``tracker_observations``; gives no layer, so it
    never makes an article stale.  ``dragoman tracker`` reads it.
    """

    name = "dragoman.Tracker.v1"
    # Claims (who cites a condition) are read when present, not required: a pipeline without quotes still tracks.
    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "sentences", "mentions", "entities", "events"})
    provides: ClassVar[frozenset[str]] = frozenset({TABLE})
    gives: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, settings: CorpusPassSettings | None = None) -> None:
        self.settings = settings or CorpusPassSettings()

    def prime(self, store: Any, articles: Sequence[Article]) -> None:
        return None  # no layer to give

    def update(self, store: Any, stored: Sequence[Article], removed: Sequence[str] = ()) -> set[str]:
        for a in stored:
            store.corpus_replace(TABLE, a.id, article_contributions(a))
        for article_id in removed:
            store.corpus_delete(TABLE, article_id)
        return set()

    def stale(self, store: Any, article_ids: set[str]) -> dict[str, dict[str, Any]]:
        return {}


def _contributions(article_id: str, rows: Iterable[tuple[str, str, Any]]) -> list[Contribution]:
    rows = list(rows)
    meta = next(v for g, _, v in rows if g == _READ)
    return [
        Contribution(article_id, meta["path"], meta["published"], g, k,
                     tuple(v.get("statuses", ())), tuple(v.get("conditions", ())), meta.get("estimated", False))
        for g, k, v in rows if g != _READ
    ]


def tracker_report(store: Any, *, as_of: date | None = None) -> list[dict[str, Any]]:
    """The tracker JSON for everything in ``store`` (rows of the pass where current, else read now)."""
    recorded: dict[str, list[tuple[str, str, Any]]] = {}
    if isinstance(store, CorpusTables):
        for r in store.corpus_rows(TABLE):
            recorded.setdefault(r.article_id, []).append((r.group, r.key, r.value))
    current = {aid for aid, rows in recorded.items()
               if any(g == _READ and v.get("version") == data_version() for g, _, v in rows)}
    contributions: list[Contribution] = []
    lister = getattr(store, "list_articles", None)
    if lister is None:  # a plugin store that only streams articles: read them all
        for article in store.iter_articles():
            rows = recorded[article.id] if article.id in current else article_contributions(article)
            contributions += _contributions(article.id, rows)
        return build_tracker(contributions, as_of=as_of)
    for summary in lister():
        if summary.id in current:
            contributions += _contributions(summary.id, recorded[summary.id])
            continue
        article = store.get_article(summary.id)
        if article is not None:
            contributions += _contributions(article.id, article_contributions(article))
    return build_tracker(contributions, as_of=as_of)


def dumps(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1)
