"""Entity linking: merge gazetteer and NER mentions into the article's entities."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz.distance import Levenshtein

from dragoman.kb.index import AliasIndex, alias_index
from dragoman.kb.loader import KnowledgeBase, load_kb
from dragoman.kb.names import name_key, readable, romanize, skeleton, skeleton_rules
from dragoman.lang import load_resource
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Span
from dragoman.ner.wordfreq_table import table as word_frequencies
from dragoman.pipeline import BaseStage, StageSettings, register_stage
from dragoman.text import normalize, normalize_key
from dragoman.text.morph import splits

__all__ = ["GlossPrefix", "Link", "LinkSettings", "LinkingData", "name_key"]

# Which KB types an NER label may link to (taggers confuse a state and its government,
# and MISC covers nationality adjectives, agreements, laws).
_COMPATIBLE: dict[EntityType, frozenset[EntityType]] = {
    EntityType.PERSON: frozenset({EntityType.PERSON}),
    EntityType.ORG: frozenset({EntityType.ORG, EntityType.GPE, EntityType.GROUP}),
    EntityType.GPE: frozenset({EntityType.GPE, EntityType.PLACE, EntityType.ORG}),
    EntityType.PLACE: frozenset({EntityType.PLACE, EntityType.GPE}),
    EntityType.GROUP: frozenset({EntityType.GROUP, EntityType.ORG}),
}
_ANY = frozenset(EntityType)
_PLACES = frozenset({EntityType.GPE, EntityType.PLACE})
_ACTORS = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.PLACE, EntityType.GROUP})
_APPOSITION_GAP = 3  # "الرئيس الأمريكي، دونالد ترامب": at most a comma and spaces between


_NER_SOURCES = frozenset({"ner"})  # statistical mentions the junk filters judge
_PROPAGATED = "link"  # Mention.source of the names this stage finds itself


class GlossPrefix(BaseModel):
    model_config = ConfigDict(extra="forbid")
    prefix: str
    written: str
    first_word: bool = True  # also on a name's first word (Arabic ال) or only inside it (Hebrew ה)


class LinkingData(BaseModel):
    """``lang/data/<code>/linking.yaml``: what the linker knows about a language's unknown names."""

    model_config = ConfigDict(extra="forbid")
    description: str = ""
    stop_words: list[str] = Field(default_factory=list)
    common_words: list[str] = Field(default_factory=list)
    common_prefixes: dict[str, float] = Field(default_factory=dict)
    common_min_stem: int = Field(default=3, ge=1)
    common_zipf: float = Field(default=99.0, ge=0.0)
    stem_zipf: float = Field(default=99.0, ge=0.0)
    conjunctions: list[str] = Field(default_factory=list)
    gloss_prefixes: list[GlossPrefix] = Field(default_factory=list)
    # How a letter reads at the start of a word when that differs from inside it (Hebrew ב is b, not v).
    gloss_initials: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Rules:
    stop: frozenset[str]
    common_words: frozenset[str]
    common_prefixes: dict[str, int]  # clitic -> stem frequency from which the whole is a common word
    common_min_stem: int
    common: int  # in the frequency table's unit, Zipf x 10
    stem: int
    conjunctions: tuple[str, ...]
    gloss: tuple[GlossPrefix, ...]
    initials: dict[str, str]
    freq: dict[str, int]


@cache
def _rules(lang: str) -> _Rules:
    data = load_resource(lang, "linking", LinkingData) if lang else None
    data = data or LinkingData()
    return _Rules(
        stop=frozenset(normalize_key(w) for w in data.stop_words),
        common_words=frozenset(normalize_key(w) for w in data.common_words),
        common_prefixes={normalize_key(p): round(10 * z) for p, z in data.common_prefixes.items()},
        common_min_stem=data.common_min_stem,
        common=round(10 * data.common_zipf),
        stem=round(10 * data.stem_zipf),
        conjunctions=tuple(normalize_key(c) for c in data.conjunctions),
        gloss=tuple(
            GlossPrefix(prefix=normalize_key(g.prefix), written=g.written, first_word=g.first_word)
            for g in data.gloss_prefixes
        ),
        initials={normalize_key(k): v for k, v in data.gloss_initials.items()},
        freq=word_frequencies(lang) if lang else {},
    )


class LinkSettings(StageSettings):
    # NER mentions scoring below this are left out of entities.
    min_ner_score: float = Field(default=0.0, ge=0.0, le=1.0)
    # A one-word NER name the KB does not know needs this score: lone words are the tagger's
    # commonest false positives.
    # 0.5 measured on the ANERcorp and NEMO test splits: what it drops is about 75% and 70% right
    # (against 82% and 79% for all unknown names), a small precision gain for ~1.3% of recall.
    min_single_token_score: float = Field(default=0.5, ge=0.0, le=1.0)
    # Reject function words and frequent common words tagged as names (lang/<code>/linking.yaml).
    filter_common_words: bool = True
    # Spelling variants of one surname (normalised romanisation, Levenshtein similarity).
    surname_similarity: float = Field(default=0.8, ge=0.5, le=1.0)
    # Find further, untagged occurrences of the people the article names (source="link").
    propagate_people: bool = True
    # Undated articles: resolve titles as of today's office holders instead of leaving them open.
    undated_titles_as_of_today: bool = False


@register_stage("dragoman.Link.v1", settings=LinkSettings)
class Link(BaseStage):
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

    requires: ClassVar[frozenset[str]] = frozenset({"text", "mentions", "tokens", "sentences"})
    # It also adds mentions: untagged repeats of a known person's name, split conjunctions.
    provides: ClassVar[frozenset[str]] = frozenset({"entities", "mentions"})

    def __init__(self, settings: LinkSettings | None = None) -> None:
        super().__init__(settings or LinkSettings())
        self.settings: LinkSettings
        self.kb = load_kb()
        self._holders: dict[tuple[str, date | None], str | None] = {}

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        day = article.source.published
        if day is None and self.settings.undated_titles_as_of_today:
            day = date.today()
        rules = _rules(lang)
        ms = article.mentions
        assigned: dict[int, str] = {}
        kb_spans = [i for i, m in enumerate(ms) if m.kb_id and m.source != "ner"]
        for i in kb_spans:
            kb_id = ms[i].kb_id
            if kb_id and kb_id in self.kb.records:
                assigned[i] = kb_id
        idx = alias_index(lang) if lang else None
        kb_sorted = sorted((ms[j] for j in kb_spans), key=lambda k: k.span.start)
        kb_starts = [k.span.start for k in kb_sorted]
        longest = max((len(k.span) for k in kb_sorted), default=0)
        people = _People(self.settings.surname_similarity, lang)
        locals_: dict[str, str] = {}  # entity id -> name key, for local clusters
        norms = _token_norms(article)
        vocab: frozenset[str] | None = None
        known: set[str] | None = None
        for i, m in enumerate(ms):  # may grow: the second name of "X and Y" is appended
            if i in assigned or m.kind is MentionKind.TITLE or m.score < self.settings.min_ner_score:
                continue
            if m.source != "ner" and m.kb_id:
                continue  # a KB id we do not know (another KB's); leave it alone
            lo = bisect_left(kb_starts, m.span.start - longest)
            hi = bisect_left(kb_starts, m.span.end, lo)
            if _duplicate(m, kb_sorted[lo:hi]):
                continue
            if m.kb_id and m.kb_id in self.kb.records:
                assigned[i] = m.kb_id
                continue
            spans = _word_spans(article, m.head or m.span)
            statistical = m.source in _NER_SOURCES and self.settings.filter_common_words
            if statistical:
                spans = _trim(article, spans, rules)
                if not spans:
                    continue
                if len(spans) > 1 and rules.conjunctions:
                    if known is None:
                        known = _article_keys(article, lang)
                    split = self._conjoined(article, spans, lang, idx, day, rules, known)
                    if split is not None:
                        spans, rest = split
                        ms.append(Mention(rest, m.type, source=_PROPAGATED, score=m.score))
            words = [article.span_text(sp) for sp in spans]
            kb_id = self._link_name(words, m.type, lang, idx, day)
            if kb_id is None:
                if statistical and self._junk(words, m.type, m.score, lang, rules):
                    continue
                if vocab is None:
                    vocab = frozenset(norms)  # to tell a clitic from a name's first letter
                clitic = _clitic_length(words[0], lang, vocab, rules)
                if clitic:
                    spans[0] = Span(spans[0].start + clitic, spans[0].end)
                    words[0] = article.span_text(spans[0])
            head = Span(spans[0].start, spans[-1].end)
            if head != m.span and head != m.head:
                ms[i] = replace(m, head=head)
            assigned[i] = kb_id or self._local(article, i, words, lang, assigned, locals_, people)
        self._titles(article, assigned, day)
        if self.settings.propagate_people:
            before = dict(assigned)
            _to_present_people(article, assigned, lang, people, self._kb_people(lang, assigned))
            _propagate(article, norms, assigned, lang, rules, people)
            if assigned != before:  # a name found or moved since may stand next to a title
                self._titles(article, assigned, day)
        article.entities = self._entities(article, assigned, lang, rules)
        return article

    def _junk(self, words: list[str], etype: EntityType, score: float, lang: str, rules: _Rules) -> bool:
        """Whether an unknown NER name is a lone function word, common word or weak guess."""
        if len(words) != 1:
            return False
        w = normalize_key(words[0])
        if w in rules.stop or any(stem in rules.stop for _p, stem in splits(w, lang)[1:]):
            return True  # فإن, שאת: a function word, perhaps behind a clitic
        if etype not in _ACTORS:
            return False  # MISC: currencies and the like are frequent words and still the right tag
        if score < self.settings.min_single_token_score:
            return True
        if w in rules.common_words or rules.freq.get(w, 0) >= rules.common:
            return True
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
        rules: _Rules,
        known: set[str],
    ) -> tuple[list[Span], Span] | None:
        """Split "X וY" when both X and Y are names the KB or the article already knows."""

        def is_known(part: list[Span]) -> bool:
            words = [article.span_text(sp) for sp in part]
            if self._link_name(words, EntityType.MISC, lang, idx, day) is not None:
                return True
            return name_key(" ".join(words), lang) in known

        for k in range(1, len(spans)):
            cut = _prefix_length(article.span_text(spans[k]), rules.conjunctions, min_rest=2)
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
        allowed = _COMPATIBLE.get(etype, _ANY)
        if idx is not None:
            ntoks = [normalize(w).text for w in words]
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
        if etype is EntityType.PERSON:
            for key in _keys(words, lang):
                if len(key.replace(" ", "")) < skeleton_rules().min_length:
                    continue
                ids = sorted(_person_keys().get(key, ()))
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
        people: _People,
    ) -> str:
        m = article.mentions[i]
        keys = _keys(words, lang)
        if m.type is EntityType.PERSON and len(words) == 1:
            # A surname alone joins the nearest earlier full name that ends with it.
            last_keys = {k for k in keys if k}
            for j in sorted(assigned, key=lambda j: -article.mentions[j].span.start):
                other = article.mentions[j]
                if other.span.start >= m.span.start or other.type is not EntityType.PERSON:
                    continue
                ow = _words(article, other.head or other.span)
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
            eid = f"local:{key}"
            locals_[eid] = key
        if m.type is EntityType.PERSON and eid.startswith("local:"):
            people.add(eid, words)
        return eid

    def _kb_people(self, lang: str, assigned: dict[int, str]) -> dict[str, list[list[str]]]:
        """The names, in this language, of the KB people the article already mentions."""
        present = {eid for eid in assigned.values() if eid.startswith("person:")}
        return {pid: _kb_person_names(lang).get(pid, []) for pid in sorted(present)}

    def _titles(self, article: Article, assigned: dict[int, str], day: date | None) -> None:
        """Resolve every title: to the person named next to it, else to the role holder on ``day``.

        A name in apposition that the KB does not know, next to a title that
        has exactly one holder on that date, is that holder spelled unlike any
        KB form: the whole local cluster joins the holder.
        """
        ms = article.mentions
        by_start = sorted(range(len(ms)), key=lambda j: ms[j].span.start)
        starts = [ms[j].span.start for j in by_start]
        by_end = sorted(range(len(ms)), key=lambda j: ms[j].span.end)
        ends = [ms[j].span.end for j in by_end]
        for i, m in enumerate(ms):
            if m.kind is not MentionKind.TITLE or not m.kb_id or not m.kb_id.startswith("role:"):
                continue
            lo = bisect_left(starts, m.span.end)
            after = by_start[lo : bisect_left(starts, m.span.end + _APPOSITION_GAP + 1, lo)]
            lo = bisect_left(ends, m.span.start - _APPOSITION_GAP)
            before = by_end[lo : bisect_left(ends, m.span.start + 1, lo)][::-1]
            named = self._apposed(article, m, after + before, assigned)
            holder = (
                None if named is not None and not named.startswith("local:") else self._holder(m.kb_id, day)
            )
            if named is not None and named.startswith("local:") and holder is not None:
                for k, eid in list(assigned.items()):
                    if eid == named:
                        assigned[k] = holder
                named = holder
            target = named or holder
            if target is not None:
                assigned[i] = target

    @staticmethod
    def _apposed(article: Article, title: Mention, near: list[int], assigned: dict[int, str]) -> str | None:
        # Text beats the calendar: "وزير الخارجية الإسرائيلي، إيلي كوهين".
        for j in near:
            other = article.mentions[j]
            if j not in assigned or other.type is not EntityType.PERSON or other.kind is MentionKind.TITLE:
                continue
            a, b = sorted((title.span, other.span), key=lambda s: s.start)
            gap = article.text[a.end : b.start]
            if 0 <= b.start - a.end <= _APPOSITION_GAP and gap.strip(" ,،") == "":
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

    def _entities(self, article: Article, assigned: dict[int, str], lang: str, rules: _Rules) -> list[Entity]:
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
            surfaces = [article.span_text(m.head or m.span) for m in mentions]
            gloss = _latin_surface(surfaces)
            if gloss is None:
                if latin is None:
                    latin = _latin_names(article.text)
                longest = max(surfaces, key=len)
                gloss = latin.get(name_key(longest, lang)) or _gloss(longest, lang, rules)
            out.append(Entity(eid, gloss, etype, None, sorted(idxs)))
        return out


class _People:
    """Local people of one article by their folded given name and surname, for fuzzy matching."""

    def __init__(self, threshold: float, lang: str) -> None:
        self.threshold = threshold
        self.lang = lang
        self.names: dict[str, list[tuple[str, str]]] = defaultdict(list)  # eid -> [(given, surname)]

    def add(self, eid: str, words: list[str]) -> None:
        if len(words) > 1:  # only full names anchor variants: a lone word may be the tagger's noise
            entry = (_fold(words[0], self.lang), _fold(words[-1], self.lang))
            if entry not in self.names[eid]:
                self.names[eid].append(entry)

    def closest(self, words: list[str], exclude: str | None = None) -> str | None:
        """The one person whose surname is nearest, if near enough and no other is as near."""
        if not words:
            return None
        given = _fold(words[0], self.lang) if len(words) > 1 else None
        surnames = [f for f in _stem_folds(normalize(words[-1]).text, self.lang)]
        best: dict[str, float] = {}
        for eid, names in self.names.items():
            if eid == exclude:
                continue
            for g, sur in names:
                if given is not None and Levenshtein.normalized_similarity(given, g) < self.threshold:
                    continue  # brothers share a surname, not a first name
                for f in surnames:
                    sim = Levenshtein.normalized_similarity(f, sur)
                    if sim >= self.threshold and sim > best.get(eid, 0.0):
                        best[eid] = sim
        return _unique_best(best)


def _unique_best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two people equally close: leave the variant alone
    return ranked[0][0]


def _to_present_people(
    article: Article,
    assigned: dict[int, str],
    lang: str,
    people: _People,
    kb_people: dict[str, list[list[str]]],
) -> None:
    """A lone unknown surname joins a person the article already names, KB or local.

    "יועץ הנשיא האזרי" resolves to Hikmet Hajiyev; a later "חגיייב", spelled
    unlike any KB form, has his surname's key and joins him.  Only people
    present in the article are candidates, so a common key cannot pull in a
    stranger.
    """
    by_key: dict[str, set[str]] = defaultdict(set)
    for pid in kb_people:
        for key in _surname_keys().get(pid, ()):
            by_key[key].add(pid)
        for name in kb_people[pid]:
            people.add(pid, name)
    for i, eid in list(assigned.items()):
        m = article.mentions[i]
        if not eid.startswith("local:") or m.type is not EntityType.PERSON:
            continue
        words = _words(article, m.head or m.span)
        if len(words) != 1:
            continue
        ids = by_key.get(skeleton(words[0], lang), set())
        target = next(iter(ids)) if len(ids) == 1 else people.closest(words, exclude=eid)
        if target is not None:
            assigned[i] = target


def _propagate(
    article: Article, norms: list[str], assigned: dict[int, str], lang: str, rules: _Rules, people: _People
) -> None:
    """Add the untagged occurrences of the article's people's surnames as mentions.

    Taggers find a name once and miss its repetitions, more so when the
    writer spells it differently each time (موشيشفيلي, موشياشفيلي,
    موشاشفيلي).  A token not inside any mention whose clitic-stripped,
    folded form is near one person's surname (and no other's) is that
    person; a preceding given name joins the mention.
    """
    if not people.names:
        return
    by_first: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pid, names in people.names.items():
        for given, sur in names:
            if len(sur) >= _MIN_SURNAME:
                by_first[sur[0]].append((pid, given, sur))
    toks = article.tokens
    covered = article.covered_tokens()
    for t, tok in enumerate(toks):
        if covered[t]:
            continue
        n = norms[t]
        # A frequent word is not a rare spelling of a name; this also keeps the loop cheap.
        if len(n) < _MIN_SURNAME or n in rules.stop or rules.freq.get(n, 0) >= rules.stem:
            continue
        best: dict[str, float] = {}
        cut_of: dict[str, int] = {}
        for prefix, f in _prefixed_folds(n, lang):
            if rules.freq.get(n[len(prefix) :], 0) >= rules.stem:
                continue  # والثلاثة: a frequent word behind a clitic is that word, whatever the tagger said
            for cand, _given, sur in by_first.get(f[:1], ()):
                sim = Levenshtein.normalized_similarity(f, sur, score_cutoff=people.threshold)
                if sim >= people.threshold and sim > best.get(cand, 0.0):
                    best[cand], cut_of[cand] = sim, len(prefix)
        eid = _unique_best(best)
        if eid is None or article.in_boilerplate(tok):
            continue
        cut = _prefix_length(article.span_text(tok), (n[: cut_of[eid]],)) if cut_of[eid] else 0
        span, head = tok, (Span(tok.start + cut, tok.end) if cut else None)
        if t and not covered[t - 1]:
            prev = toks[t - 1]
            g = _fold(article.span_text(prev), lang)
            if any(
                Levenshtein.normalized_similarity(g, given) >= people.threshold
                for given, _ in people.names[eid]
            ):
                span, head = Span(prev.start, tok.end), None  # the full name, "חיכמת חגיייב"
                covered[t - 1] = True
        covered[t] = True
        kb_id = None if eid.startswith("local:") else eid
        article.mentions.append(
            Mention(
                span, EntityType.PERSON, source=_PROPAGATED, kb_id=kb_id, head=head, score=round(best[eid], 4)
            )
        )
        assigned[len(article.mentions) - 1] = eid


_MIN_SURNAME = 4  # folded letters: shorter surnames match too many words


@lru_cache(maxsize=131072)
def _norm(word: str) -> str:
    return normalize(word).text


@lru_cache(maxsize=65536)
def _fold(word: str, lang: str) -> str:
    """Comparison form of a name word: romanised, letters only, repeats once (חגיייב = חג'ייב)."""
    s = "".join(c for c in romanize(word, lang).lower() if c.isalnum())
    return re.sub(r"(.)\1+", r"\1", s)


@lru_cache(maxsize=65536)
def _prefixed_folds(token: str, lang: str) -> tuple[tuple[str, str], ...]:
    """(clitic, folded stem) readings of a normalised token, stems long enough to be a surname."""
    out: list[tuple[str, str]] = []
    for prefix, stem in splits(token, lang):
        f = _fold(stem, lang)
        if len(f) >= _MIN_SURNAME and (prefix, f) not in out:
            out.append((prefix, f))
    return tuple(out)


def _stem_folds(token: str, lang: str) -> list[str]:
    return [f for _p, f in _prefixed_folds(token, lang)] or [_fold(token, lang)]


@cache
def _kb_person_names(lang: str) -> dict[str, list[list[str]]]:
    """Each KB person's names in one language, as word lists."""
    out: dict[str, list[list[str]]] = defaultdict(list)
    for n in load_kb().names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME and n.lang == lang:
            out[n.kb_id].append(n.text.split())
    return dict(out)


def _word_spans(article: Article, span: Span) -> list[Span]:
    toks = article.tokens
    lo = bisect_left(toks, Span(span.start, span.start))
    if lo and toks[lo - 1].end > span.start:  # a span that starts inside a token (after a clitic)
        lo -= 1
    out = []
    for t in toks[lo:]:
        if t.start >= span.end:
            break
        out.append(Span(max(t.start, span.start), min(t.end, span.end)))
    return out or [span]


def _trim(article: Article, spans: list[Span], rules: _Rules) -> list[Span]:
    """Drop stop-words the tagger took in at either edge ("نيوزويك مؤخرا", "זار ستيف")."""
    lo, hi = 0, len(spans)
    while lo < hi and normalize_key(article.span_text(spans[lo])) in rules.stop:
        lo += 1
    while hi > lo and normalize_key(article.span_text(spans[hi - 1])) in rules.stop:
        hi -= 1
    return spans[lo:hi]


def _prefix_length(word: str, prefixes: tuple[str, ...], min_rest: int = 1) -> int:
    """Characters of ``word`` (as written) taken by the first normalised prefix it starts with."""
    n = normalize(word).text
    for p in prefixes:
        if p and n.startswith(p) and len(n) - len(p) >= min_rest:
            for k in range(1, len(word) + 1):
                if normalize(word[:k]).text == p:
                    return k
    return 0


def _clitic_length(word: str, lang: str, vocab: frozenset[str], rules: _Rules) -> int:
    """Length of a clitic on a name's first word, when there is evidence it is one.

    "במשרד" is ב + משרד if "משרד" is written elsewhere in the article or is a
    frequent word (more frequent than the whole); "بلانك" (Blank) stays whole
    unless the article also has "لانك".
    """
    if not lang:
        return 0
    n = normalize(word).text
    whole = rules.freq.get(n, 0)
    for prefix, stem in splits(n, lang)[1:]:
        if len(stem) < 3:
            continue
        f = rules.freq.get(stem, 0)
        if stem in vocab or (f >= rules.stem and f > whole):
            return _prefix_length(word, (prefix,), min_rest=3)
    return 0


def _article_keys(article: Article, lang: str) -> set[str]:
    return {name_key(article.span_text(m.head or m.span), lang) for m in article.mentions}


def _latin_surface(surfaces: list[str]) -> str | None:
    latin = [s for s in surfaces if s.isascii() and any(c.isalpha() for c in s)]
    return max(latin, key=len) if latin else None


_LATIN_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|al-\w+|bin|ibn|de|von|van))*", re.ASCII)


def _latin_names(text: str) -> dict[str, str]:
    """Capitalised Latin-script runs of an article by name key ("(Simon Moshishvili)" in an Arabic text)."""
    out: dict[str, str] = {}
    for hit in _LATIN_NAME.finditer(text):
        words = hit.group().split()
        for a in range(len(words)):
            for b in range(a + 1, min(len(words), a + 4) + 1):
                phrase = " ".join(words[a:b])
                out.setdefault(name_key(phrase, "en"), phrase)
    return out


def _gloss(surface: str, lang: str, rules: _Rules) -> str:
    """A readable romanisation, word by word, writing kept articles the usual way (al-, ha-)."""
    out: list[str] = []
    for k, word in enumerate(surface.split()):
        n = normalize(word).text
        written = ""
        for g in rules.gloss:
            if (k or g.first_word) and n.startswith(g.prefix) and len(n) - len(g.prefix) >= 2:
                written, n = g.written, n[len(g.prefix) :]
                break
        initial = rules.initials.get(n[:1])
        reading = initial + readable(n[1:], lang) if initial is not None else readable(n, lang)
        out.append(written + reading.capitalize())
    return " ".join(out)


def _duplicate(m: Mention, kb_mentions: list[Mention]) -> bool:
    """Whether an NER mention repeats KB mentions it overlaps.

    The exception is a longer name of another kind built around a place:
    "مستشار الأمن القومي الأذربيجاني" (ORG) contains the nisba of Azerbaijan
    but is its own actor.  A person name with a stray word attached
    ("أوريت ستروك أن") is the tagger overreaching, hence a duplicate.
    """
    over = [k for k in kb_mentions if k.span.overlaps(m.span)]
    if not over:
        return False
    around_places = all(
        m.span.contains(k.span) and len(m.span) > len(k.span) and k.type in _PLACES for k in over
    )
    return not (around_places and m.type not in _PLACES)


def _words(article: Article, span: Span) -> list[str]:
    toks = article.tokens
    lo = bisect_left(toks, Span(span.start, span.start))
    if lo and toks[lo - 1].end > span.start:
        lo -= 1
    out = []
    for t in toks[lo:]:
        if t.start >= span.end:
            break
        out.append(article.text[max(t.start, span.start) : min(t.end, span.end)])
    return out or [article.span_text(span)]


def _keys(words: list[str], lang: str) -> list[str]:
    """Name keys of a mention: as written, then with the first word's clitics stripped."""
    full = name_key(" ".join(words), lang)
    out = [full] if full else []
    if lang:
        rest = " ".join(words[1:])
        for prefix, stem in splits(normalize(words[0]).text, lang):
            if prefix and len(stem) >= 3:
                key = name_key(f"{stem} {rest}".strip(), lang)
                if key and key not in out:
                    out.append(key)
    return out


@cache
def _surname_keys() -> dict[str, frozenset[str]]:
    """Per KB person, the keys of the last word of each of their names."""
    keys: dict[str, set[str]] = defaultdict(set)
    for n in load_kb().names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME:
            words = n.text.split()
            key = skeleton(words[-1], n.lang) if words else ""
            if key:
                keys[n.kb_id].add(key)
    return {k: frozenset(v) for k, v in keys.items()}


def _token_norms(article: Article) -> list[str]:
    """The article's tokens in matching form (memoised per word: news vocabulary repeats)."""
    text = article.text
    return [_norm(text[t.start : t.end]) for t in article.tokens]


@cache
def _person_keys() -> dict[str, frozenset[str]]:
    """Cross-script keys of every KB person name (all languages)."""
    kb: KnowledgeBase = load_kb()
    keys: dict[str, set[str]] = defaultdict(set)
    for n in kb.names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME:
            keys[name_key(n.text, n.lang)].add(n.kb_id)
    return {k: frozenset(v) for k, v in keys.items()}
