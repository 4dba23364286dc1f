"""The issue's check on the seeds (needs ../shared): the Alwaght-style seed names Israel mostly
as "the Zionist entity" with a hostile stance; the Hebrew seed never does.

Reached through general data only: the KB's aliases, the outlet registry's dateline rule and
the Arabic lexicon; nothing here or in the code knows these texts.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import dragoman
from dragoman.framing import frame_article, top_name

REPO = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("DRAGOMAN_SHARED", REPO.parent / "shared")) / "corpus" / "seeds"


@pytest.fixture(scope="module")
def framed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared absent: no seed corpus at {SEEDS}")
    store = dragoman.open_store(str(tmp_path_factory.mktemp("seeds") / "s.db"))
    dragoman.ingest([SEEDS], store=store)
    out = {Path(a.source.path or "").name[:3]: frame_article(a) for a in store.iter_articles()}
    store.close()
    return out


def test_alwaght_style_seed_names_israel_the_zionist_entity_and_is_hostile(framed: dict[str, object]) -> None:
    f = framed["000"]
    assert f.language == "ar"  # type: ignore[attr-defined]
    assert f.outlet.outlet == "alwaght" and f.outlet.how == "dateline"  # type: ignore[attr-defined]
    form, share = top_name(f.names["country:IL"])  # type: ignore[attr-defined]
    assert form == "الكيان الصهيوني" and share > 0.5
    st = f.stance.entities["country:IL"]  # type: ignore[attr-defined]
    assert st.label == "hostile" and st.evidence
    assert f.bias == "against_israel"  # type: ignore[attr-defined]


def test_hebrew_seed_never_does(framed: dict[str, object]) -> None:
    f = framed["003"]
    assert f.language == "he"  # type: ignore[attr-defined]
    names = f.names["country:IL"]  # type: ignore[attr-defined]
    assert names and all("ציונ" not in form for form in names)  # no "Zionist" naming
    assert not any(m.target == "israel" and m.sign < 0 for m in f.markers)  # type: ignore[attr-defined]
    assert f.stance.entities["country:IL"].label != "hostile"  # type: ignore[attr-defined]
