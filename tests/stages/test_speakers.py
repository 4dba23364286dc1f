"""Who speaks: the subject of the reporting verb, continued speech, titles, documents (own sentences).

Each test builds the layers the quotes stage reads (sentences, mentions with their
proclitics, entities, described actors) by hand, so it exercises the speaker grammar
alone, not the tagger or the linker.
"""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from dragoman.events.speaker_data import SpeakersData, speaker_rules
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Quote, Span, SpeakerKind
from dragoman.stages.dates import Dates
from dragoman.stages.described import DescribedActors
from dragoman.stages.quotes import Quotes
from dragoman.text import sentence_spans, tokenize

PERSON, ORG, GPE = EntityType.PERSON, EntityType.ORG, EntityType.GPE
NAME, NISBA = MentionKind.NAME, MentionKind.NISBA


def _run(
    text: str, lang: str, names: dict[str, tuple[str, EntityType, MentionKind]] | None = None
) -> Article:
    art = Article.from_text(text)
    art.language = lang
    art.sentences = sentence_spans(text)
    art.tokens = [t for s in art.sentences for t in tokenize(text, s.start, s.end)]
    for name, (eid, etype, kind) in (names or {}).items():
        for m in re.finditer(re.escape(name), text):
            start = m.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1  # a proclitic glued to the name: בחמאס, لإيران
            art.mentions.append(
                Mention(Span(start, m.end()), etype, kind, kb_id=eid, head=Span(m.start(), m.end()))
            )
    art.mentions.sort(key=lambda m: m.span.start)
    ents: dict[str, Entity] = {}
    for i, m in enumerate(art.mentions):
        assert m.kb_id
        ents.setdefault(m.kb_id, Entity(m.kb_id, m.kb_id, m.type)).mentions.append(i)
    art.entities = list(ents.values())
    art.provided.add("boilerplate")
    return Quotes()(DescribedActors()(Dates()(art)))  # dates: time words are not subjects


def _by_text(art: Article, start: str) -> Quote:
    return next(q for q in art.quotes if art.span_text(q.span).lstrip('"“«״ ').startswith(start))


def _who(art: Article, q: Quote) -> str | None:
    return art.span_text(q.speaker_span) if q.speaker_span else None


def test_arabic_subject_after_the_verb_is_an_unlinked_name_and_speaks_on() -> None:
    text = (
        "أكد علي حسن الموسوي مستشار رئيس الوزراء أن الحكومة ستواصل المفاوضات. "
        "وأضاف أن الجولة المقبلة ستعقد في مسقط. "
        "وأشار المستشار إلى أن الوسطاء قدموا مقترحا جديدا."
    )
    art = _run(text, "ar")
    for start in ("الحكومة ستواصل", "الجولة المقبلة", "الوسطاء قدموا"):
        assert (
            _who(art, _by_text(art, start)) == "علي حسن الموسوي"
        )  # verb subject, then وأضاف, then the title


def test_arabic_subject_before_the_verb_is_not_its_object() -> None:
    text = 'السيسي وصف الاتفاق بأنه "خطوة مهمة نحو الاستقرار في المنطقة".'
    art = _run(text, "ar", {"السيسي": ("person:sisi", PERSON, NAME)})
    q = _by_text(art, "خطوة مهمة")
    assert q.direct and q.speaker == "person:sisi"


def test_arabic_participle_shares_the_sentence_subject_and_takes_its_object() -> None:
    text = "قال وزير الخارجية عباس عراقجي إن المحادثات بناءة، مشددا على ضرورة رفع العقوبات كاملة."
    art = _run(text, "ar", {"عباس عراقجي": ("person:araghchi", PERSON, NAME)})
    q = _by_text(art, "ضرورة رفع")
    assert q.speaker == "person:araghchi" and not q.direct


def test_arabic_joint_statement_is_the_document_itself() -> None:
    text = "ووفقا لبيان مشترك، فإن الزيارة تندرج ضمن التعاون الوثيق بين الجانبين."
    art = _run(text, "ar")
    q = art.quotes[0]
    assert q.speaker_kind is SpeakerKind.DOCUMENT and q.speaker is None and _who(art, q) == "لبيان مشترك"


def test_a_letter_speaks_for_its_sender() -> None:
    text = "تلقى الملك رسالة من رئيس الوزراء نتنياهو. وكشفت الرسالة أن إسرائيل تنوي إرسال وفد تجاري."
    art = _run(text, "ar", {"نتنياهو": ("person:netanyahu", PERSON, NAME)})
    assert _by_text(art, "إسرائيل تنوي").speaker == "person:netanyahu"


def test_an_organisation_the_linker_does_not_know_and_its_later_reference() -> None:
    text = "قالت وزارة الزراعة الأردنية إن الصادرات ارتفعت. وأعلنت الوزارة أنها ستفتح أسواقا جديدة."
    art = _run(text, "ar", {"الأردنية": ("country:JO", GPE, NISBA)})
    first, second = _by_text(art, "الصادرات"), _by_text(art, "ستفتح")
    assert first.speaker == second.speaker == "office:country:JO"
    assert _who(art, first) == "وزارة الزراعة الأردنية" and second.speaker_kind is SpeakerKind.ORGANISATION


def test_hebrew_fronted_adverb_then_verb_subject_description_and_name() -> None:
    text = "אמש אישר בכיר בחמאס מוסא ג'אבר כי הארגון קיבל את ההצעה המצרית."
    art = _run(text, "he", {"חמאס": ("org:hamas", ORG, NAME)})
    assert (
        _who(art, _by_text(art, "הארגון קיבל")) == "מוסא ג'אבר"
    )  # a title and a name, not an unnamed source


def test_hebrew_coordinated_verb_shares_the_first_subject() -> None:
    text = "שר החוץ אלי כהן הודה לנשיא המצרי, ואמר כי היחסים בין המדינות חזקים מתמיד."
    art = _run(text, "he", {"אלי כהן": ("person:cohen", PERSON, NAME), "המצרי": ("country:EG", GPE, NISBA)})
    assert _by_text(art, "היחסים").speaker == "person:cohen"


def test_hebrew_colon_attribution_and_lone_follow_up_quotation() -> None:
    text = 'השר כהן: "אנחנו ממשיכים לעבוד על ההסכם עם סודן".\n"נחתום עליו עוד השנה בטקס בוושינגטון", הוסיף.'
    art = _run(text, "he", {"כהן": ("person:cohen", PERSON, NAME)})
    assert _by_text(art, "אנחנו ממשיכים").speaker == "person:cohen"
    assert _by_text(art, "נחתום").speaker == "person:cohen"


def test_hebrew_recipient_phrase_before_the_subject() -> None:
    text = 'אמר ל"ידיעות" פרופ\' דנה שגיא כי ההסכם ישנה את האזור.'
    art = _run(text, "he", {"דנה שגיא": ("person:sagi", PERSON, NAME)})
    assert _by_text(art, "ההסכם ישנה").speaker == "person:sagi"


def test_english_title_resolves_through_an_earlier_apposition() -> None:
    text = (
        "US special envoy Amos Walker landed in Amman on Monday. "
        "Walker met the senate president for two hours. "
        "Speaking to journalists afterwards, the US envoy voiced his hope for a quick agreement."
    )
    art = _run(text, "en", {"US": ("country:US", GPE, NAME)})
    assert _who(art, _by_text(art, "his hope")) == "Amos Walker"


def test_english_closing_attribution_with_no_that() -> None:
    text = "The talks will resume next week in Muscat, the Omani foreign ministry said on Sunday."
    art = _run(text, "en", {"Omani": ("country:OM", GPE, NISBA)})
    q = _by_text(art, "The talks will resume")
    assert art.span_text(q.span) == "The talks will resume next week in Muscat"
    assert q.speaker == "office:country:OM" and q.speaker_kind is SpeakerKind.ORGANISATION


def test_english_pronoun_and_zero_that_continue_the_speaker() -> None:
    text = (
        '"These waivers have been issued many times," spokesman Tom Reyes told reporters. '
        "He said the funds are held in restricted accounts."
    )
    art = _run(text, "en")
    assert _who(art, _by_text(art, "These waivers")) == "Tom Reyes"
    assert _who(art, _by_text(art, "the funds are held")) == "Tom Reyes"


def test_english_noun_that_looks_like_a_verb_opens_no_quote() -> None:
    text = "Armenia must drop its territorial claims against Azerbaijan before the treaty is signed."
    assert _run(text, "en").quotes == []


def test_quotation_running_into_the_next_paragraph_and_one_cut_by_the_page_end() -> None:
    text = (
        '"We agreed to sign the peace agreement this year. It is final.\n'
        '"The rest is procedure," the minister said.\n'
        'The minister added: "We will keep working until the last detail of the agreement is'
    )
    art = _run(text, "en")
    direct = [art.span_text(q.span) for q in art.quotes if q.direct]
    assert "We agreed to sign the peace agreement this year. It is final." in direct
    assert any(d.startswith("We will keep working") for d in direct)


def test_speaker_data_loads_for_every_language_and_rejects_unknown_keys() -> None:
    for lang in ("ar", "he", "en"):
        rules = speaker_rules(lang)
        assert rules is not None and rules.data.subject_order and rules.titles and rules.documents
    with pytest.raises(ValidationError):
        SpeakersData.model_validate({"subject_order": ["after"], "subject_stop": ["في"]})
    with pytest.raises(ValidationError):
        SpeakersData.model_validate({"subject_order": ["sideways"]})


def test_closing_cue_with_a_verb_attributes_what_comes_before_it() -> None:
    text = "وقعت الحكومتان الاتفاقية في العاصمة أمس، حسبما ذكرت وكالة الأنباء الرسمية."
    art = _run(text, "ar")
    (q,) = art.quotes
    assert art.span_text(q.span) == "وقعت الحكومتان الاتفاقية في العاصمة أمس"
    assert q.speaker_kind is SpeakerKind.PUBLICATION and _who(art, q) == "وكالة الأنباء"


def test_a_document_speaks_for_its_author_after_a_comma() -> None:
    # "The statement, issued by X, said ...": the author marker may follow a comma
    text = "The statement, issued by Norland, said that the border would stay open."
    art = _run(text, "en", {"Norland": ("country:NL", GPE, NAME)})
    assert _by_text(art, "the border would stay open").speaker == "country:NL"
