"""Bytes to text: BOM, declared charset, then detection, with a note on what was decided.

The order follows what browsers do (WHATWG "encoding sniffing"), because
that is what the outlet saw when it checked its page: a byte-order mark
wins, then the HTTP header, then the ``<meta>`` declaration, then a guess.
Unlike a browser we distrust a declaration that does not decode or that
turns out mojibake, because scraped archives often relabel pages (an
Arabic page re-served as ``iso-8859-1`` is the classic case), and we say so
in ``encoding_note`` so the decision can be audited later.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

__all__ = ["BinaryInput", "Decoded", "UndecodableInput", "decode_bytes", "looks_binary", "sniff_declared"]

# Magic numbers of formats that people drop into a news folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "GZIP"),
    (b"BZh", "BZIP2"),
    (b"\xfd7zXZ\x00", "XZ"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!", "RAR"),
    (b"\xd0\xcf\x11\xe0", "OLE (old Office)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x00asm", "WebAssembly"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"WARC/", "WARC (use the WARC reader)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels a page may declare that Python either does not know or that browsers
# (and therefore authors) treat as something else.
_LABELS: dict[str, str] = {
    "iso-8859-8-i": "iso8859-8",  # logical-order Hebrew; Python's codec is the same table
    "iso-8859-8-e": "iso8859-8",
    "iso-8859-6-i": "iso8859-6",
    "iso-8859-6-e": "iso8859-6",
    "visual": "iso8859-8",
    "x-mac-hebrew": "mac-roman",  # rare; better than failing outright
    "windows-874": "cp874",
    "x-cp1256": "cp1256",
    "x-cp1255": "cp1255",
    "unicode": "utf-16",
    "utf8": "utf-8",
    # WHATWG: these labels all mean windows-1252 on the web.
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_VISUAL_HEBREW_LABELS = {"iso-8859-8", "iso_8859-8", "iso8859-8", "visual", "iso-8859-8-e"}

_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""",
    re.IGNORECASE,
)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.IGNORECASE)
_HEADER_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
# Bytes that are not suspicious control characters (tab, newlines, form feed and ESC are fine).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
# A final letter that starts a word.  The letter comes first and the "no Hebrew letter before
# it" test looks back from after it: a pattern opening with a look-behind is tried at every
# position of the text, one opening with a character class only where such a letter is.
_FINAL_LEADS_RE = re.compile(r"[ךםןףץ](?<![\u05d0-\u05ea].)[\u05d0-\u05ea]")
_FINAL_TRAILS_RE = re.compile(r"[\u05d0-\u05ea][ךםןףץ](?![\u05d0-\u05ea])")

# Codepages of the languages Dragoman reads, preferred when detection is torn between tables.
_PREFERRED = tuple(
    codecs.lookup(c).name for c in ("utf-8", "cp1256", "cp1255", "iso8859-6", "iso8859-8", "cp1252", "utf-16")
)
_TIE = 0.02
_PUNCT = "\u00a0\u00ab\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u200e\u200f"
# Letters (no vowel points), digits and punctuation of each script, per legacy codepage, most used first.
_SCRIPT_TABLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cp1256", re.compile(f"[\u0621-\u063a\u0641-\u064a\u060c\u061b\u061f\u0640\u0660-\u066d{_PUNCT}]")),
    ("iso8859-6", re.compile(f"[\u0621-\u063a\u0641-\u064a\u060c\u061b\u061f\u0640{_PUNCT}]")),
    ("cp1255", re.compile(f"[\u05d0-\u05ea\u05f3\u05f4\u20aa{_PUNCT}]")),
    ("iso8859-8", re.compile(f"[\u05d0-\u05ea{_PUNCT}]")),
)
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_MIN_HIGH_CHARS = 8
_SCRIPT_SHARE = 0.9
_MAX_GLUED = 0.05

# A decoded text is treated as mojibake when charset-normalizer's "mess" score
# for it passes this: clean text scores ~0, Arabic read as cp1252 scores > 1.
_MESS_LIMIT = 0.2


class BinaryInput(ValueError):
    """The bytes are not text (a known file format, NULs or control characters)."""


class UndecodableInput(ValueError):
    """No charset decodes the bytes into plausible text."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    note: str | None = None  # why, when it was not the obvious choice


def looks_binary(data: bytes) -> str | None:
    """A description of the binary format, or None when the bytes could be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text has NULs by design
    head = data[:8192]
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = len(head.translate(None, _NOT_CONTROL))
    if head and controls / len(head) > 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def _codec(label: str) -> str | None:
    """Python codec name for a declared label, or None when unknown."""
    key = label.strip().strip("\"'").lower()
    key = _LABELS.get(key, key)
    try:
        return codecs.lookup(key).name
    except LookupError:
        return None


def sniff_declared(data: bytes, content_type: str | None = None) -> tuple[str, str] | None:
    """(label, where) of the charset the HTTP header, XML declaration or HTML meta declares."""
    if content_type:
        header = _HEADER_RE.search(content_type)
        if header:
            return header.group(1), "http"
    head = data[:4096]
    for pattern, where in ((_XML_DECL_RE, "xml"), (_META_RE, "meta")):
        m = pattern.search(head)
        if m:
            return m.group(1).decode("ascii"), where
    return None


def _visual_hebrew_suspected(text: str) -> bool:
    """Final letters (ך ם ן ף ץ) belong at word ends; in visual-order text they lead words."""
    sample = text[:20000]
    lead = len(_FINAL_LEADS_RE.findall(sample))
    return lead >= 5 and lead > 2 * len(_FINAL_TRAILS_RE.findall(sample))


def _mojibake(text: str) -> bool:
    sample = text[:4000]
    return bool(sample) and mess_ratio(sample, maximum_threshold=1.0) > _MESS_LIMIT


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _script_fit(data: bytes) -> tuple[str, str] | None:
    """The first legacy codepage under which nearly all non-ASCII characters are its script's letters.

    Generic detection weighs every codepage of the world equally and, on short
    Hebrew or Arabic snippets, picks Korean or Cyrillic tables that decode the
    bytes just as "cleanly".  A page we are asked to read is overwhelmingly
    likely to be in one of ours, and under the right table its high bytes are
    letters and punctuation of one script; under a wrong one they turn into
    accented Latin, symbols or stray vowel points.
    """
    for codec, letters in _SCRIPT_TABLES:
        text = _try(data, codec)
        if text is None:
            continue
        high = len(_NON_ASCII_RE.findall(text))
        if high < _MIN_HIGH_CHARS or len(letters.findall(text)) < _SCRIPT_SHARE * high:
            continue
        # Latin text read through a Hebrew/Arabic table glues single letters to ASCII ones ("Caf" + "י").
        glued = len(re.findall(f"[A-Za-z]{letters.pattern}|{letters.pattern}[A-Za-z]", text))
        if glued <= _MAX_GLUED * high:
            return text, codecs.lookup(codec).name
    return None


def _detect(data: bytes) -> tuple[str, str] | None:
    if _try(data, "utf-8") is not None:  # cheap, and by far the most common answer
        return data.decode("utf-8"), "utf-8"
    fit = _script_fit(data)
    if fit is not None:
        return fit
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        return None
    best = min(results, key=lambda m: m.chaos)
    # Single-byte tables decode anything, so several often tie on "mess"; charset-normalizer
    # then ranks by a language-coherence guess that calls Hebrew Kazakh.  Among the ties, the
    # codepages of the languages we read win.
    ties = [m for m in results if m.chaos <= best.chaos + _TIE]
    rank = {c: i for i, c in enumerate(_PREFERRED)}
    chosen = min(ties, key=lambda m: rank.get(codecs.lookup(m.encoding).name, len(rank)))
    return str(chosen), codecs.lookup(chosen.encoding).name


def _finish(text: str, codec: str, note: str | None) -> Decoded:
    notes = [note] if note else []
    if _visual_hebrew_suspected(text):
        notes.append("visual-order Hebrew suspected (final letters lead words)")
    return Decoded(text, codec, "; ".join(notes) or None)


def decode_bytes(data: bytes, *, content_type: str | None = None, html: bool = False) -> Decoded:
    """Decode ``data``; raise ``BinaryInput`` or ``UndecodableInput`` when it is not text.

    ``content_type`` is an HTTP ``Content-Type`` header when the bytes came
    from the web; ``html`` enables the ``<meta charset>`` / XML declaration
    sniff (always tried when a header is absent and the bytes start like
    markup).
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(bom_codec), bom_codec, "byte-order mark")
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    f"byte-order mark says {bom_codec} but the bytes do not decode: {exc}"
                ) from exc
    kind = looks_binary(data)
    if kind:
        raise BinaryInput(f"binary input ({kind})")

    declared = sniff_declared(data, content_type) if (html or content_type) else None
    visual_note: str | None = None
    if declared:
        label, where = declared
        if label.strip().lower() in _VISUAL_HEBREW_LABELS:
            visual_note = f"declared {label} ({where}): visual-order Hebrew, text may be stored reversed"
        codec = _codec(label)
        if codec is not None:
            # Non-ASCII bytes that happen to be valid UTF-8 almost never are anything else,
            # so a page labelled otherwise has been relabelled somewhere on the way.
            if codec != "utf-8" and not data.isascii() and _try(data, "utf-8") is not None:
                return _finish(data.decode("utf-8"), "utf-8", f"declared {label} ({where}), detected utf-8")
            as_declared = _try(data, codec)
            if as_declared is not None and not _mojibake(as_declared):
                return _finish(as_declared, codec, visual_note)
        found = _detect(data)
        if found is None:
            raise UndecodableInput(f"declared {label} ({where}) does not decode and detection failed")
        text, used = found
        why = "unknown label" if codec is None else "does not decode cleanly"
        note = f"declared {label} ({where}) {why}, detected {used}"
        return _finish(text, used, "; ".join(n for n in (note, visual_note) if n))

    found = _detect(data)
    if found is None:
        raise UndecodableInput("no charset decodes these bytes")
    text, used = found
    if used != "utf-8" and _mojibake(text):
        raise UndecodableInput(f"best guess {used} still looks like mojibake")
    return _finish(text, used, None if used == "utf-8" else f"no declaration, detected {used}")
