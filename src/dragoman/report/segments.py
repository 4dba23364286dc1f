"""Turn overlapping span annotations into well-formed, escaped HTML.

Layers overlap freely (a mention inside a quote inside a boilerplate line, a
time expression that straddles a quote's end), but HTML elements must nest.
We walk the text boundary by boundary with a stack of open elements: an
annotation nested inside another stays one element (so its text is exactly
the span's text), and only an annotation that *crosses* another is split into
pieces, each piece marked ``data-part`` so styling and scripts can rejoin them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from dragoman.views.marks import Mark, segments

__all__ = ["Mark", "escape", "render", "segments"]


def escape(text: str) -> str:
    """Escape text for element content and quoted attribute values alike."""
    return html.escape(text, quote=True)


def _open_tag(mark: Mark, part: int | None) -> str:
    attrs = {"class": " ".join(mark.classes), **mark.attrs}
    if part is not None:
        attrs["data-part"] = str(part)
    body = " ".join(f'{escape(k)}="{escape(v)}"' for k, v in attrs.items())
    return f"<span {body}>"


def _sort_key(m: Mark) -> tuple[int, int, int]:
    # Longer marks first at the same start, so containers open before their contents.
    return (m.span.start, -m.span.end, m.rank)


def render(text: str, marks: Iterable[Mark]) -> str:
    """HTML for ``text`` with every mark shown as a ``<span>``; all text is escaped.

    Marks outside the text or empty are ignored (a stale span must not break
    the whole page); the output's visible text is exactly ``text``.
    """
    n = len(text)
    todo = sorted((m for m in marks if 0 <= m.span.start < m.span.end <= n), key=_sort_key)
    out, split = _render(text, todo, set())
    if split:
        # Second pass so the first piece of a split mark is numbered like the others.
        out, _ = _render(text, todo, split)
    return out


def _render(text: str, todo: list[Mark], split: set[int]) -> tuple[str, set[int]]:
    bounds = sorted({0, len(text), *(m.span.start for m in todo), *(m.span.end for m in todo)})
    out: list[str] = []
    stack: list[int] = []  # indices into todo
    parts: dict[int, int] = {i: 0 for i in split}
    nxt = 0

    def open_(i: int) -> None:
        out.append(_open_tag(todo[i], parts.get(i)))
        stack.append(i)

    for k, pos in enumerate(bounds):
        # Close everything ending here; marks above a closing one that go on are reopened.
        reopen: list[int] = []
        while any(todo[i].span.end == pos for i in stack):
            top = stack.pop()
            out.append("</span>")
            if todo[top].span.end != pos:
                reopen.append(top)
        for i in reversed(reopen):
            split.add(i)
            parts[i] = parts.get(i, 0) + 1
            open_(i)
        while nxt < len(todo) and todo[nxt].span.start == pos:
            open_(nxt)
            nxt += 1
        if k + 1 < len(bounds):
            out.append(escape(text[pos : bounds[k + 1]]))
    out.extend("</span>" for _ in stack)
    return "".join(out), split
