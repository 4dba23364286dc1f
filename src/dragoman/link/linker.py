"""Entity linking: merge gazetteer and NER mentions into the article's entities.

The domain logic behind the ``dragoman.Link.v1`` stage (``stages/link.py`` is
its thin adapter).  The steps live in their own modules: ``rules`` (language
data), ``words`` (folds, clitics, name keys), ``people`` (surname clusters and
untagged repeats), ``titles`` (office holders), ``gloss`` (English glosses of
unknown names).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from dragoman.kb.index import AliasIndex, alias_index
from dragoman.kb.loader import KnowledgeBase
from dragoman.kb.names import name_key, skeleton, skeleton_rules
from dragoman.link.gloss import institution_gloss, latin_names, latin_surface, readable_gloss
from dragoman.link.namesakes import drop_namesakes
from dragoman.link.people import People, propagate, to_present_people
from dragoman.link.rules import ACTORS, ANY_TYPE, COMPATIBLE, NER_SOURCES, PROPAGATED, Rules, rules_for
from dragoman.link.titles import Titles, after_title
from dragoman.link.words import (
    article_keys,
    clitic_length,
    duplicate,
    kb_person_names,
    name_keys,
    person_keys,
    prefix_length,
    token_norms,
    trim,
    word_spans,
    words_of,
)
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Span
from dragoman.model.ids import local_entity_id
from dragoman.text import normalize, normalize_key
from dragoman.text.morph import splits
from dragoman.text.normalize import FORMAT_CHARS

__all__ = ["LinkOptions", "Linker"]

_NO_FORMAT = dict.fromkeys(map(ord, FORMAT_CHARS))


@dataclass(frozen=True, slots=True)
class LinkOptions:
    """The linker's knobs; ``stages.link.LinkSettings`` documents and validates each one."""

    min_ner_score: float = 0.0
    min_single_token_score: float = 0.5
    filter_common_words: bool = True
    surname_similarity: float = 0.8
    propagate_people: bool = True
    undated_titles_as_of_today: bool = False


class Linker:
    """Group mentions into entities: KB actors by id, everything else by name within the article.

    Gazetteer mentions carry their KB id.  NER mentions that overlap one are
    the same reference seen twice and are not counted again; the others
    lose stop-words at their edges, are split at a conjunction joining two
    known names, and are linked by their normalised name (first-token
    clitics stripped) or, for people, by a cross-script name key
    (``name_key``), preferring the actor in office on
    ``Article.source.published``.  Unknown one-word names that are function
    words or frequent common words (``lang/data/<code>/linking.yaml``) are
    dropped.  Titles resolve to the person named next to them, else to the
    role holder on that date.  Names not in the KB become ``local:<name key>``
    entities; spelling variants of a surname join the closest person, and
    untagged occurrences of the article's people are added as
    ``source="link"`` mentions.
    """

    def __init__(self, kb: KnowledgeBase, options: LinkOptions | None = None) -> None:
        self.kb = kb
        self.options = options or LinkOptions()
        self.titles = Titles(kb)

    def link(self, article: Article) -> Article:
        """Fill ``article.entities`` (and add the mentions the linker finds itself)."""
        lang = (article.language or "").split("-")[0].lower()
        day = article.source.published_for_titles()
        if day is None and self.options.undated_titles_as_of_today:
            day = date.today()
        rules = rules_for(lang)
        idx = alias_index(lang) if lang else None
        namesakes = drop_namesakes(article, lang, idx, rules)  # "أحمد الصفدي" is no KB (Ayman) Safadi
        ms = article.mentions
        assigned: dict[int, str] = {}
        # Mentions the knowledge base vouches for: KB names, and the gazetteer's institutions
        # ("משרד החוץ הסודאני", no KB id): a tagger's span across one is the same reference.
        kb_spans = [i for i, m in enumerate(ms) if m.source != "ner" and (m.kb_id or m.source == "gazetteer")]
        for i in kb_spans:
            kb_id = ms[i].kb_id
            if kb_id and kb_id in self.kb.records:
                assigned[i] = kb_id
        kb_sorted = sorted((ms[j] for j in kb_spans), key=lambda k: k.span.start)
        kb_starts = [k.span.start for k in kb_sorted]
        longest = max((len(k.span) for k in kb_sorted), default=0)
        people = People(self.options.surname_similarity, lang)
        locals_: dict[str, str] = {}  # entity id -> name key, for local clusters
        norms = token_norms(article)
        vocab: frozenset[str] | None = None
        known: set[str] | None = None
        for i, m in enumerate(ms):  # may grow: the second name of "X and Y" is appended
            if i in assigned or m.kind is MentionKind.TITLE or m.score < self.options.min_ner_score:
                continue
            if m.source != "ner" and m.kb_id:
                continue  # a KB id we do not know (another KB's); leave it alone
            lo = bisect_left(kb_starts, m.span.start - longest)
            hi = bisect_left(kb_starts, m.span.end, lo)
            if duplicate(m, [k for k in kb_sorted[lo:hi] if k is not m]):
                continue
            if m.kb_id and m.kb_id in self.kb.records:
                assigned[i] = m.kb_id
                continue
            spans = word_spans(article, m.head or m.span)
            statistical = m.source in NER_SOURCES and self.options.filter_common_words
            if statistical:
                spans = trim(article, spans, rules)
                if not spans:
                    continue
                if len(spans) > 1 and rules.conjunctions:
                    if known is None:
                        known = article_keys(article, lang)
                    split = self._conjoined(article, spans, lang, idx, day, rules, known)
                    if split is not None:
                        spans, rest = split
                        ms.append(Mention(rest, m.type, source=PROPAGATED, score=m.score))
            words = [article.span_text(sp) for sp in spans]
            kb_id = None if m.span in namesakes else self._link_name(words, m.type, lang, idx, day)
            if kb_id is None:
                if (
                    statistical
                    and self._junk(words, m.type, m.score, lang, rules)
                    # "השר כהן": a person's name right after a title is a name, not the word it spells
                    and not (m.type is EntityType.PERSON and after_title(article, spans[0], lang))
                ):
                    continue
                if vocab is None:
                    vocab = frozenset(norms)  # to tell a clitic from a name's first letter
                clitic = clitic_length(words[0], lang, vocab, rules)
                if clitic:
                    spans[0] = Span(spans[0].start + clitic, spans[0].end)
                    words[0] = article.span_text(spans[0])
            head = Span(spans[0].start, spans[-1].end)
            if head != m.span and head != m.head:
                ms[i] = replace(m, head=head)
            assigned[i] = kb_id or self._local(article, i, words, lang, assigned, locals_, people)
        self.titles.resolve(article, assigned, day)
        if self.options.propagate_people:
            before = dict(assigned)
            to_present_people(article, assigned, lang, people, self._kb_people(lang, assigned))
            propagate(article, norms, assigned, lang, rules, people)
            if assigned != before:  # a name found or moved since may stand next to a title
                self.titles.resolve(article, assigned, day)
        article.entities = self._entities(article, assigned, lang, rules)
        return article

    def _junk(self, words: list[str], etype: EntityType, score: float, lang: str, rules: Rules) -> bool:
        """Whether an unknown NER name is a description, a lone function word, common word or weak guess."""
        w = normalize_key(words[0])
        stems = [stem for _p, stem in splits(w, lang)[1:]]
        if rules.descriptions and (w in rules.descriptions or any(s in rules.descriptions for s in stems)):
            return True  # "גורם מדיני בכיר": an unnamed source, described
        if len(words) != 1:
            return False
        if w in rules.stop or any(stem in rules.stop for _p, stem in splits(w, lang)[1:]):
            return True  # فإن, שאת: a function word, perhaps behind a clitic
        if etype not in ACTORS:
            return False  # MISC: currencies and the like are frequent words and still the right tag
        if score < self.options.min_single_token_score:
            return True
        if w in rules.common_words or rules.freq.get(w, 0) >= rules.common:
            return True
        if any(s in rules.common_words for s in stems):
            return True  # ואללה: a common word behind a clitic
        for prefix, stem in splits(w, lang)[1:]:
            limit = rules.common_prefixes.get(prefix)
            if limit is not None and len(stem) >= rules.common_min_stem and rules.freq.get(stem, 0) >= limit:
                return True  # שמוביל, السنة: a relative pronoun or the article on a common word
        return False

    def _conjoined(
        self,
        article: Article,
        spans: list[Span],
        lang: str,
        idx: AliasIndex | None,
        day: date | None,
        rules: Rules,
        known: set[str],
    ) -> tuple[list[Span], Span] | None:
        """Split "X וY" when both X and Y are names the KB or the article already knows."""

        def is_known(part: list[Span]) -> bool:
            words = [article.span_text(sp) for sp in part]
            if self._link_name(words, EntityType.MISC, lang, idx, day) is not None:
                return True
            return name_key(" ".join(words), lang) in known

        for k in range(1, len(spans)):
            cut = prefix_length(article.span_text(spans[k]), rules.conjunctions, min_rest=2)
            if not cut:
                continue
            first = spans[:k]
            second = [Span(spans[k].start + cut, spans[k].end), *spans[k + 1 :]]
            if is_known(first) and is_known(second):
                return first, Span(second[0].start, second[-1].end)
        return None

    def _link_name(
        self, words: list[str], etype: EntityType, lang: str, idx: AliasIndex | None, day: date | None
    ) -> str | None:
        if not words:
            return None
        allowed = COMPATIBLE.get(etype, ANY_TYPE)
        if idx is not None:
            ntoks = [idx.text_token(w, normalize(w).text) for w in words]
            for _prefix, stem in idx.forms(ntoks[0]):
                want = (stem, *ntoks[1:])
                for e in idx.by_first[stem]:
                    if e.kind is MentionKind.TITLE or len(e.tokens) != len(want):
                        continue
                    if all(
                        idx.token_matches(a, b, last=k == len(want) - 1)
                        for k, (a, b) in enumerate(zip(e.tokens, want, strict=True))
                    ):
                        ids = [i for i in e.kb_ids if self.kb.records[i].type in allowed or e.type in allowed]
                        if ids:
                            return self.kb.choose(ids, day)
        # a name spelled unlike every KB form links by its consonant key only when it has more than
        # one word: a lone word's key is too short to tell a surname from anything else ("هوكستان"
        # shares Hochstein's); a lone variant of a person the article names joins him later
        # (people.to_present_people)
        if etype is EntityType.PERSON and len(words) > 1:
            for key in name_keys(words, lang):
                if len(key.replace(" ", "")) < skeleton_rules().min_length:
                    continue
                ids = sorted(person_keys().get(key, ()))
                if ids:
                    return self.kb.choose(ids, day)
        return None

    def _local(
        self,
        article: Article,
        i: int,
        words: list[str],
        lang: str,
        assigned: dict[int, str],
        locals_: dict[str, str],
        people: People,
    ) -> str:
        m = article.mentions[i]
        keys = name_keys(words, lang)
        if m.type is EntityType.PERSON and len(words) == 1:
            # A surname alone joins the nearest earlier full name that ends with it.
            last_keys = {k for k in keys if k}
            for j in sorted(assigned, key=lambda j: -article.mentions[j].span.start):
                other = article.mentions[j]
                if other.span.start >= m.span.start or other.type is not EntityType.PERSON:
                    continue
                ow = words_of(article, other.head or other.span)
                if len(ow) > 1 and skeleton(ow[-1], lang) in last_keys:
                    return assigned[j]
        eid: str | None = None
        for cand, key in locals_.items():
            if key in keys:
                eid = cand
                break
        if eid is None and m.type is EntityType.PERSON:
            eid = people.closest(words)  # موشياشفيلي after سيمون موشيشفيلي
        if eid is None:
            key = keys[0] if keys else name_key(article.span_text(m.span), lang)
            eid = local_entity_id(article.id, key)
            locals_[eid] = key
        if m.type is EntityType.PERSON and eid.startswith("local:"):
            people.add(eid, words)
        return eid

    def _canonical(self, entity_id: str) -> str | None:
        rec = self.kb.get(entity_id)
        return rec.canonical if rec else None

    def _kb_people(self, lang: str, assigned: dict[int, str]) -> dict[str, list[list[str]]]:
        """The names, in this language, of the KB people the article already mentions."""
        present = {eid for eid in assigned.values() if eid.startswith("person:")}
        return {pid: kb_person_names(lang).get(pid, []) for pid in sorted(present)}

    def _entities(self, article: Article, assigned: dict[int, str], lang: str, rules: Rules) -> list[Entity]:
        groups: dict[str, list[int]] = defaultdict(list)
        for i in sorted(assigned, key=lambda i: (article.mentions[i].span.start, i)):
            groups[assigned[i]].append(i)
        out: list[Entity] = []
        latin: dict[str, str] | None = None
        for eid, idxs in groups.items():
            rec = self.kb.get(eid)
            if rec is not None:
                out.append(Entity(eid, rec.canonical, rec.type, rec.qid, sorted(idxs)))
                continue
            mentions = [article.mentions[i] for i in idxs]
            etype = Counter(m.type for m in mentions).most_common(1)[0][0]
            # The gloss is built from the name as read: format marks inside it are not letters.
            surfaces = [article.span_text(m.head or m.span).translate(_NO_FORMAT) for m in mentions]
            gloss = latin_surface(surfaces)
            if gloss is None and etype is EntityType.ORG:
                gloss = institution_gloss(article, mentions, rules, self._canonical)
            if gloss is None:
                if latin is None:
                    latin = latin_names(article.text)
                # "وزير الدفاع الفلبيني رامون تيوتو": the person is glossed by a name, never by the
                # longer title that stands for them; an entity told only by its title keeps that
                named = [s for s, m in zip(surfaces, mentions, strict=True) if m.kind is not MentionKind.TITLE]
                longest = max(named or surfaces, key=len)
                gloss = latin.get(name_key(longest, lang)) or readable_gloss(longest, lang, rules)
            out.append(Entity(eid, gloss, etype, None, sorted(idxs)))
        return out
