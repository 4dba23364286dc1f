"""Trigger words that name no event of their own where they stand (``events.yaml: modifiers``).

An event word is often used for something else than telling the event:

* it names the doers ("suicide bombers", "the protesters", "the negotiator");
* it modifies the noun after it, which names a body of people ("riot police",
  "peace talks envoy", "aid workers", "war crimes court");
* it is a participle used as an adjective ("the occupied West Bank", "the
  Israeli-occupied territories", "the besieged town");
* it is a light verb before the act its object names ("gave a warm welcome"), or
  the means of the act told right after it ("helicopters evacuated");
* it follows a word of absence ("in the absence of a commitment", ללא הסכם): the act is
  what is missing; or a frame noun it qualifies ("the framework of cooperation",
  תהליך השלום);
* it is an adverbial of purpose or manner after another act ("cut ties in support of the
  strikers", قطعنا العلاقات دعما لـ، "normalised ties with US mediation", بوساطة): it says
  why or how that act was done;
* it is the topic named by a noun of topic right before it ("the issue of
  normalization", مسألة قطع العلاقات): what is talked about, no act told;
* it says how ready its subject is for the act named right after it ("is ready
  to impose", "prepared to withdraw"): that act is the event, planned (the same
  words are ``status.yaml`` cues of a planned act), and PLOVER codes it as
  the intention it states (``plover_code``).

Each is a sentence's first trigger often enough to take the place of the event
the sentence tells.  The checks read only the tokens around the trigger.
"""

from __future__ import annotations

from functools import cache

from dragoman.events.arguments import marker_words
from dragoman.events.matcher import Match, PhraseMatcher
from dragoman.events.plover import rollup
from dragoman.events.schema import TriggerGroup, events_data
from dragoman.events.sentence import SentenceView
from dragoman.text import normalize_key


@cache
def _words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
    data = events_data(lang)
    if data is None:
        empty: frozenset[str] = frozenset()
        return empty, empty, empty, empty, (), empty
    mods, args = data.modifiers, data.arguments

    def fold(words: list[str]) -> frozenset[str]:
        return frozenset(normalize_key(w) for w in words)

    return (
        fold(mods.agent_nouns),
        fold(mods.compound_heads),
        fold(mods.verb_cues),
        fold(mods.attributive_openers),
        tuple(normalize_key(e) for e in args.participle_endings),
        fold(args.participles),
    )


def _participle(form: str, endings: tuple[str, ...], participles: frozenset[str]) -> bool:
    return form in participles or any(form.endswith(e) and len(form) > len(e) + 2 for e in endings)


@cache
def _before_words(lang: str) -> frozenset[str]:
    """Words after which a trigger names no event: absence words and frame heads."""
    data = events_data(lang)
    words = (data.modifiers.absence_words + data.modifiers.frame_heads) if data else []
    return frozenset(normalize_key(w) for w in words)


def names_no_event(view: SentenceView, m: Match[TriggerGroup], lang: str) -> bool:
    """Does the trigger name doers, modify a noun of people, stand as an adjective, or follow a word of absence?"""
    if m.start > 0 and set(view.forms[m.start - 1]) & _before_words(lang):
        return True  # "בהיעדר התחייבות", "למסגרת שיתוף הפעולה": any reading of the word before (clitics stripped)
    agents, heads, verb_cues, openers, endings, participles = _words(lang)
    last = view.folded(m.end - 1)
    before = view.folded(m.start - 1) if m.start > 0 else ""
    nxt = view.folded(m.end) if m.end < len(view.forms) else ""
    # "to aid workers", "attacked police", "rebels attack police": a verb before its object
    plural_subject = before.endswith("s") and len(before) > 3 and before not in openers
    verb_like = before in verb_cues or plural_subject or last.endswith("ing") or _participle(last, endings, participles)
    if nxt in heads and not verb_like:
        return True  # "riot police", "peace talks envoy": the noun after it names the people
    if m.end - m.start == 1 and _participle(last, endings, participles) and any(ch.isalpha() for ch in nxt):
        # "the occupied West Bank", "Israeli-occupied": an adjective before its noun
        return before in openers or (before == "-" and m.start > 1 and view.words[m.start - 2][:1].isalpha())
    return False


def names_doers(view: SentenceView, m: Match[TriggerGroup], following: Match[TriggerGroup] | None, lang: str) -> bool:
    """Does the trigger name the doers of the act the next trigger of its clause tells?

    "Two suicide bombers killed 23 people", "demonstrators protesting election results":
    the doers' act, of the same PLOVER type, is the event.  Alone in its clause ("clashes
    with demonstrators") the noun is the only word of the act and stays a trigger, and so
    it does before an act of another type ("protesters invaded the embassy": a protest
    and an assault).
    """
    if following is None or view.folded(m.end - 1) not in _words(lang)[0]:
        return False
    same_type = rollup(following.payload.type) == rollup(m.payload.type)
    return same_type and view.clause[following.start] == view.clause[m.start]


@cache
def _light_and_means(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = events_data(lang)
    if data is None:
        return frozenset(), frozenset(), frozenset()
    return (
        frozenset(normalize_key(w) for w in data.modifiers.light_verbs),
        frozenset(normalize_key(w) for w in data.modifiers.instrument_nouns),
        marker_words(lang),
    )


def names_means_or_light_verb(
    view: SentenceView, m: Match[TriggerGroup], following: Match[TriggerGroup] | None, lang: str
) -> bool:
    """Is the trigger a light verb before its object trigger, or the means of the act right after it?

    "gave a warm welcome to de Klerk": the welcome is the event, "gave" only carries it;
    "U.N. helicopters evacuated the wounded": the helicopters are what the evacuation used.
    """
    if following is None:
        return False
    light, means, markers = _light_and_means(lang)
    last = view.folded(m.end - 1)
    if last in means and following.start == m.end:
        return True
    if m.end - m.start != 1 or last not in light or following.start - m.end > 4:
        return False
    between = range(m.end, following.start)
    return all(view.folded(k) not in markers and view.clause[k] == view.clause[m.start] for k in between)


def yields_to_next(m: Match[TriggerGroup], following: Match[TriggerGroup] | None, view: SentenceView) -> bool:
    """Is ``m`` a readiness ("ready to", "prepared to") for the trigger right after it, in its clause?

    A party named between is the one asked ("ביקשה מולדוריה סיוע", "asked Valdoria for aid"):
    then ``m`` is a request of its own and the act after it what is asked for.
    """
    if not m.payload.readiness or following is None:
        return False
    if any(m.end <= r.last and r.first < following.start for r in view.mentions):
        return False
    return following.start - m.end <= 1 and view.clause[following.start] == view.clause[m.start]


@cache
def _adverbial_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((w, True) for w in (data.modifiers.adverbial_phrases if data else []))


def names_adverbial(view: SentenceView, m: Match[TriggerGroup], previous: Match[TriggerGroup] | None, lang: str) -> bool:
    """Is the trigger part of a phrase of purpose or manner ("in support of", بوساطة) after another trigger?

    "Norland cut ties with Valdoria in support of the strikers", "طبعت نورلاند علاقاتها مع
    فالدوريا بوساطة أمريكية": the support is why the cut was made and the mediation how the
    ties were made, not acts of their own (the phrase's party stays in the text).  With no trigger
    before it in the sentence ("in support of the strikers, Norland ...") the phrase may
    be all the sentence tells of the act, and it stays.
    """
    if previous is None:
        return False
    matcher = _adverbial_matcher(lang)
    for k in range(max(0, m.start - 3), m.start + 1):  # the phrase may open before the trigger word
        found = matcher.match_at(view.forms, k)
        if found is not None and found.start <= m.start < found.end:
            return True
    return False


@cache
def _topic_matcher(lang: str) -> PhraseMatcher[bool]:
    data = events_data(lang)
    return PhraseMatcher((w, True) for w in (data.modifiers.topic_heads if data else []))


def names_topic(view: SentenceView, m: Match[TriggerGroup], lang: str) -> bool:
    """Does a noun of topic end right before the trigger ("the issue of cutting ties", مسألة قطع العلاقات)?"""
    matcher = _topic_matcher(lang)
    for k in range(max(0, m.start - 4), m.start):
        found = matcher.match_at(view.forms, k)
        if found is not None and found.end == m.start:
            return True
    return False


@cache
def _not_near(lang: str) -> list[tuple[PhraseMatcher[bool], PhraseMatcher[bool], int]]:
    data = events_data(lang)
    return [
        (PhraseMatcher((w, True) for w in n.triggers), PhraseMatcher((w, True) for w in n.words), n.within)
        for n in (data.modifiers.not_near if data else [])
    ]


def names_no_act_near(view: SentenceView, m: Match[TriggerGroup], lang: str) -> bool:
    """Does a word near the trigger say it tells no act of a party (إصابة الوزير بفيروس، قتلى الزلزال)?

    Wounds and deaths are told alike by an attack, an illness and a flood; the word of the
    illness or the disaster in the trigger's clause says which.
    """
    for triggers, words, within in _not_near(lang):
        at = triggers.match_at(view.forms, m.start)
        if at is None:
            continue
        lo, hi = max(0, m.start - within), min(len(view.forms), m.end + within)
        for k in range(lo, hi):
            if view.clause[k] != view.clause[m.start] or m.start <= k < m.end:
                continue
            if words.match_at(view.forms, k) is not None:
                return True
    return False


@cache
def _purpose_words(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    data = events_data(lang)
    if data is None:
        return frozenset(), ()
    mods = data.modifiers
    # longest clitic first, so "ול" is tried before "ל"
    clitics = tuple(sorted((normalize_key(c) for c in mods.purpose_clitics), key=len, reverse=True))
    return frozenset(normalize_key(w) for w in mods.purpose_heads), clitics


_PURPOSE_REACH = 3  # words between the head noun and the glued clitic: its adjectives (ההצעה האמריקאית החדשה ל...)


def _glued_purpose(view: SentenceView, k: int, clitics: tuple[str, ...]) -> bool:
    """Does word ``k`` carry a glued clitic of purpose (להפסקת, ולשחרור), with its bare reading among its forms?"""
    word = normalize_key(view.words[k])
    return any(word.startswith(c) and word[len(c) :] in view.forms[k] for c in clitics)


def names_purpose(view: SentenceView, m: Match[TriggerGroup], previous: Match[TriggerGroup] | None, lang: str) -> bool:
    """Is the trigger the purpose of a proposal, deal or terms named just before it, after another act?

    "ולדוריה דחתה את ההצעה לחידוש המשא ומתן", "נורלנד חתמה על הסכם לשיתוף פעולה": the
    rejection and the signing are the events; the talks and the cooperation are what the
    proposal and the agreement are for.  The clitic is on the trigger's first word or on the
    verbal noun right before it (לחידוש המשא ומתן).  With no trigger before it in the sentence
    the phrase may be all the sentence tells, and it stays.
    """
    heads, clitics = _purpose_words(lang)
    if previous is None or not heads:
        return False
    k = m.start if _glued_purpose(view, m.start, clitics) else m.start - 1
    if k < 0 or k < previous.end or not _glued_purpose(view, k, clitics):
        return False
    for j in range(k - 1, max(previous.end, k - 1 - _PURPOSE_REACH) - 1, -1):
        if view.clause[j] != view.clause[k]:
            return False
        if set(view.forms[j]) & heads:
            return True
    return False
