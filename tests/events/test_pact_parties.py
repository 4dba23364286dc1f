"""A pact or law chosen as an act's recipient gives way to the state it binds (events/extract.py: _pact_parties)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.events.extract import extract_events
from dragoman.model import Article, EntityType

from .conftest import set_mentions  # noqa: TID252

GPE = EntityType.GPE
ACCORD = ("agreement:harbour-accord", EntityType.AGREEMENT)


def _only_outer(art: Article) -> Article:
    """Drop a name mention nested in a longer one (the hand-built article finds both)."""
    keep = [
        m for m in art.mentions if not any(o is not m and o.span.contains(m.span) and o.span != m.span for o in art.mentions)
    ]
    set_mentions(art, keep)
    return art


def _event(art: Article, lang: str, code: str) -> tuple[list[str], list[str]]:
    found = [e for e in extract_events(art, lang) if e.type == code]
    assert found, f"no {code} found"
    return found[0].actors, found[0].recipients


def test_the_state_inside_a_pact_name_is_the_recipient(make_article: Callable[..., Article]) -> None:
    art = _only_outer(
        make_article(
            "Valdoria protested on Monday. Norland withdrew from Valdoria's Harbour Accord in 2020.",
            "en",
            {"Valdoria": ("country:VD", GPE), "Norland": ("country:NL", GPE), "Valdoria's Harbour Accord": ACCORD},
        )
    )
    assert _event(art, "en", "REJECT") == (["country:NL"], ["country:VD"])


def test_a_pact_with_no_state_beside_it_stays(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Norland withdrew from the Harbour Accord in 2020.",
        "en",
        {"Norland": ("country:NL", GPE), "Harbour Accord": ACCORD},
    )
    assert _event(art, "en", "REJECT") == (["country:NL"], ["agreement:harbour-accord"])


def test_what_is_joined_keeps_the_pact(make_article: Callable[..., Article]) -> None:
    art = make_article(
        "Valdoria joined the Harbour Accord beside Norland.",
        "en",
        {"Valdoria": ("country:VD", GPE), "Norland": ("country:NL", GPE), "Harbour Accord": ACCORD},
    )
    assert "agreement:harbour-accord" in _event(art, "en", "ACCEDE")[1]
