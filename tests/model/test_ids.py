"""Content-derived ids: what defines each kind of record, and nothing positional."""

from __future__ import annotations

import copy
from dataclasses import fields, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.model import (
    Article,
    Claim,
    Described,
    DescribedKind,
    EntityType,
    Event,
    EventStatus,
    Mention,
    MentionKind,
    Quote,
    Source,
    Span,
    SpeakerKind,
)
from dragoman.model.ids import (
    assign_claim_ids,
    assign_described_ids,
    assign_event_ids,
    assign_mention_ids,
    assign_quote_ids,
    described_id,
    event_id,
    local_entity_id,
    mention_id,
    with_id,
)

TEXT = "x" * 400
EVENT_TYPES = ["AGREE", "CONSULT", "COOPERATE", "ACCEDE", "PROTEST"]


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 390))
    return Span(start, draw(st.integers(start + 1, 400)))


@st.composite
def events(draw: st.DrawFn) -> Event:
    trigger = draw(spans())
    return Event(
        id="",
        type=draw(st.sampled_from(EVENT_TYPES)),
        mode=None,
        status=draw(st.sampled_from(list(EventStatus))),
        actors=draw(st.lists(st.sampled_from(["country:IL", "country:AZ", "local:x"]), max_size=2)),
        recipients=[],
        evidence=[trigger],
        trigger=trigger,
    )


def _article() -> Article:
    return Article.from_text(TEXT, Source())


@settings(max_examples=60, deadline=None)
@given(st.lists(events(), min_size=1, max_size=12), st.data())
def test_event_ids_do_not_depend_on_position_or_on_the_other_events(evs: list[Event], data: st.DataObject) -> None:
    art = _article()
    first = {id(e): i for e, i in zip(evs, [e.id for e in assign_event_ids(art.id, evs)], strict=True)}
    assert len(set(first.values())) == len(evs), "ids are unique within the article"
    # Drop one event and shuffle the rest: every other event keeps its id, unless it shared its
    # definition (type and trigger) with another, where the order decides the -2 suffix.
    drop = data.draw(st.integers(0, len(evs) - 1))
    rest = data.draw(st.permutations([e for k, e in enumerate(evs) if k != drop]))
    defs = [(e.type, e.trigger) for e in evs]
    again = assign_event_ids(art.id, [copy.copy(e) for e in rest])
    for before, after in zip(rest, again, strict=True):
        if defs.count((before.type, before.trigger)) == 1:
            assert after.id == first[id(before)]


@settings(max_examples=40, deadline=None)
@given(events(), st.sampled_from(list(EventStatus)), st.lists(st.sampled_from(["country:TR", "person:x"])))
def test_correctable_fields_do_not_change_an_event_id(ev: Event, status: EventStatus, actors: list[str]) -> None:
    art = _article()
    before = event_id(art.id, ev)
    ev.status, ev.actors, ev.recipients = status, actors, ["country:KZ"]
    assert event_id(art.id, ev) == before


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(spans(), st.sampled_from(list(EntityType))), min_size=1, max_size=20))
def test_mention_ids_are_unique_and_keep_across_relinking(found: list[tuple[Span, EntityType]]) -> None:
    art = _article()
    art.mentions = [Mention(sp, t, source="ner") for sp, t in found]
    assign_mention_ids(art)
    ids = [m.id for m in art.mentions]
    assert len(set(ids)) == len(ids)
    # The linker revises KB ids and heads; scores change with the model: the id stays.
    art.mentions = [Mention(m.span, m.type, source="gazetteer", kb_id="country:IL", score=0.5) for m in art.mentions]
    assign_mention_ids(art)
    assert [m.id for m in art.mentions] == ids


def test_ids_are_scoped_to_their_article() -> None:
    a, b = Article.from_text("one text"), Article.from_text("another text")
    m = Mention(Span(0, 3), EntityType.PERSON)
    assert mention_id(a.id, m) != mention_id(b.id, m)
    assert local_entity_id(a.id, "dana rosh") != local_entity_id(b.id, "dana rosh")
    assert local_entity_id(a.id, "dana rosh").startswith("local:")


def test_quotes_and_claims_by_span_not_by_speaker() -> None:
    art = _article()
    q1 = Quote("", Span(10, 40), True, "person:a", Span(0, 5), SpeakerKind.PERSON)
    q2 = Quote("", Span(50, 90), False, None, None, SpeakerKind.ANONYMOUS)
    ids = [q.id for q in assign_quote_ids(art.id, [q1, q2])]
    q1.speaker, q1.speaker_kind = "person:b", SpeakerKind.ORGANISATION
    assert [q.id for q in assign_quote_ids(art.id, [q2, q1])] == ids[::-1]
    c1 = Claim("", "person:a", None, [Span(10, 40)], [])
    c2 = Claim("", None, None, [Span(10, 40)], [])  # same evidence: a suffix keeps them apart
    out = [c.id for c in assign_claim_ids(art.id, [c1, c2])]
    assert out[1] == out[0] + "-2" and out[0].startswith("c-")


def test_described_actors_by_their_first_description_not_by_position() -> None:
    art = _article()
    a = Described("", DescribedKind.ANONYMOUS, [Span(0, 12)], Span(0, 6), "unnamed official")
    b = Described("", DescribedKind.GROUP, [Span(20, 34), Span(60, 70)], Span(20, 26), "protesters")
    ids = [d.id for d in assign_described_ids(art.id, [a, b])]
    assert all(i.startswith("described:") for i in ids) and len(set(ids)) == 2
    b.mentions.append(Span(80, 90))  # a later reference back to it
    b.gloss, b.affiliation = "Iranian protesters", "country:IR"
    assert [d.id for d in assign_described_ids(art.id, [b])] == ids[1:]
    assert described_id(Article.from_text("another text").id, a) != ids[0]


def test_with_id_copies_every_other_field() -> None:
    # Every field set away from its default, so a field the copy dropped or shifted would show.
    m = Mention(
        Span(3, 9),
        EntityType.ORG,
        kind=MentionKind.TITLE,
        source="ner",
        kb_id="org:valdorian-assembly",
        head=Span(4, 9),
        score=0.5,
        id="m-old",
    )
    new = with_id(m, "m-new")
    assert new == replace(m, id="m-new")
    assert [getattr(new, f.name) for f in fields(Mention) if f.name != "id"] == [
        getattr(m, f.name) for f in fields(Mention) if f.name != "id"
    ]
    assert new.id == "m-new" and m.id == "m-old"
