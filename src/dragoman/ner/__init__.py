"""Named-entity recognition: CRF sequence taggers trained on public gold data.

The weights ship in ``models/`` (one CRFsuite file per language, with the
frozen gazetteer they were trained with); ``python -m dragoman.ner.train``
rebuilds them from ``../shared/datasets``.
"""
