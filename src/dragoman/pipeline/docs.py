"""Render the stage registry as Markdown for docs/stages.md (kept in sync by a test)."""

from __future__ import annotations

from dragoman.pipeline.registry import registry

BEGIN = "<!-- BEGIN GENERATED: python -m dragoman.pipeline.docs -->"
END = "<!-- END GENERATED -->"


def stages_markdown(prefix: str = "dragoman.") -> str:
    lines = [BEGIN, ""]
    for name, spec in sorted(registry().items()):
        if not name.startswith(prefix):
            continue
        lines.append(f"### `{name}`")
        lines.append("")
        lines.append(f"- requires: {', '.join(f'`{r}`' for r in sorted(spec.requires)) or 'nothing'}")
        lines.append(f"- provides: {', '.join(f'`{p}`' for p in sorted(spec.provides))}")
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
