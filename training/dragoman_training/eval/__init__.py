"""Quality evaluation on public gold data, gated by floors pinned in the repo.

Each suite is a module of this package with ``run(shared: Path) -> dict[str, float]``
(and optionally ``NAME``); ``python -m dragoman_training.eval`` runs them all and checks
``eval/floors.toml``.  See ``dragoman_training.eval.gate`` for how floors are protected.
"""
