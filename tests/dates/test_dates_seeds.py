"""The dates stage on the real seed articles (no metadata): sensible, never a silently invented year."""

from __future__ import annotations

from pathlib import Path

from dragoman.model import Article, Granularity
from dragoman.stages.dates import Dates
from dragoman.stages.sentences import Sentences


def _language(text: str) -> str:
    # The seeds are Arabic or Hebrew; count letters of each script (langid is another stage's job).
    hebrew = sum("\u0590" <= ch <= "\u05ff" for ch in text)
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in text)
    return "he" if hebrew > arabic else "ar"


def test_seed_articles(seeds_dir: Path) -> None:
    found = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        art = Article.from_text(path.read_text("utf-8"))
        art.language = _language(art.text)
        art.provided.add("boilerplate")
        art = Dates()(Sentences()(art))
        src = art.source
        for t in art.time_expressions:
            found += 1
            assert art.span_text(t.span).strip(), path.name
            if not t.relative:
                assert t.value is not None and t.anchor is None
                continue
            if t.value is None:
                assert t.granularity == Granularity.UNRESOLVED and t.anchor is None
            else:
                # No metadata and no dateline in the seeds: any resolved relative expression
                # must say its anchor is an estimate.
                assert src.published_estimated and t.anchor is not None and t.anchor.endswith("~"), path.name
    assert found >= 10
