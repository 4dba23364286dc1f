"""Namesakes: a KB person's surname after another given name is somebody else.

The knowledge base accepts a person's surname alone ("الصفدي", "Safadi",
"נתניהו"), because news repeats a known person by surname.  But "أحمد
الصفدي", "Ahmad al-Safadi" or "יוסי נתניהו" names another person with that
surname: the given name right before the surname is none of the KB person's.
The surname-only match then yields to the whole name (the tagger's, or one
spanned here for a language whose tagger skips KB names), which the linker
treats as an unknown person; and where the article never names the KB person
in full, its other bare surnames are that namesake too (the linker joins a lone
surname to the full name that ends with it).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from dragoman.kb.index import AliasIndex
from dragoman.kb.loader import load_kb
from dragoman.kb.names import skeleton
from dragoman.link.rules import NER_SOURCES, PROPAGATED, Rules
from dragoman.model import Article, EntityType, Mention, MentionKind, Span
from dragoman.ner import proper
from dragoman.text import normalize, normalize_key
from dragoman.text.morph import splits

__all__ = ["drop_namesakes"]

_GAP = " \u00a0"  # a given name and its surname stand apart by spaces only


@cache
def _own_words() -> dict[str, frozenset[str]]:
    """Per KB person, the skeletons of every word of every name and alias, in any language."""
    out: dict[str, set[str]] = {}
    for n in load_kb().names:
        if n.type is EntityType.PERSON and n.kind in (MentionKind.NAME, MentionKind.ALIAS):
            for w in n.text.replace("-", " ").split():
                key = skeleton(w, n.lang)
                if key:
                    out.setdefault(n.kb_id, set()).add(key)
    return {k: frozenset(v) for k, v in out.items()}


def _token_index(article: Article, pos: int) -> int:
    """Index of the token that starts at or contains ``pos``."""
    toks = article.tokens
    k = bisect_left(toks, Span(pos, pos))
    if k and toks[k - 1].end > pos:
        k -= 1  # a head that starts inside its token, after a clitic
    return k


def _given_before(article: Article, surname: Span, lang: str) -> int | None:
    """The token right before a surname, skipping name connectors ("al-" in "Ahmad al-Safadi")."""
    toks = article.tokens
    k = _token_index(article, surname.start) - 1
    connectors = proper.connectors(lang)
    while k >= 0:
        gap = article.text[toks[k].end : toks[k + 1].start]
        if gap.strip(_GAP) or len(gap) > 2:
            return None  # a comma, a line break: not one name
        w = article.span_text(toks[k])
        if w in proper.HYPHENS or w.lower() in connectors:
            k -= 1
            continue
        return k
    return None


def _is_title(word: str, lang: str, idx: AliasIndex | None, rules: Rules) -> bool:
    """A title, form of address or description before a surname ("الوزير", "השר", "Minister")."""
    n = normalize_key(word)
    stems = {n} | {stem for _p, stem in splits(n, lang)}
    if stems & (rules.stop | rules.descriptions | rules.honorifics):
        return True
    if any(n.startswith(p) and len(n) > len(p) + 1 for p in rules.honorific_prefixes):
        return True
    if proper.has_rules(lang) and not proper.name_word(word, lang):
        return True
    if idx is not None:
        for _p, stem in idx.forms(normalize(word).text):
            if any(e.kind is MentionKind.TITLE for e in idx.by_first[stem]):
                return True
    return False


def drop_namesakes(article: Article, lang: str, idx: AliasIndex | None, rules: Rules) -> frozenset[Span]:
    """Remove the KB links of surnames that follow another person's given name (see the module doc).

    Returns the spans of the article's other bare surnames of those KB people: the namesake's,
    which the linker must not link to the KB again by their name.
    """
    ms = article.mentions
    own = _own_words()
    ner = [m for m in ms if m.source in NER_SOURCES and m.type is EntityType.PERSON]
    drop: set[int] = set()
    namesakes: set[str] = set()  # KB people whose surname the article gives to someone else
    full: set[str] = set()  # KB people the article names by more than a surname
    added: list[Mention] = []
    for i, m in enumerate(ms):
        if m.source != "gazetteer" or m.type is not EntityType.PERSON or not m.kb_id:
            continue
        if m.kind not in (MentionKind.NAME, MentionKind.ALIAS):
            continue
        head = m.head or m.span
        if len(article.span_text(head).split()) > 1:
            full.add(m.kb_id)
            continue
        k = _given_before(article, head, lang)
        if k is None:
            continue
        given = article.tokens[k]
        word = article.span_text(given)
        if skeleton(word, lang) in own.get(m.kb_id, ()) or _is_title(word, lang, idx, rules):
            continue
        if any(o is not m and o.source not in NER_SOURCES and o.span.overlaps(given) for o in ms):
            continue  # a title, a nisba or another name the KB knows: not a given name
        tagged = [n for n in ner if n.span.start <= given.start and n.span.end >= head.end]
        if not tagged and not proper.has_rules(lang):
            continue  # no tagger saw a name there, and capitals cannot tell
        drop.add(i)
        namesakes.add(m.kb_id)
        if not tagged:  # the tagger skipped the KB's surname: span the whole name here
            added.append(Mention(Span(given.start, m.span.end), EntityType.PERSON, source=PROPAGATED))
    if not drop:
        return frozenset()
    bare: list[Mention] = []
    for i, m in enumerate(ms):
        if (
            i not in drop
            and m.source == "gazetteer"
            and m.kb_id in namesakes
            and m.kb_id not in full
            and m.type is EntityType.PERSON
            and m.kind in (MentionKind.NAME, MentionKind.ALIAS)
        ):
            drop.add(i)
            bare.append(Mention(m.span, EntityType.PERSON, source=PROPAGATED, head=m.head))
    article.mentions = [m for i, m in enumerate(ms) if i not in drop] + added + bare
    return frozenset(m.span for m in bare)
