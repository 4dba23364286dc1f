"""Who did it to whom: actors, recipients and place from the linked mentions of the clause.

Only mentions the linker resolved count, so nisba adjectives ("the
Azerbaijani president" -> Aliyev, Azerbaijan) and metonyms ("Baku" ->
Azerbaijan's government) arrive here already as entities.  The roles come
from word order and marker words, both per-language data
(``events.yaml: arguments``):

* a mention after a recipient marker (with, against, مع، ضد، עם) or carrying a
  recipient proclitic (لـ، ל) is a recipient;
* a mention after an agent marker (by, من قبل، על ידי) is the actor;
* otherwise the actor is the nearest mention before the trigger in its
  clause, or, for a verb in a verb-first language, the first one after it;
  a noun trigger's actor is the genitive right after it (انضمام أذربيجان);
* the first unmarked mention after a verb is its object, a recipient.
Coordinated mentions ("Hungarian and Romanian officials") share a role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from dragoman.events.schema import ArgumentPatterns, MarkerClass, events_data
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.model import EntityType
from dragoman.text import normalize_key


@dataclass(frozen=True, slots=True)
class ArgRules:
    recipient_markers: frozenset[str]
    recipient_clitics: frozenset[str]
    agent_markers: frozenset[str]
    place_markers: frozenset[str]
    coordinators: frozenset[str]
    subject_after_verb: bool
    subject_suffixes: tuple[str, ...]
    noun_actor_after: bool
    window: int
    object_window: int
    infinitive_markers: frozenset[str] = frozenset()
    skip_words: frozenset[str] = frozenset()
    passive_cues: frozenset[str] = frozenset()
    owned_objects: frozenset[str] = frozenset()
    sayer_pronouns: frozenset[str] = frozenset()
    sayer_pronoun_auxiliaries: frozenset[str] = frozenset()
    phrase_markers: frozenset[str] = frozenset()  # markers.in and markers.of
    object_markers: frozenset[str] = frozenset()  # markers.acc: the direct object's את
    addressee_clitics: frozenset[str] = frozenset()
    headed_by: frozenset[str] = frozenset()
    contrast_words: frozenset[str] = frozenset()
    pair_phrase_not_after: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()


@dataclass(slots=True)
class Arguments:
    actors: list[MentionRef] = field(default_factory=list)
    recipients: list[MentionRef] = field(default_factory=list)
    place: MentionRef | None = None
    # the recipients are the authors *by* whom what the act accepts was put forward (argmodel._proposer)
    proposers: bool = False


def _fold(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


@cache
def marker_words(lang: str, *classes: MarkerClass) -> frozenset[str]:
    """The folded words that mark an argument (``events.yaml: arguments.markers``), of the given
    classes ("between", "from") or, with none given, of every class."""
    data = events_data(lang)
    if data is None:
        return frozenset()
    markers = data.arguments.markers
    return frozenset(normalize_key(w) for c in (classes or tuple(markers)) for w in markers.get(c, []))


@cache
def arg_rules(lang: str) -> ArgRules:
    data = events_data(lang)
    a = data.arguments if data else ArgumentPatterns()
    return ArgRules(
        _fold(a.recipient_markers),
        _fold(a.recipient_clitics),
        _fold(a.agent_markers),
        _fold(a.place_markers),
        _fold(a.coordinators) | frozenset({",", "،"}),
        a.subject_after_verb,
        tuple(normalize_key(x) for x in a.subject_suffixes),
        a.noun_actor_after,
        a.window,
        a.object_window,
        _fold(a.infinitive_markers),
        _fold(a.skip_words),
        _fold(a.passive_cues),
        _fold(a.owned_objects),
        _fold(a.sayer_pronouns),
        _fold(a.sayer_pronoun_auxiliaries),
        frozenset(normalize_key(w) for c in ("in", "of") for w in a.markers.get(c, [])),
        _fold(a.markers.get("acc", [])),
        _fold(a.addressee_clitics),
        _fold(a.headed_by),
        _fold(a.contrast_words),
        _fold(a.pair_phrase_not_after),
        _fold(a.group_nouns),
    )


def _before(view: SentenceView, m: MentionRef, words: frozenset[str]) -> bool:
    """Does a marker word stand right before the mention (or two back, over an article)?"""
    for k in (m.first - 1, m.first - 2):
        if k >= 0 and words & set(view.forms[k]):
            return True
        if k >= 0 and not view.words[k].isalpha():
            break
    return False


def group(view: SentenceView, pool: list[MentionRef], seed: MentionRef, rules: ArgRules) -> list[MentionRef]:
    """The seed plus mentions coordinated with it ("X and Y", "X, Y and Z", "X and the Y", وأذربيجان).

    Mentions overlapping the current one (the nisba inside "the Iranian
    foreign minister") are stepped over, so "Witkoff and the Iranian foreign
    minister" still pairs.
    """
    out = [seed]
    order = sorted(pool, key=lambda m: (m.first, -m.last))
    i = order.index(seed)
    for step in (1, -1):
        cur = seed
        j = i + step
        while 0 <= j < len(order):
            nxt = order[j]
            if nxt.first <= cur.last and cur.first <= nxt.last:
                j += step  # nested in or overlapping the current mention
                continue
            lo, hi = (cur.last + 1, nxt.first) if step == 1 else (nxt.last + 1, cur.first)
            earlier = cur if step == 1 else nxt
            if lo < hi and view.folded(lo) not in rules.coordinators and not _marker_repeated(view, earlier.first, lo, hi, rules):
                break  # words between, the first no coordinator nor a repeated marker (ועם): not joined below
            between = [view.folded(k) for k in range(lo, hi)]
            glued = (
                nxt.proclitic[:1] in rules.coordinators
                if step == 1
                else cur.proclitic[:1] in rules.coordinators
            )
            # a determiner may follow a coordinating word, not a comma alone ("X, the Y speaker said"):
            # "the United States and the Taliban"
            joined = bool(between) and all(w in rules.coordinators for w in between)
            # and after a serial comma: "X, Y, and the Z"
            joined = joined or (
                bool(between)
                and between[0] in rules.coordinators
                and any(w in rules.coordinators and w.isalpha() for w in between)
                and all(w in rules.coordinators or w in rules.skip_words for w in between[1:])
            )
            # commas alone do not join a mention that ends a phrase of place or whole ("in Valdo,
            # the capital of Norland, the minister Harken said"): the subject comes after it
            joined = joined and not (all(not w.isalpha() for w in between) and _in_phrase(view, earlier, rules))
            if joined or (not between and glued) or _marker_repeated(view, earlier.first, lo, hi, rules):
                out.append(nxt)
                cur = nxt
                j += step
            else:
                break
    return out


def _in_phrase(view: SentenceView, m: MentionRef, rules: ArgRules) -> bool:
    """Is ``m`` introduced by a marker of place or of a whole (``markers.in``, ``markers.of``)?"""
    k = m.first - 1
    while k >= 0 and view.folded(k) in rules.skip_words:
        k -= 1
    return k >= 0 and view.folded(k) in rules.phrase_markers


def _marker_repeated(view: SentenceView, first: int, lo: int, hi: int, rules: ArgRules) -> bool:
    """Do the words ``lo``..``hi`` between two mentions repeat, after "and", the party marker
    that stands before the earlier one ("with X and with Y", עם X ועם Y, مع X ومع Y)?

    The repeated marker coordinates the two as parties of one role, as a bare "and" does; so
    does a repeated object marker (אירח את X ואת Y: Hebrew repeats את before each object).
    """
    if first < 1 or not 1 <= hi - lo <= 2:
        return False
    marker = view.folded(first - 1)
    if marker not in rules.recipient_markers and marker not in rules.object_markers:
        return False
    if hi - lo == 2:
        return view.folded(lo) in rules.coordinators and marker in view.forms[lo + 1]
    word = view.folded(lo)
    return word != marker and marker in view.forms[lo] and word.removesuffix(marker) in rules.coordinators


def _places(view: SentenceView, near: list[MentionRef], rules: ArgRules) -> list[MentionRef]:
    """Places after "in"/"في", or with ב glued to them (בבאקו): where something happened, never who did it."""
    return [
        m
        for m in near
        if m.mention.type is EntityType.PLACE
        and (_before(view, m, rules.place_markers) or m.proclitic in rules.place_markers)
    ]


def place_of(view: SentenceView, t_start: int, t_end: int, rules: ArgRules) -> MentionRef | None:
    """The event's place: the nearest PLACE after a place marker within the window."""
    near = [
        m
        for m in view.mentions
        if m.entity
        and (m.last < t_start or m.first >= t_end)
        and min(abs(m.last - t_start), abs(m.first - t_end)) <= rules.window
    ]
    places = _places(view, near, rules)
    return min(places, key=lambda m: abs(m.first - t_end)) if places else None


def assign(view: SentenceView, t_start: int, t_end: int, pos: str, rules: ArgRules) -> Arguments:
    t_clause = view.clause[t_start]
    near = [
        m
        for m in view.mentions
        if m.entity
        and (m.last < t_start or m.first >= t_end)
        and min(abs(m.last - t_start), abs(m.first - t_end)) <= rules.window
    ]
    out = Arguments()
    used: set[int] = set()
    places = _places(view, near, rules)
    if places:
        out.place = min(places, key=lambda m: abs(m.first - t_end))
        used.add(out.place.index)
    near = [m for m in near if m not in places]
    in_clause = [m for m in near if view.clause[m.first] == t_clause]
    pool = in_clause or near

    def take(role: list[MentionRef], seed: MentionRef) -> None:
        for m in group(view, pool, seed, rules):
            if m.index not in used:
                used.add(m.index)
                role.append(m)

    after = sorted((m for m in pool if m.first >= t_end), key=lambda m: m.first)
    before = sorted((m for m in pool if m.last < t_start), key=lambda m: -m.last)
    for m in after:
        if m.index in used:
            continue
        if _before(view, m, rules.agent_markers):
            take(out.actors, m)
        elif _before(view, m, rules.recipient_markers) or m.proclitic in rules.recipient_clitics:
            take(out.recipients, m)
        elif (
            out.place is None
            and _before(view, m, rules.place_markers)
            and m.mention.type in (EntityType.PLACE, EntityType.GPE)
        ):
            out.place = m
            used.add(m.index)
    if not out.actors:
        first_after = next((m for m in after if m.index not in used), None)
        # a noun's genitive follows it at once; a verb-first clause puts its subject after the verb
        genitive = (
            pos == "noun"
            and rules.noun_actor_after
            and first_after is not None
            and first_after.first - t_end <= 1
        )
        # "خطفوا مصورا": the suffix is the subject, what follows is the object
        pronominal = bool(rules.subject_suffixes) and view.folded(t_end - 1).endswith(rules.subject_suffixes)
        verb_first = pos == "verb" and rules.subject_after_verb and not pronominal
        if (genitive or verb_first) and first_after is not None:
            take(out.actors, first_after)
        else:
            seed = next((m for m in before if m.index not in used), None)
            if seed is not None:
                take(out.actors, seed)
            elif first_after is not None and rules.subject_after_verb and not pronominal:
                take(out.actors, first_after)
    if not out.recipients and pos == "verb":
        obj = next((m for m in after if m.index not in used), None)
        if obj is not None and obj.first - t_end <= rules.object_window:
            take(out.recipients, obj)
    return out
