"""The first corpus pass: lines an outlet repeats on many of its pages are chrome.

Each article contributes the short lines of its text (folded, as
``dragoman.chrome`` compares them) to the table ``outlet_lines``, grouped
by outlet, with whether its boilerplate treated each as outlet chrome.  A
line is chrome for an outlet when at least ``min_repeats`` of its articles
carry it, a fact about the corpus alone, so an article's chrome is the same
whichever order and batches the corpus came in.  When a line crosses the
threshold (up with a new article, down with a removed one), the articles
that carry it are extracted again with the ``outlet_chrome`` layer saying so.
Only the rows of the articles stored and of lines that crossed are read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, ClassVar

from pydantic import Field

from dragoman.chrome import line_keys, outlet_of
from dragoman.corpus.base import CorpusPassSettings, register_corpus_pass
from dragoman.model import Article

TABLE = "outlet_lines"
LAYER = "outlet_chrome"


class OutletChromeSettings(CorpusPassSettings):
    min_repeats: int = Field(
        default=3, ge=2, description="articles of one outlet a short line must appear in to count as its chrome"
    )


@register_corpus_pass("dragoman.OutletChrome.v1", settings=OutletChromeSettings)
class OutletChrome:
    """Short lines an outlet repeats on ``min_repeats`` or more of its pages are page chrome.

    Writes the corpus table ``outlet_lines`` (outlet, line, article, whether
    the article marked it) and gives articles the ``outlet_chrome`` layer,
    which the ``dragoman.Boilerplate.v2`` stage uses.
    """

    name = "dragoman.OutletChrome.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({TABLE})
    gives: ClassVar[frozenset[str]] = frozenset({LAYER})

    def __init__(self, settings: OutletChromeSettings | None = None) -> None:
        self.settings = settings or OutletChromeSettings()

    def prime(self, store: Any, articles: Sequence[Article]) -> None:
        known: dict[str, frozenset[str]] = {}
        for a in articles:
            outlet = outlet_of(a)
            if outlet is None:
                continue
            if outlet not in known:
                known[outlet] = frozenset(store.corpus_frequent(TABLE, outlet, self.settings.min_repeats))
            if known[outlet]:
                a.ext[LAYER] = known[outlet]

    def update(self, store: Any, stored: Sequence[Article], removed: Sequence[str] = ()) -> set[str]:
        delta: dict[str, Counter[str]] = defaultdict(Counter)
        touched: set[str] = set()
        before = store.corpus_rows(TABLE, article_ids=[*(a.id for a in stored), *removed])
        for row in before:
            delta[row.group][row.key] -= 1
        for a in stored:
            touched.add(a.id)
            outlet = outlet_of(a)
            if outlet is None:
                store.corpus_replace(TABLE, a.id, [])
                continue
            keys = line_keys(a.text)
            used = a.ext.get(LAYER) or frozenset()
            store.corpus_replace(TABLE, a.id, [(outlet, k, k in used) for k in sorted(keys)])
            for k in keys:
                delta[outlet][k] += 1
        for article_id in removed:
            store.corpus_delete(TABLE, article_id)
        n = self.settings.min_repeats
        for outlet, change in delta.items():
            moved = [k for k, d in change.items() if d]
            if not moved:
                continue
            now = store.corpus_counts(TABLE, outlet, moved)
            crossed = [k for k in moved if (now.get(k, 0) >= n) != (now.get(k, 0) - change[k] >= n)]
            if crossed:
                touched |= {r.article_id for r in store.corpus_rows(TABLE, group=outlet, keys=crossed)}
        return touched - set(removed)

    def stale(self, store: Any, article_ids: set[str]) -> dict[str, dict[str, Any]]:
        if not article_ids:
            return {}
        rows = store.corpus_rows(TABLE, article_ids=sorted(article_ids))
        by_outlet: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            by_outlet[r.group].add(r.key)
        counts = {g: store.corpus_counts(TABLE, g, keys) for g, keys in by_outlet.items()}
        n = self.settings.min_repeats
        desired: dict[str, set[str]] = defaultdict(set)
        used: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            if counts[r.group].get(r.key, 0) >= n:
                desired[r.article_id].add(r.key)
            if r.value:
                used[r.article_id].add(r.key)
        return {
            aid: {LAYER: frozenset(desired[aid])}
            for aid in sorted({r.article_id for r in rows})
            if desired[aid] != used[aid]
        }
