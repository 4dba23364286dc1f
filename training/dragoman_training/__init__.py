"""Training and evaluation code for Dragoman, kept out of the runtime package.

Nothing here is needed to extract, store or serve articles: these modules read
the public gold data in ``../shared/datasets`` and the project's own annotated
sentences (``training/args``), retrain the models the runtime package ships
(``make models``, ``make argmodel``) and score them (``make eval``).  They
import :mod:`dragoman`; run them from the repository root with
``PYTHONPATH=training`` (the Makefile targets do).
"""
