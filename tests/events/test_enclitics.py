"""Arabic nouns with a pronoun enclitic: the ta marbuta written ت before it still matches the noun's entry."""

from __future__ import annotations

import dragoman
from dragoman.text.morph import enclitic_forms, forms_with_enclitics, token_forms


def _forms(word: str) -> tuple[str, ...]:
    return enclitic_forms(token_forms([word], "ar")[0], "ar")


def test_a_bound_ta_before_a_pronoun_reads_as_the_free_noun() -> None:
    assert _forms("موافقتها")[-1] == "موافقه"  # موافقة + ها
    assert "زياره" in _forms("وزيارته")  # و + زيارة + ه, through the clitic-stripped stem
    assert _forms("موافقتها")[0] == "موافقتها"  # the word as written stays first


def test_words_without_a_bound_ending_or_too_short_get_no_extra_reading() -> None:
    assert _forms("كتابها") == token_forms(["كتابها"], "ar")[0]  # no ت before the suffix
    assert _forms("أنت") == token_forms(["أنت"], "ar")[0]  # nothing is a suffix after a one-letter stem
    assert enclitic_forms(("approval",), "en") == ("approval",)  # English declares no enclitics


def test_an_approval_with_its_pronoun_is_an_agreement() -> None:
    text = "وأعلنت الحكومة الأردنية موافقتها على المقترح المصري أمس."
    types = {e.type for e in dragoman.extract(text=text).events}
    assert "AGREE" in types, types


def test_the_views_forms_are_the_enclitic_forms_of_each_tokens_forms() -> None:
    # the sentence views read both steps through one memo per word: the same readings, in order,
    # asked twice (the second time from the memo)
    words = ["وزيارته", "موافقتها", "كتابها", "نورلاند", "،", "وزيارته"]
    for _ in range(2):
        got = forms_with_enclitics(words, "ar")
        assert got == [enclitic_forms(f, "ar") for f in token_forms(words, "ar")]
    assert "زياره" in got[0]
    assert forms_with_enclitics(["Valdoria", "approval"], "en") == token_forms(["Valdoria", "approval"], "en")
