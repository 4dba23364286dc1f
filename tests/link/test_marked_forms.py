"""A mark normalisation removes still tells two names apart: عمّان (Amman) is not عمان / عُمان (Oman)."""

from __future__ import annotations

from collections.abc import Callable

from dragoman.kb.index import alias_index
from dragoman.model import Article, EntityType
from dragoman.stages.link import Link

Build = Callable[..., Article]  # fixtures from tests/link/conftest.py
AddNer = Callable[..., int]


def test_a_tagged_amman_with_a_shadda_links_to_amman_not_oman(build: Build, ner: AddNer) -> None:
    # the linker reads the tagger's name with the same marks the gazetteer keeps
    idx = alias_index("ar")
    assert idx.text_token("بعمّان", "بعمان") == "بعمّان" and idx.text_token("عُمان", "عمان") == "عمان"
    art = build("وصل الوفد إلى عُمان ثم إلى عمّان.", "ar")
    oman = ner(art, "عُمان", EntityType.GPE)
    Link()(art)
    owners = {e.id for e in art.entities if oman in e.mentions}
    assert owners == {"country:OM"}
    assert any(e.id in ("country:JO", "city:amman") for e in art.entities)
