"""`dragoman ingest --executor dask --workers 2` over the bundled corpus stores what the local executor stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzkit import error_ids, stored_documents
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _ingest(db: Path, *extra: str) -> tuple[dict[str, str], set[str]]:
    # batch size 4 over 11 articles: several batches, spread over both Dask workers
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "--batch-size", "4", *extra])
    assert result.exit_code == 0, result.output
    store = dragoman.open_store(str(db))
    try:
        return stored_documents(store), error_ids(store)
    finally:
        store.close()


@pytest.mark.slow
def test_dask_two_workers_store_the_same_facts_as_local(tmp_path: Path) -> None:
    local_docs, local_errors = _ingest(tmp_path / "local.db")
    dask_docs, dask_errors = _ingest(tmp_path / "dask.db", "--executor", "dask", "--workers", "2")
    assert len(local_docs) >= 8
    assert dask_errors == local_errors
    assert dask_docs.keys() == local_docs.keys()
    for key, doc in local_docs.items():
        assert dask_docs[key] == doc, f"article {key[:12]} stored differently under Dask"
