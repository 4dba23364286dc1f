"""The dependency lock: ``requirements/*.txt``, every package pinned with hashes.

    python3 tools/lock.py write             # `make lock`: re-resolve, keeping today's pins where they still fit
    python3 tools/lock.py write --upgrade   # `make lock-upgrade`: take the newest releases the ranges allow
    python3 tools/lock.py check   # what `make test` runs first: fail when pyproject.toml moved on

Why a lock: the suite must run against the versions it was written for.  A
fresh ``pip install -e .`` takes whatever is newest today, and a new Babel once
turned a fresh clone red because a file generated from its data no longer
matched.  Installs therefore come from these files only; ``pyproject.toml``
keeps honest lower bounds for people who install Dragoman as a library.

The lock files (one per make target that installs something):

* ``main.txt``: the runtime (``make demo``);
* ``dev.txt``: the runtime, the test and lint tools and the optional PostgreSQL,
  Dask and browser-test extras (``make test``, ``eval``, ``bench``, ``lint``);
* ``training.txt``: PyTorch's CPU build and what it needs, on top of dev
  (``make models``);
* ``uv.txt``: the uv that ``make lock`` resolves with.

``dev.txt`` is resolved first; the others are resolved under it as a constraint,
so a package shared by two files has the same version in both and installing
one after the other never moves a pin.  Each file's first line records a digest
of what it was resolved from (the dependency tables of ``pyproject.toml``, the
build backend, the deliberate holds in ``holds.in`` and the settings below);
``check`` recomputes it.  A lock whose
digest differs is stale, which is a bug, not a warning: change a lower bound
and the suite refuses to run until ``make lock`` has been run and its diff
reviewed.

Only the standard library is used: ``check`` runs before any virtualenv exists.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_DIR = ROOT / "requirements"
PYPROJECT = ROOT / "pyproject.toml"
# Versions held back on purpose, each with its reason (a constraint on every lock file).
HOLDS = LOCK_DIR / "holds.in"
DIGEST_PREFIX = "# dragoman-lock-inputs: "

# The platform CI and `make` run on. Hashes are recorded for every file of a
# pinned release, but the resolution itself is made for this interpreter and OS.
PYTHON_VERSION = "3.11"
PYTHON_PLATFORM = "x86_64-manylinux_2_28"
UV_VERSION = "0.13.8"
# PyTorch's CPU build is not on PyPI (PyPI's Linux wheel pulls several GB of CUDA
# libraries); this machine kind keeps it in a local wheel folder that pip already
# searches (`pip config list`: find-links).  `make models` is the only user.
TORCH_PIN = "torch==2.13.0+cpu"
TORCH_FIND_LINKS = "/opt/wheels"

# lock file -> (extras of pyproject.toml, extra requirement lines, resolved under dev.txt?)
TARGETS: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "dev": (("dev", "scale", "browser"), (), False),
    "main": ((), (), True),
    "training": (("dev", "scale", "browser", "training"), (TORCH_PIN,), True),
}
ORDER = ("dev", "main", "training")


class LockError(Exception):
    """The lock cannot be checked or written; the message says what to do."""


def _pyproject() -> dict:
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def inputs_digest() -> str:
    """A digest of everything a lock file is resolved from.

    Parsed, not raw bytes: editing the description or the version does not
    stale the lock; editing a requirement, an extra, requires-python or the
    build backend does.
    """
    data = _pyproject()
    project = data.get("project", {})
    material = {
        "requires-python": project.get("requires-python"),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": data.get("build-system", {}).get("requires", []),
        "holds": _holds(),
        "settings": [PYTHON_VERSION, PYTHON_PLATFORM, UV_VERSION, TORCH_PIN, sorted(TARGETS.items())],
    }
    blob = json.dumps(material, sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()[:16]


def _holds() -> list[str]:
    if not HOLDS.is_file():
        return []
    lines = (line.split("#", 1)[0].strip() for line in HOLDS.read_text("utf-8").splitlines())
    return sorted(line for line in lines if line)


def lock_path(name: str) -> Path:
    return LOCK_DIR / f"{name}.txt"


def recorded_digest(path: Path) -> str | None:
    try:
        first = path.read_text("utf-8").split("\n", 1)[0]
    except FileNotFoundError:
        return None
    return first[len(DIGEST_PREFIX) :].strip() if first.startswith(DIGEST_PREFIX) else None


def check() -> list[str]:
    """Problems with the lock, one sentence each; empty when every file is current."""
    want = inputs_digest()
    problems = []
    for name in (*ORDER, "uv"):
        path = lock_path(name)
        got = recorded_digest(path)
        rel = path.relative_to(ROOT)
        if not path.is_file():
            problems.append(f"{rel} is missing")
        elif got is None:
            problems.append(f"{rel} has no '{DIGEST_PREFIX.strip()}' line (not written by `make lock`)")
        elif got != want:
            problems.append(
                f"{rel} was locked from other inputs (digest {got}) than pyproject.toml now "
                f"declares (digest {want})"
            )
    return problems


def _uv() -> list[str]:
    """The pinned uv: from PATH when it is that version, else a throwaway venv from uv.txt."""
    found = shutil.which("uv")
    if found:
        out = subprocess.run([found, "--version"], capture_output=True, text=True).stdout
        if out.split()[1:2] == [UV_VERSION]:
            return [found]
    venv = Path(tempfile.gettempdir()) / f"dragoman-uv-{UV_VERSION}"
    exe = venv / "bin" / "uv"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        uv_lock = lock_path("uv")
        # uv.txt pins uv with hashes; on the very first lock it does not exist yet.
        spec = ["--require-hashes", "-r", str(uv_lock)] if uv_lock.is_file() else [f"uv=={UV_VERSION}"]
        subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", *spec], check=True)
    return [str(exe)]


def _compile(uv: list[str], sources: list[Path], out: Path, extras: tuple[str, ...], extra_args: list[str]) -> None:
    cmd = [
        *uv, "pip", "compile", *map(str, sources),
        "--generate-hashes", "--no-header", "--quiet",
        "--python-version", PYTHON_VERSION, "--python-platform", PYTHON_PLATFORM,
        "--output-file", str(out),
    ]  # fmt: skip
    for extra in extras:
        cmd += ["--extra", extra]
    subprocess.run([*cmd, *extra_args], check=True, cwd=ROOT)


def write(upgrade: bool = False) -> None:
    uv = _uv()
    digest = inputs_digest()
    LOCK_DIR.mkdir(exist_ok=True)
    build_requires = _pyproject().get("build-system", {}).get("requires", [])
    with tempfile.TemporaryDirectory() as tmp:
        # The build backend is locked beside the runtime: `make` installs the project
        # with --no-build-isolation, so setuptools comes from the lock too.
        build_in = Path(tmp) / "build.in"
        build_in.write_text("\n".join(build_requires) + "\n", "utf-8")
        for name in ORDER:
            extras, lines, constrained = TARGETS[name]
            sources = [PYPROJECT, build_in]
            if lines:
                extra_in = Path(tmp) / f"{name}.in"
                extra_in.write_text("\n".join(lines) + "\n", "utf-8")
                sources.append(extra_in)
            args = ["--constraint", str(HOLDS)] if HOLDS.is_file() else []
            args += ["--constraint", str(lock_path("dev"))] if constrained else []
            if name == "training":
                if not Path(TORCH_FIND_LINKS).is_dir():
                    raise LockError(f"{TORCH_FIND_LINKS} (PyTorch's CPU wheel) not found; cannot lock training")
                args += ["--find-links", TORCH_FIND_LINKS]
            out = Path(tmp) / f"{name}.txt"
            # uv takes the pins of an existing output file as preferences: a new requirement
            # moves only what it must, and nothing is upgraded behind the reviewer's back.
            if not upgrade and lock_path(name).is_file():
                shutil.copy(lock_path(name), out)
            _compile(uv, sources, out, extras, args)
            _finish(out, lock_path(name), digest, f"make lock ({name}: extras {', '.join(extras) or 'none'})")
        uv_in = Path(tmp) / "uv.in"
        uv_in.write_text(f"uv=={UV_VERSION}\n", "utf-8")
        out = Path(tmp) / "uv.txt"
        if not upgrade and lock_path("uv").is_file():
            shutil.copy(lock_path("uv"), out)
        _compile(uv, [uv_in], out, (), [])
        _finish(out, lock_path("uv"), digest, "make lock (the uv that resolves the others)")


def _finish(tmp_out: Path, dest: Path, digest: str, what: str) -> None:
    body = tmp_out.read_text("utf-8")
    # uv names the temporary input files in its "via" comments; they are not in the repo.
    body = body.replace(str(tmp_out.parent) + os.sep, "")
    header = f"{DIGEST_PREFIX}{digest}\n# Written by {what}; do not edit. Refresh with `make lock`.\n"
    dest.write_text(header + body, "utf-8")
    print(f"wrote {dest.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        problems = check()
        if not problems:
            return 0
        print("The dependency lock (requirements/) does not match pyproject.toml:", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        print("Run `make lock`, review the diff of requirements/, and commit it.", file=sys.stderr)
        return 1
    if argv[:1] == ["write"]:
        try:
            write(upgrade="--upgrade" in argv[1:])
        except (LockError, subprocess.CalledProcessError) as e:
            print(f"make lock failed: {e}", file=sys.stderr)
            return 2
        return 0
    print(__doc__.split("\n\n", 2)[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
