"""Load and merge the knowledge-base files into one read-only ``KnowledgeBase``.

Generated CLDR names and curated files are merged here, never in the files
themselves.  Every file in ``kb/data/`` must have a schema in ``FILES``; an
unknown file is an error, so nothing is silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from dragoman.kb.langdata import demonyms
from dragoman.kb.schema import (
    GENERATED_FILE,
    ActorsFile,
    CountriesFile,
    GeneratedFile,
    Role,
    SkeletonRules,
    TreatiesFile,
)
from dragoman.lang import available_languages
from dragoman.model import EntityType, MentionKind
from dragoman.text import normalize_key

__all__ = ["FILES", "KbError", "KbName", "KnowledgeBase", "Record", "load_kb", "read_file"]

# Every data file and its schema. Actor files share one schema.
FILES: dict[str, type[BaseModel]] = {
    GENERATED_FILE: GeneratedFile,
    "countries.yaml": CountriesFile,
    "people.yaml": ActorsFile,
    "organizations.yaml": ActorsFile,
    "agreements.yaml": ActorsFile,
    "places.yaml": ActorsFile,
    "skeleton.yaml": SkeletonRules,
    "treaties.yaml": TreatiesFile,  # the accession tracker's documented memberships (dragoman.tracker)
}

try:  # the C loader parses the generated file several times faster
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class KbError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Record:
    """One actor of the KB, whatever file it came from."""

    id: str
    type: EntityType
    canonical: str
    qid: str | None = None
    country: str | None = None  # ISO code
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class KbName:
    """One surface form of an actor in one language."""

    lang: str
    text: str
    kb_id: str
    kind: MentionKind
    type: EntityType
    exact: bool = False  # match the original letter case only


@dataclass
class KnowledgeBase:
    records: dict[str, Record] = field(default_factory=dict)
    names: list[KbName] = field(default_factory=list)

    def get(self, kb_id: str) -> Record | None:
        return self.records.get(kb_id)

    def names_for(self, lang: str) -> Iterator[KbName]:
        return (n for n in self.names if n.lang == lang)

    def holders(self, role: str, of: str, day: date | None) -> list[str]:
        """Who held ``role`` of ``of`` on ``day`` (every holder ever when ``day`` is None)."""
        out: list[str] = []
        for rec in self.records.values():
            for r in rec.roles:
                if r.role == role and r.of == of and (day is None or r.active(day)):
                    out.append(rec.id)
                    break
        return out

    def choose(self, ids: list[str], day: date | None) -> str:
        """Pick one of several actors sharing a name: the one in office on ``day``, else the latest."""
        if len(ids) == 1:
            return ids[0]
        if day is not None:
            active = [i for i in ids if any(r.active(day) for r in self.records[i].roles)]
            if len(active) == 1:
                return active[0]
        return max(ids, key=lambda i: max((r.start or "" for r in self.records[i].roles), default=""))


def read_file(name: str) -> BaseModel:
    """Parse and validate one file of ``kb/data``."""
    schema = FILES.get(name)
    if schema is None:
        raise KbError(f"kb/data/{name}: no schema for this file; add it to dragoman.kb.loader.FILES")
    text = resources.files("dragoman.kb").joinpath("data", name).read_text("utf-8")
    try:
        return schema.model_validate(yaml.load(text, Loader=_Loader) or {})
    except (yaml.YAMLError, ValidationError) as exc:
        raise KbError(f"kb/data/{name}: {exc}") from exc


def data_files() -> list[str]:
    root = resources.files("dragoman.kb").joinpath("data")
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".yaml"))


_PAREN = re.compile(r"\s*[()]\s*")


def _variants(name: str) -> list[str]:
    # CLDR writes "هيبرون (مدينة الخليل)": both parts are names of the city.
    return [p.strip() for p in _PAREN.split(name) if p.strip()]


def _city_id(zone: str) -> str:
    return "city:" + zone.rsplit("/", 1)[-1].lower().replace("_", "-")


class _Builder:
    def __init__(self) -> None:
        self.kb = KnowledgeBase()
        self._seen: set[tuple[str, str, str, MentionKind]] = set()

    def record(self, rec: Record) -> None:
        if rec.id in self.kb.records:
            raise KbError(f"duplicate KB id {rec.id!r}")
        self.kb.records[rec.id] = rec

    def name(self, lang: str, text: str, rec: Record, kind: MentionKind, *, exact: bool = False) -> None:
        for variant in _variants(text):
            key = (lang, variant if exact else normalize_key(variant), rec.id, kind)
            if key in self._seen:
                continue
            self._seen.add(key)
            etype = EntityType.GPE if kind in (MentionKind.NISBA, MentionKind.METONYM) else rec.type
            self.kb.names.append(KbName(lang, variant, rec.id, kind, etype, exact))

    def names(
        self, rec: Record, names: dict[str, list[str]], kind: MentionKind, *, exact: bool = False
    ) -> None:
        for lang, forms in names.items():
            for form in forms:
                self.name(lang, form, rec, kind, exact=exact)


def _nisba_forms(lang: str, country_names: list[str], iso: str) -> set[str]:
    data = demonyms(lang)
    if data is None:
        return set()
    bases = {normalize_key(b) for b in data.demonyms.get(iso, [])}
    rule = data.generate
    if rule is not None:
        for name in country_names:
            if " " in name.strip():
                continue  # multi-word names have no regular nisba
            # The article is cut as written: folded, the hamza of ألمانيا would read as ال.
            for p in rule.strip_prefixes:
                if name.startswith(p):
                    name = name[len(p) :]
                    break
            stem = normalize_key(name)
            for s in (normalize_key(x) for x in rule.strip_suffixes):
                if stem.endswith(s):
                    stem = stem[: -len(s)]
                    break
            if len(stem) < rule.min_length:
                continue
            stem = stem[:-1] + rule.finals.get(stem[-1], stem[-1])
            bases.add(stem + rule.suffix)
    excluded = {normalize_key(x) for x in data.exclude}
    forms = {b + normalize_key(i) for b in bases for i in data.inflections}
    return {f for f in forms if f and f not in excluded}


@cache
def load_kb() -> KnowledgeBase:
    """The merged knowledge base, built once per process.

    Deliberately not cached on disk: a pickled cache under ``~/.cache`` had a
    predictable name, and unpickling it ran whatever code a planted file held.
    Building the KB and the three alias indexes takes about 0.1 s of CPU, a
    process start costs about 0.06 s more than with the old cache (see
    docs/kb.md): too little to be worth a file format and its checks.
    """
    return build_kb()


def build_kb() -> KnowledgeBase:
    """Read, validate and merge every KB file (no cache)."""
    unknown = set(data_files()) - set(FILES)
    if unknown:
        raise KbError(f"kb/data has files without a schema: {sorted(unknown)}")
    gen = read_file(GENERATED_FILE)
    countries = read_file("countries.yaml")
    assert isinstance(gen, GeneratedFile) and isinstance(countries, CountriesFile)
    b = _Builder()
    langs = set(gen.languages) | set(available_languages())
    nisba_jobs: list[tuple[str, list[str], str, Record]] = []
    for iso, cldr in gen.countries.items():
        cur = countries.countries.get(iso)
        canonical = (cur.canonical if cur and cur.canonical else None) or cldr.get("en", iso)
        rec = Record(f"country:{iso}", EntityType.GPE, canonical, cur.qid if cur else None, iso)
        b.record(rec)
        for lang, name in cldr.items():
            b.name(lang, name, rec, MentionKind.NAME)
        if cur is not None:
            b.names(rec, cur.names, MentionKind.NAME)
            b.names(rec, cur.aliases, MentionKind.ALIAS)
            b.names(rec, cur.exact, MentionKind.NAME, exact=True)
        for lang in langs:
            names = [cldr[lang]] if lang in cldr else []
            names += cur.names.get(lang, []) if cur else []
            nisba_jobs.append((lang, names, iso, rec))
    # A generated adjective that spells a country's name is that name, not an adjective: the
    # accusative "روسيا" of روسي is Russia itself ("زار الرئيس روسيا" is no "Russian president").
    country_keys = {(n.lang, normalize_key(n.text)) for n in b.kb.names if n.kind is MentionKind.NAME}
    for lang in sorted(langs):
        dem = demonyms(lang)
        stray = sorted(set(dem.demonyms) - set(gen.countries)) if dem else []
        if stray:  # a mistyped code would drop its adjectives silently
            raise KbError(f"lang/data/{lang}/demonyms.yaml: no KB country {stray}")
    for lang, names, iso, rec in nisba_jobs:
        for form in sorted(_nisba_forms(lang, names, iso)):
            if (lang, form) not in country_keys:
                b.name(lang, form, rec, MentionKind.NISBA)
    for code, region_names in gen.regions.items():
        region = Record(f"region:{code}", EntityType.PLACE, region_names.get("en", code))
        b.record(region)
        for lang, name in region_names.items():
            b.name(lang, name, region, MentionKind.NAME)
    _add_capitals(b, gen, countries)
    for name in ("people.yaml", "organizations.yaml", "agreements.yaml", "places.yaml"):
        data = read_file(name)
        assert isinstance(data, ActorsFile)
        for actor in data.actors:
            rec = Record(actor.id, actor.type, actor.canonical, actor.qid, actor.country, tuple(actor.roles))
            b.record(rec)
            b.names(rec, actor.names, MentionKind.NAME)
            b.names(rec, actor.aliases, MentionKind.ALIAS)
            b.names(rec, actor.exact, MentionKind.NAME, exact=True)
    _check_roles(b.kb)
    return b.kb


def _add_capitals(b: _Builder, gen: GeneratedFile, countries: CountriesFile) -> None:
    for iso, cur in countries.countries.items():
        cap = cur.capital
        if cap is None:
            continue
        names = dict(gen.cities.get(cap.zone, {})) if cap.zone else {}
        if cap.zone and not names:
            raise KbError(f"countries.yaml: {iso} capital zone {cap.zone!r} has no CLDR names")
        en = names.get("en") or next(iter(cap.names.get("en", [])), iso)
        # The city itself is always an actor (a PLACE); a metonymic capital is also
        # a name of its state's government, chosen unless the context is locative.
        city = Record(_city_id(cap.zone or en), EntityType.PLACE, en, None, iso)
        b.record(city)
        targets = [(city, MentionKind.NAME)]
        if cap.metonym:
            targets.append((b.kb.records[f"country:{iso}"], MentionKind.METONYM))
        for target, kind in targets:
            for lang, name in names.items():
                b.name(lang, name, target, kind)
            b.names(target, cap.names, kind)
    for zone in countries.cities:
        found = gen.cities.get(zone)
        if not found:
            raise KbError(f"countries.yaml: city zone {zone!r} has no CLDR names")
        rec = Record(_city_id(zone), EntityType.PLACE, found.get("en", zone), None, None)
        b.record(rec)
        for lang, name in found.items():
            b.name(lang, name, rec, MentionKind.NAME)


def _check_roles(kb: KnowledgeBase) -> None:
    for rec in kb.records.values():
        for r in rec.roles:
            if r.of not in kb.records:
                raise KbError(f"{rec.id}: role {r.role!r} of unknown actor {r.of!r}")
