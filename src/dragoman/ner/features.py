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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from dragoman.ner import gazetteer, wordfreq_table
from dragoman.ner.resources import LangNer, lang_ner
from dragoman.text import normalize
from dragoman.text.normalize import FORMAT_CHARS

_QUOTES = frozenset({'"', "'", "«", "»"})  # folded forms of quotation tokens
_CACHE_LIMIT = 200_000  # words; a long-running pipeline must not grow without bound
_LEFT_PAIR, _RIGHT_PAIR = "-1w|w=", "w|1w="  # word-pair features: the head, then "<norm>|<next norm>"

# What a featurizer emits per feature: the feature string (training), or the
# UTF-8 bytes of a feature the model has weights for (tagging, see
# ``tagging_features``).
A = TypeVar("A", bound=str | bytes)

_NO_FORMAT = dict.fromkeys(map(ord, FORMAT_CHARS))


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
    for ch in word.translate(_NO_FORMAT):  # a ZWNJ or bidi mark inside a word is not part of its shape
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
class _Word(Generic[A]):
    norm: str
    forms: tuple[str, ...]  # the folded word, then its stems (gazetteer and cue lookups)
    stem: str  # the likeliest stem (see _make), or the word when nothing strips
    own: tuple[A, ...]  # the sentence's head feature, then the word's context-free features
    near: dict[int, tuple[A, ...]]  # features this word lends its neighbours, by offset (cached: hot path)
    gaz_reach: int  # longest gazetteer entry any of ``forms`` starts (0: none), see gazetteer.match
    cue_reach: int  # the same for the language's cue phrases
    gaz_one: str | None  # the kind of the one-token gazetteer entry the word is, see gazetteer.single
    cue_one: str | None  # the same for the cue phrases
    # Word-pair features of this word and the next, given the next word's norm: the next
    # word's left-pair feature "-1w|w=<norm>|<next>" and this word's right-pair feature
    # "w|1w=<norm>|<next>" (see _Featurizer._pair_lookup: hot path).
    as_left: Callable[[str], A | None]
    as_right: Callable[[str], A | None]


class _Featurizer(Generic[A]):
    """Builds the features of a sentence; ``emit`` turns each into its output form.

    ``emit`` returns None for a feature to leave out.  Word features are
    emitted once per distinct word (cached), so the tagger's per-sentence
    work is only the few features that depend on context.
    """

    def __init__(self, lang: str, emit: Callable[[str], A | None], known: Mapping[str, A] | None = None) -> None:
        """``known``, when given, is what ``emit`` looks features up in (``emit`` is ``known.get``)."""
        self.lang = lang
        self.emit: Callable[[str], A | None] = emit
        # Word-pair features the model knows, by the left word's norm then the right word's:
        # a tagger then finds a pair's feature with two lookups of strings whose hashes are
        # cached, instead of building and hashing the feature string for every token.
        self._pairs: dict[str, dict[str, dict[str, A]]] | None = None
        self._no_pairs: dict[str, A] = {}  # what a word that starts no known pair looks the next word up in
        if known is not None:
            self._pairs = {_LEFT_PAIR: {}, _RIGHT_PAIR: {}}
            for name, value in known.items():
                for head, index in self._pairs.items():
                    if name.startswith(head):
                        rest = name[len(head) :]
                        # A norm may hold "|" itself: every split that rebuilds the name is
                        # entered, so a lookup finds the name exactly when the two norms rebuild it.
                        for k, ch in enumerate(rest):
                            if ch == "|":
                                index.setdefault(rest[:k], {})[rest[k + 1 :]] = value
        self.res: LangNer = lang_ner(lang)
        self.gaz = gazetteer.load().get(lang, {})
        self.gaz_len = gazetteer.max_len(self.gaz)
        self.freq = wordfreq_table.table(lang)
        self.cache: dict[str, _Word[A]] = {}
        # Features every sentence asks for, emitted once.
        self._head, self._inq, self._first = self._emit(["b"]), self._emit(["inq"]), self._emit(["first"])
        self._pads = {d: self._emit([f"{d}w=<pad>"]) for d in (-2, -1, 1, 2)}
        # Gazetteer/cue context comes in a few dozen combinations of kinds: emitted once each.
        self._context: dict[tuple[int, tuple[str, ...], tuple[str, ...]], list[A]] = {}

    def _context_features(self, d: int, gaz: Sequence[str], cue: Sequence[str]) -> list[A]:
        """What a word's gazetteer (and cue) context tells the word ``d`` places away (0: itself)."""
        key = (d, tuple(gaz), tuple(cue))
        hit = self._context.get(key)
        if hit is None:
            if len(self._context) > _CACHE_LIMIT:
                self._context.clear()
            prefix = f"{d}" if d else ""
            hit = self._context[key] = self._emit([prefix + x for x in (*gaz, *cue)])
        return hit

    def word(self, token: str) -> _Word[A]:
        w = self.cache.get(token)
        if w is None:
            if len(self.cache) > _CACHE_LIMIT:
                self.cache.clear()
            w = self.cache[token] = self._make(token)
        return w

    def _pair_lookup(self, head: str, norm: str) -> Callable[[str], A | None]:
        """The feature ``head + norm + "|" + next`` as a function of ``next`` (None: left out)."""
        if self._pairs is not None:
            return self._pairs[head].get(norm, self._no_pairs).get
        emit, start = self.emit, head + norm + "|"
        return lambda nxt: emit(start + nxt)

    def _emit(self, feats: Sequence[str]) -> list[A]:
        emit = self.emit
        return [e for x in feats if (e := emit(x)) is not None]

    def _make(self, token: str) -> _Word[A]:
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
            d: tuple(
                self._emit(
                    (
                        f"{d}w={norm}",
                        f"{d}st={stem}",
                        *((f"{d}sh={shp}", *(f"{d}{x}" for x in lend)) if d in (-1, 1) else ()),
                    )
                )
            )
            for d in (-2, -1, 1, 2)
        }
        forms = (norm, *(s for _, s in splits))
        return _Word(
            norm,
            forms,
            stem,
            (*self._head, *self._emit(feats)),
            near,
            gazetteer.reach(forms, self.gaz),
            gazetteer.reach(forms, self.res.cues),
            gazetteer.single(forms, self.gaz),
            gazetteer.single(forms, self.res.cues),
            self._pair_lookup(_LEFT_PAIR, norm),
            self._pair_lookup(_RIGHT_PAIR, norm),
        )

    def sentence(self, tokens: Sequence[str]) -> list[list[A]]:
        words = [self.word(t) for t in tokens]
        n = len(words)
        forms = [w.forms for w in words]
        # Context features by token index, only where there are any (most tokens have none).
        gaz: dict[int, list[str]] = {}
        for a, b, kind in gazetteer.match(
            forms, self.gaz, self.gaz_len, [w.gaz_reach for w in words], [w.gaz_one for w in words]
        ):
            gaz.setdefault(a, []).append("gzb=" + kind)
            for i in range(a, b):
                gaz.setdefault(i, []).append("gz=" + kind)
        cue: dict[int, list[str]] = {}
        after: dict[int, list[str]] = {}
        cues = gazetteer.match(
            forms, self.res.cues, self.res.max_cue_len, [w.cue_reach for w in words], [w.cue_one for w in words]
        )
        for a, b, kind in cues:
            for i in range(a, b):
                cue.setdefault(i, []).append("cue=" + kind)
            if b < n:  # the name usually starts right after "الرئيس" / "ראש הממשלה"
                after.setdefault(b, []).append("pc=" + kind)
            if b + 1 < n:
                after.setdefault(b + 1, []).append("pc2=" + kind)
        inq, first = self._inq, self._first
        none: list[A] = []
        here: list[Sequence[A]] = [none] * n
        for i in gaz.keys() | cue.keys() | after.keys():
            here[i] = self._context_features(0, gaz.get(i, ()), (*cue.get(i, ()), *after.get(i, ())))
        # lent[d][i + 2]: what the word at i lends the word d places away, its gazetteer and
        # (next to it) cue context included; slots before and after the sentence hold the
        # padding, so the loop below is one list display per token.
        context = gaz.keys() | cue.keys()
        lent: dict[int, list[Sequence[A]]] = {}
        for d in (-2, -1, 1, 2):
            pad = self._pads[d]
            row: list[Sequence[A]] = [pad, pad, *[w.near[d] for w in words], pad, pad]
            for j in context:
                side = j in cue and d in (-1, 1)
                if j in gaz or side:
                    ctx = self._context_features(d, gaz.get(j, ()), cue[j] if side else ())
                    row[j + 2] = [*words[j].near[d], *ctx]
            lent[d] = row
        before2, before1, after1, after2 = lent[-2], lent[-1], lent[1], lent[2]
        out: list[list[A]] = []
        quoted = False  # inside "..." titles of works and some organisations are quoted
        last = n - 1
        for i, w in enumerate(words):
            # the order of features is the training order (CRFsuite sums weights in it)
            norm = w.norm
            if norm in _QUOTES:
                quoted = not quoted
                q = none
            else:
                q = inq if quoted else none
            f = [
                *w.own,  # the head feature first
                *here[i],
                *q,
                *(first if i == 0 else none),
                *before2[i],  # lent[d][j + 2] for the word j = i + d
                *before1[i + 1],
                *after1[i + 3],
                *after2[i + 4],
            ]
            if i > 0 and (e := words[i - 1].as_left(norm)) is not None:
                f.append(e)
            if i < last and (e := w.as_right(words[i + 1].norm)) is not None:
                f.append(e)
            out.append(f)
        return out


def _keep(feature: str) -> str:
    return feature


@cache
def _featurizer(lang: str) -> _Featurizer[str]:
    return _Featurizer(lang, _keep)


def sentence_features(tokens: Sequence[str], lang: str) -> list[list[str]]:
    """CRFsuite attribute lists, one per token, for a sentence of ``lang``."""
    return _featurizer(lang).sentence(tokens)


_TAGGING: dict[tuple[str, int], tuple[Mapping[str, bytes], _Featurizer[bytes]]] = {}


def tagging_features(tokens: Sequence[str], lang: str, known: Mapping[str, bytes]) -> list[list[bytes]]:
    """``sentence_features`` less those absent from ``known``, UTF-8 encoded, for ``Tagger.tag``.

    ``known`` maps each attribute the model has weights for to its bytes.
    CRFsuite ignores other attributes, and the rest keep their order, so the
    tagger's scores are the same; leaving them out, and handing CRFsuite
    bytes it need not encode, halves the cost of tagging.
    """
    entry = _TAGGING.get((lang, id(known)))
    if entry is None or entry[0] is not known:
        entry = _TAGGING[(lang, id(known))] = (known, _Featurizer(lang, known.get, known))
    return entry[1].sentence(tokens)


def gazetteer_matches(tokens: Sequence[str], lang: str) -> list[tuple[int, int, str]]:
    """Longest gazetteer hits ``(start, end, kind)``, clitics stripped from the first token."""
    feat = _featurizer(lang)
    return gazetteer.match([feat.word(t).forms for t in tokens], feat.gaz, feat.gaz_len)
