"""Lines an outlet repeats across its pages: the evidence that a short line is chrome."""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from urllib.parse import urlsplit

from dragoman.model import Article


class OutletMemory:
    """How many articles of each outlet contained each short line.

    Each article counts a line once.  The memory is bounded per outlet: when
    full, lines seen in a single article are forgotten first, since the
    repeats are what matter.
    """

    def __init__(self, max_lines: int = 20_000, recent_ids: int = 10_000) -> None:
        self.max_lines = max_lines
        self._counts: dict[str, Counter[str]] = {}
        self._fixed: dict[str | None, set[str]] = {}
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._recent_ids = recent_ids

    def clear_counts(self) -> None:
        """Forget counted lines (not the fixed corpus lines)."""
        self._counts.clear()
        self._seen.clear()

    def add(self, outlet: str, keys: Iterable[str], article_id: str | None = None) -> None:
        if article_id is not None:
            if article_id in self._seen:
                return  # pipe() primed it already; do not count it twice
            self._seen[article_id] = None
            if len(self._seen) > self._recent_ids:
                self._seen.popitem(last=False)
        counts = self._counts.setdefault(outlet, Counter())
        counts.update(set(keys))
        if len(counts) > self.max_lines:
            for key in [k for k, c in counts.items() if c <= 1]:
                del counts[key]

    def add_fixed(self, key: str, outlet: str | None = None) -> None:
        """A line known to be chrome (for one outlet, or for all when ``outlet`` is None)."""
        self._fixed.setdefault(outlet, set()).add(key)

    def count(self, outlet: str, key: str) -> int:
        return self._counts.get(outlet, Counter()).get(key, 0)

    def fixed(self, outlet: str | None, key: str) -> bool:
        return key in self._fixed.get(None, ()) or (outlet is not None and key in self._fixed.get(outlet, ()))


def outlet_of(article: Article) -> str | None:
    if article.source.outlet:
        return article.source.outlet
    if article.source.url:
        host = urlsplit(article.source.url).hostname
        return host.removeprefix("www.") if host else None
    return None

