"""Which outlet published an article: URL, page metadata, or a masthead / dateline line.

The registry (``framing/data/outlets.yaml``) is validated on load.  Evidence is
tried from the most to the least reliable: the URL's host (and path, for a
language service such as ``bbc.com/arabic``), the page's declared site name
(``og:site_name`` or a JSONL ``outlet``), then the text itself, where only two
places count: the head of the page (a masthead line that is nothing but the
outlet's name, or a dateline such as ``القدس – وفا`` / ``JERUSALEM (Reuters) -``)
and a copyright footer.  A name in running text is a citation, not the
publisher, so it is never read as identity; names that are ordinary words
(``الوقت`` "the time") are accepted only as a whole masthead line or at the
head of a dateline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dragoman.model import Article, Span
from dragoman.text import normalize_key

__all__ = [
    "Outlet",
    "OutletMatch",
    "OutletRegistry",
    "RegistryError",
    "identify_outlet",
    "load_registry",
    "outlet_by_name",
    "registry",
]

OutletType = Literal["state", "public", "state_funded", "private", "party", "nonprofit"]
OutletKind = Literal["agency", "broadcaster", "newspaper", "online", "magazine"]
How = Literal["url", "metadata", "masthead", "dateline", "footer", "unknown"]


class RegistryError(ValueError):
    pass


class Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    names: dict[str, list[str]]
    ambiguous: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    type: OutletType
    kind: OutletKind
    source: str = Field(min_length=10)  # why the entry says what it says

    @model_validator(mode="after")
    def _check(self) -> Outlet:
        every = {n for forms in self.names.values() for n in forms}
        stray = [n for n in self.ambiguous if n not in every]
        if stray:
            raise ValueError(f"{self.id}: ambiguous names not among its names: {stray}")
        for d in self.domains:
            if d != d.lower() or d.startswith(("www.", "http")) or " " in d:
                raise ValueError(f"{self.id}: domain {d!r} must be a lower-case host (optionally /path), no scheme or www")
        if not every:
            raise ValueError(f"{self.id}: no names")
        return self

    def display(self) -> str:
        return (self.names.get("en") or next(iter(self.names.values())))[0]


class OutletRegistry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    outlets: list[Outlet]

    @model_validator(mode="after")
    def _unique(self) -> OutletRegistry:
        seen: dict[str, str] = {}
        for o in self.outlets:
            if o.id in seen:
                raise ValueError(f"duplicate outlet id {o.id!r}")
            seen[o.id] = o.id
        hosts: dict[str, str] = {}
        for o in self.outlets:
            for d in o.domains:
                if d in hosts:
                    raise ValueError(f"domain {d!r} listed by both {hosts[d]} and {o.id}")
                hosts[d] = o.id
        return self

    def get(self, outlet_id: str) -> Outlet | None:
        return _index(self).by_id.get(outlet_id)


@dataclass(frozen=True, slots=True)
class OutletMatch:
    """The outlet of one article and what showed it.

    ``outlet`` is the registry id when the outlet is registered; otherwise the
    declared site name or the URL's host as given (``registered`` False), or
    None when nothing identifies it.  ``evidence`` is the span of the
    masthead, dateline or footer line in ``Article.text`` when the text did.
    """

    outlet: str | None
    registered: bool
    how: How
    evidence: Span | None = None


def _root() -> resources.abc.Traversable:
    return resources.files("dragoman.framing").joinpath("data")


def load_registry(text: str) -> OutletRegistry:
    try:
        return OutletRegistry.model_validate(yaml.safe_load(text) or {})
    except (yaml.YAMLError, ValidationError) as exc:
        raise RegistryError(f"outlets.yaml: {exc}") from exc


@cache
def registry() -> OutletRegistry:
    """The shipped outlet registry, validated."""
    return load_registry(_root().joinpath("outlets.yaml").read_text("utf-8"))


@dataclass(frozen=True)
class _Index:
    by_id: dict[str, Outlet]
    by_name: dict[str, tuple[str, bool]]  # folded name -> (outlet id, ambiguous)
    by_host: dict[str, list[tuple[str, str]]]  # host -> [(path prefix, outlet id)]


_INDEXES: dict[int, _Index] = {}


def _index(reg: OutletRegistry) -> _Index:
    hit = _INDEXES.get(id(reg))
    if hit is not None:
        return hit
    by_name: dict[str, tuple[str, bool]] = {}
    by_host: dict[str, list[tuple[str, str]]] = {}
    for o in reg.outlets:
        amb = {normalize_key(n) for n in o.ambiguous}
        for forms in o.names.values():
            for n in forms:
                key = normalize_key(n)
                # Two outlets sharing a name (a generic word) cannot identify either: keep the first
                # and mark it ambiguous, so only a whole masthead or dateline line can pick it.
                if key in by_name and by_name[key][0] != o.id:
                    by_name[key] = (by_name[key][0], True)
                else:
                    by_name[key] = (o.id, key in amb)
        for d in o.domains:
            host, _, path = d.partition("/")
            by_host.setdefault(host, []).append(("/" + path if path else "", o.id))
    for rows in by_host.values():
        rows.sort(key=lambda r: -len(r[0]))  # the most specific path first
    idx = _Index({o.id: o for o in reg.outlets}, by_name, by_host)
    _INDEXES[id(reg)] = idx
    return idx


def _from_url(url: str, idx: _Index) -> str | None:
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path or "/"
    labels = host.split(".")
    for i in range(len(labels) - 1):  # the host itself, then each parent domain
        for prefix, oid in idx.by_host.get(".".join(labels[i:]), ()):
            if not prefix or path == prefix or path.startswith(prefix + "/"):
                return oid
    return None


def _host(url: str) -> str | None:
    host = urlsplit(url if "://" in url else f"http://{url}").hostname
    return host.lower().removeprefix("www.") if host else None


def _looks_like_url(value: str | None) -> bool:
    return bool(value) and re.match(r"^https?://", value or "") is not None


# Separators around a masthead name ("| כיכר השבת |", "— Al Jazeera —").
_SEPARATORS = "|-–—:•·*/\\()[]«»\"'“”"
_DASH = "-–—"
# A dateline's head: "<name> -", "<place> (<name>) -", "<place> – <name>", "<place>/ <name>/".
_DATELINE_RES = (
    re.compile(rf"^\s*(?P<name>[^{_DASH}():/|\n]{{2,40}}?)\s*[{_DASH}]"),
    re.compile(rf"^\s*[^{_DASH}()\n]{{0,40}}?\((?P<name>[^()\n]{{2,40}})\)\s*(?:[{_DASH}:]|$)"),
    re.compile(rf"^\s*[^{_DASH}()/:\n]{{2,40}}?\s*[{_DASH}/]\s*(?P<name>[^{_DASH}()/:\n]{{2,40}}?)\s*(?:[{_DASH}/:]|$)"),
)
_FOOTER_RE = re.compile(r"©|\(c\)|copyright|all rights reserved|جميع الحقوق|حقوق النشر|כל הזכויות", re.IGNORECASE)
_HEAD_LINES = 10
_HEAD_CHARS = 2000
_FOOT_LINES = 6


def _lines(text: str) -> Iterator[Span]:
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield Span(a, b)


def _lookup(candidate: str, idx: _Index, *, whole: bool) -> str | None:
    hit = idx.by_name.get(normalize_key(candidate))
    if hit is None:
        return None
    oid, ambiguous = hit
    return oid if whole or not ambiguous else None


def _masthead(line: str, idx: _Index) -> str | None:
    core = line.strip(_SEPARATORS + " \t")
    found = _lookup(core, idx, whole=True)
    if found:
        return found
    # "Outlet | Section | Subsection": any piece may be the name, but not an ambiguous one.
    pieces = [p.strip(_SEPARATORS + " \t") for p in re.split(r"\s[|•·]\s|\s[|•·]|[|•·]\s", line)]
    if len(pieces) > 1:
        for p in pieces:
            found = _lookup(p, idx, whole=False)
            if found:
                return found
    return None


def _dateline(line: str, idx: _Index) -> tuple[str, int, int] | None:
    """The outlet a dateline head names, with the name's offsets in the line."""
    head = line[:90]
    for rx in _DATELINE_RES:
        m = rx.match(head)
        if m:
            found = _lookup(m.group("name"), idx, whole=True)
            if found:
                return found, m.start("name"), m.end("name")
    return None


def _footer(line: str, idx: _Index) -> str | None:
    if not _FOOTER_RE.search(line):
        return None
    folded = normalize_key(line)
    best: tuple[int, str] | None = None
    for key, (oid, ambiguous) in idx.by_name.items():
        if ambiguous or len(key) < 3:
            continue
        for m in re.finditer(re.escape(key), folded):
            a, b = m.start(), m.end()
            whole_word = (a == 0 or not folded[a - 1].isalnum()) and (b == len(folded) or not folded[b].isalnum())
            if whole_word and (best is None or len(key) > best[0]):
                best = (len(key), oid)
    return best[1] if best else None


def _from_text(article: Article, idx: _Index) -> tuple[str, How, Span] | None:
    text = article.text
    lines = list(_lines(text))
    for span in [s for s in lines if s.start < _HEAD_CHARS][:_HEAD_LINES]:
        line = text[span.start : span.end]
        found = _masthead(line, idx)
        if found:
            return found, "masthead", span
        dated = _dateline(line, idx)
        if dated:
            return dated[0], "dateline", Span(span.start + dated[1], span.start + dated[2])
    for span in lines[-_FOOT_LINES:]:
        found = _footer(text[span.start : span.end], idx)
        if found:
            return found, "footer", span
    return None


def outlet_by_name(name: str, reg: OutletRegistry | None = None) -> str | None:
    """The registered outlet a name (as printed or as a KB canonical) stands for, ambiguous names included."""
    return _lookup(name, _index(reg or registry()), whole=True)


def identify_outlet(article: Article, reg: OutletRegistry | None = None) -> OutletMatch:
    """The outlet of ``article``: registered when any evidence names a registry entry."""
    idx = _index(reg or registry())
    src = article.source
    url = src.url or (src.path if _looks_like_url(src.path) else None)
    if url:
        oid = _from_url(url, idx)
        if oid:
            return OutletMatch(oid, True, "url")
    if src.outlet:
        oid = _lookup(src.outlet, idx, whole=True) or (_from_url(src.outlet, idx) if "." in src.outlet else None)
        if oid:
            return OutletMatch(oid, True, "metadata")
    found = _from_text(article, idx) if article.text else None
    if found:
        return OutletMatch(found[0], True, found[1], found[2])
    if src.outlet:
        return OutletMatch(src.outlet.strip(), False, "metadata")
    if url and _host(url):
        return OutletMatch(_host(url), False, "url")
    return OutletMatch(None, False, "unknown")
