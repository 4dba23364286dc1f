"""One sentence's tokens, folded forms, clauses and mentions, built once and shared by the extractors."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field

from dragoman.model import NEWS_CHROME, Article, Mention, Span
from dragoman.text import normalize_key, tokenize
from dragoman.text.morph import forms_with_enclitics


@dataclass(slots=True)
class MentionRef:
    index: int  # into Article.mentions
    mention: Mention
    entity: str | None  # entity id
    first: int  # token index (within the sentence) of the mention's first token
    last: int  # token index of its last token
    proclitic: str  # folded text between span start and head start (Arabic و/ل/ب...)


@dataclass(slots=True)
class SentenceView:
    span: Span
    tokens: list[Span]
    words: list[str]
    forms: list[tuple[str, ...]]
    clause: list[int]  # clause number of each token
    mentions: list[MentionRef] = field(default_factory=list)

    def token_span(self, start: int, end: int) -> Span:
        return Span(self.tokens[start].start, self.tokens[end - 1].end)

    def folded(self, i: int) -> str:
        return self.forms[i][0] if self.forms[i] else ""


def entity_of_mentions(article: Article) -> dict[int, str]:
    out: dict[int, str] = {}
    for ent in article.entities:
        for i in ent.mentions:
            out[i] = ent.id
    return out


# The events and quotes stages both need the views of each article. The
# pipeline runs stage by stage over a batch (all events, then all quotes), so
# the views of the last _VIEWS_LIMIT articles are kept, oldest dropped first,
# and reused only when every input they derive from is unchanged (a
# fingerprint of the layers, not object identity alone).
_VIEWS_LIMIT = 128  # articles; above the default batch size (16), bounded all the same
_VIEWS: OrderedDict[object, list[SentenceView]] = OrderedDict()


def _fingerprint(article: Article, lang: str, clause_breaks: set[str]) -> object:
    return (
        article.id,
        lang,
        tuple(sorted(clause_breaks)),
        hash(tuple(article.sentences)),
        hash(tuple(article.boilerplate)),
        len(article.tokens),
        hash(tuple((m.span, m.kb_id, m.head) for m in article.mentions)),
        hash(tuple((e.id, tuple(e.mentions)) for e in article.entities)),
    )


def build_views(article: Article, lang: str, clause_breaks: set[str]) -> list[SentenceView]:
    """Sentences outside boilerplate (captions included), with their mentions resolved to entity ids."""
    if not article.tokens:  # stages that only require sentences still get tokens
        article.tokens = [t for s in article.sentences for t in tokenize(article.text, s.start, s.end)]
    key = _fingerprint(article, lang, clause_breaks)
    views = _VIEWS.get(key)
    if views is not None:
        _VIEWS.move_to_end(key)
        return views
    views = _VIEWS[key] = _build(article, lang, clause_breaks)
    while len(_VIEWS) > _VIEWS_LIMIT:
        _VIEWS.popitem(last=False)
    return views


def _build(article: Article, lang: str, clause_breaks: set[str]) -> list[SentenceView]:
    ent_of = entity_of_mentions(article)
    by_start = sorted(range(len(article.mentions)), key=lambda i: article.mentions[i].span.start)
    m_starts = [article.mentions[i].span.start for i in by_start]
    views: list[SentenceView] = []
    for sent, toks in article.sentence_tokens(keep=NEWS_CHROME):
        words = [article.text[t.start : t.end] for t in toks]
        clause: list[int] = []
        c = 0
        for w in words:
            if w in clause_breaks:
                c += 1
            clause.append(c)
        forms = forms_with_enclitics(words, lang)
        view = SentenceView(sent, toks, words, forms, clause)
        tok_starts = [t.start for t in toks]
        a = bisect_left(m_starts, sent.start)
        b = bisect_left(m_starts, sent.end)
        for k in by_start[a:b]:
            m = article.mentions[k]
            if m.span.end > sent.end:
                continue
            first = max(0, bisect_right(tok_starts, m.span.start) - 1)
            last = max(first, bisect_left(tok_starts, m.span.end) - 1)
            head = m.head or m.span
            proclitic = (
                normalize_key(article.text[m.span.start : head.start]) if head.start > m.span.start else ""
            )
            entity = ent_of.get(k) or m.kb_id
            view.mentions.append(MentionRef(k, m, entity, first, last, proclitic))
        views.append(view)
    return views
