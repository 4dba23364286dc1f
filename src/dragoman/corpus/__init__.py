"""Corpus passes: declared steps over the store (see dragoman.corpus.base)."""

from dragoman.corpus.base import (
    CorpusPass,
    CorpusPassSettings,
    CorpusPassSpec,
    corpus_passes,
    make_corpus_pass,
    register_corpus_pass,
)
from dragoman.corpus.runner import CorpusStore, settle

__all__ = [
    "CorpusPass",
    "CorpusPassSettings",
    "CorpusPassSpec",
    "CorpusStore",
    "corpus_passes",
    "make_corpus_pass",
    "register_corpus_pass",
    "settle",
]
