"""Titles ("the Azerbaijani president") resolved to the person named beside them or the office holder."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import date
from functools import cache

from dragoman.kb.langdata import titles
from dragoman.kb.loader import KnowledgeBase
from dragoman.link.rules import APPOSITION_GAP, apposed, rules_for
from dragoman.model import Article, EntityType, Mention, MentionKind, Span
from dragoman.text import normalize, normalize_key
from dragoman.text.morph import token_forms


class Titles:
    """Resolves TITLE mentions; memoises office holders per (role, day) across articles."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._holders: dict[tuple[str, date | None], str | None] = {}

    def resolve(self, article: Article, assigned: dict[int, str], day: date | None) -> None:
        """Resolve every title: to the person named next to it, else to the role holder on ``day``.

        A name in apposition that the KB does not know, next to a title that
        has exactly one holder on that date, is that holder spelled unlike any
        KB form: the whole local cluster joins the holder.
        """
        ms = article.mentions
        lang = (article.language or "").split("-")[0].lower()
        conjunctions = rules_for(lang).conjunctions if lang else ()
        others: set[tuple[str, str]] | None = None  # computed when a title names no state
        by_start = sorted(range(len(ms)), key=lambda j: ms[j].span.start)
        starts = [ms[j].span.start for j in by_start]
        by_end = sorted(range(len(ms)), key=lambda j: ms[j].span.end)
        ends = [ms[j].span.end for j in by_end]
        for i, m in enumerate(ms):
            if m.kind is not MentionKind.TITLE or not m.kb_id or not m.kb_id.startswith("role:"):
                continue
            lo = bisect_left(starts, m.span.end)
            after = by_start[lo : bisect_left(starts, m.span.end + APPOSITION_GAP + 1, lo)]
            lo = bisect_left(ends, m.span.start - APPOSITION_GAP)
            before = by_end[lo : bisect_left(ends, m.span.start + 1, lo)][::-1]
            # "ויטקוף ושר החוץ": a title joined by "and" is not in apposition to the name before it.
            if _joined(article, m, conjunctions):
                before = []
            named = self._apposed(article, m, after + before, assigned, conjunctions)
            role, _, of = m.kb_id[len("role:") :].partition("@")
            # A title that names no state ("שר החוץ" is Israel's by default) is ambiguous in an
            # article that names the same office of another state: it stays open then.
            ambiguous = False
            if _by_default(article, m):
                if others is None:
                    others = self._roles_named(article, assigned, day)
                ambiguous = any(r == role and o != of for r, o in others)
            earlier = _earlier_office(article, i, role) if ambiguous and named is None else None
            if earlier is not None:
                # "ושר החוץ האיראני ... שר החוץ שוחח": the bare title takes up the office last named,
                # its holder when that one was resolved, else its role
                if earlier in assigned:
                    named = assigned[earlier]
                else:
                    article.mentions[i] = replace(m, kb_id=ms[earlier].kb_id)
            holder = (
                None
                if (named is not None and not named.startswith("local:")) or ambiguous
                else self._holder(m.kb_id, day)
            )
            if named is not None and named.startswith("local:") and holder is not None:
                for k, eid in list(assigned.items()):
                    if eid == named:
                        assigned[k] = holder
                named = holder
            target = named or holder
            if target is not None:
                assigned[i] = target

    def _roles_named(
        self, article: Article, assigned: dict[int, str], day: date | None
    ) -> set[tuple[str, str]]:
        """(role, state) pairs the article names: titles with their state, KB people in office."""
        out: set[tuple[str, str]] = set()
        for i, m in enumerate(article.mentions):
            if m.kind is MentionKind.TITLE and m.kb_id and m.kb_id.startswith("role:"):
                if not _by_default(article, m):
                    role, _, of = m.kb_id[len("role:") :].partition("@")
                    out.add((role, of))
            elif i in assigned and assigned[i].startswith("person:"):
                rec = self.kb.get(assigned[i])
                for r in rec.roles if rec else ():
                    if day is None or r.active(day):
                        out.add((r.role, r.of))
        return out

    @staticmethod
    def _apposed(
        article: Article,
        title: Mention,
        near: list[int],
        assigned: dict[int, str],
        conjunctions: tuple[str, ...],
    ) -> str | None:
        # Text beats the calendar: "وزير الخارجية الإسرائيلي، إيلي كوهين".
        for j in near:
            other = article.mentions[j]
            if j not in assigned or other.type is not EntityType.PERSON or other.kind is MentionKind.TITLE:
                continue
            if other.span.start > title.span.start and _joined(article, other, conjunctions):
                continue  # "שר החוץ ועראקצ'י": two people
            if apposed(article.text, title.span, other.span):
                return assigned[j]
        return None

    def _holder(self, kb_id: str, day: date | None) -> str | None:
        # Memoised: ``KnowledgeBase.holders`` scans every record, and titles repeat across articles.
        key = (kb_id, day)
        if key not in self._holders:
            role, _, of = kb_id[len("role:") :].partition("@")
            holders = self.kb.holders(role, of, day) if of and of != "None" else []
            if len(self._holders) > 50_000:
                self._holders.clear()
            self._holders[key] = holders[0] if len(holders) == 1 else None
        return self._holders[key]


def _earlier_office(article: Article, i: int, role: str) -> int | None:
    """The latest title of ``role`` that names its state, in a sentence before mention ``i``'s, if any.

    A title with no state after the same office of a named state was told refers back to it, as a
    definite noun does: "the Valdorian foreign minister landed ... The foreign minister then spoke".
    Not within one sentence: "the Valdorian foreign minister met the foreign minister" names two.
    """
    at = article.mentions[i].span.start
    start = next((s.start for s in article.sentences if s.start <= at < s.end), at)
    best: int | None = None
    for j, o in enumerate(article.mentions):
        if o.kind is not MentionKind.TITLE or not o.kb_id or not o.kb_id.startswith(f"role:{role}@"):
            continue
        if o.span.end > start or _by_default(article, o):
            continue
        if best is None or o.span.start > article.mentions[best].span.start:
            best = j
    return best


def _by_default(article: Article, title: Mention) -> bool:
    """Whether a title mention names no state: its span is the title (and a clitic) alone."""
    head = title.head or title.span
    return head.end == title.span.end and " " not in article.text[title.span.start : head.start]


def _joined(article: Article, m: Mention, conjunctions: tuple[str, ...]) -> bool:
    """Whether a mention starts with a conjunction clitic ("ושר החוץ", "وعراقجي")."""
    if m.head is None or m.head.start <= m.span.start:
        return False
    clitic = normalize(article.text[m.span.start : m.head.start]).text
    return any(clitic.startswith(c) for c in conjunctions if c)


@cache
def title_phrases(lang: str) -> frozenset[tuple[str, ...]]:
    """Folded words of the language's role titles and office heads (``titles.yaml``: ``titles``, ``heads``)."""
    t = titles(lang)
    if t is None:
        return frozenset()
    words = [*t.heads, *(p for title in t.titles for p in title.phrases)]
    return frozenset(tuple(normalize_key(w) for w in p.split()) for p in words if p.split())


def after_title(article: Article, span: Span, lang: str) -> bool:
    """Whether a title or an office's head word stands right before ``span`` ("השר כהן", "الوزير X").

    A word the title names is a name, whatever else it could be read as ("כהן" is also
    "like them", כ + הן): the linker keeps it.
    """
    phrases = title_phrases(lang)
    toks = article.tokens
    i = bisect_left([t.start for t in toks], span.start)
    if not phrases or i == 0 or article.text[toks[i - 1].end : span.start].strip():
        return False
    for phrase in phrases:
        n = len(phrase)
        if i < n:
            continue
        forms = token_forms([article.text[t.start : t.end] for t in toks[i - n : i]], lang)
        if all(w in f for w, f in zip(phrase, forms, strict=True)):
            return True
    return False
