"""Actors, recipients and places come from the linked mentions of the clause."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType, Granularity, MentionKind, Span, TimeExpr

GPE = EntityType.GPE


def test_english_actor_before_recipient_after_marker(make_article: Callable[..., Article]) -> None:
    names = {"Israel": ("country:IL", GPE), "Azerbaijan": ("country:AZ", GPE)}
    art = make_article("Israel signed a security agreement with Azerbaijan.", "en", names)
    ev = next(e for e in extract_events(art, "en") if e.type == "AGREE")  # signing a pact is agreeing to it
    assert ev.actors == ["country:IL"]
    assert ev.recipients == ["country:AZ"]


def test_arabic_verb_first_subject_and_recipient_clitic(make_article: Callable[..., Article]) -> None:
    names = {"إسرائيل": ("country:IL", GPE), "أذربيجان": ("country:AZ", GPE)}
    art = make_article("هددت إسرائيل أذربيجان بقطع العلاقات.", "ar", names)
    ev = next(e for e in extract_events(art, "ar") if e.type == "THREATEN")
    assert ev.actors == ["country:IL"]  # VSO: the subject follows the verb
    assert ev.recipients == ["country:AZ"]


def test_nisba_and_metonym_mentions_count_as_their_entities(make_article: Callable[..., Article]) -> None:
    # The linker resolves "the Azerbaijani president" to Aliyev and "Baku" to Azerbaijan's government;
    # here we hand-build those resolved mentions and check the events stage uses the entity ids.
    text = "The Azerbaijani president met the Israeli foreign minister in Baku."
    names = {
        "Azerbaijani president": ("person:aliyev", EntityType.PERSON),
        "Israeli foreign minister": ("person:cohen", EntityType.PERSON),
    }
    art = make_article(text, "en", names)
    art.mentions[0] = type(art.mentions[0])(
        span=art.mentions[0].span, type=EntityType.PERSON, kind=MentionKind.TITLE, kb_id="person:aliyev"
    )
    ev = next(e for e in extract_events(art, "en") if e.type == "CONSULT")
    assert ev.actors == ["person:aliyev"]
    assert ev.recipients == ["person:cohen"]


def test_coordinated_actors_share_the_role(make_article: Callable[..., Article]) -> None:
    names = {
        "Kazakhstan": ("country:KZ", GPE),
        "Uzbekistan": ("country:UZ", GPE),
        "Accords": ("agreement:abraham", EntityType.AGREEMENT),
    }
    art = make_article("Kazakhstan and Uzbekistan will join the Accords.", "en", names)
    ev = next(e for e in extract_events(art, "en") if e.type == "ACCEDE")
    assert set(ev.actors) == {"country:KZ", "country:UZ"}


def test_place_after_place_marker(make_article: Callable[..., Article]) -> None:
    names = {"Israel": ("country:IL", GPE), "Baku": ("place:baku", EntityType.PLACE)}
    art = make_article("Israel opened an embassy in Baku.", "en", names)
    ev = next(e for e in extract_events(art, "en") if e.type == "OPEN_EMBASSY")
    assert ev.actors == ["country:IL"]
    assert ev.place == "place:baku"


def test_event_takes_the_nearest_date_of_its_sentence(make_article: Callable[..., Article]) -> None:
    text = "In 2020 talks began. Azerbaijan joined the Accords in March 2025."
    names = {"Azerbaijan": ("country:AZ", GPE), "Accords": ("agreement:abraham", EntityType.AGREEMENT)}
    art = make_article(text, "en", names)
    far = TimeExpr(span=Span(3, 7), value="2020", granularity=Granularity.YEAR)
    s = text.index("March 2025")
    near = TimeExpr(span=Span(s, s + len("March 2025")), value="2025-03", granularity=Granularity.MONTH)
    art.time_expressions = [far, near]
    ev = next(e for e in extract_events(art, "en") if e.type == "ACCEDE")
    assert ev.date == near  # the 2020 expression is in another sentence


def test_arabic_plural_verb_carries_its_subject(make_article: Callable[..., Article]) -> None:
    # "they kidnapped a French photographer": the suffix -وا is the subject, the noun after is the object
    names = {"الفرنسي": ("country:FR", GPE), "مسلحون": ("group:gunmen", EntityType.GROUP)}
    art = make_article("في الصومال مسلحون خطفوا المصور الفرنسي أمس.", "ar", names)
    ev = next(e for e in extract_events(art, "ar") if e.type == "ASSAULT")
    assert ev.actors == ["group:gunmen"]
    assert ev.recipients == ["country:FR"]


def test_words_inside_a_multiword_name_trigger_nothing(make_article: Callable[..., Article]) -> None:
    names = {"Freedom Support Act": ("law:fsa", EntityType.LAW), "Azerbaijan": ("country:AZ", GPE)}
    art = make_article("Section 907 of the Freedom Support Act restricts aid to Azerbaijan.", "en", names)
    assert "SUPPORT" not in {e.type for e in extract_events(art, "en")}


def test_a_place_with_a_glued_place_marker(make_article: Callable[..., Article]) -> None:
    # ב glued to the name is the place marker, as "in" and في are standing alone
    cases = [
        ("he", "ישראל פתחה שגרירות בבאקו.", "באקו", "ישראל"),
        ("ar", "افتتحت إسرائيل سفارة في باكو.", "باكو", "إسرائيل"),
        ("en", "Israel opened an embassy in Baku.", "Baku", "Israel"),
    ]
    for lang, text, city, state in cases:
        names = {city: ("city:baku", EntityType.PLACE), state: ("country:IL", GPE)}
        ev = next(e for e in extract_events(make_article(text, lang, names), lang) if e.type == "OPEN_EMBASSY")
        assert (ev.actors, ev.place) == (["country:IL"], "city:baku"), lang


def _places(lang: str) -> dict[str, tuple[str, EntityType]]:
    return {
        "en": {"Baku": ("city:baku", EntityType.PLACE), "Haifa": ("city:haifa", EntityType.PLACE)},
        "ar": {"باكو": ("city:baku", EntityType.PLACE), "حيفا": ("city:haifa", EntityType.PLACE)},
        "he": {"באקו": ("city:baku", EntityType.PLACE), "חיפה": ("city:haifa", EntityType.PLACE)},
    }[lang]


STATES = {
    "Azerbaijan": ("country:AZ", GPE),
    "Israel": ("country:IL", GPE),
    "أذربيجان": ("country:AZ", GPE),
    "إسرائيل": ("country:IL", GPE),
    "אזרבייג'ן": ("country:AZ", GPE),
    "ישראל": ("country:IL", GPE),
}
HOSTED = [
    ("en", "Relations with Azerbaijan are warm. The president of Israel arrived in Baku.", "CONSULT"),
    ("en", "Relations with Azerbaijan are warm. Israel opened an embassy in Baku.", "OPEN_EMBASSY"),
    ("ar", "العلاقات مع أذربيجان جيدة. أجرت إسرائيل زيارة في باكو.", "CONSULT"),
    ("he", "היחסים עם אזרבייג'ן חמים. נשיא ישראל ביקר בבאקו.", "CONSULT"),
]


def test_a_visit_names_no_host_and_its_place_gives_it(make_article: Callable[..., Article]) -> None:
    for lang, text, code in HOSTED:
        art = make_article(text, lang, {**STATES, **_places(lang)})
        ev = next(e for e in extract_events(art, lang) if e.type == code)
        assert (ev.actors, ev.recipients, ev.place) == (["country:IL"], ["country:AZ"], "city:baku"), text


def test_no_host_from_a_place_of_the_visitors_own_state_or_for_talks(make_article: Callable[..., Article]) -> None:
    own = ("he", "היחסים עם אזרבייג'ן חמים. נשיא ישראל ביקר בחיפה.", "city:haifa")
    talks = ("en", "Relations with Azerbaijan are warm. Israel held talks in Baku.", "city:baku")
    for lang, text, place in (own, talks):
        art = make_article(text, lang, {**STATES, **_places(lang)})
        ev = next(e for e in extract_events(art, lang) if e.type == "CONSULT")
        assert (ev.actors, ev.recipients, ev.place) == (["country:IL"], [], place), text


def test_a_newspaper_is_never_a_party(make_article: Callable[..., Article]) -> None:
    # "The Norlandic source told the newspaper 'Al-Valdori': the negotiations will begin in Ostmark."
    # (not "the negotiating teams will arrive": a team is a party, no talks held)
    art = make_article(
        'وقال المصدر النورلاندي لصحيفة "الفالدوري": ستبدأ المفاوضات في أوستمارك.',
        "ar",
        {"الفالدوري": ("org:al-valdori", EntityType.ORG), "أوستمارك": ("country:OM", EntityType.GPE)},
    )
    events = extract_events(art, "ar")
    assert events and all("org:al-valdori" not in e.actors + e.recipients for e in events)


def test_the_party_acted_against_is_never_the_doer(make_article: Callable[..., Article]) -> None:
    # "The ministry said that its measures against Valdoria include all goods."
    art = make_article(
        "وأكدت الوزارة أن إجراءاتها ضد فالدوريا تشمل جميع السلع.",
        "ar",
        {"فالدوريا": ("country:VD", EntityType.GPE)},
    )
    found = [(e.actors, e.recipients) for e in extract_events(art, "ar") if e.type == "SANCTION"]
    assert found == [([], ["country:VD"])]
