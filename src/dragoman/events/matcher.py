"""Phrase matching over a sentence's tokens, clitic-aware and spelling-folded.

Data files list words as people write them; both sides are folded with
``normalize_key`` and each token is also tried without its proclitics
(``dragoman.text.morph``), so ``وبالمظاهرات`` matches the entry ``مظاهر*``.
A word ending in ``*`` matches every word it begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Generic, TypeVar

from dragoman.text import normalize_key

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Match(Generic[P]):
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    payload: P


def _compile_word(word: str) -> tuple[str, bool]:
    w = word.strip()
    prefix = w.endswith("*")
    return normalize_key(w.rstrip("*")), prefix


# Hebrew letters written in another form at the end of a word: a stem entry "סיכמ*" (for סיכמה,
# סיכמו) must also match the word that ends there, spelled with the final letter (סיכם).
_FINAL_FORMS = {"כ": "ך", "מ": "ם", "נ": "ן", "פ": "ף", "צ": "ץ"}


def _with_final_forms(words: tuple[tuple[str, bool], ...]) -> list[tuple[tuple[str, bool], ...]]:
    """``words``, and each reading where one stem ending in a letter with a final form is that word."""
    out = [words]
    for k, (w, prefix) in enumerate(words):
        if prefix and len(w) > 1 and w[-1] in _FINAL_FORMS:
            whole = (w[:-1] + _FINAL_FORMS[w[-1]], False)
            out += [v[:k] + (whole,) + v[k + 1 :] for v in out]
    return out


class PhraseMatcher(Generic[P]):
    """Longest-first, left-to-right, non-overlapping phrase matches."""

    def __init__(self, entries: Iterable[tuple[str, P]]) -> None:
        self._phrases: list[tuple[tuple[tuple[str, bool], ...], P]] = []
        for phrase, payload in entries:
            words = tuple(_compile_word(w) for w in phrase.split())
            if words and all(w for w, _ in words):
                self._phrases.extend((v, payload) for v in _with_final_forms(words))
        # Longest phrase first so "من المتوقع" wins over "من".
        self._phrases.sort(key=lambda p: (-len(p[0]), -sum(len(w) for w, _ in p[0])))
        self._memo: dict[tuple[str, ...], list[int]] = {}  # token forms -> candidate phrases
        self._by_first: dict[str, list[int]] = {}
        self._prefix_lengths: set[int] = set()
        for i, (words, _) in enumerate(self._phrases):
            first, is_prefix = words[0]
            self._by_first.setdefault(first, []).append(i)
            if is_prefix:
                self._prefix_lengths.add(len(first))

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def _candidates(self, forms: Sequence[str]) -> list[int]:
        """Phrases whose first word matches one of ``forms`` (one token's forms), in phrase order.

        The first word is checked here, once per distinct token, and the memo keeps the
        answer: the hot loops below then check only the words after it.
        """
        key = tuple(forms)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        seen: set[int] = set()
        for f in forms:
            seen.update(self._by_first.get(f, ()))
            for n in self._prefix_lengths:
                if len(f) > n:
                    seen.update(self._by_first.get(f[:n], ()))
        out = sorted(i for i in seen if self._word_ok(self._phrases[i][0][0], forms))
        if len(self._memo) < 500_000:  # words repeat across a corpus; bound the memo all the same
            self._memo[key] = out
        return out

    @staticmethod
    def _word_ok(word: tuple[str, bool], forms: Sequence[str]) -> bool:
        w, prefix = word
        return any(f.startswith(w) if prefix else f == w for f in forms)

    def _rest_ok(self, words: tuple[tuple[str, bool], ...], forms: Sequence[Sequence[str]], i: int) -> bool:
        """Do the words after a phrase's first (already matched at ``i``) match the tokens that follow?"""
        for k in range(1, len(words)):
            w, prefix = words[k]
            # a whole word is a containment test in C; only a prefix needs the scan
            if not (any(f.startswith(w) for f in forms[i + k]) if prefix else w in forms[i + k]):
                return False
        return True

    def _match_with(
        self,
        forms: Sequence[Sequence[str]],
        i: int,
        cands: list[int],
        accept: Callable[[Match[P]], bool] | None = None,
    ) -> Match[P] | None:
        n = len(forms)
        for idx in cands:  # their first word matches forms[i] (see _candidates)
            words, payload = self._phrases[idx]
            size = len(words)
            if size > 1 and (i + size > n or not self._rest_ok(words, forms, i)):
                continue
            m = Match(i, i + size, payload)
            if accept is None or accept(m):
                return m
        return None

    def match_at(self, forms: Sequence[Sequence[str]], i: int) -> Match[P] | None:
        key = forms[i]  # a tuple from token_forms; tuple() only for other sequences
        cands = self._memo.get(key if type(key) is tuple else tuple(key))
        if cands is None:
            cands = self._candidates(key)
        # most words start no phrase of a given matcher: answered without the matching loop
        return self._match_with(forms, i, cands) if cands else None

    def _candidate_lists(self, forms: Sequence[Sequence[str]]) -> list[list[int]]:
        """Each token's candidate phrases (``_candidates``), the memo read in one pass.

        Most tokens start no phrase: the lookups run in ``map`` and the callers then
        visit only the tokens with candidates, instead of a Python step per token for
        every matcher that reads the sentence.
        """
        memo = self._memo
        try:
            got = list(map(memo.get, forms))  # type: ignore[arg-type]  # token forms are tuples (token_forms)
        except TypeError:  # lists: the memo is keyed by tuples
            got = [memo.get(tuple(f)) for f in forms]
        if None in got:
            for i, cands in enumerate(got):
                if cands is None:
                    got[i] = self._candidates(forms[i])
        return got  # type: ignore[return-value]  # no None is left

    def find_each(self, forms: Sequence[Sequence[str]]) -> list[Match[P]]:
        """What one matcher per payload (by identity) would find, in one pass over the tokens.

        For each payload its phrases match as ``find`` matches: longest first at each
        position, left to right, not overlapping one another; the phrases of different
        payloads may overlap (a longer cue word "only if" does not hide "if" of another cue).
        """
        out: list[Match[P]] = []
        free: dict[int, int] = {}  # id(payload) -> first position its phrases may match again
        got = self._candidate_lists(forms)
        n = len(forms)
        for i in compress(range(n), got):  # the tokens that start some phrase
            taken: set[int] = set()
            for idx in got[i]:  # phrase order: longest first
                words, payload = self._phrases[idx]
                who = id(payload)
                size = len(words)
                if who in taken or free.get(who, 0) > i or i + size > n:
                    continue
                if size == 1 or self._rest_ok(words, forms, i):
                    out.append(Match(i, i + size, payload))
                    free[who] = i + size
                    taken.add(who)
        return out

    def find(
        self, forms: Sequence[Sequence[str]], accept: Callable[[Match[P]], bool] | None = None
    ) -> list[Match[P]]:
        """The matches, longest first at each position; ``accept`` may refuse one, and the next
        candidate (a shorter phrase, or the same words listed again with another payload) is tried."""
        out: list[Match[P]] = []
        got = self._candidate_lists(forms)
        end = 0  # where the last match ended: the next may start there
        for i in compress(range(len(forms)), got):  # the tokens that start some phrase
            if i < end:
                continue
            m = self._match_with(forms, i, got[i], accept)
            if m is not None:
                out.append(m)
                end = m.end
        return out
