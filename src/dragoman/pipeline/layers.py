"""The layers an article can carry, declared by name, as spaCy declares ``Doc._`` extensions.

A *core* layer is a field of ``Article`` (``tokens``, ``mentions``...).  An
*extension* layer is a value in ``Article.ext`` under its registered name:
the way a stage hands something new to later stages (the lines an HTML
page's main-content extractor kept, the lines a corpus pass knows to be an
outlet's chrome) without a new field on the model and without a back channel.
Stages name layers in ``requires``/``provides`` (and optionally ``uses``);
the registry refuses a stage that names a layer nobody declared, the runner
refuses a stage that writes an extension layer it did not declare, and
Article JSON serialises every extension layer through its codec.

A plugin adds a layer with ``register_layer`` (or through the plugin
registry, ``dragoman.plugins``), the same call the built-in ones below use.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dragoman.model import Article, Span
from dragoman.model.ids import assign_mention_ids
from dragoman.plugins import REGISTRY, load_plugins

__all__ = [
    "CORE_LAYERS",
    "LayerSpec",
    "decode_layer",
    "encode_layer",
    "finalizer",
    "get_layer",
    "layers",
    "register_layer",
]


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class LayerSpec:
    name: str  # what stages require/provide, and the key in Article.ext and in Article JSON's "ext"
    doc: str
    core: bool = False  # a field of Article rather than an Article.ext value
    version: int = 1  # bumped when the value's meaning or its JSON changes
    to_json: Callable[[Any], Any] = _same
    from_json: Callable[[Any], Any] = _same
    # Called by the runner after a stage provides the layer, e.g. to give records their ids.
    finalize: Callable[[Article], None] | None = None
    origin: str = ""  # the module that declared it

    @property
    def versioned_name(self) -> str:
        return f"{self.name}.v{self.version}"


def register_layer(
    name: str,
    *,
    doc: str,
    version: int = 1,
    to_json: Callable[[Any], Any] = _same,
    from_json: Callable[[Any], Any] = _same,
    finalize: Callable[[Article], None] | None = None,
    core: bool = False,
) -> LayerSpec:
    """Declare a layer; registering the same name twice with a different definition is an error."""
    if not name.isidentifier():
        raise ValueError(f"layer name {name!r} must be an identifier (it is a JSON key and a Python name)")
    origin = str(sys._getframe(1).f_globals.get("__name__", ""))
    spec = LayerSpec(name, doc, core, version, to_json, from_json, finalize, origin)
    prior = _find(name)
    if prior is not None:
        if prior == spec:
            return prior
        raise ValueError(f"layer {name!r} is already registered (as {prior.versioned_name}, by {prior.origin})")
    REGISTRY.add("layer", spec.versioned_name, spec, keys=(name,), doc=doc, origin=origin)
    return spec


def _find(name: str) -> LayerSpec | None:
    found = REGISTRY.find("layer", name)
    return found.obj if found is not None else None


def layers() -> dict[str, LayerSpec]:
    """Every declared layer by name (core, built-in extension and plugin layers)."""
    return {p.obj.name: p.obj for p in REGISTRY.all("layer").values()}


def get_layer(name: str) -> LayerSpec:
    spec = _find(name)
    if spec is None:
        load_plugins()  # a plugin's layer is declared when its module is imported
        spec = _find(name)
    if spec is None:
        raise KeyError(f"no layer registered as {name!r}; known layers: {', '.join(sorted(layers()))}")
    return spec


def finalizer(name: str) -> Callable[[Article], None] | None:
    spec = _find(name)
    return spec.finalize if spec is not None else None


def encode_layer(name: str, value: Any) -> Any:
    """An extension layer's value as JSON; a layer this process does not know is kept as it came."""
    spec = _find(name)
    return spec.to_json(value) if spec is not None else value


def decode_layer(name: str, value: Any) -> Any:
    spec = _find(name)
    if spec is None:
        load_plugins()
        spec = _find(name)
    return spec.from_json(value) if spec is not None else value


# -- core layers: fields of Article ------------------------------------------------------------
_CORE = {
    "raw": "the input bytes (Article.raw_bytes) and their decoding (Article.raw, raw_offsets)",
    "text": "the text every span points into",
    "boilerplate": "page chrome as Boilerplate spans",
    "language": "the body's language (ISO 639-1) and the detector's scores",
    "sentences": "body sentences",
    "tokens": "body tokens",
    "norm": "the matching form of text (folded spelling) and its offsets back into text",
    "mentions": "surface forms that refer to actors, with content-derived ids",
    "entities": "the article's actors, each with its mentions",
    "described": "actors the text describes instead of naming (unnamed sources, described groups), with ids",
    "time_expressions": "dates and time expressions, resolved",
    "published": "the publication date (Source.published), whether estimated, and where it came from",
    "events": "PLOVER events with status, arguments and date",
    "quotes": "direct and reported speech with speakers",
    "claims": "statements attributed to a claimant",
}
for _name, _doc in _CORE.items():
    register_layer(_name, doc=_doc, core=True, finalize=assign_mention_ids if _name == "mentions" else None)
CORE_LAYERS: frozenset[str] = frozenset(_CORE)


# -- built-in extension layers -----------------------------------------------------------------
def _spans_to_json(value: list[Span] | None) -> list[list[int]] | None:
    return None if value is None else [[s.start, s.end] for s in value]


def _spans_from_json(value: list[list[int]] | None) -> list[Span] | None:
    return None if value is None else [Span(int(s), int(e)) for s, e in value]


register_layer(
    "html_body_lines",
    doc=(
        "for an HTML page, the lines of text the main-content extractor (trafilatura) kept as the "
        "article; written by the read stage, used by the boilerplate stage"
    ),
    to_json=_spans_to_json,
    from_json=_spans_from_json,
)


def _keys_to_json(value: frozenset[str] | None) -> list[str] | None:
    return None if value is None else sorted(value)


def _keys_from_json(value: list[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


register_layer(
    "outlet_chrome",
    doc=(
        "short lines (folded) that the corpus knows the article's outlet repeats on many pages: given by the "
        "outlet-chrome corpus pass, narrowed by the boilerplate stage to the lines the article has, which it "
        "marks as chrome"
    ),
    to_json=_keys_to_json,
    from_json=_keys_from_json,
)
