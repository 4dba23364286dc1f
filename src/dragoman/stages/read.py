"""Decode raw bytes into the text every span points into."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from dragoman.dates.published import CONFIDENCE
from dragoman.ingest.charset import BinaryInput, UndecodableInput, decode_bytes
from dragoman.ingest.html import body_lines, looks_like_html, page_meta, parse, render
from dragoman.ingest.keys import HTML_BODY_LINES, HTTP_CONTENT_TYPE, READER_ERROR, READER_ERROR_KIND
from dragoman.model import Article, PublishedBasis, PublishedFrom, Span
from dragoman.pipeline import BaseStage, InputError, StageSettings, register_stage

__all__ = ["HTML_BODY_LINES", "HTTP_CONTENT_TYPE", "Read", "ReadSettings"]


class ReadSettings(StageSettings):
    max_bytes: int = Field(
        default=50_000_000, gt=0, description="inputs larger than this are refused (too_large)"
    )
    max_text_chars: int = Field(
        default=200_000,
        gt=0,
        description=(
            "articles whose text is longer are refused (too_large): extraction cost grows with length, "
            "and one book-sized input would hold a worker for minutes; news articles are far shorter"
        ),
    )
    main_content: bool = Field(
        default=True,
        description="run trafilatura's main-content extraction on HTML to tell body lines from chrome",
    )
    fast_extraction: bool = Field(
        default=True,
        description="trafilatura without its fallback extractors (faster, slightly lower recall)",
    )


@register_stage("dragoman.Read.v1", settings=ReadSettings)
class Read(BaseStage):
    """Decode bytes (BOM, declared charset, detection) and render HTML to visible text.

    Plain text is kept exactly as decoded, CRLF included, so spans index the
    original.  HTML keeps its markup in ``raw`` and its visible text in
    ``text`` with ``raw_offsets`` back into the markup; title, date and site
    name come from the page's meta tags when the source does not have them
    (``Source.published_basis`` says whether the date came with the input or
    from the page), and the lines trafilatura keeps as the article go to the
    ``html_body_lines`` layer for the boilerplate stage.  Unusable input raises ``InputError`` with kind ``empty``, ``binary``,
    ``undecodable``, ``invalid_record`` or ``too_large``.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    provides: ClassVar[frozenset[str]] = frozenset({"text", HTML_BODY_LINES})

    def __init__(self, settings: ReadSettings | None = None) -> None:
        super().__init__(settings or ReadSettings())
        self.settings: ReadSettings

    def __call__(self, article: Article) -> Article:
        reader_error = article.meta.get(READER_ERROR)
        if reader_error:
            kind = str(article.meta.get(READER_ERROR_KIND, "invalid_record"))
            raise InputError(self.name, str(reader_error), kind=kind)
        data = article.raw_bytes
        if data is None:
            if article.raw is None:
                raise InputError(self.name, "article has neither bytes nor decoded text", kind="empty")
            data = article.raw.encode("utf-8")
        if len(data) > self.settings.max_bytes:
            raise InputError(
                self.name, f"{len(data)} bytes exceeds max_bytes={self.settings.max_bytes}", kind="too_large"
            )
        if not data.strip():
            raise InputError(self.name, "input is empty or only whitespace", kind="empty")
        src = article.source
        if src.published is not None and src.published_basis is None and not src.published_estimated:
            src.published_basis = PublishedBasis(PublishedFrom.INPUT, CONFIDENCE[PublishedFrom.INPUT])
        fmt = src.format
        try:
            decoded = decode_bytes(data, content_type=article.meta.get(HTTP_CONTENT_TYPE), html=fmt != "text")
        except BinaryInput as exc:
            raise InputError(self.name, str(exc), kind="binary") from exc
        except UndecodableInput as exc:
            raise InputError(self.name, str(exc), kind="undecodable") from exc
        src.encoding = decoded.encoding
        src.encoding_note = decoded.note
        raw = decoded.text
        if not raw.strip():
            raise InputError(self.name, "input decodes to whitespace only", kind="empty")
        is_html = fmt == "html" or (fmt != "text" and looks_like_html(raw))
        if fmt == "auto":
            src.format = "html" if is_html else "text"
        article.raw = raw
        if not is_html:
            self._check_length(raw)
            article.text = raw
            article.raw_offsets = None
            return article
        self._read_html(article, raw)
        return article

    def _check_length(self, text: str) -> None:
        limit = self.settings.max_text_chars
        if len(text) > limit:
            raise InputError(
                self.name,
                f"text of {len(text)} characters exceeds max_text_chars={limit} (raise it in the pipeline config)",
                kind="too_large",
            )

    def _read_html(self, article: Article, raw: str) -> None:
        tree = parse(raw)
        rendered = render(raw, tree)
        if tree is None or not rendered.text.strip():
            raise InputError(self.name, "HTML page has no visible text", kind="empty")
        self._check_length(rendered.text)
        article.text = rendered.text
        article.raw_offsets = rendered.offsets
        meta = page_meta(tree)
        src = article.source
        src.title = src.title or meta.title
        if src.published is None and meta.published is not None:
            src.published = meta.published
            src.published_basis = PublishedBasis(PublishedFrom.METADATA, CONFIDENCE[PublishedFrom.METADATA])
        src.outlet = src.outlet or meta.site_name
        if self.settings.main_content:
            lines = body_lines(raw, rendered.text, title=src.title, fast=self.settings.fast_extraction)
            if lines is not None:
                article.ext[HTML_BODY_LINES] = [Span(s, e) for s, e in lines]
