"""A title phrase followed by a name is one party, the person (events/apposition.py), in each language."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.apposition import apposed, with_affiliates
from dragoman.events.extract import extract_events
from dragoman.events.sentence import build_views
from dragoman.model import Article, EntityType, Mention, MentionKind, Span

GPE, ORG, PER = EntityType.GPE, EntityType.ORG, EntityType.PERSON
HADDAD = ("person:haddad", PER)
NOURI = ("person:nouri", PER)
COUNCIL = ("org:council", ORG)
NORLAND = ("country:NL", GPE)


def _consult(art: Article, lang: str) -> tuple[list[str], list[str]]:
    found = [e for e in extract_events(art, lang) if e.type == "CONSULT"]
    assert found, "no meeting found"
    return found[0].actors, found[0].recipients


def test_hebrew_head_of_a_council_then_a_name_is_the_person(make_article: Callable[..., Article]) -> None:
    # "Haddad met yesterday with the head of the Norland Transition Council Khalid Nouri."
    art = make_article(
        "נביל חדאד נפגש אתמול עם ראש מועצת המעבר הנורלנדית חאלד נורי.",
        "he",
        {"נביל חדאד": HADDAD, "מועצת המעבר הנורלנדית": COUNCIL, "הנורלנדית": NORLAND, "חאלד נורי": NOURI},
    )
    actors, recipients = _consult(art, "he")
    assert actors == ["person:haddad"]
    # the person first, then the body and the state its title names
    assert recipients == ["person:nouri", "org:council", "country:NL"]


def test_arabic_head_of_a_council_then_a_name_is_the_person(make_article: Callable[..., Article]) -> None:
    # "Haddad met the head of the Norland Transition Council Khalid al-Nouri in Cairo."
    art = make_article(
        "التقى نبيل حداد رئيس المجلس الانتقالي النورلندي خالد النوري في القاهرة.",
        "ar",
        {"نبيل حداد": HADDAD, "المجلس الانتقالي النورلندي": COUNCIL, "النورلندي": NORLAND, "خالد النوري": NOURI},
    )
    actors, recipients = _consult(art, "ar")
    assert actors == ["person:haddad"]
    assert recipients[0] == "person:nouri" and "country:NL" in recipients


def test_english_head_of_a_council_then_a_name_is_the_person(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Nabil Haddad met the head of the Norland Transition Council Khalid Nouri in Cairo on Monday.",
        "en",
        {"Nabil Haddad": HADDAD, "Norland Transition Council": COUNCIL, "Norland": NORLAND, "Khalid Nouri": NOURI},
    )
    actors, recipients = _consult(art, "en")
    assert actors == ["person:haddad"]
    assert recipients == ["person:nouri", "org:council", "country:NL"]


def test_english_body_before_its_head(make_article: Callable[..., Article]) -> None:
    # English titles may follow the body they head: "the Transition Council chairman Khalid Nouri"
    art = make_article(
        "Nabil Haddad met Transition Council chairman Khalid Nouri in Cairo.",
        "en",
        {"Nabil Haddad": HADDAD, "Transition Council": COUNCIL, "Khalid Nouri": NOURI},
    )
    view = apposed(build_views(art, "en", {","})[0], "en")
    assert [art.span_text(r.mention.span) for r in view.view.mentions] == [
        "Nabil Haddad",
        "Transition Council chairman Khalid Nouri",
    ]
    assert view.affiliations == {"person:nouri": ["org:council"]}


def test_without_a_name_the_body_stays_a_party(make_article: Callable[..., Article]) -> None:
    # "Haddad met the head of the Norland Transition Council in the capital": no name, nothing changes
    art = make_article(
        "נביל חדאד נפגש עם ראש מועצת המעבר הנורלנדית בעיר הבירה.",
        "he",
        {"נביל חדאד": HADDAD, "מועצת המעבר הנורלנדית": COUNCIL, "הנורלנדית": NORLAND},
    )
    view = build_views(art, "he", {","})[0]
    assert apposed(view, "he").view is view
    _actors, recipients = _consult(art, "he")
    assert "org:council" in recipients


def _with_title(art: Article, phrase: str, role: str) -> Article:
    """``art`` with a TITLE mention over ``phrase`` (as the gazetteer makes one) resolved to ``role``'s holder."""
    start = art.text.index(phrase)
    art.mentions.append(Mention(Span(start, start + len(phrase)), PER, MentionKind.TITLE, kb_id=role))
    art.mentions.sort(key=lambda m: m.span.start)
    ids = {m.kb_id for m in art.mentions}
    art.entities = [e for e in art.entities if e.id in ids]
    for e in art.entities:
        e.mentions = [i for i, m in enumerate(art.mentions) if m.kb_id == e.id]
    return art


def test_arabic_foreign_minister_of_a_state_then_a_name(make_article: Callable[..., Article]) -> None:
    # "Foreign minister of Valdoria Karim Saleh met Haddad": Valdoria is the minister's, not the actor
    art = make_article(
        "التقى وزير خارجية فالدوريا كريم صالح نبيل حداد في مسقط.",
        "ar",
        {"فالدوريا": ("country:VD", GPE), "كريم صالح": ("person:saleh", PER), "نبيل حداد": HADDAD},
    )
    actors, recipients = _consult(art, "ar")
    assert actors == ["person:saleh", "country:VD"]
    assert recipients == ["person:haddad"]


def test_hebrew_title_mention_is_dropped_with_what_it_names(make_article: Callable[..., Article]) -> None:
    # "The foreign minister of Valdoria Karim Saleh met with Haddad"
    art = make_article(
        "שר החוץ של ולדוריה כרים סאלח נפגש עם נביל חדאד.",
        "he",
        {"ולדוריה": ("country:VD", GPE), "כרים סאלח": ("person:saleh", PER), "נביל חדאד": HADDAD},
    )
    art = _with_title(art, "שר החוץ של ולדוריה", "role:foreign_minister@country:VD")
    view = apposed(build_views(art, "he", {","})[0], "he")
    assert [r.entity for r in view.view.mentions] == ["person:saleh", "person:haddad"]
    assert view.affiliations == {"person:saleh": ["country:VD"]}
    actors, recipients = _consult(art, "he")
    assert actors == ["person:saleh", "country:VD"] and recipients == ["person:haddad"]


def test_a_name_joined_by_and_is_another_person(make_article: Callable[..., Article]) -> None:
    # "met the head of the council and Nouri": two parties, the council stays one
    art = make_article(
        "נביל חדאד נפגש עם ראש מועצת המעבר וחאלד נורי.",
        "he",
        {"נביל חדאד": HADDAD, "מועצת המעבר": COUNCIL, "חאלד נורי": NOURI},
    )
    view = build_views(art, "he", {","})[0]
    assert apposed(view, "he").view is view


def test_affiliates_follow_their_person_when_the_article_names_them() -> None:
    titled = {"person:nouri": ["org:council", "country:NL"]}
    assert with_affiliates(["person:nouri"], titled, {"person:nouri", "org:council", "country:NL"}) == [
        "person:nouri",
        "org:council",
        "country:NL",
    ]
    assert with_affiliates(["person:nouri"], titled, {"person:nouri", "country:NL"}) == ["person:nouri", "country:NL"]
    assert with_affiliates(["person:haddad"], titled, {"person:haddad", "country:NL"}) == ["person:haddad"]


def test_a_visit_is_not_to_the_pair_of_a_deal_it_seeks(make_article: Callable[..., Article]) -> None:
    # "landed in Amman hoping to seal a truce deal between X and Y": the pair is the deal's, Jordan hosts
    art = make_article(
        "Envoy Karl Brandt landed in Amman hoping to seal a truce deal between Valdoria and Ostrava, "
        "as Jordan looked on.",
        "en",
        {
            "Karl Brandt": ("person:brandt", PER),
            "Amman": ("city:amman", EntityType.PLACE),
            "Valdoria": ("country:VD", GPE),
            "Ostrava": ("country:OS", GPE),
            "Jordan": ("country:JO", GPE),
        },
    )
    found = [e for e in extract_events(art, "en") if e.type == "CONSULT"]
    assert found and found[0].actors == ["person:brandt"]
    assert found[0].recipients == ["country:JO"]


SALEH = ("person:saleh", PER)
VALDORIA = ("country:VD", GPE)


def test_english_title_after_the_name_is_the_persons(make_article: Callable[..., Article]) -> None:
    # "Saleh, Valdoria's foreign minister, met Haddad": Valdoria is Saleh's, not a party of its own
    art = make_article(
        "Karim Saleh, Valdoria's foreign minister, met Nabil Haddad in Cairo.",
        "en",
        {"Karim Saleh": SALEH, "Valdoria": VALDORIA, "Nabil Haddad": HADDAD},
    )
    view = apposed(build_views(art, "en", {","})[0], "en")
    assert [art.span_text(r.mention.span) for r in view.view.mentions] == [
        "Karim Saleh, Valdoria's foreign minister",
        "Nabil Haddad",
    ]
    assert view.affiliations == {"person:saleh": ["country:VD"]}
    assert view.joined == frozenset({2, 6})  # the commas around the title
    actors, recipients = _consult(art, "en")
    assert actors == ["person:saleh", "country:VD"] and recipients == ["person:haddad"]


def test_english_title_after_the_object_names_its_body(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Nabil Haddad met Karim Saleh, the head of the Valdorian Transition Council, in Cairo.",
        "en",
        {"Karim Saleh": SALEH, "Valdorian Transition Council": COUNCIL, "Valdorian": VALDORIA, "Nabil Haddad": HADDAD},
    )
    actors, recipients = _consult(art, "en")
    assert actors == ["person:haddad"]
    assert recipients == ["person:saleh", "org:council", "country:VD"]


def test_arabic_title_after_the_name(make_article: Callable[..., Article]) -> None:
    # "Saleh, the Valdorian foreign minister, met with Haddad in Muscat"
    art = make_article(
        "التقى كريم صالح، وزير الخارجية الفالدوري، مع نبيل حداد في مسقط.",
        "ar",
        {"كريم صالح": SALEH, "الفالدوري": VALDORIA, "نبيل حداد": HADDAD},
    )
    view = apposed(build_views(art, "ar", {"،"})[0], "ar")
    assert [r.entity for r in view.view.mentions] == ["person:saleh", "person:haddad"]
    assert view.affiliations == {"person:saleh": ["country:VD"]}
    actors, recipients = _consult(art, "ar")
    assert actors == ["person:saleh", "country:VD"] and recipients == ["person:haddad"]


def test_hebrew_title_after_the_name(make_article: Callable[..., Article]) -> None:
    # "Saleh, the foreign minister of Valdoria, met with Haddad"
    art = make_article(
        "כרים סאלח, שר החוץ של ולדוריה, נפגש עם נביל חדאד.",
        "he",
        {"כרים סאלח": SALEH, "ולדוריה": VALDORIA, "נביל חדאד": HADDAD},
    )
    view = apposed(build_views(art, "he", {","})[0], "he")
    assert [r.entity for r in view.view.mentions] == ["person:saleh", "person:haddad"]
    actors, recipients = _consult(art, "he")
    assert actors == ["person:saleh", "country:VD"] and recipients == ["person:haddad"]


def test_a_list_after_a_name_is_no_title(make_article: Callable[..., Article]) -> None:
    names = {"Karim Saleh": SALEH, "Valdoria": VALDORIA, "Ostrava": ("country:OS", GPE), "Nabil Haddad": HADDAD}
    for text in (
        "Nabil Haddad met Karim Saleh, Valdoria and the Ostrava envoy.",  # three parties
        "Karim Saleh, Valdoria's foreign minister said he met Nabil Haddad.",  # words after the title
    ):
        art = make_article(text, "en", names)
        view = build_views(art, "en", {","})[0]
        assert apposed(view, "en").view is view, text


def test_a_title_before_another_name_is_that_ones(make_article: Callable[..., Article]) -> None:
    # "Haddad met Saleh, Valdoria's envoy Nouri": the title is Nouri's, Saleh is a party of his own
    art = make_article(
        "Nabil Haddad met Karim Saleh, Valdoria's envoy Khalid Nouri.",
        "en",
        {"Karim Saleh": SALEH, "Valdoria": VALDORIA, "Khalid Nouri": NOURI, "Nabil Haddad": HADDAD},
    )
    view = apposed(build_views(art, "en", {","})[0], "en")
    assert [art.span_text(r.mention.span) for r in view.view.mentions] == [
        "Nabil Haddad",
        "Karim Saleh",
        "Valdoria's envoy Khalid Nouri",
    ]
    assert view.affiliations == {"person:nouri": ["country:VD"]} and not view.joined


def test_a_person_joined_by_and_after_the_comma_is_another(make_article: Callable[..., Article]) -> None:
    # "Saleh and the Valdorian foreign minister met in Muscat": two people
    art = make_article(
        "اجتمع في مسقط كريم صالح، ووزير الخارجية الفالدوري.",
        "ar",
        {"كريم صالح": SALEH, "الفالدوري": VALDORIA},
    )
    view = build_views(art, "ar", {"،"})[0]
    assert apposed(view, "ar").view is view


def test_a_title_between_two_names_and_commas_is_the_first_ones(make_article: Callable[..., Article]) -> None:
    # "Saleh, the Valdorian foreign minister, met Haddad": the title is Saleh's; Haddad stays his own name
    art = make_article(
        "التقى كريم صالح، وزير الخارجية الفالدوري، نبيل حداد في مسقط.",
        "ar",
        {"كريم صالح": SALEH, "الفالدوري": VALDORIA, "نبيل حداد": HADDAD},
    )
    view = apposed(build_views(art, "ar", {"،"})[0], "ar")
    assert [art.span_text(r.mention.span) for r in view.view.mentions] == [
        "كريم صالح، وزير الخارجية الفالدوري",
        "نبيل حداد",
    ]
    assert view.affiliations == {"person:saleh": ["country:VD"]}
