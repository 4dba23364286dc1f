"""How an article names each actor: surface forms per entity, clitics stripped, counted.

Read from the mention and entity layers the pipeline already fills: the knowledge
base links pejorative names (``الكيان الصهيوني``) to their actor as ALIAS mentions, so
"Israel as 'the Zionist entity'" is a count here, not a separate detector.  The
form counted is the mention's head when the linker marked one (``بالكيان الصهيوني``
counts as ``الكيان الصهيوني``), so an outlet's choice of name is not split by
prepositions.  Mentions inside page chrome are left out.
"""

from __future__ import annotations

from dragoman.framing.lexicon import lexicon
from dragoman.framing.markers import lang_of
from dragoman.model import Article

__all__ = ["name_counts", "top_name"]


def name_counts(article: Article) -> dict[str, dict[str, int]]:
    """entity id -> {surface form: count}, entities in first-mention order, forms most frequent first."""
    out: dict[str, dict[str, int]] = {}
    text = article.text
    lex = lexicon(lang_of(article))
    keep = sorted((lex.keep_article if lex else {}).items(), key=lambda kv: -len(kv[0]))
    for e in sorted(article.entities, key=lambda e: min((article.mentions[i].span.start for i in e.mentions),
                                                        default=0)):
        forms: dict[str, int] = {}
        for i in e.mentions:
            m = article.mentions[i]
            if article.boilerplate and article.in_boilerplate(m.span):
                continue
            form = " ".join(text[(m.head or m.span).start : (m.head or m.span).end].split())
            if m.head is not None and m.head.start > m.span.start:
                stripped = text[m.span.start : m.head.start]
                form = next((back + form for tail, back in keep if stripped.endswith(tail)), form)
            if form:
                forms[form] = forms.get(form, 0) + 1
        if forms:
            out[e.id] = dict(sorted(forms.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def top_name(forms: dict[str, int]) -> tuple[str, float] | None:
    """The most used form and its share of all mentions."""
    total = sum(forms.values())
    if not total:
        return None
    form, n = max(forms.items(), key=lambda kv: (kv[1], kv[0]))
    return form, n / total
