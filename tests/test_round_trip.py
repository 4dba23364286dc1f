"""Article JSON v2 is lossless on real articles: the bundled examples and, with ../shared, the seeds.

Round trips compare ``Article`` objects (every dataclass field), not JSON
with JSON, and a pipeline re-run on a deserialised article recomputes what
was cleared exactly as the first run did.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import dragoman
from dragoman.api import load_pipeline
from dragoman.ingest import iter_inputs
from dragoman.model import Article
from dragoman.serialize import from_json, to_json, validate

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


def _inputs() -> list[Path]:
    files = [p for p in sorted((REPO / "examples").rglob("*")) if p.suffix in {".txt", ".html"}]
    return files + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    pipe = load_pipeline()
    out = []
    for res in pipe.pipe(iter_inputs(_inputs())):
        assert res.error is None, res.error
        out.append(res.article)
    assert len(out) >= 8
    return out


def _through_text(a: Article) -> Article:
    return from_json(json.loads(json.dumps(to_json(a), ensure_ascii=False)))


def test_from_json_of_to_json_is_the_same_article(articles: list[Article]) -> None:
    for a in articles:
        doc = to_json(a)
        validate(doc)
        back = _through_text(a)
        for f in dataclasses.fields(Article):
            if f.compare:
                assert getattr(back, f.name) == getattr(a, f.name), f"{a.source.path}: {f.name} differs"
        assert back == a
        assert back.raw_bytes == a.raw_bytes and back.tokens and back.norm


def test_every_provided_layer_is_in_the_document(articles: list[Article]) -> None:
    for a in articles:
        back = _through_text(a)
        assert back.provided == a.provided
        assert len(back.tokens) == len(a.tokens) > 0
        assert back.norm_offsets == a.norm_offsets
        if a.raw_offsets is not None:
            assert back.raw is not None and back.raw_offsets == a.raw_offsets


_CLEARED = {"mentions": [], "entities": [], "described": [], "events": [], "quotes": [], "claims": []}


def test_rerun_on_a_deserialised_article_gives_the_same_result(articles: list[Article]) -> None:
    pipe = load_pipeline()
    found = 0
    for a in articles:
        back = _through_text(a)
        for name, empty in _CLEARED.items():
            setattr(back, name, list(empty))
        back.provided -= set(_CLEARED)
        res = pipe.run(back)
        assert res.error is None
        assert to_json(res.article) == to_json(a), f"{a.source.path}: re-run differs"
        assert res.article == a
        found += len(a.mentions)
    assert found > 0


def test_rerun_from_the_dates_stage_derives_the_publication_date_afresh(articles: list[Article]) -> None:
    """The dates stage runs again on a stored article whose date it read or estimated itself:
    it must not take that date for a given one, or the re-run would anchor differently."""
    pipe = load_pipeline()
    derived = 0
    for a in articles:
        back = _through_text(a)
        basis = back.source.published_basis
        derived += basis is not None and not basis.given
        back.time_expressions = []
        for name, empty in _CLEARED.items():
            setattr(back, name, list(empty))
        back.provided -= {"time_expressions", "published", *_CLEARED}
        res = pipe.run(back)
        assert res.error is None
        assert res.article == a, f"{a.source.path}: re-run differs"
    assert derived > 0, "some article has a date the dates stage found itself"


def test_rerun_of_a_complete_article_changes_nothing(articles: list[Article]) -> None:
    pipe = load_pipeline()
    for a in articles[:4]:
        res = pipe.run(_through_text(a))
        assert res.error is None and res.article == a


def test_extract_json_is_v2_and_reads_back(tmp_path: Path) -> None:
    path = _inputs()[0]
    a = dragoman.extract(path)
    assert to_json(a)["schema"] == "dragoman.article.v2"
    assert _through_text(a) == a
