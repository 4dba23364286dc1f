"""Sentence and token spans over the article body."""

from __future__ import annotations

from typing import ClassVar

from dragoman.model import NEWS_CHROME, Article
from dragoman.pipeline import BaseStage, register_stage
from dragoman.text import sentence_spans, tokenize


@register_stage("dragoman.Sentences.v1")
class Sentences(BaseStage):
    """Split the body (text outside boilerplate) and photo captions into sentences and tokens.

    Line breaks end sentences: scraped pages put headlines, captions and
    paragraphs on their own lines without final punctuation.  Captions stay
    boilerplate, but their sentences exist so the stages that read news in
    them (names, events: ``NEWS_CHROME``) can; the others skip them through
    ``Article.sentence_tokens()``.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "boilerplate"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences", "tokens"})

    def __call__(self, article: Article) -> Article:
        sents = []
        for body in article.body_spans(keep=NEWS_CHROME):
            sents.extend(sentence_spans(article.text, body.start, body.end))
        article.sentences = sents
        article.tokens = [tok for s in sents for tok in tokenize(article.text, s.start, s.end)]
        return article
