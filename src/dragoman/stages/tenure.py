"""The ``dragoman.Tenure.v1`` stage: an undated page's year from the office terms of the people it titles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import ClassVar

from pydantic import Field

from dragoman.dates import (
    Trigger,
    extract_time_expressions,
    find_readings,
    find_triggers,
    fold_digits,
    patterns,
)
from dragoman.dates.patterns import Patterns
from dragoman.dates.published import PublishedDate
from dragoman.dates.resolve import Kind
from dragoman.dates.tenure import Term, Window, days_fitting, one_year, window_of
from dragoman.kb.langdata import titles
from dragoman.kb.loader import KnowledgeBase, load_kb
from dragoman.kb.schema import Role, date_bounds
from dragoman.link.rules import apposed
from dragoman.model import Article, Granularity, Mention, MentionKind, PublishedBasis, PublishedFrom, Span
from dragoman.pipeline import BaseStage, StageSettings, register_stage
from dragoman.pipeline.versions import package_data_digest
from dragoman.stages.dates import DATE_CHROME, body_spans
from dragoman.text import normalize_key

# How sure each result is (fixed per kind, as the dates stage's are): the dateline's day is
# printed and only its year inferred; a year alone rests on the knowledge base's terms.
_DATELINE_CONFIDENCE = 0.7
_YEAR_CONFIDENCE = 0.5

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\-‐–]*$")
_WORD_AFTER = re.compile(r"^[\s,،]*([^\W\d_]+)")
_WORD = re.compile(r"[^\W\d_]+")


class TenureSettings(StageSettings):
    # A window that spills this many days into a neighbouring year still names one year: a
    # minister sworn in on 29 December and replaced on 1 January a year later served in one.
    slack_days: int = Field(default=7, ge=0, le=60)
    # Keep equal to the dates stage's: the time expressions are resolved again with them.
    future_days: int = Field(default=92, ge=0, le=366)
    # The present: no term runs past it (None is the machine's date; set it to re-run an archive).
    today: date | None = None


@register_stage("dragoman.Tenure.v1", settings=TenureSettings)
class Tenure(BaseStage):
    """Date a page that gives no date of its own by who holds which office in it.

    "Foreign Minister Eli Cohen" was written during Cohen's term; every person the
    page names with a title in apposition (not marked "former", not in a sentence
    with an absolute date of its own, which names who held the office then) narrows the window
    (``dragoman.dates.tenure``).  A year-less dateline ("Jerusalem, Apr 19") whose
    day fits the window in one year only becomes the publication date
    (``PublishedFrom.DATELINE_TENURE``, a reading: "on Wednesday" resolves against
    it); otherwise a window within one calendar year is a year-level estimate
    (``granularity="year"``), against which only "this year", "last year" and
    "March of this year" resolve.  Either way the time expressions are resolved
    again and ``published_basis.evidence`` holds the dateline and the titles with
    their names.  Pages with a date read from their address, metadata, a dateline
    or their own "today" are left alone, and so are pages whose estimate from
    their own dates stands (the window then only confirms or contradicts it).
    """

    requires: ClassVar[frozenset[str]] = frozenset(
        {
            "text",
            "language",
            "sentences",
            "boilerplate",
            "mentions",
            "entities",
            "time_expressions",
            "published",
        }
    )
    provides: ClassVar[frozenset[str]] = frozenset({"time_expressions", "published"})

    def __init__(self, settings: TenureSettings | None = None) -> None:
        super().__init__(settings or TenureSettings())
        self.settings: TenureSettings
        self.kb: KnowledgeBase = load_kb()

    def versions(self, article: Article) -> dict[str, str]:
        return {"kb": package_data_digest("dragoman.kb", "data")}

    def __call__(self, article: Article) -> Article:
        src = article.source
        basis = src.published_basis
        if article.given_published() is not None or (
            basis is not None and basis.source is not PublishedFrom.ESTIMATE
        ):
            return article
        lang = (article.language or "").split("-")[0].lower()
        pats = patterns(lang) if lang else None
        if pats is None:
            return article
        today = self.settings.today or date.today()
        window = window_of(self._titled(article, lang, today), until=today)
        if window is None:
            return article
        scan = fold_digits(article.text)
        triggers = find_triggers(pats.keys(scan), pats)  # one scan serves the dateline and the re-resolution
        lower = src.published if basis is not None else None
        pub = _dateline_day(article, scan, pats, triggers, window, lower)
        if pub is None and basis is None:
            year = one_year(window, slack_days=self.settings.slack_days)
            if year is not None:
                pub = PublishedDate(
                    date(year, 1, 1),
                    PublishedBasis(
                        PublishedFrom.ESTIMATE, _YEAR_CONFIDENCE, Granularity.YEAR, window.evidence
                    ),
                )
        if pub is None:
            return article
        exprs, _ = extract_time_expressions(
            scan, body_spans(article), pats, pub.anchor(), future_days=self.settings.future_days, triggers=triggers
        )
        src.published, src.published_estimated, src.published_basis = pub.day, pub.estimated, pub.basis
        article.time_expressions = exprs
        return article

    def _titled(self, article: Article, lang: str, today: date) -> list[tuple[list[Term], list[Span]]]:
        """Per person and titled office: the office's terms and the title and name spans.

        A title is a TITLE mention of the person in apposition to a NAME mention, or, where the
        gazetteer made no mention of it (English "Foreign Minister Eli Cohen" names no state), a
        title phrase of ``titles.yaml`` right before the name.
        """
        t = titles(lang)
        past = frozenset(normalize_key(w) for w in t.past) if t else frozenset()
        ms = article.mentions
        # "In April 2023, Foreign Minister X visited ...": a title in a sentence with a date of its own
        # says who held the office then; a look back from years later writes it the same way
        dated = [
            sent
            for sent in article.sentences
            if any(not x.relative and x.value and sent.start <= x.span.start < sent.end for x in article.time_expressions)
        ]
        groups: dict[tuple[str, str, str], tuple[list[Term], list[Span]]] = {}
        for ent in article.entities:
            rec = self.kb.get(ent.id) if ent.id.startswith("person:") else None
            if rec is None or not rec.roles:
                continue
            names = [ms[k] for k in ent.mentions if ms[k].kind is MentionKind.NAME]
            pairs: list[tuple[str, str, Span, Mention]] = []
            for k in ent.mentions:
                m = ms[k]
                if m.kind is not MentionKind.TITLE or not (m.kb_id or "").startswith("role:"):
                    continue
                role, _, of = (m.kb_id or "")[len("role:") :].partition("@")
                name = next((n for n in names if apposed(article.text, m.span, n.span)), None)
                if name is not None:
                    pairs.append((role, of, m.span, name))
            titled = {p[3].span for p in pairs}
            for n in names:
                bare = _title_before(article.text, n.span, lang) if n.span not in titled else None
                if bare is not None:
                    pairs.append((bare[0], "", bare[1], n))
            for role, of, title, name in pairs:
                if _in_past(article.text, title, name.span, past) or any(d.start <= title.start < d.end for d in dated):
                    continue
                held = _terms(rec.roles, role, of, today)
                if not held:
                    continue  # an office the knowledge base does not give this person: no term to read
                _, spans = groups.setdefault((ent.id, role, of), (held, []))
                spans.extend((title, name.span))
        return list(groups.values())


@cache
def _title_words(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(role, folded words) of every role title phrase of the language, longest first."""
    t = titles(lang)
    phrases = [(x.role, tuple(normalize_key(w) for w in p.split())) for x in t.titles for p in x.phrases] if t else []
    return tuple(sorted(phrases, key=lambda rp: -len(rp[1])))


def _title_before(text: str, name: Span, lang: str) -> tuple[str, Span] | None:
    """A role title written right before a name ("Foreign Minister Eli Cohen"): its role and span."""
    words = list(_WORD.finditer(text, max(0, name.start - 60), name.start))
    if not words or text[words[-1].end() : name.start].strip():
        return None
    for role, phrase in _title_words(lang):
        n = len(phrase)
        tail = words[-n:]
        # only spaces between the title's words: "minister, foreign" is no title
        if (
            len(tail) == n
            and tuple(normalize_key(w.group()) for w in tail) == phrase
            and all(not text[a.end() : b.start()].strip() for a, b in zip(tail, tail[1:], strict=False))
        ):
            return role, Span(tail[0].start(), tail[-1].end())
    return None


def _terms(roles: Sequence[Role], role: str, of: str, today: date) -> list[Term]:
    out: list[Term] = []
    for r in roles:
        if r.role != role or (of not in ("", "None") and r.of != of):
            continue
        lo = date_bounds(r.start, upper=False) if r.start else date(1, 1, 1)
        hi = min(date_bounds(r.end, upper=True), today) if r.end else today
        out.append(Term(lo, hi))
    return out


def _in_past(text: str, title: Span, name: Span, past: frozenset[str]) -> bool:
    """Whether a past marker stands right before or after the title or the name.

    "former Foreign Minister X", "X, the former foreign minister", "وزير الخارجية السابق X",
    "X, שר החוץ לשעבר"; the title's own last word counts too, for a title mention that
    took the adjective in ("وزير الخارجية السابق").
    """
    if not past:
        return False
    words = []
    for span in (title, name):
        words.append(_WORD_BEFORE.search(text, max(0, span.start - 30), span.start))
        words.append(_WORD_AFTER.match(text[span.end : span.end + 30]))
    words.append(_WORD_BEFORE.search(text, title.start, title.end))
    return any(w is not None and normalize_key(w.group(1)) in past for w in words)


def _dateline_day(
    article: Article, scan: str, pats: Patterns, triggers: list[Trigger], window: Window, lower: date | None
) -> PublishedDate | None:
    """A year-less day in the page's dateline that fits the window in exactly one year."""
    chrome = [b.span for b in article.boilerplate if b.reason in DATE_CHROME]
    if not chrome:
        return None
    for span in sorted(chrome, key=lambda s: s.start):
        for r in find_readings(scan, span.start, span.end, pats, triggers):
            if (
                r.kind != Kind.DAY
                or r.year is not None
                or r.shift is not None
                or r.named
                or not r.month
                or not r.day
            ):
                continue
            fits = days_fitting(window, r.month, r.day, not_before=lower)
            if len(fits) == 1:
                evidence = tuple(sorted({r.span, *window.evidence}, key=lambda s: (s.start, s.end)))
                basis = PublishedBasis(
                    PublishedFrom.DATELINE_TENURE, _DATELINE_CONFIDENCE, Granularity.DAY, evidence
                )
                return PublishedDate(fits[0], basis)
    return None
