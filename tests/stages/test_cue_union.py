"""The chrome cue prefilter (``any_cue``): per word count, never rules out a line some group matches."""

from __future__ import annotations

from dragoman.chrome.cues import any_cue, cue_matchers
from dragoman.chrome.lines import split_lines

# Invented lines: cue phrases alone and inside lines of many lengths, so every word-count tier is tried.
_PADDING = [
    *("the", "Valdorian", "delegation", "met", "Norland", "officials"),
    *("in", "the", "capital", "of", "the", "northern", "province"),
]
_CUES = [
    "Norlandia — Reuters",
    "12 comments",
    "By Anna Kestrel and Omar Vale",
    "All rights reserved",
    "Minister Tavor visits Norland (reuters)",
    "השר טבור מבקר בנורלנד (רויטרס)",
    "الوزير تافور يزور نورلاند (رويترز)",
    "نورلاند - رويترز",
    "15 تعليقات",
]


def _lines() -> list[str]:
    out = []
    for cue in _CUES:
        for n in (0, 3, 8, 14, 30, 45):
            words = (_PADDING * 4)[:n]
            out += [" ".join([*words, cue]), " ".join([cue, *words])]
    return out


def test_the_union_admits_every_line_a_group_matches_and_rules_out_by_length() -> None:
    union = any_cue()
    groups = cue_matchers()
    longest = max(g.max_words for g in groups)
    matched = ruled_out = 0
    for ln in split_lines("\n".join(_lines())):
        hit = any(g.matches(ln) for g in groups)
        if hit:
            matched += 1
            assert union.may_match(ln), ln.text
        if ln.words > longest:
            ruled_out += 1
            assert not union.may_match(ln), ln.text
    assert matched and ruled_out


def test_a_long_line_is_ruled_out_by_the_groups_that_admit_it_only() -> None:
    # "skip to ..." opens a navigation link, a group that admits short lines only: a long line that
    # opens so is prose, and the prefilter of its length does not even hold that prefix.
    short = split_lines("Skip to content")[0]
    assert any_cue().may_match(short)
    (long,) = split_lines(" ".join(["Skip to", *_PADDING]))
    assert long.words > 12
    assert not any(g.matches(long) for g in cue_matchers())
    assert not any_cue().may_match(long)


def test_hebrew_caption_credit_after_a_full_stop_is_body() -> None:
    captions = [g for g in cue_matchers() if g.reason == "caption" and g.patterns]

    def caption(text: str) -> bool:
        (ln,) = split_lines(text)
        return any(g.matches(ln) for g in captions)

    assert caption("השר טבור מבקר בנורלנד (רויטרס)")
    assert not caption("השר טבור ביקר בנורלנד. (רויטרס)")
    assert not caption("השר טבור ביקר בנורלנד.(רויטרס)")
