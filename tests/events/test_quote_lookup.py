"""The quote extractor's sentence and token lookups by character offset."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from dragoman.events.extract import clause_breaks
from dragoman.events.quotes import _tok_at, _view_at
from dragoman.events.sentence import build_views
from dragoman.model import Article


def test_offsets_find_their_sentence_and_token(make_article: Callable[..., Article]) -> None:
    text = 'Valdoria\'s envoy said "the talks go on". Norland denied it.  The minister left Corvia.'
    art = make_article(text, "en")
    views = build_views(art, "en", clause_breaks("en"))
    assert len(views) == 3
    for pos in range(len(text) + 1):
        inside = [v for v in views if v.span.start <= pos < v.span.end]
        assert _view_at(views, pos) is (inside[0] if inside else None)
        for v in views:
            assert _tok_at(v, pos) == bisect_left([t.start for t in v.tokens], pos)
    said = text.index("said")
    assert views[0].words[_tok_at(views[0], said)] == "said"
    assert _view_at(views, text.index("  ") + 1) is None  # between two sentences
