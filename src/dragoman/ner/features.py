"""Token features for the CRF taggers: one function for training and tagging.

``sentence_features`` is the only way features are made, so a model never
sees at run time a feature it was not trained with.  Everything is computed
on the folded form of the word (``dragoman.text.normalize``): news spells
the same name with and without hamza, geresh or niqqud.

Arabic and Hebrew glue proclitics to the next word (وبالعراق, ובאקו), so a
word alone is a sparse feature; the candidate stems after stripping each
allowed proclitic sequence (``ner.yaml``: ``prefix_slots``) let the model
share evidence between العراق and والعراق.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from dragoman.ner import gazetteer, wordfreq_table
from dragoman.ner.resources import LangNer, lang_ner
from dragoman.text import normalize

_QUOTES = frozenset({'"', "'", "«", "»"})  # folded forms of quotation tokens
_CACHE_LIMIT = 200_000  # words; a long-running pipeline must not grow without bound


def strip_clitics(word: str, lang: str) -> list[tuple[str, str]]:
    """Every ``(prefix, stem)`` split allowed by the language's proclitic slots.

    ``word`` must already be folded.  Longest prefix first; a stem shorter
    than ``min_stem`` is not offered (ב+ן is not a split of בן).
    """
    res = lang_ner(lang)
    known, longest = _prefix_set(lang)
    top = min(longest, len(word) - res.min_stem)
    return [(word[:k], word[k:]) for k in range(top, 0, -1) if word[:k] in known]


@cache
def _prefix_set(lang: str) -> tuple[frozenset[str], int]:
    # a set probed once per length beats testing every combination (Hebrew has 110)
    prefixes = lang_ner(lang).prefixes
    return frozenset(prefixes), max((len(p) for p in prefixes), default=0)


def shape(word: str) -> str:
    """Character classes with runs collapsed: "ארה\"ב" -> 'h"h', "UN-2" -> "X-d"."""
    out: list[str] = []
    for ch in word:
        cp = ord(ch)
        if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F:
            c = "a"
        elif 0x0590 <= cp <= 0x05FF:
            c = "h"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "X" if ch.isupper() else "x"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Word:
    norm: str
    forms: tuple[str, ...]  # the folded word, then its stems (gazetteer and cue lookups)
    stem: str  # the likeliest stem (see _make), or the word when nothing strips
    own: tuple[str, ...]  # context-free features
    near: dict[int, tuple[str, ...]]  # features this word lends its neighbours, by offset (cached: hot path)


class _Featurizer:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.res: LangNer = lang_ner(lang)
        self.gaz = gazetteer.load().get(lang, {})
        self.gaz_len = gazetteer.max_len(self.gaz)
        self.freq = wordfreq_table.table(lang)
        self.cache: dict[str, _Word] = {}

    def word(self, token: str) -> _Word:
        w = self.cache.get(token)
        if w is None:
            if len(self.cache) > _CACHE_LIMIT:
                self.cache.clear()
            w = self.cache[token] = self._make(token)
        return w

    def _make(self, token: str) -> _Word:
        norm = normalize(token).text
        splits = strip_clitics(norm, self.lang)
        shp = shape(token)
        feats = ["w=" + norm, "sh=" + shp, f"len={min(len(norm), 10)}"]
        for k in (1, 2, 3):
            if len(norm) > k:
                feats.append(f"p{k}=" + norm[:k])
        for k in (1, 2, 3, 4):
            if len(norm) > k:
                feats.append(f"s{k}=" + norm[-k:])
        for prefix, stem in splits:
            feats.append("pf=" + prefix)
            feats.append("st=" + stem)
        # The likeliest segmentation is the most frequent candidate (ממשלה is
        # not מ+משלה); unseen words fall back to the longest strip.
        freq = self.freq
        cands = [norm, *(st for _, st in splits)]
        known = [c for c in cands if c in freq]
        stem = max(known, key=freq.__getitem__) if known else (splits[0][1] if splits else norm)
        feats.append(f"fq={freq.get(norm, 0) // 10}")
        feats.append(f"sfq={freq.get(stem, 0) // 10}")
        art = self.res.article
        bare = stem[len(art) :] if art and stem.startswith(art) and len(stem) - len(art) >= 2 else stem
        if art:
            zd, zb = freq.get(art + bare, 0), freq.get(bare, 0)
            definite = "unk" if not (zd or zb) else "+" if zd - zb >= 5 else "-" if zb - zd >= 5 else "0"
            feats.append("def=" + definite)
            feats.append(f"fqdef={freq.get(stem, 0) // 10}{definite}")  # rare and never definite: a name
        # Character trigrams of the bare stem: transliterated foreign names
        # (فينغر, הארקין) are unseen as words but share letter patterns.
        padded = f"^{bare}$"
        feats.extend("c3=" + padded[i : i + 3] for i in range(len(padded) - 2))
        feats.extend("c4=" + padded[i : i + 4] for i in range(len(padded) - 3))
        if any(ch.isdigit() for ch in norm):
            feats.append("digit")
        if token[:1].isupper():
            feats.append("upper")
        lend = [x for x in feats if x.startswith(("fq=", "def=", "pf="))]
        near = {
            d: (
                f"{d}w={norm}",
                f"{d}st={stem}",
                *((f"{d}sh={shp}", *(f"{d}{x}" for x in lend)) if d in (-1, 1) else ()),
            )
            for d in (-2, -1, 1, 2)
        }
        return _Word(norm, (norm, *(s for _, s in splits)), stem, tuple(feats), near)

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        words = [self.word(t) for t in tokens]
        n = len(words)
        forms = [w.forms for w in words]
        gaz: list[list[str]] = [[] for _ in range(n)]
        for a, b, kind in gazetteer.match(forms, self.gaz, self.gaz_len):
            gaz[a].append("gzb=" + kind)
            for i in range(a, b):
                gaz[i].append("gz=" + kind)
        cue: list[list[str]] = [[] for _ in range(n)]
        after: list[list[str]] = [[] for _ in range(n)]
        for a, b, kind in gazetteer.match(forms, self.res.cues, self.res.max_cue_len):
            for i in range(a, b):
                cue[i].append("cue=" + kind)
            if b < n:  # the name usually starts right after "الرئيس" / "ראש הממשלה"
                after[b].append("pc=" + kind)
            if b + 1 < n:
                after[b + 1].append("pc2=" + kind)
        out: list[list[str]] = []
        quoted = False  # inside "..." titles of works and some organisations are quoted
        for i, w in enumerate(words):
            f = ["b", *w.own, *gaz[i], *cue[i], *after[i]]
            if w.norm in _QUOTES:
                quoted = not quoted
            elif quoted:
                f.append("inq")
            if i == 0:
                f.append("first")
            for d in (-2, -1, 1, 2):
                j = i + d
                if 0 <= j < n:
                    f.extend(words[j].near[d])
                    if gaz[j]:
                        f.extend(f"{d}{g}" for g in gaz[j])
                    if cue[j] and d in (-1, 1):
                        f.extend(f"{d}{c}" for c in cue[j])
                else:
                    f.append(f"{d}w=<pad>")
            if i > 0:
                f.append("-1w|w=" + words[i - 1].norm + "|" + w.norm)
            if i + 1 < n:
                f.append("w|1w=" + w.norm + "|" + words[i + 1].norm)
            out.append(f)
        return out


@cache
def _featurizer(lang: str) -> _Featurizer:
    return _Featurizer(lang)


def sentence_features(tokens: Sequence[str], lang: str) -> list[list[str]]:
    """CRFsuite attribute lists, one per token, for a sentence of ``lang``."""
    return _featurizer(lang).sentence(tokens)


def gazetteer_matches(tokens: Sequence[str], lang: str) -> list[tuple[int, int, str]]:
    """Longest gazetteer hits ``(start, end, kind)``, clitics stripped from the first token."""
    feat = _featurizer(lang)
    return gazetteer.match([feat.word(t).forms for t in tokens], feat.gaz, feat.gaz_len)
