"""Argument frames per event code, with the entity types allowed in each role (``events/data/frames.yaml``)."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from dragoman.events.plover import is_known
from dragoman.model import EntityType


class Frame(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    actor: str  # what the actor is, in words (documented in docs/events.md)
    recipient: str
    # Both parties are doers: "talks between X and Y", "X and Y agreed".
    symmetric: bool = False
    # Only these types may be the recipient (an accession's recipient is what is joined).
    recipient_types: list[EntityType] | None = None
    # Its clause may name the act it is about: talks on, a demand for, an accusation of.
    about_acts: bool = False
    # A noun trigger's actor is the party it is *of* (its genitive or possessive): "Azerbaijan's
    # accession", انضمامها (events/genitive.py).
    genitive_actor: bool = False
    # Modes ("*": any) whose place names the recipient when the text names none: a visit
    # to Beirut is a visit to Lebanon, an embassy in Tashkent is hosted by Uzbekistan.
    place_hosts: list[str] = Field(default_factory=list)
    # The subject of its passive is still the doer ("troops were withdrawn", "guerrillas have been
    # demobilized": they withdrew), not the one acted on as for "were killed" (events/argmodel.py).
    passive_subject_acts: bool = False
    # The people counted as its casualties ("five people", أشخاص، مدنيين: events.yaml: casualty_nouns)
    # are acted on, never the doer: chosen as the actor they change places with the recipient.
    casualties_never_act: bool = False
    # Its recipient is what the act is about, not whom it is told to: "complained to the UN
    # over Israeli raids" accuses Israel; a party marked *about* or *against* after the
    # trigger wins over one marked *to* (events/argmodel.py).
    about_over_addressee: bool = False
    # The event is talks itself: a talks cue ("discussed", محادثات، מגעים) tells no talks about
    # it, so it does not colour its status ("the talks, held directly, discussed ...").
    talks_itself: bool = False
    # The pair after *between* makes the act ("a truce between X and Y" is X's and Y's), whoever
    # is said to seek, broker or secure it; talks between X and Y may be mediated by a third.
    pair_acts: bool = False
    # The event is a saying (an accusation, a demand, a threat): a denial or refusal of it
    # ("denied the accusations", "رفضت الطلب") rejects what it says; it was still said.
    said: bool = False
    # The act its clause tells after it is another party's: what one condemns, blames or asks
    # for is not one's own act, so that act does not borrow this event's doer
    # (events/borrowed.py: "condemned the attack", "called on X to withdraw").
    others_act: bool = False
    # A party after a venue word ("at": events.yaml: venue_markers) may be its target ("fired at a
    # ship", "lashed out at X"); for every other code it is where the act took place.
    aimed_at: bool = False
    # A verb of its code ends or halts what its object noun names ("suspended its trade agreement",
    # "halted the talks"): the noun tells no agreement or talks of its own (events/objects.py).
    voids_object: bool = False
    # The object codes such a verb ends, when it ends only those ("lift some sanctions on X": the
    # sanctions lifted are none imposed; "a waiver that allows X to buy" keeps what it allows).
    voids_codes: list[str] = Field(default_factory=list)
    # The party *by* whom what it accepts was put forward is its recipient when no other is told:
    # "agreed to the proposal presented to it by X" accepts X's proposal (events/argmodel.py).
    proposer_recipient: bool = False


class Frames(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    description: str = ""
    never_actor: list[EntityType] = Field(default_factory=list)
    never_recipient: list[EntityType] = Field(default_factory=list)
    frames: dict[str, Frame]


@cache
def frames() -> Frames:
    text = resources.files("dragoman.events").joinpath("data", "frames.yaml").read_text("utf-8")
    spec = Frames.model_validate(yaml.safe_load(text))
    unknown = sorted(k for k in spec.frames if not is_known(k))
    if unknown:
        raise ValueError(f"frames.yaml: unknown event codes {unknown}")
    return spec


_DEFAULT = Frame(actor="the doer", recipient="the party acted upon")


def frame(code: str) -> Frame:
    return frames().frames.get(code, _DEFAULT)


def hosted_by_place(code: str, mode: str | None) -> bool:
    """Does the place of an event of this code and mode name its recipient when none is named?"""
    hosts = frame(code).place_hosts
    return "*" in hosts or (mode is not None and mode in hosts)


@cache
def may_be_actor(code: str, etype: EntityType) -> bool:
    return etype not in frames().never_actor


@cache
def may_be_recipient(code: str, etype: EntityType) -> bool:
    f = frame(code)
    if f.recipient_types is not None:
        return etype in f.recipient_types
    return etype not in frames().never_recipient
