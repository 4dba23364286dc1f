"""What a title, an organisation noun or a document noun in a speaker phrase refers to.

* **Titles** ("the minister", "الوزير", "השר", "the US envoy"): the person the
  article last called so.  Appositions tie a title word to a name: "US
  envoy Marten Holloway", "שר החוץ אלי כהן", "Rustam Aliyarov, Adviser to
  the President", and a subject phrase such as "سعيد كاظم نوري مستشار
  المرشد" once the speaker finder has read it.  A linked title mention
  ("the Azerbaijani president" -> its holder) is used when no apposition is
  found; otherwise the title stays a speaker without an entity.
* **Organisation nouns** ("the ministry", "الوزارة", "המשרד") with no owner
  next to them: the latest organisation mention whose name holds that noun.
* **Documents** ("the report", "the letter", "البيان", "ההודעה") speak for
  their author: one named beside the noun ("a letter from Netanyahu",
  "بيان وزارة الخارجية", "הודעת משרד החוץ", "the ministry's statement"),
  where it stands or in the sentence that first mentioned it; a joint
  statement or a signed declaration is the document itself (kind
  ``document``); otherwise the actor that issued it (the one before it in
  the sentence that introduced it).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.events.speaker_types import Speaker, is_break
from dragoman.model import EntityType, MentionKind, Span, SpeakerKind

if TYPE_CHECKING:
    from dragoman.events.speakers import SpeakerFinder


@dataclass(slots=True)
class _Appos:
    title: str  # the titles matcher's payload (folded, no article)
    pos: int  # character offset, for "the latest before"
    speaker: Speaker


class Referents:
    def __init__(self, finder: SpeakerFinder) -> None:
        # The finder owns this object (``finder.refs``): a strong reference back would make a
        # cycle holding the whole article, freed only by the garbage collector, whose young
        # collections then walk every article of the batch (about 3% of the pipeline's time).
        self.f: SpeakerFinder = weakref.proxy(finder)
        self.rules = finder.rules
        self._appos: list[_Appos] = []
        self._orgs: list[tuple[tuple[str, ...], int, Speaker]] = []  # unlinked organisations read so far
        # The quotes stage's current speaker at a position, for "the report" with nothing introducing it.
        self.recent: Callable[[int], Speaker | None] = lambda _pos: None
        self.spoken: set[str] = set()  # ids of the speakers read so far
        self._entity_ids = {e.id for e in finder.article.entities}
        self._indexed = False  # appositions are read on the first title lookup: most articles need none

    # --- titles -------------------------------------------------------------

    def _index(self, view: SentenceView) -> None:
        f = self.f
        for t in f.found(self.rules.titles, view):
            found = f._person_named_after(view, t.end, len(view.tokens))
            sp = found[0] if found else None
            if sp is None and t.start >= 2 and view.words[t.start - 1] in (",", "،"):
                # "Rustam Aliyarov, Adviser to the President": the name before the comma
                m = f.mention_at(view, t.start - 2)
                if (
                    m is not None
                    and m.mention.type is EntityType.PERSON
                    and m.mention.kind is not MentionKind.TITLE
                ):
                    sp = f.entity_speaker(m)
                elif self.rules.data.capitalised_names and f.name_word(view, t.start - 2):
                    s = t.start - 2
                    while s > 0 and t.start - 2 - s < 3 and f.name_word(view, s - 1):
                        s -= 1
                    sp = f.name_speaker(view, s, t.start - 1)
            if sp is not None:
                self._appos.append(_Appos(self.key(t.payload), view.tokens[t.start].start, sp))

    def key(self, title: str) -> str:
        """The head word of a title phrase: "special envoy" is an "envoy", "وزير الخارجية" a "وزير"."""
        words = title.split()
        return words[0] if self.rules.data.head_initial else words[-1]

    def note_subject(self, view: SentenceView, lo: int, hi: int, sp: Speaker) -> None:
        """A subject phrase "NAME TITLE ..." ("سعيد كاظم نوري مستشار المرشد") ties the title to the name."""
        if sp.kind is not SpeakerKind.PERSON or sp.span is None:
            return
        for t in self.f.within(self.rules.titles, view, lo, hi):
            start = view.tokens[t.start].start
            if start >= sp.span.end:
                self._appos.append(_Appos(self.key(t.payload), start, sp))

    def title_holder(self, view: SentenceView, lo: int, hi: int, title: str) -> Speaker:
        """Who "the minister" at tokens [lo, hi) is (see the module docstring)."""
        if not self._indexed:
            self._indexed = True
            for v in self.f.views:
                self._index(v)
        pos = view.tokens[lo].start
        span = view.token_span(lo, hi)
        title = self.key(title)
        prior = sorted((a for a in self._appos if a.title == title and a.pos < pos), key=lambda a: a.pos)
        # "the president" after both Trump and Tokayev were called president: the one who has been
        # speaking, else the latest
        spoke = [a for a in prior if a.speaker.id and a.speaker.id in self.spoken]
        if prior:
            sp = (spoke or prior)[-1].speaker
            return Speaker(sp.id, span if sp.id else sp.span, sp.kind, sp.weak)
        m = next((m for m in view.mentions if m.first <= lo <= m.last and m.entity), None)
        if m is not None and m.mention.kind is MentionKind.TITLE:
            return Speaker(m.entity, span, SpeakerKind.PERSON)
        return Speaker(None, span, SpeakerKind.PERSON)

    def title_mention(self, view: SentenceView, m: MentionRef) -> Speaker:
        """A linked title mention: its holder when the linker knew it, else an apposition of its title word."""
        if m.entity in self._entity_ids:
            return Speaker(m.entity, m.mention.span, SpeakerKind.PERSON)
        t = next(iter(self.rules.titles.find(view.forms[m.first : m.last + 1])), None)
        if t is not None:
            held = self.title_holder(view, m.first, m.last + 1, t.payload)
            if held.id is not None or held.span != view.token_span(m.first, m.last + 1):
                return Speaker(
                    held.id, m.mention.span if held.id else held.span, SpeakerKind.PERSON, held.weak
                )
        return Speaker(m.entity, m.mention.span, SpeakerKind.PERSON)  # a role id ("role:...@country:EG")

    # --- organisations and publications -------------------------------------

    def _org_named(self, head: tuple[str, ...], before: int) -> MentionRef | None:
        """The latest organisation mention before ``before`` whose name holds the head noun."""
        best: MentionRef | None = None
        for view in self.f.views:
            if view.span.start >= before:
                break
            for m in view.mentions:
                if m.mention.span.end > before or m.mention.type is not EntityType.ORG or not m.entity:
                    continue
                forms = {x for k in range(m.first, m.last + 1) for x in view.forms[k]}
                if forms & set(head):
                    best = m
        return best

    def _org(
        self, view: SentenceView, head_lo: int, head_hi: int, owner: MentionRef | None
    ) -> Speaker | None:
        if owner is None:
            named = self._org_named(view.forms[head_lo], view.tokens[head_lo].start)
            if named is not None:
                return Speaker(named.entity, view.token_span(head_lo, head_hi), SpeakerKind.ORGANISATION)
            seen = self._org_spoken(view.forms[head_lo], view.tokens[head_lo].start)
            if seen is not None:
                return Speaker(seen.id, view.token_span(head_lo, head_hi), seen.kind, seen.weak)
            return None
        span = Span(
            min(view.tokens[head_lo].start, owner.mention.span.start),
            max(view.tokens[head_hi - 1].end, owner.mention.span.end),
        )
        etype = self.f._entity_type.get(owner.entity or "")
        if etype is EntityType.ORG or (
            etype is EntityType.GPE and owner.mention.kind is not MentionKind.NISBA and owner.first <= head_lo
        ):
            return Speaker(owner.entity, span, SpeakerKind.ORGANISATION)
        return Speaker(f"office:{owner.entity}", span, SpeakerKind.ORGANISATION)

    def _org_spoken(self, head: tuple[str, ...], before: int) -> Speaker | None:
        """The latest organisation named by its own words ("وزارة التجارة التركية") with this head."""
        for forms, pos, sp in reversed(self._orgs):
            if pos < before and set(forms) & set(head):
                return sp
        return None

    def org_head(self, view: SentenceView, p: int, hi: int) -> tuple[Speaker, int] | None:
        """An organisation head starting at ``p``: "مكتب نتنياهو", "وزارة الخارجية", "the ministry"."""
        h = self.f.lists.org_heads.match_at(view.forms, p)
        if h is None:
            return None
        f = self.f
        owner = f.mention_at(view, h.end) if h.end < hi else None
        if owner is not None and owner.first != h.end:
            owner = None
        covering = f.mention_at(view, p)
        if covering is not None and covering.mention.type is EntityType.ORG:
            owner = covering
        if owner is None and h.end < hi and not self._definite(view, p):
            # "وزارة التجارة التركية", "משרד הביטחון": an organisation the linker does not know,
            # named by the words up to the end of the phrase; a nisba in it is its state
            end = min(hi, h.end + 3)
            gpe = next(
                (
                    m
                    for m in view.mentions
                    if m.entity and p < m.first < end and m.mention.type is EntityType.GPE
                ),
                None,
            )
            new = Speaker(
                f"office:{gpe.entity}" if gpe else None, view.token_span(p, end), SpeakerKind.ORGANISATION
            )
            self._orgs.append((view.forms[p], view.tokens[p].start, new))
            return new, end
        sp = self._org(view, p, h.end, owner)
        if sp is None:
            # "الجيش", "the army": a body referred to but never named; its nisba, if any, is its state
            nisba = f.mention_at(view, h.end) if h.end < hi else None
            if nisba is not None and nisba.first == h.end and nisba.mention.kind is MentionKind.NISBA:
                return Speaker(
                    f"office:{nisba.entity}", view.token_span(p, nisba.last + 1), SpeakerKind.ORGANISATION
                ), nisba.last + 1
            return Speaker(None, view.token_span(p, h.end), SpeakerKind.ORGANISATION), h.end
        return sp, max(h.end, owner.last + 1) if owner else h.end

    def _definite(self, view: SentenceView, k: int) -> bool:
        """ "الوزارة", "המשרד", "the ministry": a reference back, not a new name."""
        if k > 0 and view.words[k - 1].lower() == "the":
            return True
        forms = view.forms[k]
        if not forms:
            return False
        return any(a == p + b for a in forms for b in forms for p in self.rules.data.definite_prefixes)

    def org_head_ending(self, view: SentenceView, lo: int, p: int) -> tuple[Speaker, int] | None:
        """An organisation head phrase ending at ``p``: "Netanyahu's office", "the Iranian foreign ministry"."""
        f = self.f
        for h in f.within(f.lists.org_heads, view, lo, p + 1):
            head_lo, head_hi = h.start, h.end
            if head_hi != p + 1:
                continue
            owner = next(
                (
                    m
                    for m in view.mentions
                    if m.entity and lo <= m.first and m.last < head_lo and head_lo - m.last <= 3
                ),
                None,
            )
            covering = f.mention_at(view, p)
            if covering is not None and covering.mention.type is EntityType.ORG:
                owner = covering
            sp = self._org(view, head_lo, head_hi, owner)
            if sp is not None:
                start = min(head_lo, owner.first) if owner else head_lo
                if sp.id is None or sp.id.startswith("office:"):
                    self._orgs.append((view.forms[head_lo], view.tokens[head_lo].start, sp))
                return sp, start
        return None

    def publication(self, view: SentenceView, p: int, end: int, payload: str) -> tuple[Speaker, int]:
        """A publication at [p, end), with the name that follows a generic word (صحيفة "بوليتيكو")."""
        n = len(view.tokens)
        stop = end
        if end < n and view.words[end] in '"“”«»':
            close = next((j for j in range(end + 1, min(n, end + 5)) if view.words[j] in '"“”«»'), None)
            if close is not None:
                stop = close + 1
        elif end < n and (m := self.f.mention_at(view, end)) is not None and m.first == end:
            stop = m.last + 1
        span = view.token_span(p, stop)
        over = next((m for m in view.mentions if m.entity and m.mention.span.overlaps(span)), None)
        if over is not None and over.mention.type is not EntityType.GPE:
            return Speaker(over.entity, span, SpeakerKind.PUBLICATION), stop
        return Speaker(f"publication:{payload}", span, SpeakerKind.PUBLICATION), stop

    # --- documents ----------------------------------------------------------

    def document_author(self, view: SentenceView, lo: int, hi: int) -> Speaker:
        """Who speaks through "the statement" at tokens [lo, hi)."""
        own = self._author_near(view, lo, hi)
        if own is not None:
            return own
        noun = set(view.forms[lo])
        idx = self.f.views.index(view)
        for prev in reversed(self.f.views[:idx]):
            docs = self.f.found(self.rules.documents, prev)
            if not docs:
                continue
            same = [d for d in docs if set(prev.forms[d.start]) & noun] or docs
            d = same[-1]
            found = self._author_near(prev, d.start, d.end) or self._issuer_before(prev, d.start)
            if found is not None:
                # the document here, its author from there
                return Speaker(
                    found.id, found.span if found.id else view.token_span(lo, hi), found.kind, found.weak
                )
            break
        # "X said ... The report notes": the body that spoke last issued it
        last = self.recent(view.tokens[lo].start)
        if last is not None and last.id and last.kind in (SpeakerKind.ORGANISATION, SpeakerKind.PUBLICATION):
            return Speaker(last.id, view.token_span(lo, hi), last.kind)
        return Speaker(None, view.token_span(lo, hi), SpeakerKind.DOCUMENT)

    def _author_near(self, view: SentenceView, lo: int, hi: int) -> Speaker | None:
        f, n = self.f, len(view.tokens)
        if (
            f.at(self.rules.joint, view, hi) is not None
            or self.rules.joint.match_at(view.forms, hi) is not None
        ):
            return Speaker(None, view.token_span(lo, hi + 1), SpeakerKind.DOCUMENT)
        if lo > 0 and self.rules.joint.match_at(view.forms, lo - 1) is not None:  # "a joint statement"
            return Speaker(None, view.token_span(lo - 1, hi), SpeakerKind.DOCUMENT)
        for m in view.mentions:  # a signed agreement or declaration named as such
            if (
                m.entity
                and m.first <= lo <= m.last
                and m.mention.type in (EntityType.AGREEMENT, EntityType.LAW)
            ):
                return Speaker(m.entity, m.mention.span, SpeakerKind.DOCUMENT)
        # the author marker may follow a comma: "The statement, issued by the foreign ministry, said"
        after = hi + 1 if hi < n and view.words[hi] in (",", "،") else hi
        marker = f.at(self.rules.authors, view, after)
        j = marker.end if marker else hi
        reach = 6 if marker else 1  # a genitive follows the noun directly; "from"/"من" may be further
        for k in range(j, min(n, j + reach)):
            if is_break(view.words[k]):
                break
            at = f.mention_at(view, k)
            if (
                at is not None
                and at.mention.type is not EntityType.PLACE
                and at.mention.kind is not MentionKind.NISBA
            ):
                if at.mention.kind is MentionKind.TITLE:
                    named = f._person_named_after(view, at.last + 1, n)
                    return named[0] if named else self.title_mention(view, at)
                return f.entity_speaker(at)
        if hi < n and (org := self.org_head(view, hi, n)) is not None:
            return org[0]  # "בהודעת המשרד", "بيان الوزارة": the body in the construct
        if lo > 0:  # "Netanyahu's letter", "the ministry's statement"
            owner = f.mention_at(view, lo - 1)
            if owner is not None and view.words[owner.last].endswith(("'s", "’s")):
                return f.entity_speaker(owner)
        return None

    def _issuer_before(self, view: SentenceView, k: int) -> Speaker | None:
        actors = (EntityType.PERSON, EntityType.ORG, EntityType.GPE)
        for ref in sorted(view.mentions, key=lambda m: -m.last):
            if (
                ref.last < k
                and ref.entity
                and ref.mention.type in actors
                and ref.mention.kind is not MentionKind.NISBA
            ):
                return self.f.entity_speaker(ref)
        return None
