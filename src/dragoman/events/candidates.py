"""NER-free argument candidates, for scoring the event coder on bare gold sentences.

The gold event sets (PLOVER records, the Arabic GSR, PETRARCH validation)
are sentences without our mentions or entities.  To score argument finding
there we add candidate mentions from shallow cues that are per-language
data (``events.yaml: arguments.actor_nouns``, Latin-script capitalised
runs), plus the shipped NER model where one exists, each as its own local
entity.  The pipeline never uses this: in production the linker's entities
are the only actors.
"""

from __future__ import annotations

from functools import cache

from dragoman.events.matcher import PhraseMatcher, token_forms
from dragoman.events.schema import ArgumentPatterns, events_data
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Span
from dragoman.text import sentence_spans, tokenize


@cache
def _noun_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    return PhraseMatcher((w, True) for w in a.actor_nouns)


@cache
def _not_names(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(data.arguments.not_names) if data else frozenset()


def _ner_spans(words: list[str], lang: str) -> list[tuple[int, int]]:
    try:  # the statistical tagger is optional here: absent models just give no candidates
        from dragoman.ner.tagger import has_model, tag_spans
    except ImportError:  # pragma: no cover - depends on the installed models
        return []
    if not has_model(lang):
        return []
    return [(h.start, h.end) for h in tag_spans(words, lang)]


def candidate_runs(words: list[str], lang: str, use_ner: bool = True) -> list[tuple[int, int]]:
    """Token ranges that may name an actor, merged where they touch (“Hungarian officials”)."""
    marks = [False] * len(words)
    for m in _noun_matcher(lang).find(token_forms(words, lang)):
        for k in range(m.start, m.end):
            marks[k] = True
    stop = _not_names(lang)
    for k, w in enumerate(words):
        if w[:1].isupper() and w[:1].isalpha() and w not in stop:
            marks[k] = True
    if use_ner:
        for a, b in _ner_spans(words, lang):
            for k in range(a, b):
                marks[k] = True
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        if not marks[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(words) and (marks[j + 1] or (words[j + 1] in ("of", "-") and j + 2 < len(words) and marks[j + 2])):
            j += 1
        runs.append((k, j + 1))
        k = j + 1
    return runs


def bare_article(text: str, lang: str, use_ner: bool = True) -> Article:
    """An article of one or more bare sentences with candidate mentions as local entities."""
    art = Article.from_text(text)
    art.language = lang
    art.sentences = sentence_spans(text) or [Span(0, len(text))]
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    for s in art.sentences:
        toks = [t for t in art.tokens if s.contains(t)]
        words = [text[t.start : t.end] for t in toks]
        for a, b in candidate_runs(words, lang, use_ner):
            idx = len(art.mentions)
            span = Span(toks[a].start, toks[b - 1].end)
            art.mentions.append(Mention(span=span, type=EntityType.MISC, kind=MentionKind.NAME, source="candidate"))
            art.entities.append(Entity(id=f"local:{idx}", canonical=text[span.start : span.end], type=EntityType.MISC, mentions=[idx]))
    art.provided |= {"language", "sentences", "tokens", "mentions", "entities", "time_expressions"}
    return art
