"""Named-entity recognition: CRF sequence taggers trained on public gold data.

The weights ship in ``models/`` (one CRFsuite file per language, with the
frozen gazetteer and word-frequency table they were trained with);
``python -m dragoman_training.ner.train`` rebuilds them from ``../shared/datasets``.
Model cards: ``docs/models/``.
"""

from dragoman.ner.tagger import TYPE_MAP, TaggedSpan, has_model, labels_to_spans, tag, tag_spans

__all__ = ["TYPE_MAP", "TaggedSpan", "has_model", "labels_to_spans", "tag", "tag_spans"]
