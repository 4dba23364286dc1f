"""Charset decisions: BOM, declarations (HTTP, XML, meta), WHATWG labels, mislabels, detection."""

from __future__ import annotations

import random

import pytest

from dragoman.ingest.charset import BinaryInput, UndecodableInput, decode_bytes, looks_binary, sniff_declared

AR = "أكد مكتب رئيس الوزراء أن الكيان يسعى إلى إزالة جميع العقبات أمام تطوير العلاقات الثلاثية. "
HE = "ישראל ואזרבייג'ן, שלהן יחסים קרובים מזה שלושה עשורים, רואות במשטר האיראני איום אסטרטגי. "


def test_declaration_order_http_then_xml_then_meta() -> None:
    page = b'<?xml version="1.0" encoding="windows-1255"?><html><head><meta charset="utf-8">'
    assert sniff_declared(page, "text/html; charset=ISO-8859-6") == ("ISO-8859-6", "http")
    assert sniff_declared(page) == ("windows-1255", "xml")
    assert sniff_declared(
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    ) == (
        "windows-1256",
        "meta",
    )
    assert sniff_declared(b"<p>no declaration</p>") is None


def test_bom_wins_over_declaration() -> None:
    data = b"\xef\xbb\xbf" + f'<meta charset="windows-1256"><p>{AR}</p>'.encode()
    d = decode_bytes(data, html=True)
    assert d.encoding == "utf-8" and d.note == "byte-order mark" and AR in d.text


def test_whatwg_latin1_label_means_windows_1252() -> None:
    d = decode_bytes(
        "<meta charset='iso-8859-1'><p>caf\u00e9 \u2014 na\u00efve</p>".encode("cp1252"), html=True
    )
    assert d.encoding == "cp1252" and "\u2014" in d.text


def test_unknown_label_falls_back_to_detection() -> None:
    d = decode_bytes(f'<meta charset="x-no-such"><p>{AR * 3}</p>'.encode("cp1256"), html=True)
    assert AR in d.text and "unknown label" in (d.note or "")


def test_declared_charset_that_fails_is_replaced() -> None:
    # cp1255 Hebrew bytes declared as UTF-8: not valid UTF-8, detection takes over
    d = decode_bytes(f'<meta charset="utf-8"><p>{HE * 3}</p>'.encode("cp1255"), html=True)
    assert HE in d.text and d.encoding == "cp1255"
    assert "declared utf-8 (meta) does not decode cleanly" in (d.note or "")


def test_meta_is_ignored_for_plain_text() -> None:
    # html=False: a meta-like string inside prose is not a declaration
    d = decode_bytes(f"<meta charset=utf-8> {AR}".encode("cp1256"))
    assert AR in d.text and d.encoding == "cp1256"


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"%PDF-1.4", "PDF"), (b"\xff\xd8\xff\xe0", "JPEG"), (b"WARC/1.0\r\n", "WARC"), (b"a\x00b", "NUL")],
)
def test_binary_formats_named(data: bytes, kind: str) -> None:
    assert kind in (looks_binary(data) or "")
    with pytest.raises(BinaryInput):
        decode_bytes(data)


def test_utf16_text_is_not_binary() -> None:
    assert looks_binary(b"\xfe\xff" + HE.encode("utf-16-be")) is None
    assert decode_bytes(b"\xfe\xff" + HE.encode("utf-16-be")).text == HE


def test_broken_bom_is_undecodable() -> None:
    with pytest.raises(UndecodableInput):
        decode_bytes(b"\xef\xbb\xbf\xff\xfe\xfa\xfb")


SNIPPETS = [
    ("cp1256", AR),
    ("iso8859-6", AR.replace("أ", "ا").replace("إ", "ا")),
    ("cp1255", HE),
    ("iso8859-8", HE),
]


@pytest.mark.parametrize(("codec", "text"), SNIPPETS)
@pytest.mark.parametrize("html", [False, True])
def test_undeclared_legacy_pages_decode(codec: str, text: str, html: bool) -> None:
    data = text.encode(codec)
    if html:
        data = b"<html><body><p>" + data + b"</p></body></html>"
    d = decode_bytes(data, html=html)
    assert text in d.text


def test_latin_text_is_not_mistaken_for_hebrew() -> None:
    text = "Café society — a naïve résumé of “quoted” text, written again and again. " * 3
    assert decode_bytes(text.encode("cp1252")).text == text


def test_visual_order_hebrew_is_noted() -> None:
    # Visual order stores each line reversed, so final letters (ם ן ך) lead words.
    logical = "שלום לכם, אנחנו מדברים עם הממשלה על השלום והביטחון בירושלים ובחברון היום. " * 3
    visual = " ".join(word[::-1] for word in logical.split())
    assert decode_bytes(logical.encode("utf-8")).note is None
    note = decode_bytes(visual.encode("utf-8")).note or ""
    assert "visual-order Hebrew suspected" in note


def test_final_letter_counts_match_a_plain_scan() -> None:
    # The lead pattern is written letter-first for speed; it must count what a direct
    # reading of "a final letter with no Hebrew letter before it, a Hebrew letter after" does.
    from dragoman.ingest.charset import _FINAL_LEADS_RE

    rng = random.Random(5)
    alphabet = "אבגדהוזחטיכךלמםנןסעפףצץקרשת ab.'\n"
    hebrew = {chr(c) for c in range(0x05D0, 0x05EB)}
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected, i = 0, 0
        while i < len(text) - 1:
            if text[i] in "ךםןףץ" and (i == 0 or text[i - 1] not in hebrew) and text[i + 1] in hebrew:
                expected += 1
                i += 2
            else:
                i += 1
        assert len(_FINAL_LEADS_RE.findall(text)) == expected, text
