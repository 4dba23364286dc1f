"""The outlet-chrome corpus pass: an article's chrome does not depend on how the corpus was ingested."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.api import ingest, remove
from dragoman.ingest import iter_inputs
from dragoman.model import Article, Source
from dragoman.pipeline import BaseStage, StageError, register_stage
from dragoman.pipeline.config import default_config_text
from dragoman.serialize import to_json
from dragoman.store.memory import MemoryStore

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"

Chrome = dict[str, list[tuple[int, int, str]]]


def _real_inputs() -> list[Article]:
    paths: list[Path] = [REPO / "examples"]
    if SEEDS.is_dir():
        paths.append(SEEDS)
    return list(iter_inputs(paths))


def _chrome(store: Any) -> Chrome:
    return {a.id: [(b.span.start, b.span.end, b.reason) for b in a.boilerplate] for a in store.iter_articles()}


def _ingest_in(chunks: Sequence[Sequence[Article]], batch_size: int, store: Any = None) -> Any:
    store = store if store is not None else MemoryStore()
    for chunk in chunks:
        ingest(articles=list(chunk), store=store, batch_size=batch_size)
    return store


def test_examples_and_seeds_get_the_same_chrome_alone_or_in_any_batch() -> None:
    arts = _real_inputs()
    assert len(arts) >= 8
    alone: Chrome = {}
    for a in _real_inputs():  # each article ingested by itself, into a store of its own
        alone |= _chrome(_ingest_in([[a]], 1))
    runs: list[Callable[[], MemoryStore]] = [
        lambda: _ingest_in([_real_inputs()], 16),
        lambda: _ingest_in([_real_inputs()], 1),
        lambda: _ingest_in([_real_inputs()], 64),
        lambda: _ingest_in([random.Random(7).sample(_real_inputs(), len(arts))], 3),
        lambda: _ingest_in([_real_inputs()[::2], _real_inputs()[1::2]], 4),
    ]
    for run in runs:
        assert _chrome(run()) == alone
    assert any(alone.values()), "the corpus has chrome to compare"


BODIES = [
    "Azerbaijan and Israel signed a new trade agreement in Baku on Monday, officials said.",
    "The foreign minister of Kazakhstan met his counterpart in Astana to discuss the accords.",
    "Protesters gathered outside the embassy in Tel Aviv on Tuesday evening, police said.",
    "The United States waived Section 907 for another year, the State Department announced.",
    "Armenia and Azerbaijan agreed on a peace framework at the White House on Friday.",
    "Uzbekistan said it was studying the accords but had made no decision yet, a spokesman said.",
]


def _outlet_corpus() -> list[Article]:
    """Two outlets: X prints a masthead and a footer on every page, Y one line on two pages only."""
    arts = [
        Article.from_bytes(f"Caspian Morning Brief\n{b}\nFollow our live coverage today\n".encode(), Source(outlet="X"))
        for b in BODIES
    ]
    arts += [
        Article.from_bytes(f"{'Steppe Wire' if i < 2 else 'Other header'}\n{b}\n".encode(), Source(outlet="Y"))
        for i, b in enumerate(reversed(BODIES[:4]))
    ]
    return arts


def _docs(store: Any) -> dict[str, str]:
    return {a.id: json.dumps(to_json(a), sort_keys=True) for a in store.iter_articles()}


@pytest.fixture(scope="module")
def reference() -> dict[str, str]:
    store = _ingest_in([_outlet_corpus()], 16)
    chrome = _chrome(store)
    x = [c for a, c in chrome.items() if any(r == "outlet_repeat" for *_, r in c)]
    assert len(x) == len(BODIES), "X's masthead is chrome on every X page"
    assert not any("Steppe Wire" in a.text and a.boilerplate[:1] and a.boilerplate[0].reason == "outlet_repeat"
                   for a in store.iter_articles()), "two pages are not enough"
    return _docs(store)


@settings(max_examples=12, deadline=None)
@given(order=st.randoms(use_true_random=False), batch=st.sampled_from([1, 2, 5, 16]), cut=st.integers(0, 10))
def test_same_articles_whatever_the_order_batches_and_ingests(
    reference: dict[str, str], order: random.Random, batch: int, cut: int
) -> None:
    arts = _outlet_corpus()
    order.shuffle(arts)
    store = _ingest_in([arts[:cut], arts[cut:]], batch)
    assert _docs(store) == reference


def test_incremental_ingest_touches_only_what_the_new_article_changes() -> None:
    arts = _outlet_corpus()
    store = _ingest_in([arts[:4]], 16)
    revs = {a.id: len(store.revisions(a.id)) for a in arts[:4]}
    late = ingest(articles=arts[4:5], store=store)  # a fifth X page: its outlet's chrome is known already
    assert late.stored == 1 and late.revised == 0
    assert {a.id: len(store.revisions(a.id)) for a in arts[:4]} == revs
    assert store.get_article(arts[4].id).boilerplate[0].reason == "outlet_repeat"  # type: ignore[union-attr]


def test_removing_pages_unmarks_a_line_that_is_no_longer_repeated() -> None:
    arts = _outlet_corpus()[:3]
    store = _ingest_in([arts], 16)
    assert all(a.boilerplate[0].reason == "outlet_repeat" for a in store.iter_articles())
    out = remove([arts[0].id], store=store)
    assert out.stored == 1 and out.revised == 2
    assert all(not a.boilerplate or a.boilerplate[0].reason != "outlet_repeat" for a in store.iter_articles())
    assert [r.revision for r in store.revisions(arts[1].id)] == [1, 2, 3]  # marked, then unmarked


def test_sqlite_store_settles_the_same_way(tmp_path: Path, reference: dict[str, str]) -> None:
    from dragoman.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "c.db")
    store.migrate()
    try:
        arts = _outlet_corpus()
        _ingest_in([arts[::-1][:5], arts[::-1][5:]], 2, store)
        assert _docs(store) == reference
    finally:
        store.close()


@register_stage("tests.FailsGivenOutletChrome.v1")
class _FailsGivenOutletChrome(BaseStage):
    """Refuses an article the corpus has given outlet chrome: a re-extraction that breaks."""

    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    uses: ClassVar[frozenset[str]] = frozenset({"outlet_chrome"})

    def __call__(self, article: Article) -> Article:
        if article.ext.get("outlet_chrome"):
            raise StageError(self.name, "given outlet chrome")
        return article


def test_a_failed_re_extraction_keeps_the_revision_and_is_recorded(tmp_path: Path) -> None:
    config = tmp_path / "breaks.toml"
    text = default_config_text().replace('"read", "boilerplate",', '"read", "boilerplate", "breaks",')
    config.write_text(text + '\n[stages.breaks]\nfactory = "tests.FailsGivenOutletChrome.v1"\n', "utf-8")
    store = MemoryStore()
    arts = _outlet_corpus()
    summary = ingest(articles=arts, store=store, config=config)
    # Every input ended one way on its first run; the six X pages then failed to be extracted again.
    assert summary.seen == summary.stored + summary.skipped + len(summary.errors) == len(arts)
    assert summary.stored == len(arts) and not summary.errors and summary.revised == 0
    x_pages = {a.id for a in arts if a.source.outlet == "X"}
    assert {e.article_id for e in summary.revision_errors} == x_pages
    assert {e.article_id for e in store.iter_errors()} == x_pages
    for article_id in x_pages:
        assert [r.revision for r in store.revisions(article_id)] == [1]  # the earlier revision is kept
        kept = store.get_article(article_id)
        assert kept is not None and all(b.reason != "outlet_repeat" for b in kept.boilerplate)
