"""Every executor stores the same facts, and streams with a bounded window of batches.

The same corpus (plain text in three languages, HTML, and inputs that must
become error records) is ingested once per executor into its own store;
the stored Article JSON of every article and the error records must be
identical whichever executor ran the batches.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from dragoman.api import ingest
from dragoman.exec import EXECUTORS, Executor, LocalExecutor, get_executor
from dragoman.model import Article, Source


def load_fuzzkit() -> ModuleType:
    if "fuzzkit" not in sys.modules:
        spec = importlib.util.spec_from_file_location("fuzzkit", Path(__file__).parents[1] / "fuzz" / "fuzzkit.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules["fuzzkit"] = mod
        spec.loader.exec_module(mod)
    return sys.modules["fuzzkit"]


kit = load_fuzzkit()

_AR = "قال وزير الخارجية يوم الثلاثاء 12 آذار 2024 إن المحادثات مع أذربيجان ستستأنف في باكو."
_HE = "ראש הממשלה נפגש אתמול בירושלים עם שר החוץ של אזרבייג'ן ודנו בהסכמי אברהם."
_EN = "The foreign minister said on Tuesday, 12 March 2024, that talks with Azerbaijan would resume in Baku."


def _corpus(folder: Path, n: int = 24) -> Path:
    folder.mkdir()
    for i in range(n):
        lang_text = (_AR, _HE, _EN)[i % 3]
        body = f"{lang_text}\n{lang_text} ({i})\n"
        if i % 4 == 0:
            (folder / f"{i:03}.html").write_text(
                f"<html><head><title>t{i}</title></head><body><nav>Home | News</nav>"
                f"<article><h1>Title {i}</h1><p>{body}</p></article></body></html>",
                "utf-8",
            )
        else:
            (folder / f"{i:03}.txt").write_text(body, "utf-8")
    # Inputs that must end as error records, identically, whichever executor runs them.
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


@pytest.fixture(scope="module")
def executors() -> Iterator[dict[str, Executor]]:
    """One executor of each kind per module: a Dask cluster takes seconds to start."""
    made: dict[str, Executor] = {}
    yield made
    for ex in made.values():
        ex.close()


def _executor(executors: dict[str, Executor], name: str) -> Executor:
    if name not in executors:
        executors[name] = get_executor(name, workers=2)
    return executors[name]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("exec-contract")
    return _corpus(root / "corpus"), kit.write_config(root)


@pytest.fixture(scope="module")
def reference(corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], set[str]]:
    folder, config = corpus
    store = kit.make_store(tmp_path_factory.mktemp("ref") / "local.db")
    summary = ingest([folder], store=store, config=config, executor=LocalExecutor(), batch_size=5)
    docs, errors = kit.stored_documents(store), kit.error_ids(store)
    store.close()
    assert summary.seen == 26 and len(docs) + len(errors) == 26, "every input is stored or recorded"
    assert len(docs) >= 24 - 2 and len(errors) >= 2
    return docs, errors


@pytest.mark.parametrize("name", ["pool", "dask"])
def test_executor_stores_the_same_facts_as_local(
    name: str,
    corpus: tuple[Path, Path],
    reference: tuple[dict[str, str], set[str]],
    executors: dict[str, Executor],
    tmp_path: Path,
) -> None:
    folder, config = corpus
    store = kit.make_store(tmp_path / f"{name}.db")
    summary = ingest([folder], store=store, config=config, executor=_executor(executors, name), batch_size=5)
    docs, errors = kit.stored_documents(store), kit.error_ids(store)
    store.close()
    ref_docs, ref_errors = reference
    assert summary.stored == len(ref_docs)
    assert errors == ref_errors
    assert docs.keys() == ref_docs.keys()
    for key, doc in ref_docs.items():
        assert docs[key] == doc, f"{name} stored article {key[:12]} differently"


def _generated(n: int, counter: list[int]) -> Iterator[Article]:
    for i in range(n):
        counter[0] += 1
        yield Article.from_bytes(f"{_EN} Item {i}.".encode(), Source(path=f"gen-{i}", format="text"))


@pytest.mark.parametrize("name", EXECUTORS)
def test_ingest_streams_with_a_bounded_window(
    name: str, corpus: tuple[Path, Path], executors: dict[str, Executor]
) -> None:
    _, config = corpus
    workers, batch, n = 2, 4, 240
    produced = [0]
    lag: list[int] = []

    def progress(summary: object) -> None:
        done = getattr(summary, "stored", 0) + getattr(summary, "skipped", 0) + len(getattr(summary, "errors", []))
        lag.append(produced[0] - done)

    executor = _executor(executors, name)
    summary = ingest(articles=_generated(n, produced), store=kit.MemoryStore(), config=config,
                     executor=executor, batch_size=batch, on_progress=progress)
    assert summary.stored + len(summary.errors) == n
    window = getattr(executor, "peak_in_flight", 1)
    assert 1 <= window <= 2 * workers
    # Read-ahead is bounded by the window (plus the batch being filled), not by the corpus size.
    assert max(lag) <= (window + 1) * batch, f"{name} read {max(lag)} articles ahead of the store"


def test_pool_window_fills_up_to_twice_the_workers() -> None:
    from dragoman.exec.pool import PoolExecutor

    with PoolExecutor(2) as ex:
        out = list(ex.map_batches(sorted, _pairs(40)))
        assert sorted(out) == [[i, i + 1] for i in range(0, 40, 2)]
        assert ex.peak_in_flight == 4


# Worker processes must import the function they run by name, and test modules are not importable
# there (pytest imports them by path), so the toy jobs are builtins: ``sorted`` orders a batch and
# ``divmod(1, batch)`` fails inside the worker.
_BOOM = functools.partial(divmod, 1)


def _pairs(n: int) -> Iterator[list[int]]:
    """Batches [1, 0], [3, 2], ...: sorting them shows the function really ran."""
    for i in range(0, n, 2):
        yield [i + 1, i]


@pytest.mark.parametrize("name", ["pool", "dask"])
def test_worker_exception_surfaces_in_the_caller(name: str, executors: dict[str, Executor]) -> None:
    executor = _executor(executors, name)
    with pytest.raises(TypeError, match="unsupported operand"):
        list(executor.map_batches(_BOOM, [[1], [2]]))
    # ...and the executor is still usable afterwards.
    assert sorted(executor.map_batches(sorted, _pairs(4))) == [[0, 1], [2, 3]]


def test_get_executor_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown executor"):
        get_executor("threads")
    with pytest.raises(ValueError, match="only applies to the dask"):
        get_executor("pool", workers=2, address="tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="at least 1"):
        get_executor("pool", workers=0)
    assert isinstance(get_executor("local"), LocalExecutor)


def test_dask_executor_joins_an_existing_scheduler() -> None:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, host="127.0.0.1",
                                       dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    try:
        executor = get_executor("dask", address=cluster.scheduler_address)
        try:
            out = sorted(executor.map_batches(sorted, _pairs(24)))
            assert out == [[i, i + 1] for i in range(0, 24, 2)]
            # One worker with two threads is two slots: the window is four batches.
            assert getattr(executor, "workers", None) == 2
            assert 1 <= getattr(executor, "peak_in_flight", 0) <= 4
        finally:
            executor.close()
        assert cluster.scheduler_address  # closing the client leaves someone else's cluster running
        assert len(cluster.workers) == 1
    finally:
        cluster.close()


def test_dask_refuses_a_function_its_workers_cannot_import(executors: dict[str, Executor]) -> None:
    # A module that exists only in this process, as a test module or a notebook's helpers would.
    mod = ModuleType("dragoman_only_here")
    exec("def first(batch):\n    return batch[:1]\n", mod.__dict__)  # noqa: S102 - the point is a local-only module
    sys.modules[mod.__name__] = mod
    try:
        with pytest.raises(ImportError, match="cannot import 'dragoman_only_here'"):
            list(_executor(executors, "dask").map_batches(mod.first, [[1, 2]]))
    finally:
        del sys.modules[mod.__name__]
