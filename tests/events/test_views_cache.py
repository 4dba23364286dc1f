"""The sentence views shared by the events and quotes stages are memoised per article, within a bound."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events import sentence
from dragoman.events.extract import clause_breaks
from dragoman.model import Article


def test_views_are_reused_across_a_batch_and_the_memo_is_bounded(
    make_article: Callable[..., Article],
) -> None:
    limit = sentence._VIEWS_LIMIT
    arts = [
        make_article(f"Baku and Astana signed accord number {i}. The talks went on.", "en") for i in range(3)
    ]
    first = [sentence.build_views(a, "en", clause_breaks("en")) for a in arts]
    # stage-major order: the second stage finds every article of the batch, not only the last one
    assert all(
        sentence.build_views(a, "en", clause_breaks("en")) is v for a, v in zip(arts, first, strict=True)
    )
    for i in range(limit + 10):
        sentence.build_views(
            make_article(f"Filler sentence {i} about Baku.", "en"), "en", clause_breaks("en")
        )
    assert len(sentence._VIEWS) <= limit
    # the oldest entries were dropped, and rebuilding gives equal views
    rebuilt = sentence.build_views(arts[0], "en", clause_breaks("en"))
    assert rebuilt is not first[0]
    assert rebuilt == first[0]
