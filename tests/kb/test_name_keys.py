"""Cross-script name keys."""

from __future__ import annotations

from dragoman.kb import name_key, skeleton


def test_same_name_in_three_scripts_meets() -> None:
    assert name_key("Aliyev", "en") == name_key("علييف", "ar") == name_key("עלייב", "he")
    assert name_key("Hikmet Hajiyev", "en") == name_key("حكمت حاجييف", "ar") == name_key("חיכמת חגיייב", "he")
    assert name_key("Netanyahu", "en") == name_key("نتنياهو", "ar") == name_key("נתניהו", "he")


def test_spelling_variants_meet_and_different_names_do_not() -> None:
    assert name_key("موشيشفيلي", "ar") == name_key("موشياشفيلي", "ar")
    assert name_key("Netanyahu", "en") != name_key("Trump", "en")
    assert name_key("حكمت حاجييف", "ar") != name_key("حاجييف", "ar")  # a surname alone is another key


def test_keys_are_never_empty_for_a_name() -> None:
    assert name_key("Ayo", "en")  # only vowels and glides: falls back to the folded form
    assert skeleton("", "en") == ""
