"""The gazetteer's token helpers agree with their plain definitions."""

from __future__ import annotations

from dragoman.model import Article, Boilerplate, Span
from dragoman.stages.gazetteer import _body_tokens, _joinable, _joinable_gaps
from dragoman.text import tokenize


def _sweep(tokens: list[Span], blocks: list[Span]) -> list[Span]:
    return [t for t in tokens if not any(b.start < t.end and t.start < b.end for b in blocks)]


def test_joinable_gaps_match_joinable() -> None:
    text = "Abu Dhabi,al-Quds  Tel\u00a0Aviv\nBaku    Ankara  \t Riyadh(x)"
    toks = tokenize(text)
    expected = [_joinable(text, a.end, b.start) for a, b in zip(toks, toks[1:], strict=False)] + [False]
    assert _joinable_gaps(text, toks) == expected
    assert True in expected and expected.count(False) > 1  # both kinds of gap are exercised


def test_body_tokens_drop_exactly_the_tokens_in_boilerplate() -> None:
    text = "Menu Home News\nThe minister met the envoy in Baku.\nShare this article\nMore text here."
    art = Article.from_text(text)
    art.tokens = tokenize(text)  # every line tokenised, chrome included
    for blocks in ([Span(0, 14)], [Span(51, 69)], [Span(0, 14), Span(51, 69)], [Span(20, 20)], [Span(18, 22)]):
        art.boilerplate = [Boilerplate(b, "test") for b in blocks]
        assert _body_tokens(art) == _sweep(art.tokens, blocks)
    # tokens of the body only (what the sentences stage makes): the list itself comes back
    art.boilerplate = [Boilerplate(Span(0, 14), "test")]
    art.tokens = tokenize(text, 15)
    assert _body_tokens(art) is art.tokens
