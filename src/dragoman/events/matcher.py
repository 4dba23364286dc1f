"""Phrase matching over a sentence's tokens, clitic-aware and spelling-folded.

Data files list words as people write them; both sides are folded with
``normalize_key`` and each token is also tried without its proclitics
(``dragoman.text.morph``), so ``وبالمظاهرات`` matches the entry ``مظاهر*``.
A word ending in ``*`` matches every word it begins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from dragoman.text import normalize_key
from dragoman.text.morph import stems

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


class PhraseMatcher(Generic[P]):
    """Longest-first, left-to-right, non-overlapping phrase matches."""

    def __init__(self, entries: Iterable[tuple[str, P]]) -> None:
        self._phrases: list[tuple[tuple[tuple[str, bool], ...], P]] = []
        for phrase, payload in entries:
            words = tuple(_compile_word(w) for w in phrase.split())
            if words and all(w for w, _ in words):
                self._phrases.append((words, payload))
        # Longest phrase first so "من المتوقع" wins over "من".
        self._phrases.sort(key=lambda p: (-len(p[0]), -sum(len(w) for w, _ in p[0])))
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
        seen: set[int] = set()
        for f in forms:
            seen.update(self._by_first.get(f, ()))
            for n in self._prefix_lengths:
                if len(f) > n:
                    seen.update(self._by_first.get(f[:n], ()))
        return sorted(seen)

    @staticmethod
    def _word_ok(word: tuple[str, bool], forms: Sequence[str]) -> bool:
        w, prefix = word
        return any(f.startswith(w) if prefix else f == w for f in forms)

    def match_at(self, forms: Sequence[Sequence[str]], i: int) -> Match[P] | None:
        for idx in self._candidates(forms[i]):
            words, payload = self._phrases[idx]
            if i + len(words) > len(forms):
                continue
            if all(self._word_ok(w, forms[i + k]) for k, w in enumerate(words)):
                return Match(i, i + len(words), payload)
        return None

    def find(self, forms: Sequence[Sequence[str]]) -> list[Match[P]]:
        out: list[Match[P]] = []
        i = 0
        while i < len(forms):
            m = self.match_at(forms, i)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.end
        return out


def token_forms(words: Sequence[str], lang: str) -> list[list[str]]:
    """For each token, its folded form followed by its clitic-stripped stems."""
    return [stems(normalize_key(w), lang) if w.strip() else [""] for w in words]
