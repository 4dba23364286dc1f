"""Meta-tests: every registered stage is documented and tested; __all__ lists are complete."""

import importlib
from pathlib import Path

import pytest

from dragoman.pipeline import registry

REPO = Path(__file__).resolve().parents[1]
BUILTIN = sorted(n for n in registry() if n.startswith("dragoman."))


def _test_sources() -> str:
    return "\n".join(p.read_text("utf-8") for p in (REPO / "tests").rglob("test_*.py"))


@pytest.mark.parametrize("name", BUILTIN)
def test_stage_has_docstring_and_is_in_docs(name: str) -> None:
    spec = registry()[name]
    assert spec.doc, f"{name} has no docstring"
    assert name in (REPO / "docs" / "stages.md").read_text("utf-8"), f"{name} missing from docs/stages.md"


@pytest.mark.parametrize("name", BUILTIN)
def test_stage_has_a_test(name: str) -> None:
    cls_name = registry()[name].factory.__name__
    sources = _test_sources()
    assert name in sources or cls_name in sources, f"no test mentions {name} or {cls_name}"


@pytest.mark.parametrize("module", ["dragoman", "dragoman.model", "dragoman.pipeline", "dragoman.lang", "dragoman.text",
                                    "dragoman.store", "dragoman.exec", "dragoman.report",
                                    "dragoman.export", "dragoman.views"])
def test_all_is_complete(module: str) -> None:
    mod = importlib.import_module(module)
    exported = set(mod.__all__)
    for name in exported:
        assert hasattr(mod, name), f"{module}.__all__ names missing {name}"
    public = {n for n, v in vars(mod).items() if not n.startswith("_") and not isinstance(v, type(importlib))}
    public -= {"annotations"}
    assert public <= exported, f"{module} exposes names not in __all__: {sorted(public - exported)}"


def test_there_are_builtin_stages() -> None:
    assert len(BUILTIN) >= 2


def test_docs_stages_reference_is_up_to_date() -> None:
    from dragoman.pipeline.docs import splice

    doc = (REPO / "docs" / "stages.md").read_text("utf-8")
    assert splice(doc) == doc, "docs/stages.md is stale: run python -m dragoman.pipeline.docs"
