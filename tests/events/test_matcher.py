"""PhraseMatcher: longest-first matches, and per-payload matches in one pass (find_each)."""

from __future__ import annotations

from dragoman.events.matcher import PhraseMatcher


def _forms(text: str) -> list[tuple[str, ...]]:
    return [(w,) for w in text.split()]


def test_find_takes_the_longest_phrase_and_hides_the_shorter() -> None:
    m = PhraseMatcher([("only if", "strict"), ("if", "loose")])
    assert [(x.start, x.end, x.payload) for x in m.find(_forms("they sign only if paid"))] == [(2, 4, "strict")]


def test_find_each_is_one_matcher_per_payload() -> None:
    only_if, cond, talks = ["only-if"], ["if"], ["talks"]  # distinct objects: payloads by identity
    m = PhraseMatcher([("only if", only_if), ("if", cond), ("talk*", talks), ("if need be", cond)])
    forms = _forms("talks resume only if need be and talks end if asked")
    got = [(x.start, x.end, x.payload) for x in m.find_each(forms)]
    # "only if" does not hide the "if" of another payload; each payload's own phrases do not
    # overlap, the longest first ("if need be" over "if")
    assert got == [(0, 1, talks), (2, 4, only_if), (3, 6, cond), (7, 8, talks), (9, 10, cond)]
    separate = sorted(
        (x.start, x.end, id(x.payload))
        for p in (only_if, cond, talks)
        for x in PhraseMatcher([(w, q) for w, q in [("only if", only_if), ("if", cond), ("talk*", talks),
                                                     ("if need be", cond)] if q is p]).find(forms)
    )
    assert sorted((s, e, id(p)) for s, e, p in got) == separate


def test_forms_given_as_lists_match_as_tuples_do() -> None:
    # The memo is keyed by tuples (token_forms gives tuples); lists take the slower path, same answer.
    m = PhraseMatcher([("cease fire", "truce"), ("fire*", "shoot"), ("talks", "talk")])
    text = "the Valdorian talks agreed a cease fire after fireworks stopped"
    as_tuples = [(x.start, x.end, x.payload) for x in m.find(_forms(text))]
    as_lists = [(x.start, x.end, x.payload) for x in m.find([list(f) for f in _forms(text)])]
    assert as_tuples == as_lists == [(2, 3, "talk"), (5, 7, "truce"), (8, 9, "shoot")]
    each = [(x.start, x.end, x.payload) for x in m.find_each([list(f) for f in _forms(text)])]
    assert each == [(x.start, x.end, x.payload) for x in m.find_each(_forms(text))]


def test_a_later_word_matches_whole_or_as_a_prefix_against_any_reading() -> None:
    # the words after a phrase's first: a whole word must be one of the token's readings, a
    # starred one must begin one of them; a reading that only contains the word does not match
    m = PhraseMatcher([("peace talk*", "talks"), ("border deal", "deal")])
    forms = [("peace",), ("x", "talkers"), ("border",), ("redeal", "deals"), ("border",), ("y", "deal")]
    got = [(x.start, x.end, x.payload) for x in m.find(forms)]
    assert got == [(0, 2, "talks"), (4, 6, "deal")]


def test_a_hebrew_stem_matches_the_word_spelled_with_its_final_letter() -> None:
    # "סיכמ*" lists סיכמה, סיכמו; the word ending at the stem is written סיכם (final mem)
    m = PhraseMatcher([("סיכמ*", "agree"), ("הותקפ* על ידי", "attacked by")])
    assert [(x.start, x.payload) for x in m.find(_forms("השר סיכם אתמול"))] == [(1, "agree")]
    assert [(x.start, x.payload) for x in m.find(_forms("הבסיס הותקף על ידי"))] == [(1, "attacked by")]
    assert [(x.start, x.payload) for x in m.find(_forms("הם סיכמו"))] == [(1, "agree")]
    # the final letter ends the word: nothing longer is read through it
    assert not m.find(_forms("סיכםו"))
