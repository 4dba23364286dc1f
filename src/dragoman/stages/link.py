"""Entity linking: merge gazetteer and NER mentions into the article's entities."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from typing import ClassVar

from pydantic import Field

from dragoman.kb.index import AliasIndex, alias_index
from dragoman.kb.loader import KnowledgeBase, load_kb
from dragoman.kb.names import name_key, romanize, skeleton, skeleton_rules
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Span
from dragoman.pipeline import BaseStage, StageSettings, register_stage
from dragoman.text import normalize
from dragoman.text.morph import splits

__all__ = ["Link", "LinkSettings", "name_key"]

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
_APPOSITION_GAP = 3  # "الرئيس الأمريكي، دونالد ترامب": at most a comma and spaces between


class LinkSettings(StageSettings):
    # NER mentions scoring below this are left out of entities.
    min_ner_score: float = Field(default=0.0, ge=0.0, le=1.0)
    # Undated articles: resolve titles as of today's office holders instead of leaving them open.
    undated_titles_as_of_today: bool = False


@register_stage("dragoman.Link.v1", settings=LinkSettings)
class Link(BaseStage):
    """Group mentions into entities: KB actors by id, everything else by name within the article.

    Gazetteer mentions carry their KB id.  NER mentions that overlap one are
    the same reference seen twice and are not counted again; the others
    are linked by their normalised name (first-token clitics stripped) or,
    for people, by a cross-script name key (``name_key``), preferring the
    actor in office on ``Article.source.published``.  Titles resolve to the
    person named right after them, else to the role holder on that date.
    Names not in the KB become ``local:<name key>`` entities; a surname
    alone joins the earlier full name it ends.
    """

    requires: ClassVar[frozenset[str]] = frozenset({"text", "mentions", "tokens", "sentences"})
    provides: ClassVar[frozenset[str]] = frozenset({"entities"})

    def __init__(self, settings: LinkSettings | None = None) -> None:
        super().__init__(settings or LinkSettings())
        self.settings: LinkSettings
        self.kb = load_kb()

    def __call__(self, article: Article) -> Article:
        lang = (article.language or "").split("-")[0].lower()
        day = article.source.published
        if day is None and self.settings.undated_titles_as_of_today:
            day = date.today()
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
        locals_: dict[str, str] = {}  # entity id -> name key, for local clusters
        shown: dict[int, str] = {}  # local mention -> its name without a proven clitic
        vocab: frozenset[str] | None = None
        for i, m in enumerate(ms):
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
            words = _words(article, m.span)
            kb_id = self._link_name(words, m.type, lang, idx, day)
            if kb_id is None:
                if vocab is None:
                    vocab = _vocabulary(article)
                words = _evidenced(words, lang, vocab)
                shown[i] = " ".join(words)
            assigned[i] = kb_id or self._local(article, i, words, lang, assigned, locals_)
        order = sorted(range(len(ms)), key=lambda j: ms[j].span.start)
        starts = [ms[j].span.start for j in order]
        for i, m in enumerate(ms):
            if m.kind is MentionKind.TITLE and m.kb_id and m.kb_id.startswith("role:"):
                lo = bisect_left(starts, m.span.end)
                hi = bisect_left(starts, m.span.end + _APPOSITION_GAP + 1, lo)
                target = self._resolve_title(article, i, m.kb_id, day, assigned, order[lo:hi])
                if target is not None:
                    assigned[i] = target
        _surnames_to_present_people(article, assigned, lang)
        article.entities = self._entities(article, assigned, lang, shown)
        return article

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
                ow = _words(article, other.span)
                if len(ow) > 1 and skeleton(ow[-1], lang) in last_keys:
                    return assigned[j]
        for eid, key in locals_.items():
            if key in keys:
                return eid
        key = keys[0] if keys else name_key(article.span_text(m.span), lang)
        eid = f"local:{key}"
        locals_[eid] = key
        return eid

    def _resolve_title(
        self,
        article: Article,
        i: int,
        kb_id: str,
        day: date | None,
        assigned: dict[int, str],
        after: list[int],
    ) -> str | None:
        role, _, of = kb_id[len("role:") :].partition("@")
        title = article.mentions[i]
        # Text beats the calendar: "وزير الخارجية الإسرائيلي، إيلي كوهين".
        for j in after:
            other = article.mentions[j]
            if j in assigned and other.type is EntityType.PERSON and other.kind is not MentionKind.TITLE:
                gap = article.text[title.span.end : other.span.start]
                if 0 <= other.span.start - title.span.end <= _APPOSITION_GAP and gap.strip(" ,،") == "":
                    return assigned[j]
        if not of or of == "None":
            return None
        holders = self.kb.holders(role, of, day)
        return holders[0] if len(holders) == 1 else None

    def _entities(
        self, article: Article, assigned: dict[int, str], lang: str, shown: dict[int, str]
    ) -> list[Entity]:
        groups: dict[str, list[int]] = defaultdict(list)
        for i in sorted(assigned, key=lambda i: (article.mentions[i].span.start, i)):
            groups[assigned[i]].append(i)
        out: list[Entity] = []
        for eid, idxs in groups.items():
            rec = self.kb.get(eid)
            if rec is not None:
                out.append(Entity(eid, rec.canonical, rec.type, rec.qid, sorted(idxs)))
                continue
            mentions = [article.mentions[i] for i in idxs]
            etype = Counter(m.type for m in mentions).most_common(1)[0][0]
            surfaces = [
                shown.get(i) or article.span_text(article.mentions[i].head or article.mentions[i].span)
                for i in idxs
            ]
            out.append(Entity(eid, _canonical(surfaces, lang), etype, None, sorted(idxs)))
        return out


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


def _surnames_to_present_people(article: Article, assigned: dict[int, str], lang: str) -> None:
    """A lone unknown surname joins a KB person the article already names.

    "יועץ הנשיא האזרי" resolves to Hikmet Hajiyev; a later "חגיייב", spelled
    unlike any KB form, has his surname's key and joins him.  Only people
    present in the article are candidates, so a common key cannot pull in a
    stranger.
    """
    present = {eid for eid in assigned.values() if eid.startswith("person:")}
    if not present:
        return
    by_key: dict[str, set[str]] = defaultdict(set)
    for pid in present:
        for key in _surname_keys().get(pid, ()):
            by_key[key].add(pid)
    for i, eid in list(assigned.items()):
        m = article.mentions[i]
        if not eid.startswith("local:") or m.type is not EntityType.PERSON:
            continue
        words = _words(article, m.span)
        if len(words) != 1:
            continue
        ids = by_key.get(skeleton(words[0], lang), set())
        if len(ids) == 1:
            assigned[i] = next(iter(ids))


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


def _vocabulary(article: Article) -> frozenset[str]:
    """The article's words in matching form, to tell a clitic from a name's first letter."""
    norm, offsets, text = article.norm, article.norm_offsets, article.text
    if norm is None or offsets is None:
        n = normalize(text)
        norm, offsets = n.text, n.offsets
    if len(norm) == len(text):  # nothing removed: the offsets are the identity
        return frozenset(norm[t.start : t.end] for t in article.tokens)
    return frozenset(
        norm[bisect_left(offsets, t.start) : bisect_left(offsets, t.end)] for t in article.tokens
    )


def _evidenced(words: list[str], lang: str, vocab: frozenset[str]) -> list[str]:
    """Drop the first word's clitic when the bare word also occurs in the article.

    "במשרד" is ב + משרד if "משרד" is written elsewhere; "بلانك" (Blank) stays
    whole unless the article also has "لانك".
    """
    if not lang or not words:
        return words
    for prefix, stem in splits(normalize(words[0]).text, lang):
        if prefix and len(stem) >= 3 and stem in vocab:
            return [stem, *words[1:]]
    return words


@cache
def _person_keys() -> dict[str, frozenset[str]]:
    """Cross-script keys of every KB person name (all languages)."""
    kb: KnowledgeBase = load_kb()
    keys: dict[str, set[str]] = defaultdict(set)
    for n in kb.names:
        if n.type is EntityType.PERSON and n.kind is MentionKind.NAME:
            keys[name_key(n.text, n.lang)].add(n.kb_id)
    return {k: frozenset(v) for k, v in keys.items()}


def _canonical(surfaces: list[str], lang: str) -> str:
    """English gloss of a local entity: a Latin-script mention if any, else a romanisation."""
    latin = [s for s in surfaces if s.isascii() and any(c.isalpha() for c in s)]
    if latin:
        return max(latin, key=len)
    longest = max(surfaces, key=len)
    return " ".join(romanize(w, lang).capitalize() for w in longest.split())
