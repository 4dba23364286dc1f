"""Helpers shared by the fault, fuzz, executor-contract and crash tests (not a test module).

Loaded by path from outside tests/fuzz (``load_fuzzkit``) because test
folders are not packages.
"""

from __future__ import annotations

import os
import tomllib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from dragoman.model import Article
from dragoman.pipeline import ErrorRecord, registry
from dragoman.pipeline.config import default_config_text
from dragoman.store import Store, open_store

# The reading and cleaning layers: work linear in the input's size, so multi-megabyte inputs can go
# through them in a test; extraction stages (NER, dates, events...) are exercised on normal-sized input.
READ_CLEAN_LAYERS = frozenset(
    {"text", "html_body_lines", "boilerplate", "language", "sentences", "tokens", "norm", "published"}
)


def runnable_config_text(layers: frozenset[str] | None = None) -> str:
    """The shipped default pipeline, minus stages that are not registered (yet) or cannot run.

    The default pipeline grows while stages are being written; the tests
    must exercise whatever of it works today, and all of it once it lands.
    A stage is kept when it is registered, every layer it requires is
    provided by a kept stage before it and, when ``layers`` is given, it
    provides only layers from that set.
    """
    text = default_config_text()
    data = tomllib.loads(text)
    reg = registry()
    have = {"raw"}
    kept: list[str] = []
    for name in data["pipeline"]["stages"]:
        spec = reg.get(data["stages"][name]["factory"])
        if spec is None or not spec.requires <= have or (layers is not None and not spec.provides <= layers):
            continue
        kept.append(name)
        have |= spec.provides
    if kept == data["pipeline"]["stages"]:
        return text
    lines = ["[pipeline]", f"stages = {kept!r}".replace("'", '"'), ""]
    for name in kept:
        lines.append(f"[stages.{name}]")
        for key, value in data["stages"][name].items():
            lines.append(f"{key} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} settings as TOML here")


def write_config(folder: Path, layers: frozenset[str] | None = None) -> Path:
    """``runnable_config_text(layers)`` as a file, since ``ingest(config=...)`` takes a path."""
    path = folder / "pipeline.toml"
    path.write_text(runnable_config_text(layers), "utf-8")
    return path


def sqlite_available() -> bool:
    try:
        import dragoman.store.sqlite  # noqa: F401
    except ImportError:
        return False
    return True


class MemoryStore:
    """An in-memory Store for tests while no real backend is importable."""

    def __init__(self) -> None:
        self.articles: dict[str, dict[str, Any]] = {}
        self.errors: dict[str, ErrorRecord] = {}

    def migrate(self) -> None:
        return None

    def has_article(self, article_id: str) -> bool:
        return article_id in self.articles

    def put_article(self, article: Article, *, pipeline: str = "default") -> bool:
        from dragoman.serialize import to_json

        if article.id in self.articles:
            return False
        self.articles[article.id] = to_json(article)
        return True

    def get_article(self, article_id: str) -> Article | None:
        from dragoman.serialize import from_json

        doc = self.articles.get(article_id)
        return from_json(doc) if doc is not None else None

    def iter_articles(self) -> Iterator[Article]:
        for key in list(self.articles):
            art = self.get_article(key)
            if art is not None:
                yield art

    def count_articles(self) -> int:
        return len(self.articles)

    def put_error(self, error: ErrorRecord) -> bool:
        new = error.where not in self.errors
        self.errors[error.where] = error  # one record per input, the latest kept
        return new

    def iter_errors(self) -> Iterator[ErrorRecord]:
        yield from list(self.errors.values())

    def search(self, query: str, *, limit: int = 20) -> list[Any]:
        return []

    def entity_table(self) -> list[Any]:
        return []

    def close(self) -> None:
        return None


def make_store(path: Path) -> Store:
    """SQLite at ``path`` when the backend is there, else an in-memory fake."""
    if sqlite_available():
        return open_store(str(path))
    return MemoryStore()


def stored_documents(store: Store) -> dict[str, str]:
    """Every stored article as canonical Article JSON text, keyed by id."""
    import json

    from dragoman.serialize import to_json

    return {a.id: json.dumps(to_json(a), sort_keys=True, ensure_ascii=False) for a in store.iter_articles()}


def error_ids(store: Store) -> set[str]:
    return {e.article_id for e in store.iter_errors()}


# --------------------------------------------------------------------------- fault accounting


@dataclass
class Tally:
    """What the fault and fuzz tests fed in and how each input ended; printed after the run."""

    inputs: int = 0
    stored: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    crashes: int = 0
    dropped: int = 0

    def line(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())) or "none"
        return (
            f"fault/fuzz inputs: {self.inputs}; stored {self.stored}; error records {sum(self.errors.values())} "
            f"({kinds}); crashes {self.crashes}; silent drops {self.dropped}"
        )


TALLY = Tally()
_SCHEMA_CHECK_LIMIT = 200_000  # characters of text


def check_spans(article: Article) -> None:
    """Every annotation points inside ``text``, and the stored JSON passes the Article schema."""
    from dragoman.serialize import to_json, validate

    n = len(article.text)
    spans = [*article.sentences, *article.tokens, *(b.span for b in article.boilerplate),
             *(m.span for m in article.mentions), *(t.span for t in article.time_expressions),
             *(q.span for q in article.quotes)]
    for span in spans:
        assert 0 <= span.start <= span.end <= n, f"span {span} outside text of length {n}"
    if article.raw_offsets is not None and article.raw is not None:
        assert len(article.raw_offsets) >= n
        assert all(0 <= o <= len(article.raw) for o in article.raw_offsets[:n])
    # JSON Schema validation is pure Python and takes seconds on a multi-megabyte article; the span
    # checks above already cover what matters there.
    if n <= _SCHEMA_CHECK_LIMIT:
        validate(to_json(article))


def process_and_store(config_text: str, articles: list[Article], store: Store) -> dict[str, str]:
    """The ingest path for one batch (``process_batch`` then the store); outcome per article id.

    The outcome is ``"stored"`` or the error record's kind.  An exception out
    of the pipeline or the store counts as a crash and is re-raised; an id
    that ends neither stored nor recorded counts as a silent drop.
    """
    from dragoman.api import process_batch

    try:
        results = process_batch(config_text, articles)
        for res in results:
            if res.error is not None:
                store.put_error(res.error)
            else:
                store.put_article(res.article)
    except Exception:
        TALLY.crashes += 1
        raise
    no_internal_errors([r.error for r in results if r.error is not None])
    outcomes = {}
    for res in results:
        if res.error is not None:
            outcomes[res.article.id] = res.error.kind
        else:
            check_spans(res.article)
            outcomes[res.article.id] = "stored"
    return account(store, outcomes, [a.id for a in articles])


def account(store: Store, outcomes: dict[str, str], ids: list[str]) -> dict[str, str]:
    """Tally ``outcomes`` and check every id in ``ids`` is in the store as an article or an error."""
    recorded = error_ids(store)
    for art_id in dict.fromkeys(ids):
        TALLY.inputs += 1
        kind = outcomes.get(art_id)
        in_store = store.has_article(art_id) or art_id in recorded
        if kind is None or not in_store:
            TALLY.dropped += 1
            raise AssertionError(f"input {art_id[:12]} was silently dropped (outcome {kind}, stored {in_store})")
        if kind == "stored":
            TALLY.stored += 1
        else:
            TALLY.errors[kind] += 1
    return outcomes


def no_internal_errors(errors: list[ErrorRecord]) -> None:
    """A stage that raised something other than StageError crashed; the runner contained it, we count it.

    Bad input should end as a record with a meaningful kind (``empty``,
    ``binary``...), never as ``internal_error``, which means a bug.
    """
    crashed = [e for e in errors if e.kind == "internal_error"]
    if crashed:
        TALLY.crashes += len(crashed)
        raise AssertionError("stage crashed: " + "; ".join(f"{e.stage}: {e.message}" for e in crashed[:3]))


# --------------------------------------------------------------------------- file permissions as root


_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2
_CAPS_V3 = 0x20080522


@contextmanager
def file_permissions_apply() -> Iterator[None]:
    """Within the block, this thread obeys file modes even when it runs as root.

    Tests (and CI) run as root, which reads a ``chmod 000`` file as if nothing
    were wrong.  Linux capabilities are per thread: dropping
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from this thread's effective set
    makes it meet ``EACCES`` like any user, and they are raised again after.
    Not root: nothing to do.  Skips the test where capabilities cannot be changed.
    """
    if os.geteuid() != 0:
        yield
        return
    import ctypes

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    libc = ctypes.CDLL(None, use_errno=True)
    header, data = Header(_CAPS_V3, 0), (Data * 2)()
    if libc.capget(ctypes.byref(header), data) != 0:
        pytest.skip("cannot read this thread's capabilities")
    saved = data[0].effective
    data[0].effective = saved & ~((1 << _CAP_DAC_OVERRIDE) | (1 << _CAP_DAC_READ_SEARCH))
    if libc.capset(ctypes.byref(header), data) != 0:
        pytest.skip("cannot drop CAP_DAC_OVERRIDE here: root would read unreadable files")
    try:
        yield
    finally:
        data[0].effective = saved
        libc.capset(ctypes.byref(header), data)
