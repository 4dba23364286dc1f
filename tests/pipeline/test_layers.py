"""Declared extension layers: a plugin adds one, stages name it, the runner checks it, JSON carries it."""

from __future__ import annotations

from typing import ClassVar

import pytest

from dragoman.model import Article, EntityType, Mention, Span
from dragoman.pipeline import BaseStage, Pipeline, PipelineError, register_stage
from dragoman.pipeline.layers import get_layer, layers, register_layer
from dragoman.serialize import from_json, to_json, validate


class Sentiment:
    """A plugin's own value type: what it stores in Article.ext."""

    def __init__(self, score: float) -> None:
        self.score = score

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentiment) and other.score == self.score

    __hash__ = None  # type: ignore[assignment]


register_layer(
    "test_sentiment",
    doc="a test plugin's sentiment score of the article",
    to_json=lambda v: {"score": v.score},
    from_json=lambda d: Sentiment(d["score"]),
)


@register_stage("test.Sentiment.v1")
class SentimentStage(BaseStage):
    """Scores the article (test plugin)."""

    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"test_sentiment"})

    def __call__(self, article: Article) -> Article:
        article.ext["test_sentiment"] = Sentiment(len(article.text) / 100)
        return article


class UsesSentiment(BaseStage):
    name = "test.UsesSentiment"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences"})
    uses: ClassVar[frozenset[str]] = frozenset({"test_sentiment"})

    def __call__(self, article: Article) -> Article:
        score = article.ext.get("test_sentiment")
        article.sentences = [Span(0, len(article.text))] if score is not None else []
        return article


class Sneaky(BaseStage):
    name = "test.Sneaky"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, article: Article) -> Article:
        article.ext["test_sentiment"] = Sentiment(1.0)  # not declared in provides
        return article


def test_a_plugin_layer_is_provided_serialised_and_read_back() -> None:
    pipe = Pipeline([SentimentStage(), UsesSentiment()], initial=frozenset({"raw", "text"}))
    res = pipe.run(Article.from_text("A short article about nothing."))
    assert res.error is None
    art = res.article
    assert art.ext["test_sentiment"] == Sentiment(0.3) and art.sentences
    assert "test_sentiment" in art.provided
    doc = to_json(art)
    assert doc["ext"] == {"test_sentiment": {"score": 0.3}}
    validate(doc)
    assert from_json(doc) == art


def test_a_stage_writing_an_undeclared_layer_is_an_error_record() -> None:
    res = Pipeline([Sneaky()], initial=frozenset({"raw", "text"})).run(Article.from_text("text"))
    assert res.error is not None and res.error.kind == "internal_error"
    assert "test_sentiment" in res.error.message and "provides" in res.error.message


def test_a_used_layer_provided_only_later_is_refused_at_build_time() -> None:
    with pytest.raises(PipelineError, match="uses test_sentiment, which only the later stage 'test.Sentiment.v1'"):
        Pipeline([UsesSentiment(), SentimentStage()], initial=frozenset({"raw", "text"}))
    Pipeline([UsesSentiment()], initial=frozenset({"raw", "text"}))  # absent altogether is fine


def test_stages_cannot_name_undeclared_layers() -> None:
    with pytest.raises(ValueError, match="unknown layers: \\['no_such_layer'\\]"):

        @register_stage("test.Unknown.v1")
        class Unknown(BaseStage):
            provides: ClassVar[frozenset[str]] = frozenset({"no_such_layer"})


def test_layer_registry_rejects_redefinition_and_bad_names() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_layer("test_sentiment", doc="something else")
    with pytest.raises(ValueError, match="identifier"):
        register_layer("not a name", doc="x")
    assert get_layer("html_body_lines").version == 1 and not get_layer("html_body_lines").core
    assert {"mentions", "tokens", "raw"} <= {n for n, s in layers().items() if s.core}


def test_unknown_layers_in_json_are_kept_as_they_came() -> None:
    doc = to_json(Article.from_text("x"))
    doc["ext"] = {"someone_elses_layer": {"a": [1, 2]}}
    assert to_json(from_json(doc))["ext"] == {"someone_elses_layer": {"a": [1, 2]}}


def test_mentions_get_ids_whichever_stage_adds_them() -> None:
    class AddsMentions(BaseStage):
        name = "test.AddsMentions"
        requires: ClassVar[frozenset[str]] = frozenset({"text"})
        provides: ClassVar[frozenset[str]] = frozenset({"mentions"})

        def __call__(self, article: Article) -> Article:
            article.mentions.append(Mention(Span(0, 4), EntityType.PERSON, source="test"))
            return article

    art = Pipeline([AddsMentions()], initial=frozenset({"raw", "text"})).run(Article.from_text("Dana spoke")).article
    assert art.mentions[0].id.startswith("m-")
