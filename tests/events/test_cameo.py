"""Our CAMEO->PLOVER table: lookup, parsing of the upstream format, agreement with the source."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.events.cameo import cameo_table, cameo_to_plover, parse_source


def test_lookup_falls_back_to_parent_codes() -> None:
    assert cameo_to_plover("1431").type == "PROTEST"  # type: ignore[union-attr]
    assert cameo_to_plover("0871").mode == "ceasefire"  # type: ignore[union-attr]
    # an unknown leaf of a known root still maps by its root
    assert cameo_to_plover("1459").type == "PROTEST"  # type: ignore[union-attr]
    # public statements and appeals have no PLOVER type
    assert cameo_to_plover("010") is None
    assert cameo_to_plover("02") is None


def test_parse_source_line_format() -> None:
    text = "# header\n14: PROTEST\n141: PROTEST, demo,   # Demonstrate\n1124: ACCUSE, allege, military; legal # War crimes\n"
    table = parse_source(text)
    assert table["141"].mode == "demo"
    assert table["1124"].context == ["military", "legal"]
    assert table["14"].type == "PROTEST" and table["14"].mode is None


def test_table_agrees_with_the_plover_source(datasets_dir: Path) -> None:
    src = datasets_dir / "plover_gsr_cameo" / "CAMEO2PLOVER-2021.txt"
    if not src.exists():
        pytest.skip("../shared absent: no CAMEO2PLOVER-2021.txt")
    upstream = parse_source(src.read_text("utf-8"))
    ours = cameo_table().codes
    assert set(ours) == set(upstream)
    for code, entry in upstream.items():
        assert (ours[code].type, ours[code].mode) == (entry.type, entry.mode), code
