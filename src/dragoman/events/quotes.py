"""Direct and indirect quotes with their real speakers, and the claims they carry.

Direct quotes are text between a pair of quotation marks (per-language
``quotes.yaml: quote_pairs``; an ASCII ``"`` or gershayim inside a word is an
acronym mark, ארה"ב, not a quote).  Indirect quotes are what a reporting
verb reports: after a complementizer (أنّ، כי، ש، that), as its object
("أعرب عن قلقه", "called for the dissolution", English "he said the deal
..."), or before a closing attribution ("..., Ilves said on Monday",
"..., according to X").  Attribution cues (وفقا لـ، לדברי، according to)
name their source right after them.

Every reporting verb, cue or "X:" before a quotation is a *frame* whose
speaker is the subject of the verb or the source of the cue, found by
``dragoman.events.speakers``.  A frame without a subject of its own
(وأضاف أن، הוסיף כי، "he added", participles such as مضيفا) continues the
current speaker: the last one named, across sentences and paragraphs.  A
quotation takes the frame right after it ('"...," he said'), else the last
frame before it in its sentence, else the "X:" before it; a quotation that
stands alone continues the current speaker.

Every quote is also a claim of its speaker; an occurred event the outlet
tells in its own voice (outside any quote) is a claim of the outlet.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from dragoman.events.extract import clause_breaks
from dragoman.events.matcher import Match, PhraseMatcher
from dragoman.events.pronouns import PERSON, pronouns
from dragoman.events.schema import QuotesData, quotes_data
from dragoman.events.sentence import SentenceView, build_views
from dragoman.events.speaker_data import SpeakerRules, bare, speaker_rules
from dragoman.events.speakers import CONTINUES, QuoteLists, Speaker, SpeakerFinder, Subject, is_break
from dragoman.model import Article, Claim, EntityType, EventStatus, Quote, Span, SpeakerKind
from dragoman.model.ids import assign_claim_ids, assign_quote_ids
from dragoman.text import normalize_key


@dataclass(frozen=True, slots=True)
class QuoteRules:
    data: QuotesData
    verbs: PhraseMatcher[str]
    cues: PhraseMatcher[str]
    lists: QuoteLists
    speakers: SpeakerRules
    # verbs, cues and continuation forms in one matcher (payload: which), so a sentence is
    # scanned once for frames; the longest phrase wins ("وفق ما أكد" over "أكد")
    frames: PhraseMatcher[str]


@cache
def quote_rules(lang: str) -> QuoteRules | None:
    d = quotes_data(lang)
    sr = speaker_rules(lang)
    if d is None or sr is None:
        return None

    def pm(words: list[str]) -> PhraseMatcher[str]:
        return PhraseMatcher((w, normalize_key(w.rstrip("*"))) for w in words)

    verbs = pm(d.reporting_verbs)
    lists = QuoteLists(
        org_heads=pm(d.organisation_heads),
        publications=pm(d.publications),
        anonymous=pm(d.anonymous_sources),
        reporting=verbs,
        complementizers=frozenset(normalize_key(w) for w in d.complementizers),
        comp_prefixes=tuple(normalize_key(w) for w in d.complementizer_prefixes),
    )
    frames = PhraseMatcher(
        [(w, "verb") for w in d.reporting_verbs]
        + [(w, "cue") for w in d.attribution_cues]
        + [(w, "cont") for w in sr.data.continuation_forms]
    )
    return QuoteRules(d, verbs, pm(d.attribution_cues), lists, sr, frames)


# How far back (characters) a subject-less "وأضاف" / "he added" / a lone quotation may reach
# for the current speaker: a few paragraphs of one source's statement.
_CONTINUATION_CHARS = 1500
# A quotation this close after the previous one (same paragraph or the next) with no frame
# of its own goes on with the same speaker.
_ADJACENT_CHARS = 400
# A one-word quotation is speech only this close to its frame.
_NEAR_WORDS = 4
_OPEN_MARKS = '"“”«»„‘’״'


@dataclass(slots=True)
class _Frame:
    """A reporting verb, cue or continuation form with its resolved speaker."""

    lo: int  # token range of the verb or cue in its sentence
    hi: int
    subject: Subject
    speaker: Speaker | None
    kind: str = "verb"  # verb | cue | cuev (a cue ending in a verb of saying) | cont
    prior: Speaker | None = None  # the current speaker when the frame was read


@dataclass(slots=True)
class _Current:
    """The speaker a subject-less verb or a lone quotation continues."""

    speaker: Speaker | None = None
    pos: int = -(10**9)
    spoken: set[str] = field(default_factory=set)  # ids of every speaker so far

    def get(self, at: int) -> Speaker | None:
        return self.speaker if at - self.pos <= _CONTINUATION_CHARS else None

    def set(self, sp: Speaker | None, at: int) -> None:
        if sp is not None and sp is not CONTINUES:
            self.speaker, self.pos = sp, at
            if sp.id:
                self.spoken.add(sp.id)


# Bisection reads the starts through a C key function instead of listing every start per call.
_SPAN_START = attrgetter("span.start")
_START = attrgetter("start")


def _view_at(views: list[SentenceView], pos: int) -> SentenceView | None:
    k = bisect_right(views, pos, key=_SPAN_START) - 1
    return views[k] if k >= 0 and views[k].span.start <= pos < views[k].span.end else None


def _tok_at(view: SentenceView, pos: int) -> int:
    """Index of the first token that starts at or after ``pos``."""
    return bisect_left(view.tokens, pos, key=_START)


class _Extractor:
    def __init__(self, article: Article, lang: str, rules: QuoteRules) -> None:
        self.article = article
        self.rules = rules
        self.sr = rules.speakers
        self.views = build_views(article, lang, clause_breaks(lang))
        self.finder = SpeakerFinder(article, self.views, self.sr, rules.lists)
        self.current = _Current()
        self.finder.refs.recent = self.current.get
        self.finder.refs.spoken = self.current.spoken
        self.quotes: list[Quote] = []
        self.pronouns = pronouns(lang)
        self.direct = _direct_spans(article, rules)
        self._direct_starts = [o.start for _, o in self.direct]

    # --- frames -------------------------------------------------------------

    def _frames(self, view: SentenceView) -> list[_Frame]:
        r, sr, f = self.rules, self.sr, self.finder
        found = [(m, m.payload) for m in f.found(r.frames, view)]
        frames: list[_Frame] = []
        # Each frame is read with the current speaker as it stands at that point, and names the
        # current speaker for what follows ("X said ... The report notes": the report is X's).
        before = len(frames)
        taken = -1
        for m, what in found:
            if m.start < taken:
                continue
            taken = m.end
            if m.start > 0 and sr.not_after.match_at(view.forms, m.start - 1) is not None:
                continue  # "التي تعتبر": a relative clause, its subject is the noun before
            if self._quoted(view.tokens[m.start].start):
                continue  # a verb inside a quotation is the speaker's own word, not an attribution
            if self._in_description(view.tokens[m.start]):
                continue  # "مسؤول، فضل عدم ذكر اسمه،": part of the description of a source
            if sr.data.capitalised_names and m.start > 0 and view.words[m.start][:1].isupper():
                continue  # "the United States": a name, not the verb "states"
            if sr.impersonal.match_at(view.forms, m.start) is not None:
                continue  # "يُذكر أن": the outlet's own voice
            if what == "cont":
                frames.append(_Frame(m.start, m.end, Subject(CONTINUES, m.end, m.end), CONTINUES, "cont"))
            elif what == "cue":
                subj = f.subject_after(view, m.end)
                # "وفق ما أكد X", "حسبما ذكرت X": a cue that ends in a verb of saying names a source for sure
                said = r.verbs.match_at(view.forms, m.end - 1) is not None
                frames.append(_Frame(m.start, m.end, subj, subj.speaker, "cuev" if said else "cue"))
            else:
                floor = frames[-1].hi if frames else 0
                subj = self._verb_subject(view, m, floor)
                bare_verb = subj.speaker is CONTINUES and subj.hi == subj.lo
                if bare_verb and not sr.data.pro_drop and not (frames and f.coordinated(view, m.start)):
                    continue  # no subject where the language needs one: a noun, not a verb
                frames.append(_Frame(m.start, m.end, subj, subj.speaker))
            if len(frames) > before:
                fr = frames[-1]
                at = view.tokens[fr.lo].start
                fr.prior = self.current.get(at)
                if (
                    fr.speaker is not CONTINUES
                    and fr.speaker is not None
                    and not (fr.kind == "cue" and fr.speaker.weak)
                ):
                    self.current.set(fr.speaker, at)
                before = len(frames)
        return frames

    def _in_description(self, tok: Span) -> bool:
        return any(sp.contains(tok) for d in self.article.described for sp in d.mentions)

    def _quoted(self, pos: int) -> bool:
        k = bisect_right(self._direct_starts, pos) - 1
        return k >= 0 and self.direct[k][1].start < pos < self.direct[k][1].end

    def _verb_subject(self, view: SentenceView, v: Match[str], floor: int) -> Subject:
        """The verb's subject: the first side that names someone for sure, else an unlinked name."""
        f, d = self.finder, self.sr.data
        order = list(d.subject_order)
        if d.invert_after_quote and "after" not in order and v.start > 0:
            prev = view.words[v.start - 1]
            prev2 = view.words[v.start - 2] if v.start > 1 else ""
            if prev in _OPEN_MARKS or (prev in (",", "،") and prev2 in _OPEN_MARKS):
                order.insert(0, "after")
        if floor > 0 and f.coordinated(view, v.start):
            order = [side for side in order if side == "after"]  # "X V1 ... וV2": X says both
        # a verb with a glued relative "ש" ("... את השר שאמר כי"): its subject is the noun right before it
        relative = v.end - v.start == 1 and bool(f.lists.comp_prefixes) and view.words[v.start].startswith(f.lists.comp_prefixes)
        if relative:
            order = ["before"]
        weak: Subject | None = None
        read: list[Subject] = []
        for side in order:
            s = f.subject_after(view, v.end) if side == "after" else f.subject_before(view, v.start, floor, relative=relative)
            if s is None:
                continue
            read.append(s)
            if s.speaker is CONTINUES:
                continue
            if not s.speaker.weak:
                return s
            weak = weak or s
        if weak is not None:
            return weak
        # a pronoun subject ("he said") continues the current speaker but is a subject all the same
        return next((s for s in read if s.hi > s.lo), Subject(CONTINUES, v.end, v.end))

    def _resolve(self, frames: list[_Frame], view: SentenceView) -> None:
        """Give subject-less frames the sentence's speaker or the current one."""
        for k, fr in enumerate(frames):
            at = view.tokens[fr.lo].start
            if fr.speaker is not CONTINUES and fr.speaker is not None:
                continue
            earlier = next(
                (p.speaker for p in reversed(frames[:k]) if p.speaker not in (None, CONTINUES)), None
            )
            if earlier is None and fr.kind == "cont":
                # "Stressing that ..., Pryce said" / "X introduced it, emphasizing that ...":
                # a participle shares its sentence's subject
                later = next((p.speaker for p in frames[k + 1 :] if p.speaker not in (None, CONTINUES)), None)
                earlier = later or self.finder.sentence_subject(view, fr.lo)
            fr.speaker = earlier or fr.prior
            if fr.speaker is None and fr.subject.speaker is CONTINUES and fr.subject.hi > fr.subject.lo:
                # "It said ..." with nobody quoted before: the pronoun stands for the last doer told
                fr.speaker = self._last_doer(view, fr.subject.lo, at)
            if fr.speaker is not None and all(p.speaker in (None, CONTINUES) for p in frames[k + 1 :]):
                self.current.set(fr.speaker, at)

    def _last_doer(self, view: SentenceView, pronoun: int, at: int) -> Speaker | None:
        """The first actor of the latest event told before ``at`` (within the continuation reach)
        that the pronoun can stand for: a person for "he", "she"; a state or body for "it", "they"."""
        person = self.pronouns.get(view.folded(pronoun)) == PERSON
        told = [e for e in self.article.events if e.trigger is not None and at - _CONTINUATION_CHARS <= e.trigger.end <= at]
        for ev in sorted(told, key=lambda e: e.trigger.start if e.trigger else 0, reverse=True):
            for a in ev.actors:
                ent = self.article.entity(a)
                if ent is None or (ent.type is EntityType.PERSON) is not person:
                    continue
                return Speaker(a, None, SpeakerKind.PERSON if person else SpeakerKind.ORGANISATION)
        return None

    # --- indirect content ---------------------------------------------------

    def _complementizer(self, view: SentenceView, lo: int, hi: int) -> tuple[int, int] | None:
        f, n = self.finder, len(view.tokens)
        # Hebrew "אמר לחדשות 12 שהמסר...": a glued complementizer after a recipient phrase
        lead = view.forms[lo][0] if lo < n and view.forms[lo] else ""
        recipient = bool(self.sr.recipient_prefixes) and lead.startswith(self.sr.recipient_prefixes)
        for k in range(lo, min(hi, n)):
            if f.is_comp(view, k):
                return k, view.tokens[k + 1].start if k + 1 < n else view.tokens[k].end
            first = k == lo or view.words[k - 1] in (",", "،") or (recipient and k - lo <= 3)
            if first and f.glued_comp(view, k):
                return k, view.tokens[k].start + 1
            if view.words[k] in (".", "!", "?", "؟", ":"):
                return None
            another = k > lo and self.rules.verbs.match_at(view.forms, k) is not None
            if another and self.sr.not_after.match_at(view.forms, k - 1) is None:
                return None  # another verb's complement ("عدم الكشف" is a noun, not a verb)
        return None

    def _content(self, view: SentenceView, fr: _Frame) -> Span | None:
        """What the frame reports, after it; None when nothing follows."""
        sr, f = self.sr, self.finder
        n = len(view.tokens)
        start = max(fr.hi, fr.subject.hi)
        k = f.skip_from(view, start)
        if fr.kind == "cuev":
            return None  # "حسبما ذكرت X", "כפי שמסר X": what it attributes comes before it
        if fr.kind == "cue":
            # "according to X, the talks ...", "وفقا لبيان مشترك، فإن ...": after the source and a comma
            k = f.skip_from(view, max(k, fr.subject.stop))
            if k >= n - 1 or view.words[k] not in (",", "،"):
                return None
            while k < n and view.words[k] in (",", "،"):
                k += 1
            return self._bare_content(view, k) if k < n - 1 else None
        comp = self._complementizer(view, k, k + self.rules.data.speaker_window + 2)
        if comp is not None:
            return self._to_end(view, comp[1])
        ov = sr.object_verbs.match_at(view.forms, fr.lo)
        if ov is not None:
            if ov.payload is None:
                return self._bare_content(view, k)
            marker = normalize_key(ov.payload)
            for j in range(k, min(n, k + 3)):
                if marker in view.forms[j][:1]:
                    return self._to_end(view, view.tokens[j + 1].start) if j + 1 < n else None
                if is_break(view.words[j]):
                    break
            return None
        if sr.data.zero_complementizer and fr.kind == "verb":
            if sr.recipients.match_at(view.forms, fr.lo) is not None:
                k = self._skip_recipient(view, k)
            return self._bare_content(view, k)
        return None

    def _skip_recipient(self, view: SentenceView, k: int) -> int:
        """After "told": the person or press told ("reporters", "Reuters", "the agency")."""
        n, f = len(view.tokens), self.finder
        a = f.at(self.sr.audience, view, k)
        if a is not None:
            return f.skip_from(view, a.end)
        m = f.mention_at(view, k) if k < n else None
        if m is not None and m.first == k:
            return f.skip_from(view, m.last + 1)
        return k

    def _bare_content(self, view: SentenceView, k: int) -> Span | None:
        n = len(view.tokens)
        if k >= n or n - k < 3 or self.finder.is_stop(view, k):
            return None
        if bare(view.words[k]) in self.sr.not_content:
            return None  # "said little in public"
        if is_break(view.words[k]) and view.words[k] not in _OPEN_MARKS:
            return None
        return self._to_end(view, view.tokens[k].start)

    def _to_end(self, view: SentenceView, start: int) -> Span:
        """From ``start`` to the end of its sentence: the view's end, or a full stop the splitter
        missed ("لا أساس له.وأوضح أن")."""
        k = _tok_at(view, start)
        for j in range(k, len(view.tokens) - 1):
            if view.words[j] in (".", "!", "?", "؟") and not self._quoted(view.tokens[j].start):
                return Span(start, view.tokens[j].end)
        return Span(start, view.span.end)

    def _closes(self, view: SentenceView, k: int) -> bool:
        """Only time words, modifiers and one short prepositional phrase from ``k`` to the sentence end
        ("said on Friday.", "الأميركية.", "לסוכנות הידיעות בלומברג.", "said in a statement.")."""
        f, n = self.finder, len(view.tokens)
        pp = False
        while True:
            k = f.skip_from(view, k)
            if k >= n - 1:
                return k >= n or view.words[k] in (".", "!", "?", "؟", '"', "”", "»")
            m = f.mention_at(view, k)
            if m is not None and m.first == k and m.mention.kind.value == "nisba":
                k = m.last + 1
                continue
            lead = view.forms[k][0] if view.forms[k] else ""
            recipient = bool(self.sr.recipient_prefixes) and lead.startswith(self.sr.recipient_prefixes)
            if pp or not (f.is_stop(view, k) or recipient):
                return False
            pp = True  # one phrase of at most five words
            e = k + 1
            while e < n - 1 and e - k < 5 and not is_break(view.words[e]):
                e += 1
            k = e

    def _postposed(self, view: SentenceView, fr: _Frame) -> Span | None:
        """ "..., Ilves said on Monday." / "..., according to X.": the clause before the attribution."""
        f = self.finder
        end = max(fr.hi, fr.subject.hi, fr.subject.stop)
        if not self._closes(view, end):
            return None  # something follows the attribution: not a closing one
        lo = min(fr.lo, fr.subject.start if fr.subject.start >= 0 else fr.subject.lo)
        while lo > 0 and f.at(self.sr.fillers, view, lo - 1) is not None:
            lo -= 1  # "..., כך אמרו"
        if lo < 4 or view.words[lo - 1] not in (",", "،"):
            return None
        if any(is_break(w) and w not in (",", "،") for w in view.words[: lo - 1]):
            return None
        return Span(view.span.start, view.tokens[lo - 2].end)

    # --- direct quotes ------------------------------------------------------

    def _direct_speaker(
        self,
        view: SentenceView,
        frames: list[_Frame],
        outer: Span,
        end_view: SentenceView,
        end_frames: list[_Frame],
    ) -> tuple[Speaker | None, int]:
        """(speaker, gap) of a quotation: the frame right after it, the one before it, or "X:".

        ``gap`` is how many words stand between the frame and the quotation (0 right beside it),
        or -1 when no frame attributes it.
        """
        q = _tok_at(view, outer.start)
        k = _tok_at(end_view, outer.end)
        for fr in end_frames:  # '"...," he said' / «...»، قالت ستروك / '"...," Pryce said'
            lead = min(fr.lo, fr.subject.lo) if fr.subject.hi > fr.subject.lo else fr.lo
            if lead >= k and all(w in (",", "،") for w in end_view.words[k:lead]) and lead - k <= 1:
                return fr.speaker, 0
        before = [fr for fr in frames if fr.hi <= q]
        if before:
            last = before[-1]
            return last.speaker, q - max(last.hi, last.subject.hi)
        if q > 0 and view.words[q - 1] == ":" and self.sr.data.colon_attribution:
            s = self.finder.subject_before(view, q - 1)
            if s is not None and not s.speaker.weak:
                self.current.set(s.speaker, outer.start)
                return s.speaker, 0
            if s is not None and s.speaker is CONTINUES:
                return self.current.get(outer.start), 0
        after = [fr for fr in end_frames if fr.lo >= k and fr.lo - k <= self.rules.data.speaker_window]
        if after:
            return after[0].speaker, after[0].lo - k
        return None, -1

    def _lone(self, outer: Span) -> Speaker | None:
        """A quotation with no frame: the current speaker when it stands right after the last quote."""
        if not self.quotes:
            return None
        prev = self.quotes[-1]
        if prev.direct and 0 <= outer.start - prev.span.end <= _ADJACENT_CHARS:
            return self.current.get(outer.start)
        return None

    # --- the whole article --------------------------------------------------

    def run(self) -> list[Quote]:
        direct_by_view: dict[int, list[tuple[Span, Span]]] = {}
        for inner, outer in self.direct:
            v = _view_at(self.views, outer.start)
            if v is not None:
                direct_by_view.setdefault(id(v), []).append((inner, outer))
        frames_of: dict[int, list[_Frame]] = {}
        for view in self.views:
            frames = self._frames(view)
            frames_of[id(view)] = frames
            self._resolve(frames, view)
            for i, fr in enumerate(frames):
                self._indirect(view, fr, frames[i + 1] if i + 1 < len(frames) else None)
            for inner, outer in direct_by_view.get(id(view), []):
                end_view = _view_at(self.views, outer.end - 1) or view
                end_frames = frames_of.get(id(end_view))
                if end_frames is None:  # the quotation runs into a later sentence
                    end_frames = self._frames(end_view)
                    saved = self.current.speaker, self.current.pos
                    self._resolve(end_frames, end_view)
                    self.current.speaker, self.current.pos = saved
                sp, gap = self._direct_speaker(view, frames, outer, end_view, end_frames)
                if sp is None and gap < 0:
                    sp = self._lone(outer)
                if _speech_like(self.article, view, inner, gap, sp is not None):
                    self._add(inner, True, sp)
        return self.quotes

    def _indirect(self, view: SentenceView, fr: _Frame, nxt: _Frame | None) -> None:
        body = self._content(view, fr)
        if body is not None and nxt is not None:
            body = self._until(view, body, nxt)
        if body is None:
            body = self._postposed(view, fr)
        if body is None or len(body) < 5:
            return
        if any(body.start <= o.start and o.start - body.start <= 3 for _, o in self.direct):
            return  # 'قال X إن "..."': the quotation itself is the quote
        if any(o.start <= body.start and body.end <= o.end for _, o in self.direct):
            return  # inside a quotation
        if fr.kind == "cue" and (fr.speaker is None or fr.speaker.weak):
            return  # "وفقا لتوجيهات القيادة": not a source
        self._add(body, False, fr.speaker)

    def _until(self, view: SentenceView, body: Span, nxt: _Frame) -> Span | None:
        """Reported content stops where a later attribution in its sentence begins ("..., حسبما ذكرت X")."""
        lead = min(nxt.lo, nxt.subject.start if nxt.subject.start >= 0 else nxt.lo)
        if lead <= 0 or view.tokens[lead].start <= body.start or view.words[lead - 1] not in (",", "،"):
            return body
        if self._postposed(view, nxt) is None:
            return body
        end = view.tokens[lead - 2].end if lead >= 2 else body.start
        return Span(body.start, end) if end > body.start else None

    def _add(self, span: Span, direct: bool, sp: Speaker | None) -> None:
        if sp is None or sp is CONTINUES:
            self.quotes.append(Quote("", span, direct, None, None, SpeakerKind.PERSON))
        else:
            self.quotes.append(Quote("", span, direct, sp.id, sp.span, sp.kind))


def _speech_like(article: Article, view: SentenceView, inner: Span, gap: int, has_speaker: bool) -> bool:
    """Is a quotation speech? Scare quotes, titles and names in quotation marks are not.

    With no frame it needs six words (three when it continues a speaker); a single word
    counts only close to its frame ("وصفه بـ"التآمري"", "called it "historic""), since a
    word in quotation marks further on is usually a name or a scare quote.
    """
    text = article.text[inner.start : inner.end]
    words = text.split()
    if gap < 0:
        return len(words) >= 6 or (has_speaker and len(words) >= 3)
    if len(text.strip()) < 3 or (len(words) == 1 and gap > _NEAR_WORDS):
        return False
    # a name in quotation marks (وكالة "تسنيم", the "Zangezur" corridor) is not speech
    for m in view.mentions:
        if (
            len(words) <= 3
            and m.mention.span.start <= inner.start + 1
            and inner.end - 1 <= m.mention.span.end
        ):
            return False
    return not (len(words) <= 2 and all(w[:1].isupper() for w in words))


def extract_quotes(article: Article, lang: str) -> list[Quote]:
    rules = quote_rules(lang)
    if rules is None:
        return []
    quotes = _dedupe(_Extractor(article, lang, rules).run())
    return assign_quote_ids(article.id, quotes)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quote per span (a verb and a cue may both introduce it); the first with a speaker wins."""
    best: dict[Span, Quote] = {}
    for q in quotes:
        prior = best.get(q.span)
        if prior is None or (prior.speaker_span is None and q.speaker_span is not None):
            best[q.span] = q
    return sorted(best.values(), key=lambda x: x.span.start)


def _direct_spans(article: Article, rules: QuoteRules) -> list[tuple[Span, Span]]:
    """(inner span, span with the marks) of every quotation in the body."""
    text = article.text
    out: list[tuple[Span, Span]] = []
    for body in article.body_spans():
        for open_c, close_c in rules.data.quote_pairs:
            pos = body.start
            while True:
                i = text.find(open_c, pos, body.end)
                if i < 0:
                    break
                if (
                    open_c == close_c
                    and 0 < i < len(text) - 1
                    and text[i - 1].isalnum()
                    and text[i + 1].isalnum()
                ):
                    pos = i + 1  # acronym mark: ארה"ב
                    continue
                j = i + 1
                while True:
                    j = text.find(close_c, j, body.end)
                    if j < 0 or not (
                        open_c == close_c
                        and text[j - 1].isalnum()
                        and j + 1 < len(text)
                        and text[j + 1].isalnum()
                    ):
                        break
                    j += 1
                nl = text.find("\n", i, body.end)
                if j < 0 or (0 <= nl < j):
                    # A quotation running on into the next paragraph is not closed at the end of
                    # this one; the next paragraph opens with the mark again.
                    runs_on = nl >= 0 and text[nl : body.end].lstrip().startswith(open_c)
                    # ... or not closed at all because the text ends (a capped excerpt, a cut feed item)
                    cut = nl < 0 and body.end == len(text) and len(text[i:].split()) >= 2
                    if not (runs_on or cut) or (i > 0 and text[i - 1].isalnum()):
                        pos = i + 1
                        continue
                    nl = nl if nl >= 0 else len(text)
                    j = len(text[:nl].rstrip())
                    inner, outer = Span(i + 1, j), Span(i, j)
                    pos = nl
                else:
                    inner, outer = Span(i + 1, j), Span(i, j + 1)
                    pos = j + 1
                if len(text[inner.start : inner.end].strip()) >= 2 and not any(
                    o.overlaps(outer) for _, o in out
                ):
                    out.append((inner, outer))
    return sorted(out)


def extract_claims(article: Article, quotes: list[Quote]) -> list[Claim]:
    """Claims of quoted speakers, and the outlet's own factual statements of occurred events."""
    about = _AboutIndex(article)
    claims: list[Claim] = []
    for q in quotes:
        claims.append(Claim("", q.speaker, q.speaker_span, [q.span], about(q.span)))
    outlet = article.source.outlet
    seen: set[Span] = set()
    for ev in article.events:
        if ev.status is not EventStatus.OCCURRED:
            continue
        if ev.trigger and any(q.span.contains(ev.trigger) for q in quotes):
            continue  # told by a speaker, not by the outlet
        for sp in ev.evidence:
            if sp in seen:
                continue
            seen.add(sp)
            claims.append(Claim("", f"outlet:{outlet}" if outlet else None, None, [sp], about(sp)))
    return assign_claim_ids(article.id, claims)


class _AboutIndex:
    """Entities mentioned in a span and events triggered inside it, by binary search over starts."""

    def __init__(self, article: Article) -> None:
        ent_of: dict[int, str] = {}
        for ent in article.entities:
            for k in ent.mentions:
                ent_of.setdefault(k, ent.id)
        order = sorted(range(len(article.mentions)), key=lambda k: article.mentions[k].span.start)
        self._mentions = [(article.mentions[k].span, ent_of.get(k)) for k in order]
        self._starts = [sp.start for sp, _ in self._mentions]
        self._events = sorted(
            ((ev.trigger, ev.id) for ev in article.events if ev.trigger), key=lambda t: t[0].start
        )
        self._ev_starts = [t.start for t, _ in self._events]

    def __call__(self, span: Span) -> list[str]:
        out: list[str] = []
        lo, hi = bisect_left(self._starts, span.start), bisect_left(self._starts, span.end)
        for sp, eid in self._mentions[lo:hi]:
            if eid and sp.end <= span.end and eid not in out:
                out.append(eid)
        lo, hi = bisect_left(self._ev_starts, span.start), bisect_left(self._ev_starts, span.end)
        for trig, evid in self._events[lo:hi]:
            if trig.end <= span.end and evid not in out:
                out.append(evid)
        return out
