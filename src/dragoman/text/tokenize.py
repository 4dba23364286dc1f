"""Tokens and sentences as spans.

The tokeniser must agree with how the NER training corpora are tokenised
(punctuation split off; Hebrew acronyms such as ארה"ב and words with a
geresh kept whole), because the taggers see exactly these tokens.
"""

from __future__ import annotations

import re

from dragoman.model import Span
from dragoman.text.normalize import FORMAT_CHAR_RANGES

# Letters plus the combining marks Python's \w leaves out (Arabic harakat,
# Hebrew niqqud) and the tatweel that stretches Arabic words.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0640"
# Invisible format characters (bidi marks, ZWNJ/ZWJ, soft hyphen...): tokens are
# cut as if they were not there (see ``tokenize``), and they close a sentence's
# trailing punctuation like a quote mark does.
_FORMAT = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in FORMAT_CHAR_RANGES)
_FORMAT_RE = re.compile(f"[{_FORMAT}]")
_WORD = rf"[\w{_MARKS}]"
# A word may contain an apostrophe/geresh/gershayim when a letter follows
# (ארה"ב, אזרבייג'ן, O'Brien), and may end in a geresh (ג'), but never ends
# in a quote mark that is really closing a quotation.
_TOKEN_RE = re.compile(
    rf"""\d+(?:[.,:/]\d+)*%?          # numbers, dates, times
       |{_WORD}+(?:['"׳״’]{_WORD}+)*['׳]?(?<![0-9])   # words
       |\S                           # any other single character
    """,
    re.VERBOSE,
)

# Sentence ends: . ! ? Arabic ؟ and ellipsis, followed by space; or a line break; or, between
# two Arabic or Hebrew letters, a full stop with no space after it ("لا أساس له.وأوضح أن"):
# scraped pages lose the space there, and neither script writes abbreviations with a dot.
_SENT_END_RE = re.compile(
    rf"(?<=[.!?؟…])[\"'”»״){_FORMAT}]*\s+|\n\s*|(?<=[\u0620-\u064a\u05d0-\u05ea][.!?؟])(?=[\u0620-\u064a\u05d0-\u05ea])"
)
_ABBREV_RE = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|St|Jr|Sr|vs|etc|No|U\.S|U\.N|E\.U)\.)$")


# Tokens are the most numerous objects an article gets (a few hundred each), and the frozen
# dataclass's generated __init__ (two object.__setattr__ calls and a range check) was half the
# cost of tokenising.  Offsets from a regex match inside the text are valid by construction, so
# token spans are filled in through their slots directly; they are ordinary, immutable Spans.
_new_span = Span.__new__
_set_start = vars(Span)["start"].__set__
_set_end = vars(Span)["end"].__set__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Token spans of ``text[start:end]``, cut as if its invisible format characters were absent.

    An RLM typed inside "Eli Cohen" or a ZWNJ inside أذربيجان must not split
    a word (the gazetteer, the taggers and the linker would each see two
    words), and a lone mark is no token.  Marks inside or beside a word stay
    in its span; the matching form (``normalize``) removes them.
    """
    stop = len(text) if end is None else end
    if _FORMAT_RE.search(text, start, stop) is not None:
        return _tokenize_visible(text, start, stop)
    out: list[Span] = []
    append = out.append
    # Inlined rather than a helper per token: the call cost as much as filling the slots.
    for m in _TOKEN_RE.finditer(text, start, stop):
        a, b = m.span()
        span = _new_span(Span)
        _set_start(span, a)
        _set_end(span, b)
        append(span)
    return out


def _tokenize_visible(text: str, start: int, stop: int) -> list[Span]:
    """``tokenize`` over the text with format characters taken out, mapped back to ``text``.

    Marks next to a token join it: trailing ones first (Unicode's word
    boundaries attach a format character to what precedes it), then leading
    ones that follow a space.  What lies between two tokens is then exactly
    what a reader sees between them, so a check that two words are separated
    by one space (multi-word names, appositions) holds with the marks present.
    """
    keep = [i for i in range(start, stop) if _FORMAT_RE.match(text, i) is None]
    visible = "".join(text[i] for i in keep)
    out: list[Span] = []
    prev_end = start
    for m in _TOKEN_RE.finditer(visible):
        a, b = keep[m.start()], keep[m.end() - 1] + 1
        while a > prev_end and _FORMAT_RE.match(text, a - 1):
            a -= 1
        while b < stop and _FORMAT_RE.match(text, b):
            b += 1
        out.append(Span(a, b))
        prev_end = b
    return out


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences within ``text[start:end]``, trimmed of surrounding whitespace."""
    stop = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _SENT_END_RE.finditer(text, start, stop):
        cut = m.start()
        if "\n" not in m.group(0) and _ABBREV_RE.search(text, pos, cut):
            continue  # "U.S. officials" is not two sentences
        _add_trimmed(text, pos, cut, out)
        pos = m.end()
    _add_trimmed(text, pos, stop, out)
    return out


def _add_trimmed(text: str, a: int, b: int, out: list[Span]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Span(a, b))
