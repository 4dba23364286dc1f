"""Who an article lets speak: named, official, anonymous and media sources, from the quotes layer.

Each quote (direct or reported) counts once, by its resolved speaker:

* **media**: the speaker is a publication or outlet (``SpeakerKind.PUBLICATION`` / ``OUTLET``,
  a ``publication:`` id, or an entity whose knowledge-base name is a registered outlet's:
  "Newsweek said" is other media whichever way the quotes stage typed the speaker);
* **anonymous**: the quotes stage marked the speaker anonymous ("informed sources");
* **official**: a state or government speaking as such (``country:``/``office:`` ids, a
  capital standing for its government), an organisation whose knowledge-base name marks a
  state organ (ministry, office, army: ``framing/data/sourcing.yaml``), or a person who
  holds or held an office in the knowledge base (a dated role);
* **named**: any other identified speaker (a named expert, a think tank, a party).

Quotes with no resolved speaker are not counted: the layer could not say who speaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

from dragoman.kb import load_kb
from dragoman.model import Article
from dragoman.model.records import SpeakerKind

__all__ = ["Sourcing", "classify_speaker", "sourcing_profile"]


@dataclass(frozen=True, slots=True)
class Sourcing:
    named: int = 0
    official: int = 0
    anonymous: int = 0
    media: int = 0

    def __add__(self, other: Sourcing) -> Sourcing:
        return Sourcing(self.named + other.named, self.official + other.official,
                        self.anonymous + other.anonymous, self.media + other.media)

    @property
    def total(self) -> int:
        return self.named + self.official + self.anonymous + self.media

    def to_json(self) -> dict[str, int]:
        return {"named": self.named, "official": self.official, "anonymous": self.anonymous, "media": self.media}


class _Rules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""
    official_id_prefixes: list[str]
    official_org_words: list[str]


@cache
def _rules() -> _Rules:
    text = resources.files("dragoman.framing").joinpath("data", "sourcing.yaml").read_text("utf-8")
    return _Rules.model_validate(yaml.safe_load(text))


@cache
def _is_official(entity_id: str) -> bool:
    rules = _rules()
    if entity_id.startswith(tuple(rules.official_id_prefixes)):
        return True
    rec = load_kb().get(entity_id)
    if rec is None:
        return False
    if rec.roles:  # a person with a dated office in the knowledge base
        return True
    name = " " + " ".join(rec.canonical.replace("(", " ").replace(")", " ").split()) + " "
    return any(f" {w} " in name for w in rules.official_org_words)


@cache
def _is_media(entity_id: str) -> bool:
    from dragoman.framing.outlets import outlet_by_name

    if entity_id.startswith("publication:"):
        return True
    rec = load_kb().get(entity_id)
    return rec is not None and outlet_by_name(rec.canonical) is not None


def classify_speaker(kind: SpeakerKind, speaker: str | None) -> str | None:
    """named | official | anonymous | media, or None when the speaker is unknown."""
    if kind in (SpeakerKind.PUBLICATION, SpeakerKind.OUTLET) or (speaker is not None and _is_media(speaker)):
        return "media"
    if kind is SpeakerKind.ANONYMOUS:
        return "anonymous"
    if speaker is None:
        return None
    return "official" if _is_official(speaker) else "named"


def sourcing_profile(article: Article) -> Sourcing:
    counts = {"named": 0, "official": 0, "anonymous": 0, "media": 0}
    for q in article.quotes:
        if article.boilerplate and article.in_boilerplate(q.span):
            continue
        cls = classify_speaker(q.speaker_kind, q.speaker)
        if cls is not None:
            counts[cls] += 1
    return Sourcing(**counts)
