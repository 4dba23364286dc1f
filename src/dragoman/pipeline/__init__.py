"""Stage protocol, registry, config and runner."""

from dragoman.pipeline.config import ConfigError, PipelineConfig, build_pipeline, load_config
from dragoman.pipeline.layers import LayerSpec, layers, register_layer
from dragoman.pipeline.registry import StageSettings, StageSpec, make_stage, register_stage, registry
from dragoman.pipeline.runner import ErrorRecord, Pipeline, PipelineError, Result, check_alignment, input_of
from dragoman.pipeline.stage import LAYERS, BaseStage, InputError, Stage, StageError

__all__ = [
    "LAYERS",
    "BaseStage",
    "ConfigError",
    "ErrorRecord",
    "InputError",
    "LayerSpec",
    "Pipeline",
    "PipelineConfig",
    "PipelineError",
    "Result",
    "Stage",
    "StageError",
    "StageSettings",
    "StageSpec",
    "build_pipeline",
    "check_alignment",
    "input_of",
    "layers",
    "load_config",
    "make_stage",
    "register_layer",
    "register_stage",
    "registry",
]
