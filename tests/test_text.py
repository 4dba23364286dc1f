import dataclasses

import pytest

from dragoman.model import Span
from dragoman.text import normalize, normalize_key, sentence_spans, tokenize
from dragoman.text.morph import splits, stems


def test_normalize_folds_arabic_and_maps_back_to_original_offsets() -> None:
    text = "قال الرئيسُ الأذربيجانيّ إلهام"
    n = normalize(text)
    assert "الاذربيجاني" in n.text
    start = n.text.index("الاذربيجاني")
    span = n.to_original(start, start + len("الاذربيجاني"))
    # the trailing shadda is folded away, so the span ends on the last letter
    assert text[span.start : span.end] == "الأذربيجاني"
    assert len(n.offsets) == len(n.text) + 1 and n.offsets[-1] == len(text)


def test_normalize_removes_tatweel_and_diacritics() -> None:
    assert normalize_key("مُحَمَّـــد") == "محمد"
    assert normalize_key("إسرائيل") == normalize_key("اسرائيل")
    assert normalize_key("مدرسة") == normalize_key("مدرسه")


def test_normalize_hebrew_niqqud_and_geresh_variants() -> None:
    assert normalize_key("אזרבייג׳ן") == normalize_key("אזרבייג'ן") == normalize_key("אזרבייג’ן")
    assert normalize_key('ארה״ב') == normalize_key('ארה"ב')
    assert normalize_key("שָׁלוֹם") == "שלום"


def test_normalize_latin_case() -> None:
    assert normalize_key("Azerbaijan’s") == "azerbaijan's"


def test_tokenize_keeps_hebrew_acronyms_and_splits_punctuation() -> None:
    text = 'ארה"ב ואזרבייג\'ן, ישראל.'
    toks = [text[s.start : s.end] for s in tokenize(text)]
    assert toks == ['ארה"ב', "ואזרבייג'ן", ",", "ישראל", "."]


def test_tokenize_arabic_with_diacritics_is_one_token() -> None:
    text = "الإسرائيليُّ قال"
    toks = [text[s.start : s.end] for s in tokenize(text)]
    assert toks == ["الإسرائيليُّ", "قال"]


def test_sentences_split_on_lines_and_punctuation_but_not_abbreviations() -> None:
    text = "First line\nU.S. officials met. They agreed؟ نعم"
    sents = [text[s.start : s.end] for s in sentence_spans(text)]
    assert sents == ["First line", "U.S. officials met.", "They agreed؟", "نعم"]


def test_arabic_clitic_splits() -> None:
    assert ("و", "اذربيجان") in splits(normalize_key("وأذربيجان"), "ar")
    assert "الولايات" in stems(normalize_key("للولايات"), "ar")
    assert "ولايات" in stems(normalize_key("بالولايات"), "ar")


def test_hebrew_prefix_splits_keep_min_stem() -> None:
    assert "באקו" in stems("ובאקו", "he")
    assert "ישראל" in stems("לישראל", "he")
    # a stem must keep two letters: "לי" is not ל + a one-letter name
    assert all(len(s) >= 2 for s in stems("לי", "he"))


def test_language_without_morphology_yields_only_whole_token() -> None:
    assert splits("word", "xx") == [("", "word")]


def test_token_spans_are_ordinary_frozen_spans() -> None:
    # tokenize() fills token spans through their slots (speed); they must behave exactly
    # like spans built the usual way: equal, same hash, ordered, immutable.
    text = "قال الرئيس: ‹ארה\"ב› and O'Brien's 12.5% rise."
    toks = tokenize(text, 2)
    assert toks and all(type(t) is Span for t in toks)
    assert toks == [Span(t.start, t.end) for t in toks]
    assert [hash(t) for t in toks] == [hash(Span(t.start, t.end)) for t in toks]
    assert sorted(reversed(toks)) == toks and toks[0].start >= 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        toks[0].start = 0  # type: ignore[misc]


def test_splits_are_memoised_but_each_call_gets_its_own_list() -> None:
    first = splits("وبالعراق", "ar")
    first.append(("x", "y"))  # a caller extending its readings must not change anyone else's
    again = splits("وبالعراق", "ar")
    assert ("x", "y") not in again
    assert again[0] == ("", "وبالعراق") and ("وبال", "عراق") in again


@pytest.mark.parametrize(
    "text",
    [
        "  وزيرُ  خارجيةِ نورلانـــد\u200c قال\n",
        "Minister\u00adTavor  of VALDORIA\tspoke",
        "שר החוץ של ולדוריה\u200f אמר",
        "",
    ],
)
def test_normalize_key_is_the_folded_text_with_spaces_collapsed(text: str) -> None:
    # normalize_key folds without building normalize()'s offsets: the same characters all the same
    assert normalize_key(text) == " ".join(normalize(text).text.split())
