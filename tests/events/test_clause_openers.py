"""Clauses opened by a complementizer or an 'after' word, against the rule read token by token."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Literal

from dragoman.events.extract import _opener_matcher, anterior_clauses, clause_breaks, governed_clauses
from dragoman.events.sentence import SentenceView, build_views
from dragoman.model import Article


def _per_token(view: SentenceView, clause: list[int], which: Literal["governed", "anterior"]) -> set[int]:
    """The plain rule: each clause's first word (punctuation skipped) is tested once."""
    matcher = _opener_matcher("en", which)
    out: set[int] = set()
    seen: set[int] = set()
    for i, c in enumerate(clause):
        if c in seen or not any(ch.isalnum() for ch in view.words[i]):
            continue
        seen.add(c)
        if matcher.match_at(view.forms, i) is not None:
            out.add(c)
    return out


def test_openers_match_the_per_token_rule(make_article: Callable[..., Article]) -> None:
    text = (
        "Valdoria said , that after the talks , which Norland hosted , following weeks of delay , "
        "the envoys who met agreed that \" the pact \" stands after all ."
    )
    view = build_views(make_article(text, "en"), "en", clause_breaks("en"))[0]
    rng = random.Random(11)
    n = len(view.words)
    for _ in range(300):  # any numbering that only grows, runs of punctuation at clause starts included
        clause, c = [], 0
        for _ in range(n):
            c += rng.random() < 0.3
            clause.append(c)
        assert governed_clauses(view, clause, "en") == _per_token(view, clause, "governed")
        assert anterior_clauses(view, clause, "en") == frozenset(_per_token(view, clause, "anterior"))


def test_a_clause_opened_by_that_is_governed(make_article: Callable[..., Article]) -> None:
    view = build_views(make_article("Valdoria said that Norland agreed.", "en"), "en", clause_breaks("en"))[0]
    clause = [0, 0, 1, 1, 1, 1]  # Valdoria said | that Norland agreed .
    assert governed_clauses(view, clause, "en") == {1}
    assert anterior_clauses(view, clause, "en") == frozenset()
