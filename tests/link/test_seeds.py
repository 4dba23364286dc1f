"""The two seed-article cases through the default pipeline (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import dragoman
from dragoman.model import Article, EntityType


def _surfaces(art: Article, entity_id: str) -> list[str]:
    ent = art.entity(entity_id)
    assert ent is not None, f"{entity_id} not among {[e.id for e in art.entities]}"
    return [art.span_text(art.mentions[i].span) for i in ent.mentions]


def test_seed_arabic_spellings_of_one_knesset_member_are_one_entity(seeds_dir: Path) -> None:
    art = dragoman.extract(seeds_dir / "004_f41f7eb80dd70fb4.txt")
    spellings = ["موشيشفيلي", "موشيافيلي", "موشياشفيلي", "موشاشفيلي"]
    owners = {
        e.id
        for e in art.entities
        for i in e.mentions
        if any(s in art.span_text(art.mentions[i].span) for s in spellings)
    }
    assert len(owners) == 1, owners
    (eid,) = owners
    ent = art.entity(eid)
    assert ent is not None and ent.type is EntityType.PERSON and eid.startswith("local:")
    found = " ".join(_surfaces(art, eid))
    assert all(s in found for s in spellings), found
    assert ent.canonical.isascii() and ent.canonical.split()[0][0].isupper()


def test_seed_hebrew_adviser_title_full_name_and_surname_are_one_entity(seeds_dir: Path) -> None:
    art = dragoman.extract(seeds_dir / "003_7678fdd83c2c5ead.txt")
    got = _surfaces(art, "person:hikmet-hajiyev")
    assert "יועץ הנשיא האזרי" in got
    assert "חיכמת חגיייב" in got
    assert any(s.endswith("חגיייב") and s != "חיכמת חגיייב" for s in got), got
    assert not [e for e in art.entities if e.id.startswith("local:") and "חגיייב" in e.canonical]
