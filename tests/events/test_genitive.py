"""The doer of a verbal noun of joining is the party it is of (events/genitive.py), in each language."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.events.frames import frame
from dragoman.model import Article, EntityType

GPE, ORG, PER = EntityType.GPE, EntityType.ORG, EntityType.PERSON
ACCORD = ("agreement:accord", EntityType.AGREEMENT)


def _accession(art: Article, lang: str) -> tuple[list[str], list[str]]:
    found = [e for e in extract_events(art, lang) if e.type == "ACCEDE"]
    assert found, "no accession found"
    return found[0].actors, found[0].recipients


def test_only_joining_codes_take_their_genitive_as_actor() -> None:
    assert frame("ACCEDE").genitive_actor and frame("CANDIDACY").genitive_actor
    assert not frame("CONSULT").genitive_actor  # "the release of the hostages": the genitive is acted upon


def test_arabic_possessive_ending_is_the_state_named_before(make_article: Callable[..., Article]) -> None:
    # "The administration of President Lorentz is discussing with Valdoria the possibility of its joining the Accord."
    art = make_article(
        "قالت مصادر إن إدارة الرئيس لورنتس تبحث مع فالدوريا إمكانية انضمامها إلى اتفاق الوفاق.",
        "ar",
        {"لورنتس": ("person:lorentz", PER), "فالدوريا": ("country:VD", GPE), "اتفاق الوفاق": ACCORD},
    )
    actors, recipients = _accession(art, "ar")
    assert actors == ["country:VD"] and recipients == ["agreement:accord"]


def test_arabic_construct_genitive_is_the_joiner(make_article: Callable[..., Article]) -> None:
    # "The aim of the minister's visit to the capital is to complete Valdoria's accession to the Accord."
    art = make_article(
        "وهدف زيارة الوزير هاركن إلى العاصمة هو إتمام انضمام فالدوريا إلى اتفاق الوفاق.",
        "ar",
        {"هاركن": ("person:harken", PER), "فالدوريا": ("country:VD", GPE), "اتفاق الوفاق": ACCORD},
    )
    assert _accession(art, "ar")[0] == ["country:VD"]


def test_hebrew_genitive_after_shel_wins_over_the_announcer(make_article: Callable[..., Article]) -> None:
    # "President Lorentz announced the joining of Valdoria to the Accord."
    art = make_article(
        "הנשיא לורנץ הודיע על הצטרפותה של ולדוריה להסכם הוודאות.",
        "he",
        {"לורנץ": ("person:lorentz", PER), "ולדוריה": ("country:VD", GPE), "הסכם הוודאות": ACCORD},
    )
    assert _accession(art, "he")[0] == ["country:VD"]


def test_english_of_phrase_and_its(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Officials in Norland discussed the accession of Valdoria to the Harbour Accord.",
        "en",
        {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Harbour Accord": ACCORD},
    )
    assert _accession(art, "en")[0] == ["country:VD"]
    art = make_article(
        "Norland's envoy met Valdoria's foreign minister to discuss its accession to the Harbour Accord.",
        "en",
        {"Norland": ("country:NL", GPE), "Valdoria": ("country:VD", GPE), "Harbour Accord": ACCORD},
    )
    assert _accession(art, "en")[0] == ["country:VD"]


def test_the_agreement_itself_is_never_the_genitive_actor(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Valdoria welcomed the accession of the Harbour Accord members.",
        "en",
        {"Valdoria": ("country:VD", GPE), "Harbour Accord": ACCORD},
    )
    found = [e for e in extract_events(art, "en") if e.type == "ACCEDE"]
    assert all("agreement:accord" not in e.actors for e in found)
