"""English glosses of names the knowledge base does not know.

Arabic names go through ``arabic-name-romanizer`` (UNICEF; a dictionary of
attested Latin spellings built from Wikidata, used without its ONNX fallback,
which costs ten times more), so نادر حمدان الصباغ reads "Nader Hamdan
Sabbagh", not "Ndr Hmdn al-Sbgh".  Other scripts are romanised letter by
letter with the matres lectionis read as vowels; a word that still has no
vowel is not a name anyone can read, so the gloss is then the name as
written (the entity's ``name_key`` still matches it across scripts).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from anyascii import anyascii

from dragoman.kb.langdata import demonyms
from dragoman.kb.names import name_key, readable
from dragoman.link.rules import Rules
from dragoman.model import Article, Mention, MentionKind, Span
from dragoman.text import normalize, normalize_key


def latin_surface(surfaces: list[str]) -> str | None:
    latin = [s for s in surfaces if s.isascii() and any(c.isalpha() for c in s)]
    return max(latin, key=len) if latin else None


_LATIN_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|von|van))*", re.ASCII)


def latin_names(text: str) -> dict[str, str]:
    """Capitalised Latin-script runs of an article by name key ("(Simon Moshishvili)" in an Arabic text)."""
    out: dict[str, str] = {}
    for hit in _LATIN_NAME.finditer(text):
        words = hit.group().split()
        for a in range(len(words)):
            for b in range(a + 1, min(len(words), a + 4) + 1):
                phrase = " ".join(words[a:b])
                out.setdefault(name_key(phrase, "en"), phrase)
    return out


def romanized_gloss(surface: str, lang: str, rules: Rules) -> str:
    """A readable romanisation, word by word, writing kept articles the usual way (al-, ha-)."""
    out: list[str] = []
    for k, word in enumerate(surface.split()):
        n = normalize(word).text
        written = ""
        for g in rules.gloss:
            if (k or g.first_word) and n.startswith(g.prefix) and len(n) - len(g.prefix) >= 2:
                written, n = g.written, n[len(g.prefix) :]
                break
        initial = rules.initials.get(n[:1])
        reading = initial + readable(n[1:], lang) if initial is not None else readable(n, lang)
        out.append(written + reading.capitalize())
    return " ".join(out)


_VOWEL = re.compile(r"[aeiouyAEIOUY]")


@cache
def _arabic_romanizer() -> Any:
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:  # pragma: no cover - a runtime dependency; keep glossing without it
        return None
    return Transliterator(auto_load_model=False)


@lru_cache(maxsize=65536)
def arabic_name_gloss(surface: str) -> str | None:
    """The likeliest Latin spelling of an Arabic name, with the article written "al-" inside it."""
    romanizer = _arabic_romanizer()
    if romanizer is None:
        return None
    latin = anyascii(str(romanizer.transliterate(surface))).split()
    if not latin:
        return None
    words = [latin[0]] + [("al-" + w[3:]) if w.startswith("Al-") else w for w in latin[1:]]
    return " ".join(words)


def readable_gloss(surface: str, lang: str, rules: Rules) -> str:
    """The gloss of an unknown name: a romanisation a reader can say, else the name as written."""
    if lang == "ar":
        latin = arabic_name_gloss(surface)
        if latin and all(_VOWEL.search(w) for w in latin.split()):
            return latin
    latin = romanized_gloss(surface, lang, rules)
    if all(_VOWEL.search(w.rsplit("-", 1)[-1]) for w in latin.split()):
        return latin
    return surface


@cache
def _english_adjectives() -> dict[str, str]:
    """ISO code -> the English adjective of the state ("TR" -> "Turkish"), from lang/data/en/demonyms.yaml."""
    data = demonyms("en")
    return {iso: bases[0] for iso, bases in (data.demonyms.items() if data else ()) if bases}


def institution_gloss(article: Article, mentions: list[Mention], rules: Rules,
                      state_name: Callable[[str], str | None]) -> str | None:
    """"Turkish Trade Ministry" for "وزارة التجارة التركية": an institution's common words and its state.

    A name that ends in a state's adjective or, in a construct, its name ("ממשלת לוב") after words
    ``rules.institutions`` knows (a leading
    conjunction or preposition clitic allowed) is glossed from them; anything else is left
    to the romaniser.  ``state_name`` gives the English name of a state with no adjective in the
    data ("Foreign Ministry of Norland").
    """
    if not rules.institutions:
        return None
    # the state after the institution's words: its adjective (وزارة التجارة التركية) or, in a
    # construct, its name (ממשלת לוב، حكومة ليبيا)
    nisbas = [(n, n.kb_id) for n in article.mentions
              if n.kind in (MentionKind.NISBA, MentionKind.NAME) and n.kb_id and n.kb_id.startswith("country:")]
    for m in sorted(mentions, key=lambda m: m.span.start - m.span.end):  # the longest first
        span: Span = m.span
        for n, state in nisbas:
            if not (span.start < n.span.start and n.span.end == span.end):
                continue
            words = normalize_key(article.text[span.start : n.span.start])
            english = rules.institutions.get(words)
            if english is None:  # "ووزارة الدفاع", "لوزارة الدفاع": one clitic before the head
                for clitic in rules.conjunctions + _PREPOSITIONS:
                    if words.startswith(clitic) and words[len(clitic):] in rules.institutions:
                        english = rules.institutions[words[len(clitic):]]
                        break
            if english is None:
                continue
            iso = state.removeprefix("country:")
            adjective = _english_adjectives().get(iso)
            if adjective:
                return f"{adjective} {english}"
            name = state_name(state)
            if name:
                return f"{english} of {name}"
    return None


# One-letter prepositions that attach to the next word in Arabic and Hebrew (ل, ب; ל, ב, מ).
_PREPOSITIONS: tuple[str, ...] = ("ل", "ب", "ל", "ב", "מ")
