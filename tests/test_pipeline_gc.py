"""The runner raises CPython's default collector threshold, and leaves any other setting alone."""

import gc
from collections.abc import Iterator
from typing import ClassVar

import pytest

from dragoman.model import Article
from dragoman.pipeline import BaseStage, Pipeline, runner


class _Noop(BaseStage):
    name = "test.Noop"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, article: Article) -> Article:
        return article


@pytest.fixture
def saved_threshold() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def _run() -> None:
    res = Pipeline([_Noop()], initial=frozenset({"raw", "text"})).run(Article.from_text("Hello."))
    assert res.ok


def test_default_threshold_is_raised(saved_threshold: None) -> None:
    gc.set_threshold(*runner._CPYTHON_GC_DEFAULT)
    _run()
    assert gc.get_threshold() == (runner._GC_THRESHOLD, 10, 10)


def test_an_application_threshold_is_kept(saved_threshold: None) -> None:
    gc.set_threshold(5000, 20, 30)
    _run()
    assert gc.get_threshold() == (5000, 20, 30)


def test_a_disabled_collector_stays_disabled(saved_threshold: None) -> None:
    gc.set_threshold(*runner._CPYTHON_GC_DEFAULT)
    gc.disable()
    try:
        _run()
        assert not gc.isenabled()
    finally:
        gc.enable()
