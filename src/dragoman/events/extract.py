"""Events from an annotated article: triggers, status, arguments, date, merge of repeats."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, partial
from typing import Literal

from dragoman.dates import dates_data
from dragoman.events.affiliation import state_of, with_states
from dragoman.events.apposition import apposed, with_affiliates
from dragoman.events.argfeatures import Context, Trigger, context, is_speaker, marker_of, pair_second
from dragoman.events.argmodel import decide, shipped_model
from dragoman.events.arguments import ArgRules, Arguments, arg_rules, assign, marker_words, place_of
from dragoman.events.borrowed import without_borrowed_doers
from dragoman.events.clauses import ClauseRules, bounds, clause_rules, segment, trimmed
from dragoman.events.coming import coming_weekday
from dragoman.events.described_args import described_refs, fill_described, with_affiliations
from dragoman.events.frames import frame, hosted_by_place, may_be_actor, may_be_recipient
from dragoman.events.genitive import genitive_actor, possessor_actor
from dragoman.events.matcher import Match, PhraseMatcher
from dragoman.events.modifiers import (
    names_adverbial,
    names_doers,
    names_means_or_light_verb,
    names_no_act_near,
    names_no_event,
    names_purpose,
    names_topic,
    yields_to_next,
)
from dragoman.events.objects import share_object_recipients, without_restated_objects
from dragoman.events.plover import is_known, rollup
from dragoman.events.pronouns import (
    PERSON,
    Telling,
    antecedents,
    first_person_suffixes,
    first_person_verb,
    person_before,
    pronoun_subject,
    pronouns,
)
from dragoman.events.schema import TriggerGroup, events_data, quotes_data, status_data
from dragoman.events.sentence import MentionRef, SentenceView, build_views
from dragoman.events.status import (
    StatusCue,
    StatusRules,
    cue_matches,
    detect_status,
    status_rules,
    with_future_stripped,
)
from dragoman.events.venues import at_venue
from dragoman.events.vso import verb_subject_first, vso_rules, without_route
from dragoman.kb import load_kb
from dragoman.model import Article, EntityType, Event, EventStatus, MentionKind, Span, TimeExpr
from dragoman.model.ids import assign_event_ids
from dragoman.text import normalize_key


@dataclass(slots=True)
class EventHit:
    """One trigger occurrence before merging: the event plus what the evaluators need."""

    event: Event
    view: SentenceView
    token_start: int
    token_end: int
    args: Arguments
    pos: str = "verb"  # the trigger's part of speech (its group's ``pos``)
    subject: str = "actor"  # the role of its grammatical subject (its group's ``subject``)
    sentence: int = 0  # index of its sentence among the article's views
    pronoun: str | None = None  # names no actor, and a pronoun of this kind is its subject
    shares_subject: bool = False  # a verb joined by "and" to the one before, whose subject it shares


@cache
def trigger_matcher(lang: str) -> PhraseMatcher[TriggerGroup | None] | None:
    """Trigger words with their group, and the language's non-triggers with ``None``."""
    data = events_data(lang)
    if data is None:
        return None
    unknown = sorted({g.type for g in data.triggers if not is_known(g.type)})
    if unknown:
        raise ValueError(f"{lang}/events.yaml: unknown event codes {unknown} (see events/data/plover.yaml)")
    # non-triggers first: of two phrases equally long the earlier listed is tried first, and a
    # non-trigger is meant to keep the trigger words off its tokens ("offer" against "offer*")
    entries: list[tuple[str, TriggerGroup | None]] = [(w, None) for w in data.not_triggers]
    entries += [(w, g) for g in data.triggers for w in g.triggers]
    return PhraseMatcher(entries)


@cache
def _object_matcher(lang: str, index: int) -> PhraseMatcher[bool]:
    data = events_data(lang)
    words = data.triggers[index].needs_after if data else []
    return PhraseMatcher((w, True) for w in words)


def _object_follows(view: SentenceView, lang: str, group: TriggerGroup, end: int, breaks: frozenset[str]) -> bool:
    """Does one of the group's object words follow within its window, in the same clause?"""
    data = events_data(lang)
    assert data is not None
    objects = _object_matcher(lang, next(i for i, g in enumerate(data.triggers) if g is group))
    for k in range(end, min(len(view.forms), end + group.within)):
        if view.words[k] in breaks:
            return False
        if objects.match_at(view.forms, k) is not None:
            return True
    return False


@cache
def _subject_matcher(lang: str, index: int) -> PhraseMatcher[bool]:
    data = events_data(lang)
    words = data.triggers[index].needs_before if data else []
    return PhraseMatcher((w, True) for w in words)


def subject_word_at(view: SentenceView, lang: str, group: TriggerGroup, start: int, rules: ClauseRules) -> int | None:
    """Where one of the group's subject words starts within its window before ``start``, in the same
    clause: no break and no clause opener ("the embassy said *that* new routes opened") between."""
    data = events_data(lang)
    assert data is not None
    subjects = _subject_matcher(lang, next(i for i, g in enumerate(data.triggers) if g is group))
    for k in range(start - 1, max(-1, start - 1 - group.within), -1):
        if view.words[k] in rules.breaks or rules.openers.match_at(view.forms, k) is not None:
            return None
        if subjects.match_at(view.forms, k) is not None:
            return k
    return None


def _object_ok(view: SentenceView, lang: str, rules: ClauseRules, m: Match[TriggerGroup | None]) -> bool:
    """A non-trigger, or a trigger whose object word follows and subject word precedes where it needs them."""
    g = m.payload
    return g is None or (
        (not g.needs_after or _object_follows(view, lang, g, m.end, rules.breaks))
        and (not g.needs_before or subject_word_at(view, lang, g, m.start, rules) is not None)
    )


def _owns_object(ctx: Context, r: MentionRef, lang: str) -> bool:
    """Is ``r`` right after "of" (של) that follows one of the nouns of what an act is done to
    (``arguments.owned_objects``: targets, positions, מטרות)?  "the support of X", "תמיכתו של X"
    name X as the doer and are not such nouns."""
    hit = ctx.marker_end.get(r.first)
    if hit is None or hit[1] != "of" or hit[0] < 1:
        return False
    return ctx.view.folded(hit[0] - 1) in arg_rules(lang).owned_objects


def _mission_roles(ctx: Context, code: str, subject: int, start: int, end: int, args: Arguments) -> None:
    """Roles of a mission's opening told with the mission as subject (``needs_before``).

    "The Turkish embassy in Israel was reopened", "Egypt's consulate in Libya reopened", "the embassy
    of Egypt will be reopened in Libya": the party naming the mission owns and opens it, the one it
    is placed *in* hosts it, and a party after *by* opens it too. Nobody else is a party: both names
    stand before the verb, where the model looks for a subject, and a sayer before *that* ("the
    ministry said the consulate will reopen") is not named as the opener.
    """

    def mark(r: MentionRef) -> str:
        return marker_of(ctx, r)[0]

    named = [r for r in ctx.view.mentions if r.entity]
    owners = [
        r for r in named
        if may_be_actor(code, r.mention.type)
        and ((subject - 2 <= r.last < subject and mark(r) == "-") or (subject < r.first <= subject + 2 and mark(r) in ("-", "of")))
    ]
    # a city it is placed in is its place, not a party (the place's state may host it, see host_of)
    hosts = [
        r for r in named
        if may_be_recipient(code, r.mention.type) and subject < r.first and (r.last < start or r.first >= end) and mark(r) == "in"
    ]
    agents = [a for a in args.actors if a.first >= end and mark(a) == "by"]
    args.actors = _distinct(owners + agents)
    taken = {a.entity for a in args.actors}
    args.recipients = _distinct([h for h in hosts if h.entity not in taken])


def _distinct(refs: list[MentionRef]) -> list[MentionRef]:
    """``refs`` with each entity once, first telling first."""
    firsts = {r.entity: r for r in reversed(refs)}  # the earliest telling of each entity wins
    return [r for r in refs if firsts[r.entity] is r]


def _and_clitics(coordinators: frozenset[str]) -> tuple[str, ...]:
    """The coordinators written glued to the next word (و, ו), not "and" or a comma."""
    return tuple(c for c in coordinators if len(c) == 1 and c.isalpha())


def _coordinated_futures(
    view: SentenceView, kept: list[Match[TriggerGroup]], srules: StatusRules | None, coordinators: frozenset[str]
) -> frozenset[int]:
    """Triggers glued to "and" and a future particle ("وسيتوجه", "وستعقد"): each opens a conjunct of its own.

    "The delegation left for Ankara and will head to Doha" tells two acts; the second one's evidence
    is its own conjunct.  Only triggers: a noun that merely looks like it (وسيلة) is none.
    """
    clitics = _and_clitics(coordinators)
    if srules is None or not srules.future_particles or not clitics:
        return frozenset()
    out: set[int] = set()
    for m in kept:
        w = view.forms[m.start][0] if view.forms[m.start] else ""
        for c in clitics:
            rest = w[len(c) :]
            if w.startswith(c) and rest.startswith(srules.future_particles) and len(rest) > 3:
                out.add(m.start)
    return frozenset(out)


def _without_named_tail(start: int, end: int, covered: set[int]) -> int:
    """The trigger's end without trailing tokens that name a party ("הודה לטראמפ": the trigger is הודה)."""
    while end - 1 > start and (end - 1) in covered:
        end -= 1
    return end


def _future_forms(forms: tuple[str, ...], srules: StatusRules | None, imperfect: tuple[str, ...]) -> tuple[str, ...]:
    """The forms plus readings without a glued future particle, and those without their imperfect prefix."""
    extended = with_future_stripped(forms, srules)
    added = extended[len(forms) :]
    return forms + (_without_imperfect(added, imperfect) if imperfect and added else added)


@cache
def _imperfect_prefixes(lang: str) -> tuple[str, ...]:
    data = events_data(lang)
    return tuple(normalize_key(p) for p in (data.imperfect_prefixes if data else []))


@cache
def _without_imperfect(forms: tuple[str, ...], prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """The token's forms plus each form without an imperfect prefix (يهتفون -> هتفون)."""
    extra = tuple(f[1:] for f in forms if len(f) >= 4 and f.startswith(prefixes))
    return forms + extra if extra else forms


# A token's readings below depend on its forms alone, and every token of every sentence asks for
# them: one dict probe per token instead of two cached calls and a scan for future particles.
# Bounded like the forms memo (text/morph.py) so a long-running pipeline does not grow without end.
_READINGS_LIMIT = 200_000
_READINGS: dict[str, dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]]] = {}


def _token_readings(
    forms: list[tuple[str, ...]], lang: str, srules: StatusRules | None
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """Each token's forms with those without an imperfect prefix ("plain"), and those plus its
    readings without a glued future particle ("extended", what the trigger matcher reads)."""
    memo = _READINGS.get(lang)
    if memo is None:
        memo = _READINGS[lang] = {}
    imperfect = _imperfect_prefixes(lang)
    particles = srules.future_particles if srules else ()
    plain: list[tuple[str, ...]] = []
    extended: list[tuple[str, ...]] = []
    for f in forms:
        hit = memo.get(f)
        if hit is None:
            p = _without_imperfect(f, imperfect) if imperfect else f
            x = _future_forms(p, srules, imperfect) if any(w.startswith(particles) for w in p) else p
            if len(memo) >= _READINGS_LIMIT:
                memo.clear()
            hit = memo[f] = (p, x)
        plain.append(hit[0])
        extended.append(hit[1])
    return plain, extended


@cache
def generic_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((w, True) for w in (data.generic_nouns if data else []))


def _generic_at(generic: PhraseMatcher[bool], forms: list[tuple[str, ...]], m: Match[TriggerGroup | None]) -> bool:
    """Does a generic noun start the trigger and cover all of it?

    A trigger phrase that runs on past the noun names one event: "protesting
    against" (للاحتجاج على) where the bare noun "protest" names a kind of event.
    """
    g = generic.match_at(forms, m.start)
    return g is not None and g.end >= m.end


def clause_breaks(lang: str) -> set[str]:
    rules = status_rules(lang)
    return set(rules.data.clause_breaks) if rules else {",", "،", ";", "؛"}


def _time_tokens(article: Article, view: SentenceView) -> list[tuple[int, int, TimeExpr]]:
    """Time expressions of the sentence as token ranges [first, last] of the view."""
    out: list[tuple[int, int, TimeExpr]] = []
    starts = [t.start for t in view.tokens]
    for tx in article.time_expressions:
        if not view.span.contains(tx.span):
            continue
        first = max(0, bisect_right(starts, tx.span.start) - 1)
        last = max(first, bisect_left(starts, tx.span.end) - 1)
        out.append((first, last, tx))
    return out


def _distance(a0: int, a1: int, b0: int, b1: int) -> int:
    """Tokens between two ranges [a0, a1) and [b0, b1) (0 when they touch or overlap)."""
    return max(0, b0 - a1, a0 - b1)


def governing_dates(
    times: list[tuple[int, int, TimeExpr]],
    triggers: list[tuple[int, int]],
    clause: list[int],
    anterior: frozenset[int] = frozenset(),
) -> list[TimeExpr | None]:
    """The time expression that governs each trigger's clause.

    Each time expression attaches to the nearest trigger of its own clause, or,
    with none there, to the nearest trigger of the sentence ("on Friday agreed
    to reestablish ties": Friday is the agreeing's), but never to one in an
    ``anterior`` clause it is not in ("confirmed on Tuesday that the delegation
    left, after the positive response": the response came before Tuesday; the
    clause numbers opened by after/بعد/לאחר, ``dates.yaml: anterior_clauses``).
    A trigger's date is the nearest expression attached to it; a trigger with
    none attached has no date, rather than the sentence's first one.
    """
    best: list[tuple[int, TimeExpr] | None] = [None] * len(triggers)
    for first, last, tx in times:
        def same(k: int, first: int = first, last: int = last) -> bool:
            a, b = triggers[k]
            return clause[a] == clause[first] or clause[b - 1] == clause[last]

        def key(k: int, first: int = first, last: int = last) -> tuple[int, int]:
            a, b = triggers[k]
            return (0 if same(k) else 1, _distance(first, last + 1, a, b))

        open_to = [k for k in range(len(triggers)) if same(k) or clause[triggers[k][0]] not in anterior]
        if not open_to:
            continue
        k = min(open_to, key=key)
        d = key(k)[1]
        cur = best[k]
        if cur is None or d < cur[0]:
            best[k] = (d, tx)
    return [b[1] if b else None for b in best]


# Statuses that tell an act as done (or under way) when the sentence's time is said.
_TOLD_AS_DONE = frozenset({EventStatus.OCCURRED, EventStatus.TALKS})
# Verbal acts about another act: "demanded on Monday the release", "accused on Monday of
# attacking", "threatened on Monday to strike": the date is the utterance's, not the act's.
_ABOUT_ANOTHER_ACT = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})


def inherited_dates(
    dates: list[TimeExpr | None],
    statuses: list[EventStatus],
    clauses: list[int],
    governed: set[int],
    times: int,
    undone: frozenset[int] = frozenset(),
    verbal: list[bool] | None = None,
) -> list[TimeExpr | None]:
    """Dates for undated triggers told in clauses under a dated one, in a sentence with one time expression.

    "Norland said Monday that it extended a licence which lets Valdoria buy grain": one
    time governs the sentence, and the acts its reported and relative clauses tell as
    done share it.  ``clauses`` is each trigger's clause number and ``governed`` the
    clauses opened by a complementizer or relative pronoun (``dates.yaml:
    governed_clauses``).  A trigger inherits only from the nearest dated trigger before
    it, only when every clause from that one's to its own is such a clause ("In 2016
    Israel attacked a convoy, and Iran later held talks": the talks are not dated 2016),
    only when it is told as done and the dated one as done or under way (a planned,
    negotiated or denied act is not dated by the telling) and its clause holds no cue of another status (``undone``: "who will
    visit", "which may allow"), never from a verbal act about another act (``verbal``:
    "demanded on Monday the release of the hostages" dates the demand only), and never
    where the sentence holds two time expressions: each of those governs its own clause
    (``governing_dates``).
    """
    if times != 1:
        return dates
    out = list(dates)
    source: tuple[TimeExpr, int] | None = None
    for k, (d, st) in enumerate(zip(dates, statuses, strict=True)):
        if d is not None:
            passes_on = st in _TOLD_AS_DONE and not (verbal and verbal[k])
            source = (d, clauses[k]) if passes_on else None
        elif (
            source is not None
            and st is EventStatus.OCCURRED  # an act under negotiation or demanded is not dated by the telling
            and clauses[k] not in undone
            and all(c in governed for c in range(source[1] + 1, clauses[k] + 1))
        ):
            out[k] = source[0]
    return out


@cache
def _opener_matcher(lang: str, which: Literal["governed", "anterior"]) -> PhraseMatcher[bool]:
    data = dates_data(lang)
    words = (data.governed_clauses if which == "governed" else data.anterior_clauses) if data else []
    return PhraseMatcher((normalize_key(w), True) for w in words)


def governed_clauses(view: SentenceView, clause: list[int], lang: str) -> set[int]:
    """Clause numbers whose first word is a complementizer or relative pronoun of ``lang``."""
    return _clauses_opened_by(view, clause, _opener_matcher(lang, "governed"))


def anterior_clauses(view: SentenceView, clause: list[int], lang: str) -> frozenset[int]:
    """Clause numbers whose first word says their act came before the main one (after, بعد, לאחר)."""
    return frozenset(_clauses_opened_by(view, clause, _opener_matcher(lang, "anterior")))


def _clauses_opened_by(view: SentenceView, clause: list[int], matcher: PhraseMatcher[bool]) -> set[int]:
    """Clause numbers whose first word (``segment``'s numbering: they only grow) starts a phrase of ``matcher``."""
    out: set[int] = set()
    i, n = 0, len(clause)
    while i < n:
        if not any(map(str.isalnum, view.words[i])):
            i += 1  # a clause's first word, not the punctuation that closed the last one
            continue
        c = clause[i]
        if matcher.match_at(view.forms, i) is not None:
            out.add(c)
        i = bisect_right(clause, c, i)  # the clause's other tokens are the run that follows
    return out


ArgumentMode = Literal["learned", "rules"]


def find_hits(article: Article, lang: str, arguments: ArgumentMode = "learned") -> list[EventHit]:
    """Every trigger occurrence of the article's body, with status, arguments, evidence and date.

    ``arguments="learned"`` lets the shipped argument model choose actors and
    recipients (the rules decide alone when no weights are installed);
    ``"rules"`` uses only the hand-written role rules.
    """
    matcher = trigger_matcher(lang)
    if not matcher:
        return []
    srules = status_rules(lang)
    arules = arg_rules(lang)
    crules = clause_rules(lang)
    generic = generic_matcher(lang)
    model = shipped_model() if arguments == "learned" else None
    hits: list[EventHit] = []
    present = {e.id for e in article.entities}
    kinds = {e.id: e.type for e in article.entities}
    pronoun_table = pronouns(lang)
    vso = vso_rules(lang)
    first_person = first_person_suffixes(lang)
    for n_sent, view in enumerate(build_views(article, lang, clause_breaks(lang))):
        plain, extended = _token_readings(view.forms, lang, srules)
        # a trigger that needs an object word and has none gives way to the next reading of its words
        # (עצר without הסחר after it is an arrest, not a halt to trade)
        found = matcher.find(extended, partial(_object_ok, view, lang, crules))
        if not found:
            continue
        # "Support" in "Freedom Support Act" is part of a name, not an event word
        named = {k for r in view.mentions if r.entity and r.last > r.first for k in range(r.first, r.last + 1)}
        covered = {k for r in view.mentions if r.entity for k in range(r.first, r.last + 1)}
        kept: list[Match[TriggerGroup]] = [
            Match(m.start, _without_named_tail(m.start, m.end, covered), m.payload)
            for m in found
            if m.payload is not None
            and not (generic and _generic_at(generic, view.forms, m))
            and m.start not in named
        ]
        kept = [
            m
            for m in kept
            if not names_no_event(view, m, lang) and not names_topic(view, m, lang) and not names_no_act_near(view, m, lang)
        ]
        # "ready to impose martial law": the imposing is the event, planned; the readiness is its status
        # "suicide bombers killed": the killing is the event, the bombers its doers
        kept = [
            m
            for k, m in enumerate(kept)
            if not yields_to_next(m, nxt := kept[k + 1] if k + 1 < len(kept) else None, view)
            and not names_doers(view, m, nxt, lang)
            and not names_means_or_light_verb(view, m, nxt, lang)
        ]
        if not kept:
            continue
        # "met the head of the X council Y": the title phrase and the name are one party, Y
        titled = apposed(view, lang)
        view = titled.view
        cues = cue_matches(view, srules) if srules else []
        clause = segment(view, crules, titled.joined)
        # "left for Ankara and will head to Doha" (وسيتوجه): the second act's evidence is its own
        # conjunct; its parties are still read in the whole clause, whose subject it shares
        coordinated = _coordinated_futures(view, kept, srules, arules.coordinators)
        told = segment(view, crules, titled.joined, coordinated) if coordinated else clause
        times = _time_tokens(article, view)
        dates = governing_dates(times, [(m.start, m.end) for m in kept], clause, anterior_clauses(view, clause, lang))
        statuses = [_status(view, cues, srules, plain, matcher, m) for m in kept]
        statuses = [_headline_infinitive(view, m.start, arules, st) for m, st in zip(kept, statuses, strict=True)]
        dates = inherited_dates(
            dates,
            statuses,
            [clause[m.start] for m in kept],
            governed_clauses(view, clause, lang),
            len(times),
            frozenset(clause[c.start] for c in cues if c.payload.status not in _TOLD_AS_DONE),
            [rollup(m.payload.type) in _ABOUT_ANOTHER_ACT for m in kept],
        )
        # "will be inaugurated on Thursday": a plan's bare day name is the coming one
        dates = [coming_weekday(article, d, st, lang) for d, st in zip(dates, statuses, strict=True)]
        described = described_refs(article, view)
        ctx = (
            context(view, lang, clause, [Trigger(m.start, m.end, m.payload.type, m.payload.pos, m.payload.subject) for m in kept])
            if model is not None
            else None
        )
        # "normalised ties with Valdoria with US mediation": the mediation is how the act was done; it
        # stays among the triggers the argument model weighs, so the act's parties are chosen as before
        # "rejected the proposal to renew the talks": the talks are what the proposal is for (names_purpose)
        adverbial = [
            names_adverbial(view, m, prev := kept[k - 1] if k else None, lang) or names_purpose(view, m, prev, lang)
            for k, m in enumerate(kept)
        ]
        # "Norland denied reports of talks with Valdoria": the denial negates the talks, which are the
        # event; the verb denying a statement is none of its own
        # the denied statement tells the acts after it in the sentence, negated however far they stand
        # ("نفت نورلاند صحة ما تردد عن عقدها محادثات مع فالدوريا واقتراحها هدنة"); a planned or
        # conditional act keeps its own status
        denials = _statement_denials(view, cues, {k for m in kept for k in range(m.start, m.end)}, lang)
        for k, m in enumerate(kept):
            if m.start in denials:
                statuses[k + 1 :] = [EventStatus.NEGATED if st is EventStatus.OCCURRED else st for st in statuses[k + 1 :]]
        adverbial = [
            side or (m.start in denials and any(st is EventStatus.NEGATED for st in statuses[k + 1 :]))
            for k, (m, side) in enumerate(zip(kept, adverbial, strict=True))
        ]
        for t, (m, date, status) in enumerate(zip(kept, dates, statuses, strict=True)):
            if adverbial[t]:
                continue
            group = m.payload
            if ctx is not None and model is not None:
                place = place_of(view, m.start, m.end, arules)
                args = decide(ctx, t, group.type, place, model, arules, passive=group.passive)
            else:
                args = assign(view, m.start, m.end, group.pos, arules)
            # a first-person verb ("סיכמתי", "قطعنا") or a pronoun subject, read once for the steps below
            own_voice = (
                group.pos == "verb"
                and first_person_verb(view.folded(m.start), first_person)
                and not _named_subject_before(view, m.start, lang)
            )
            dummy_it = group.passive and _impersonal(view, m.start, lang)
            subject_pronoun = None if dummy_it else pronoun_subject(view, clause, m.start, pronoun_table)
            if dummy_it:
                # "سيتم إخبار الأمم المتحدة": the party after an impersonal passive is the one it is
                # done to, whatever the frame; a doer can only stand before it
                after = [a for a in args.actors + args.recipients if a.first >= m.end]
                args.actors = [a for a in args.actors if a.first < m.start]
                args.recipients = after + [r for r in args.recipients if r.first < m.start]
            if vso is not None and group.pos == "verb" and group.subject == "actor" and not (group.passive or group.converse):
                # "يزور الرئيس الفالدوري نورلاند": the phrase right after the verb is its subject
                verb_subject_first(view, m.start, m.end, args, vso, subject_pronoun is not None or own_voice)
            # a visit's or an embassy's host comes from its place before any unnamed party does
            host = (
                host_of(args.place.entity, present)
                if args.place and args.place.entity and hosted_by_place(group.type, group.mode)
                else None
            )
            hosted = host is not None
            # every recipient the model chose is marked *between* ("a truce between X and Y")
            between = ctx is not None and bool(args.recipients) and all(
                marker_of(ctx, r)[0] == "between" for r in args.recipients
            )
            pair = between and len(args.recipients) > 1
            if hosted and between:
                # "landed in Amman hoping to seal a truce between X and Y": the pair is the
                # deal's; a visit is to its host
                args.recipients = []
            elif pair and frame(rollup(group.type)).pair_acts:
                # "the envoy came to secure a deal between X and Y": the pair makes the deal, the
                # envoy only works for it
                args.actors, args.recipients = args.recipients, []
            elif pair and frame(rollup(group.type)).symmetric and _between_at(view, m.end, lang):
                # "Ostmark hosted talks between X and Y", محادثات بين X وY: the talks the word names
                # right before "between" are the pair's; the subject hosting them is their host
                args.actors, args.recipients = args.recipients, args.actors
            elif ctx is not None and between and len(args.recipients) == 1:
                # "mediated between X and Y", "תיווכה בין X ל-Y": the model may take the first of
                # the pair alone; the second, joined to it, is as much the act's party. The
                # roles the model chose stay: the subject mediating is the actor
                second = pair_second(ctx, args.recipients[0])
                if second is not None and second.entity not in {a.entity for a in args.actors}:
                    args.recipients = [*args.recipients, second]
            if ctx is not None and group.subject == "recipient":
                # "Armenia must amend its constitution", "X חייבת": the subject right before the verb
                # is the one asked, whatever the model chose; a sayer before it ("Baku says X must")
                # stays the asker
                asked = [
                    a for a in args.actors
                    if m.start - 3 <= a.last < m.start and marker_of(ctx, a)[0] == "-"
                    and ctx.clause[a.last] == ctx.clause[m.start]
                    and not any(k in ctx.reporting for k in range(a.last + 1, m.start))
                ] or _verb_subject_after(ctx, args.actors, m.end, group.pos, arules.subject_after_verb)
                if asked:
                    args.actors = [a for a in args.actors if a not in asked]
                    args.recipients = asked + [r for r in args.recipients if r not in asked]
                    if not args.actors:  # "X הבהירה כי ארמניה חייבת": who says the subject must is the asker
                        args.actors = [r for r in _subject_of_saying(view, asked[0].first, lang) if not _is_medium(view, r, lang)]
                if len(args.recipients) > 1:
                    # "Y تنتهك الاتفاقيات الموقعة مع X", "Y violates the accords signed with X": the
                    # party the thing was made *with*, after the verb, is neither the one charged
                    # nor the one asked; the subject is
                    args.recipients = [
                        r for r in args.recipients if not (r.first >= m.end and marker_of(ctx, r)[0] == "with")
                    ] or args.recipients
                if not args.actors:
                    # "قال X إن Y ينتهك الاتفاقيات": the one reporting what the subject does is its accuser
                    taken = {r.entity for r in args.recipients}
                    args.actors = [
                        r for r in _reporting_speakers(ctx, m.start) if r.entity not in taken and not _is_medium(view, r, lang)
                    ]
            owned = (
                [a for a in args.actors if a.first >= m.end and _owns_object(ctx, a, lang)]
                if ctx is not None and not (group.passive or group.converse) and not ctx.passive_before[t]
                else []
            )
            if owned:
                # "תקף מטרות של חיזבאללה", "struck the positions of X": the party owning what the act
                # is done to is acted on, never the doer (a passive's "by the forces of X" is left alone)
                args.actors = [a for a in args.actors if a not in owned]
                args.recipients = owned + [r for r in args.recipients if r not in owned]
            if ctx is not None and any(marker_of(ctx, a)[0] == "against" for a in args.actors):
                # "measures against X", "إجراءات ضد X": the party acted against is never the doer
                against = [a for a in args.actors if marker_of(ctx, a)[0] == "against"]
                args.actors = [a for a in args.actors if a not in against]
                args.recipients = against + [r for r in args.recipients if r not in against]
            if ctx is not None and frame(rollup(group.type)).symmetric and any(
                a.first >= m.end and marker_of(ctx, a)[0] == "with" for a in args.actors
            ):
                # "a call that [he] held with X and Y", "שיחה שקיים עם X ו-Y": who the act is held
                # with is its counterpart, never its doer, though the doer goes unnamed in the clause
                met = [a for a in args.actors if a.first >= m.end and marker_of(ctx, a)[0] == "with"]
                met += _joined_to(view, met, [a for a in args.actors if a not in met], arules.coordinators)
                args.actors = [a for a in args.actors if a not in met]
                args.recipients = met + [r for r in args.recipients if r not in met]
            if group.pos == "verb" and group.subject == "actor" and not (group.passive or group.converse):
                sayer = sayer_of_pronoun(view, m.start, lang)
                if sayer:
                    # "Israel's military said it struck Hezbollah targets": "it" is the sayer, and a
                    # party after the verb that the model made its subject is the one acted on
                    said_by = {r.entity for r in sayer}
                    after = [r for r in args.actors + args.recipients if r.first >= m.end and r.entity not in said_by]
                    args.actors = sayer
                    args.recipients = _distinct(after)
            if ctx is not None and group.needs_before:
                # "the Turkish embassy in Israel was reopened": the party the subject phrase places
                # the mission *in* hosts it, the one naming the mission owns and opens it
                mission_at = subject_word_at(view, lang, group, m.start, crules)
                if mission_at is not None:
                    _mission_roles(ctx, group.type, mission_at, m.start, m.end, args)
            if described:  # no named party fits a slot: an unnamed one the clause describes may
                fill_described(view, clause, m.start, m.end, group.pos, arules, args, described, not hosted)
            # "moved from Cairo to Doha for the talks": the route's ends are places, not the talks' parties
            without_route(args, view, lang, group.mode == "visit")
            if group.converse:  # "X received a letter from Y": Y wrote, X received
                args.actors, args.recipients = args.recipients, args.actors
                sender = _from_party(ctx, view, m.end) if ctx is not None else None
                if sender is not None and all(a.entity != sender.entity for a in args.actors):
                    parties = [r for r in args.recipients + args.actors if r.entity != sender.entity]
                    args.actors, args.recipients = [sender], parties
            doers = _nisba_doers(view, m.start, m.end, group.pos, lang)
            if doers and group.subject == "actor" and not frame(group.type).genitive_actor:
                # "the Norlandic raid on Valdoria", الغارة النورلاندية: the adjective names the doer
                args.actors = doers
                args.recipients = [r for r in args.recipients if r.entity not in {d.entity for d in doers}]
            pronoun: str | None = None
            if own_voice:
                # "סיכמתי עם ...", "قطعنا علاقاتنا": the speaker did it, not a party the model chose
                pronoun = PERSON
                args.actors = [a for a in args.actors if a.first >= m.end]
            else:
                pronoun = subject_pronoun if all(a.first >= m.end for a in args.actors) else None
            if pronoun and group.converse:
                # "أنه لم يتبلغ رسالة من X", "she received a letter from X": the pronoun is who
                # received it (``_resolve_pronouns`` puts its referent among the recipients), X sent it
                args.recipients = [r for r in args.recipients if r.first < m.start]
            elif pronoun and args.actors:
                # "he met Varga": the pronoun is the subject, so what follows the verb is its object
                args.recipients = args.recipients or args.actors
                args.actors = []
            # The sayer of a plan made its promise ("X said it will open"); an act told as done right
            # after "that" with no doer found at all is the sayer's too ("צה\"ל הודיע כי תקף מטרות של X",
            # X being the owner), unless it is told impersonally ("כי סוכם על", "it was agreed"). Not a
            # mission's opening told with the mission as subject ("X said the embassy will be
            # inaugurated"): who opens it is named with the mission, if at all.
            promised = (
                group.pos == "verb" and not pronoun and not group.converse and not group.needs_before
                and (status is EventStatus.PLANNED or (not args.actors and not group.impersonal))
            )
            sayer = [r for r in _subject_of_saying(view, m.start, lang) if not _is_medium(view, r, lang)] if promised else []
            if sayer and all(a.first > m.end or a.proclitic for a in args.actors):
                # "ממשלת X הבהירה כי תתמוך בבקשת Y": a promise with no subject of its own (none
                # before it, none right after it as in "כי יבקר נשיא Y") is the sayer's; the party
                # the model chose after it is whom the act is on. A medium reports, it promises nothing
                taken = {r.entity for r in sayer}
                args.recipients = [r for r in (args.recipients or args.actors) if r.entity not in taken]
                args.actors = sayer
            args.actors = [r for r in args.actors if not _is_medium(view, r, lang)]
            args.recipients = [
                r
                for r in args.recipients
                if not _is_medium(view, r, lang) and not at_venue(view, r, group.type, m.start, m.end, arules, lang)
            ]
            trigger = view.token_span(m.start, m.end)
            actors = _parties(article, args.actors, present, titled.affiliations)
            recipients = [
                r for r in _parties(article, args.recipients, present, titled.affiliations) if r not in actors
            ]
            if not recipients and host is not None:
                recipients = [host] if host not in actors else []
            recipients = _pact_parties(article, lang, view, clause, m.start, group.type, actors, recipients, kinds)
            event = Event(
                id="",
                type=group.type,
                mode=group.mode,
                status=status,
                actors=actors,
                recipients=recipients,
                evidence=[_evidence(view, told, m.start)],
                date=date,
                place=args.place.entity if args.place else None,
                trigger=trigger,
            )
            subject = "recipient" if group.converse else group.subject
            hits.append(EventHit(event, view, m.start, m.end, args, group.pos, subject, n_sent, pronoun))
    _resolve_pronouns(article, hits, present, arules.recipient_markers | arules.recipient_clitics)
    _coordinated_subjects(hits, arules.coordinators, arules.subject_after_verb, arules.contrast_words)
    _pair_actors(hits, lang, {e.id for e in article.entities if e.type is EntityType.GPE})
    _stipulated_acts(hits, lang)
    _between_parties(hits, lang)
    _body_actors(hits, lang, kinds)
    _delegation_parties(hits, lang, kinds)
    _genitive_actors(hits, lang, present)
    _possessor_actors(hits, lang, present)
    _shared_recipients(hits)
    _circumstantial_actors(hits, lang)
    share_object_recipients(hits, lang)
    return hits


def _joined_to(
    view: SentenceView, firsts: list[MentionRef], others: list[MentionRef], coordinators: frozenset[str]
) -> list[MentionRef]:
    """The mentions of ``others`` joined by "and" (or a comma) to one of ``firsts`` or to each other after it,
    or standing inside one of them."""
    chain = sorted(firsts, key=lambda r: r.first)
    out: list[MentionRef] = []
    for o in sorted(others, key=lambda r: r.first):
        if any(c.first <= o.first and o.last <= c.last for c in chain):
            out.append(o)  # a name inside a title phrase already taken ("נשיא קזחסטן")
            continue
        prev = next((c for c in reversed(chain) if c.last < o.first), None)
        if prev is None:
            continue
        gap = range(prev.last + 1, o.first)
        if all(view.folded(k) in coordinators for k in gap) and (len(gap) or o.proclitic):
            chain.append(o)
            out.append(o)
    return out


def _named_subject_before(view: SentenceView, start: int, lang: str) -> bool:
    """Does a named party, marked by no preposition, end right before the verb at ``start``?

    A first-person verb takes no named subject, so "נורלנד וולדוריה כוננו יחסים" is a
    third-person plural whose stem ends in the letters of the first-person ending
    (כוננו, "they established"), not "we established". A party behind a preposition
    ("עם ולדוריה סיכמנו", "with Valdoria we agreed") is no subject.
    """
    r = next((r for r in view.mentions if r.entity and r.last == start - 1), None)
    if r is None or view.clause[r.first] != view.clause[start]:
        return False
    rules = arg_rules(lang)
    if r.proclitic and r.proclitic not in rules.coordinators:
        return False
    return not (r.first > 0 and view.folded(r.first - 1) in marker_words(lang))


def _between_at(view: SentenceView, k: int, lang: str) -> bool:
    """Does the word right after the trigger say "between" (talks between X and Y)?"""
    return k < len(view.words) and bool(set(view.forms[k]) & marker_words(lang, "between"))


@cache
def _sayings(lang: str) -> tuple[PhraseMatcher[bool], frozenset[str], int]:
    """The verbs of saying, the free complementizers and their reach (``quotes.yaml``)."""
    quotes = quotes_data(lang)
    if quotes is None:
        return PhraseMatcher([]), frozenset(), 1
    verbs = PhraseMatcher((w, True) for w in quotes.reporting_verbs)
    return verbs, frozenset(normalize_key(w) for w in quotes.complementizers), quotes.speaker_window


def _subject_of_saying(view: SentenceView, start: int, lang: str) -> list[MentionRef]:
    """Who says "that" right before the verb at ``start``, when the verb names no subject between.

    "X clarified that [it] will support ..." (Hebrew drops the subject that is the sayer's):
    the parties named before the verb of saying, in its clause, with none named between it
    and the complementizer ("warned Y that [it] will ..." leaves the subject open).
    """
    verbs, complementizers, reach = _sayings(lang)
    k = start - 1
    if k < 1 or not complementizers.intersection(view.forms[k]):
        return []
    for v in range(k - 1, max(-1, k - 1 - reach), -1):
        if view.clause[v] != view.clause[k]:
            return []
        said = verbs.match_at(view.forms, v)
        if said is None:
            continue
        told = arg_rules(lang).addressee_clitics
        if any(v <= r.first < k and not (r.proclitic and r.proclitic in told) for r in view.mentions):
            return []  # "warned Y that [it] will ...": the subject is left open
        return [r for r in view.mentions if r.entity and r.last < v and view.clause[r.first] == view.clause[v]]
    return []


def _verb_subject_after(
    ctx: Context, actors: list[MentionRef], end: int, pos: str, subject_after_verb: bool
) -> list[MentionRef]:
    """The subject right after a verb whose subject is its recipient, where the subject may follow
    the verb ("تنتهك فالدوريا الهدنة": Valdoria is the one charged): the first party after it,
    unmarked and in its clause."""
    if pos != "verb" or not subject_after_verb:
        return []
    return [
        a for a in actors
        if end <= a.first <= end + 1 and marker_of(ctx, a)[0] == "-" and ctx.clause[a.first] == ctx.clause[end - 1]
    ][:1]


def _reporting_speakers(ctx: Context, start: int) -> list[MentionRef]:
    """The parties before ``start`` that are the subject of a reporting verb ("قال X، اليوم، إن ...")."""
    return [r for r in ctx.view.mentions if r.entity and r.last < start and is_speaker(ctx, r)]


def sayer_of_pronoun(view: SentenceView, start: int, lang: str) -> list[MentionRef]:
    """The parties saying "[that] it ..." right before the verb at ``start`` (``sayer_pronouns``).

    "Israel's military said it struck Hezbollah targets": "it" is the sayer's side, so the sayer
    (the parties named before the verb of saying, in its clause, none between it and the pronoun)
    did it. Nothing when the pronoun is not right before the verb, or no verb of saying before it.
    """
    rules = arg_rules(lang)
    k = start - 1
    if k >= 1 and view.folded(k) in rules.sayer_pronoun_auxiliaries:
        k -= 1
    if k < 1 or view.folded(k) not in rules.sayer_pronouns:
        return []
    verbs, complementizers, _ = _sayings(lang)
    if complementizers.intersection(view.forms[k - 1]):
        return _subject_of_saying(view, k, lang)
    for v in range(k - 1, max(-1, k - 4), -1):  # a verb of saying of up to three words ends at k - 1
        said = verbs.match_at(view.forms, v)
        if said is not None and said.end == k and view.clause[v] == view.clause[k]:
            return [r for r in view.mentions if r.entity and r.last < v and view.clause[r.first] == view.clause[v]]
    return []


@cache
def _publications(lang: str) -> PhraseMatcher[bool]:
    data = quotes_data(lang)
    return PhraseMatcher((w, True) for w in (data.publications if data else []))


def _is_medium(view: SentenceView, r: MentionRef, lang: str) -> bool:
    """Is the mention a newspaper, channel or agency (``quotes.yaml: publications``)?

    "told the newspaper 'Al-Norlandi'", صحيفة "النورلاندي", "Reuters": the medium a statement was
    given to or reported by is never a party to the act it tells.  The name itself or the word
    right before it (over a quotation mark) is one of the language's publications.
    """
    pubs = _publications(lang)
    if pubs.match_at(view.forms, r.first) is not None:
        return True
    k = r.first - 1
    while k >= 0 and not any(map(str.isalnum, view.words[k])) and view.words[k] not in {",", "،", ".", ":"}:
        k -= 1  # a quotation mark around the name
    found = pubs.match_at(view.forms, k) if k >= 0 else None
    return found is not None and found.end == k + 1


def _impersonal(view: SentenceView, start: int, lang: str) -> bool:
    """Does a passive trigger open with an impersonal auxiliary (``arguments.passive_cues``)?

    "أنه سيتم إخبار الأمم المتحدة" ("that it will be told to the UN"): تم/سيتم has no subject, so
    the pronoun before it is a dummy "it", not a person who did or underwent the act. A passive
    verb of its own ("أنه اغتيل") keeps its pronoun: he is the one it was done to.
    """
    return bool(set(view.forms[start]) & arg_rules(lang).passive_cues)


def _headline_infinitive(view: SentenceView, start: int, arules: ArgRules, status: EventStatus) -> EventStatus:
    """An act told as an infinitive right after the party opening its sentence is planned.

    Headlines drop the "is" of "Norland is to open": "Norland to open embassy in Valdoria",
    the party, the infinitive marker and the trigger in a row at the start, tell an act to
    come, not one done.  After a verb the party is its object ("ordered the paper to
    suspend publication") and the cues decide.
    """
    if status is not EventStatus.OCCURRED or start < 2 or view.folded(start - 1) not in arules.infinitive_markers:
        return status
    party = any(
        r.entity and r.last == start - 2 and not any(ch.isalnum() for w in view.words[: r.first] for ch in w)
        for r in view.mentions
    )
    return EventStatus.PLANNED if party else status


@cache
def _statement_matcher(lang: str) -> PhraseMatcher[bool]:
    data = status_data(lang)
    return PhraseMatcher((w, True) for w in (data.denied_statements if data else []))


def _statement_denials(view: SentenceView, cues: list[Match[StatusCue]], triggers: set[int], lang: str) -> set[int]:
    """Token indices of the verbs of denial that deny a statement ("denied reports", نفت تقارير).

    The statement word stands within ``_DENIAL_REACH`` tokens after the verb, in its clause
    (or after the comma closing a subject in apposition), before any other trigger: the
    subject may stand between in verb-subject order ("نفى وزير خارجية نورلاند صحة ما تردد").
    """
    statements = _statement_matcher(lang)
    out: set[int] = set()
    for c in cues:
        if not c.payload.rebuts:
            continue
        for k in range(c.end, min(len(view.forms), c.end + _DENIAL_REACH)):
            if k in triggers:
                break
            if statements.match_at(view.forms, k) is not None:
                out.add(c.start)
                break
    return out


# Tokens after a verb of denial searched for the statement it denies (a subject may stand between).
_DENIAL_REACH = 8


@cache
def _nisba_forms(lang: str) -> tuple[bool, frozenset[str], tuple[str, ...]]:
    """For ``_nisba_doers``: whether adjectives follow their noun, the proclitics a nisba doer may
    carry (none, or the article) and the article prefixes, folded once per language (every trigger asks)."""
    data = events_data(lang)
    if data is None:
        return False, frozenset({""}), ()
    args = data.arguments
    return (
        args.noun_actor_after,
        frozenset({"", normalize_key(args.article)}),
        tuple(normalize_key(a) for a in args.article_prefixes),
    )


def _nisba_doers(view: SentenceView, start: int, end: int, pos: str, lang: str) -> list[MentionRef]:
    """The relational adjectives (nisba) that modify the trigger as a noun: its doers.

    "the Norlandic war on Valdoria", "Norlandic strikes": an adjective of a state right
    before the trigger word makes the word a noun and says whose act it is, whatever
    else the sentence names ("the minister vowed to end the Norlandic war on Valdoria").
    Where adjectives follow their noun (``arguments.noun_actor_after``: الضربات النورلاندية،
    התקיפה הנורלנדית) only a noun trigger takes the adjectives right after it, since a verb
    is followed by its object ("استهدفوا النورلانديين"; a trigger word with the article,
    القصف، is a noun whatever its group says), and only an adjective with no
    proclitic but the article: "تعترف بنورلاندية الإقليم" is a noun after a preposition.
    Adjectives in a row ("the Norlandic-Valdorian talks") are all doers.
    """
    after, bare, definite = _nisba_forms(lang)
    nisbas = {
        r.first: r for r in view.mentions if r.entity and r.mention.kind is MentionKind.NISBA and r.proclitic in bare
    }
    by_last = {r.last: r for r in nisbas.values()}
    out: list[MentionRef] = []
    if not after:
        k = start - 1
        while k in by_last:
            out.insert(0, by_last[k])
            k = by_last[k].first - 1
            k -= k >= 0 and view.words[k] in ("-", "–")
        return out
    if pos != "noun" and not (definite and view.folded(start).startswith(definite)):
        return out  # a verb, not a noun with its article (القصف)
    k = end
    while k in nisbas:
        out.append(nisbas[k])
        k = nisbas[k].last + 1
        k += k < len(view.words) and view.words[k] in ("-", "–")
    return out


# Entities that are texts, not parties: what is done to one is done to the state it binds.
_PACTS = frozenset({EntityType.AGREEMENT, EntityType.LAW})


def _pact_parties(
    article: Article,
    lang: str,
    view: SentenceView,
    clause: list[int],
    t_start: int,
    code: str,
    actors: list[str],
    recipients: list[str],
    kinds: dict[str, EntityType],
) -> list[str]:
    """A pact or law chosen as the recipient gives way to the state its clause names.

    "Norland withdrew from Valdoria's border treaty", "انسحبت نورلاند من اتفاق فالدوريا": the
    withdrawal acts on Valdoria, the treaty is what binds it.  The state nearest the pact
    in the trigger's clause, not an actor nor an actor's state, takes its place; with none,
    the pact stays.  Frames whose recipient is what is joined or applied to (ACCEDE,
    CANDIDACY: ``frames.yaml: recipient_types``) keep it.
    """
    allowed = frame(code).recipient_types
    if allowed is not None and EntityType.AGREEMENT in allowed:
        return recipients
    pacts = [r for r in view.mentions if r.entity in recipients and kinds.get(r.entity) in _PACTS]
    if not pacts:
        return recipients
    data = events_data(lang)
    endings = tuple(normalize_key(e) for e in data.arguments.name_genitive_endings) if data else ()
    named = {
        normalize_key(article.span_text(article.mentions[i].head or article.mentions[i].span)): e.id
        for e in article.entities
        if e.type is EntityType.GPE
        for i in e.mentions
    }
    taken = set(actors) | {state_of(a) for a in actors}
    states = [
        r
        for r in view.mentions
        if r.entity
        and kinds.get(r.entity) is EntityType.GPE
        and clause[r.first] == clause[t_start]
        and r.entity not in taken
    ]
    out = list(recipients)
    for pact in pacts:
        # the pact's own name may hold its state ("Iran's nuclear deal", one mention)
        inner = [
            named[w]
            for k in range(pact.first, pact.last + 1)
            for f in view.forms[k]
            for w in (f, *(f.removesuffix(e) for e in endings if f.endswith(e)))
            if w in named
        ]
        near = sorted(states, key=lambda r: _distance(r.first, r.last + 1, pact.first, pact.last + 1))
        state = next((s for s in inner + [r.entity for r in near] if s and s not in taken), None)
        if state is not None:
            out = [state if r == pact.entity else r for r in out]
    return list(dict.fromkeys(out))


@cache
def _body_heads(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """One-word organisation nouns (``quotes.yaml: organisation_heads``) and the words that make them definite.

    Where the article is glued to the noun (الوزارة، המשרד) the listed forms carry it and no word is needed.
    """
    quotes, data = quotes_data(lang), events_data(lang)
    heads = frozenset(normalize_key(w) for w in (quotes.organisation_heads if quotes else []) if " " not in w.strip())
    definite = frozenset(normalize_key(w) for w in (data.arguments.definite_articles if data else []))
    return heads, definite


# Tokens before a trigger searched for "the ministry" as its subject.
_BODY_REACH = 4


def _delegation_parties(hits: list[EventHit], lang: str, kinds: dict[str, EntityType]) -> None:
    """A person heading a party's body acts for that party (``headed_by``).

    "وفد حركة النهضة برئاسة سمير حداد غادر": the delegation is the movement's, so when the person
    right after "headed by" is among an act's actors, the organisation or state named right before
    the word joins them.
    """
    words = arg_rules(lang).headed_by
    if not words:
        return
    for h in hits:
        view = h.view
        for r in view.mentions:
            if r.entity not in h.event.actors or r.first < 2 or view.folded(r.first - 1) not in words:
                continue
            body = [
                o.entity for o in view.mentions
                if o.last == r.first - 2 and o.entity and kinds.get(o.entity) in (EntityType.ORG, EntityType.GPE)
            ]
            for party in body:
                if party not in h.event.actors:
                    h.event.actors.append(party)
                h.event.recipients = [x for x in h.event.recipients if x != party]


def _body_actors(hits: list[EventHit], lang: str, kinds: dict[str, EntityType]) -> None:
    """An event with no actor whose subject is "the ministry" (الوزارة) is the ministry's told before.

    "The Norlandic Foreign Ministry said ... the ministry also called for talks": the
    definite organisation noun before the trigger, in its clause, stands for the latest
    earlier actor that is an organisation whose name holds that noun, and the event takes
    that event's actors (the organisation with its state).
    """
    heads, definite = _body_heads(lang)
    after_verb = arg_rules(lang).subject_after_verb
    for i, h in enumerate(hits):
        if h.event.actors or h.pronoun:
            continue
        view, lo = h.view, h.token_start
        # the subject stands before the verb, or right after it where verb-subject order is usual
        after = range(h.token_end, min(len(view.forms), h.token_end + _BODY_REACH)) if after_verb else range(0)
        noun = next(
            (
                set(view.forms[k]) & heads
                for k in [*range(lo - 1, max(-1, lo - 1 - _BODY_REACH), -1), *after]
                if view.clause[k] == view.clause[lo]
                and set(view.forms[k]) & heads
                and (not definite or (k > 0 and view.folded(k - 1) in definite))
            ),
            None,
        )
        if not noun:
            continue
        for p in reversed(hits[:i]):
            named = [
                r
                for r in p.view.mentions
                if r.entity in p.event.actors and kinds.get(r.entity) is EntityType.ORG
                and noun & {x for k in range(r.first, r.last + 1) for x in p.view.forms[k]}
            ]
            if named:
                h.event.actors = list(p.event.actors)
                h.event.recipients = [r for r in h.event.recipients if r not in h.event.actors]
                break


@cache
def _pair_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((w, True) for w in (data.arguments.pair_phrases if data else []))


def _says_pair(view: SentenceView, k: int, lang: str) -> bool:
    """Does a pair phrase ("both countries", שתי המדינות) start at word ``k``, not inside a name
    such as פתרון שתי המדינות, "the two-state solution" (``pair_phrase_not_after``)?"""
    if _pair_matcher(lang).match_at(view.forms, k) is None:
        return False
    return not (k > 0 and arg_rules(lang).pair_phrase_not_after.intersection(view.forms[k - 1]))


def _coordinated_subjects(
    hits: list[EventHit], coordinators: frozenset[str], verb_first: bool, contrasts: frozenset[str] = frozenset()
) -> None:
    """A verb joined by "and" to the verb before it shares that verb's subject.

    "X recalled its ambassador from Y and suspended all trade", "استدعت X سفيرها من Y وعلقت التجارة":
    the suspending is X's; the model may take Y, the first verb's object, or nobody.  Only when the
    second verb names no subject of its own after it (VSO: "وعلقت الحكومة ...") and every party it
    took as doer stands between the two verbs; those parties become whom it is done to when it names
    nobody else. A contrast joins them too (``contrasts``: "X praised the plan but rejected ...").
    """
    clitics = _and_clitics(coordinators)
    words = frozenset(c for c in coordinators if c.isalpha() and len(c) > 1) | contrasts
    for i, h in enumerate(hits):
        view, k = h.view, h.token_start
        # the nearest verb before it in its sentence (a noun act between, "the truce", is the first verb's object)
        prev = next((p for p in reversed(hits[:i]) if p.view is view and p.pos == "verb"), None)
        if prev is None or h.pos != "verb" or h.subject != "actor" or prev.subject != "actor":
            continue
        word = view.words[k]
        joined = (k > 0 and view.folded(k - 1) in words) or (
            bool(clitics) and word.startswith(clitics) and len(word) > 3 and len(view.forms[k]) > 1
        )
        if not joined or not prev.event.actors or any(a.first >= k for a in prev.args.actors):
            continue
        if any(a.first >= h.token_end for a in h.args.actors):
            continue  # a subject of its own after it
        if h.args.actors and all(a.first < prev.token_start for a in h.args.actors):
            h.shares_subject = True  # the model gave it the subject before both verbs already
            continue
        if verb_first and any(h.token_end <= r.first <= h.token_end + 1 for r in h.args.actors + h.args.recipients):
            continue  # "وعلقت الحكومة الأردنية ...": a verb-first language names the new subject right after
        taken = [a for a in h.event.actors if a not in prev.event.actors]
        h.event.actors = list(prev.event.actors)
        rest = [r for r in h.event.recipients if r not in h.event.actors]
        h.event.recipients = rest or taken
        h.shares_subject = True


# Words a "between" may stand after its act ("a ceasefire deal between", "the peace treaty between")
_BETWEEN_REACH = 2


def _between_parties(hits: list[EventHit], lang: str) -> None:
    """The pair after "between" is the act's parties when nobody before the act does it.

    "A ceasefire between X and Y", "relations between X and Y", "הסכם שלום בין X ל-Y": both
    are its actors, not one the doer and the other the one it is done to.  An actor named
    before the act keeps its part ("Z brokered a ceasefire between X and Y"), and so does a
    host before it, as the one the talks are hosted by.
    """
    for h in hits:
        view, end = h.view, h.token_end
        if not any(_between_at(view, k, lang) for k in range(end, min(len(view.words), end + _BETWEEN_REACH + 1))):
            continue
        refs = h.args.actors + h.args.recipients
        if any(r.first < h.token_start for r in h.args.actors):
            continue
        after = {r.entity for r in refs if r.entity and r.first >= end}
        if len(after) < 2:
            continue
        before = {r.entity for r in refs if r.entity and r.first < h.token_start}
        parties = list(dict.fromkeys(h.event.actors + h.event.recipients))
        h.event.actors = [p for p in parties if p not in before]
        h.event.recipients = [p for p in parties if p in before]


def _pair_actors(hits: list[EventHit], lang: str, states: set[str]) -> None:
    """An event with no actor whose clause says "both countries" (البلدين) is the last pair's.

    "Norland and Valdoria agreed to restore ties ... the foreign ministers of both nations will
    meet next month": the meeting's actors are the two states of the latest earlier event
    whose parties are two states and no more, in this sentence or before.
    """
    pairs = _pair_matcher(lang)
    if not pairs:
        return
    last: list[str] | None = None
    for h in hits:
        if not h.event.actors and last is not None:
            view, clause = h.view, h.view.clause[h.token_start]
            said = any(clause == view.clause[k] and _says_pair(view, k, lang) for k in range(len(view.forms)))
            if said:
                h.event.actors = list(last)
                h.event.recipients = [r for r in h.event.recipients if r not in last]
        parties = [p for p in h.event.actors + h.event.recipients if p in states]
        if len(set(parties)) == 2:
            last = list(dict.fromkeys(parties))


@cache
def _stipulation_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((w, True) for w in (data.arguments.stipulating_verbs if data else []))


def _stipulated_acts(hits: list[EventHit], lang: str) -> None:
    """An act an agreement lays down is its parties' commitment (``stipulating_verbs``).

    "Norland and Valdoria signed a pact ... the pact provides for a permanent ceasefire and includes
    clauses on trade cooperation" (ينص الاتفاق على ...، ويتضمن بنودا للتعاون): the ceasefire and the
    cooperation are the signatories' acts, planned, whatever party the model found near the word:
    the parties of the latest earlier agreeing with actors, in this sentence or before. Only in the
    verb's own clause ("..., while Valdoria attacked" is no commitment); not an agreeing itself,
    which the verb restates, and nothing with no earlier agreeing.
    """
    verbs = _stipulation_matcher(lang)
    if not verbs:
        return
    parties: list[str] | None = None
    for h in hits:
        if rollup(h.event.type) == "AGREE":
            if h.event.actors:
                parties = list(h.event.actors)
            continue
        if parties is None:
            continue
        view, clause = h.view, h.view.clause[h.token_start]
        laid_down = any(
            view.clause[k] == clause and verbs.match_at(view.forms, k) is not None for k in range(h.token_start)
        )
        if not laid_down:
            continue
        h.event.actors = list(parties)
        h.event.recipients = [r for r in h.event.recipients if r not in parties]
        if h.event.status is EventStatus.OCCURRED:
            h.event.status = EventStatus.PLANNED


def _shared_recipients(hits: list[EventHit]) -> None:
    """A trigger that names no recipient takes one from a later trigger of its type in its sentence.

    One sentence often tells one act twice, the target named only the second
    time: "protesters marched ... chanting against the government", خرج
    المتظاهرون ... احتجاجا على الحكومة. The later trigger must agree on the
    status and name no actor the first does not, and its recipient must not
    be the first one's actor.
    """
    for i, h in enumerate(hits):
        if h.event.recipients or h.args.recipients:
            continue
        root = rollup(h.event.type)
        for later in hits[i + 1 :]:
            if later.sentence != h.sentence or later.token_start <= h.token_start:
                continue
            if rollup(later.event.type) != root or later.event.status is not h.event.status:
                continue
            if not later.args.recipients or not set(later.event.actors) <= set(h.event.actors):
                continue
            if set(later.event.recipients) & set(h.event.actors):
                continue
            h.args.recipients = list(later.args.recipients)
            h.event.recipients = list(later.event.recipients)
            break


@cache
def _circumstantial_prefixes(lang: str) -> tuple[str, ...]:
    data = events_data(lang)
    return tuple(normalize_key(p) for p in data.arguments.circumstantial_prefixes) if data else ()


def _circumstantial_actors(hits: list[EventHit], lang: str) -> None:
    """A participle right after a comma with no doer of its own takes the previous act's doer.

    "ترتكب X ... إبادة، متجاهلة النداءات" (X commits ..., ignoring the calls): the
    circumstantial participle has no subject of its own; it is the subject of the act
    before it in the sentence.
    """
    prefixes = _circumstantial_prefixes(lang)
    if not prefixes:
        return
    for i, h in enumerate(hits):
        if h.event.actors or h.pronoun or h.token_start == 0:
            continue
        if h.view.words[h.token_start - 1] not in (",", "،") or not h.view.folded(h.token_start).startswith(prefixes):
            continue
        before = [p for p in hits[:i] if p.sentence == h.sentence and p.token_start < h.token_start and p.event.actors]
        if before:
            h.event.actors = list(before[-1].event.actors)
            h.event.recipients = [r for r in h.event.recipients if r not in h.event.actors]


def _genitive_actors(hits: list[EventHit], lang: str, present: set[str]) -> None:
    """A joining noun's actor is the party it is of: "انضمامها", "the accession of X" (events/genitive.py)."""
    for h in hits:
        if h.pos != "noun" or not frame(h.event.type).genitive_actor:
            continue
        who = genitive_actor(h.view, h.token_start, h.token_end, h.event.type, lang)
        if who is not None:
            h.event.actors = with_states([who], present)
            h.event.recipients = [r for r in h.event.recipients if r not in h.event.actors]


def _possessor_actors(hits: list[EventHit], lang: str, present: set[str]) -> None:
    """An act owned by a possessive name is that party's: "Norland's strikes on Valdoria" (events/genitive.py).

    A party the model took as the doer after the trigger ("on Valdoria") is the one acted on.
    """
    for h in hits:
        who = possessor_actor(h.view, h.token_start, h.token_end, h.event.type, lang)
        if who is None or who.entity is None:
            continue
        moved = [a for a in h.args.actors if a.first >= h.token_end and a.entity != who.entity]
        h.args.actors = [who]
        h.args.recipients = [r for r in h.args.recipients if r.entity != who.entity] + moved
        h.event.actors = with_states([who.entity], present)
        recipients = h.event.recipients + [a.entity for a in moved if a.entity]
        h.event.recipients = list(dict.fromkeys(r for r in recipients if r not in h.event.actors))


def host_of(place: str, present: set[str]) -> str | None:
    """The state a place lies in (a country is its own), when it is one of the article's entities."""
    if place.startswith("country:"):
        return place if place in present else None
    record = load_kb().get(place)
    state = f"country:{record.country}" if record is not None and record.country else None
    return state if state in present else None


def _status(
    view: SentenceView,
    cues: list[Match[StatusCue]],
    srules: StatusRules | None,
    plain: list[tuple[str, ...]],
    matcher: PhraseMatcher[TriggerGroup | None],
    m: Match[TriggerGroup],
) -> EventStatus:
    inherent = EventStatus.PLANNED if m.payload.tense == "future" else None
    if matcher.match_at(plain, m.start) is None:
        inherent = EventStatus.PLANNED  # matched only without a glued future particle
    kind = frame(rollup(m.payload.type))
    if kind.talks_itself:
        cues = [c for c in cues if c.payload.status is not EventStatus.TALKS]
    if kind.said:
        cues = [c for c in cues if not c.payload.rebuts]
        # a saying is done when told: talks named in another clause ("while X weighs the reply,
        # its office said that X demands ...") are not talks about it
        cues = [c for c in cues if not _talks_elsewhere(c, view, m)]
    return detect_status(view, cues, srules, m.start, m.end, inherent)


def _talks_elsewhere(cue: Match[StatusCue], view: SentenceView, m: Match[TriggerGroup]) -> bool:
    """A sentence-wide talks cue outside the clause of the trigger at ``m``."""
    spec = cue.payload
    if spec.status is not EventStatus.TALKS or spec.scope != "sentence":
        return False
    return view.clause[min(cue.start, len(view.clause) - 1)] != view.clause[m.start]


def _resolve_pronouns(article: Article, hits: list[EventHit], present: set[str], objects: frozenset[str]) -> None:
    """A pronoun subject's event takes the story's protagonist (events/pronouns.py)."""
    if not any(h.pronoun for h in hits):
        return
    is_person = {e.id: e.type is EntityType.PERSON for e in article.entities}
    tellings = [
        Telling(
            h.sentence,
            h.event.actors,
            h.pronoun,
            person_before(h.view, h.token_start, is_person, objects) if h.pronoun else None,
        )
        for h in hits
    ]
    for h, ref in zip(hits, antecedents(tellings, is_person), strict=True):
        if ref is not None and h.pronoun != PERSON:
            ref = state_of(ref) if is_person.get(ref, False) else ref  # a title's state is one already
            ref = ref if ref in present else None
        if ref is not None and h.subject == "recipient":  # the pronoun received what the actor did
            h.event.recipients = [r for r in with_states([ref], present) if r not in h.event.actors]
        elif ref is not None:
            h.event.actors = with_states([ref], present)
            h.event.recipients = [r for r in h.event.recipients if r not in h.event.actors]


def _from_party(ctx: Context, view: SentenceView, end: int) -> MentionRef | None:
    """The sender after a receiving verb: the party marked *from* (من، מ-، from) or *by*
    (من جانب، من قبل: "لم يتبلغ رسالة من جانب X", told nothing by X).

    A title often comes first ("from the Israeli prime minister Benjamin Netanyahu",
    "from US President Donald Trump"): the person named right after it, with no marker
    of its own, is the sender, and the title's state follows through its affiliation.
    """
    found: list[MentionRef] = []
    for r in view.mentions:  # in text order
        if not r.entity or r.first < end or ctx.clause[r.first] != ctx.clause[end - 1]:
            continue
        marker = marker_of(ctx, r)[0]
        if not found:
            if marker in ("from", "by"):
                found.append(r)
        elif r.first <= found[-1].last + 3 and marker in ("from", "-"):
            found.append(r)
        else:
            break
    persons = [r for r in found if r.mention.type is EntityType.PERSON]
    return persons[0] if persons else (found[0] if found else None)


def _evidence(view: SentenceView, clause: list[int], t_start: int) -> Span:
    """The trigger's clause, without the punctuation at its edges."""
    lo, hi = bounds(clause, t_start)
    lo, hi = trimmed(view, lo, hi)
    return view.token_span(lo, hi)


def _parties(
    article: Article, refs: list[MentionRef], present: set[str], titled: dict[str, list[str]] | None = None
) -> list[str]:
    """Entity and described ids of ``refs``, each followed by the state it acts for or belongs to.

    ``titled`` lists, per person, the bodies and states named in the title phrase before
    the name (``events.apposition``): they follow the person.
    """
    ids = with_affiliates(_ids(refs), titled, present) if titled else _ids(refs)
    return with_affiliations(with_states(ids, present), article, present)


def _ids(refs: list[MentionRef]) -> list[str]:
    out: list[str] = []
    for r in refs:
        if r.entity and r.entity not in out:
            out.append(r.entity)
    return out


def merge(
    events: list[Event],
    sentences: list[Span] | None = None,
    headlines: frozenset[Span] = frozenset(),
    proposed: frozenset[int] = frozenset(),
) -> list[Event]:
    """One fact told twice is one event with two evidence spans.

    A later hit is a restatement of an earlier event of the same type and
    status when it names no party the earlier one lacks, each in the same role
    (for a symmetric frame such as talks either may be named first), so "Iran
    held talks with Oman ... Oman said the talks with Iran were useful" is one
    CONSULT, while "... he met Dunmore" after "the envoy landed in Amman" is
    another: it tells something new, and so is a hit dated otherwise.  A hit with no parties at all
    ("the talks", "the visit") is the nearest earlier event of its type and
    status that has parties; two party-less hits merge only inside one
    sentence (an argument-less "protest" in two sentences may be two protests).
    A person or office whose state is a party of the earlier event adds no party when
    that event names no other person of the state (``_known``): "Iran held talks with
    the US ... Araghchi met Witkoff" is one CONSULT, and the persons join the merged
    event beside their states; otherwise the merged event keeps the first telling's
    parties.  ``sentences`` gives each event's sentence span
    (without it, an event's first evidence span stands for its sentence).

    A headline (``headlines``: sentences told as a title line) sums up what the body tells:
    an act it tells with no recipient ("Valdoria accepts proposal") is the body's telling of it
    with the same doers, type and status that names one ("Valdoria accepted a new Norlandic
    proposal"), which lends it its recipients.
    """
    out: list[Event] = []
    where: dict[int, Span] = {}
    for k, ev in enumerate(events):
        where[id(ev)] = sentences[k] if sentences is not None else ev.evidence[0]
        prior = _restated(out, ev, where) or _headline_told(out, ev, where, headlines, k in proposed)
        if prior is None:
            out.append(ev)
            continue
        if not prior.recipients and (where[id(prior)] in headlines or k in proposed):
            prior.recipients = [r for r in ev.recipients if r not in prior.actors]
        for sp in ev.evidence:
            if sp not in prior.evidence:
                prior.evidence.append(sp)
        prior.date = prior.date or ev.date
        prior.place = prior.place or ev.place
        told = _states_told(ev)
        for role, ids in ((prior.actors, ev.actors), (prior.recipients, ev.recipients)):
            for i in ids:  # "Iran ... its foreign minister Araghchi": the person joins before his state
                state = state_of(i) or told.get(i)
                if i not in prior.actors + prior.recipients and state is not None and state in role:
                    role.insert(role.index(state), i)
    return out


def _headline_told(
    prior: list[Event], ev: Event, where: dict[int, Span], headlines: frozenset[Span], proposed: bool = False
) -> Event | None:
    """The headline event ``ev`` tells again with a recipient: same type and status, the same
    doers (or persons acting for them), no recipient in the headline, none other dated."""
    if not ev.actors or not ev.recipients or where[id(ev)] in headlines:
        return None
    for p in prior:
        # an acceptance told first with the proposal's authors unnamed ("agreed to the outline the
        # mediators proposed"), then with them named as its agent ("... presented to it by X and Y")
        if (where[id(p)] not in headlines and not proposed) or p.recipients or not p.actors:
            continue
        if p.type == ev.type and p.status is ev.status and not _dated_otherwise(p, ev) and _known(ev.actors, set(p.actors)):
            return p
    return None


def _dated_otherwise(a: Event, b: Event) -> bool:
    """Are the two told with different resolved dates (two occurrences, not one told twice)?"""
    return bool(a.date and b.date and a.date.value and b.date.value and a.date.value != b.date.value)


def _known(ids: list[str], parties: set[str], told: dict[str, str] | None = None) -> bool:
    """Is each of ``ids`` one of ``parties``, or the person or office acting for one of them?

    "Iran and Oman held talks ... Qasem met Harthy": a person whose state is a
    party adds no party, unless the earlier telling already names another person of
    that state ("Holloway met Dunmore ... he later met Varga": another meeting).
    ``told`` gives the states of persons the knowledge base does not hold (``_states_told``).
    """
    told = told or {}

    def stands_for(i: str) -> bool:
        state = state_of(i) or told.get(i)
        return state in parties and not any(state_of(q) == state for q in parties)

    return all(i in parties or stands_for(i) for i in ids)


# Ids of parties found in the article only (no knowledge-base record): "then-Norlandic Foreign
# Minister Ulf Osk" when Osk is known to no list
_LOCAL = "local:"


def _states_told(ev: Event) -> dict[str, str]:
    """The state the event itself lists right after a party found in the article only, in one role.

    A title gives an unknown person his state ("then-Norlandic Foreign Minister Ulf Osk": actors
    ``local:…``, ``country:NL``), as the knowledge base gives a known one (``state_of``).
    """
    out: dict[str, str] = {}
    for role in (ev.actors, ev.recipients):
        for i, j in zip(role, role[1:], strict=False):
            if i.startswith(_LOCAL) and j.startswith("country:"):
                out[i] = j
    return out


def _restated(prior: list[Event], ev: Event, where: dict[int, Span]) -> Event | None:
    """The earlier event ``ev`` restates, if any (the latest one that fits)."""
    bare = not ev.actors and not ev.recipients
    told = _states_told(ev)
    for p in reversed(prior):
        if p.type != ev.type or p.status is not ev.status:
            continue
        if _dated_otherwise(p, ev):
            continue  # told with another date: another occurrence ("last month it restricted exports")
        if bare:
            if p.actors or p.recipients or where[id(p)] == where[id(ev)]:
                return p
            continue
        parties = set(p.actors + p.recipients)
        if not parties or not _known(ev.actors + ev.recipients, parties, told):
            continue  # a hit naming a party the earlier event lacks tells something new
        # talks, agreements, cooperation: who is named first does not make two events
        if frame(ev.type).symmetric or (
            _known(ev.actors, set(p.actors), told) and _known(ev.recipients, set(p.recipients), told)
        ):
            return p
    return None


# Tokens between a trigger of speech and the act it names ("demanded the immediate release"):
# the object's opening words, no further ("demanded ... and withdrew its envoy" is an act of its own).
CONTENT_REACH = 3


def without_inner_mentions(hits: list[EventHit]) -> list[EventHit]:
    """Drop a party-less hit that names the act another event of its clause is about.

    "Israel and Iran discussed the lifting of sanctions", "Israel demanded the release of
    the prisoners": a trigger word after the trigger of talks, a demand, an accusation,
    a threat, a refusal or an agreement (``frames.yaml: about_acts``) in its clause,
    naming no party of its own, is that event's topic, not an event of its own.  It
    stays when it names parties of its own (``merge`` decides whether it restates an
    earlier event), when the event before it names none, and after events of other
    frames ("the implementation of these sanctions was suspended": the suspension is
    an event, not the sanctions' topic).  What an accused party is accused of ("Valdoria
    was blamed for attacks", "accused Valdoria of attacking Ostmark") is dropped too, even
    with its party: its actors are all the accusation's recipients and it names no target
    beyond the accusation's parties ("condemned the Norlandic shelling of Valdoria" keeps
    the shelling).
    """

    def partyless(h: EventHit) -> bool:
        return not h.event.actors and not h.event.recipients

    def accused(h: EventHit) -> bool:
        # "X was blamed for attacks", "Y accused X of attacking Z": what X is accused of is the
        # accusation's content, told by it, not an act the text reports as done
        # an act told with a target of its own ("condemned the Norlandic shelling of Valdoria") stands as told
        return bool(h.event.actors) and any(
            p.sentence == h.sentence
            and p.token_start < h.token_start
            and p.event.evidence[0] == h.event.evidence[0]
            and rollup(p.event.type) == "ACCUSE"
            and set(h.event.actors) <= set(p.event.recipients)
            and set(h.event.recipients) <= set(p.event.actors + p.event.recipients)
            for p in hits
        )

    def spoken(h: EventHit) -> bool:
        # "Norland demanded the release", "ישראל דורשת את שחרור": the act a demand, threat or accusation
        # names right after its trigger is its content, though the model gave it the speaker as
        # subject; the speaker is not its doer.  A second act of speech ("condemned ... and demanded")
        # stays, and so does an act with a party beyond the speech's own.
        return bool(h.event.actors) and not frame(rollup(h.event.type)).about_acts and any(
            p.sentence == h.sentence
            and p.token_end <= h.token_start <= p.token_end + CONTENT_REACH
            and p.event.evidence[0] == h.event.evidence[0]
            # the PLOVER codes themselves: a precondition's act (REQUEST by roll-up) is the act it conditions
            and frame(p.event.type).said
            and set(h.event.actors) <= set(p.event.actors)
            and set(h.event.recipients) <= set(p.event.actors + p.event.recipients)
            for p in hits
        )

    def inner(h: EventHit) -> bool:
        if accused(h) or spoken(h):
            return True
        return partyless(h) and any(
            p.sentence == h.sentence
            and p.token_start < h.token_start
            and p.event.evidence[0] == h.event.evidence[0]  # the same clause
            and not partyless(p)
            and (frame(p.event.type).about_acts or frame(rollup(p.event.type)).about_acts)
            for p in hits
        )

    return [h for h in hits if not inner(h)]


@cache
def _relative_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((normalize_key(w), True) for w in (data.relative_pronouns if data else []))


@cache
def _unless_reported(lang: str) -> tuple[PhraseMatcher[bool], frozenset[str]]:
    """Words that open a relative clause unless a verb of saying stands before them, and those verbs."""
    data = events_data(lang)
    quotes = quotes_data(lang)
    words = data.relative_unless_reported if data else []
    verbs = frozenset(normalize_key(v) for v in (quotes.reporting_verbs if quotes else []))
    return PhraseMatcher((normalize_key(w), True) for w in words), verbs


@cache
def _resumptive_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((normalize_key(w), True) for w in (data.resumptive_pronouns if data else []))


def _after_resumptive(h: EventHit, lang: str) -> bool:
    """Does a resumptive pronoun stand right before the hit's verb trigger (ההצהרה עליה חתמו)?

    The pronoun after a noun opens a relative clause with no relative pronoun; after the
    verb it is the verb's object ("חתמו עליה", "they signed it"), so only the word right
    before the trigger counts.
    """
    k = h.token_start - 1
    return h.pos == "verb" and k > 0 and _resumptive_matcher(lang).match_at(h.view.forms, k) is not None


def _opens_relative(h: EventHit, lang: str) -> bool:
    """Is the hit's clause (its evidence) opened by a relative pronoun, or its verb by a resumptive one?"""
    if _after_resumptive(h, lang):
        return True
    start = h.event.evidence[0].start
    first = next((k for k, t in enumerate(h.view.tokens) if t.start >= start), None)
    if first is None:
        return False
    if _relative_matcher(lang).match_at(h.view.forms, first) is not None:
        return True
    ambiguous, verbs = _unless_reported(lang)
    if ambiguous.match_at(h.view.forms, first) is None:
        return False
    return first > 0 and not (set(h.view.forms[first - 1]) & verbs)


def _fold_into(prior: EventHit, h: EventHit) -> None:
    """``h`` restates ``prior``: its evidence becomes ``prior``'s next span (no span twice)."""
    prior.event.evidence += [sp for sp in h.event.evidence if sp not in prior.event.evidence]


def restated_in_relative(hits: list[EventHit], lang: str) -> list[EventHit]:
    """Fold a hit told in a relative clause into the event it describes.

    "the peace agreement, which was signed in the presence of ...", "الاتفاق الذي تم
    توقيعه بحضور ...": a relative clause tells about something the sentence or the
    article has already told, so its trigger restates the latest earlier event of its
    type and status (in its own sentence or before), whatever parties the clause names
    (they are often the ones present, not the doers).  The hit's clause becomes that
    event's second evidence span.  With no such earlier event it stays an event.
    """
    kept: list[EventHit] = []
    for h in hits:
        if _opens_relative(h, lang):
            prior = next(
                (
                    p
                    for p in reversed(kept)
                    if p.event.type == h.event.type and p.event.status is h.event.status and p.sentence <= h.sentence
                ),
                None,
            )
            if prior is not None:
                _fold_into(prior, h)
                continue
        kept.append(h)
    return kept


@cache
def _demonstratives(lang: str) -> tuple[PhraseMatcher[bool], PhraseMatcher[bool], int, tuple[str, ...]]:
    """The language's demonstratives before and after a noun, their reach, and the noun's articles.

    A verb of referring ("referred to", התייחס ל) points at its object as a demonstrative
    before the noun does, and so does a time anchor ("as the talks opened", עם פתיחת
    השיחות), so the language's ``reference_verbs`` and ``time_anchors`` join
    ``demonstratives_before``.
    """
    data = events_data(lang)
    before = (data.demonstratives_before + data.reference_verbs + data.time_anchors) if data else []
    after = data.demonstratives_after if data else []
    reach = data.demonstrative_reach if data else 1
    articles = tuple(normalize_key(a) for a in (data.demonstrative_articles if data else []))
    return (
        PhraseMatcher((normalize_key(w), True) for w in before),
        PhraseMatcher((normalize_key(w), True) for w in after),
        reach,
        articles,
    )


@cache
def _complementizers(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's complementizers and verbs of saying (``quotes.yaml``)."""
    quotes = quotes_data(lang)
    words = quotes.complementizers if quotes else []
    verbs = quotes.reporting_verbs if quotes else []
    return frozenset(normalize_key(w) for w in words), frozenset(normalize_key(v) for v in verbs)


def _in_reach(view: SentenceView, k: int, breaks: frozenset[str], named: set[int]) -> bool:
    """May token ``k`` stand between a demonstrative and its noun (a word, not a break nor a name)?"""
    return view.words[k] not in breaks and any(map(str.isalnum, view.words[k])) and k not in named


def points_back(h: EventHit, lang: str) -> bool:
    """Is the hit's trigger a noun a demonstrative points at ("this agreement", ההסכם הזה)?"""
    before, after, reach, articles = _demonstratives(lang)
    view, breaks = h.view, clause_rules(lang).breaks
    if articles and not any(f.startswith(articles) for f in view.forms[h.token_start]):
        return False  # "وهذا يعني": a demonstrative before a verb is its subject
    named = {k for r in view.mentions for k in range(r.first, r.last + 1)}
    complementizers, verbs = _complementizers(lang)
    for k in range(h.token_start - 1, max(-1, h.token_start - 1 - reach), -1):
        m = before.match_at(view.forms, k)
        # the phrase ends on a word already passed (a time anchor may take two words: עם פתיחת)
        if m is not None and k < m.end <= h.token_start:
            # "said that talks resumed": a complementizer, not a demonstrative
            return not (set(view.forms[k]) & complementizers and k > 0 and set(view.forms[k - 1]) & verbs)
        if not _in_reach(view, k, breaks, named):
            break
    for k in range(h.token_end, min(len(view.words), h.token_end + reach)):
        if after.match_at(view.forms, k) is not None:
            return True
        if not _in_reach(view, k, breaks, named):
            break
    return False


def restated_by_demonstrative(hits: list[EventHit], lang: str) -> list[EventHit]:
    """Fold a trigger a demonstrative points at into the event it restates.

    "This agreement", "هذه الاتفاقية", "ההסכם הזה" refer to an agreement the article has
    already told, so the trigger is not a new event, whatever parties or status its
    clause names (often those present, not the doers): it joins the latest earlier event of its type and
    status not told with another date, and its clause becomes that event's next evidence
    span.  With no such event it stays an event: the demonstrative may point at an act
    told with another word, and "the last visit ... was in 1994" after "to visit" is
    another visit.
    """
    kept: list[EventHit] = []
    for h in hits:
        if points_back(h, lang):
            earlier = [
                p
                for p in kept
                if p.event.type == h.event.type and p.sentence <= h.sentence and not _dated_otherwise(p.event, h.event)
            ]
            same = [p for p in earlier if p.event.status is h.event.status]
            prior = same[-1] if same else None
            if prior is not None:
                _fold_into(prior, h)
                continue
        kept.append(h)
    return kept


@cache
def _reference_predicates(lang: str) -> tuple[PhraseMatcher[bool], int]:
    """The language's copular and evaluative predicates (``status.yaml``) and their reach."""
    data = status_data(lang)
    words = data.reference_predicates if data else []
    return PhraseMatcher((normalize_key(w), True) for w in words), (data.reference_reach if data else 1)


def refers_to_act(h: EventHit, lang: str, triggers: set[int]) -> bool:
    """Is the hit's noun trigger the subject of a copular or evaluative predicate?

    "الانضمام إلى الاتفاقيات يمثل امتدادا", "ההצטרפות להסכמים מהווה צעד", "the accession
    represents a shift": a predicate after the noun, in its clause, within the reach and
    with no other trigger between, says what the act is, not that it happened.
    ``triggers`` holds the token indices of the sentence's triggers.
    """
    if h.pos != "noun":
        return False
    predicates, reach = _reference_predicates(lang)
    view = h.view
    inner = {k for r in view.mentions for k in range(r.first + 1, r.last + 1)}  # a name counts as one word
    k, words = h.token_end, 0
    while k < len(view.words) and words < reach:
        if view.clause[k] != view.clause[h.token_start] or k in triggers:
            return False
        if predicates.match_at(view.forms, k) is not None:
            return True
        words += k not in inner
        k += 1
    return False


def is_evaluation(h: EventHit, lang: str, triggers: set[int]) -> bool:
    """Is the hit's noun trigger the complement of a copular or evaluative predicate?

    "the deal represents a major victory", "ويعد الاتفاق خطوة نحو التطبيع", "הפסגה מהווה צעד
    לקראת נרמול": a predicate before the noun, in its clause, within the reach and with no
    other trigger between, says what its subject is; the noun names no act of its own.
    """
    if h.pos != "noun":
        return False
    predicates, _ = _reference_predicates(lang)
    data = status_data(lang)
    reach = data.complement_reach if data else 1
    view = h.view
    for k in range(h.token_start - 1, max(-1, h.token_start - 1 - reach), -1):
        if view.clause[k] != view.clause[h.token_start] or k in triggers:
            return False
        if predicates.match_at(view.forms, k) is not None:
            return True
    return False


def without_evaluations(hits: list[EventHit], lang: str) -> list[EventHit]:
    """Drop noun triggers that only say what something is (``is_evaluation``)."""
    triggers: dict[int, set[int]] = {}
    for h in hits:
        triggers.setdefault(h.sentence, set()).update(range(h.token_start, h.token_end))
    return [h for h in hits if not is_evaluation(h, lang, triggers[h.sentence])]


def restated_by_noun(hits: list[EventHit], lang: str) -> list[EventHit]:
    """Fold an uncued noun trigger into the earlier event it names; mark a bare reference.

    A noun trigger with no status cue of its own ("الانضمام", "the accession") that
    names no party an earlier event of its type lacks, or none at all, refers to that
    event: it takes the event's status by joining it (the latest such event, in its
    sentence or before, not told with another date), and its clause becomes the event's
    next evidence span.  "Kazakhstan announced its intention to join ... the government
    said joining represents an extension of its policy" is one planned accession, not a
    planned one and an occurred one.  A noun naming a party the earlier event lacks
    tells another act and stays.  A noun that is the subject of a copular or
    evaluative predicate (``refers_to_act``) with no earlier event to join stays
    hypothetical: it says what the act is, not that it happened.
    """
    triggers: dict[int, set[int]] = {}
    for h in hits:
        triggers.setdefault(h.sentence, set()).update(range(h.token_start, h.token_end))
    kept: list[EventHit] = []
    for h in hits:
        if h.pos != "noun" or h.event.status is not EventStatus.OCCURRED:
            kept.append(h)
            continue
        reference = refers_to_act(h, lang, triggers[h.sentence])
        parties = h.event.actors + h.event.recipients
        prior = next(
            (
                p
                for p in reversed(kept)
                if p.event.type == h.event.type
                and p.sentence <= h.sentence
                and not _dated_otherwise(p.event, h.event)
                and (not parties or _known(parties, set(p.event.actors + p.event.recipients)))
            ),
            None,
        )
        if prior is not None:
            _fold_into(prior, h)
            continue
        if reference:
            h.event.status = EventStatus.HYPOTHETICAL
        kept.append(h)
    return kept


# A heading or caption line: this many words at most and no sentence-final mark.
FRAGMENT_WORDS = 6
_SENTENCE_ENDS = frozenset({".", "!", "?", "؟", "…", "״", '"', "”", "»"})


def is_fragment(view: SentenceView) -> bool:
    """Is the sentence a heading-like fragment ("مناورات ورسائل", "Restoring ties")?"""
    words = [w for w in view.words if any(map(str.isalnum, w))]
    return len(words) <= FRAGMENT_WORDS and bool(view.words) and view.words[-1] not in _SENTENCE_ENDS


def without_bare_fragments(hits: list[EventHit]) -> list[EventHit]:
    """Drop a party-less trigger in a heading-like fragment when the article tells its type with parties.

    A subheading ("قطع العلاقات", "Restoring ties", "הסכם השלום") names the topic of the
    paragraphs under it, whose sentences tell the event with its parties; the heading
    itself is no event of its own.  ``merge`` would fold it into an earlier event of its
    type and status only; the heading usually comes first and carries no status cue.  A
    fragment trigger with a party, or one whose type the article tells nowhere with
    parties, stays.
    """

    def bare(h: EventHit) -> bool:
        return not h.event.actors and not h.event.recipients

    told = {h.event.type for h in hits if not bare(h)}
    return [h for h in hits if not (bare(h) and h.event.type in told and is_fragment(h.view))]


def controlled_subjects(hits: list[EventHit], lang: str) -> list[EventHit]:
    """An act told as the infinitive right after another act's verb shares its doer when it names none.

    "Washington refused to lift sanctions on Iran", "Norland agreed to open an embassy": who
    refuses or agrees to do something is who would do it. Not after a demand or praise
    (``frames.yaml: others_act``: "urged Israel to allow aid" is Israel's act, see events/borrowed.py),
    and not when the act has a subject of its own.
    """
    markers = arg_rules(lang).infinitive_markers
    if not markers:
        return hits
    for prev, h in zip(hits, hits[1:], strict=False):
        if (
            not h.event.actors
            and h.pos == "verb"
            and h.subject == "actor"
            and prev.view is h.view
            and prev.token_end == h.token_start - 1
            and h.view.folded(prev.token_end) in markers
            and prev.event.actors
            and not frame(rollup(prev.event.type)).others_act
            and not frame(prev.event.type).others_act
        ):
            h.event.actors = [a for a in prev.event.actors if a not in h.event.recipients]
    return hits


def extract_events(article: Article, lang: str, arguments: ArgumentMode = "learned") -> list[Event]:
    hits = controlled_subjects(find_hits(article, lang, arguments), lang)
    hits = without_restated_objects(without_borrowed_doers(hits), lang)
    hits = restated_in_relative(without_inner_mentions(hits), lang)
    hits = without_evaluations(hits, lang)
    hits = without_bare_fragments(restated_by_noun(restated_by_demonstrative(hits, lang), lang))
    spans = [h.view.span for h in hits]
    proposed = frozenset(k for k, h in enumerate(hits) if h.args.proposers)
    return assign_event_ids(article.id, merge([h.event for h in hits], spans, headlines(article, spans), proposed))


# Marks that end a sentence of running text; a title line ends with none of them
_SENTENCE_ENDS = frozenset('.!?:;"\'”’»)…')


def headlines(article: Article, spans: list[Span]) -> frozenset[Span]:
    """The sentences among ``spans`` told as title lines: alone on their line, with no mark that
    ends a sentence of running text, and before the first sentence that ends with one (the body)."""
    text = article.text
    body = next(
        (sp.start for sp in article.sentences if text[sp.start:sp.end].rstrip()[-1:] in _SENTENCE_ENDS),
        len(text),
    )

    def title(sp: Span) -> bool:
        before, after = text[: sp.start].rstrip(" \t"), text[sp.end :].lstrip(" \t")
        alone = (not before or before.endswith("\n")) and (not after or after.startswith("\n"))
        return alone and sp.end <= body and text[sp.start : sp.end].rstrip()[-1:] not in _SENTENCE_ENDS

    return frozenset(sp for sp in set(spans) if title(sp))
