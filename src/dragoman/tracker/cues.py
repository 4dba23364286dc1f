"""The accession tracker's language knowledge: ``lang/data/<code>/tracker.yaml``, validated.

What a sentence about an agreement says about a state's way into it is read
from cue words per language: words that refer back to an agreement already
named ("the accords"), words of inclusion ("to include"), status words
("refused", "in its early stages"), condition words ("a precondition", "an
obstacle", "a waiver") and condition topics with their English gloss ("a
peace agreement" -> "{parties} peace agreement").  Words are matched folded
and clitic-stripped, ``*`` ending a word matches every word it begins
(``dragoman.events.matcher``).  A language without the file gives the
tracker only the events and entities of its articles.
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dragoman.lang import load_resource, register_resource

__all__ = ["CONDITION_KINDS", "STATUS_CUES", "ConditionTopic", "TrackerCues", "tracker_cues"]

CONDITION_KINDS = ("precondition", "obstacle", "sanction", "waiver")
# Cue kinds a sentence may carry about a state's status; ``hedge`` (it seems...) makes an
# accession the article only speculates about count as a mention, ``intent`` (wants to...) makes
# one the event stage read as done a candidacy: wanting to be part of it is not having joined.
STATUS_CUES = ("talks", "candidate", "declined", "blocked", "withdrawn", "hedge", "intent")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConditionTopic(_Strict):
    """What a condition is about, and how to say it in English.

    ``gloss`` may hold ``{parties}``: the states the sentence names (not
    brokers, not members), joined with an en dash; ``alone`` is used when
    it names none.
    """

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: str
    gloss: str
    alone: str
    words: list[str]

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        if v not in CONDITION_KINDS:
            raise ValueError(f"kind must be one of {CONDITION_KINDS}")
        return v


class TrackerCues(_Strict):
    description: str = ""
    anaphors: list[str] = Field(default_factory=list)  # "the accords": the last agreement named
    inclusion: list[str] = Field(default_factory=list)  # "to include", "expansion to": an accession cue
    counterpart: list[str] = Field(default_factory=list)  # "with": a state right after it is the other side
    conjunctions: list[str] = Field(default_factory=list)  # "and", "or": what joins states listed together
    status: dict[str, list[str]] = Field(default_factory=dict)
    conditions: dict[str, list[str]] = Field(default_factory=dict)
    topics: list[ConditionTopic] = Field(default_factory=list)
    # Words of clearing obstacles away ("remove all obstacles", "إزالة العقبات", "הסרת המכשולים"): an
    # obstacle word they stand right before is one being cleared, not one a source cites.
    removal: list[str] = Field(default_factory=list)

    @field_validator("status")
    @classmethod
    def _status(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = set(v) - set(STATUS_CUES)
        if bad:
            raise ValueError(f"status cues are {STATUS_CUES}, not {sorted(bad)}")
        return v

    @field_validator("conditions")
    @classmethod
    def _conditions(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = set(v) - set(CONDITION_KINDS)
        if bad:
            raise ValueError(f"condition kinds are {CONDITION_KINDS}, not {sorted(bad)}")
        return v


register_resource("tracker", TrackerCues)


@cache
def tracker_cues(lang: str) -> TrackerCues | None:
    return load_resource(lang, "tracker", TrackerCues)
