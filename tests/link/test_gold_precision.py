"""The junk filters must not cost precision on gold NER data (skipped without ../shared).

Each test sentence of ANERcorp (Arabic) and NEMO (Hebrew) goes through the
real gazetteer and tagger, then the linker with and without its filters.
A kept NER mention of a local entity is right when its span, or its head,
is a gold entity's span (any type: the linker does not retype).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from dragoman_training.ner.datasets import Sentence, anercorp, nemo

from dragoman.model import Article
from dragoman.ner.scoring import spans as gold_spans
from dragoman.ner.tagger import has_model
from dragoman.stages.gazetteer import Gazetteer
from dragoman.stages.link import Link, LinkSettings
from dragoman.stages.ner import Ner
from dragoman.stages.normalize import Normalize
from dragoman.stages.sentences import Sentences

_SENTENCES = 500  # enough to show the effect, quick enough for every run


def _tagged(lang: str, sents: Sequence[Sentence]) -> list[tuple[Article, set[tuple[int, int]]]]:
    stages = (Sentences(), Normalize(), Gazetteer(), Ner())
    out = []
    for s in sents[:_SENTENCES]:
        offsets, pos = [], 0
        for tok in s.tokens:
            offsets.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        art = Article.from_text(" ".join(s.tokens))
        art.language = lang
        art.provided |= {"boilerplate", "language"}
        for stage in stages:
            art = stage(art)
        gold = {(offsets[a][0], offsets[b - 1][1]) for a, b, _t in gold_spans(s.labels)}
        out.append((art, gold))
    return out


def _precision(
    items: list[tuple[Article, set[tuple[int, int]]]], settings: LinkSettings
) -> tuple[int, float]:
    link = Link(settings)
    kept = right = 0
    for base, gold in items:
        art = Article.from_text(base.text)
        art.language, art.tokens, art.sentences = base.language, base.tokens, base.sentences
        art.norm, art.norm_offsets, art.mentions = base.norm, base.norm_offsets, list(base.mentions)
        link(art)
        for e in art.entities:
            if not e.id.startswith("local:"):
                continue
            for i in e.mentions:
                m = art.mentions[i]
                if m.source != "ner":
                    continue
                kept += 1
                h = m.head or m.span
                right += (m.span.start, m.span.end) in gold or (h.start, h.end) in gold
    return kept, right / kept if kept else 0.0


@pytest.mark.shared
@pytest.mark.parametrize("lang", ["ar", "he"])
def test_filters_keep_local_precision(lang: str, datasets_dir: Path) -> None:
    if not has_model(lang):
        pytest.skip(f"no {lang} tagger model shipped")
    sents = anercorp(datasets_dir, "test") if lang == "ar" else nemo(datasets_dir, "test")
    items = _tagged(lang, sents)
    n_off, p_off = _precision(items, LinkSettings(filter_common_words=False, propagate_people=False))
    n_on, p_on = _precision(items, LinkSettings(propagate_people=False))
    assert n_on < n_off, "the filters dropped nothing"
    assert p_on >= p_off, f"{lang}: local precision fell from {p_off:.3f} to {p_on:.3f}"
