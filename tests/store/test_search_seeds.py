"""Search folding on real scraped pages (the seed corpus), when ../shared is present.

For words that carry a clitic or prefix in real text, searching the bare
stem must find the article, and the returned offsets must cover characters
of the original text that fold to that stem.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dragoman.model import Article, Source
from dragoman.store.search import clean_term, document_terms
from dragoman.store.sqlite import SQLiteStore
from dragoman.text import normalize

SHARED = Path(os.environ.get("DRAGOMAN_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
PER_ARTICLE = 25


def test_stems_of_prefixed_words_are_found_with_original_offsets() -> None:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"../shared absent: no seed corpus at {SEEDS}")
    store = SQLiteStore(":memory:")
    store.migrate()
    articles: list[Article] = []
    for f in files:
        art = Article.from_text(f.read_text("utf-8"), Source(path=f.name))
        store.put_article(art)  # language unknown: every language's prefixes apply
        articles.append(art)
    checked = 0
    for art in articles:
        terms = document_terms(art.text, None)
        by_position: dict[int, list[str]] = {}
        for t in terms:
            by_position.setdefault(t.position, []).append(t.term)
        stems = list(dict.fromkeys(ts[1] for ts in by_position.values() if len(ts) > 1 and len(ts[1]) >= 3))
        for stem in stems[:PER_ARTICLE]:
            hits = [h for h in store.search(stem, limit=len(articles)) if h.article_id == art.id]
            assert hits, f"{stem!r} not found in {art.source.path}"
            folded = clean_term(normalize(art.text[hits[0].start : hits[0].end]).text)
            # a restored stem (لل+ولايات read as الولايات) is longer than the letters it covers
            assert folded and stem.endswith(folded), (stem, art.text[hits[0].start : hits[0].end])
            checked += 1
    assert checked >= PER_ARTICLE * len(articles) // 2
