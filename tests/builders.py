"""Hand-built Articles for tests that need facts without running the pipeline.

``query_corpus()`` is three short articles (Arabic, Hebrew, English, our own
sentences) whose events spread over types, statuses, actors, recipients and
dates of every granularity, so filters and pages have something to tell
apart.  Ids are given the way the pipeline gives them (dragoman.model.ids).
"""

from __future__ import annotations

from datetime import date

from dragoman.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventStatus,
    Granularity,
    Mention,
    Quote,
    Source,
    Span,
    SpeakerKind,
    TimeExpr,
)
from dragoman.model.ids import assign_event_ids, assign_mention_ids, assign_quote_ids, local_entity_id

KB = {
    "country:AZ": ("Azerbaijan", "Q227", EntityType.GPE),
    "country:IL": ("Israel", "Q801", EntityType.GPE),
    "country:KZ": ("Kazakhstan", "Q232", EntityType.GPE),
    "country:US": ("United States", "Q30", EntityType.GPE),
    "agreement:abraham": ("Abraham Accords", "Q97306458", EntityType.AGREEMENT),
}


def span(text: str, needle: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return Span(i, i + len(needle))


class Builder:
    """Adds mentions, entities, events and quotes to one article by the words they cover."""

    def __init__(self, text: str, language: str, **source: object) -> None:
        self.a = Article.from_text(text, Source(**source))  # type: ignore[arg-type]
        self.a.language = language
        self.a.sentences = [Span(0, len(text))]
        self.a.provided |= {"language", "sentences", "boilerplate", "mentions", "entities", "time_expressions",
                            "events", "quotes", "claims"}

    def mention(self, words: str, entity_id: str, nth: int = 0, etype: EntityType | None = None) -> str:
        canonical, qid, kb_type = KB.get(entity_id, (words, None, etype or EntityType.PERSON))
        idx = len(self.a.mentions)
        self.a.mentions.append(Mention(span(self.a.text, words, nth), kb_type, kb_id=entity_id if qid else None))
        ent = self.a.entity(entity_id)
        if ent is None:
            self.a.entities.append(Entity(entity_id, canonical, kb_type, qid, [idx]))
        else:
            ent.mentions.append(idx)
        return entity_id

    def local(self, words: str, key: str) -> str:
        return self.mention(words, local_entity_id(self.a.id, key), etype=EntityType.PERSON)

    def event(
        self,
        trigger: str,
        type_: str,
        status: EventStatus,
        actors: list[str],
        recipients: list[str],
        when: tuple[str, str, Granularity] | None = None,
    ) -> None:
        date_ = None
        if when is not None:
            words, value, gran = when
            date_ = TimeExpr(span(self.a.text, words), value, gran)
            self.a.time_expressions.append(date_)
        trig = span(self.a.text, trigger)
        self.a.events.append(
            Event("", type_, None, status, actors, recipients, [Span(0, len(self.a.text))], date=date_, trigger=trig)
        )

    def quote(self, words: str, speaker: str, who: str) -> None:
        self.a.quotes.append(
            Quote("", span(self.a.text, words), True, speaker, span(self.a.text, who), SpeakerKind.PERSON)
        )

    def done(self) -> Article:
        assign_mention_ids(self.a)
        assign_event_ids(self.a.id, self.a.events)
        assign_quote_ids(self.a.id, self.a.quotes)
        return self.a


def query_corpus() -> list[Article]:
    ar = Builder(
        "وقعت أذربيجان اتفاقا مع إسرائيل في 1 آذار 2025، وأجرت كازاخستان محادثات مع الولايات المتحدة في آذار. "
        "وقال الوزير دانا روش: «الاتفاق تاريخي».",
        "ar",
        outlet="مثال",
        published=date(2025, 3, 2),
    )
    az, il = ar.mention("أذربيجان", "country:AZ"), ar.mention("إسرائيل", "country:IL")
    kz, us = ar.mention("كازاخستان", "country:KZ"), ar.mention("الولايات المتحدة", "country:US")
    dana = ar.local("دانا روش", "dana rosh")
    ar.event("وقعت", "AGREE", EventStatus.OCCURRED, [az], [il], ("1 آذار 2025", "2025-03-01", Granularity.DAY))
    ar.event("محادثات", "CONSULT", EventStatus.TALKS, [kz], [us], ("في آذار", "2025-03", Granularity.MONTH))
    ar.quote("«الاتفاق تاريخي»", dana, "دانا روش")

    he = Builder(
        "אזרבייג'ן תצטרף השנה להסכמי אברהם. מפגינים צעדו בעיר. שר החוץ של ישראל נפגש ב-9 באפריל עם עמיתו מאזרבייג'ן.",
        "he",
        outlet="דוגמה",
        published=date(2025, 4, 10),
    )
    az2, ab = he.mention("אזרבייג'ן", "country:AZ"), he.mention("הסכמי אברהם", "agreement:abraham")
    il2 = he.mention("ישראל", "country:IL")
    he.mention("אזרבייג'ן", "country:AZ", nth=1)
    he.event("תצטרף", "ACCEDE", EventStatus.PLANNED, [az2], [ab], ("השנה", "2025", Granularity.YEAR))
    he.event("מפגינים", "PROTEST", EventStatus.OCCURRED, [], [])
    he.event("נפגש", "CONSULT", EventStatus.OCCURRED, [il2], [az2], ("9 באפריל", "2025-04-09", Granularity.DAY))

    en = Builder(
        "The United States will not impose sanctions on Azerbaijan this spring. "
        "Dana Rosh said Azerbaijan had signed an agreement some time before March.",
        "en",
        outlet="Example Ledger",
    )
    us3, az3 = en.mention("United States", "country:US"), en.mention("Azerbaijan", "country:AZ")
    dana3 = en.local("Dana Rosh", "dana rosh")
    en.mention("Azerbaijan", "country:AZ", nth=1)
    en.event("impose sanctions", "SANCTION", EventStatus.NEGATED, [us3], [az3],
             ("this spring", "2025-03-01/2025-05-31", Granularity.SEASON))
    en.event("signed", "AGREE", EventStatus.OCCURRED, [dana3], [az3],
             ("some time before March", "../2025-03-01", Granularity.VAGUE))
    en.quote("had signed an agreement", dana3, "Dana Rosh")
    return [ar.done(), he.done(), en.done()]


AB = "agreement:abraham"


def picture_corpus() -> list[Article]:
    """Four articles (ar, he, en, ar; our own sentences): one prospective accession reported in three
    languages, a cooperation two of them date differently, and the accession done (tests/corpus/)."""
    ar = Builder(
        "قالت مصادر إن أذربيجان تجري محادثات للانضمام إلى اتفاقيات أبراهام في آذار 2025. "
        "وأعلن مكتب رئيس الوزراء الإسرائيلي في 3 آذار 2025 أن إسرائيل تتعاون مع أذربيجان.",
        "ar", outlet="مثال", published=date(2025, 3, 10),
    )
    az, ab, il = ar.mention("أذربيجان", "country:AZ"), ar.mention("اتفاقيات أبراهام", AB), ar.mention("إسرائيل", "country:IL")
    ar.mention("أذربيجان", "country:AZ", nth=1)
    ar.event("للانضمام", "ACCEDE", EventStatus.TALKS, [az], [ab], ("آذار 2025", "2025-03", Granularity.MONTH))
    ar.event("تتعاون", "COOPERATE", EventStatus.OCCURRED, [il], [az], ("3 آذار 2025", "2025-03-03", Granularity.DAY))

    he = Builder(
        "אזרבייג'ן מנהלת מגעים להצטרף להסכמי אברהם. ישראל משתפת פעולה עם אזרבייג'ן מאז 10 באפריל 2025.",
        "he", outlet="דוגמה", published=date(2025, 3, 12),
    )
    az2, ab2, il2 = he.mention("אזרבייג'ן", "country:AZ"), he.mention("הסכמי אברהם", AB), he.mention("ישראל", "country:IL")
    he.mention("אזרבייג'ן", "country:AZ", nth=1)
    he.event("להצטרף", "ACCEDE", EventStatus.PLANNED, [az2], [ab2], ("מגעים", "2025-03-11", Granularity.DAY))
    he.event("משתפת פעולה", "COOPERATE", EventStatus.OCCURRED, [il2], [az2], ("10 באפריל 2025", "2025-04-10", Granularity.DAY))

    en = Builder(
        "Azerbaijan is in talks to join the Abraham Accords, officials said. Kazakhstan watched. "
        "Israel said it cooperates with Azerbaijan.",
        "en", outlet="Example Ledger", published=date(2025, 3, 14),
    )
    az3, ab3, kz3 = en.mention("Azerbaijan", "country:AZ"), en.mention("Abraham Accords", AB), en.mention("Kazakhstan", "country:KZ")
    en.mention("Israel", "country:IL")
    en.mention("Azerbaijan", "country:AZ", nth=1)
    en.event("join", "ACCEDE", EventStatus.TALKS, [az3], [ab3])
    en.event("watched", "CONSULT", EventStatus.OCCURRED, [kz3], [])

    done = Builder(
        "انضمت أذربيجان إلى اتفاقيات أبراهام رسميا في 2 نيسان 2025.",
        "ar", outlet="مثال آخر", published=date(2025, 4, 3),
    )
    az4, ab4 = done.mention("أذربيجان", "country:AZ"), done.mention("اتفاقيات أبراهام", AB)
    done.event("انضمت", "ACCEDE", EventStatus.OCCURRED, [az4], [ab4], ("2 نيسان 2025", "2025-04-02", Granularity.DAY))
    return [ar.done(), he.done(), en.done(), done.done()]


def unrelated_story() -> Article:
    """An unrelated story: the same language as one of the above, nothing else in common."""
    b = Builder("Protesters marched in Lima against a mining law on 2 March 2025.", "en", outlet="Example Ledger",
                published=date(2025, 3, 3))
    pe = b.mention("Lima", "city:lima", etype=EntityType.PLACE)
    b.event("marched", "PROTEST", EventStatus.OCCURRED, [], [pe], ("2 March 2025", "2025-03-02", Granularity.DAY))
    return b.done()
