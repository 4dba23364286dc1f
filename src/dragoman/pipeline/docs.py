"""Render the stage registry as Markdown for docs/stages.md (kept in sync by a test)."""

from __future__ import annotations

from dragoman.pipeline.layers import layers
from dragoman.pipeline.registry import registry

BEGIN = "<!-- BEGIN GENERATED: python -m dragoman.pipeline.docs -->"
END = "<!-- END GENERATED -->"


def layers_markdown() -> list[str]:
    lines = ["### Layers", "", "| layer | kind | what it holds |", "|---|---|---|"]
    builtin = {n: s for n, s in layers().items() if s.origin.startswith("dragoman.")}
    for name, spec in sorted(builtin.items(), key=lambda kv: (not kv[1].core, kv[0])):
        kind = "core" if spec.core else f"extension v{spec.version}"
        lines.append(f"| `{name}` | {kind} | {spec.doc} |")
    return [*lines, ""]


def stages_markdown(prefix: str = "dragoman.") -> str:
    lines = [BEGIN, "", *layers_markdown()]
    for name, spec in sorted(registry().items()):
        if not name.startswith(prefix):
            continue
        lines.append(f"### `{name}`")
        lines.append("")
        lines.append(f"- requires: {', '.join(f'`{r}`' for r in sorted(spec.requires)) or 'nothing'}")
        lines.append(f"- provides: {', '.join(f'`{p}`' for p in sorted(spec.provides))}")
        if spec.uses:
            lines.append(f"- uses (when present): {', '.join(f'`{u}`' for u in sorted(spec.uses))}")
        fields = spec.settings.model_fields
        if fields:
            opts = ", ".join(f"`{k}` (default `{f.default!r}`)" for k, f in fields.items())
            lines.append(f"- settings: {opts}")
        lines.append("")
        lines.append(spec.doc or "(undocumented)")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def splice(document: str) -> str:
    """Replace the generated block inside a hand-written document."""
    head, _, rest = document.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + stages_markdown() + tail


if __name__ == "__main__":
    from pathlib import Path

    path = Path(__file__).resolve().parents[3] / "docs" / "stages.md"
    path.write_text(splice(path.read_text("utf-8")), "utf-8")
    print(f"wrote {path}")
