"""dragoman.Read.v1: decoding, error kinds, HTML rendering with offsets back into the markup."""

from __future__ import annotations

from datetime import date

import pytest

from dragoman.model import Article, PublishedFrom, Source
from dragoman.pipeline import InputError, make_stage
from dragoman.stages.read import HTML_BODY_LINES, HTTP_CONTENT_TYPE, Read, ReadSettings

AR = "قال وزير الخارجية الإسرائيلي إن أذربيجان حليف استراتيجي مهم لإسرائيل في منطقة القوقاز."
HE = "יועץ הנשיא האזרי ביקר בישראל ונפגש עם ראש הממשלה לדיון מקיף על היחסים בין המדינות."


def _read(data: bytes, fmt: str = "auto", **meta: str) -> Article:
    art = Article.from_bytes(data, Source(path="x", format=fmt))
    art.meta.update(meta)
    return Read(ReadSettings())(art)


def _kind(data: bytes, **kw: object) -> str:
    with pytest.raises(InputError) as err:
        _read(data, **kw)  # type: ignore[arg-type]
    return err.value.kind


def test_registered_under_versioned_name() -> None:
    stage = make_stage("dragoman.Read.v1", {"max_bytes": 1000})
    assert isinstance(stage, Read)
    assert stage.requires == {"raw"} and stage.provides == {"text", "html_body_lines"}


def test_plain_text_is_kept_exactly_crlf_included() -> None:
    text = f"{AR}\r\n\r\n{AR}\r\n"
    art = _read(text.encode("utf-8"))
    assert art.text == text and art.raw == text
    assert art.source.format == "text" and art.source.encoding == "utf-8"
    assert art.raw_offsets is None


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"\x1f\x8b\x08\x00\x00\x00", "binary"),
        (b"hello\x00world\x00" * 10, "binary"),
        (bytes(range(1, 9)) * 40, "binary"),
    ],
)
def test_unusable_inputs_have_a_kind(data: bytes, kind: str) -> None:
    assert _kind(data) == kind


def test_too_large() -> None:
    art = Article.from_bytes(AR.encode("utf-8") * 10, Source(format="text"))
    with pytest.raises(InputError) as err:
        Read(ReadSettings(max_bytes=100))(art)
    assert err.value.kind == "too_large"


def test_invalid_jsonl_record() -> None:
    art = Article.from_bytes(b'{"text": ', Source(format="invalid-jsonl"))
    art.meta["reader_error"] = "line 3 is not a JSON object"
    with pytest.raises(InputError) as err:
        Read()(art)
    assert err.value.kind == "invalid_record" and "line 3" in err.value.message


def test_undecodable_declared_and_garbage() -> None:
    # Bytes valid in no plausible charset: a mess in every single-byte table.
    garbage = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC0, 0x80, 0xFF, 0xFE]) * 50
    assert _kind(garbage, fmt="text") in {"undecodable", "binary"}


@pytest.mark.parametrize(("text", "codec"), [(AR, "cp1256"), (HE, "cp1255")])
def test_legacy_codepages_detected(text: str, codec: str) -> None:
    art = _read((text * 3).encode(codec), fmt="text")
    assert art.text == text * 3
    assert art.source.encoding == codec
    assert art.source.encoding_note and codec in art.source.encoding_note


def test_iso_8859_6_declared_in_header() -> None:
    art = _read(
        AR.replace("،", ",").encode("iso8859_6"),
        fmt="text",
        **{HTTP_CONTENT_TYPE: "text/plain; charset=ISO-8859-6"},
    )
    assert art.text.startswith("قال وزير")
    assert art.source.encoding == "iso8859-6"


def test_mislabelled_latin1_page_is_detected() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{AR * 3}</p></body></html>'
    art = _read(page.encode("cp1256"))
    assert AR in art.text
    assert art.source.encoding == "cp1256"
    assert "declared iso-8859-1" in (art.source.encoding_note or "")


def test_utf8_bytes_labelled_windows_1256_are_read_as_utf8() -> None:
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body><p>{AR}</p></body></html>'
    art = _read(page.encode("utf-8"))
    assert AR in art.text and art.source.encoding == "utf-8"
    assert "detected utf-8" in (art.source.encoding_note or "")


def test_visual_hebrew_is_flagged() -> None:
    page = f'<html><head><meta charset="iso-8859-8"></head><body><p>{HE}</p></body></html>'
    art = _read(page.encode("iso8859_8"))
    assert HE in art.text
    assert "visual" in (art.source.encoding_note or "")
    reversed_lines = "\n".join(HE[::-1] for _ in range(4))
    art2 = _read(reversed_lines.encode("cp1255"), fmt="text")
    assert "visual-order Hebrew suspected" in (art2.source.encoding_note or "")


def test_utf16_with_bom() -> None:
    art = _read(b"\xff\xfe" + HE.encode("utf-16-le"), fmt="text")
    assert art.text == HE and art.source.encoding == "utf-16-le"


PAGE = """<!DOCTYPE html>
<html><head><title>Israel &amp; Azerbaijan | Example News</title>
<meta property="og:site_name" content="Example News">
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2025-04-26T10:00:00Z"}]}</script>
<style>p { color: red }</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
<article><h1>Israel &amp; Azerbaijan</h1>
<p>The foreign ministers met in Baku on Tuesday&nbsp;and signed a memorandum on trade, officials said.</p>
<script>document.write("<p>never shown</p>")</script>
<p>They also discussed energy, with <b>gas</b> exports at the centre of the talks, according to both sides.</p>
<template><p>template text</p></template><noscript>turn on JavaScript</noscript>
</article><footer>Copyright 2025 Example News</footer></body></html>"""


def test_html_rendering_and_offsets() -> None:
    art = _read(PAGE.encode("utf-8"))
    assert art.source.format == "html"
    assert art.raw == PAGE
    lines = art.text.split("\n")
    assert "Israel & Azerbaijan" in lines
    assert "Home" in lines and "World" in lines
    assert not any(bad in art.text for bad in ("never shown", "template text", "JavaScript", "color: red"))
    assert "gas exports" in art.text  # inline elements do not break lines
    assert art.raw_offsets is not None and len(art.raw_offsets) == len(art.text)
    for i, ch in enumerate(art.text):
        if ch.isalnum():
            assert PAGE[art.raw_offsets[i]] == ch
    amp = art.text.index("&")
    assert PAGE.startswith("&amp;", art.raw_offsets[amp])
    assert art.raw_offsets == sorted(art.raw_offsets)


def test_html_metadata_from_page() -> None:
    art = _read(PAGE.encode("utf-8"))
    assert art.source.title == "Israel & Azerbaijan | Example News"
    assert art.source.published == date(2025, 4, 26)
    assert art.source.published_basis is not None
    assert art.source.published_basis.source is PublishedFrom.METADATA
    assert art.source.outlet == "Example News"


def test_source_metadata_wins_over_page() -> None:
    art = Article.from_bytes(
        PAGE.encode("utf-8"), Source(outlet="Given", published=date(2024, 1, 1), format="html")
    )
    art = Read()(art)
    assert art.source.outlet == "Given" and art.source.published == date(2024, 1, 1)
    assert art.source.published_basis is not None
    assert art.source.published_basis.source is PublishedFrom.INPUT  # given with the input, not the page's


def test_meta_tag_and_time_element_dates() -> None:
    meta = '<html><head><meta property="article:published_time" content="2024-12-31T23:00:00+02:00"></head><body><p>x y z</p></body></html>'
    assert _read(meta.encode()).source.published == date(2024, 12, 31)
    tm = '<html><body><article><time datetime="2023-05-06">May 6</time><p>x y z</p></article></body></html>'
    assert _read(tm.encode()).source.published == date(2023, 5, 6)


def test_main_content_lines_recorded() -> None:
    art = _read(PAGE.encode("utf-8"))
    kept = [art.span_text(sp) for sp in art.ext[HTML_BODY_LINES]]
    assert any(k.startswith("The foreign ministers met") for k in kept)
    assert "Home" not in kept and not any("Copyright" in k for k in kept)


def test_plain_text_mentioning_tags_is_not_html() -> None:
    text = "Use the <p> element for paragraphs, said the guide.\nNothing else here."
    art = _read(text.encode())
    assert art.source.format == "text" and art.text == text


def test_html_without_visible_text_is_empty() -> None:
    assert _kind(b"<html><head><script>x=1</script></head><body></body></html>") == "empty"
