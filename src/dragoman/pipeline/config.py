"""Pipeline configuration in TOML, validated by a schema that rejects unknown keys.

    [pipeline]
    stages = ["read", "boilerplate", ...]      # names of the [stages.*] tables, in order

    [stages.read]
    factory = "dragoman.Read.v1"
    max_bytes = 50_000_000                     # the stage's own settings
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dragoman.pipeline.registry import get_spec, make_stage
from dragoman.pipeline.runner import Pipeline


class ConfigError(ValueError):
    pass


class StageEntry(BaseModel):
    model_config = ConfigDict(extra="allow")  # extra keys are the stage's settings, checked by its schema
    factory: str


class PipelineSection(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # A label for what the config is for ("default", "accurate"); articles record it with a hash.
    name: str = Field(default="custom", pattern=r"^[A-Za-z0-9_.-]+$")
    stages: list[str] = Field(min_length=1)
    batch_size: int = Field(default=32, ge=1)
    # Corpus passes run over the store after each ingest (names of [corpus.*] tables), in order.
    corpus: list[str] = Field(default_factory=list)


class PipelineConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pipeline: PipelineSection
    stages: dict[str, StageEntry]
    corpus: dict[str, StageEntry] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _names_defined(self) -> PipelineConfig:
        missing = [n for n in self.pipeline.stages if n not in self.stages]
        if missing:
            raise ValueError(f"pipeline.stages names undefined stage tables: {missing}")
        missing = [n for n in self.pipeline.corpus if n not in self.corpus]
        if missing:
            raise ValueError(f"pipeline.corpus names undefined [corpus.*] tables: {missing}")
        return self

    def corpus_settings(self, name: str) -> dict[str, Any]:
        entry = self.corpus[name]
        return dict(entry.model_extra or {})

    def stage_settings(self, name: str) -> dict[str, Any]:
        entry = self.stages[name]
        return dict(entry.model_extra or {})

    def pipeline_id(self) -> str:
        """``name@hash``: the hash covers the validated settings, not the file's spelling or comments.

        Stores record it with every article and its revisions, so results of
        different pipelines can be told apart.
        """
        canonical = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return f"{self.pipeline.name}@{hashlib.sha256(canonical.encode('utf-8')).hexdigest()[:8]}"


def default_config_text() -> str:
    return shipped_config_text("default")


def shipped_configs() -> list[str]:
    """Names of the pipeline configs shipped in the package (``default``, ``accurate``...)."""
    files = resources.files("dragoman.pipeline").iterdir()
    return sorted(f.name[: -len(".toml")] for f in files if f.name.endswith(".toml"))


def shipped_config_text(name: str) -> str:
    return resources.files("dragoman.pipeline").joinpath(f"{name}.toml").read_text("utf-8")


def config_text(path: str | Path | None) -> str:
    """A config file's text; a bare name such as ``accurate`` picks a shipped config."""
    if path is None:
        return default_config_text()
    p = Path(path)
    if p.is_file():
        return p.read_text("utf-8")
    if str(path) in shipped_configs():
        return shipped_config_text(str(path))
    raise ConfigError(f"{path}: no such config file, and not a shipped pipeline ({', '.join(shipped_configs())})")


def load_config(path: str | Path | None = None, overrides: dict[str, dict[str, Any]] | None = None) -> PipelineConfig:
    """Parse and validate a config: a TOML path, a shipped name (``accurate``), or the default."""
    text = config_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path or 'default.toml'}: not valid TOML: {exc}") from exc
    for name, extra in (overrides or {}).items():
        data.setdefault("stages", {}).setdefault(name, {}).update(extra)
    try:
        return PipelineConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path or 'default.toml'}: {exc}") from exc


def build_pipeline(config: PipelineConfig | str | Path | None = None) -> Pipeline:
    """Instantiate every stage (validating its settings) and check alignment."""
    cfg = config if isinstance(config, PipelineConfig) else load_config(config)
    stages = []
    for name in cfg.pipeline.stages:
        entry = cfg.stages[name]
        try:
            get_spec(entry.factory)
            stages.append(make_stage(entry.factory, cfg.stage_settings(name)))
        except KeyError as exc:
            raise ConfigError(str(exc.args[0])) from exc
        except ValidationError as exc:
            raise ConfigError(f"[stages.{name}] ({entry.factory}): {exc}") from exc
    return Pipeline(stages, name=cfg.pipeline_id())
