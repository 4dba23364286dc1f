"""Feature extraction on hand-made Arabic and Hebrew sentences."""

from __future__ import annotations

import pytest

from dragoman.ner.features import gazetteer_matches, sentence_features, shape, strip_clitics, tagging_features
from dragoman.ner.resources import NerResource, lang_ner
from dragoman.text import normalize_key


def test_arabic_clitic_combinations() -> None:
    splits = dict(strip_clitics(normalize_key("وبالعراق"), "ar"))
    assert splits["وب"] == "العراق"  # conjunction + preposition
    assert splits["وبال"] == "عراق"  # ... + article
    assert splits["و"] == "بالعراق"
    assert dict(strip_clitics("للبنان", "ar"))["لل"] == "بنان"  # li+l- contracted


def test_hebrew_prefix_combinations_and_min_stem() -> None:
    splits = dict(strip_clitics("ובאקו", "he"))
    assert splits["וב"] == "אקו" and splits["ו"] == "באקו"
    assert dict(strip_clitics("מהממשלה", "he"))["מה"] == "ממשלה"
    assert strip_clitics("בן", "he") == []  # a one-letter stem is never offered


def test_no_clitics_for_language_without_data() -> None:
    assert strip_clitics("washington", "en") == []


def test_shape_collapses_runs() -> None:
    assert shape('ארה"ב') == 'h"h'
    assert shape("UN-2024") == "X-d"
    assert shape("بغداد") == "a"


def test_one_feature_list_per_token_and_deterministic() -> None:
    toks = ["قال", "الرئيس", "بشار", "الأسد", "في", "والعراق"]
    a = sentence_features(toks, "ar")
    assert len(a) == len(toks)
    assert a == sentence_features(list(toks), "ar")
    assert "w=الرييس" in a[1]  # folded: hamza on ya
    assert "pc=title" in a[2]  # the token right after a title cue
    assert "gz=country" in a[5] and "st=العراق" in a[5]  # gazetteer hit through the clitics


def test_multiword_cue_and_gazetteer() -> None:
    toks = ["ראש", "הממשלה", "נפגש", "עם", "נשיא", "ארצות", "הברית"]
    f = sentence_features(toks, "he")
    assert "cue=title" in f[0] and "cue=title" in f[1]
    assert "pc=title" in f[2]
    assert (5, 7, "country") in gazetteer_matches(toks, "he")


def test_yaml_schema_forbids_unknown_keys() -> None:
    with pytest.raises(ValueError):
        NerResource.model_validate({"titles": [], "tilte": []})
    assert lang_ner("ar").min_stem >= 2 and lang_ner("he").prefixes


def test_frequency_and_definiteness_features() -> None:
    # Common nouns take the article; transliterated names do not.
    ar = sentence_features(["الحكومة", "فينغر"], "ar")
    assert "def=-" not in ar[0] and "def=-" in ar[1]
    assert "fq=5" in ar[0] and "fq=3" in ar[1]
    he = sentence_features(["הממשלה", "נתניהו"], "he")
    assert "def=+" in he[0] and "def=-" in he[1]
    # the likeliest stem is the most frequent candidate: ממשלה is not מ+משלה
    assert "-1st=ממשלה" in sentence_features(["ממשלה", "חדשה"], "he")[1]


def test_character_trigrams_of_bare_stem() -> None:
    f = sentence_features(["والعراق"], "ar")[0]
    assert "c3=^عر" in f and "c3=اق$" in f


def test_tagging_features_are_the_known_features_in_training_order() -> None:
    # The tagger hands CRFsuite only the features the model knows, as bytes; they must be
    # exactly the training features less the unknown ones, in the same order, word pairs
    # included (a norm holding "|" must not confuse where a pair splits).
    toks = ["وزير", "خارجية", "فالدوريا", "a|b", "قال", "a", "b|قال"]
    full = sentence_features(toks, "ar")
    names = {f for fs in full for f in fs}
    pairs = {f for f in names if f.startswith(("-1w|w=", "w|1w="))}
    # ("a|b", "قال") and ("a", "b|قال") make the same pair features
    assert "w|1w=a|b|قال" in full[3] and "w|1w=a|b|قال" in full[5]
    assert "-1w|w=a|b|قال" in full[4] and "-1w|w=a|b|قال" in full[6]
    for keep in (names, {f for f in names if f not in pairs or "a|b" in f}, {f for f in names if len(f) % 2}):
        known = {f: f.encode("utf-8") for f in keep}
        got = tagging_features(toks, "ar", known)
        assert got == [[f.encode("utf-8") for f in fs if f in keep] for fs in full]
