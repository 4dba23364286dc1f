"""Direct and indirect quotes with resolved speakers, and the claims they carry.

Direct quotes are text between a pair of quotation marks (per-language
``quotes.yaml: quote_pairs``; an ASCII ``"`` or gershayim inside a word is an
acronym mark, ארה"ב, not a quote).  Indirect quotes are a reporting verb
followed by a complementizer (أنّ، כי، ש، that) or an attribution cue
(وفقا لـ، לדברי، according to).  The speaker is resolved from the words
between the verb and the quote, or before the verb:

* an anonymous-source phrase (مصادر مطلعة، "sources who asked not to be
  named") -> anonymous, no speaker id;
* a publication name (Newsweek) -> publication;
* an organisation head word before a linked mention (مكتب نتنياهو,
  "Netanyahu's office") -> organisation: the ORG entity if the linker made
  one, else ``office:<entity id>``;
* a linked mention -> person or organisation by entity type.

Every quote is also a claim of its speaker; an occurred event the outlet
tells in its own voice (outside any quote) is a claim of the outlet.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from dragoman.events.extract import clause_breaks
from dragoman.events.matcher import PhraseMatcher
from dragoman.events.schema import QuotesData, quotes_data
from dragoman.events.sentence import MentionRef, SentenceView, build_views
from dragoman.model import Article, Claim, EntityType, EventStatus, Quote, Span, SpeakerKind
from dragoman.model.ids import assign_claim_ids, assign_quote_ids
from dragoman.text import normalize_key


@dataclass(frozen=True, slots=True)
class QuoteRules:
    data: QuotesData
    verbs: PhraseMatcher[str]
    cues: PhraseMatcher[str]
    anonymous: PhraseMatcher[str]
    org_heads: PhraseMatcher[str]
    publications: PhraseMatcher[str]
    complementizers: frozenset[str]
    comp_prefixes: tuple[str, ...]


@cache
def quote_rules(lang: str) -> QuoteRules | None:
    d = quotes_data(lang)
    if d is None:
        return None

    def pm(words: list[str]) -> PhraseMatcher[str]:
        return PhraseMatcher((w, normalize_key(w.rstrip("*"))) for w in words)

    return QuoteRules(
        d,
        pm(d.reporting_verbs),
        pm(d.attribution_cues),
        pm(d.anonymous_sources),
        pm(d.organisation_heads),
        pm(d.publications),
        frozenset(normalize_key(w) for w in d.complementizers),
        tuple(normalize_key(w) for w in d.complementizer_prefixes),
    )


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str | None
    span: Span | None
    kind: SpeakerKind


def _entity_type(article: Article, entity_id: str) -> EntityType | None:
    ent = article.entity(entity_id)
    return ent.type if ent else None


def _mentions_in(view: SentenceView, lo: int, hi: int) -> list[MentionRef]:
    # places do not speak (a state's capital or government is GPE, not PLACE)
    return [
        m
        for m in view.mentions
        if m.entity and m.first >= lo and m.last < hi and m.mention.type is not EntityType.PLACE
    ]


def resolve_speaker(
    article: Article,
    view: SentenceView,
    lo: int,
    hi: int,
    rules: QuoteRules,
    before_verb: bool = False,
) -> Speaker | None:
    """Who speaks in tokens ``[lo, hi)`` of the sentence, by the priority in the module docstring."""
    if hi <= lo:
        return None
    forms = view.forms[lo:hi]
    for anon in rules.anonymous.find(forms):
        return Speaker(None, view.token_span(lo + anon.start, lo + anon.end), SpeakerKind.ANONYMOUS)
    mentions = _mentions_in(view, lo, hi)
    pubs = rules.publications.find(forms)
    if pubs:
        best = max(pubs, key=lambda m: len(m.payload))
        span = view.token_span(lo + best.start, lo + best.end)
        over = next((r for r in mentions if r.mention.span.overlaps(span)), None)
        if over and over.entity:
            return Speaker(over.entity, over.mention.span, SpeakerKind.PUBLICATION)
        # the name may run past the cue word ("مجلة نيوزويك"): take the longest listed name
        return Speaker(f"publication:{best.payload}", span, SpeakerKind.PUBLICATION)
    for h in rules.org_heads.find(forms):
        head_lo, head_hi = lo + h.start, lo + h.end
        owner = next(
            (r for r in mentions if head_hi <= r.first <= head_hi + 1 or r.first <= head_lo <= r.last), None
        )
        if owner is not None and owner.entity:
            span = Span(
                view.tokens[min(head_lo, owner.first)].start,
                max(view.tokens[owner.last].end, view.tokens[head_hi - 1].end),
            )
            if (
                _entity_type(article, owner.entity) in (EntityType.ORG, EntityType.GPE)
                and owner.first <= head_lo
            ):
                return Speaker(owner.entity, span, SpeakerKind.ORGANISATION)
            return Speaker(f"office:{owner.entity}", span, SpeakerKind.ORGANISATION)
    # "Netanyahu's office": head word after its owner
    for h in rules.org_heads.find(forms):
        owner = next((r for r in mentions if r.last < lo + h.start and lo + h.start - r.last <= 2), None)
        if owner is not None and owner.entity:
            span = Span(owner.mention.span.start, view.tokens[lo + h.end - 1].end)
            return Speaker(f"office:{owner.entity}", span, SpeakerKind.ORGANISATION)
    if mentions:
        # the speaker stands next to the verb: the last mention of a window before it, the first after it
        pick = mentions[-1] if before_verb else mentions[0]
        etype = _entity_type(article, pick.entity or "")
        kind = SpeakerKind.PERSON if etype in (EntityType.PERSON, None) else SpeakerKind.ORGANISATION
        return Speaker(pick.entity, pick.mention.span, kind)
    return None


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
                    pos = i + 1
                    continue
                inner = Span(i + 1, j)
                if len(text[i + 1 : j].strip()) >= 2 and not any(o.overlaps(Span(i, j + 1)) for _, o in out):
                    out.append((inner, Span(i, j + 1)))
                pos = j + 1
    return sorted(out)


def _view_at(views: list[SentenceView], pos: int) -> SentenceView | None:
    starts = [v.span.start for v in views]
    k = bisect_right(starts, pos) - 1
    return views[k] if k >= 0 and views[k].span.start <= pos < views[k].span.end else None


def _tok_at(view: SentenceView, pos: int) -> int:
    return bisect_right([t.start for t in view.tokens], pos) - 1


def extract_quotes(article: Article, lang: str) -> list[Quote]:
    rules = quote_rules(lang)
    if rules is None:
        return []
    views = build_views(article, lang, clause_breaks(lang))
    quotes: list[Quote] = []
    direct = _direct_spans(article, rules)
    window = rules.data.speaker_window
    for inner, outer in direct:
        view = _view_at(views, outer.start)
        speaker: Speaker | None = None
        attributed = False
        if view is not None:
            q = _tok_at(view, outer.start) + (
                0 if view.tokens[max(0, _tok_at(view, outer.start))].start >= outer.start else 1
            )
            q = max(0, min(q, len(view.tokens)))
            verbs = [m for m in rules.verbs.find(view.forms[:q]) + rules.cues.find(view.forms[:q])]
            if verbs:
                v = max(verbs, key=lambda m: m.end)
                attributed = True
                speaker = resolve_speaker(article, view, v.end, min(q, v.end + window), rules)
                if speaker is None:
                    speaker = resolve_speaker(
                        article, view, max(0, v.start - window), v.start, rules, before_verb=True
                    )
        after = _view_at(views, outer.end - 1)
        if speaker is None and after is not None:
            k = _tok_at(after, outer.end - 1) + 1
            tail = after.forms[k : k + window]
            vm = rules.verbs.find(tail)
            if vm:
                attributed = True
                speaker = resolve_speaker(article, after, k, k + window, rules)
        words = len(article.text[inner.start : inner.end].split())
        if words < (2 if attributed else 6):
            continue  # scare quotes, titles and names in quotation marks are not speech
        quotes.append(_quote(inner, True, speaker))
    covered = [o for _, o in direct]
    for view in views:
        for v in rules.verbs.find(view.forms):
            comp = _complementizer(view, v.end, min(len(view.tokens), v.end + window + 2), rules)
            if comp is None:
                continue
            c_tok, c_start = comp
            body = Span(c_start, view.span.end)
            if any(o.start >= c_start and o.start - c_start <= 3 for o in covered) or len(body) < 5:
                continue  # 'قال X إن "..."': the direct quote already has it
            speaker = resolve_speaker(article, view, v.end, c_tok, rules)
            if speaker is None:
                speaker = resolve_speaker(
                    article, view, max(0, v.start - window), v.start, rules, before_verb=True
                )
            quotes.append(_quote(body, False, speaker))
        for cue in rules.cues.find(view.forms):
            end = cue.end
            while (
                end < len(view.words)
                and view.words[end] not in clause_breaks(lang)
                and end - cue.end < window
            ):
                end += 1
            if end >= len(view.words) - 1:
                continue
            lo_c, hi_c = view.tokens[cue.start].start, view.tokens[min(end, len(view.tokens) - 1)].end
            if any(lo_c <= o.start <= hi_c for o in covered):
                continue  # 'وبحسب ستروك فإن “...”': the direct quote already carries it
            speaker = resolve_speaker(article, view, cue.end, end, rules)
            rest = Span(
                view.tokens[end + 1].start if end + 1 < len(view.tokens) else view.tokens[end].end,
                view.span.end,
            )
            if len(rest) >= 5 and speaker is not None:
                quotes.append(_quote(rest, False, speaker))
    return assign_quote_ids(article.id, _inherit_speakers(_dedupe(quotes)))


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """One quote per span (a verb and a cue may both introduce it); the first with a speaker wins."""
    best: dict[Span, Quote] = {}
    for q in quotes:
        prior = best.get(q.span)
        if prior is None or (prior.speaker_span is None and q.speaker_span is not None):
            best[q.span] = q
    return sorted(best.values(), key=lambda x: x.span.start)


# A reporting verb with no subject ("وأضاف"، "he added") continues the last speaker this close before it.
_CONTINUATION_CHARS = 600


def _inherit_speakers(quotes: list[Quote]) -> list[Quote]:
    last: Quote | None = None
    for q in quotes:
        orphan = q.speaker_span is None and q.speaker_kind is SpeakerKind.PERSON
        if orphan and last is not None and 0 <= q.span.start - last.span.end <= _CONTINUATION_CHARS:
            q.speaker, q.speaker_span, q.speaker_kind = last.speaker, last.speaker_span, last.speaker_kind
        if q.speaker_span is not None:
            last = q
    return quotes


def _complementizer(view: SentenceView, lo: int, hi: int, rules: QuoteRules) -> tuple[int, int] | None:
    for k in range(lo, hi):
        f = view.forms[k]
        if rules.complementizers & set(f):
            return k, view.tokens[k + 1].start if k + 1 < len(view.tokens) else view.tokens[k].end
        w = f[0] if f else ""
        if k == lo and rules.comp_prefixes and w.startswith(rules.comp_prefixes) and len(w) > 3:
            return k, view.tokens[k].start + 1
        if view.words[k] in (".", "!", "?", "؟"):
            return None
    return None


def _quote(span: Span, direct: bool, sp: Speaker | None) -> Quote:
    if sp is None:
        return Quote(
            id="", span=span, direct=direct, speaker=None, speaker_span=None, speaker_kind=SpeakerKind.PERSON
        )
    return Quote(id="", span=span, direct=direct, speaker=sp.id, speaker_span=sp.span, speaker_kind=sp.kind)


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
