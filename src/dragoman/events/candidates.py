"""NER-free argument candidates, for scoring the event coder on bare gold sentences.

The gold event sets (PLOVER records, the Arabic GSR, PETRARCH validation)
are sentences without our mentions or entities.  To score argument finding
there we add candidate mentions from shallow cues that are per-language
data (``events.yaml: arguments.actor_nouns``, Latin-script capitalised
runs less ``not_names``), plus the shipped NER model where one exists, each
as its own local entity.  A candidate spans the noun phrase a gold annotator
marks: construct states to their genitive and agreeing nisbas (وزير خارجية
الأردن، الجيش الإسرائيلي), a possessor with the title after it ("Lebanon's new
President Elias Hrawi"); a common noun after a possessive ("its troops") is
the possessor's own and no candidate.  The pipeline never uses this: in production the linker's entities
are the only actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman.events.matcher import PhraseMatcher
from dragoman.events.schema import ArgumentPatterns, events_data
from dragoman.kb.langdata import titles
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Span
from dragoman.text import normalize_key, sentence_spans, tokenize
from dragoman.text.morph import token_forms


@cache
def _noun_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    return PhraseMatcher((w, True) for w in (*a.actor_nouns, *a.casualty_nouns))


@cache
def _affixes(lang: str) -> tuple[tuple[str, str], ...]:
    data = events_data(lang)
    return tuple(
        (normalize_key(a), normalize_key(b)) for a, b in (data.arguments.actor_affixes if data else [])
    )


@cache
def _not_names(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(data.arguments.not_names) if data else frozenset()


@dataclass(frozen=True, slots=True)
class _PhraseRules:
    """How a candidate grows to the noun phrase around it (``events.yaml: arguments``)."""

    heads: frozenset[str]
    article: str
    article_prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    stop: frozenset[str]

    def definite(self, folded: str) -> bool:
        return any(folded.startswith(p) and len(folded) > len(p) + 1 for p in self.article_prefixes)


@cache
def _phrase_rules(lang: str) -> _PhraseRules:
    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    return _PhraseRules(
        frozenset(normalize_key(w) for w in a.construct_heads),
        normalize_key(a.article),
        tuple(sorted((normalize_key(p) for p in a.article_prefixes), key=len, reverse=True)),
        tuple(a.attributive_suffixes),
        frozenset(normalize_key(w) for w in a.not_attributive),
    )


def _construct_heads(words: list[str], forms: list[tuple[str, ...]], rules: _PhraseRules) -> list[bool]:
    """Indefinite nouns in construct state (وزير، لقوات): the folded word or its clitic-stripped stem is a head."""
    return [
        bool(rules.heads) and not rules.definite(f[0]) and any(x in rules.heads for x in f)
        for f in forms
    ]


def _genitive(k: int, words: list[str], forms: list[tuple[str, ...]], marks: list[bool], rules: _PhraseRules) -> bool:
    """Can word ``k`` close a construct state: a name or candidate, or a definite noun carrying the bare article?"""
    f = forms[k][0]
    if f in rules.stop:
        return False
    return marks[k] or (bool(rules.article) and f.startswith(rules.article) and len(f) > len(rules.article) + 1)


def _attributive(k: int, head: int, forms: list[tuple[str, ...]], words: list[str], rules: _PhraseRules) -> bool:
    """Is word ``k`` a nisba agreeing in definiteness with word ``head`` (الجيش الإسرائيلي، جنود أميركيون)?"""
    w, f = words[k], forms[k][0]
    if not rules.suffixes or len(w) < 4 or f in rules.stop or not w.endswith(rules.suffixes):
        return False
    if rules.definite(forms[head][0]):
        return bool(rules.article) and f.startswith(rules.article)
    return not rules.definite(f)


def _grow(words: list[str], forms: list[tuple[str, ...]], marks: list[bool], rules: _PhraseRules) -> list[bool]:
    """Marks widened to whole noun phrases: construct chains to their genitive, then agreeing nisbas.

    The gold marks "وزير خارجية إيران" and "الجيش الإسرائيلي" where the shallow cues
    find only إيران and الجيش; a chain of construct heads counts only when a genitive
    closes it, so a head before a verb or a preposition stays out.
    """
    out = list(marks)
    heads = _construct_heads(words, forms, rules)
    k = 0
    while k < len(words):
        if not heads[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(words) and heads[j + 1] and j - k < 3:
            j += 1
        if j + 1 < len(words) and _genitive(j + 1, words, forms, marks, rules):
            for i in range(k, j + 2):
                out[i] = True
        k = j + 1
    for k in range(1, len(words)):
        if out[k - 1] and not out[k] and _attributive(k, k - 1, forms, words, rules):
            out[k] = True
    return out


@cache
def _skip_words(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(normalize_key(w) for w in (data.arguments.skip_words if data else []))


@cache
def _possessives(lang: str) -> frozenset[str]:
    data = events_data(lang)
    return frozenset(normalize_key(w) for w in (data.arguments.possessives if data else []))


def _possessed(
    words: list[str], forms: list[tuple[str, ...]], marks: list[bool], named: list[bool], lang: str
) -> list[bool]:
    """Common-noun words owned by a possessive before them ("its troops", "their peacekeeping forces").

    The linker would read "its troops" as the possessor's; as a bare candidate it
    would be a party of its own, taken for the theme of "offered its troops to X".
    One unmarked word may stand between (an adjective), and a name anywhere in
    the run keeps it ("its Defence Minister Joxe").
    """
    poss = _possessives(lang)
    out = [False] * len(words)
    if not poss:
        return out
    for k, f in enumerate(forms):
        if f[0] not in poss:
            continue
        j = k + 1
        if j < len(words) and not marks[j]:
            j += 1
        end = j
        while end < len(words) and marks[end]:
            end += 1
        if end > j and not any(named[j:end]):
            for i in range(j, end):
                out[i] = True
    return out


def _ner_spans(words: list[str], lang: str) -> list[tuple[int, int, EntityType]]:
    try:  # the statistical tagger is optional here: absent models just give no candidates
        from dragoman.ner.tagger import has_model, tag_spans
    except ImportError:  # pragma: no cover - depends on the installed models
        return []
    if not has_model(lang):
        return []
    return [(h.start, h.end, h.type) for h in tag_spans(words, lang)]


def candidate_runs(words: list[str], lang: str, use_ner: bool = True) -> list[tuple[int, int, EntityType]]:
    """Token ranges that may name an actor, merged where they touch (“Hungarian officials”)."""
    marks = [False] * len(words)
    types = [EntityType.MISC] * len(words)
    forms = token_forms(words, lang)
    for m in _noun_matcher(lang).find(forms):
        for k in range(m.start, m.end):
            marks[k] = True
    stop = _not_names(lang)
    affixes = _affixes(lang)
    named = [False] * len(words)  # marked by capitals or the tagger, not as a common noun
    for k, w in enumerate(words):
        # a lone capital is an initial only before a full stop ("U.S.", "F. W."): "$12M" names nobody
        initial_ok = len(w) > 1 or (k + 1 < len(words) and words[k + 1] == ".")
        if w[:1].isupper() and w[:1].isalpha() and w not in stop and initial_ok:
            marks[k] = named[k] = True
        if any(
            f.startswith(a) and f.endswith(b) and len(f) > len(a) + len(b) + 1
            for f in forms[k]
            for a, b in affixes
        ):
            marks[k] = True  # plural nisba: التونسيين، الاسرائيليون
    if use_ner:
        for a, b, t in _ner_spans(words, lang):
            for k in range(a, b):
                marks[k] = named[k] = True
                types[k] = t
    prules = _phrase_rules(lang)
    if prules.heads or prules.suffixes:
        marks = _grow(words, forms, marks, prules)
    owned = _possessed(words, forms, marks, named, lang)
    modifiers = _skip_words(lang)
    runs: list[tuple[int, int, EntityType]] = []
    k = 0
    while k < len(words):
        if not marks[k] or owned[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(words):
            if marks[j + 1] or (words[j + 1] in ("of", "-") and j + 2 < len(words) and marks[j + 2]):
                j += 1
            elif words[j + 1] == "." and len(words[j]) == 1 and words[j].isupper():
                j += 1  # initials and abbreviations: U.S., U.N., F.W. de Klerk
            elif (
                words[j].endswith(("'s", "’s"))
                and j + 2 < len(words)
                and normalize_key(words[j + 1]) in modifiers
                and marks[j + 2]
                and not owned[j + 2]
            ):
                j += 2  # "Lebanon's new President Elias Hrawi" is one party, not Lebanon and a president
            elif (
                words[j + 1] == "("
                and j + 3 < len(words)
                and words[j + 3] == ")"
                and words[j + 2].isupper()
                and len(words[j + 2]) > 1
            ):
                j += 3  # "the Asia-Pacific Economic Cooperation (APEC) forum": the abbreviation is the same party
            else:
                break
        runs.append((k, j + 1, types[k]))
        k = j + 1
    return _apposed_runs(runs, words, forms, named, lang)


@cache
def _title_matcher(lang: str) -> PhraseMatcher[bool]:
    t = titles(lang)
    words = [*(t.heads if t else []), *(p for title in (t.titles if t else []) for p in title.phrases)]
    return PhraseMatcher((w, True) for w in words)


_ARTICLES = frozenset({"the", "a", "an"})
_AND = frozenset({"and", "or"})


def _apposed_runs(
    runs: list[tuple[int, int, EntityType]],
    words: list[str],
    forms: list[tuple[str, ...]],
    named: list[bool],
    lang: str,
) -> list[tuple[int, int, EntityType]]:
    """A name and the title set off by commas after it as one run ("Karim Saleh, the Valdorian envoy,").

    The gold marks the person, or the title alone; as two candidates the body in
    the title would compete with the person (``events.apposition`` does the same
    for the pipeline's mentions).  The title run must hold a title or office head
    (``titles.yaml``), and be closed by a comma or the sentence's end, not by "and":
    "Egypt, Jordan, Syria" stays three.
    """
    if len(runs) < 2:
        return runs
    titled = [False] * len(words)
    for m in _title_matcher(lang).find(forms):
        for k in range(m.start, m.end):
            titled[k] = True
    out: list[tuple[int, int, EntityType]] = []
    i = 0
    while i < len(runs):
        a, b, t = runs[i]
        if i + 1 < len(runs) and named[a] and b < len(words) and words[b] in (",", "،"):
            c, d, _ = runs[i + 1]
            gap = words[b + 1 : c]
            closed = d == len(words) or words[d] in (".", "!", "?") or (
                words[d] in (",", "،") and (d + 1 == len(words) or normalize_key(words[d + 1]) not in _AND)
            )
            if all(w.lower() in _ARTICLES for w in gap) and len(gap) <= 1 and closed and any(titled[c:d]):
                out.append((a, d, t))
                i += 2
                continue
        out.append((a, b, t))
        i += 1
    return out


@cache
def _bare_proclitics(lang: str) -> tuple[str, ...]:
    data = events_data(lang)
    return tuple(sorted((data.arguments.bare_proclitics if data else []), key=len, reverse=True))


def _proclitic_length(word: str, lang: str) -> int:
    """Characters of an unambiguous proclitic opening the word (للمتظاهرين: لل), else 0.

    The pipeline's mentions carry their head, so the argument model sees the
    preposition glued to a name; bare candidates get the same from this list.
    """
    for p in _bare_proclitics(lang):
        if word.startswith(p) and len(word) - len(p) >= 3:
            return len(p)
    return 0


def bare_article(text: str, lang: str, use_ner: bool = True) -> Article:
    """An article of one or more bare sentences with candidate mentions as local entities."""
    art = Article.from_text(text)
    art.language = lang
    art.sentences = sentence_spans(text) or [Span(0, len(text))]
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    for s in art.sentences:
        toks = [t for t in art.tokens if s.contains(t)]
        words = [text[t.start : t.end] for t in toks]
        for a, b, etype in candidate_runs(words, lang, use_ner):
            idx = len(art.mentions)
            span = Span(toks[a].start, toks[b - 1].end)
            cut = _proclitic_length(words[a], lang)
            head = Span(span.start + cut, span.end) if cut else None
            art.mentions.append(
                Mention(span=span, type=etype, kind=MentionKind.NAME, source="candidate", head=head)
            )
            canonical = text[span.start : span.end]
            art.entities.append(Entity(id=f"local:{idx}", canonical=canonical, type=etype, mentions=[idx]))
    art.provided |= {"language", "sentences", "tokens", "mentions", "entities", "time_expressions"}
    return art
