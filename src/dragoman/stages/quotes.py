"""Quotes (direct and indirect) with resolved speakers, and claims."""

from __future__ import annotations

from typing import ClassVar

from dragoman.events.quotes import extract_claims, extract_quotes
from dragoman.model import Article
from dragoman.pipeline import BaseStage, register_stage


@register_stage("dragoman.Quotes.v1")
class Quotes(BaseStage):
    """Find quotations and reported speech, resolve who says them, and record claims.

    The speaker is the subject of the reporting verb (by the language's word
    order) or the source after an attribution cue: an entity, an
    organisation ("Netanyahu's office", "the ministry"), a publication, a
    described unnamed source or group (the ``described`` layer), the author
    of a quoted document ("the statement"), or the person a title ("the
    minister") last named.  Verbs with no subject of their own ("وأضاف",
    "he added") and lone quotations continue the current speaker across
    sentences and paragraphs.  Per-language data: ``quotes.yaml`` and
    ``speakers.yaml``.  Each quote is a claim of its speaker; occurred events
    the outlet states in its own voice are claims of the outlet.  Runs after
    the events stage when there is one, so claims can point at events.
    """

    requires: ClassVar[frozenset[str]] = frozenset(
        {"text", "language", "sentences", "mentions", "entities", "described", "time_expressions"}
    )
    provides: ClassVar[frozenset[str]] = frozenset({"quotes", "claims"})

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        article.quotes = extract_quotes(article, lang) if lang else []
        article.claims = extract_claims(article, article.quotes)
        return article
