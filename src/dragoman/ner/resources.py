"""Per-language NER knowledge (``lang/data/<code>/ner.yaml``), validated and folded.

The YAML files are written in natural spelling; everything is folded with
``dragoman.text.normalize`` when loaded so that the features compare like
with like, whatever the hamza or geresh variant the writer used.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import load_resource
from dragoman.text import normalize_key


class NerResource(BaseModel):
    """Schema of ``ner.yaml``: unknown keys are an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")
    description: str = ""
    # Proclitic slots in the order they attach; each slot is optional.
    prefix_slots: list[list[str]] = Field(default_factory=list)
    min_stem: int = Field(default=2, ge=1)
    # The definite article as written on the word (ال, ה): common nouns take it, names rarely do.
    definite_article: str = ""
    titles: list[str] = Field(default_factory=list)
    speech_verbs: list[str] = Field(default_factory=list)
    org_cues: list[str] = Field(default_factory=list)
    place_cues: list[str] = Field(default_factory=list)
    person_names: list[str] = Field(default_factory=list)


CUE_KINDS: tuple[str, ...] = ("title", "speech", "org", "place")


@dataclass(frozen=True, slots=True)
class LangNer:
    """The folded, ready-to-match form of one language's ``ner.yaml``."""

    prefixes: tuple[str, ...]  # every slot combination, longest first
    min_stem: int
    article: str
    cues: dict[tuple[str, ...], str]  # folded token sequence -> cue kind
    max_cue_len: int
    person_names: frozenset[str]


def _combinations(slots: list[list[str]]) -> list[str]:
    out = [""]
    for slot in slots:
        out = out + [p + s for p in out for s in slot]
    return sorted({p for p in out if p}, key=lambda p: (-len(p), p))


@cache
def lang_ner(lang: str) -> LangNer:
    res = load_resource(lang, "ner", NerResource) or NerResource()
    cues: dict[tuple[str, ...], str] = {}
    lists = (res.titles, res.speech_verbs, res.org_cues, res.place_cues)
    for kind, words in zip(CUE_KINDS, lists, strict=True):
        for w in words:
            cues.setdefault(tuple(normalize_key(w).split()), kind)
    return LangNer(
        prefixes=tuple(normalize_key(p) for p in _combinations(res.prefix_slots)),
        min_stem=res.min_stem,
        article=normalize_key(res.definite_article),
        cues=cues,
        max_cue_len=max((len(k) for k in cues), default=0),
        person_names=frozenset(normalize_key(n) for n in res.person_names),
    )
