"""English glosses of names the knowledge base does not know."""

from __future__ import annotations

import re

from dragoman.kb.names import name_key, readable
from dragoman.link.rules import Rules
from dragoman.text import normalize


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
