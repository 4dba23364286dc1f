"""docs/article-json.md stays true: its example is valid Article JSON and every field it documents exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dragoman.serialize import from_json, schema, to_json, validate

DOC = Path(__file__).resolve().parents[2] / "docs" / "article-json.md"


def _doc() -> str:
    if not DOC.is_file():
        pytest.skip(f"{DOC} not present in this checkout")
    return DOC.read_text("utf-8")


def test_example_validates_and_round_trips() -> None:
    block = re.search(r"```json\n(.*?)```", _doc(), re.S)
    assert block, "the doc has a JSON example"
    doc = json.loads(block.group(1))
    validate(doc)
    assert to_json(from_json(doc)) == doc
    for m in doc["mentions"]:
        assert doc["text"][m["start"] : m["end"]] == m["text"]


def test_every_schema_field_is_documented() -> None:
    text = _doc()
    props = schema()["properties"]
    names = set(props) | set(props["source"]["properties"]) | set(props["input"]["properties"])
    names |= set(props["provenance"]["properties"])
    names |= set(props["published_basis"]["oneOf"][1]["properties"])
    for layer in ("mentions", "entities", "described", "time_expressions", "events", "quotes", "claims"):
        names |= set(props[layer]["items"]["properties"])
    missing = sorted(n for n in names if f"`{n}`" not in text)
    assert not missing, f"fields in the schema but not in docs/article-json.md: {missing}"
