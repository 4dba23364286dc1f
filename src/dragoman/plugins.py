"""One registry for everything Dragoman can be extended with, and one way to get into it.

Six kinds of plugin: pipeline **stages**, article **layers**, **stores**,
**executors**, **exporters** and **corpus passes**.  Each is registered
under a versioned name (``dragoman.Read.v1``, ``dragoman.SQLiteStore.v1``;
a layer under ``<key>.v<N>``) and, where people choose it by a short word,
under keys (an executor's ``pool``, a store's URL scheme ``postgresql``, an
exporter's ``--format``).

The built-in plugins load exactly as a third-party one does (datasette's
``DEFAULT_PLUGINS``): ``DEFAULT_PLUGINS`` names modules that register
their plugins when imported, or that define ``register(registry)``; a
package adds its own through the ``dragoman.plugins`` entry-point group,
whose value is such a module or a ``register(registry)`` callable::

    [project.entry-points."dragoman.plugins"]
    mypkg = "mypkg.dragoman_plugin"

(The older ``dragoman.stages`` group is still read.)  A test keeps a
snapshot of the built-in names (tests/plugins.snapshot), so none can
disappear without someone deciding it should.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "KINDS",
    "LEGACY_GROUPS",
    "REGISTRY",
    "Plugin",
    "PluginError",
    "Registry",
    "load_plugins",
    "registry",
]

KINDS = ("stage", "layer", "store", "executor", "exporter", "corpus_pass")
ENTRY_POINT_GROUP = "dragoman.plugins"
LEGACY_GROUPS = ("dragoman.stages",)

# Modules whose import registers the built-in plugins, in load order.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "dragoman.pipeline.layers",
    "dragoman.stages.read",
    "dragoman.stages.boilerplate",
    "dragoman.stages.langid",
    "dragoman.stages.sentences",
    "dragoman.stages.normalize",
    "dragoman.stages.gazetteer",
    "dragoman.stages.ner",
    "dragoman.stages.dates",
    "dragoman.stages.link",
    "dragoman.stages.tenure",
    "dragoman.stages.described",
    "dragoman.stages.events",
    "dragoman.stages.quotes",
    "dragoman.store.builtin",
    "dragoman.exec.builtin",
    "dragoman.export.builtin",
    "dragoman.corpus.outlet_chrome",
    "dragoman.corpus.tracker",
    "dragoman.corpus.picture",
)

_VERSIONED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*\.v\d+$")


class PluginError(ValueError):
    """A plugin could not be registered or found."""


@dataclass(frozen=True)
class Plugin:
    kind: str
    name: str  # versioned, unique within its kind
    obj: Any  # what the kind's API uses: a StageSpec, a LayerSpec, a factory...
    keys: tuple[str, ...] = ()  # short names people type, unique within the kind
    doc: str = ""
    origin: str = ""  # the module that registered it

    @property
    def builtin(self) -> bool:
        return self.origin == "dragoman" or self.origin.startswith("dragoman.")


class Registry:
    def __init__(self) -> None:
        self._by_name: dict[str, dict[str, Plugin]] = {k: {} for k in KINDS}
        self._by_key: dict[str, dict[str, Plugin]] = {k: {} for k in KINDS}

    def add(
        self,
        kind: str,
        name: str,
        obj: Any,
        *,
        keys: Iterable[str] = (),
        doc: str = "",
        origin: str | None = None,
    ) -> Plugin:
        """Register ``obj``; the same registration again is a no-op, a different one under a taken name an error."""
        if kind not in KINDS:
            raise PluginError(f"unknown plugin kind {kind!r}; kinds: {', '.join(KINDS)}")
        if not _VERSIONED.match(name):
            raise PluginError(f"{kind} name {name!r} must be versioned, such as 'mypkg.Name.v1'")
        if origin is None:
            origin = str(sys._getframe(1).f_globals.get("__name__", ""))
        plugin = Plugin(kind, name, obj, tuple(keys), doc, origin)
        prior = self._by_name[kind].get(name)
        if prior is not None:
            if prior.obj is obj or prior == plugin:
                return prior
            raise PluginError(f"{kind} {name!r} is already registered (by {prior.origin})")
        for key in plugin.keys:
            taken = self._by_key[kind].get(key)
            if taken is not None:
                raise PluginError(f"{kind} key {key!r} is taken by {taken.name}")
        self._by_name[kind][name] = plugin
        for key in plugin.keys:
            self._by_key[kind][key] = plugin
        return plugin

    def find(self, kind: str, name: str) -> Plugin | None:
        """By versioned name or by key; no loading (safe while plugins are being imported)."""
        return self._by_name[kind].get(name) or self._by_key[kind].get(name)

    def get(self, kind: str, name: str) -> Plugin:
        found = self.find(kind, name)
        if found is None:
            load_plugins()
            found = self.find(kind, name)
        if found is None:
            known = ", ".join(sorted({*self._by_name[kind], *self._by_key[kind]})) or "none"
            raise PluginError(f"no {kind.replace('_', ' ')} registered as {name!r}; known: {known}")
        return found

    def all(self, kind: str) -> dict[str, Plugin]:
        return dict(self._by_name[kind])

    def names(self) -> dict[str, list[str]]:
        return {k: sorted(self._by_name[k]) for k in KINDS}


REGISTRY = Registry()
_LOADED = False
_LOCK = threading.RLock()


def _register_from(target: ModuleType | Callable[[Registry], Any]) -> None:
    hook = getattr(target, "register", None) if isinstance(target, ModuleType) else target
    if callable(hook):
        hook(REGISTRY)


def load_plugins() -> None:
    """Import the built-in plugins, then every entry-point plugin; once per process."""
    global _LOADED
    with _LOCK:
        if _LOADED:
            return
        _LOADED = True
        for module in DEFAULT_PLUGINS:
            _register_from(importlib.import_module(module))
        for group in (ENTRY_POINT_GROUP, *LEGACY_GROUPS):
            for ep in entry_points(group=group):
                _register_from(ep.load())


def registry() -> Registry:
    load_plugins()
    return REGISTRY
