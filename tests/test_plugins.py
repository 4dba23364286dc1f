"""One plugin scheme: built-ins load like third-party plugins, and no built-in name disappears silently."""

from __future__ import annotations

import io
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import dragoman.plugins as plugins
from dragoman.api import load_pipeline
from dragoman.exec import get_executor
from dragoman.model import Article, Source
from dragoman.plugins import DEFAULT_PLUGINS, KINDS, PluginError, Registry, registry
from dragoman.serialize import from_json, to_json
from dragoman.store import StoreError, open_store

REPO = Path(__file__).resolve().parents[1]
SNAPSHOT = Path(__file__).with_name("plugins.snapshot")


def _builtin() -> set[str]:
    reg = registry()
    return {f"{kind} {name}" for kind in KINDS for name, p in reg.all(kind).items() if p.builtin}


def test_no_builtin_plugin_disappears_and_new_ones_are_deliberate() -> None:
    snapshot = {line for line in SNAPSHOT.read_text("utf-8").splitlines() if line.strip()}
    now = _builtin()
    gone = sorted(snapshot - now)
    assert not gone, f"built-in plugins disappeared: {gone} (a rename needs a new version beside the old one)"
    new = sorted(now - snapshot)
    assert not new, f"new built-in plugins: {new}: add them to tests/plugins.snapshot and docs/plugins.md"


def test_every_builtin_plugin_is_documented() -> None:
    docs = (REPO / "docs" / "plugins.md").read_text("utf-8") + (REPO / "docs" / "stages.md").read_text("utf-8")
    missing = sorted(name for name in _builtin() if name.split(" ", 1)[1].removesuffix(".v1") not in docs)
    assert not missing, f"not documented in docs/plugins.md or docs/stages.md: {missing}"


def test_builtins_come_from_the_default_plugin_modules() -> None:
    reg = registry()
    origins = {p.origin for kind in KINDS for p in reg.all(kind).values() if p.builtin}
    assert origins <= set(DEFAULT_PLUGINS), sorted(origins - set(DEFAULT_PLUGINS))
    for kind in ("stage", "layer", "store", "executor", "exporter"):
        assert any(p.builtin for p in reg.all(kind).values()), f"no built-in {kind}"


def test_names_are_versioned_and_keys_unique() -> None:
    reg = Registry()
    with pytest.raises(PluginError, match="versioned"):
        reg.add("exporter", "mine", object)
    reg.add("exporter", "me.Mine.v1", object, keys=("mine",))
    with pytest.raises(PluginError, match="taken"):
        reg.add("exporter", "me.Other.v1", int, keys=("mine",))
    with pytest.raises(PluginError, match="already registered"):
        reg.add("exporter", "me.Mine.v1", int)
    with pytest.raises(PluginError, match="unknown plugin kind"):
        reg.add("widget", "me.W.v1", object)


_PLUGIN = '''
"""A third-party plugin, loaded through the dragoman.plugins entry-point group."""
from typing import ClassVar

from dragoman.model import Article, Source
from dragoman.pipeline import BaseStage, register_layer, register_stage
from dragoman.exec import LocalExecutor
from dragoman.store.sqlite import SQLiteStore

register_layer("xplug_words", doc="number of words (third-party test plugin)")


@register_stage("xplug.Words.v1")
class Words(BaseStage):
    """Counts words (third-party test plugin)."""

    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    provides: ClassVar[frozenset[str]] = frozenset({"xplug_words"})

    def __call__(self, article: Article) -> Article:
        article.ext["xplug_words"] = len(article.text.split())
        return article


class Count:
    name = "xplug.Count.v1"
    format = "count"
    media_type = "text/plain"
    suffix = ".txt"

    def export(self, store, out):
        out.write(str(store.count_articles()).encode())
        return 1


def register(registry):
    registry.add("store", "xplug.MemoryStore.v1", lambda url: SQLiteStore(":memory:"), keys=("xplugmem",))
    registry.add("executor", "xplug.Inline.v1", lambda workers, address: LocalExecutor(), keys=("inline",))
    registry.add("exporter", Count.name, Count, keys=(Count.format,))
'''


@pytest.fixture
def third_party(tmp_path: Path) -> Iterator[None]:
    (tmp_path / "xplug_plugin.py").write_text(textwrap.dedent(_PLUGIN), "utf-8")
    dist = tmp_path / "xplug-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: xplug\nVersion: 0.1\n", "utf-8")
    (dist / "entry_points.txt").write_text("[dragoman.plugins]\nxplug = xplug_plugin\n", "utf-8")
    sys.path.insert(0, str(tmp_path))
    saved = plugins._LOADED
    tables = {k: dict(v) for k, v in plugins.REGISTRY._by_name.items()}, {
        k: dict(v) for k, v in plugins.REGISTRY._by_key.items()
    }
    plugins._LOADED = False  # load again, as a fresh process with the package installed would
    try:
        plugins.load_plugins()
        yield
    finally:
        # Leave the registry as this process had it: other tests list what is registered.
        plugins._LOADED = saved
        plugins.REGISTRY._by_name, plugins.REGISTRY._by_key = tables
        sys.path.remove(str(tmp_path))
        sys.modules.pop("xplug_plugin", None)


def test_a_third_party_package_adds_every_kind_through_its_entry_point(third_party: None, tmp_path: Path) -> None:
    reg = registry()
    assert reg.get("stage", "xplug.Words.v1").origin == "xplug_plugin"
    assert not reg.get("layer", "xplug_words").builtin
    store = open_store("xplugmem://anything")
    assert type(store).__name__ == "SQLiteStore" and store.count_articles() == 0
    assert get_executor("inline").name == "local"
    from dragoman.export import get_exporter

    buf = io.BytesIO()
    assert get_exporter("count").export(store, buf) == 1 and buf.getvalue() == b"0"
    config = tmp_path / "p.toml"
    config.write_text(
        '[pipeline]\nstages = ["read", "words"]\n[stages.read]\nfactory = "dragoman.Read.v1"\n'
        '[stages.words]\nfactory = "xplug.Words.v1"\n',
        "utf-8",
    )
    art = load_pipeline(config).run(Article.from_bytes(b"three little words", Source(format="text"))).article
    assert art.ext["xplug_words"] == 3
    assert from_json(json.loads(json.dumps(to_json(art)))) == art


def test_unknown_names_say_what_is_known() -> None:
    # A store that cannot be opened is a StoreError (one line for the CLI), whatever the reason.
    with pytest.raises(StoreError, match="mysql://db: no store registered as 'mysql'; known: .*postgresql.*sqlite"):
        open_store("mysql://db")
    with pytest.raises(ValueError, match="unknown executor 'threads'; choose one of: dask, local, pool"):
        get_executor("threads")


def test_every_stage_module_is_a_default_plugin() -> None:
    import pkgutil

    import dragoman.stages as pkg

    modules = {f"{pkg.__name__}.{m.name}" for m in pkgutil.iter_modules(pkg.__path__)}
    assert modules <= set(DEFAULT_PLUGINS), f"add to DEFAULT_PLUGINS: {sorted(modules - set(DEFAULT_PLUGINS))}"
