"""Word frequency bands, frozen beside the weights like the gazetteer.

A name the tagger never saw in training is still recognisable by how the
language uses it: common nouns are frequent and take the definite article
(الـ, הַ), transliterated foreign names are rarer and almost never do.  The
bands come from the ``wordfreq`` package's large Arabic and Hebrew lists
(built from Wikipedia, news, subtitles, web text; CC BY-SA 4.0), folded
with ``dragoman.text.normalize`` and frozen into ``models/wordfreq.json``
so that ``wordfreq`` is needed only to rebuild it.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources
from pathlib import Path

from dragoman.text import normalize_key

WORDFREQ_FILE = "wordfreq.json"
_TOP_N = 60_000  # enough to cover the common vocabulary; names beyond it read as rare
LANGS = ("ar", "he")


def build() -> dict[str, dict[str, int]]:
    """Folded word -> Zipf frequency x 10 (rounded), top words per language."""
    from wordfreq import top_n_list, word_frequency

    out: dict[str, dict[str, int]] = {}
    for lang in LANGS:
        mass: dict[str, float] = {}
        for w in top_n_list(lang, _TOP_N, wordlist="large"):
            key = normalize_key(w)
            if key and " " not in key:
                mass[key] = mass.get(key, 0.0) + word_frequency(w, lang, wordlist="large")
        out[lang] = {k: round(10 * (math.log10(f) + 9)) for k, f in sorted(mass.items()) if f > 0}
    return out


def write(path: Path) -> None:
    path.write_text(
        json.dumps(build(), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8"
    )


def default_path() -> Path:
    return Path(str(resources.files("dragoman.ner").joinpath("models", WORDFREQ_FILE)))


@cache
def table(lang: str) -> dict[str, int]:
    """Zipf x 10 per folded word; empty for a language without a list."""
    path = default_path()
    if not path.is_file():
        return {}
    data: dict[str, dict[str, int]] = json.loads(path.read_text("utf-8"))
    return data.get(lang, {})
