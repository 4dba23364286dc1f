"""The picture pass on SQLite and PostgreSQL: incremental, one article at a time, equals batch in memory."""

from __future__ import annotations

import json
from collections.abc import Callable

from builders import picture_corpus, unrelated_story
from dragoman.corpus.documents import events_document, stories_document
from dragoman.corpus.picture import PicturePass, build_picture, read_picture
from dragoman.store.base import Store


def test_incremental_on_a_real_store_equals_batch(store_url: str, open_store_at: Callable[[str], Store]) -> None:
    arts = [*picture_corpus(), unrelated_story()]
    store = open_store_at(store_url)
    store.migrate()  # type: ignore[attr-defined]
    for a in reversed(arts):
        store.put_article(a)
        PicturePass().update(store, [a])
    got = read_picture(store)
    want = build_picture(arts)
    assert json.dumps([events_document(got), stories_document(got)], sort_keys=True) == json.dumps(
        [events_document(want), stories_document(want)], sort_keys=True
    )
    assert any(len(e.sources) == 3 for e in got.events)
