"""Schemas of the per-language event, status and quote data (``lang/data/<code>/*.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dragoman.lang import load_resource, register_resource
from dragoman.model import EventStatus


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TriggerGroup(_Strict):
    """Words that signal one event type.  A word ending in ``*`` matches any word it begins."""

    type: str  # PLOVER type or extension code (checked against events/data/plover.yaml)
    mode: str | None = None
    pos: Literal["verb", "noun"] = "verb"
    # A conjugation that already says the event has not happened (Hebrew
    # future forms); cues in the sentence still override it.
    tense: Literal["past", "present", "future"] | None = None
    triggers: list[str]
    # A verb that is an event only with its object nearby: the trigger counts when one
    # of these words follows within ``within`` tokens of its clause (Arabic verb-subject-
    # object: وقعت أرمينيا وأذربيجان اتفاقا، "signed" ... "agreement").
    needs_after: list[str] = Field(default_factory=list)
    # A verb that is this event only with its subject word shortly before it, in its clause:
    # the opening of an embassy told in the passive or without an object ("the new embassy
    # will be inaugurated", "the consulate reopened"), where the embassy is not after the verb.
    # The same ``within`` bounds it.
    needs_before: list[str] = Field(default_factory=list)
    within: int = Field(default=5, ge=1)
    # The role of the trigger's grammatical subject: "recipient" for obligations whose
    # subject is the one asked ("Armenia must amend", يجب على ..., חייבת).
    subject: Literal["actor", "recipient"] = "actor"
    # The subject receives what the other party did ("X received a letter from Y", تلقى/توصل
    # برسالة من، קיבל מכתב מ): the argument model reads the sentence as it reads "X sent a
    # letter to Y", and the roles it chose are swapped.
    converse: bool = False
    # A passive verb or a verb of undergoing (Arabic أصيب، اغتيل، تعرض لـ): its grammatical
    # subject, before or after it, is the one acted on, and the party after *by* (على يد،
    # من قبل) the actor (events/argmodel.py).
    passive: bool = False
    # Readiness for an act ("ready to", "prepared to"): when another trigger follows right
    # after it in its clause, that trigger is the event (planned, by the status cues of the
    # same words) and this one names no event of its own (events/modifiers.py).
    readiness: bool = False
    # An impersonal passive (סוכם "it was agreed", נחתם "it was signed"): told without its doer, so
    # the one saying it ("X said that it was agreed") is not taken as the doer.
    impersonal: bool = False


# Classes of the words that mark an argument's role, shared by all languages so the
# argument model learns "after *with*" once for مع، עם and with.
MarkerClass = Literal[
    "with", "to", "against", "on", "from", "by", "between", "in", "of", "for", "about", "toward", "acc"
]


class ArgumentPatterns(_Strict):
    # Words right before a mention that make it the recipient ("with", "against", مع، ضد).
    recipient_markers: list[str] = Field(default_factory=list)
    # Whole proclitic sequences on the mention's own token with the same role
    # (Arabic لـ، للـ، ولـ; Hebrew ל، ול): compared whole, so the article ال is not لـ.
    recipient_clitics: list[str] = Field(default_factory=list)
    # Words after which the mention is the doer of a passive verb ("by", من قبل, על ידי).
    agent_markers: list[str] = Field(default_factory=list)
    # Words right before a trigger of a verb group that make it a noun ("an attack", "the bombing",
    # "a wave of raids"): such a noun's doer may follow it after *by* (events/argmodel.py: _noun_agent).
    noun_openers: list[str] = Field(default_factory=list)
    # Plural nouns of states or sides ("four nations", "three states"): a subject made of one, with
    # no name, is named by a list after a colon that ends its clause ("had joined the accords: X, Y
    # and Z"), whose members are the doers (events/argmodel.py: _listed_doers).
    group_nouns: list[str] = Field(default_factory=list)
    # Endings of a participle that, opening its sentence (or right after a subordinator), has no
    # subject of its own ("Addressing the forum, the minister said"): its doer is the main clause's
    # subject (events/argmodel.py: _fronted_participle).
    fronted_participle_endings: list[str] = Field(default_factory=list)
    # Words of contrast that join a second verb to the first as "and" does ("X praised the plan
    # but rejected ..."): the second verb shares the first one's subject (events/extract.py).
    contrast_words: list[str] = Field(default_factory=list)
    place_markers: list[str] = Field(default_factory=list)
    coordinators: list[str] = Field(default_factory=list)
    # Verb-subject order is usual (Arabic): look for the actor after a verb trigger first.
    subject_after_verb: bool = False
    # Verb endings that carry the subject (Arabic plural قتلوا، خطفوا): the verb
    # then has its subject already, so the first mention after it is the object.
    subject_suffixes: list[str] = Field(default_factory=list)
    # A noun trigger's doer follows it as a genitive (Arabic/Hebrew construct
    # state: انضمام أذربيجان); English puts it before ("Azerbaijan's joining").
    noun_actor_after: bool = False
    # Tokens around a trigger searched for arguments when the clause has none.
    window: int = Field(default=12, ge=1)
    # An unmarked mention this close after a verb is its object (a recipient).
    object_window: int = Field(default=4, ge=1)
    # Features of the learned argument model (events/argmodel.py): the class of the
    # word right before a mention (with, to, against, on, from, by, between, in, of,
    # for, about, toward, acc), and of a proclitic glued to it (ل -> to, ב -> in).
    markers: dict[MarkerClass, list[str]] = Field(default_factory=dict)
    clitic_markers: dict[MarkerClass, list[str]] = Field(default_factory=dict)
    # Words or proclitics joining the second party of "between X and Y" (בין X ל-Y،
    # بين X و Y): that party shares the first one's *between* marker.
    pair_joiners: list[str] = Field(default_factory=list)
    # Words that open an infinitive before a lowercase word ("to help", not "to the"): the
    # parties after one belong to its verb, when the trigger has a candidate before it.
    infinitive_markers: list[str] = Field(default_factory=list)
    # Words passed over when looking back from a mention for its marker ("with *the* Iranian").
    skip_words: list[str] = Field(default_factory=list)
    # Words before a verb that make it passive (was, were, تم، جرى): its subject is undergoer.
    passive_cues: list[str] = Field(default_factory=list)
    # Where a passive cue also opens progressives and adjectives ("is investigating", "is ready"),
    # the endings and the irregular forms of a past participle ("killed", "taken", "shot"): after a
    # cue only a participle trigger is read as passive, its subject the recipient (events/argmodel.py).
    participle_endings: list[str] = Field(default_factory=list)
    # Beginnings of an active participle that opens a circumstantial clause after a comma
    # (Arabic حال: "..., متجاهلة النداءات"): its unnamed subject is the previous act's doer.
    circumstantial_prefixes: list[str] = Field(default_factory=list)
    participles: list[str] = Field(default_factory=list)
    # Participles read as adjectives after a cue ("is opposed to", "is prepared to"): no passive.
    stative_participles: list[str] = Field(default_factory=list)
    # Proclitics that open a bare-sentence candidate unambiguously (Arabic لل = ل + ال, بال):
    # cut off as the candidate's proclitic, as the gazetteer does for the pipeline's mentions.
    bare_proclitics: list[str] = Field(default_factory=list)
    # NER-free argument candidates for evaluation on bare sentences: actor nouns.
    actor_nouns: list[str] = Field(default_factory=list)
    # [prefix, suffix] of words that name a group of people (Arabic plural nisba ال...يين).
    actor_affixes: list[tuple[str, str]] = Field(default_factory=list)
    # Words that open no actor name even when capitalised (Latin script).
    not_names: list[str] = Field(default_factory=list)
    # Bare-sentence candidates span the whole noun phrase the gold marks (Arabic): nouns in
    # construct state that open a candidate running to their genitive (وزير خارجية إيران، قوات
    # التحالف); the definite article and the prefixes that carry it (ال، وال، لل), telling a
    # genitive or an agreeing adjective; the endings of a relational adjective (nisba: الجيش
    # الإسرائيلي) that extends the candidate before it when their definiteness agrees; and
    # words with those shapes that never extend one (الذي، الماضي، weekdays).
    construct_heads: list[str] = Field(default_factory=list)
    # Nouns that count people as casualties or captives ("five people", أشخاص، مدنيين، جرحى):
    # the recipient, never the actor, of an event whose frame says so (frames.yaml: casualties_never_act).
    casualty_nouns: list[str] = Field(default_factory=list)
    # Shapes of a verbal noun among a verb group's triggers (زيارة، مباحثات، لقاء، اجتماع), as
    # fnmatch patterns on the folded word, and verbs that have such a shape (التقى): only a
    # verb is followed by its subject (events/vso.py).
    noun_shapes: list[str] = Field(default_factory=list)
    # Proclitics of a genitive after a head noun ("الأمين العام للأمم المتحدة"): the head's party.
    genitive_clitics: list[str] = Field(default_factory=list)
    verbs_shaped_as_nouns: list[str] = Field(default_factory=list)
    # Prepositions that continue a title phrase before the name it is apposed to ("المتحدث باسم
    # الوزارة X"، "سفير نورلاند لدى الأمم المتحدة، X"، "قائد القوات في الجيش X"): the name is the
    # subject the title stands for (events/vso.py), and with them, the proclitics of its genitives.
    title_links: list[str] = Field(default_factory=list)
    title_clitics: list[str] = Field(default_factory=list)
    # Possessive determiners: a common-noun candidate right after one ("its troops", "their
    # supporters") is the possessor's own people or means, no party of its own.
    possessives: list[str] = Field(default_factory=list)
    article: str = ""
    article_prefixes: list[str] = Field(default_factory=list)
    attributive_suffixes: list[str] = Field(default_factory=list)
    not_attributive: list[str] = Field(default_factory=list)
    # Third-person singular subject pronouns, free or glued (he, she; הוא، היא; هو، أنه،
    # إنه): an event whose subject is one of them and that names no actor takes the person
    # who acted last before it (events/pronouns.py).
    person_pronouns: list[str] = Field(default_factory=list)
    # "His country" (بلاده، ארצו; two words at most): the state of that same person.
    state_pronouns: list[str] = Field(default_factory=list)
    # "Both countries", "the two nations", البلدين، الدولتين: the two states of the latest earlier
    # event between two states; an event naming no actor whose clause holds one is theirs.
    pair_phrases: list[str] = Field(default_factory=list)
    # Verbs by which an agreement lays down acts ("the deal provides for", ينص على، يتضمن): an act
    # told after one in its sentence is a commitment of the agreement's parties, the parties of the
    # latest earlier agreeing (events/extract.py: _stipulated_acts), planned until it is done.
    stipulating_verbs: list[str] = Field(default_factory=list)
    # Words putting a person at the head of a party's body ("a Hamas delegation headed by X", وفد
    # حركة X برئاسة Y): the person acts for the party named right before the word, which is listed
    # beside him among the actors (events/extract.py: _delegation_parties).
    headed_by: list[str] = Field(default_factory=list)
    # Words right before a pair phrase that make it part of a name, not the pair (פתרון שתי
    # המדינות, "the two-state solution").
    pair_phrase_not_after: list[str] = Field(default_factory=list)
    # Words before a noun that make it definite ("the ministry"): such a noun refers back. Empty where
    # the article is glued to the noun (الوزارة، המשרד).
    definite_articles: list[str] = Field(default_factory=list)
    # Endings of a first-person verb (Hebrew סיכמתי، סיכמנו; Arabic قطعنا): its subject is the
    # speaker, resolved as a person pronoun is; whatever the model chose as its actor is not.
    first_person_suffixes: list[str] = Field(default_factory=list)
    # The doer of a verbal noun of joining (events/genitive.py): a word that opens the noun's
    # genitive ("of", של), possessive endings on the noun (انضمامها، הצטרפותה) and possessive
    # words before it ("its", "their"), which stand for the party named last before it.
    genitive_markers: list[str] = Field(default_factory=list)
    possessive_suffixes: list[str] = Field(default_factory=list)
    # Endings that make a name a possessor ("Iran's"): the name without them is looked up.
    name_genitive_endings: list[str] = Field(default_factory=list)
    possessive_determiners: list[str] = Field(default_factory=list)
    # A pronoun right after a verb of saying stands for the sayer ("Israel's military said it
    # struck X targets", "said they had hit"): the verb's doer is the sayer, and what the model
    # took as its subject among the parties after the verb is the one acted on. At most one of
    # ``sayer_pronoun_auxiliaries`` may stand between the pronoun and the verb ("it had struck").
    sayer_pronouns: list[str] = Field(default_factory=list)
    # What an act is done to and a party owns ("targets", "positions", מטרות, עמדות): the party
    # after "of" (של) right after such a noun is the one acted on, never the doer ("struck the
    # positions of X", "תקף מטרות של X"); "the support of X", "תמיכתו של X" stay the doer's.
    owned_objects: list[str] = Field(default_factory=list)
    sayer_pronoun_auxiliaries: list[str] = Field(default_factory=list)
    # Proclitics that mark the one told (Hebrew ל: "הבהירה לולדוריה כי תתמוך"): such an addressee between a
    # verb of saying and its complementizer leaves the sayer the subject of the verb after it, which
    # names none of its own (events/extract.py: _subject_of_saying).
    addressee_clitics: list[str] = Field(default_factory=list)
    # Words that put a party at a venue ("initialled a deal at the EU headquarters", "met at the
    # White House"): one after them is where the act took place, not its recipient, unless the
    # frame aims at it ("fired at a ship": frames.yaml: aimed_at; events/extract.py: _at_venue).
    venue_markers: list[str] = Field(default_factory=list)
    # Words before the state an act passes through ("aid to Gaza through Egypt", "via Istanbul",
    # "דרך מצרים"): a transit, neither the doer nor the one the act is done to (events/vso.py).
    transit_markers: list[str] = Field(default_factory=list)
    # Words that, right after the mention, show the marker was no transit: Arabic عبر is also the
    # verb "expressed" ("عبر العراق عن قلقه", Iraq expressed its concern), which "عن" follows.
    transit_refuted_by: list[str] = Field(default_factory=list)


class NotNear(_Strict):
    triggers: list[str]  # folded forms; "*" matches any word the entry begins
    words: list[str]
    within: int = Field(default=6, ge=1)


class ModifierPatterns(_Strict):
    """Where a trigger word names no event (events/modifiers.py)."""

    # Nouns of doers a trigger word may end on ("suicide bombers", "protesters"): no event.
    agent_nouns: list[str] = Field(default_factory=list)
    # Nouns of people or bodies a trigger word before them modifies ("riot police", "aid
    # workers", "war crimes court"): the trigger is no event unless it reads as a verb.
    compound_heads: list[str] = Field(default_factory=list)
    # Words after which a trigger is a verb ("to", "will", "not"): "to aid workers" is an act.
    verb_cues: list[str] = Field(default_factory=list)
    # Words before a one-word participle trigger that make it an adjective of the noun after
    # it ("the occupied West Bank"); a hyphen after a word does too ("Israeli-occupied").
    attributive_openers: list[str] = Field(default_factory=list)
    # Verbs that carry the act their object trigger names ("gave a warm welcome", "gave support").
    light_verbs: list[str] = Field(default_factory=list)
    # Means of an act ("helicopters", "aircraft"): right before another trigger, its subject.
    instrument_nouns: list[str] = Field(default_factory=list)
    # Words that say the act named right after them is absent ("in the absence of a
    # commitment", ללא הסכם, היעדר התחייבות): the trigger after one names no event.
    absence_words: list[str] = Field(default_factory=list)
    # Nouns of a frame or a course that a trigger noun right after them qualifies ("the
    # framework of cooperation", מסגרת שיתוף הפעולה, תהליך השלום): it names what the frame is
    # about, no event.
    frame_heads: list[str] = Field(default_factory=list)
    # Adverbial phrases of purpose or manner ("in support of", "in cooperation with", دعما لـ،
    # بالتنسيق مع، بوساطة): after another trigger of the sentence they say why or how that act
    # was done, not a new act.
    adverbial_phrases: list[str] = Field(default_factory=list)
    # Nouns of a topic right before a trigger ("the issue of", مسألة، ملف): the act is what is
    # talked about, not an act told as done.
    topic_heads: list[str] = Field(default_factory=list)
    # Words near a trigger that say it tells no act of a party ("infected with a virus", أصيب
    # بفيروس; "killed in the earthquake", قتلى الزلزال): within ``within`` words of it, either
    # side, in its clause, the trigger names no event.
    not_near: list[NotNear] = Field(default_factory=list)
    # Nouns of a proposal, deal or terms whose purpose a glued clitic of purpose introduces
    # (הצעה להפסקת אש, עסקה לשחרור חטופים, הסכם לשיתוף פעולה): after another trigger of the
    # sentence the act after the clitic is the content of the deal, not an act told.
    purpose_heads: list[str] = Field(default_factory=list)
    purpose_clitics: list[str] = Field(default_factory=list)


class ClausePatterns(_Strict):
    # Words that open a new clause: complementizers, relative pronouns, subordinators
    # (أن، الذي، حيث؛ כי، אשר؛ that, which, after).  Phrases allowed ("بعد أن").
    # Hebrew glues ש to the next word; only whole common forms are listed (שהוא، שבה),
    # since a ש-initial word is as often a noun (שלום، שיחות).
    openers: list[str] = Field(default_factory=list)


class EventsData(_Strict):
    description: str = ""
    triggers: list[TriggerGroup]
    # Noun forms that name a kind of event rather than one event ("the
    # assassinations", "torture"): a trigger starting on one of these is dropped.
    generic_nouns: list[str] = Field(default_factory=list)
    # Words and phrases that look like triggers but name no event (وزارة read as زار*,
    # "request for comment", יורש העצר): matched first, they keep triggers off their tokens.
    not_triggers: list[str] = Field(default_factory=list)
    # Arabic imperfect prefixes (ي ت ن): a verb is also looked up without one, so the
    # entry هتف* finds يهتفون and تهتف as well as هتفوا.
    imperfect_prefixes: list[str] = Field(default_factory=list)
    # Relative pronouns that open a clause about something already told ("the agreement,
    # which was signed ...", الذي تم توقيعه، אשר נחתם): a trigger in such a clause restates
    # the latest earlier event of its type and status.  Only unambiguous ones: "that" also
    # opens reported speech.
    relative_pronouns: list[str] = Field(default_factory=list)
    # A preposition with a pronoun that stands for the head noun of a relative clause with no
    # relative pronoun (ההצהרה עליה חתמו, "the declaration they signed"): a verb trigger right
    # after one is told in a relative clause, as after a relative pronoun.
    resumptive_pronouns: list[str] = Field(default_factory=list)
    # Words that open a relative clause except after a verb of saying ("the accords that
    # normalized relations" but "said that they normalized relations"): English "that".
    # The verbs are the language's ``quotes.yaml: reporting_verbs``.
    relative_unless_reported: list[str] = Field(default_factory=list)
    # Demonstratives that make a trigger noun a restatement of an event already told
    # ("this agreement", هذه الاتفاقية; ההסכם הזה): a trigger they point at merges into
    # the latest earlier event of its type.  ``demonstratives_before`` stand before the
    # noun (English, Arabic), ``demonstratives_after`` after it (Hebrew); ``demonstrative_reach``
    # counts the words from the demonstrative to the trigger, so 2 lets one adjective stand
    # between ("this historic agreement", ההסכם ההיסטורי הזה).  A demonstrative right
    # after a verb of saying (``quotes.yaml: reporting_verbs``) is a complementizer ("said
    # that talks resumed") and points at nothing.
    demonstratives_before: list[str] = Field(default_factory=list)
    demonstratives_after: list[str] = Field(default_factory=list)
    demonstrative_reach: int = Field(default=1, ge=1)
    # Articles the pointed-at noun must carry when the language marks it (Arabic ال: "هذه
    # الاتفاقية"); without one the demonstrative is a pronoun subject ("وهذا يعني", "بعد ذلك اجتمع").
    demonstrative_articles: list[str] = Field(default_factory=list)
    # Verbs whose object is an act already told ("referred to the visit", התייחס לביקור,
    # הגיבה להסכם): a trigger noun right after one (``demonstrative_reach`` words at most)
    # restates an earlier event as a pointed-at noun does.
    reference_verbs: list[str] = Field(default_factory=list)
    # Time anchors told by the phase of an act (עם פתיחת השיחות "as the talks opened", בתום
    # הביקור "at the end of the visit"): the act dates another one and was told before, so a
    # trigger noun right after one restates an earlier event as a pointed-at noun does; with
    # no earlier event of its type and status it stays an event.
    time_anchors: list[str] = Field(default_factory=list)
    arguments: ArgumentPatterns = ArgumentPatterns()
    modifiers: ModifierPatterns = ModifierPatterns()
    clauses: ClausePatterns = ClausePatterns()


class StatusCue(_Strict):
    status: EventStatus
    words: list[str]
    scope: Literal["clause", "sentence"] = "clause"
    position: Literal["before", "after", "any"] = "before"
    max_distance: int | None = Field(default=None, ge=1)  # tokens between cue and trigger
    # The cue counts only when the next token starts with one of these (Arabic
    # قد before an imperfect verb means "may", before a past verb "has").
    next_token_prefixes: list[str] = Field(default_factory=list)
    # The cue does not count when the word right after it, not itself the trigger, ends with
    # one of these: Hebrew לא before an adjective ("ערבויות לא מעשיות להפסקת אש") negates
    # the adjective, not a later act.
    next_token_blocking_suffixes: list[str] = Field(default_factory=list)
    # The cue counts only when one of these words stands at most ``after_reach`` tokens before
    # it: Hebrew שלפיו after a proposal or deal ("the outline, under which X will release ...")
    # tells its terms, still talked about; after a report it tells what was reported.
    after_words: list[str] = Field(default_factory=list)
    after_reach: int = Field(default=1, ge=1)
    # The cue does not count when one of these words stands at most ``after_reach`` tokens before
    # it: English "would" after a verb of saying ("announced that it would join") is the future
    # seen from the past, a plan, not a supposition.
    unless_after_words: list[str] = Field(default_factory=list)
    # The cue counts only when another cue or the trigger's own form already gives one
    # of these statuses: "will support it only after", not "joined only after months".
    over: list[EventStatus] = Field(default_factory=list)
    # An exceptive cue lifts a negation of the trigger: "لن تنضم إلا بعد", "לא תצטרף
    # אלא אם", "will not join unless" are conditions, not refusals.
    lifts_negation: bool = False
    # A verb of denial or refusal: it negates the act it takes as object, except a saying
    # (frames.yaml: ``said``): "denied the accusations" denies what they say, not that they
    # were made.
    rebuts: bool = False


class StatusData(_Strict):
    description: str = ""
    cues: list[StatusCue]
    clause_breaks: list[str] = Field(default_factory=list)
    # A particle glued to an imperfect verb that marks the future (Arabic سـ in
    # ستنضم): the trigger is also looked up without it, and then is planned.
    future_particles: list[str] = Field(default_factory=list)
    imperfect_prefixes: list[str] = Field(default_factory=list)
    # Copular and evaluative predicates ("represents", يمثل، מהווה): a noun trigger
    # they follow within ``reference_reach`` tokens of its clause is their subject, a
    # reference to the act ("joining the accords represents ..."), not a report of it.
    reference_predicates: list[str] = Field(default_factory=list)
    reference_reach: int = Field(default=4, ge=1)
    # The same predicates before a noun trigger, within ``complement_reach`` tokens of its clause,
    # make it their complement ("represents a major victory", يعد الاتفاق خطوة نحو التطبيع):
    # it says what the subject is, no act (events/extract.py: is_evaluation).
    complement_reach: int = Field(default=6, ge=1)
    # Words right after a verb of denial (a ``rebuts`` cue) that make it deny a statement, not
    # refuse a thing ("denied reports", "denied that", نفت تقارير، نفى صحة): the act denied is the
    # event, negated, and the denial none of its own (events/extract.py: find_hits).  "Denied
    # land allocation" refuses the allocation and stays a refusal.
    denied_statements: list[str] = Field(default_factory=list)


class QuotesData(_Strict):
    description: str = ""
    quote_pairs: list[tuple[str, str]] = Field(default_factory=list)
    reporting_verbs: list[str] = Field(default_factory=list)
    complementizers: list[str] = Field(default_factory=list)
    # Complementizers written as a prefix of the next word (Hebrew ש).
    complementizer_prefixes: list[str] = Field(default_factory=list)
    attribution_cues: list[str] = Field(default_factory=list)
    anonymous_sources: list[str] = Field(default_factory=list)
    organisation_heads: list[str] = Field(default_factory=list)
    publications: list[str] = Field(default_factory=list)
    # Tokens searched between a reporting verb and its complementizer.
    speaker_window: int = Field(default=8, ge=1)


register_resource("events", EventsData)
register_resource("status", StatusData)
register_resource("quotes", QuotesData)


@cache
def events_data(lang: str) -> EventsData | None:
    return load_resource(lang, "events", EventsData)


@cache
def status_data(lang: str) -> StatusData | None:
    return load_resource(lang, "status", StatusData)


@cache
def quotes_data(lang: str) -> QuotesData | None:
    return load_resource(lang, "quotes", QuotesData)
