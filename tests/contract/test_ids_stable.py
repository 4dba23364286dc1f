"""The ids of every fact are the same across runs, executors and batch sizes.

The corpus is the bundled examples plus, when ../shared is there, the seed
articles, ingested by the shipped default pipeline: real mentions, local
entities, events, quotes and claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.api import ingest
from dragoman.exec import Executor, LocalExecutor, get_executor
from dragoman.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"

Fingerprint = dict[str, tuple[tuple[str, ...], ...]]


def _inputs() -> list[Path]:
    return [REPO / "examples", *([SEEDS] if SEEDS.is_dir() else [])]


def _ids(executor: Executor, batch_size: int, db: Path) -> Fingerprint:
    store = SQLiteStore(db)
    store.migrate()
    try:
        summary = ingest(_inputs(), store=store, executor=executor, batch_size=batch_size)
        assert summary.stored >= 8 and not summary.errors
        out: Fingerprint = {}
        for a in store.iter_articles():
            out[a.id] = (
                tuple(m.id for m in a.mentions),
                tuple(e.id for e in a.entities),
                tuple(e.id for e in a.events),
                tuple(q.id for q in a.quotes),
                tuple(c.id for c in a.claims),
            )
        return out
    finally:
        store.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Fingerprint:
    ref = _ids(LocalExecutor(), 16, tmp_path_factory.mktemp("ids") / "ref.db")
    assert any(fp[2] for fp in ref.values()), "the corpus has events"
    assert any(e.startswith("local:") for fp in ref.values() for e in fp[1]), "and local entities"
    return ref


@pytest.fixture(scope="module")
def executors() -> Iterator[dict[str, Executor]]:
    made: dict[str, Executor] = {}
    yield made
    for ex in made.values():
        ex.close()


@pytest.mark.parametrize(("name", "batch_size"), [("local", 16), ("local", 1), ("local", 64), ("pool", 16),
                                                  ("pool", 1), ("dask", 64)])
def test_ids_are_the_same_whatever_runs_them(
    name: str, batch_size: int, reference: Fingerprint, executors: dict[str, Executor], tmp_path: Path
) -> None:
    if name == "dask":
        pytest.importorskip("distributed", reason="dask (the 'scale' extra) is not installed")
    if name not in executors:
        executors[name] = get_executor(name, workers=2)
    got = _ids(executors[name], batch_size, tmp_path / "run.db")
    assert got.keys() == reference.keys()
    for article_id, fp in reference.items():
        assert got[article_id] == fp, f"{name}/{batch_size}: ids of {article_id[:12]} differ"


def test_local_entities_are_scoped_to_their_article(reference: Fingerprint) -> None:
    local = [e for fp in reference.values() for e in fp[1] if e.startswith("local:")]
    scopes = {e.split(":")[1] for e in local}
    assert all(e.split(":")[1] in {a[:12] for a in reference} for e in local)
    assert len(scopes) > 1
