"""dragoman.Quotes.v1: direct and indirect quotes, speakers of every kind, claims."""

from __future__ import annotations

import re

from dragoman.model import Article, DescribedKind, Entity, EntityType, Mention, Source, Span, SpeakerKind
from dragoman.pipeline import registry
from dragoman.stages.described import DescribedActors
from dragoman.stages.quotes import Quotes
from dragoman.text import sentence_spans, tokenize


def _article(
    text: str, lang: str, names: dict[str, tuple[str, EntityType]], outlet: str | None = None
) -> Article:
    art = Article.from_text(text, Source(outlet=outlet))
    art.language = lang
    art.sentences = sentence_spans(text)
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    for name, (eid, etype) in names.items():
        for m in re.finditer(re.escape(name), text):
            art.mentions.append(Mention(span=Span(m.start(), m.end()), type=etype, kb_id=eid))
    art.mentions.sort(key=lambda m: m.span.start)
    ents: dict[str, Entity] = {}
    for i, m in enumerate(art.mentions):
        ents.setdefault(
            m.kb_id or "", Entity(id=m.kb_id or "", canonical=m.kb_id or "", type=m.type)
        ).mentions.append(i)
    art.entities = list(ents.values())
    return DescribedActors()(art)  # the layer the quotes stage reads unnamed sources from


def test_registered() -> None:
    spec = registry()["dragoman.Quotes.v1"]
    assert spec.provides == {"quotes", "claims"}
    assert spec.doc


def test_arabic_office_statement_is_a_direct_quote_of_the_organisation() -> None:
    text = 'وقال مكتب نتنياهو إن "أذربيجان حليف استراتيجي مهم لإسرائيل في منطقة القوقاز".'
    names = {"مكتب نتنياهو": ("org:israel-pmo", EntityType.ORG), "أذربيجان": ("country:AZ", EntityType.GPE)}
    art = Quotes()(_article(text, "ar", names))
    assert len(art.quotes) == 1
    q = art.quotes[0]
    assert q.direct and q.speaker == "org:israel-pmo" and q.speaker_kind is SpeakerKind.ORGANISATION
    assert art.span_text(q.span).startswith("أذربيجان حليف")
    claim = art.claims[0]
    assert claim.claimant == "org:israel-pmo" and claim.evidence == [q.span]
    assert "country:AZ" in claim.about


def test_office_of_a_person_without_an_org_entity() -> None:
    text = 'وقال مكتب نتنياهو إن "العلاقات قوية جدا بين البلدين".'
    art = Quotes()(_article(text, "ar", {"نتنياهو": ("person:netanyahu", EntityType.PERSON)}))
    q = art.quotes[0]
    assert q.speaker_kind is SpeakerKind.ORGANISATION
    assert q.speaker == "office:person:netanyahu"
    assert q.speaker_span is not None and art.span_text(q.speaker_span) == "مكتب نتنياهو"


def test_anonymous_sources_indirect_quote() -> None:
    text = "أفادت مصادر مطلعة بأن الإدارة تبحث مع أذربيجان إمكانية انضمامها."
    art = Quotes()(_article(text, "ar", {"أذربيجان": ("country:AZ", EntityType.GPE)}))
    q = art.quotes[0]
    assert not q.direct and q.speaker_kind is SpeakerKind.ANONYMOUS
    (source,) = art.described  # an unnamed source is a described actor the quote points at
    assert q.speaker == source.id and source.kind is DescribedKind.ANONYMOUS and source.plural
    assert q.speaker_span is not None and art.span_text(q.speaker_span) == "مصادر مطلعة"
    assert art.span_text(q.span).startswith("الإدارة تبحث")


def test_english_publication_and_person_speakers() -> None:
    text = "Newsweek reported that Azerbaijan is Israel's closest Muslim partner. Blank said that the deal would help."
    names = {"Blank": ("person:blank", EntityType.PERSON), "Azerbaijan": ("country:AZ", EntityType.GPE)}
    art = Quotes()(_article(text, "en", names))
    kinds = [(q.speaker_kind, q.speaker) for q in art.quotes]
    assert (SpeakerKind.PUBLICATION, "publication:newsweek") in kinds
    assert (SpeakerKind.PERSON, "person:blank") in kinds


def test_english_anonymous_officials() -> None:
    text = "Officials who asked not to be named said that talks with Baku were advanced."
    art = Quotes()(_article(text, "en", {}))
    assert art.quotes and art.quotes[0].speaker_kind is SpeakerKind.ANONYMOUS


def test_hebrew_attribution_cue_and_acronym_is_not_a_quote() -> None:
    text = 'לדברי נתניהו, ארה"ב תומכת בהרחבת ההסכמים למדינות נוספות.'
    art = Quotes()(_article(text, "he", {"נתניהו": ("person:netanyahu", EntityType.PERSON)}))
    assert all(q.direct is False for q in art.quotes)  # the gershayim of ארה"ב opens no quotation
    assert art.quotes[0].speaker == "person:netanyahu"


def test_guillemets_and_trailing_speaker() -> None:
    text = "«سنواصل تعزيز التعاون مع أذربيجان والولايات المتحدة بكل قوة»، قالت ستروك."
    art = Quotes()(_article(text, "ar", {"ستروك": ("person:strock", EntityType.PERSON)}))
    q = art.quotes[0]
    assert q.direct and q.speaker == "person:strock" and q.speaker_kind is SpeakerKind.PERSON


def test_scare_quotes_are_not_speech() -> None:
    art = Quotes()(_article("إسرائيل تسعى إلى رفع العقوبات في “تحالف استراتيجي” مع أذربيجان", "ar", {}))
    assert art.quotes == []


def test_outlet_claims_for_events_told_in_its_own_voice() -> None:
    from dragoman.model import Event, EventStatus

    text = "Israel opened an embassy in Baku. Officials said that more would follow."
    art = _article(text, "en", {"Israel": ("country:IL", EntityType.GPE)}, outlet="Example News")
    trig = Span(7, 13)
    art.events = [
        Event(
            "e1",
            "OPEN_EMBASSY",
            None,
            EventStatus.OCCURRED,
            ["country:IL"],
            [],
            [art.sentences[0]],
            trigger=trig,
        )
    ]
    art = Quotes()(art)
    outlet = [c for c in art.claims if c.claimant == "outlet:Example News"]
    assert len(outlet) == 1 and outlet[0].evidence == [art.sentences[0]]
    assert {"country:IL", "e1"} <= set(outlet[0].about)


def test_subjectless_reporting_verb_continues_the_last_speaker() -> None:
    text = "وقالت ستروك إن العلاقات قوية مع أذربيجان. وأضافت أن التعاون سيستمر في كل المجالات."
    art = Quotes()(_article(text, "ar", {"ستروك": ("person:strock", EntityType.PERSON)}))
    assert len(art.quotes) == 2
    assert [q.speaker for q in art.quotes] == ["person:strock", "person:strock"]


def test_same_span_is_one_quote() -> None:
    text = "وأوضحت المصادر، التي فضلت عدم الكشف عن هويتها، أن أذربيجان ترتبط بعلاقات طويلة مع إسرائيل."
    art = Quotes()(_article(text, "ar", {}))
    assert len({q.span for q in art.quotes}) == len(art.quotes) >= 1
    assert art.quotes[0].speaker_kind is SpeakerKind.ANONYMOUS


def test_hebrew_glued_complementizer_and_subject_before_the_verb() -> None:
    text = "נתניהו אמר שאזרבייג'ן היא שותפה אסטרטגית חשובה."
    art = Quotes()(_article(text, "he", {"נתניהו": ("person:netanyahu", EntityType.PERSON)}))
    assert len(art.quotes) == 1
    q = art.quotes[0]
    assert not q.direct and q.speaker == "person:netanyahu"
    assert art.span_text(q.span).startswith("אזרבייג'ן")  # the glued ש is not part of the reported content


def test_english_trailing_said_speaker() -> None:
    text = '"We are working to bring more countries into the accords," Witkoff said on Tuesday.'
    art = Quotes()(_article(text, "en", {"Witkoff": ("person:witkoff", EntityType.PERSON)}))
    q = art.quotes[0]
    assert q.direct and q.speaker == "person:witkoff" and q.speaker_kind is SpeakerKind.PERSON


def test_a_relayed_quote_is_the_quoted_persons() -> None:
    # "X quoted Y as saying", "نقلت X عن Y قوله": Y speaks, X only relays
    en = Quotes()(_article(
        "The Norland News Agency quoted Anna Berg as saying that the border would stay closed.",
        "en",
        {"Norland News Agency": ("org:nna", EntityType.ORG), "Anna Berg": ("person:berg", EntityType.PERSON)},
    ))
    assert [q.speaker for q in en.quotes] == ["person:berg"]
    ar = Quotes()(_article(
        "ونقلت وكالة أنباء نورلاند عن آنا بيرغ قولها إن الحدود ستبقى مغلقة.",
        "ar",
        {"وكالة أنباء نورلاند": ("org:nna", EntityType.ORG), "آنا بيرغ": ("person:berg", EntityType.PERSON)},
    ))
    assert [q.speaker for q in ar.quotes] == ["person:berg"]
    # Hebrew tells it with a relative clause: "X ציטטה את Y שאמרה כי": the one who said is Y,
    # though Y is the object of the quoting
    he = Quotes()(_article(
        "סוכנות הידיעות של נורלנד ציטטה את אנה ברג שאמרה כי הגבול יישאר סגור.",
        "he",
        {"סוכנות הידיעות של נורלנד": ("org:nna", EntityType.ORG), "אנה ברג": ("person:berg", EntityType.PERSON)},
    ))
    assert [q.speaker for q in he.quotes] == ["person:berg"]
    # a plain verb keeps its subject before it
    plain = Quotes()(_article(
        "אנה ברג אמרה כי הגבול יישאר סגור.", "he", {"אנה ברג": ("person:berg", EntityType.PERSON)}
    ))
    assert [q.speaker for q in plain.quotes] == ["person:berg"]


def test_him_after_a_quote_continues_its_speaker() -> None:
    text = 'Anna Berg said the border was under review. "It will stay closed," her office quoted her as saying.'
    art = Quotes()(_article(text, "en", {"Anna Berg": ("person:berg", EntityType.PERSON)}))
    assert [q.speaker for q in art.quotes if q.direct] == ["person:berg"]


def _with_event(art: Article, actors: list[str], trigger: Span) -> Article:
    from dragoman.model import Event, EventStatus

    art.events = [Event("e1", "SANCTION", None, EventStatus.OCCURRED, actors, [], [art.sentences[0]], trigger=trigger)]
    return art


def test_a_pronoun_with_no_speaker_before_it_stands_for_the_last_doer() -> None:
    # nobody has spoken yet: "it" is Norland, whose act was told last
    text = "Norland expelled the Valdorian envoy on Monday. It said the decision was final."
    names = {"Norland": ("country:NL", EntityType.GPE)}
    art = Quotes()(_with_event(_article(text, "en", names), ["country:NL"], Span(8, 16)))
    assert [(q.speaker, q.speaker_kind) for q in art.quotes] == [("country:NL", SpeakerKind.ORGANISATION)]


def test_a_person_pronoun_does_not_stand_for_a_state() -> None:
    text = "Norland expelled the Valdorian envoy on Monday. He said the decision was final."
    names = {"Norland": ("country:NL", EntityType.GPE)}
    art = Quotes()(_with_event(_article(text, "en", names), ["country:NL"], Span(8, 16)))
    assert [q.speaker for q in art.quotes] == [None]
