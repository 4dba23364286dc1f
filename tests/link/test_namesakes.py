"""A KB person's surname after another given name names a namesake, not the KB person."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.link.rules import rules_for
from dragoman.model import Article, EntityType
from dragoman.stages.link import Link

Build = Callable[..., Article]  # fixtures from tests/link/conftest.py
AddNer = Callable[..., int]


def _owners(art: Article, surface: str) -> set[str]:
    """The entities of the mentions whose head or span reads ``surface``."""
    out: set[str] = set()
    for e in art.entities:
        for i in e.mentions:
            m = art.mentions[i]
            if art.span_text(m.head or m.span) == surface or art.span_text(m.span) == surface:
                out.add(e.id)
    return out


def test_another_given_name_before_a_kb_surname_is_a_namesake_ar(build: Build, ner: AddNer) -> None:
    art = build("قال المحلل كريم الصفدي إن الحكومة ستعلن القرار. وأضاف الصفدي أن الأمر صعب.", "ar")
    ner(art, "كريم الصفدي", EntityType.PERSON)
    Link()(art)
    full = _owners(art, "كريم الصفدي")
    assert len(full) == 1 and next(iter(full)).startswith("local:")
    assert "person:safadi" not in {e.id for e in art.entities}
    assert _owners(art, "الصفدي") == full  # the later bare surname is the analyst too


def test_the_kb_persons_own_given_name_or_a_title_keeps_the_link_ar(build: Build, ner: AddNer) -> None:
    for text, tagged in [
        ("قال أيمن الصفدي إن الحكومة ستعلن القرار.", "أيمن الصفدي"),
        ("قال الوزير الصفدي إن الحكومة ستعلن القرار.", "الوزير الصفدي"),
        ("قال الصفدي إن الحكومة ستعلن القرار.", None),
    ]:
        art = build(text, "ar")
        if tagged:
            ner(art, tagged, EntityType.PERSON)
        Link()(art)
        assert "person:safadi" in {e.id for e in art.entities}, text


def test_the_kb_person_named_in_full_keeps_the_bare_surnames_ar(build: Build, ner: AddNer) -> None:
    text = "انتقد المحلل كريم الصفدي تصريحات أيمن الصفدي. وقال الصفدي إن بلاده لن تتراجع."
    art = build(text, "ar")
    ner(art, "كريم الصفدي", EntityType.PERSON)
    Link()(art)
    assert _owners(art, "الصفدي") == {"person:safadi"}
    assert _owners(art, "كريم الصفدي") != {"person:safadi"}


def test_a_namesake_in_hebrew(build: Build, ner: AddNer) -> None:
    art = build("הפרשן אורי נתניהו אמר כי הממשלה תפעל. נתניהו הוסיף כי זה קשה.", "he")
    ner(art, "אורי נתניהו", EntityType.PERSON)
    Link()(art)
    assert "person:netanyahu" not in {e.id for e in art.entities}
    assert _owners(art, "נתניהו") == _owners(art, "אורי נתניהו")


def test_a_hebrew_title_or_nickname_keeps_the_link(build: Build, ner: AddNer) -> None:
    for text, tagged in [("השר נתניהו אמר כי הממשלה תפעל.", "השר נתניהו"), ("ביבי נתניהו אמר כי הממשלה תפעל.", None)]:
        art = build(text, "he")
        if tagged:
            ner(art, tagged, EntityType.PERSON)
        Link()(art)
        assert {e.id for e in art.entities} == {"person:netanyahu"}, text


def test_an_english_namesake_is_spanned_whole(build: Build) -> None:
    # The English tagger skips tokens a KB name covers, so the linker spans the whole name itself.
    art = build("On Monday, Karim al-Safadi said the government would act. Safadi added it was hard.", "en")
    Link()(art)
    people = {e.canonical for e in art.entities if e.type is EntityType.PERSON}
    assert people == {"Karim al-Safadi"}
    assert _owners(art, "Safadi") == _owners(art, "Karim al-Safadi")


def test_english_titles_and_forms_of_address_keep_the_link(build: Build) -> None:
    for text in [
        "Foreign Minister Safadi said the government would act.",
        "Mr Safadi said the government would act.",
        "Jordan's Safadi said the government would act.",
        "Ayman Safadi said the government would act.",
    ]:
        art = build(text, "en")
        Link()(art)
        assert "person:safadi" in {e.id for e in art.entities}, text


def test_honorifics_are_validated_data() -> None:
    assert "الشيخ" in rules_for("ar").honorifics and rules_for("ar").honorific_prefixes == ("ال",)
    assert "מר" in rules_for("he").honorifics and "mr" in rules_for("en").honorifics

