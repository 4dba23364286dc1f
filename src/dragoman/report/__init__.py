"""Static HTML report over a store: articles with highlighted layers, entities, errors."""

from dragoman.report.builder import build_report
from dragoman.report.segments import Mark, render

__all__ = ["Mark", "build_report", "render"]
