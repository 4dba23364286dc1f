"""The speaker finder's set of tokens inside time expressions, against the rule read token by token."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable

from dragoman.events.extract import clause_breaks
from dragoman.events.sentence import build_views
from dragoman.events.speakers import _time_token_starts
from dragoman.model import Article, Granularity, Span, TimeExpr


def _per_token(exprs: list[TimeExpr], starts_of_tokens: list[int]) -> set[int]:
    """The plain rule: each token is read against the last expression that starts at or before it."""
    spans = sorted((t.span.start, t.span.end) for t in exprs)
    starts = [s for s, _ in spans]
    out = set()
    for t in starts_of_tokens:
        i = bisect_right(starts, t) - 1
        if i >= 0 and spans[i][0] <= t < spans[i][1]:
            out.add(t)
    return out


def test_time_tokens_match_the_per_token_rule(make_article: Callable[..., Article]) -> None:
    text = (
        "On 3 May 2031 Valdoria and Norland met in Corvia. Last week the envoys talked for two days. "
        "The minister said on Friday that talks resume next month, in June 2031."
    )
    art = make_article(text, "en")
    views = build_views(art, "en", clause_breaks("en"))
    tokens = [t.start for v in views for t in v.tokens]
    rng = random.Random(7)
    for _ in range(300):  # nested, overlapping, touching and repeated expressions included
        exprs = []
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, len(text) - 1)
            exprs.append(TimeExpr(Span(a, min(len(text), a + rng.randint(0, 40))), None, Granularity.DAY))
        assert _time_token_starts(exprs, views) == _per_token(exprs, tokens)


def test_tokens_of_a_date_are_time_tokens(make_article: Callable[..., Article]) -> None:
    text = "Valdoria and Norland met on 3 May 2031 in Corvia."
    art = make_article(text, "en")
    views = build_views(art, "en", clause_breaks("en"))
    at = text.index("3 May 2031")
    found = _time_token_starts([TimeExpr(Span(at, at + len("3 May 2031")), "2031-05-03", Granularity.DAY)], views)
    assert sorted(text[s : s + 4] for s in found) == ["2031", "3 Ma", "May "]
