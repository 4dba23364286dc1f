"""Which lines of a page are chrome: cue data, page structure, trafilatura's decision, outlet repeats."""

from __future__ import annotations

from collections import Counter

from dragoman.chrome.cues import CueMatcher, any_cue, cue_matchers, inline_matchers, suffix_matchers
from dragoman.chrome.lines import DUPLICATE_MAX_WORDS, SHORT_WORDS, Line, repeatable, substantive
from dragoman.chrome.memory import OutletMemory
from dragoman.chrome.shapes import shape_reason
from dragoman.model import Boilerplate, Span
from dragoman.text import normalize

_CLOSERS = "\"'”’»)]\u200f\u200e "  # quotes and marks after a headline's last word
_SUFFIX_REACH = 48  # characters from a line's end in which an inline suffix pattern may start


def mark_chrome(
    text: str,
    lines: list[Line],
    outlet: str | None,
    memory: OutletMemory,
    *,
    html_body: list[list[int]] | None = None,
    min_outlet_repeats: int | None = None,
) -> list[Boilerplate]:
    """The chrome of one page, line by line (plus inline tails such as "read also: ...").

    ``html_body`` lists the (start, end) of the lines trafilatura kept as the
    article's main content, for HTML pages; ``min_outlet_repeats`` (None: off)
    is how many of the outlet's articles must repeat a short line for it to be
    chrome.
    """
    marks: dict[int, str] = {}
    partial: dict[int, list[Boilerplate]] = {}  # chrome at the start or end of an otherwise body line
    tail_cues: list[int] = []
    groups = cue_matchers()
    union = any_cue()
    suffix_groups = suffix_matchers()
    inline_groups = inline_matchers()
    for i, ln in enumerate(lines):
        for g in groups if union.may_match(ln) else ():
            if g.matches(ln):
                marks[i] = g.reason
                if g.starts_tail:
                    tail_cues.append(i)
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                if g.takes_next and nxt and nxt.words <= 4 and not nxt.final:
                    marks.setdefault(i + 1, g.reason)
                break
        else:
            if memory.fixed(outlet, ln.core):
                marks[i] = "known_chrome"
                continue
            shape = shape_reason(ln)
            if shape is not None:
                marks[i] = shape
                continue
            cuts = _inline_cuts(text, ln, inline_groups)
            cut = _suffix_cut(text, ln, suffix_groups)
            if cut is not None and not any(c.span.overlaps(cut.span) for c in cuts):
                cuts.append(cut)
            if cuts:
                partial[i] = cuts

    if html_body:
        body = {(int(s), int(e)) for s, e in html_body}
        kept = [i for i, ln in enumerate(lines) if (ln.start, ln.end) in body]
        # trafilatura's precision mode often drops the standfirst (a lead set in an <h2> or
        # a "subtitle" div); prose between the headline and the first body paragraph is kept.
        first_prose = next((i for i in kept if substantive(lines[i])), None)
        lead_from = kept[0] if kept and first_prose is not None and kept[0] < first_prose else None
        for i, ln in enumerate(lines):
            if i in marks or (ln.start, ln.end) in body:
                continue
            in_lead = lead_from is not None and first_prose is not None and lead_from < i < first_prose
            if not (in_lead and substantive(ln)):
                marks[i] = "html_chrome"

    subs = [i for i, ln in enumerate(lines) if i not in marks and substantive(ln)]
    unmarked = [i for i in range(len(lines)) if i not in marks]
    # The headline: the first unmarked line that could be one (kickers and labels are shorter).
    title = next((i for i in unmarked if lines[i].words >= 4), unmarked[0] if unmarked else None)
    protected = set(subs) | ({title} if title is not None else set())

    if not html_body and subs:
        for i in range(subs[-1] + 1, len(lines)):
            marks.setdefault(i, "tail")
        # The lead: the first paragraph after the headline. A headline may read as substantive
        # ("... في هذه الحالة!"), but a first line closed by a full stop is the lead itself.
        opens_with_prose = (
            title is not None and title in subs and lines[title].text.rstrip(_CLOSERS).endswith(".")
        )
        lead = (
            subs[0] if opens_with_prose else next((i for i in subs if title is not None and i > title), None)
        )
        if title is not None and lead is not None:
            _before_lead(lines, marks, title, lead, partial)
        starts = [t for t in tail_cues if sum(1 for s in subs if s < t) >= 2]
        if starts:
            for i in range(starts[0] + 1, len(lines)):
                marks.setdefault(i, "tail")

    _lists(lines, marks, protected)
    _duplicates(lines, marks, protected)
    if not html_body:
        _menus(lines, marks, protected, subs)
    for i, ln in enumerate(lines):
        if i in marks or i in protected or not repeatable(ln):
            continue
        if outlet and min_outlet_repeats is not None and memory.count(outlet, ln.core) >= min_outlet_repeats:
            marks[i] = "outlet_repeat"
    out = [Boilerplate(Span(lines[i].start, lines[i].end), reason) for i, reason in marks.items()]
    return out + [cut for i, cuts in partial.items() if i not in marks for cut in cuts]


def _inline_cuts(text: str, ln: Line, groups: tuple[CueMatcher, ...]) -> list[Boilerplate]:
    """A dateline or metadata field at the start of a body line, a date stamp at its end."""
    raw = text[ln.start : ln.end]
    out: list[Boilerplate] = []
    head_end = 0
    for g in groups:
        if g.inline_prefix is not None and not head_end:
            hit = g.inline_prefix.match(raw)
            if hit and hit.end() > 0:
                head_end = hit.end()
                out.append(Boilerplate(Span(ln.start, ln.start + hit.end()), g.reason))
    for g in groups:
        if g.inline_suffix is not None:
            # Suffix chrome is a short stamp at the line's end: search only its last characters.
            hit = g.inline_suffix.search(raw, max(head_end, len(raw) - _SUFFIX_REACH))
            if hit and hit.start() > head_end:
                out.append(Boilerplate(Span(ln.start + hit.start(), ln.end), g.reason))
                break
    return out


def _before_lead(
    lines: list[Line], marks: dict[int, str], title: int, lead: int, partial: dict[int, list[Boilerplate]]
) -> None:
    """Very short lines between the headline and the first paragraph: outlet name, author, kicker.

    A standfirst is a sentence and a sub-heading comes between paragraphs, so
    a one-to-three-word line there is the page's own label, not the article.
    """
    for i in range(title + 1, lead):
        ln = lines[i]
        if i not in marks and i not in partial and ln.words <= SHORT_WORDS and not ln.final:
            marks[i] = "byline"


def _suffix_cut(text: str, ln: Line, groups: tuple[CueMatcher, ...]) -> Boilerplate | None:
    for g in groups:
        if not g.suffixes:
            continue
        if not any(m in ln.key for m in g.suffixes):
            continue
        folded = normalize(text[ln.start : ln.end])
        for marker in g.suffixes:
            k = folded.text.rfind(marker)
            if k > 0:
                start = ln.start + folded.offsets[k]
                return Boilerplate(Span(start, ln.end), g.reason)
    return None


def _lists(lines: list[Line], marks: dict[int, str], protected: set[int]) -> None:
    """Pipe-led short lines, and runs of bullet-led short lines, are link lists."""

    def short_item(i: int) -> bool:
        ln = lines[i]
        return ln.marker is not None and ln.words <= 6 and not ln.final and i not in protected

    for i, ln in enumerate(lines):
        if i in marks or not short_item(i):
            continue
        neighbour = (i > 0 and short_item(i - 1)) or (i + 1 < len(lines) and short_item(i + 1))
        if ln.marker == "|" or neighbour:
            marks[i] = "list"


def _duplicates(lines: list[Line], marks: dict[int, str], protected: set[int]) -> None:
    counts = Counter(ln.core for ln in lines if ln.core and ln.words <= DUPLICATE_MAX_WORDS)
    for i, ln in enumerate(lines):
        if i not in marks and i not in protected and counts.get(ln.core, 0) >= 2:
            marks[i] = "duplicate"


def _menus(lines: list[Line], marks: dict[int, str], protected: set[int], subs: list[int]) -> None:
    """Runs of one-to-three-word lines: 3 at the edges of the page, 5 between paragraphs."""
    first = subs[0] if subs else len(lines)
    last = subs[-1] if subs else -1
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        edge = run[-1] < first or run[0] > last
        if len(run) >= (3 if edge else 5):
            for j in run:
                marks.setdefault(j, "menu")
        run.clear()

    for i, ln in enumerate(lines):
        if i not in protected and ln.words <= SHORT_WORDS and not ln.final:
            run.append(i)
        else:
            flush()
    flush()
