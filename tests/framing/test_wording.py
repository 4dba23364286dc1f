"""Lexicons, markers, names and sourcing on hand-built articles."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from dragoman.framing import find_markers, name_counts, sourcing_profile
from dragoman.framing.lexicon import Entry, Lexicon, entries, lexicon
from dragoman.framing.sourcing import classify_speaker
from dragoman.model import Article, Boilerplate, EntityType, Span, SpeakerKind

from .conftest import quote  # noqa: TID252


@pytest.mark.parametrize("lang", ["ar", "he", "en"])
def test_each_language_has_a_sourced_lexicon(lang: str) -> None:
    lex = lexicon(lang)
    assert lex is not None and len(lex.markers) >= 40
    for e in lex.markers:
        assert len(e.why) >= 10 and e.gloss
    kinds = {e.kind for e in lex.markers}
    assert kinds == {"name_calling", "loaded", "evaluative", "doubt"}


def test_entries_are_validated() -> None:
    with pytest.raises(ValidationError, match="not both"):
        Entry.model_validate({"forms": ["x"], "kind": "loaded", "gloss": "xx", "against": "israel", "for": "palestine",
                              "why": "a reason long enough"})
    with pytest.raises(ValidationError, match="contradicts"):
        Entry.model_validate({"forms": ["x"], "kind": "loaded", "gloss": "xx", "against": "israel",
                              "polarity": "positive", "why": "a reason long enough"})
    with pytest.raises(ValidationError, match="unknown side"):
        Lexicon.model_validate({"markers": [{"forms": ["x"], "kind": "loaded", "gloss": "xx", "against": "atlantis",
                                             "why": "a reason long enough"}]})
    with pytest.raises(ValidationError):
        Lexicon.model_validate({"markers": [], "colour": "red"})


def _texts(art: Article) -> list[str]:
    return [art.text[m.span.start : m.span.end] for m in find_markers(art)]


def test_markers_find_clitic_and_prefixed_forms(make: Callable[..., Article]) -> None:
    ar = make("وصلت الوفود إلى بالكيان الصهيوني أمس، وسقط ثلاثة شهداء في القصف.", "ar")
    assert _texts(ar) == ["بالكيان الصهيوني", "شهداء"]
    he = make("כוחות הביטחון עצרו את המחבלים בלילה.", "he")
    assert _texts(he) == ["המחבלים"]
    en = make("The ministry called it a Massacre and a so-called ceasefire.", "en")
    assert _texts(en) == ["Massacre", "so-called"]
    m = find_markers(ar)[0]
    assert (m.kind, m.target, m.sign, m.gloss) == ("name_calling", "israel", -1, "the Zionist entity")


def test_markers_skip_page_chrome(make: Callable[..., Article]) -> None:
    art = make("Read more: the massacre files\nOfficials met on Monday.", "en")
    art.boilerplate = [Boilerplate(Span(0, art.text.index("\n")), "related")]
    assert _texts(art) == []


def test_every_lexicon_form_is_found_by_itself() -> None:
    # Each form, written alone, must be matched by its own entry (no form is unreachable).
    for lang in ("ar", "he", "en"):
        for e in entries(lang):
            for form in e.forms:
                text = form.replace("*", "ات" if lang == "ar" else "ים" if lang == "he" else "s")
                art = Article.from_text(text)
                art.language = lang
                hits = find_markers(art)
                assert hits, f"{lang}: {form!r} finds nothing"


def test_names_count_forms_without_prepositions(make: Callable[..., Article]) -> None:
    # Heads without the article, as the linker leaves them after stripping ال / لل; the data rule
    # (keep_article) gives the article back, so both count as the form the outlet wrote.
    art = make("قال الكيان الصهيوني إن للكيان الصهيوني حقا، وإسرائيل صامتة.", "ar",
               {"كيان الصهيوني": ("country:IL", EntityType.GPE), "إسرائيل": ("country:IL", EntityType.GPE)})
    assert name_counts(art) == {"country:IL": {"الكيان الصهيوني": 2, "إسرائيل": 1}}


def test_sourcing_profile_classes(make: Callable[..., Article]) -> None:
    art = make("A said x. B said y. C said z. D said w. E said v.", "en")
    art.quotes = [
        quote(art, "A said x", "country:IL", SpeakerKind.ORGANISATION),
        quote(art, "B said y", None, SpeakerKind.ANONYMOUS),
        quote(art, "C said z", "org:reuters", SpeakerKind.PUBLICATION),
        quote(art, "D said w", "local:expert", SpeakerKind.PERSON),
        quote(art, "E said v", None, SpeakerKind.PERSON),  # unresolved speaker: not counted
    ]
    assert sourcing_profile(art).to_json() == {"named": 1, "official": 1, "anonymous": 1, "media": 1}
    assert classify_speaker(SpeakerKind.PERSON, "person:netanyahu") == "official"  # holds a dated KB office
    assert classify_speaker(SpeakerKind.ORGANISATION, "org:israel-mfa") == "official"
    assert classify_speaker(SpeakerKind.ORGANISATION, "org:atlantic-council") == "named"
    # A KB organisation that is a registered outlet is other media, however the speaker was typed.
    assert classify_speaker(SpeakerKind.ORGANISATION, "org:newsweek") == "media"
    assert classify_speaker(SpeakerKind.PERSON, "publication:reuters") == "media"
