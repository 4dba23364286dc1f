"""The tsvector/tsquery literals the PostgreSQL store builds (no server needed)."""

from __future__ import annotations

import pytest

from dragoman.store.search import Term, document_terms

pytest.importorskip("psycopg", reason="psycopg (the 'scale' extra) is not installed")
from dragoman.store.postgres import tsquery_literal, tsvector_literal  # noqa: E402


def test_tsvector_literal_positions_are_one_based_and_grouped() -> None:
    lit = tsvector_literal(document_terms("Baku met Baku", "en"))
    assert lit == "'baku':1,3 'met':2"


def test_literals_quote_what_they_must() -> None:
    term = Term("it's", 0, 0, 4)
    assert tsvector_literal([term]) == "'it''s':1"
    assert tsquery_literal(["a\\b", "c"]) == "'a\\\\b' & 'c'"


def test_positions_per_lexeme_are_capped() -> None:
    terms = [Term("x", i, 0, 1) for i in range(1000)]
    assert tsvector_literal(terms).count(",") == 255
