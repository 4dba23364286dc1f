"""The dashboard's vendored JavaScript: fetched from the npm registry at pinned versions, checked, checked in.

    python3 tools/vendor_web.py fetch   # `make vendor`: download, verify, (re)write static/vendor/
    python3 tools/vendor_web.py check   # offline: every vendored file matches MANIFEST.json

Why vendored: the dashboard must work on a machine with no network and
under a strict Content-Security-Policy, so nothing is loaded from a CDN at
run time and nothing is fetched when the package is installed.  Each package
is pinned here; ``fetch`` downloads its tarball from the registry, checks it
against the registry's own SHA-512 integrity and, once recorded, against the
tarball SHA-256 in the manifest (so a re-fetch cannot silently bring other
bytes), copies the files the dashboard uses with their licence, and records
the SHA-256 of every file it wrote.  The test suite runs ``check``.

vega-interpreter ships only as an ES module importing from vega-util; the
dashboard loads classic scripts, so ``fetch`` rewrites its one import line to
read the same three names from the ``vega`` global (vega's bundle exports
them) and its export line to set ``window.vegaInterpreter``.  Without it,
Vega compiles expressions with ``new Function`` and a CSP without
``unsafe-eval`` refuses every chart.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"
VENDOR = Path(__file__).resolve().parent.parent / "src" / "dragoman" / "web" / "static" / "vendor"
MANIFEST = VENDOR / "MANIFEST.json"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    files: dict[str, str]  # path inside the tarball -> name under static/vendor/
    licence: str  # path of the licence file inside the tarball


PACKAGES = [
    Package("htmx.org", "2.0.11", {"package/dist/htmx.min.js": "htmx.min.js"}, "package/LICENSE"),
    Package("vega", "6.4.0", {"package/build/vega.min.js": "vega.min.js"}, "package/LICENSE"),
    Package("vega-lite", "6.5.0", {"package/build/vega-lite.min.js": "vega-lite.min.js"}, "package/LICENSE"),
    Package("vega-embed", "7.3.0", {"package/build/vega-embed.min.js": "vega-embed.min.js"}, "package/LICENSE"),
    Package(
        "vega-interpreter", "2.3.2", {"package/build/vega-interpreter.js": "vega-interpreter.js"}, "package/LICENSE"
    ),
    Package("cytoscape", "3.35.0", {"package/dist/cytoscape.min.js": "cytoscape.min.js"}, "package/LICENSE"),
]

_IMPORT = "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
_EXPORT = "export { expression as expressionInterpreter };"


def _as_classic_script(source: str) -> str:
    """vega-interpreter's ES module as a classic script over the ``vega`` global (see the module docstring)."""
    if source.count(_IMPORT) != 1 or source.count(_EXPORT) != 1:
        raise SystemExit("vega-interpreter: its import/export lines changed; update _as_classic_script")
    body = source.replace(_IMPORT, "const { ascending, isString, DisallowedObjectProperties } = window.vega;")
    body = body.replace(_EXPORT, "window.vegaInterpreter = { expressionInterpreter: expression };")
    return "/* vega-interpreter as a classic script: tools/vendor_web.py */\n(function () {\n" + body + "\n})();\n"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as r:  # noqa: S310 (a fixed https registry URL)
        data: bytes = r.read()
        return data


def _load_manifest() -> dict[str, object]:
    if MANIFEST.exists():
        data: dict[str, object] = json.loads(MANIFEST.read_text("utf-8"))
        return data
    return {"packages": []}


def fetch() -> None:
    old = {p["name"]: p for p in _load_manifest()["packages"]}  # type: ignore[attr-defined]
    VENDOR.mkdir(parents=True, exist_ok=True)
    entries = []
    for pkg in PACKAGES:
        meta = json.loads(_get(f"{REGISTRY}/{pkg.name}/{pkg.version}"))
        tarball = _get(meta["dist"]["tarball"])
        algo, _, want = meta["dist"]["integrity"].partition("-")
        if algo != "sha512" or base64.b64encode(hashlib.sha512(tarball).digest()).decode() != want:
            raise SystemExit(f"{pkg.name}@{pkg.version}: tarball does not match the registry's integrity")
        prior = old.get(pkg.name)
        if prior and prior["version"] == pkg.version and prior["tarball_sha256"] != _sha256(tarball):
            raise SystemExit(f"{pkg.name}@{pkg.version}: tarball differs from the one recorded in MANIFEST.json")
        files = []
        with tarfile.open(fileobj=io.BytesIO(tarball)) as tar:

            def member(path: str, tar: tarfile.TarFile = tar) -> bytes:
                f = tar.extractfile(path)
                if f is None:
                    raise SystemExit(f"{pkg.name}: {path} is not a file in the tarball")
                return f.read()

            for src, dest in pkg.files.items():
                data = member(src)
                if pkg.name == "vega-interpreter":
                    data = _as_classic_script(data.decode("utf-8")).encode("utf-8")
                (VENDOR / dest).write_bytes(data)
                files.append({"from": src, "file": dest, "sha256": _sha256(data)})
            licence_name = f"{pkg.name}.LICENSE.txt"
            licence = member(pkg.licence)
            (VENDOR / licence_name).write_bytes(licence)
            files.append({"from": pkg.licence, "file": licence_name, "sha256": _sha256(licence)})
        entries.append(
            {
                "name": pkg.name,
                "version": pkg.version,
                "license": meta.get("license"),
                "tarball": meta["dist"]["tarball"],
                "tarball_sha256": _sha256(tarball),
                "files": files,
            }
        )
        print(f"{pkg.name}@{pkg.version}: {', '.join(f['file'] for f in files)}")
    MANIFEST.write_text(json.dumps({"packages": entries}, indent=2) + "\n", "utf-8")


def check(vendor: Path = VENDOR) -> list[str]:
    """Problems with the vendored files (empty when every file matches the manifest and the pins)."""
    manifest = json.loads((vendor / "MANIFEST.json").read_text("utf-8"))
    problems = []
    pinned = {p.name: p.version for p in PACKAGES}
    recorded = {p["name"]: p["version"] for p in manifest["packages"]}
    if recorded != pinned:
        problems.append(f"MANIFEST.json lists {recorded}, tools/vendor_web.py pins {pinned}: run make vendor")
    for p in manifest["packages"]:
        for f in p["files"]:
            path = vendor / f["file"]
            if not path.is_file():
                problems.append(f"{f['file']} ({p['name']}) is missing")
            elif _sha256(path.read_bytes()) != f["sha256"]:
                problems.append(f"{f['file']} ({p['name']}) does not match its SHA-256 in MANIFEST.json")
    return problems


def main(argv: list[str]) -> int:
    if argv[1:] == ["fetch"]:
        fetch()
        return 0
    if argv[1:] == ["check"]:
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    print(__doc__.strip().splitlines()[0], "\nusage: tools/vendor_web.py fetch|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
