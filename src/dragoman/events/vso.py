"""The subject right after a verb where verb-subject-object order is usual (Arabic).

"يزور الرئيس الفرنسي الجزائر", "دعا الأمين العام للأمم المتحدة نورلاند": the noun phrase right
after the verb is its subject, even when it names its party only by a title, a nisba or a
genitive, and the state named after it is the object. The argument model weighs a full name
right after the verb well, but a title or an unnamed body ("الحكومة الفالدورية", "القوات
النورلاندية") often loses to the plain name after it. This post-rule puts the phrase's
parties back as the actors when

* the trigger is a verb (no verbal noun: زيارة، مباحثات, whose genitive may be its undergoer),
  active and told from the doer's side, with no subject glued to it (قتلوا) or before it in
  its clause (مصر تدين ..., a pronoun, or a party named before);
* the word right after it opens a noun phrase: a party with no preposition on it, or a head
  noun (الحكومة، الجيش، الأمين) followed by its nisba or genitive.

A head noun whose phrase names no party ("هاجم مسلحون قاعدة في نورلاند") still says the
named party after it is no subject: that party becomes a recipient, and the unnamed subject
is left to the described-party filler.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache

from dragoman.events.arguments import Arguments, marker_words
from dragoman.events.schema import events_data
from dragoman.events.sentence import MentionRef, SentenceView
from dragoman.model import EntityType, MentionKind
from dragoman.text import normalize_key

# Kinds of entity that act; a phrase naming any other (a war, a city as a place) is no subject.
_PARTIES = frozenset({EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.GROUP})


@dataclass(frozen=True, slots=True)
class VsoRules:
    heads: frozenset[str]  # folded head nouns of a subject phrase, with and without the article
    bare: frozenset[str]  # proclitics a subject may carry (none, the article)
    genitive: frozenset[str]  # proclitics of a genitive after a head (للأمم المتحدة)
    noun_shapes: tuple[str, ...]
    verbs: tuple[str, ...]
    subject_suffixes: tuple[str, ...]
    article: str
    title_links: frozenset[str] = frozenset()  # prepositions inside a title phrase (باسم، لدى، في)
    title_clitics: tuple[str, ...] = ()  # proclitics of a title phrase's genitives (ال، لل)


@cache
def vso_rules(lang: str) -> VsoRules | None:
    data = events_data(lang)
    if data is None or not data.arguments.subject_after_verb:
        return None
    a = data.arguments
    article = normalize_key(a.article)
    heads = {normalize_key(w.rstrip("*")) for w in [*a.construct_heads, *a.actor_nouns]}
    heads |= {article + h for h in heads if not h.startswith(article)}
    return VsoRules(
        frozenset(heads),
        frozenset({"", article}),
        frozenset(normalize_key(c) for c in a.genitive_clitics),
        tuple(normalize_key(s) for s in a.noun_shapes),
        tuple(normalize_key(v) for v in a.verbs_shaped_as_nouns),
        tuple(normalize_key(s) for s in a.subject_suffixes),
        article,
        frozenset(normalize_key(w) for w in a.title_links),
        tuple(normalize_key(c) for c in a.title_clitics),
    )


def is_verb_form(word: str, rules: VsoRules) -> bool:
    """Is the folded trigger word a finite verb rather than a verbal noun?"""
    if any(fnmatchcase(word, v) for v in rules.verbs):
        return True
    return not any(fnmatchcase(word, s) for s in rules.noun_shapes)


def _at(view: SentenceView, k: int) -> list[MentionRef]:
    return [r for r in view.mentions if r.entity and r.first == k]


def subject_after(view: SentenceView, start: int, end: int, rules: VsoRules) -> tuple[list[MentionRef], int] | None:
    """The parties of the noun phrase right after the verb ``[start, end)`` and the phrase's last token.

    None when no subject phrase opens there (a preposition, a time word, the clause ends).
    """
    k = end
    if k >= len(view.words) or view.clause[k] != view.clause[start]:
        return None
    out = _at(view, k)
    if out:
        if any(r.proclitic not in rules.bare for r in out):
            return None  # بنورلاند، لفالدوريا: a prepositional phrase, not the subject
        last = max(r.last for r in out)
        out = [r for r in view.mentions if r.entity and k <= r.first <= last]
    elif view.folded(k) in rules.heads:
        last = k
        # an adjective of the head with no party (الأمين العام) may stand before its genitive
        if k + 1 < len(view.words) and not _at(view, k + 1) and view.folded(k + 1).startswith(rules.article):
            nxt = _at(view, k + 2)
            if nxt and all(r.proclitic in rules.genitive for r in nxt):
                last = k + 1
        nxt = _at(view, last + 1)
        if nxt and view.clause[last + 1] == view.clause[start] and (
            all(r.mention.kind is MentionKind.NISBA and r.proclitic in rules.bare for r in nxt)  # الحكومة الفالدورية
            or all(r.proclitic in rules.genitive or (r.proclitic == "" and last == k) for r in nxt)  # قوات نورلاند
        ):
            last = max(r.last for r in nxt)
            out = [r for r in view.mentions if r.entity and k < r.first <= last]
    else:
        return None
    # nisba adjectives after the phrase agree with its head (رئيس الوزراء النورلاندي)
    while (nxt := _at(view, last + 1)) and all(r.mention.kind is MentionKind.NISBA and r.proclitic in rules.bare for r in nxt):
        out += nxt
        last = max(r.last for r in nxt)
    return out, last


# How far after the verb a name apposed to its title phrase may stand ("قائد القوات البحرية في
# الجيش النورلاندي X": eight words)
_TITLE_REACH = 10
_COMMAS = frozenset({",", "،"})


def apposed_name(view: SentenceView, first: int, last: int, rules: VsoRules) -> MentionRef | None:
    """The person named right after a title phrase that opens at ``first`` and whose parties end at ``last``.

    "وندد قائد القوات البحرية في الجيش النورلاندي X"، "اتهم سفير نورلاند لدى فالدوريا، X،": the name
    is the subject the title stands for, not the verb's object. The phrase runs on over words
    with the article, the parties inside it, commas and the office's prepositions; a bare head
    noun continues it only right after another head or a preposition (نائب وزير الخارجية، باسم
    وزارة), since after a complete phrase it opens the object ("الرئيس الفالدوري وزير الخارجية X").
    Any other word ("نظيره X": his counterpart) ends the search.
    """
    if not (view.folded(first) in rules.heads or any(r.mention.kind is MentionKind.TITLE for r in _at(view, first))):
        return None
    # a party ends the phrase's own words (الحكومة النورلاندية): only a preposition of the office
    # reopens it ("سفير نورلاند لدى فالدوريا"); a word after it is the object ("الحكومة النورلاندية الصحفي X")
    inside = [r for r in view.mentions if r.entity and first <= r.first <= last]
    if any(r.mention.type is EntityType.PERSON for r in inside):
        return None  # the phrase names its person already: a name after it is the object
    closed = bool(inside)
    k = last + 1
    # a comma opens a clause of its own, but only after one may the clause change (the name between commas)
    while k < min(len(view.words), first + _TITLE_REACH) and (
        view.clause[k] == view.clause[k - 1] or view.words[k] in _COMMAS or view.words[k - 1] in _COMMAS
    ):
        here = _at(view, k)
        if any(r.mention.type is EntityType.PERSON and r.mention.kind is MentionKind.NAME for r in here):
            name = next(r for r in here if r.mention.type is EntityType.PERSON)
            return name if name.proclitic in rules.bare else None
        if here:
            k = max(r.last for r in here) + 1  # a party inside the title (نورلاند، الجيش النورلاندي)
            closed = True
            continue
        word = view.folded(k)
        before = view.folded(k - 1)
        after_head = before in rules.heads or before in rules.title_links
        words = (word in rules.heads and after_head) or any(
            word.startswith(c) and len(word) > len(c) + 1 for c in rules.title_clitics
        )
        if word in rules.title_links:
            closed = False
        elif not (word in _COMMAS or (words and not closed)):
            return None
        k += 1
    return None


def verb_subject_first(
    view: SentenceView, start: int, end: int, args: Arguments, rules: VsoRules, pronoun: bool
) -> None:
    """Make the phrase right after a verb its actors, the parties the model chose after that phrase recipients."""
    word = view.folded(start)
    if end - start != 1 or pronoun or not is_verb_form(word, rules):
        return
    if any(word.endswith(s) for s in rules.subject_suffixes):
        return  # قتلوا: the subject is in the verb, what follows is its object
    if any(r.entity and r.last < start and view.clause[r.first] == view.clause[start] for r in view.mentions):
        _subject_before(view, start, args, rules)  # a party before the verb in its clause is its subject (مصر تدين)
        return
    found = subject_after(view, start, end, rules)
    if found is None:
        return
    subject, last = found
    if any(r.mention.type not in _PARTIES for r in subject):
        return  # "ووقف الحرب على غزة": a war or a place after the word is no doer, the word a noun
    name = apposed_name(view, end, last, rules)
    if name is not None and all(a.first >= end for a in args.actors):
        # the title and the name apposed to it are one subject; the parties inside the title
        # (سفير نورلاند لدى الأمم المتحدة) are the model's actors or none, never the verb's object
        within = {r.entity for r in view.mentions if r.entity and end <= r.first and r.last <= name.last}
        held = [a for a in args.actors if a.entity in within and a.entity != name.entity]
        later = [a for a in args.actors if a.entity not in within]
        actors = [r for r in subject if r.entity != name.entity and r.entity not in {a.entity for a in held}]
        args.actors = [*actors, *held, name]
        taken = {a.entity for a in args.actors}
        args.recipients = [r for r in later + args.recipients if r.entity not in within and r.entity not in taken]
        return
    ids = {r.entity for r in subject}
    if ids & {a.entity for a in args.actors}:
        return  # the model has it already
    later = [a for a in args.actors if a.first > last]
    if len(later) != len(args.actors):
        return  # an actor before the verb or inside the phrase: leave the model's reading
    args.actors = subject
    args.recipients = [r for r in later + args.recipients if r.entity not in ids]


def _subject_before(view: SentenceView, start: int, args: Arguments, rules: VsoRules) -> None:
    """The headline order, subject then verb ("الرئيس النورلاندي يزور فالدوريا", "واشنطن تنفي ..."):
    the parties of a phrase that opens the verb's clause and ends right before it are its actors.

    The model weighs a full name before the verb well; a title or a capital standing for its
    government often loses to the state named after the verb, which is the object.
    """
    clause = view.clause[start]
    opening = next((k for k in range(start) if view.clause[k] == clause), None)
    if opening is None:
        return
    before = [r for r in view.mentions if r.entity and opening <= r.first and r.last < start]
    if not before or max(r.last for r in before) != start - 1:
        return  # the phrase must end right before the verb
    first = min(r.first for r in before)
    if first != opening and not (first == opening + 1 and view.folded(opening) in rules.heads):
        return  # ... and open the clause, itself or after its head noun (الحكومة النورلاندية)
    if any(r.proclitic not in rules.bare or r.mention.type not in _PARTIES for r in before):
        return  # لنورلاند ...، a place or a war: no subject
    ids = {r.entity for r in before}
    if ids & {a.entity for a in args.actors}:
        return  # the model has it already
    if any(a.first < start for a in args.actors):
        return  # an actor of its own choosing before the verb: leave the model's reading
    args.recipients = [r for r in args.actors + args.recipients if r.entity not in ids]
    args.actors = before


@cache
def _route_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The one-word markers of a route's start and end (من، إلى)."""
    return (
        frozenset(w for w in marker_words(lang, "from") if " " not in w),
        frozenset(w for w in marker_words(lang, "to") if " " not in w),
    )


def route_ends(view: SentenceView, lang: str) -> tuple[set[str], set[str]]:
    """The entities that are the two ends of a route, "from X to Y" (من القاهرة إلى الدوحة).

    A route is where someone went, not whom an act was done with: X is never a party, and Y
    only the host of a visit (the place rule of ``frames.yaml: place_hosts``).
    """
    sources, targets = _route_words(lang)
    origins: set[str] = set()
    ends: set[str] = set()
    if not sources or not targets:
        return origins, ends
    for y in view.mentions:
        if not y.entity or y.proclitic or y.first < 2 or view.folded(y.first - 1) not in targets:
            continue
        for x in view.mentions:
            if x.entity and not x.proclitic and x.last == y.first - 2 and x.first > 0 and view.folded(x.first - 1) in sources:
                origins.add(x.entity)
                ends.add(y.entity)
    return origins, ends - origins


@cache
def _transit_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = events_data(lang)
    if data is None:
        return frozenset(), frozenset()
    a = data.arguments
    return frozenset(normalize_key(w) for w in a.transit_markers), frozenset(normalize_key(w) for w in a.transit_refuted_by)


def transits(view: SentenceView, lang: str) -> set[str]:
    """The entities named right after a transit marker ("through Egypt", "via Istanbul", "عبر مصر")."""
    words, refuted = _transit_words(lang)
    if not words:
        return set()
    n = len(view.words)
    return {
        m.entity
        for m in view.mentions
        if m.entity
        and not m.proclitic
        and m.first > 0
        and view.folded(m.first - 1) in words
        and not (refuted and any(view.folded(k) in refuted for k in range(m.last + 1, min(n, m.last + 3))))
    }


def without_route(args: Arguments, view: SentenceView, lang: str, visit: bool) -> None:
    """Drop the ends of a route from the parties: the origin always, the destination unless a visit,
    and the states passed through on the way."""
    origins, ends = route_ends(view, lang)
    gone = origins | (set() if visit else ends) | transits(view, lang)
    if gone:
        args.actors = [a for a in args.actors if a.entity not in gone]
        args.recipients = [r for r in args.recipients if r.entity not in gone]
