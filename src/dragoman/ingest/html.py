"""Visible text of an HTML page, with a map from every character back to the markup.

lxml parses the page; we render its tree ourselves rather than use
``text_content()`` because we need two things libraries do not give:
block elements as line breaks (so the boilerplate and sentence stages see
the page's layout) and, for every character of the rendered text, its
index in the decoded markup (``Article.raw_offsets``), so a quote or an
event's evidence can be shown highlighted in the original page.

lxml does not report character positions, so the offsets come from a
second, cheap scan of the markup: the text between tags is decoded
(entities, CRLF) into one string that remembers where each character came
from, and each text node lxml hands us is found in it, in document order.
"""

from __future__ import annotations

import html as _html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from dragoman.text.normalize import FORMAT_CHARS

__all__ = ["PageMeta", "Rendered", "body_lines", "looks_like_html", "page_meta", "parse", "render"]

# Elements whose content is never shown to a reader.
_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "audio",
        "video",
        "select",
        "datalist",
        "textarea",
        "frameset",
    }
)
# Elements the HTML parser treats as raw text: their content is not text nodes of ours.
_RAW_TEXT_RE = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)|<[!?/]?[A-Za-z!?][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_ENTITY_RE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
        "br",
    }
)
_CELL = frozenset({"td", "th"})
# Link-like elements that sites lay out side by side with CSS; glued to a previous one they
# are separate menu items, so they get a space (a link glued to a letter, as in Arabic
# "و<a>إسرائيل</a>", is part of the word and does not).
_ITEMS = frozenset({"a", "button"})
_COLLAPSIBLE_CHARS = " \t\n\r\f"  # what a browser collapses (not NBSP)
# A run of collapsible whitespace that holds a line break or tab, or two spaces or more (a single
# space is a real character).  Written to open with a character class, so the regex engine skips
# to the next whitespace in C instead of trying a match at every character of the page: the same
# matches as "[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*| {2,}".
_COLLAPSE_RE = re.compile(r"[ \t\n\r\f](?:(?<=[\t\n\r\f])[ \t\n\r\f]*|[ \t\n\r\f]+)")
_PRE_RUN_RE = re.compile(r"\n|[^\n]+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HTML_START_RE = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|table)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANYWHERE_RE = re.compile(r"<(?:html|body|head)\b[^>]*>", re.IGNORECASE)
_CLOSING_RE = re.compile(r"</(?:html|body|head|p|div|span|a|li|td)\s*>", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"\A\s*<\?xml[^>]*>")
_DATE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# Meta keys carrying the publication date, most specific first.
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
)
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "title")


def looks_like_html(text: str) -> bool:
    """True when decoded input is markup rather than prose (``format = "auto"``)."""
    head = text[:4096]
    if _HTML_START_RE.match(head):
        return True
    # Markup after some leading junk: an opening document tag *and* closing tags somewhere,
    # so prose that merely mentions "<html>" stays prose.
    return bool(_HTML_ANYWHERE_RE.search(head) and _CLOSING_RE.search(text))


def _decoded_text_map(raw: str) -> tuple[str, list[int]]:
    """Text outside tags, entities decoded and CRLF folded as lxml does, with source offsets."""
    chars: list[str] = []
    offs: list[int] = []

    def add_region(start: int, end: int) -> None:
        seg = raw[start:end]
        if "&" not in seg and "\r" not in seg:
            chars.append(seg)
            offs.extend(range(start, end))
            return
        i = start
        while i < end:
            ch = raw[i]
            if ch == "&":
                m = _ENTITY_RE.match(raw, i, end)
                if m:
                    dec = _html.unescape(m.group())
                    if dec != m.group():
                        chars.append(dec)
                        offs.extend([i] * len(dec))
                        i = m.end()
                        continue
            if ch == "\r":
                chars.append("\n")
                offs.append(i)
                i += 2 if raw.startswith("\n", i + 1) else 1
                continue
            chars.append(ch)
            offs.append(i)
            i += 1

    pos = 0
    for m in _RAW_TEXT_RE.finditer(raw):
        if m.start() > pos:
            add_region(pos, m.start())
        pos = m.end()
    if pos < len(raw):
        add_region(pos, len(raw))
    return "".join(chars), offs


class _Locator:
    """Finds lxml's text nodes, in order, in the decoded text map."""

    def __init__(self, raw: str) -> None:
        self.text, self.offsets = _decoded_text_map(raw)
        self.cursor = 0
        self.last = 0

    def locate(self, s: str) -> list[int]:
        j = self.text.find(s, self.cursor)
        if j >= 0:
            self.cursor = j + len(s)
            out = self.offsets[j : j + len(s)]
            self.last = out[-1] if out else self.last
            return out
        # lxml repaired something (stray bytes, odd entities): align character by character.
        out = []
        for ch in s:
            k = self.text.find(ch, self.cursor, self.cursor + 64)
            if k >= 0:
                self.cursor = k + 1
                self.last = self.offsets[k]
            out.append(self.last)
        return out

    def advance(self, s: str) -> None:
        """``locate`` for text whose offsets nobody needs (whitespace between tags)."""
        j = self.text.find(s, self.cursor)
        if j < 0:
            self.locate(s)
            return
        self.cursor = j + len(s)
        self.last = self.offsets[self.cursor - 1]

    def skip(self, s: str) -> None:
        """Step over the text of an element we do not render, when it is near."""
        if s.strip():
            j = self.text.find(s, self.cursor, self.cursor + len(s) + 256)
            if j >= 0:
                self.cursor = j + len(s)


@dataclass
class _Out:
    """Rendered text built run by run (not character by character: this is the hot loop)."""

    chunks: list[str] = field(default_factory=list)
    offs: list[int] = field(default_factory=list)  # -1: synthetic, filled from the next real character
    synthetic: list[int] = field(default_factory=list)  # where the -1 entries are, in order
    last: str = "\n"  # last character emitted; "\n" at the start so nothing leads with a break
    space: bool = False
    brk: bool = False

    def _put(self, s: str, offs: list[int]) -> None:
        self.chunks.append(s)
        self.offs.extend(offs)
        self.last = s[-1]

    def _word(self, run: str, offs: list[int]) -> None:
        if self.brk or self.space:
            self.synthetic.append(len(self.offs))
            self._put("\n" if self.brk else " ", [-1])
        self.brk = self.space = False
        self._put(run, offs)

    def text(self, s: str, offsets: list[int], pre: bool) -> None:
        if pre:
            for m in _PRE_RUN_RE.finditer(s):
                if m.group() == "\n":
                    self._put("\n", offsets[m.start() : m.end()])
                    self.brk = self.space = False
                else:
                    self._word(m.group(), offsets[m.start() : m.end()])
            return
        # Single spaces between words are kept as real characters (they map to the markup);
        # only runs that a browser collapses become one synthetic space.
        pos = 0
        for m in _COLLAPSE_RE.finditer(s):
            self._segment(s, offsets, pos, m.start())
            self.pending_space()
            pos = m.end()
        self._segment(s, offsets, pos, len(s))

    def pending_space(self) -> None:
        self.space = not self.brk and self.last != "\n"

    def _segment(self, s: str, offsets: list[int], a: int, b: int) -> None:
        if a < b and s[a] == " ":
            self.pending_space()
            a += 1
        if a >= b:
            return
        trailing = s[b - 1] == " "
        if trailing:
            b -= 1
        if a < b:
            self._word(s[a:b], offsets[a:b])
        if trailing:
            self.pending_space()

    def block(self) -> None:
        if self.last != "\n":
            self.brk = True
        self.space = False

    def cell(self) -> None:
        if not self.brk and self.last != "\n":
            self.space = True


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    offsets: list[int]  # offsets[i] is the index in the markup of text[i]


def parse(raw: str) -> etree._Element | None:
    """lxml tree of the markup, or None when there is nothing to parse."""
    src = _XML_DECL_RE.sub("", raw)  # lxml refuses str input with an encoding declaration
    if not src.strip():
        return None
    return etree.fromstring(src, etree.HTMLParser(recover=True, no_network=True, huge_tree=True))


_NAMES: dict[str, str] = {}  # tag as lxml gives it -> bare lower-case name; pages use few tags


def _name(el: etree._Element) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # comment or processing instruction
    name = _NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1].lower()
        if len(_NAMES) < 10_000:  # made-up tags are endless; the real ones are a few dozen
            _NAMES[tag] = name
    return name


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def _glued_to_item(el: etree._Element) -> bool:
    """A link directly after another link, with nothing between: items of a menu, not one word."""
    prev = el.getprevious()
    return prev is not None and _name(prev) in _ITEMS and not prev.tail


def render(raw: str, tree: etree._Element | None = None) -> Rendered:
    """The page's visible text: blocks on their own lines, whitespace collapsed as a browser does."""
    tree = parse(raw) if tree is None else tree
    if tree is None:
        return Rendered("", [])
    loc = _Locator(raw)
    out = _Out()
    pre = 0
    stack: list[tuple[etree._Element, bool]] = [(tree, False)]
    while stack:
        el, closing = stack.pop()
        name = _name(el)
        if closing:
            if name in _BLOCK:
                out.block()
            if name == "pre":
                pre -= 1
        elif name is None or name in _DROP or _hidden(el):
            if name is not None and name not in ("script", "style"):
                for t in el.itertext():
                    loc.skip(t)
        else:
            if name in _BLOCK:
                out.block()
            elif name in _CELL or (name in _ITEMS and _glued_to_item(el)):
                out.cell()
            if name == "pre":
                pre += 1
            text = el.text
            if text:
                _emit(out, loc, text, pre > 0)
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))
            continue
        tail = el.tail
        if tail:
            _emit(out, loc, tail, pre > 0)
    offsets = out.offs
    end = len(offsets)
    for i in reversed(out.synthetic):  # a synthetic break points at what follows it
        offsets[i] = offsets[i + 1] if i + 1 < end else len(raw)
    return Rendered("".join(out.chunks), offsets)


def _emit(out: _Out, loc: _Locator, text: str, pre: bool) -> None:
    if not pre and not text.strip(_COLLAPSIBLE_CHARS):
        # Only collapsible whitespace (the indentation between tags, most text nodes of a
        # page): all it can do is ask for a space, and its offsets are never used.
        loc.advance(text)
        out.pending_space()
        return
    out.text(text, loc.locate(text), pre)


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    published: date | None = None
    site_name: str | None = None


def _to_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    m = _DATE_RE.search(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _jsonld_dates(obj: object) -> Iterator[object]:
    if isinstance(obj, dict):
        if "datePublished" in obj:
            yield obj["datePublished"]
        for v in obj.values():
            yield from _jsonld_dates(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _jsonld_dates(v)


# trafilatura drops some invisible format characters (RLM, ZWNJ...) from what it
# extracts; lines are compared without any of them so a marked-up line still matches.
# str.translate looks every character of Arabic or Hebrew text up in a dict, so it
# only runs on the rare line that has a mark (the regex scan is C and cheap).
_NO_FORMAT = dict.fromkeys(map(ord, FORMAT_CHARS))
_HAS_FORMAT = re.compile("[" + "".join(sorted(FORMAT_CHARS)) + "]")


def _clean(s: str | None) -> str | None:
    s = s or ""
    if _HAS_FORMAT.search(s) is not None:
        s = s.translate(_NO_FORMAT)
    # str.split() splits on exactly the characters regex \s matches, without the regex.
    s = " ".join(s.split())
    return s or None


def page_meta(tree: etree._Element) -> PageMeta:
    """Title, publication date and site name from the page's own declarations."""
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in metas:
            metas[key] = content
    title = next((_clean(metas[k]) for k in _TITLE_KEYS if _clean(metas.get(k))), None)
    if title is None:
        t = tree.find(".//title")
        title = _clean(t.text if t is not None else None)
    published = next((d for k in _DATE_KEYS if (d := _to_date(metas.get(k)))), None)
    if published is None:
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                try:
                    data = json.loads(script.text)
                except ValueError:
                    continue
                published = next((d for v in _jsonld_dates(data) if (d := _to_date(v))), None)
                if published:
                    break
    if published is None:
        for el in tree.iter("time"):
            if el.get("itemprop") == "datePublished" or el.get("pubdate") is not None:
                published = _to_date(el.get("datetime"))
                if published:
                    break
    if published is None:
        for el in tree.iterfind(".//article//time[@datetime]"):
            published = _to_date(el.get("datetime"))
            if published:
                break
    site = _clean(metas.get("og:site_name")) or _clean(metas.get("application-name"))
    return PageMeta(title=title, published=published, site_name=site)


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line.rstrip("\r\n"))
        if line.strip():
            yield pos, end
        pos += len(line)


@cache
def _extractor(fast: bool) -> Extractor:
    """trafilatura's options, built once: ``extract`` otherwise rebuilds them from its config per page.

    Precision settings (the article body, not comments or link lists); ``fast``
    skips the readability/jusText fallbacks, which on news pages find the same
    body in twice the time.  trafilatura copies the options before changing any.
    """
    return Extractor(
        output_format="txt",
        fast=fast,
        precision=True,
        comments=False,
        tables=True,
        images=False,
        links=False,
        dedup=False,
        with_metadata=False,
    )


def body_lines(
    raw: str, text: str, *, title: str | None = None, fast: bool = True
) -> list[tuple[int, int]] | None:
    """Spans of the lines of ``text`` that trafilatura's main-content extraction keeps.

    Precision settings: the article body, not comments or link lists.  The
    headline is often outside what trafilatura keeps, so a line that matches
    the page title is kept too.  None when trafilatura finds no main content.
    """
    extracted = trafilatura.extract(raw, options=_extractor(fast))
    if not extracted or not extracted.strip():
        return None
    kept_lines = {c for line in extracted.splitlines() if (c := _clean(line))}
    joined = _clean(extracted) or ""
    title_key = _clean(title)
    out: list[tuple[int, int]] = []
    for start, end in _line_spans(text):
        line = _clean(text[start:end]) or ""
        if (
            line in kept_lines
            or (len(line) >= 20 and line in joined)
            or (title_key and len(line) >= 10 and (line in title_key or title_key in line))
        ):
            out.append((start, end))
    return out
