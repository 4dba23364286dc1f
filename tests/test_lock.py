"""The dependency lock (requirements/*.txt) matches pyproject.toml, and the check notices when it does not."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _lock_module(root: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"lock_{abs(hash(root))}", root / "tools" / "lock.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lock_is_current() -> None:
    problems = _lock_module(REPO).check()
    assert problems == [], "; ".join(problems) + " -- run `make lock`"


def test_changing_a_lower_bound_stales_the_lock(tmp_path: Path) -> None:
    (tmp_path / "tools").mkdir()
    shutil.copy(REPO / "tools" / "lock.py", tmp_path / "tools" / "lock.py")
    shutil.copytree(REPO / "requirements", tmp_path / "requirements")
    text = (REPO / "pyproject.toml").read_text("utf-8")
    bumped, n = re.subn(r'"pyyaml>=[0-9.]+"', '"pyyaml>=6.0.2"', text)
    assert n == 1
    (tmp_path / "pyproject.toml").write_text(bumped, "utf-8")
    r = subprocess.run(
        [sys.executable, str(tmp_path / "tools" / "lock.py"), "check"], capture_output=True, text=True
    )
    assert r.returncode == 1
    assert "make lock" in r.stderr and "requirements/dev.txt" in r.stderr


def test_editing_the_description_does_not_stale_the_lock(tmp_path: Path) -> None:
    (tmp_path / "tools").mkdir()
    shutil.copy(REPO / "tools" / "lock.py", tmp_path / "tools" / "lock.py")
    shutil.copytree(REPO / "requirements", tmp_path / "requirements")
    text = (REPO / "pyproject.toml").read_text("utf-8").replace('version = "', 'version = "9', 1)
    (tmp_path / "pyproject.toml").write_text(text, "utf-8")
    assert _lock_module(tmp_path).check() == []


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (REPO / "requirements" / f"{name}.txt").read_text("utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^ ;\\]+)", line)
        if m:
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_every_pin_has_a_hash() -> None:
    for name in ("main", "dev", "training", "uv"):
        text = (REPO / "requirements" / f"{name}.txt").read_text("utf-8")
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        pinned = [b for b in blocks if "==" in b.split("\n", 1)[0]]
        assert pinned, name
        for block in pinned:
            assert "--hash=sha256:" in block, f"{name}.txt: {block.splitlines()[0]} has no hash"


def test_shared_packages_have_one_version_across_lock_files() -> None:
    dev = _pins("dev")
    for name in ("main", "training"):
        for package, version in _pins(name).items():
            if package in dev:
                assert dev[package] == version, f"{package}: {name}.txt {version}, dev.txt {dev[package]}"


def test_installed_versions_are_the_locked_ones() -> None:
    # The suite runs in the environment `make test` built from dev.txt; a mismatch
    # means someone installed by hand or the venv predates the lock.
    if not (Path(sys.prefix) / ".stamp-dev").exists():
        pytest.skip("not running in the .venv that `make test` installs from requirements/dev.txt")
    wrong = []
    for package, version in _pins("dev").items():
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            wrong.append(f"{package} missing")
            continue
        if installed != version:
            wrong.append(f"{package} {installed} (locked {version})")
    assert not wrong, ", ".join(wrong)
