"""Loaded-wording lexicons (``lang/data/<code>/framing.yaml``) and the conflict sides they name.

Each language's file lists markers: forms as people write them, a kind, an
English gloss, a polarity, optionally the side or entity the wording itself
counts against or for, and why the entry is there.  Files are validated on
load (unknown keys, an unknown side, a form that folds to nothing are errors),
so adding a language is adding a folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dragoman.events.matcher import PhraseMatcher
from dragoman.lang import available_languages, load_resource
from dragoman.text import normalize_key
from dragoman.text.tokenize import tokenize

__all__ = [
    "Entry",
    "Lexicon",
    "MarkerKind",
    "Polarity",
    "Side",
    "SideTable",
    "entries",
    "lexicon",
    "matcher",
    "sides",
]

MarkerKind = Literal["name_calling", "loaded", "evaluative", "doubt"]
Polarity = Literal["negative", "positive", "none"]
MARKER_KINDS: tuple[str, ...] = ("name_calling", "loaded", "evaluative", "doubt")


class Side(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    label: str
    countries: list[str] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)
    opposes: str | None = None
    why: str = Field(min_length=10)


class SideTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    sides: list[Side]

    @model_validator(mode="after")
    def _check(self) -> SideTable:
        ids = {s.id for s in self.sides}
        if len(ids) != len(self.sides):
            raise ValueError("duplicate side ids")
        for s in self.sides:
            if s.opposes is not None and s.opposes not in ids:
                raise ValueError(f"side {s.id} opposes unknown side {s.opposes!r}")
        return self

    def get(self, side_id: str) -> Side | None:
        return next((s for s in self.sides if s.id == side_id), None)


@cache
def sides() -> SideTable:
    text = resources.files("dragoman.framing").joinpath("data", "sides.yaml").read_text("utf-8")
    try:
        return SideTable.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"framing/data/sides.yaml: {exc}") from exc


_TARGET = r"^([a-z][a-z0-9_-]*|[a-z]+:[A-Za-z0-9_./-]+)$"


class Entry(BaseModel):
    """One marker of a lexicon: every form shares the kind, gloss and target."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    forms: list[str] = Field(min_length=1)
    kind: MarkerKind
    gloss: str = Field(min_length=2)
    polarity: Polarity | None = None
    against: str | None = Field(default=None, pattern=_TARGET)
    for_: str | None = Field(default=None, alias="for", pattern=_TARGET)
    why: str = Field(min_length=10)

    @model_validator(mode="after")
    def _check(self) -> Entry:
        if self.against and self.for_:
            raise ValueError(f"{self.forms[0]!r}: give `against` or `for`, not both")
        implied = "negative" if self.against else "positive" if self.for_ else None
        if implied and self.polarity not in (None, implied):
            raise ValueError(f"{self.forms[0]!r}: polarity {self.polarity} contradicts its target")
        for f in self.forms:
            if not normalize_key(f.replace("*", "")):
                raise ValueError(f"form {f!r} folds to nothing")
        return self

    @property
    def sign(self) -> int:
        """+1 favourable, -1 hostile, 0 neither, toward the target or the neighbouring actor."""
        pol = self.polarity or ("negative" if self.against or self.kind == "name_calling" else
                                "positive" if self.for_ else "none")
        return {"negative": -1, "positive": 1, "none": 0}[pol]

    @property
    def target(self) -> str | None:
        return self.against or self.for_


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    keep_article: dict[str, str] = Field(default_factory=dict)
    markers: list[Entry]

    @model_validator(mode="after")
    def _targets(self) -> Lexicon:
        side_ids = {s.id for s in sides().sides}
        for e in self.markers:
            t = e.target
            if t and ":" not in t and t not in side_ids:
                raise ValueError(f"{e.forms[0]!r}: unknown side {t!r} (known: {sorted(side_ids)})")
        return self


def lexicon(lang: str) -> Lexicon | None:
    """The validated lexicon of ``lang``, or None when the language has none."""
    return load_resource(lang, "framing", Lexicon)


@dataclass(frozen=True, slots=True)
class _Payload:
    entry: int  # index into entries(lang)


@cache
def entries(lang: str) -> tuple[Entry, ...]:
    lex = lexicon(lang)
    return tuple(lex.markers) if lex else ()


def _as_tokens(form: str) -> str:
    """A form split the way the tokeniser splits text ("so-called" is three tokens), its * kept."""
    star = form.rstrip().endswith("*")
    words = [form[t.start : t.end] for t in tokenize(form.rstrip().rstrip("*"))]
    return " ".join(words) + ("*" if star and words else "")


@cache
def matcher(lang: str) -> PhraseMatcher[int]:
    """Phrase matcher over every form of ``lang``'s lexicon; payload = index into ``entries(lang)``."""
    return PhraseMatcher((_as_tokens(form), i) for i, e in enumerate(entries(lang)) for form in e.forms)


def languages() -> tuple[str, ...]:
    return tuple(lang for lang in available_languages() if lexicon(lang) is not None)
