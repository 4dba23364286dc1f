"""Actors the text describes instead of naming: unnamed sources and described groups.

News leans on them: "a senior Israeli official", "مصدر مصري", "גורם מדיני
בכיר", "two Turkish officials familiar with the matter", "Iranian media",
"a group of 50 rabbis".  Each becomes a ``Described`` record (kind
``anonymous`` for sources whose identity is withheld, ``group`` for
collectives) with the span of the whole description, its head noun, the
entity it is tied to (a nisba or demonym mention, or a name after "at"/
"في"/"ב": ``affiliation``) and a count when the text gives one.  A later
definite reference ("المصدر", "the official", "המקור") joins the latest
earlier description with the same head; quotes, claims and event arguments
point at the record's id just as they point at entity ids.

Everything a language needs is data (``lang/data/<code>/described.yaml``):
head nouns with their kind, English gloss, number and definiteness, the
qualifiers that may stand before or after them, count words and
affiliation markers.  Nouns that are also ordinary words (مصدر "source of",
مسؤول "responsible") count only with a qualifier, an affiliation, a count,
or right beside a reporting verb or attribution cue.  A description
followed by a person's name is a title ("the Hamas official Tarek Soufan"),
not an unnamed source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from dragoman.events.extract import clause_breaks
from dragoman.events.matcher import PhraseMatcher
from dragoman.events.schema import quotes_data
from dragoman.events.sentence import MentionRef, SentenceView, build_views
from dragoman.lang import load_resource, register_resource
from dragoman.model import Article, Described, DescribedKind, EntityType, MentionKind, Span
from dragoman.model.ids import assign_described_ids
from dragoman.text import normalize_key


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DescribedNoun(_Strict):
    """Head nouns of one kind of description.  A word ending in ``*`` matches any word it begins."""

    words: list[str] = Field(min_length=1)
    gloss: str  # English, in the entry's number: "official", "officials", "media"
    kind: DescribedKind
    plural: bool = False
    count: int | None = Field(default=None, ge=1)  # dual forms carry their count: مصدران -> 2
    # A definite form refers back to an earlier description ("المصدر", "the official").
    definite: bool = False
    # Also an ordinary word (مصدر "source of", مسؤول "responsible for"): only with a
    # qualifier, an affiliation, a count, or beside a reporting verb or attribution cue.
    needs_context: bool = False
    # False for those that only tell (media, reports, witnesses): a quote's speaker, never an event's party.
    acts: bool = True


class DescribedData(_Strict):
    description: str = ""
    nouns: list[DescribedNoun]
    # Words that may stand before the head within the description ("a", "senior", "كبار").
    qualifiers_before: list[str] = Field(default_factory=list)
    # Words and phrases after it ("familiar with the matter", "مطلع*", "בכיר").
    qualifiers_after: list[str] = Field(default_factory=list)
    # Number words ("two": 2, "שני": 2); digits count by themselves.
    counts: dict[str, int] = Field(default_factory=dict)
    # Words after the head that tie it to a named body: "an official at the ministry", "مسؤول في الخارجية".
    affiliation_markers: list[str] = Field(default_factory=list)
    # The affiliation may stand before the head ("Israeli officials", "Hamas sources"): English.
    # Arabic and Hebrew put it after ("مسؤول إسرائيلي", "גורם ישראלי").
    affiliation_before: bool = False
    # Determiners that make an English head definite ("the official").
    definite_articles: list[str] = Field(default_factory=list)
    # How many tokens a description may span at most.
    max_tokens: int = Field(default=9, ge=1)


register_resource("described", DescribedData)


@dataclass(frozen=True, slots=True)
class _Rules:
    data: DescribedData
    nouns: PhraseMatcher[DescribedNoun]
    before: PhraseMatcher[str]
    after: PhraseMatcher[str]
    markers: PhraseMatcher[str]
    speech: PhraseMatcher[str]  # reporting verbs and attribution cues (quotes.yaml)
    counts: dict[str, int]
    definite_articles: frozenset[str]


def _pm(words: list[str]) -> PhraseMatcher[str]:
    return PhraseMatcher((w, w) for w in words)


@cache
def described_rules(lang: str) -> _Rules | None:
    d = load_resource(lang, "described", DescribedData)
    if d is None:
        return None
    q = quotes_data(lang)
    speech = (q.reporting_verbs + q.attribution_cues) if q else []
    return _Rules(
        d,
        PhraseMatcher((w, n) for n in d.nouns for w in n.words),
        _pm(d.qualifiers_before),
        _pm(d.qualifiers_after),
        _pm(d.affiliation_markers),
        _pm(speech),
        {normalize_key(k): v for k, v in d.counts.items()},
        frozenset(normalize_key(w) for w in d.definite_articles),
    )


def _count(view: SentenceView, k: int, rules: _Rules) -> int | None:
    w = view.words[k]
    if w.isdigit():
        return int(w)
    for f in view.forms[k]:
        if f in rules.counts:
            return rules.counts[f]
    return None


def _mention_at(view: SentenceView, k: int) -> MentionRef | None:
    return next((m for m in view.mentions if m.first <= k <= m.last), None)


def _is_affiliation(m: MentionRef) -> bool:
    return m.mention.kind in (
        MentionKind.NISBA,
        MentionKind.NAME,
        MentionKind.METONYM,
    ) and m.mention.type in (
        EntityType.GPE,
        EntityType.ORG,
    )


@dataclass(slots=True)
class _Hit:
    lo: int  # token range of the whole description
    hi: int
    head: tuple[int, int]
    noun: DescribedNoun
    affiliation: str | None
    count: int | None
    qualified: bool
    definite: bool


def _grow(view: SentenceView, lo: int, hi: int, rules: _Rules, noun: DescribedNoun) -> _Hit | None:
    """Extend a head match over its qualifiers, count and affiliation; None when it is a title or a common noun."""
    head = (lo, hi)
    affiliation: str | None = None
    count = noun.count
    qualified = False
    definite = noun.definite
    limit = rules.data.max_tokens
    # left: determiners, counts, qualifiers and a nisba or demonym ("a senior Israeli official")
    while lo > 0 and hi - lo < limit:
        k = lo - 1
        m = _mention_at(view, k)
        if (
            m is not None
            and m.last == k
            and _is_affiliation(m)
            and m.entity
            and rules.data.affiliation_before
        ):
            affiliation, lo, qualified = affiliation or m.entity, m.first, True
            continue
        n = _count(view, k, rules)
        if n is not None:
            count, lo, qualified = n, k, True
            continue
        if view.forms[k] and view.forms[k][0] in rules.definite_articles:
            definite, lo = True, k
            break
        q = _ending_at(rules.before, view, k)
        if q is None:
            break
        lo, qualified = q, True
    # right: nisba adjectives, qualifiers, "at/في/ב + body" ("مصدر مصري مطلع", "an official at the ministry")
    while hi < len(view.tokens) and hi - lo < limit:
        m = _mention_at(view, hi)
        if m is not None and m.first == hi and m.mention.kind is MentionKind.NISBA and m.entity:
            affiliation, hi, qualified = affiliation or m.entity, m.last + 1, True
            continue
        qa = rules.after.match_at(view.forms, hi)
        if qa is not None:
            hi, qualified = qa.end, True
            continue
        if view.words[hi] in (",", "،") and hi + 1 < len(view.tokens):
            qc = rules.after.match_at(view.forms, hi + 1)
            if qc is not None and qc.end - qc.start > 1:
                hi, qualified = qc.end, True  # "مسؤول أذربيجاني، فضل عدم ذكر اسمه،"
                continue
        mk = rules.markers.match_at(view.forms, hi)
        nxt = _mention_at(view, mk.end if mk else hi)
        if (
            mk is None
            and nxt is not None
            and nxt.first == hi
            and _is_affiliation(nxt)
            and nxt.entity
            and nxt.proclitic
        ):
            # a glued marker: "כלי תקשורת באיראן", "مسؤول بالخارجية"
            affiliation, hi, qualified = affiliation or nxt.entity, nxt.last + 1, True
            continue
        if mk is not None and nxt is not None and nxt.first == mk.end and _is_affiliation(nxt) and nxt.entity:
            affiliation, hi, qualified = affiliation or nxt.entity, nxt.last + 1, True
            continue
        break
    # a person's name right after it makes it a title: "the Hamas official Tarek Soufan"
    nxt = _mention_at(view, hi)
    if nxt is not None and nxt.first == hi and nxt.mention.type is EntityType.PERSON:
        return None
    return _Hit(lo, hi, head, noun, affiliation, count, qualified, definite)


def _ending_at(matcher: PhraseMatcher[str], view: SentenceView, k: int) -> int | None:
    """Start of a phrase of ``matcher`` that ends at token ``k`` (inclusive), if any."""
    for start in range(max(0, k - 3), k + 1):
        m = matcher.match_at(view.forms, start)
        if m is not None and m.end == k + 1:
            return start
    return None


def _beside_speech(view: SentenceView, lo: int, hi: int, rules: _Rules) -> bool:
    """Right after a reporting verb or cue ("قال مصدر"), or right before one ("מקור אמר")."""
    if hi < len(view.tokens) and (rules.speech.match_at(view.forms, hi) is not None or view.words[hi] == ":"):
        return True  # "מקור אמר", "דיווחים: «...»"
    return lo > 0 and _ending_at(rules.speech, view, lo - 1) is not None


_NAMED = (EntityType.PERSON, EntityType.ORG, EntityType.AGREEMENT, EntityType.LAW, EntityType.EVENT)


def _inside_name(view: SentenceView, lo: int, hi: int) -> bool:
    """Inside a name ("Sources Bank")? Miscellaneous tags do not count: the tagger labels descriptions so."""
    return any(m.first <= lo and hi - 1 <= m.last and m.mention.type in _NAMED for m in view.mentions)


def find_described(article: Article, lang: str) -> list[Described]:
    """Described actors of the article's body sentences, definite references joined to their antecedents."""
    rules = described_rules(lang)
    if rules is None:
        return []
    out: list[Described] = []
    latest: dict[str, Described] = {}  # gloss -> the latest description with that head
    for view in build_views(article, lang, clause_breaks(lang)):
        done = 0  # tokens before this belong to a description already read
        for match in rules.nouns.find(view.forms):
            noun = match.payload
            if match.start < done or _inside_name(view, match.start, match.end):
                continue  # a qualifier of the last one ("גורם מדיני בכיר"), or inside a name
            hit = _grow(view, match.start, match.end, rules, noun)
            if hit is None:
                continue
            done = hit.hi
            if hit.definite:
                prior = latest.get(noun.gloss)
                if prior is not None and hit.affiliation in (None, prior.affiliation):
                    prior.mentions.append(view.token_span(hit.lo, hit.hi))
                    continue
                if not hit.qualified:
                    continue  # "the official" with nothing earlier to refer to: a title, not a source
            elif noun.needs_context and not hit.qualified and not _beside_speech(view, hit.lo, hit.hi, rules):
                continue
            d = Described(
                id="",  # content-derived, given below
                kind=noun.kind,
                mentions=[view.token_span(hit.lo, hit.hi)],
                head=view.token_span(*hit.head),
                gloss=_gloss(article, noun, hit),
                affiliation=hit.affiliation,
                count=hit.count,
                plural=noun.plural or (hit.count or 1) > 1,
                acts=noun.acts,
            )
            out.append(d)
            latest[noun.gloss] = d
    return assign_described_ids(article.id, out)


def _gloss(article: Article, noun: DescribedNoun, hit: _Hit) -> str:
    count = f"{hit.count} " if hit.count and hit.count > 1 else ""
    ent = article.entity(hit.affiliation) if hit.affiliation else None
    of = f" ({ent.canonical})" if ent else ""
    return (
        f"unnamed {count}{noun.gloss}{of}"
        if noun.kind is DescribedKind.ANONYMOUS
        else f"{count}{noun.gloss}{of}"
    )


def described_at(article: Article, span: Span) -> Described | None:
    """The described actor one of whose mentions overlaps ``span``."""
    for d in article.described:
        if any(m.overlaps(span) for m in d.mentions):
            return d
    return None
