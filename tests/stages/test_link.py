"""The linker: KB ids, NER merging, titles by date, local clusters; plus the seed article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from dragoman.link import name_key
from dragoman.model import Article, Entity, EntityType, Mention, MentionKind, Source, Span
from dragoman.model.ids import local_entity_id
from dragoman.pipeline import make_stage, registry
from dragoman.stages.gazetteer import Gazetteer
from dragoman.stages.link import Link, LinkSettings
from dragoman.stages.normalize import Normalize
from dragoman.stages.sentences import Sentences


def _article(text: str, lang: str, published: date | None = None) -> Article:
    art = Article.from_text(text, Source(published=published))
    art.language = lang
    art.provided |= {"boilerplate", "language"}
    return Gazetteer()(Normalize()(Sentences()(art)))


def _ner(art: Article, surface: str, etype: EntityType, nth: int = 0) -> int:
    """Append an NER mention as the tagger would (whole tokens, no KB id); return its index."""
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(surface, start + 1)
    art.mentions.append(
        Mention(Span(start, start + len(surface)), etype, source="ner", kb_id=None, score=0.9)
    )
    return len(art.mentions) - 1


def _entity(art: Article, entity_id: str) -> Entity:
    ent = art.entity(entity_id)
    assert ent is not None, f"{entity_id} not among {[e.id for e in art.entities]}"
    return ent


def _surfaces(art: Article, ent: Entity) -> list[str]:
    return [art.span_text(art.mentions[i].span) for i in ent.mentions]


def test_registered_with_layers() -> None:
    spec = registry()["dragoman.Link.v1"]
    assert spec.requires == frozenset({"text", "mentions", "tokens", "sentences"})
    assert spec.provides == frozenset({"entities", "mentions"})
    with pytest.raises(ValidationError):
        make_stage("dragoman.Link.v1", {"min_score": 0.5})


def test_title_resolves_to_the_office_holder_on_the_article_date() -> None:
    text = "زار وزير الخارجية الإسرائيلي باكو."
    then = Link()(_article(text, "ar", date(2023, 4, 20)))
    now = Link()(_article(text, "ar", date(2025, 6, 1)))
    assert _surfaces(then, _entity(then, "person:eli-cohen")) == ["وزير الخارجية الإسرائيلي"]
    assert _entity(now, "person:saar")
    assert then.entity("person:saar") is None and now.entity("person:eli-cohen") is None
    undated = Link()(_article(text, "ar"))  # several holders over time: left open
    assert not [e for e in undated.entities if e.type is EntityType.PERSON]


def test_apposition_beats_the_calendar() -> None:
    art = Link()(
        _article("قال وزير الخارجية الإسرائيلي، إيلي كوهين، إن الزيارة مهمة.", "ar", date(2025, 6, 1))
    )
    ent = _entity(art, "person:eli-cohen")
    assert _surfaces(art, ent) == ["وزير الخارجية الإسرائيلي", "إيلي كوهين"]
    assert art.entity("person:saar") is None


def test_hebrew_default_title_and_nisba_title() -> None:
    art = Link()(_article("יועץ הנשיא האזרי נפגש עם ראש הממשלה.", "he", date(2025, 4, 1)))
    assert _surfaces(art, _entity(art, "person:hikmet-hajiyev")) == ["יועץ הנשיא האזרי"]
    assert _surfaces(art, _entity(art, "person:netanyahu")) == ["ראש הממשלה"]
    assert _entity(art, "country:AZ").qid == "Q227"


def test_overlapping_ner_mentions_are_not_counted_twice() -> None:
    art = _article("التقى بنيامين نتنياهو مع وفد من أذربيجان.", "ar", date(2025, 1, 1))
    gaz = len(art.mentions)
    _ner(art, "بنيامين نتنياهو", EntityType.PERSON)
    _ner(art, "أذربيجان", EntityType.GPE)
    Link()(art)
    assert len(art.mentions) == gaz + 2  # the linker never deletes mentions
    assert len(_entity(art, "person:netanyahu").mentions) == 1
    assert len(_entity(art, "country:AZ").mentions) == 1
    assert all(art.mentions[i].source == "gazetteer" for e in art.entities for i in e.mentions)


def test_ner_mentions_link_by_name_and_cross_script_key() -> None:
    # The gazetteer skips הודו (also "they thanked"); an NER GPE tag confirms it is India.
    art = _article("חיכמת חגיייב ביקר בהודו. חגיייב אמר כי הקשרים חזקים.", "he", date(2025, 4, 1))
    assert not any(m.kb_id == "country:IN" for m in art.mentions)
    full = _ner(art, "חיכמת חגיייב", EntityType.PERSON)
    alone = _ner(art, "חגיייב", EntityType.PERSON, nth=1)
    india = _ner(art, "בהודו", EntityType.GPE)
    Link()(art)
    hajiyev = _entity(art, "person:hikmet-hajiyev")  # spelled חגיייב, not as in the KB
    assert hajiyev.mentions == [full, alone]
    assert india in _entity(art, "country:IN").mentions


def test_unknown_people_cluster_locally_with_a_transliterated_name() -> None:
    text = "قال النائب سيمون موشيشفيلي إن العلاقات قوية. وأضاف موشيشفيلي أن التعاون سيستمر."
    art = _article(text, "ar")
    full = _ner(art, "سيمون موشيشفيلي", EntityType.PERSON)
    alone = _ner(art, "موشيشفيلي", EntityType.PERSON, nth=1)
    Link()(art)
    key = name_key("سيمون موشيشفيلي", "ar")
    ent = _entity(art, local_entity_id(art.id, key))
    assert ent.mentions == [full, alone] and ent.type is EntityType.PERSON and ent.qid is None
    assert ent.canonical.isascii() and ent.canonical.split()[0].lower().startswith("s")
    assert key == name_key("Simon Moshishvili", "en")  # the same key the store groups by


def test_latin_surface_is_the_canonical_of_a_local_entity() -> None:
    art = _article("Simon Moshiashvili spoke. Later Moshiashvili left.", "en")
    _ner(art, "Simon Moshiashvili", EntityType.PERSON)
    _ner(art, "Moshiashvili", EntityType.PERSON, nth=1)
    Link()(art)
    (ent,) = [e for e in art.entities if e.id.startswith("local:")]
    assert ent.canonical == "Simon Moshiashvili" and len(ent.mentions) == 2


def test_an_organisation_built_around_a_nisba_is_its_own_entity() -> None:
    art = _article("وصل مستشار الأمن القومي الأذربيجاني إلى واشنطن.", "ar", date(2025, 1, 1))
    org = _ner(art, "مستشار الأمن القومي الأذربيجاني", EntityType.ORG)
    Link()(art)
    local = [e for e in art.entities if org in e.mentions]
    assert local and local[0].id.startswith("local:") and local[0].type is EntityType.ORG
    assert [art.mentions[i].kind for i in _entity(art, "country:AZ").mentions] == [MentionKind.NISBA]
    assert [art.mentions[i].kind for i in _entity(art, "country:US").mentions] == [MentionKind.METONYM]


def test_low_scoring_ner_mentions_can_be_left_out() -> None:
    art = _article("قال سيمون موشيشفيلي إن العلاقات قوية.", "ar")
    _ner(art, "سيمون موشيشفيلي", EntityType.PERSON)
    Link(LinkSettings(min_ner_score=0.95))(art)
    assert art.entities == []


def test_seed_hebrew_article_links_states_and_netanyahu(seeds_dir: Path) -> None:
    text = (seeds_dir / "003_7678fdd83c2c5ead.txt").read_text("utf-8")
    art = Link()(_article(text, "he"))
    expected = {
        "country:IL": {"ישראל", "בישראל", "ולישראל"},
        "country:AZ": {"אזרבייג'ן", "ואזרבייג'ן", "לאזרבייג'ן", "האזרי"},
        "country:US": {'ארה"ב', 'וארה"ב', 'בארה"ב'},
        "country:IR": {"איראן", "לאיראן", "האיראני"},
        "person:netanyahu": {"נתניהו", "לנתניהו", "בנימין נתניהו"},
    }
    for kb_id, forms in expected.items():
        ent = _entity(art, kb_id)
        got = set(_surfaces(art, ent))
        assert forms <= got, f"{kb_id}: missing {forms - got}"
        for i in ent.mentions:
            m = art.mentions[i]
            assert art.text[m.span.start : m.span.end] == art.span_text(m.span)
            if m.head is not None and m.kind is MentionKind.NAME and kb_id.startswith("country:"):
                assert art.span_text(m.head) in {"ישראל", "אזרבייג'ן", 'ארה"ב', "איראן"}
    netanyahu = [art.mentions[i] for i in _entity(art, "person:netanyahu").mentions]
    prefixed = [m for m in netanyahu if art.span_text(m.span) == "לנתניהו"]
    assert prefixed and all(m.head is not None and art.span_text(m.head) == "נתניהו" for m in prefixed)


def test_a_clitic_is_dropped_when_the_bare_word_occurs_or_is_frequent() -> None:
    text = "מכון גייטסטון פרסם דוח. לפי הדוח במכון גייטסטון סבורים שכך."
    art = _article(text, "he")
    first = _ner(art, "מכון גייטסטון", EntityType.ORG)
    second = _ner(art, "במכון גייטסטון", EntityType.ORG)
    Link()(art)
    (ent,) = [e for e in art.entities if first in e.mentions]
    assert ent.mentions == [first, second] and ent.id == local_entity_id(art.id, name_key('מכון גייטסטון', 'he'))
    assert art.span_text(art.mentions[second].head or Span(0, 0)) == "מכון גייטסטון"
    # "משרד" is nowhere else in the text, but it is a frequent word: ב is a clitic
    art = _article("הוא עובד במשרד הנשיאות מאז.", "he")
    office = _ner(art, "במשרד הנשיאות", EntityType.ORG)
    Link()(art)
    assert art.span_text(art.mentions[office].head or Span(0, 0)) == "משרד הנשיאות"
    assert [e.id for e in art.entities] == [local_entity_id(art.id, name_key('משרד הנשיאות', 'he'))]
    # a rare name with no evidence: the ב may belong to it (Brookings)
    art = _article("ברוקינגס פרסם דוח.", "he")
    _ner(art, "ברוקינגס", EntityType.ORG)
    Link()(art)
    assert [e.id for e in art.entities] == [local_entity_id(art.id, name_key('ברוקינגס', 'he'))]


def test_a_lone_surname_joins_a_person_the_title_named() -> None:
    art = _article("יועץ הנשיא האזרי הגיע לירושלים. חגיייב אמר כי הקשרים חזקים.", "he", date(2025, 4, 1))
    alone = _ner(art, "חגיייב", EntityType.PERSON)
    Link()(art)
    assert alone in _entity(art, "person:hikmet-hajiyev").mentions
    # without the title there is nobody to join: the surname stays a local entity
    bare = _article("חגיייב אמר כי הקשרים חזקים.", "he", date(2025, 4, 1))
    _ner(bare, "חגיייב", EntityType.PERSON)
    Link()(bare)
    assert [e.id.split(":")[0] for e in bare.entities] == ["local"]


def test_a_foreign_qualifier_makes_a_generic_ministry_name_another_states() -> None:
    # "משרד החוץ" alone is Israel's; followed by another state's adjective it is that state's.
    art = _article("משרד החוץ המצרי פרסם הודעה, ובמשרד החוץ אמרו כי ההודעה התקבלה.", "he", date(2025, 3, 1))
    _ner(art, "משרד החוץ המצרי", EntityType.ORG)
    Link()(art)
    israel = _entity(art, "org:israel-mfa")
    assert _surfaces(art, israel) == ["ובמשרד החוץ"]
    # one local organisation: the gazetteer's institution phrase, the tagger's span its duplicate
    local = [e for e in art.entities if "משרד החוץ המצרי" in _surfaces(art, e)]
    assert len(local) == 1 and local[0].id.startswith("local:") and local[0].type is EntityType.ORG
    assert _entity(art, "country:EG")


def test_a_title_after_a_prefix_letter_is_a_title_not_an_organisation() -> None:
    # ו + שר: a two-letter stem after a prefix is allowed when the next word confirms the phrase.
    art = _article("ראש הממשלה ושר החוץ הירדני נפגשו בעמאן.", "he", date(2025, 3, 1))
    noise = _ner(art, "החוץ הירדני", EntityType.ORG)
    Link()(art)
    assert not [e for e in art.entities if noise in e.mentions]
    assert "ושר החוץ הירדני" in _surfaces(art, _entity(art, "person:safadi"))


def test_descriptions_and_common_words_behind_clitics_are_not_names() -> None:
    art = _article("גורם מדיני בכיר אמר כי ההחלטה התקבלה בארץ, ואללה יודע מה יקרה.", "he")
    for surface, etype in (
        ("גורם מדיני בכיר", EntityType.MISC),
        ("בארץ", EntityType.GPE),
        ("ואללה", EntityType.PERSON),
    ):
        _ner(art, surface, etype)
    Link()(art)
    assert art.entities == []
    art = _article("وقال مصدر مصري مطلع إن الوفد غادر.", "ar")
    _ner(art, "مصدر مصري", EntityType.PERSON)
    Link()(art)
    assert [e.id for e in art.entities] == ["country:EG"]


def test_a_title_joined_by_and_is_not_the_name_before_it() -> None:
    art = _article("נפגשו אמש ויטקוף ושר החוץ הירדני בעמאן.", "he", date(2025, 3, 1))
    Link()(art)
    assert _surfaces(art, _entity(art, "person:witkoff")) == ["ויטקוף"]
    assert "ושר החוץ הירדני" in _surfaces(art, _entity(art, "person:safadi"))


def test_a_default_title_stays_open_when_the_article_names_that_office_elsewhere() -> None:
    # "שר החוץ" alone is Israel's; in the sentence of the Jordanian foreign minister it could be either.
    text = "שר החוץ הירדני נחת בקהיר ונפגש עם שר החוץ."
    art = Link()(_article(text, "he", date(2025, 3, 1)))
    assert art.entity("person:saar") is None
    assert _surfaces(art, _entity(art, "person:safadi")) == ["שר החוץ הירדני"]
    alone = Link()(_article("שר החוץ אמר כי השיחות יימשכו.", "he", date(2025, 3, 1)))
    assert _surfaces(alone, _entity(alone, "person:saar")) == ["שר החוץ"]


def test_a_default_title_in_a_later_sentence_takes_up_the_office_named_before() -> None:
    # "the Jordanian foreign minister landed ... The foreign minister said": the same man, as a
    # definite noun refers back (with no holder known it takes the named office's role id)
    text = "שר החוץ הירדני נחת בקהיר. שר החוץ אמר כי השיחות יימשכו."
    art = Link()(_article(text, "he", date(2025, 3, 1)))
    assert art.entity("person:saar") is None
    assert _surfaces(art, _entity(art, "person:safadi")) == ["שר החוץ הירדני", "שר החוץ"]
