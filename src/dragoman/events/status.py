"""Factuality of an event from per-language cue words (``lang/data/<code>/status.yaml``).

A trigger alone says "it happened"; cue words around it say otherwise:
negation (لم، לא، not), conditions (إذا، אם، if), talks about it (تبحث،
discussing), hypotheses (قد، עשוי، may) and plans (سوف، צפוי، will).
When several cues apply the strongest wins, in the order of ``PRIORITY``:
"the administration is not discussing joining" is negated, "is discussing
whether it may join" is talks.  Some cues count only over another status
(``over``: "will sign ... only after" is conditional, "signed ... only after"
is not), and an exceptive lifts a negation ("will not sign unless").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dragoman.dates.data import dates_data
from dragoman.events.matcher import Match, PhraseMatcher
from dragoman.events.schema import StatusCue, StatusData, status_data
from dragoman.events.sentence import SentenceView
from dragoman.model import EventStatus
from dragoman.text import normalize_key

PRIORITY: tuple[EventStatus, ...] = (
    EventStatus.NEGATED,
    EventStatus.CONDITIONAL,
    EventStatus.TALKS,
    EventStatus.HYPOTHETICAL,
    EventStatus.PLANNED,
)


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language
class StatusRules:
    data: StatusData
    # every cue's words in one matcher, read per cue (``find_each``): a longer word of one cue
    # ("only if") must not hide a shorter one of another ("if"), whose scope or position may differ
    matcher: PhraseMatcher[StatusCue]
    future_particles: tuple[str, ...]
    imperfect_prefixes: tuple[str, ...]


@cache
def status_rules(lang: str) -> StatusRules | None:
    data = status_data(lang)
    if data is None:
        return None
    cues = list(data.cues)
    future = _future_cue(lang)
    if future is not None:
        cues.append(future)
    matcher = PhraseMatcher((w, cue) for cue in cues for w in cue.words)
    fut = tuple(normalize_key(p) for p in data.future_particles)
    imp = tuple(normalize_key(p) for p in data.imperfect_prefixes)
    return StatusRules(data, matcher, fut, imp)


def _future_cue(lang: str) -> StatusCue | None:
    """A time to come in the trigger's clause makes it planned: "visits Algiers next week".

    The phrases are the language's relative dates pointing forward (``dates.yaml: relative``
    with a positive offset or a vague future: غدا، الأسبوع المقبل، בשבוע הבא، "in the coming
    days"), so the status and the date of an event read the same words.  Before or after the
    trigger, in its clause.
    """
    dates = dates_data(lang)
    words = [w for rel in (dates.relative if dates else []) if rel.offset > 0 or rel.vague == "future" for w in rel.phrases]
    if not words:
        return None
    return StatusCue(status=EventStatus.PLANNED, words=words, scope="clause", position="any")


def with_future_stripped(forms: tuple[str, ...], rules: StatusRules | None) -> tuple[str, ...]:
    """The token's forms plus its readings without a glued future particle (ستنضم -> تنضم)."""
    if rules is None or not rules.future_particles:
        return forms
    return forms + _future_stripped(forms, rules)


@cache
def _future_stripped(forms: tuple[str, ...], rules: StatusRules) -> tuple[str, ...]:
    out: list[str] = []
    for f in forms:
        for p in rules.future_particles:
            rest = f[len(p) :]
            if f.startswith(p) and len(rest) > 2 and rest.startswith(rules.imperfect_prefixes):
                out.append(rest)
    return tuple(out)


@cache
def _folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalize_key(w) for w in words)


def cue_matches(view: SentenceView, rules: StatusRules) -> list[Match[StatusCue]]:
    return sorted(rules.matcher.find_each(view.forms), key=lambda m: (m.start, m.end))


def _applies(cue: Match[StatusCue], view: SentenceView, t_start: int, t_end: int) -> bool:
    spec = cue.payload
    if cue.start < t_end and t_start < cue.end:
        return False  # a trigger is not its own cue ("talks" is a CONSULT trigger)
    before = cue.end <= t_start
    if spec.position == "before" and not before:
        return False
    if spec.position == "after" and before:
        return False
    if spec.scope == "clause":
        # clause numbers only grow at a break, so equal numbers at both ends mean no break between
        a, b = (cue.end - 1, t_start) if before else (t_end - 1, cue.start)
        if view.clause[a] != view.clause[b]:
            return False
    distance = t_start - cue.end if before else cue.start - t_end
    if spec.max_distance is not None and distance > spec.max_distance:
        return False
    if spec.next_token_prefixes:
        nxt = cue.end
        if nxt >= len(view.forms) or not view.folded(nxt).startswith(
            _folded(tuple(spec.next_token_prefixes))
        ):
            return False
    blocking = _folded(tuple(spec.next_token_blocking_suffixes))
    if blocking and t_start != cue.end < len(view.forms) and view.folded(cue.end).endswith(blocking):
        return False
    reach = range(max(0, cue.start - spec.after_reach), cue.start)
    if spec.after_words:
        wanted = set(_folded(tuple(spec.after_words)))
        if not any(wanted.intersection(view.forms[i]) for i in reach):
            return False
    if spec.unless_after_words:
        unwanted = set(_folded(tuple(spec.unless_after_words)))
        if any(unwanted.intersection(view.forms[i]) for i in reach):
            return False
    return True


def detect_status(
    view: SentenceView,
    cues: list[Match[StatusCue]],
    rules: StatusRules | None,
    t_start: int,
    t_end: int,
    inherent: EventStatus | None = None,
) -> EventStatus:
    """The status of the trigger at tokens ``[t_start, t_end)`` of ``view``.

    A cue with ``over`` statuses counts only when the other cues or the trigger's own
    form give one of them: "only after" makes "will support it only after ..."
    conditional and leaves "joined only after months of talks" told as done.  An
    exceptive cue (``lifts_negation``) makes "will not join unless ..." a condition.
    """
    applying = [c for c in cues if _applies(c, view, t_start, t_end)]
    found = {c.payload.status for c in applying if not c.payload.over}
    # a cue inside the trigger tells its tense all the same ("will support" is a promise to come)
    own = {c.payload.status for c in cues if not c.payload.over and c.start < t_end and t_start < c.end}
    base = found | own | ({inherent} if inherent else set())
    counted = [c for c in applying if not c.payload.over or base.intersection(c.payload.over)]
    found |= {c.payload.status for c in counted}
    if any(c.payload.lifts_negation for c in counted):
        found.discard(EventStatus.NEGATED)
    for status in PRIORITY:
        if status in found:
            return status
    return inherent or EventStatus.OCCURRED
