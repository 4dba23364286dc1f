"""Schemas of the knowledge-base files in ``kb/data/``.

Every file is validated on load and unknown keys are errors, so a typo in
a hand-written entry fails loudly instead of silently dropping a name.
Names are given per language code; the matcher folds spelling variants
itself (``dragoman.text.normalize``), so only genuinely different
spellings (نتنياهو / نتانياهو) need listing.
"""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dragoman.model import EntityType

# Written by ``python -m dragoman.kb.generate``; named here so loading never imports the generator.
GENERATED_FILE = "countries.generated.yaml"

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Names = dict[str, list[str]]  # language code -> surface forms


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_partial(value: str | None) -> str | None:
    if value is not None and not _PARTIAL_DATE.match(value):
        raise ValueError(f"dates are YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def date_bounds(value: str, *, upper: bool) -> date:
    """Earliest (or latest) day a partial date ``YYYY[-MM[-DD]]`` can mean."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if not upper:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31) if upper else date(parts[0], 1, 1)


class Role(_Strict):
    """An office held over a period. ``end`` None means still held (as far as we know)."""

    role: str  # key shared with lang/data/<code>/titles.yaml: head_of_state, foreign_minister...
    of: str  # the polity or organisation: "country:IL", "org:un"
    start: str | None = None
    end: str | None = None
    note: str = ""

    @field_validator("start", "end")
    @classmethod
    def _partial(cls, v: str | None) -> str | None:
        return _check_partial(v)

    def active(self, day: date) -> bool:
        if self.start is not None and day < date_bounds(self.start, upper=False):
            return False
        return not (self.end is not None and day > date_bounds(self.end, upper=True))


class Actor(_Strict):
    """A person, organisation, agreement, law... that articles name."""

    id: str = Field(pattern=r"^[a-z]+:[A-Za-z0-9_./-]+$")
    type: EntityType
    canonical: str  # English gloss
    qid: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    country: str | None = None  # ISO code of the state the actor belongs to, when any
    names: Names = Field(default_factory=dict)
    # Pejorative or informal names (kind ALIAS): "الكيان الصهيوني".
    aliases: Names = Field(default_factory=dict)
    # Forms matched only with the original letter case (English "US" is not "us").
    exact: Names = Field(default_factory=dict)
    roles: list[Role] = Field(default_factory=list)
    note: str = ""


class Capital(_Strict):
    zone: str | None = None  # CLDR time-zone id whose exemplar city is the capital (names come from CLDR)
    names: Names = Field(default_factory=dict)  # extra or non-CLDR names (Washington)
    # True when the capital's name routinely stands for the government ("Baku said").
    metonym: bool = True


class Country(_Strict):
    qid: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$")
    canonical: str | None = None  # English gloss when CLDR's is not the usual news name
    names: Names = Field(default_factory=dict)
    aliases: Names = Field(default_factory=dict)
    exact: Names = Field(default_factory=dict)
    # Forms CLDR gives that are too ambiguous to match on their own in running text.
    skip: Names = Field(default_factory=dict)
    capital: Capital | None = None
    note: str = ""


class CountriesFile(_Strict):
    description: str = ""
    countries: dict[str, Country] = Field(default_factory=dict)
    # Other cities worth matching as places (CLDR time-zone ids).
    cities: list[str] = Field(default_factory=list)

    @field_validator("countries")
    @classmethod
    def _iso(cls, v: dict[str, Country]) -> dict[str, Country]:
        bad = [k for k in v if not re.fullmatch(r"[A-Z]{2}", k)]
        if bad:
            raise ValueError(f"country keys are ISO 3166 alpha-2 codes: {bad}")
        return v


class ActorsFile(_Strict):
    description: str = ""
    actors: list[Actor] = Field(default_factory=list)


class GeneratedFile(_Strict):
    babel: str
    languages: list[str]
    countries: dict[str, dict[str, str]]
    regions: dict[str, dict[str, str]] = Field(default_factory=dict)  # UN M49 code -> names
    cities: dict[str, dict[str, str]]


class SkeletonRules(_Strict):
    """How a romanised name is reduced to a cross-script key (see ``kb.names``)."""

    description: str = ""
    replace: list[tuple[str, str]] = Field(default_factory=list)  # applied in order, multi-letter first
    classes: dict[str, str] = Field(default_factory=dict)  # letter -> class letter
    drop: str = ""  # letters without a consonant class (vowels, glides, laryngeals)
    min_length: int = 3  # shorter keys are too ambiguous to link on


# Statuses the accession tracker uses (dragoman.tracker); documented ones come from treaties.yaml.
TRACKER_STATUSES = ("member", "joined", "candidate", "talks", "conditional", "declined", "blocked", "withdrawn",
                    "mentioned")


class TreatySource(_Strict):
    cite: str  # who published what, when: restated, never quoted
    url: str | None = None


class TreatyParty(_Strict):
    """A state's documented status in an agreement from ``since``: founders are ``member``, later ones ``joined``."""

    state: str = Field(pattern=r"^country:[A-Z]{2}$")
    status: str
    since: str
    source: str  # a key of TreatiesFile.sources
    note: str = ""

    @field_validator("status")
    @classmethod
    def _status(cls, v: str) -> str:
        if v not in TRACKER_STATUSES:
            raise ValueError(f"status must be one of {TRACKER_STATUSES}, not {v!r}")
        return v

    @field_validator("since")
    @classmethod
    def _since(cls, v: str) -> str:
        return _check_partial(v) or v


class Treaty(_Strict):
    agreement: str = Field(pattern=r"^agreement:[A-Za-z0-9_./-]+$")
    note: str = ""
    brokers: list[str] = Field(default_factory=list)  # states that sponsor it without being a party
    parties: list[TreatyParty] = Field(default_factory=list)


class SanctionLaw(_Strict):
    """A statutory sanction the tracker recognises as a condition on its targets' accessions."""

    law: str = Field(pattern=r"^law:[A-Za-z0-9_./-]+$")
    also: list[str] = Field(default_factory=list)  # other KB ids articles cite it by (its parent act)
    imposer: str
    targets: list[str]
    source: str


class TreatiesFile(_Strict):
    description: str = ""
    sources: dict[str, TreatySource] = Field(default_factory=dict)
    treaties: list[Treaty] = Field(default_factory=list)
    sanction_laws: list[SanctionLaw] = Field(default_factory=list)
