"""Executors behind one small interface."""

from dragoman.exec.base import Executor, LocalExecutor

__all__ = ["Executor", "LocalExecutor"]
