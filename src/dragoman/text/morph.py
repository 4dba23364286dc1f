"""Clitic and prefix stripping for matching (Arabic proclitics, Hebrew prefix letters).

Arabic attaches conjunctions, prepositions and the article to the next
word (وأذربيجان، لإسرائيل، وبالولايات); Hebrew does the same with
ו ה ב ל מ ש כ (ובאקו، לישראל، שבישראל).  A gazetteer or search index that
only compares whole tokens misses most mentions, so we enumerate the
possible (prefix, stem) splits of a *normalised* token and let the caller
look each stem up.  The legal prefix sequences are data
(``lang/data/<code>/morphology.yaml``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import Stemmer
from pydantic import BaseModel, ConfigDict, Field, field_validator

from dragoman.lang import load_resource
from dragoman.text.normalize import normalize_key


class Morphology(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    # Every proclitic sequence that may precede a stem, already normalised
    # (e.g. "و", "وال", "فبال"). The empty split is always tried first.
    prefixes: list[str] = Field(default_factory=list)
    # A stem must keep at least this many characters after stripping.
    min_stem: int = 2
    # Prefixes after which the stem may lose a doubled letter or the article's
    # alef ("لل" + "ولايات" for ل + الولايات): stem rewrites as [prefix, restore].
    restore: list[tuple[str, str]] = Field(default_factory=list)
    # The Snowball stemmer search uses for this language's inflections
    # (embassies ~ embassy), by its PyStemmer name; None: clitics only.
    snowball: str | None = None
    # Pronoun enclitics (normalised) and the letters a word's end takes before them, bound -> free:
    # Arabic موافقتها is موافقة + ها, its ta marbuta written ت before the suffix.  Only words
    # that end in a bound letter before the suffix get the extra reading (``enclitic_forms``).
    enclitics: list[str] = Field(default_factory=list)
    bound_endings: dict[str, str] = Field(default_factory=dict)
    # Letters a stem keeps before the bound letter, so short words are not read as suffixed.
    enclitic_min_stem: int = 3

    @field_validator("snowball")
    @classmethod
    def _known_stemmer(cls, name: str | None) -> str | None:
        if name is not None and name not in _snowball_algorithms():
            raise ValueError(f"unknown Snowball stemmer {name!r}; PyStemmer has {sorted(_snowball_algorithms())}")
        return name


@cache
def morphology(lang: str) -> Morphology | None:
    return load_resource(lang, "morphology", Morphology)


@cache
def _snowball_algorithms() -> frozenset[str]:
    return frozenset(Stemmer.algorithms())


@cache
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


def snowball_stem(word: str, lang: str) -> str | None:
    """The Snowball stem of a normalised (lower-case) word, or None when ``lang`` declares no stemmer.

    PyStemmer keeps its own cache of recent words, so repeated vocabulary is cheap.
    """
    m = morphology(lang)
    if m is None or m.snowball is None:
        return None
    return str(_stemmer(m.snowball).stemWord(word))


@cache
def _sorted_prefixes(lang: str) -> tuple[str, ...]:
    m = morphology(lang)
    return tuple(sorted(set(m.prefixes), key=len, reverse=True)) if m else ()


# (token, lang) -> its readings.  Several stages ask for the same words (news vocabulary
# repeats), and trying every prefix is dozens of startswith calls; bounded for endless streams.
_SPLITS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
_SPLITS_LIMIT = 200_000


def splits(token: str, lang: str) -> list[tuple[str, str]]:
    """All (prefix, stem) readings of a normalised token, whole token first (a new list each call)."""
    key = (token, lang)
    hit = _SPLITS.get(key)
    if hit is None:
        if len(_SPLITS) >= _SPLITS_LIMIT:
            _SPLITS.clear()
        hit = _SPLITS[key] = tuple(_readings(token, lang))
    return list(hit)


def _readings(token: str, lang: str) -> list[tuple[str, str]]:
    out = [("", token)]
    m = morphology(lang)
    if m is None:
        return out
    for p in _sorted_prefixes(lang):
        if token.startswith(p) and len(token) - len(p) >= m.min_stem:
            out.append((p, token[len(p) :]))
    for p, restore in m.restore:
        if token.startswith(p) and len(token) - len(p) >= m.min_stem:
            out.append((p, restore + token[len(p) :]))
    return out


def stems(token: str, lang: str) -> list[str]:
    """Just the candidate stems, whole token first, without duplicates."""
    seen: dict[str, None] = {}
    for _, stem in splits(token, lang):
        seen.setdefault(stem, None)
    return list(seen)


# Token forms per language: every token of every sentence of the events, quotes and NER
# consistency passes comes here; bounded so a long-running pipeline does not grow without end.
_FORMS_LIMIT = 200_000
_FORMS: dict[str, dict[str, tuple[str, ...]]] = {}


def _fold_word(word: str, lang: str) -> tuple[str, ...]:
    return tuple(stems(normalize_key(word), lang)) if word.strip() else ("",)


def _per_word(
    words: Sequence[str],
    lang: str,
    store: dict[str, dict[str, tuple[str, ...]]],
    compute: Callable[[str, str], tuple[str, ...]],
) -> list[tuple[str, ...]]:
    """``compute(word, lang)`` for each word, kept per word in ``store[lang]`` (cleared when full).

    A plain dict per language, probed in the loop: an lru_cache call (key tuple, recency
    bookkeeping) cost more than the probe.
    """
    memo = store.get(lang)
    if memo is None:
        memo = store[lang] = {}
    get = memo.get
    out: list[tuple[str, ...]] = []
    for w in words:
        forms = get(w)
        if forms is None:
            if len(memo) >= _FORMS_LIMIT:
                memo.clear()
            forms = memo[w] = compute(w, lang)
        out.append(forms)
    return out


def token_forms(words: Sequence[str], lang: str) -> list[tuple[str, ...]]:
    """For each token, its folded form (``normalize_key``) followed by its clitic-stripped stems."""
    return _per_word(words, lang, _FORMS, _fold_word)


_ENCLITIC: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = {}


def enclitic_forms(forms: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """``forms`` plus the free form of each one that is a bound ending and a pronoun enclitic.

    موافقتها -> also موافقه (the folded موافقة), so a phrase list entry for the noun matches
    "its approval"; وموافقتهم -> also موافقه through its clitic-stripped stem.  The extra
    readings come after the others, so whatever matched before still matches first.
    """
    key = (forms, lang)
    hit = _ENCLITIC.get(key)
    if hit is not None:
        return hit
    m = morphology(lang)
    out = forms
    if m is not None and m.enclitics and m.bound_endings:
        extra: list[str] = []
        for f in forms:
            for suffix in m.enclitics:
                if not f.endswith(suffix):
                    continue
                base = f[: -len(suffix)]
                if len(base) - 1 >= m.enclitic_min_stem and base[-1] in m.bound_endings:
                    free = base[:-1] + m.bound_endings[base[-1]]
                    if free not in forms and free not in extra:
                        extra.append(free)
        out = forms + tuple(extra) if extra else forms
    if len(_ENCLITIC) >= _FORMS_LIMIT:
        _ENCLITIC.clear()
    _ENCLITIC[key] = out
    return out


_WITH_ENCLITICS: dict[str, dict[str, tuple[str, ...]]] = {}


def forms_with_enclitics(words: Sequence[str], lang: str) -> list[tuple[str, ...]]:
    """``enclitic_forms`` of each word's ``token_forms``: what the events' sentence views match on.

    Both depend on the word alone; every token of every sentence of the events and quotes
    passes comes here, so the result is kept per word (one probe, not two memos and a key tuple).
    """
    return _per_word(words, lang, _WITH_ENCLITICS, _word_with_enclitics)


def _word_with_enclitics(word: str, lang: str) -> tuple[str, ...]:
    return enclitic_forms(token_forms((word,), lang)[0], lang)
