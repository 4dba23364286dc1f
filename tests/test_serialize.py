from datetime import date

import jsonschema
import pytest

from dragoman.model import (
    Article,
    Boilerplate,
    Claim,
    Described,
    DescribedKind,
    Entity,
    EntityType,
    Event,
    EventStatus,
    Granularity,
    Mention,
    MentionKind,
    PublishedBasis,
    PublishedFrom,
    Quote,
    Source,
    Span,
    SpeakerKind,
    TimeExpr,
)
from dragoman.serialize import from_json, to_json, validate


def _rich_article() -> Article:
    text = "منيو\nقال مكتب نتنياهو إن \"أذربيجان حليف\" في مارس/آذار 2025."
    art = Article.from_text(text, Source(outlet="مصدر", published=None))
    art.language = "ar"

    def sp(s: str) -> Span:
        i = text.index(s)
        return Span(i, i + len(s))

    art.boilerplate = [Boilerplate(sp("منيو"), "menu")]
    art.sentences = [sp(text.split("\n")[1])]
    art.mentions = [
        Mention(sp("نتنياهو"), EntityType.PERSON, kb_id="person:netanyahu"),
        Mention(sp("أذربيجان"), EntityType.GPE, MentionKind.NAME, kb_id="country:AZ", head=sp("أذربيجان")),
    ]
    art.entities = [
        Entity("person:netanyahu", "Benjamin Netanyahu", EntityType.PERSON, "Q43723", [0]),
        Entity("country:AZ", "Azerbaijan", EntityType.GPE, "Q227", [1]),
    ]
    t = TimeExpr(sp("مارس/آذار 2025"), "2025-03", Granularity.MONTH)
    art.time_expressions = [t]
    art.events = [
        Event("ev1", "CONSULT", None, EventStatus.TALKS, ["country:AZ"], [], [sp("أذربيجان حليف")], date=t)
    ]
    art.quotes = [Quote("q1", sp("أذربيجان حليف"), True, "org:pmo", sp("مكتب نتنياهو"), SpeakerKind.ORGANISATION)]
    art.claims = [Claim("c1", "org:pmo", sp("مكتب نتنياهو"), [sp("أذربيجان حليف")], ["country:AZ"])]
    return art


def test_round_trip_keeps_every_layer() -> None:
    art = _rich_article()
    doc = to_json(art)
    validate(doc)
    back = from_json(doc)
    assert to_json(back) == doc
    assert back.entities[0].qid == "Q43723"
    assert back.quotes[0].speaker_kind is SpeakerKind.ORGANISATION


def test_every_quoted_text_equals_its_span() -> None:
    doc = to_json(_rich_article())
    for m in doc["mentions"]:
        assert doc["text"][m["start"] : m["end"]] == m["text"]
    doc["mentions"][0]["text"] = "someone else"
    with pytest.raises(ValueError, match="mentions\\[0\\]"):
        validate(doc)


def test_schema_rejects_unknown_status_and_fields() -> None:
    doc = to_json(_rich_article())
    doc["events"][0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)
    doc = to_json(_rich_article())
    doc["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_described_actors_and_published_basis_round_trip() -> None:
    text = "قال مصدر مصري مطلع إن الوفد غادر القاهرة. وأضاف المصدر أن المحادثات ستستأنف."
    art = Article.from_text(text, Source(published=date(2025, 8, 19)))
    art.language = "ar"

    def sp(s: str) -> Span:
        i = text.index(s)
        return Span(i, i + len(s))

    art.source.published_basis = PublishedBasis(
        PublishedFrom.TEXT_TODAY, 0.8, Granularity.DAY, (sp("القاهرة"),)
    )
    art.described = [
        Described(
            "described:1",
            DescribedKind.ANONYMOUS,
            [sp("مصدر مصري مطلع"), sp("المصدر")],
            sp("مصدر"),
            "unnamed source (Egypt)",
            affiliation="country:EG",
        )
    ]
    art.quotes = [
        Quote(
            "q1", sp("الوفد غادر القاهرة"), False, "described:1", sp("مصدر مصري مطلع"), SpeakerKind.ANONYMOUS
        )
    ]
    doc = to_json(art)
    validate(doc)
    assert doc["described"][0]["mentions"][1]["text"] == "المصدر"
    assert doc["published_basis"]["source"] == "text-today"
    back = from_json(doc)
    assert back.described == art.described and back.source.published_basis == art.source.published_basis
    assert to_json(back) == doc
