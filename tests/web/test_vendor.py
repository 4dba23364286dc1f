"""The vendored dashboard JavaScript matches its manifest, its pins, and needs no network."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src" / "dragoman" / "web" / "static" / "vendor"


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("vendor_web", ROOT / "tools" / "vendor_web.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_vendored_files_match_manifest() -> None:
    assert _tool().check(VENDOR) == []


def test_tampered_file_is_reported(tmp_path: Path) -> None:
    for f in VENDOR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "htmx.min.js").write_bytes(b"alert(1)")
    problems = _tool().check(tmp_path)
    assert problems == ["htmx.min.js (htmx.org) does not match its SHA-256 in MANIFEST.json"]


def test_every_package_has_a_licence_and_no_source_map_or_cdn() -> None:
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text("utf-8"))
    for p in manifest["packages"]:
        assert p["license"], p["name"]
        assert any(f["file"].endswith(".LICENSE.txt") for f in p["files"]), p["name"]
        for f in p["files"]:
            text = (VENDOR / f["file"]).read_text("utf-8")
            # A sourceMappingURL would make a browser's devtools fetch from elsewhere.
            assert "sourceMappingURL=http" not in text, f["file"]


def test_interpreter_is_a_classic_script() -> None:
    text = (VENDOR / "vega-interpreter.js").read_text("utf-8")
    assert "\nimport " not in text and "\nexport " not in text
    assert "window.vegaInterpreter" in text
