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
    assert back == art  # the objects, every field
    assert to_json(back) == doc
    assert back.entities[0].qid == "Q43723"
    assert back.quotes[0].speaker_kind is SpeakerKind.ORGANISATION


def test_input_bytes_round_trip_whatever_their_encoding() -> None:
    text = "سلام\r\nעולם"
    for data, encoding, form in (
        (text.encode("utf-8"), "utf-8", "encoding"),
        (text.encode("cp1256", errors="replace"), "cp1256", "encoding"),
        (b"\xef\xbb\xbf" + text.encode("utf-8"), "utf-8", "base64"),  # the byte-order mark is not in the text
        (b"caf\xe9 \xff", "utf-8", "base64"),  # undecodable bytes replaced in the text
    ):
        art = Article.from_bytes(data, Source(encoding=encoding))
        art.text = art.raw = data.decode(encoding, errors="replace").lstrip("\ufeff")
        doc = to_json(art)
        validate(doc)
        assert form in doc["input"]["bytes"]
        assert from_json(doc) == art and from_json(doc).raw_bytes == data
    plain = Article.from_text("plain text", Source(encoding="utf-8"))
    assert to_json(plain)["input"]["bytes"] == {"encoding": "utf-8", "of": "text"}


def test_tampered_input_bytes_are_refused() -> None:
    doc = to_json(Article.from_text("some text", Source(encoding="utf-8")))
    doc["text"] = "some other text"
    with pytest.raises(ValueError, match="sha256"):
        from_json(doc)


def test_offset_maps_are_written_as_runs() -> None:
    art = Article.from_text("abc def")
    art.raw = "<p>abc</p> <b>def</b>"
    art.raw_offsets = [3, 4, 5, 10, 14, 15, 16]
    art.norm, art.norm_offsets = "abc def", list(range(8))
    doc = to_json(art)
    assert doc["input"]["raw_offsets"] == [[3, 3], [10, 1], [14, 3]]
    assert doc["norm"]["offsets"] == [[0, 8]]
    assert from_json(doc) == art


def test_reads_article_json_v1_and_drops_what_it_lacked() -> None:
    doc = to_json(_rich_article())
    v1 = {k: doc[k] for k in ("id", "language", "published", "published_estimated", "source", "text", "boilerplate",
                              "sentences", "mentions", "entities", "time_expressions", "events", "quotes", "claims")}
    v1["schema"] = "dragoman.article.v1"
    v1["provided"] = ["raw", "text", "boilerplate", "language", "sentences", "tokens", "norm", "mentions", "entities"]
    for m in v1["mentions"]:
        del m["id"]
    for e in v1["entities"]:
        for m in e["mentions"]:
            del m["id"]
    for ev in v1["events"]:
        del ev["date"]["relative"], ev["date"]["anchor"]
    validate(v1)
    back = from_json(v1)
    # v1 had no tokens, norm or input: claiming them would skip the stages that make them.
    assert back.provided == {"text", "boilerplate", "language", "sentences", "mentions", "entities"}
    assert back.entities == _rich_article().entities and back.tokens == []
    with pytest.raises(ValueError, match="unknown Article JSON schema"):
        from_json({**doc, "schema": "dragoman.article.v9"})


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
