"""CAMEO -> PLOVER mapping, shipped as our own data table (``events/data/cameo_plover.yaml``).

The table restates the facts of the PLOVER project's CAMEO2PLOVER-2021
conversion table (which CAMEO code becomes which PLOVER type and mode).  It
is data we own, so the gold file itself never enters the repository;
``tests/events/test_cameo.py`` checks the two agree whenever ../shared is
present, and ``python -m dragoman.events.cameo PATH`` rewrites the table
from a copy of the source after an upstream revision.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field


class CameoEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    gloss: str = ""


class CameoTable(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    source: str = ""
    codes: dict[str, CameoEntry]


@cache
def cameo_table() -> CameoTable:
    text = resources.files("dragoman.events").joinpath("data", "cameo_plover.yaml").read_text("utf-8")
    return CameoTable.model_validate(yaml.safe_load(text))


def cameo_to_plover(code: str) -> CameoEntry | None:
    """PLOVER type of a CAMEO code, falling back to its parent codes ("0231" -> "023" -> "02").

    CAMEO roots 01 (public statement) and 02 (appeal) have no PLOVER
    counterpart in the 2021 table, so they map to None: not an event.
    """
    codes = cameo_table().codes
    c = code.strip()
    while c:
        if c in codes:
            return codes[c]
        c = c[:-1] if len(c) > 2 else ""
    return None


# "0311: AGREE,  ,   economic # Express intent to cooperate economically"
_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def parse_source(text: str) -> dict[str, CameoEntry]:
    """Read the upstream conversion table's line format (first mapping of a code wins)."""
    out: dict[str, CameoEntry] = {}
    for raw in text.splitlines():
        m = _LINE.match(raw.strip())
        if not m or m.group(1) in out:
            continue
        code, ptype, mode, ctx, gloss = m.groups()
        mode_s = (mode or "").strip() or None
        contexts = [c.strip() for c in (ctx or "").split(";") if c.strip()]
        out[code] = CameoEntry(type=ptype, mode=mode_s, context=contexts, gloss=(gloss or "").strip())
    return out


def _dump(entries: dict[str, CameoEntry], source: str) -> str:
    data = {
        "description": "CAMEO code -> PLOVER type/mode/context. Restated from the PLOVER conversion table; "
        "regenerate with `python -m dragoman.events.cameo CAMEO2PLOVER.txt`.",
        "source": source,
        "codes": {k: v.model_dump(exclude_defaults=True) for k, v in sorted(entries.items())},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    src = Path(sys.argv[1])
    dest = Path(__file__).with_name("data") / "cameo_plover.yaml"
    dest.write_text(
        _dump(parse_source(src.read_text("utf-8")), "PLOVER CAMEO2PLOVER-2021 (17-Sep-2021)"), "utf-8"
    )
    print(f"wrote {dest}")
