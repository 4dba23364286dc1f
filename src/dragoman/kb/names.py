"""Name keys that survive script changes and spelling variants.

``skeleton`` romanises a name (per-language hints, then ``anyascii``) and
keeps only consonant classes, so Aliyev, علييف and עלייב share a key.
``name_key`` is the per-token skeleton of a whole name; the linker uses it
to cluster mentions within an article and the store groups local entities
across articles by it.  The reduction rules are data (``kb/data/skeleton.yaml``).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

import yaml
from anyascii import anyascii

from dragoman.kb.langdata import policy
from dragoman.kb.schema import SkeletonRules
from dragoman.text import normalize_key, tokenize

__all__ = ["name_key", "readable", "romanize", "skeleton", "skeleton_rules"]


@cache
def skeleton_rules() -> SkeletonRules:
    text = resources.files("dragoman.kb").joinpath("data", "skeleton.yaml").read_text("utf-8")
    return SkeletonRules.model_validate(yaml.safe_load(text))


def _base(lang: str | None) -> str:
    return (lang or "").split("-")[0].lower()


@lru_cache(maxsize=65536)
def romanize(word: str, lang: str | None = None) -> str:
    """ASCII reading of a name, using the language's hints first (Hebrew vav as a vowel...)."""
    folded = normalize_key(word)
    hints = policy(_base(lang)).romanize if _base(lang) else {}
    for src in sorted(hints, key=len, reverse=True):
        folded = folded.replace(src, hints[src])
    return anyascii(folded)


_CONSONANTAL = frozenset("bcdfghjklmnpqrstvxz")
_MATRES = {"y": "i", "w": "u"}


@lru_cache(maxsize=65536)
def readable(word: str, lang: str | None = None) -> str:
    """A romanisation a reader can pronounce, for glosses of names the KB lacks.

    Arabic and Hebrew write long vowels with consonant letters (matres
    lectionis), so a y or w standing between consonants, or after one at
    the end, is read as i or u; a repeated letter (the triple yod of
    חגיייב) is written once.  موشيشفيلي gives Mushishfili, not Mwshyshfyly.
    """
    s = romanize(word, lang).replace("`", "'")
    chars: list[str] = []
    for ch in s:
        if chars and ch.lower() == chars[-1].lower() and ch.isalpha():
            continue
        chars.append(ch)
    for k, ch in enumerate(chars):
        vowel = _MATRES.get(ch.lower())
        if vowel is None or k == 0:
            continue
        before = chars[k - 1].lower() in _CONSONANTAL
        after = k + 1 == len(chars) or chars[k + 1].lower() in _CONSONANTAL
        if before and after:
            chars[k] = vowel.upper() if ch.isupper() else vowel
    return "".join(chars)


@lru_cache(maxsize=65536)
def skeleton(word: str, lang: str | None = None) -> str:
    """Consonant-class key of one word ("" when nothing consonantal is left)."""
    rules = skeleton_rules()
    s = romanize(word, lang).lower()
    for src, dst in rules.replace:
        s = s.replace(src, dst)
    out: list[str] = []
    for ch in s:
        if ch in rules.drop or not ch.isalnum():
            continue
        cls = rules.classes.get(ch, ch)
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


@lru_cache(maxsize=65536)
def name_key(surface: str, lang: str | None = None) -> str:
    """Cross-script key of a name: per-token skeletons joined by spaces.

    Two mentions with the same key are taken to be the same name
    (حكمت حاجييف / Hikmet Hajiyev / חיכמת חגיייב -> "kmt gb").  Tokens
    without consonants are dropped; a name with none at all falls back to
    its folded form so the key is never empty for a non-empty name.
    """
    words = [surface[t.start : t.end] for t in tokenize(surface)]
    keys = [k for k in (skeleton(w, lang) for w in words if any(c.isalnum() for c in w)) if k]
    return " ".join(keys) if keys else normalize_key(surface)
