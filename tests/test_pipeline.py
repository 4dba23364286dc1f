from typing import ClassVar

import pytest

from dragoman.model import Article
from dragoman.pipeline import (
    BaseStage,
    ConfigError,
    Pipeline,
    PipelineError,
    StageError,
    StageSettings,
    build_pipeline,
    load_config,
    register_stage,
    registry,
)


class _Upper(BaseStage):
    name = "test.Upper"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, article: Article) -> Article:
        article.meta["upper"] = article.text.upper()
        return article


class _NeedsEntities(BaseStage):
    name = "test.NeedsEntities"
    requires: ClassVar[frozenset[str]] = frozenset({"entities", "sentences"})
    provides: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, article: Article) -> Article:
        return article


class _Boom(BaseStage):
    name = "test.Boom"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset({"language"})

    def __call__(self, article: Article) -> Article:
        if "bad" in article.text:
            raise StageError(self.name, "bad input", kind="empty")
        if "bug" in article.text:
            raise KeyError("oops")
        return article


def test_misaligned_pipeline_is_refused_naming_what_is_missing() -> None:
    with pytest.raises(PipelineError) as exc:
        Pipeline([_NeedsEntities(), _Upper()], initial=frozenset({"raw", "text"}))
    msg = str(exc.value)
    assert "test.NeedsEntities" in msg and "entities" in msg and "sentences" in msg


def test_runner_records_errors_and_continues() -> None:
    pipe = Pipeline([_Boom(), _Upper()], initial=frozenset({"raw", "text"}))
    results = list(pipe.pipe([Article.from_text("good"), Article.from_text("bad"), Article.from_text("bug")]))
    assert [r.ok for r in results] == [True, False, False]
    assert results[0].article.meta["upper"] == "GOOD"
    assert results[1].error is not None and results[1].error.kind == "empty"
    assert results[2].error is not None and results[2].error.kind == "internal_error"
    assert "KeyError" in results[2].error.message
    assert {"language", "sentences"} <= results[0].article.provided
    assert pipe.timings.articles == 1 and pipe.timings.seconds["test.Upper"] > 0


def test_stage_returning_non_article_is_an_error() -> None:
    class Bad(BaseStage):
        name = "test.Bad"
        provides: ClassVar[frozenset[str]] = frozenset({"norm"})

        def __call__(self, article: Article) -> Article:
            return None  # type: ignore[return-value]

    res = Pipeline([Bad()]).run(Article.from_text("x"))
    assert res.error is not None and "not Article" in res.error.message


def test_register_requires_version_and_known_layers() -> None:
    with pytest.raises(ValueError, match="version"):
        register_stage("test.NoVersion")(_Upper)

    class Weird(BaseStage):
        requires: ClassVar[frozenset[str]] = frozenset({"vibes"})

    with pytest.raises(ValueError, match="unknown layers"):
        register_stage("test.Weird.v1")(Weird)


def test_config_rejects_unknown_keys_and_undefined_stages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "c.toml"
    p.write_text('[pipeline]\nstages = ["s"]\nsurprise = 1\n[stages.s]\nfactory = "dragoman.Sentences.v1"\n')
    with pytest.raises(ConfigError, match="surprise"):
        load_config(p)
    p.write_text('[pipeline]\nstages = ["s", "t"]\n[stages.s]\nfactory = "dragoman.Sentences.v1"\n')
    with pytest.raises(ConfigError, match="undefined"):
        load_config(p)


def test_stage_settings_reject_unknown_keys(tmp_path) -> None:  # type: ignore[no-untyped-def]
    class S(StageSettings):
        width: int = 3

    @register_stage("test.WithSettings.v1", settings=S)
    class WithSettings(BaseStage):
        provides: ClassVar[frozenset[str]] = frozenset({"norm"})

        def __call__(self, article: Article) -> Article:
            article.meta["width"] = self.settings.width
            return article

    p = tmp_path / "c.toml"
    p.write_text('[pipeline]\nstages = ["w"]\n[stages.w]\nfactory = "test.WithSettings.v1"\nwidth = 7\n')
    pipe = build_pipeline(p)
    assert pipe.run(Article.from_text("x")).article.meta["width"] == 7
    p.write_text('[pipeline]\nstages = ["w"]\n[stages.w]\nfactory = "test.WithSettings.v1"\nwidht = 7\n')
    with pytest.raises(ConfigError, match="widht"):
        build_pipeline(p)


def test_unknown_factory_lists_known_stages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "c.toml"
    p.write_text('[pipeline]\nstages = ["x"]\n[stages.x]\nfactory = "dragoman.Nope.v1"\n')
    with pytest.raises(ConfigError, match="dragoman.Sentences.v1"):
        build_pipeline(p)


def test_default_config_builds_and_lines_up() -> None:
    pipe = build_pipeline(None)
    assert pipe.names and all(name in registry() for name in pipe.names)
