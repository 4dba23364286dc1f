"""Fixtures for the report tests (helpers live in report_fixtures.py)."""

from __future__ import annotations

import pytest
from report_fixtures import FakeStore, arabic_article, english_article, hebrew_article

from dragoman.pipeline.runner import ErrorRecord


@pytest.fixture
def store() -> FakeStore:
    s = FakeStore()
    for a in (arabic_article(), hebrew_article(), english_article()):
        s.put_article(a)
    s.put_error(ErrorRecord("f" * 64, "bad/<x>.html", None, "read", "DecodeError", "bytes <undecodable>"))
    return s
