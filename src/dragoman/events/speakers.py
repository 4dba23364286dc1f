"""Who speaks: the subject of a reporting verb, or the source after an attribution cue.

The speaker is found by the grammar of attribution, not by proximity:

* **word order** (``speakers.yaml: subject_order``): Arabic puts the subject
  after the reporting verb (وأكد عراقجي أن), English before it (Pryce said),
  Hebrew both (השר אמר / אמש מסר בכיר בחמאס כי).  The subject phrase is read
  from the verb outwards, over fillers ("also", قد، גם) and time
  expressions, and ends at a complementizer, punctuation or a preposition;
  in "X, the minister, said" the side that names a person wins.  A side
  that yields a mention, a title, a described source, a document or a
  pronoun beats one that yields only unlinked words;
* **the element next to the verb** decides who it is: a pronoun continues
  the current speaker ("he said"); a described actor (مصدر مصري) is that
  ``Described``; a document noun ("the statement", البيان، ההודעה) its
  author (``dragoman.events.referents``); a person or organisation mention
  that entity; an organisation head (مكتب نتنياهو, "Netanyahu's office",
  "the ministry") the organisation; a publication; a title ("the minister",
  "الوزير", "השר") the person the article last called so; otherwise the
  words themselves as an unlinked name ("سعيد كاظم نوري"), tied to a person
  entity when one of its mentions ends with the same word.  A title or
  organisation followed by a person's name is that person ("وزير الخارجية
  عباس عراقجي", "the ministry's spokesman Kaveh Darvish").

A verb with no subject at all (وأضاف أن، הוסיף כי) is ``CONTINUES``: the
quotes stage gives it the current speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from operator import attrgetter

from dragoman.events.matcher import Match, PhraseMatcher
from dragoman.events.referents import Referents
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.events.speaker_data import SpeakerRules, bare
from dragoman.events.speaker_types import CONTINUES, Speaker, Subject, is_break
from dragoman.model import Article, DescribedKind, EntityType, MentionKind, SpeakerKind, TimeExpr
from dragoman.text import normalize_key

__all__ = ["CONTINUES", "Speaker", "SpeakerFinder", "Subject", "is_break"]


@dataclass(frozen=True, slots=True)
class QuoteLists:
    """The quote data the speaker finder shares with the quotes stage (``quotes.yaml``)."""

    org_heads: PhraseMatcher[str]
    publications: PhraseMatcher[str]
    anonymous: PhraseMatcher[str]
    reporting: PhraseMatcher[str]
    complementizers: frozenset[str]
    comp_prefixes: tuple[str, ...]


@dataclass(slots=True, weakref_slot=True)  # its Referents refers back weakly (no cycle)
class SpeakerFinder:
    """Resolves subject phrases in one article; built once per article by the quotes stage."""

    article: Article
    views: list[SentenceView]
    rules: SpeakerRules
    lists: QuoteLists
    refs: Referents = field(init=False)
    _whole: dict[int, list[tuple[str, ...]]] = field(default_factory=dict)
    _found: dict[tuple[int, int], list[Match[str]]] = field(default_factory=dict)
    _names: dict[tuple[int, int], bool] = field(default_factory=dict)
    _time: set[int] = field(default_factory=set)
    _by_last_word: dict[str, str] = field(default_factory=dict)
    _entity_type: dict[str, EntityType] = field(default_factory=dict)

    def __post_init__(self) -> None:
        a = self.article
        self._entity_type = {e.id: e.type for e in a.entities}
        for e in a.entities:
            if e.type is not EntityType.PERSON:
                continue
            for k in e.mentions:
                m = a.mentions[k]
                if m.kind is MentionKind.NAME:
                    words = a.span_text(m.head or m.span).split()
                    if words:
                        self._by_last_word.setdefault(normalize_key(words[-1]), e.id)
        self._time = _time_token_starts(a.time_expressions, self.views)
        self.refs = Referents(self)

    # --- token tests --------------------------------------------------------

    def found(self, matcher: PhraseMatcher[str], view: SentenceView) -> list[Match[str]]:
        """``matcher.find`` over the whole sentence, once per sentence and matcher."""
        key = (id(matcher), id(view))
        got = self._found.get(key)
        if got is None:
            got = self._found[key] = matcher.find(view.forms)
        return got

    def within(self, matcher: PhraseMatcher[str], view: SentenceView, lo: int, hi: int) -> list[Match[str]]:
        """The sentence's matches that lie inside tokens [lo, hi)."""
        return [m for m in self.found(matcher, view) if lo <= m.start and m.end <= hi]

    def whole(self, view: SentenceView) -> list[tuple[str, ...]]:
        """Each token's unstripped folded form only, for function-word lists."""
        got = self._whole.get(id(view))
        if got is None:
            got = self._whole[id(view)] = [f[:1] for f in view.forms]
        return got

    def at(self, matcher: PhraseMatcher[str], view: SentenceView, k: int) -> Match[str] | None:
        """A whole-word match of ``matcher`` at token ``k``."""
        return matcher.match_at(self.whole(view), k) if 0 <= k < len(view.tokens) else None

    def is_time(self, view: SentenceView, k: int) -> bool:
        return view.tokens[k].start in self._time

    def is_stop(self, view: SentenceView, k: int) -> bool:
        return bare(view.words[k]) in self.rules.stops

    def is_comp(self, view: SentenceView, k: int) -> bool:
        f = view.forms[k]
        return bool(f) and f[0] in self.lists.complementizers

    def glued_comp(self, view: SentenceView, k: int) -> bool:
        """A Hebrew-style glued complementizer (שהמדינה): a mention with that proclitic, or a long word."""
        w = view.forms[k][0] if view.forms[k] else ""
        if not self.lists.comp_prefixes or not w.startswith(self.lists.comp_prefixes):
            return False
        m = self.mention_at(view, k)
        if m is not None and m.first == k:
            return m.proclitic.startswith(self.lists.comp_prefixes)
        return len(w) > 3 and self.rules.titles.match_at(view.forms, k) is None

    def skip_from(self, view: SentenceView, k: int) -> int:
        """First token at or after ``k`` that is not a filler or inside a time expression."""
        n = len(view.tokens)
        while k < n:
            if self.is_time(view, k):
                k += 1
                continue
            f = self.at(self.rules.fillers, view, k)
            if f is None:
                return k
            k = f.end
        return k

    def _skip_back(self, view: SentenceView, j: int, floor: int) -> int:
        """Last token at or before ``j`` that is not a filler or inside a time expression."""
        while j >= floor:
            if self.is_time(view, j):
                j -= 1
                continue
            start = next(
                (
                    s
                    for s in range(max(floor, j - 2), j + 1)
                    if (f := self.at(self.rules.fillers, view, s)) and f.end == j + 1
                ),
                None,
            )
            if start is None:
                return j
            j = start - 1
        return j

    def name_word(self, view: SentenceView, k: int) -> bool:
        """Could token ``k`` be part of a name? Not punctuation, function words or known nouns."""
        key = (id(view), k)
        got = self._names.get(key)
        if got is None:
            got = self._names[key] = self._name_word(view, k)
        return got

    def _name_word(self, view: SentenceView, k: int) -> bool:
        w = view.words[k]
        if is_break(w) or len(w) < 2 or not any(c.isalpha() for c in w) or self.is_comp(view, k):
            return False
        if self.is_time(view, k):
            return False
        if normalize_key(w) in self.rules.not_names:
            return False
        if self.rules.data.capitalised_names:
            return w[0].isupper()
        if w.isascii() and not w[0].isupper():
            return False  # a lower-case Latin word in Arabic or Hebrew text is a code or a URL
        r = self.rules
        for m in (
            r.titles,
            r.documents,
            r.continuation,
            self.lists.org_heads,
            self.lists.publications,
            self.lists.reporting,
        ):
            if m.match_at(view.forms, k) is not None:
                return False
        if self.is_stop(view, k):
            return False
        if r.not_after.match_at(view.forms, k) is not None:
            return False
        return not any(self.at(m, view, k) for m in (r.fillers, r.pronouns))

    def mention_at(self, view: SentenceView, k: int) -> MentionRef | None:
        """The longest linked mention covering token ``k``."""
        best: MentionRef | None = None
        for m in view.mentions:
            if (
                m.first <= k <= m.last
                and m.entity
                and (best is None or m.last - m.first > best.last - best.first)
            ):
                best = m
        return best

    # --- speakers from elements ---------------------------------------------

    def _recipient(self, m: MentionRef) -> bool:
        """ "לסעודיה", "لإيران": a mention behind a recipient preposition is no subject."""
        pre = self.rules.recipient_prefixes
        return bool(pre) and bool(m.proclitic) and m.proclitic.endswith(pre)

    def entity_speaker(self, m: MentionRef) -> Speaker:
        etype = self._entity_type.get(m.entity or "")
        kind = SpeakerKind.PERSON if etype in (EntityType.PERSON, None) else SpeakerKind.ORGANISATION
        return Speaker(m.entity, m.mention.span, kind)

    def name_speaker(self, view: SentenceView, lo: int, hi: int) -> Speaker:
        """An unlinked name: the words themselves, tied to a person entity sharing its last word."""
        last = view.forms[hi - 1]
        ent = next((self._by_last_word[f] for f in last if f in self._by_last_word), None)
        return Speaker(ent, view.token_span(lo, hi), SpeakerKind.PERSON, weak=ent is None)

    def _described(self, view: SentenceView, k: int) -> tuple[Speaker, int, int] | None:
        tok = view.tokens[k]
        for d in self.article.described:
            for sp in d.mentions:
                if tok.start < sp.end and sp.start < tok.end:
                    kind = SpeakerKind.GROUP if d.kind is DescribedKind.GROUP else SpeakerKind.ANONYMOUS
                    lo = bisect_right([t.start for t in view.tokens], sp.start) - 1
                    hi = bisect_right([t.start for t in view.tokens], sp.end - 1)
                    return Speaker(d.id, sp, kind), max(lo, 0), hi
        return None

    def _person_named_after(
        self, view: SentenceView, k: int, hi: int, names: bool = True
    ) -> tuple[Speaker, int] | None:
        """A person named after a title ending at token ``k``: "وزير الخارجية [عباس عراقجي]",
        "UN envoy to the Great Lakes [Marten Holloway]", "الباحث في شؤون القوقاز الدكتور [نادر الصباغ]".

        Mentions, nisbas and prepositional phrases may stand between.  With ``names``, an unlinked
        name counts too: capitalised words (English), or in Arabic and Hebrew two or three words
        that close the phrase and either follow a second title ("الدكتور", "ד"ר") or end with the
        last word of a person the article names (the words after "שר החוץ" may be a place).
        """
        cap = self.rules.data.capitalised_names
        j, crossed, honorific = k, False, False
        end = min(hi, k + 9)
        while j < end:
            w = view.words[j]
            after_comma = self.mention_at(view, j + 1) if w in (",", "،") and j > k else None
            if (
                after_comma is not None
                and after_comma.first == j + 1
                and after_comma.mention.type is EntityType.PERSON
                and after_comma.mention.kind is not MentionKind.TITLE
            ):
                return self.entity_speaker(
                    after_comma
                ), after_comma.last + 1  # "وزيرة الاستيطان، أوريت ستروك"
            if (is_break(w) and not self._glued(view, j)) or self.is_comp(view, j):
                return None
            if self.lists.reporting.match_at(view.forms, j) is not None:
                return None
            m = self.mention_at(view, j)
            if m is not None and m.first == j:
                if m.mention.type is EntityType.PERSON and m.mention.kind is not MentionKind.TITLE:
                    return self.entity_speaker(m), m.last + 1
                j = m.last + 1
                continue
            t = self.rules.titles.match_at(view.forms, j)
            if t is not None:
                j, crossed, honorific = t.end, False, True  # a second title: "الدكتور", "ד"ר"
                continue
            if self.is_stop(view, j):
                j, crossed = j + 1, True
                continue
            if self.name_word(view, j) and names:
                e = j
                while e < hi and e - j < 4 and (self.name_word(view, e) or self._glued(view, e)):
                    if self.mention_at(view, e) is not None or self.rules.titles.match_at(view.forms, e):
                        break
                    e += 1
                if (
                    e < hi
                    and e > j
                    and (self.mention_at(view, e) is not None or self.rules.titles.match_at(view.forms, e))
                ):
                    j = e  # words of the title phrase ("وزير [الخارجية] عباس عراقجي"): go on to what follows
                    continue
                if e == j:
                    j += 1
                    continue
                if cap:
                    return self.name_speaker(view, j, e), e
                closed = e >= hi or is_break(view.words[e]) or self.is_comp(view, e) or self.is_stop(view, e)
                if not crossed and 2 <= e - j <= 3 and closed:
                    sp = self.name_speaker(view, j, e)
                    if honorific or not sp.weak:
                        return sp, e
                if not crossed:
                    return None
                j = e  # the object of a preposition ("شؤون القوقاز") before the name
                continue
            j += 1
        return None

    def _clause_end(self, view: SentenceView, k: int) -> int:
        """The first break, complementizer or reporting word at or after ``k``."""
        n = len(view.tokens)
        while k < n:
            w = view.words[k]
            if (is_break(w) and not self._glued(view, k)) or self.is_comp(view, k):
                return k
            if self.lists.reporting.match_at(view.forms, k) is not None:
                return k
            k += 1
        return n

    def _name_closing(self, view: SentenceView, k: int, hi: int) -> tuple[Speaker, int] | None:
        """Unlinked words that close a phrase after a description and its body: "בכיר חמאס [טארק סופאן]"."""
        body = (EntityType.ORG, EntityType.GPE)
        m = self.mention_at(view, k)
        before = self.mention_at(view, k - 1) if k > 0 else None
        if m is not None and m.first == k and m.mention.type in body:
            k = m.last + 1
        elif before is None or before.mention.type not in body:
            return None  # the body may also have been read into the description ("בכיר בחמאס")
        if k >= hi or hi - k > 3 or not all(self.name_word(view, j) for j in range(k, hi)):
            return None
        if any(self.mention_at(view, j) is not None for j in range(k, hi)):
            return None
        return self.name_speaker(view, k, hi), hi

    def _element_after(self, view: SentenceView, p: int, hi: int) -> tuple[Speaker, int] | None:
        """The speaker a phrase starting at token ``p`` names, and where that element ends."""
        r, lists = self.rules, self.lists
        d = self._described(view, p)
        if d is not None:
            # a description followed by a body and a name is a title: "בכיר חמאס טארק סופאן"
            named = self._name_closing(view, d[2], hi) if d[2] < hi else None
            return named if named is not None and named[1] == hi else (d[0], d[2])
        if self.at(r.pronouns, view, p) is not None:
            return CONTINUES, p + 1
        anon = lists.anonymous.match_at(view.forms, p)
        if anon is not None:
            return Speaker(None, view.token_span(p, anon.end), SpeakerKind.ANONYMOUS), anon.end
        doc = r.documents.match_at(view.forms, p)
        if doc is not None:
            return self.refs.document_author(view, p, doc.end), doc.end
        org = self.refs.org_head(view, p, hi)
        if org is not None:
            named = self._person_named_after(view, org[1], hi, names=False)
            return named or org
        m = self.mention_at(view, p)
        if (
            m is not None
            and m.first == p
            and m.mention.kind is not MentionKind.NISBA
            and not self._recipient(m)
        ):
            sp = (
                self.entity_speaker(m)
                if m.mention.kind is not MentionKind.TITLE
                else self.refs.title_mention(view, m)
            )
            if sp.kind is not SpeakerKind.PERSON or m.mention.kind is MentionKind.TITLE:
                named = self._person_named_after(view, m.last + 1, hi)
                if named is not None:
                    return named
            return sp, m.last + 1
        pub = lists.publications.match_at(view.forms, p)
        if pub is not None:
            return self.refs.publication(view, p, pub.end, pub.payload)
        t = r.titles.match_at(view.forms, p)
        if t is not None:
            # the name may stand past the phrase's first stop: "الباحث في شؤون القوقاز الدكتور X"
            named = self._person_named_after(view, t.end, self._clause_end(view, t.end))
            return named or (self.refs.title_holder(view, p, t.end, t.payload), t.end)
        e = p
        while e < hi and e - p < 3 and self.name_word(view, e) and self.mention_at(view, e) is None:
            e += 1
        if e > p:
            return self.name_speaker(view, p, e), e
        return None

    def _element_before(self, view: SentenceView, lo: int, p: int) -> tuple[Speaker, int] | None:
        """The speaker a phrase ending at token ``p`` names, and where that element starts."""
        r, lists = self.rules, self.lists
        d = self._described(view, p)
        if d is not None:
            return d[0], d[1]
        if self.at(r.pronouns, view, p) is not None:
            return CONTINUES, p
        for anon in self.within(lists.anonymous, view, lo, p + 1):
            if anon.end == p + 1:
                return Speaker(None, view.token_span(anon.start, p + 1), SpeakerKind.ANONYMOUS), anon.start
        m = self.mention_at(view, p)
        if (
            m is not None
            and m.last == p
            and m.mention.kind is not MentionKind.NISBA
            and not self._recipient(m)
        ):
            if m.mention.kind is MentionKind.TITLE:
                return self.refs.title_mention(view, m), m.first
            if self._entity_type.get(m.entity or "") is not EntityType.PERSON:
                org = self.refs.org_head_ending(view, lo, p)
                if org is not None:
                    return org
            return self.entity_speaker(m), m.first
        doc = next((x for x in self.within(r.documents, view, lo, p + 1) if x.end == p + 1), None)
        if doc is not None:
            return self.refs.document_author(view, doc.start, p + 1), doc.start
        org = self.refs.org_head_ending(view, lo, p)
        if org is not None:
            return org
        for t in self.within(r.titles, view, lo, p + 1):
            if t.end == p + 1:
                return self.refs.title_holder(view, t.start, p + 1, t.payload), t.start
        for pub in self.within(lists.publications, view, lo, p + 1):
            if pub.end == p + 1:
                sp, _ = self.refs.publication(view, pub.start, p + 1, pub.payload)
                return sp, pub.start
        if self.name_word(view, p) and (self.rules.data.capitalised_names or p - lo < 3):
            s = p
            while (
                s > lo and p - s < 3 and self.name_word(view, s - 1) and self.mention_at(view, s - 1) is None
            ):
                s -= 1
            if self.rules.data.capitalised_names or s == lo:
                return self.name_speaker(view, s, p + 1), s
        return None

    def _anonymous(self, view: SentenceView, lo: int, hi: int) -> Speaker | None:
        """ "sources who asked not to be named" that no described actor covers."""
        for anon in self.within(self.lists.anonymous, view, lo, hi):
            return Speaker(None, view.token_span(anon.start, anon.end), SpeakerKind.ANONYMOUS)
        return None

    # --- subject phrases ----------------------------------------------------

    def subject_after(self, view: SentenceView, k: int) -> Subject:
        """The subject phrase starting at token ``k`` (right after a verb or cue)."""
        n = len(view.tokens)
        k = self.skip_from(view, k)
        if k < n and view.words[k] in ("لـ", "ل"):  # "وفقا لـ X"
            k += 1
        k = self.skip_from(view, self._skip_recipient_phrase(view, k))
        hi = k
        while hi < n and hi - k < self.rules.data.max_subject:
            w = view.words[hi]
            if w in '"“”«»' and hi > k:
                close = next((j for j in range(hi + 1, min(n, hi + 5)) if view.words[j] in '"“”«»'), None)
                if close is not None and self.lists.publications.match_at(view.forms, hi - 1):
                    hi = close + 1  # وكالة "تسنيم": a name in quotation marks
                    continue
            if is_break(w) or self.is_comp(view, hi) or self.is_stop(view, hi):
                break
            if hi == k and self.glued_comp(view, hi):
                break
            if hi > k and (
                self.lists.reporting.match_at(view.forms, hi)
                or self.rules.continuation.match_at(view.forms, hi)
                or self.is_time(view, hi)
            ):
                break
            hi += 1
        if hi == k:
            return Subject(CONTINUES, k, k)
        el = self._element_after(view, k, hi)
        if el is None:
            anon = self._anonymous(view, k, hi)
            return Subject(anon, k, hi) if anon else Subject(CONTINUES, k, k)
        sp, end = el
        self.refs.note_subject(view, k, hi, sp)
        return Subject(sp, k, max(end, k + 1), k, hi)

    def _skip_recipient_phrase(self, view: SentenceView, k: int) -> int:
        """Past a recipient phrase between a verb and its subject ("אמר ל"מבט חדש" ד"ר X",
        "قال لوكالة "تسنيم" إن"), when the word behind the preposition is a known recipient."""
        n = len(view.tokens)
        pre = self.rules.recipient_prefixes
        if k >= n or not pre or not view.forms[k]:
            return k
        whole = view.forms[k][0]
        if not whole.startswith(pre):
            return k
        m = self.mention_at(view, k)
        if m is not None and m.first == k:
            return m.last + 1 if self._recipient(m) else k
        stems = view.forms[k][1:]
        known = any(
            x.match_at([stems], 0) is not None
            for x in (self.lists.publications, self.lists.org_heads, self.rules.audience)
            if stems
        )
        if not (known or any(c in view.words[k] for c in '"״')):
            return k
        marks = '"“”«»״'
        if any(c in marks for c in view.words[k]):  # ל"מבט חדש": the name runs to its closing mark
            e = k + 1
            while e < n and e - k < 5:
                e += 1
                if any(c in marks for c in view.words[e - 1]):
                    return e
            return k + 1
        if k + 1 < n and view.words[k + 1] in marks:  # لـ "الساحل"
            close = next((e for e in range(k + 2, min(n, k + 6)) if view.words[e] in marks), None)
            return close + 1 if close is not None else k + 1
        return k + 1

    def subject_before(self, view: SentenceView, k: int, floor: int = 0, *, relative: bool = False) -> Subject | None:
        """The subject phrase ending right before token ``k`` (a verb), not reaching before ``floor``.

        ``relative``: the verb opens a relative clause ("... את השר שאמר כי"), so its subject is the
        noun before it, whatever role that noun has in the clause before (an object after את/עם).
        """
        j = self._skip_back(view, k - 1, floor)
        if j < floor:
            return None
        if view.words[j] in (",", "،"):
            # "X, the minister, said" / "the minister, X, said": the side that names a person.
            # With nothing before the commas it is a fronted phrase ("In addition, ..."), not a subject.
            s = j - 1
            while s >= floor and j - s <= 8 and not (is_break(view.words[s]) and not self._glued(view, s)):
                s -= 1
            near = self._phrase_before(view, s + 1, j - 1) if s + 1 <= j - 1 else None
            if s < floor or view.words[s] not in (",", "،") or s - 1 < floor:
                return None
            if near is not None and self._names_person(view, near):
                return near
            far = self._phrase_before(view, self._phrase_start(view, s - 1, floor), s - 1)
            return far or near
        if is_break(view.words[j]) and not self._glued(view, j):
            return None
        lo = self._phrase_start(view, j, floor)
        if relative:
            while lo < j and self.is_stop(view, lo):
                lo += 1  # "ציטט את השר שאמר": the minister, the object of the quoting, said it
        return self._phrase_before(view, lo, j)

    def _names_person(self, view: SentenceView, s: Subject) -> bool:
        sp = s.speaker
        return sp.kind is SpeakerKind.PERSON and sp.span is not None and not self._is_title_only(view, s)

    def _glued(self, view: SentenceView, k: int) -> bool:
        """A hyphen inside a word ("Kassym-Jomart"), not a dash between phrases."""
        t = view.tokens
        return (
            view.words[k] in ("-", "‐")
            and 0 < k < len(t) - 1
            and t[k - 1].end == t[k].start
            and t[k].end == t[k + 1].start
        )

    def coordinated(self, view: SentenceView, k: int) -> bool:
        """Is the verb at token ``k`` joined to an earlier one ("והודיע", "وأضاف", "and said")?"""
        co = self.rules.coordinators
        if not co:
            return False
        if k > 0 and view.forms[k - 1] and view.forms[k - 1][0] in co:
            return True
        forms = view.forms[k]
        return bool(forms) and any(forms[0] == c + f for f in forms[1:] for c in co)

    def _phrase_start(self, view: SentenceView, j: int, floor: int) -> int:
        lo = j
        while lo > floor and j - lo < self.rules.data.max_subject - 1:
            prev = lo - 1
            if (is_break(view.words[prev]) and not self._glued(view, prev)) or self.is_comp(view, prev):
                break
            if self.lists.reporting.match_at(view.forms, prev) is not None:
                break
            lo -= 1
        return lo

    def _phrase_before(self, view: SentenceView, lo: int, j: int) -> Subject | None:
        head: Subject | None = None
        if self.rules.data.head_initial:
            # "בהודעת משרד החוץ הדגישו", "שר החוץ דני אורן הגיב": the phrase's head comes first
            k = self.skip_from(view, lo)
            if k <= j and self.is_stop(view, k):
                return None  # "בנוגע לסוגיית ... הבהיר": a topic, not a subject
            el = self._element_after(view, k, j + 1) if k <= j else None
            if el is not None and el[0] is not CONTINUES:
                head = Subject(el[0], k, el[1], lo)
                if not head.speaker.weak:
                    return head
        el2 = self._element_before(view, lo, j)
        if el2 is None:
            anon = self._anonymous(view, lo, j + 1)
            return Subject(anon, lo, j + 1, lo) if anon else head
        sp, start = el2
        tail = Subject(sp, start, j + 1, lo)
        return head if head is not None and tail.speaker.weak else tail

    def _is_title_only(self, view: SentenceView, s: Subject) -> bool:
        """A subject that is just a title phrase with no name ("Assistant to the President")."""
        return any(
            m.first <= s.lo and s.hi - 1 <= m.last and m.mention.kind is MentionKind.TITLE
            for m in view.mentions
        )

    def sentence_subject(self, view: SentenceView, upto: int) -> Speaker | None:
        """The sentence's opening subject, for a participle with no frame before it in its sentence."""
        k = self.skip_from(view, 0)
        if k >= upto:
            return None
        el = self._element_after(view, k, upto)
        if el is None or el[0] is CONTINUES:
            return None
        return el[0]


_START = attrgetter("start")


def _time_token_starts(exprs: list[TimeExpr], views: list[SentenceView]) -> set[int]:
    """Character starts of the tokens that lie inside a time expression.

    A token is read against the last expression starting at or before it, so each expression
    claims the token starts from its start to its end or the next expression's start, whichever
    comes first.  Those stretches are sorted and disjoint: each sentence bisects for the ones it
    overlaps and for their tokens, instead of bisecting for every token of the article (most
    sentences hold no time expression).
    """
    out: set[int] = set()
    if not exprs:
        return out
    spans = sorted((t.span.start, t.span.end) for t in exprs)
    nxt = [s for s, _ in spans[1:]]
    stretches = [(s, min(e, n)) for (s, e), n in zip(spans, [*nxt, spans[-1][1]], strict=True) if min(e, n) > s]
    lows = [a for a, _ in stretches]
    highs = [b for _, b in stretches]
    for view in views:
        toks = view.tokens
        if not toks:
            continue
        first = bisect_right(highs, toks[0].start)  # the first stretch that ends after the first token starts
        last = bisect_right(lows, toks[-1].start)  # past the last stretch that starts by the last token
        for a, b in stretches[first:last]:
            lo = bisect_left(toks, a, key=_START)
            hi = bisect_left(toks, b, lo, key=_START)
            out.update(map(_START, toks[lo:hi]))
    return out
