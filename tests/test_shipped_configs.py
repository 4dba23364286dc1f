"""Shipped pipelines can be named instead of given as a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.pipeline import ConfigError, build_pipeline, load_config
from dragoman.pipeline.config import shipped_configs


def test_accurate_is_the_default_with_the_neural_tagger_and_consistency() -> None:
    assert {"default", "accurate"} <= set(shipped_configs())
    default, accurate = load_config(), load_config("accurate")
    assert accurate.pipeline.stages == default.pipeline.stages
    assert accurate.stage_settings("ner") == {"model": "neural", "consistency": 0.8}
    assert default.stage_settings("ner") == {}
    for name in default.pipeline.stages:
        if name != "ner":
            assert accurate.stage_settings(name) == default.stage_settings(name)
    ner = build_pipeline(accurate).stages[default.pipeline.stages.index("ner")]
    assert ner.settings.model == "neural"  # type: ignore[attr-defined]
    assert ner.settings.consistency == 0.8  # type: ignore[attr-defined]


def test_a_file_wins_over_a_shipped_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("accurate").write_text(Path(load_config.__code__.co_filename).with_name("default.toml").read_text("utf-8"))
    assert load_config("accurate").stage_settings("ner") == {}


def test_an_unknown_name_lists_the_shipped_pipelines() -> None:
    with pytest.raises(ConfigError, match="accurate"):
        load_config("no-such-pipeline")
