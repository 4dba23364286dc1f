"""A token's readings for the trigger matcher: without an imperfect prefix, and without a glued future particle."""

from __future__ import annotations

from dragoman.events.extract import _future_forms, _imperfect_prefixes, _token_readings, _without_imperfect
from dragoman.events.status import status_rules
from dragoman.text.morph import forms_with_enclitics


def _one_by_one(forms: list[tuple[str, ...]], lang: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The readings token by token, as the extractor read them before they were kept per token."""
    srules = status_rules(lang)
    imperfect = _imperfect_prefixes(lang)
    particles = srules.future_particles if srules else ()
    plain = [_without_imperfect(f, imperfect) for f in forms] if imperfect else list(forms)
    extended = [_future_forms(f, srules, imperfect) if any(x.startswith(particles) for x in f) else f for f in plain]
    return plain, extended


def test_readings_are_those_read_token_by_token_and_repeat_the_same() -> None:
    words = ["وسيزور", "وزير", "خارجية", "نورلاند", "فالدوريا", "ويلتقي", "رئيسها", "وسيزور"]
    forms = forms_with_enclitics(words, "ar")
    first = _token_readings(forms, "ar", status_rules("ar"))
    assert first == _one_by_one(forms, "ar")
    assert _token_readings(forms, "ar", status_rules("ar")) == first  # asked again: from the memo
    plain, extended = first
    assert len(extended[0]) > len(plain[0])  # the future verb gains a reading without its particle
    assert extended[1] == plain[1]  # a noun gains none


def test_a_language_without_prefixes_keeps_its_forms() -> None:
    words = ["Norland", "will", "visit", "Valdoria"]
    forms = forms_with_enclitics(words, "en")
    assert _token_readings(forms, "en", status_rules("en")) == _one_by_one(forms, "en")
