"""Which states the tracker relates to an agreement, and how it reads conditions (our own sentences, ar/he/en).

A state is `mentioned` only when the text relates it to the agreement: an
argument of an event or the claimant of a claim about it, named in the
clause of the agreement's name with a joining word, or listed together with
a state the article gives a status.  Naming a state in a nearby sentence,
or in another clause of the same one, is not enough.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from dragoman.model import Article, EventStatus
from dragoman.tracker import observe

from .conftest import AA, TBuilder  # noqa: TID252


def _statuses(article: Article) -> dict[str, set[str]]:
    return {state: {o["status"] for o in obs["statuses"]} for (agr, state), obs in observe(article).items()
            if agr == AA and obs["statuses"]}


def _conditions(article: Article, state: str) -> list[dict[str, Any]]:
    return list(observe(article).get((AA, state), {}).get("conditions", []))


# --- mentions: both sides -------------------------------------------------------------------------


def test_en_states_in_a_nearby_event_are_not_mentioned() -> None:
    text = "Oman is in talks to join the Abraham Accords. Canada and France raised tariffs on steel on Monday."
    b = TBuilder(text, "en", date(2025, 3, 1))
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    ca, fr = b.state("Canada", "CA"), b.state("France", "FR")
    b.clause("join", "ACCEDE", EventStatus.TALKS, [om], [aa], "Oman is in talks to join the Abraham Accords")
    b.clause("raised", "IMPOSE_SANCTION", EventStatus.OCCURRED, [ca, fr], [], "Canada and France raised tariffs on steel")
    found = _statuses(b.done())
    assert found == {"country:OM": {"talks"}}


def test_en_a_list_beside_a_candidate_is_mentioned() -> None:
    text = "Oman is in talks to join the Abraham Accords. Oman, Qatar and Kuwait were all named by the envoy."
    b = TBuilder(text, "en", date(2025, 3, 1))
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    b.state("Oman", "OM", nth=1)
    b.state("Qatar", "QA")
    b.state("Kuwait", "KW")
    b.clause("join", "ACCEDE", EventStatus.TALKS, [om], [aa], "Oman is in talks to join the Abraham Accords")
    found = _statuses(b.done())
    assert found["country:OM"] == {"talks"}
    assert found["country:QA"] == found["country:KW"] == {"mentioned"}


def test_en_a_state_in_another_clause_of_the_sentence_is_not_mentioned() -> None:
    text = "Oman joined the Abraham Accords last week; India, meanwhile, opened a new port."
    b = TBuilder(text, "en", date(2025, 3, 1))
    om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
    b.state("India", "IN")
    b.clause("joined", "ACCEDE", EventStatus.OCCURRED, [om], [aa], "Oman joined the Abraham Accords last week")
    assert _statuses(b.done()) == {"country:OM": {"joined"}}


def test_ar_a_state_that_speaks_about_the_accords_is_mentioned_a_bystander_is_not() -> None:
    text = "قالت مصر إن اتفاقيات إبراهيم لم تحقق السلام. وفي سياق آخر، رفعت إيران أسعار الوقود."
    b = TBuilder(text, "ar", date(2025, 4, 1), outlet="مثال")
    eg = b.state("مصر", "EG")
    b.agreement("اتفاقيات إبراهيم")
    ir = b.state("إيران", "IR")
    b.claim(eg, "اتفاقيات إبراهيم لم تحقق السلام")
    b.clause("رفعت", "IMPOSE_SANCTION", EventStatus.OCCURRED, [ir], [], "رفعت إيران أسعار الوقود")
    assert _statuses(b.done()) == {"country:EG": {"mentioned"}}


def test_ar_a_state_beside_the_name_without_a_joining_word_is_not_mentioned() -> None:
    text = "نشرت الصين تقريرا عن التجارة، واتفاقيات إبراهيم ما زالت قائمة."
    b = TBuilder(text, "ar", date(2025, 4, 1), outlet="مثال")
    b.state("الصين", "CN")
    b.agreement("اتفاقيات إبراهيم")
    assert _statuses(b.done()) == {}


def test_he_the_joining_word_of_one_clause_does_not_reach_a_state_in_another() -> None:
    # "There is talk of expanding the Abraham Accords to Oman, and meanwhile Britain opened an embassy."
    text = "מדובר בהרחבת הסכמי אברהם לעומאן, ובינתיים בריטניה פתחה שגרירות."
    b = TBuilder(text, "he", date(2025, 5, 1), outlet="דוגמה")
    b.agreement("הסכמי אברהם")
    b.state("עומאן", "OM")
    b.state("בריטניה", "GB")
    assert _statuses(b.done()) == {"country:OM": {"talks"}}


def test_en_a_speculated_accession_in_the_clause_of_the_name_is_a_mention() -> None:
    text = "It seems the envoy wants to expand the Abraham Accords to include Oman, while Britain stays out of it."
    b = TBuilder(text, "en", date(2025, 5, 1))
    b.agreement("Abraham Accords")
    b.state("Oman", "OM")
    b.state("Britain", "GB")
    assert _statuses(b.done()) == {"country:OM": {"mentioned"}}


def test_he_a_list_with_a_state_in_talks_is_mentioned_a_list_without_is_not() -> None:
    text = ("כווית מנהלת שיחות על הצטרפות להסכמי אברהם. בין המדינות שנזכרו: כווית, קטאר ועומאן. "
            "הודו וסין חתמו על הסכם סחר.")
    b = TBuilder(text, "he", date(2025, 5, 1), outlet="דוגמה")
    kw, aa = b.state("כווית", "KW"), b.agreement("הסכמי אברהם")
    b.state("כווית", "KW", nth=1)
    b.state("קטאר", "QA")
    b.state("עומאן", "OM")
    b.state("הודו", "IN")
    b.state("סין", "CN")
    b.clause("הצטרפות", "ACCEDE", EventStatus.TALKS, [kw], [aa], "כווית מנהלת שיחות על הצטרפות להסכמי אברהם")
    found = _statuses(b.done())
    assert found["country:KW"] == {"talks"}
    assert found["country:QA"] == found["country:OM"] == {"mentioned"}
    assert "country:IN" not in found and "country:CN" not in found


# --- conditions without a known topic ------------------------------------------------------------


def test_en_a_condition_without_a_known_topic_is_kept_and_glossed_from_its_clause() -> None:
    text = ("Azerbaijan is in talks to join the Abraham Accords; "
            "the main obstacle is slow progress in the talks between Armenia and Azerbaijan.")
    b = TBuilder(text, "en", date(2025, 7, 1))
    az, aa = b.state("Azerbaijan", "AZ"), b.agreement("Abraham Accords")
    b.state("Armenia", "AM")
    b.state("Azerbaijan", "AZ", nth=1)
    b.clause("join", "ACCEDE", EventStatus.TALKS, [az], [aa], "Azerbaijan is in talks to join the Abraham Accords")
    (cond,) = _conditions(b.done(), "country:AZ")
    assert cond["kind"] == "obstacle"
    assert cond["gloss"] == "obstacle concerning Armenia and Azerbaijan"
    assert cond["cited_by"] == ["outlet:Example Ledger"]


def test_ar_an_untopical_precondition_takes_its_kind_from_the_cue() -> None:
    # "Kazakhstan's accession to the Abraham Accords is conditioned on guarantees from Russia."
    text = "انضمام كازاخستان إلى اتفاقيات إبراهيم مشروط بضمانات من روسيا."
    b = TBuilder(text, "ar", date(2025, 7, 1), outlet="مثال")
    kz, aa = b.state("كازاخستان", "KZ"), b.agreement("اتفاقيات إبراهيم")
    b.state("روسيا", "RU")
    b.clause("انضمام", "ACCEDE", EventStatus.CONDITIONAL, [kz], [aa], text.rstrip("."))
    conds = _conditions(b.done(), "country:KZ")
    assert [c["kind"] for c in conds] == ["precondition"]
    assert "Russia" in conds[0]["gloss"] and "Kazakhstan" in conds[0]["gloss"]


# --- who cites a condition ----------------------------------------------------------------------


def test_the_speaker_of_a_claim_cites_the_condition_not_the_event_actor() -> None:
    text = "Azerbaijan would join the Abraham Accords only if a peace agreement with Armenia is signed, the envoy said."
    b = TBuilder(text, "en", date(2025, 7, 2))
    az, aa = b.state("Azerbaijan", "AZ"), b.agreement("Abraham Accords")
    us = b.state("US", "US", nth=0) if "US" in text else None
    del us
    b.state("Armenia", "AM")
    envoy = b.local("the envoy", "envoy")
    b.clause("join", "ACCEDE", EventStatus.CONDITIONAL, [az], [aa], text.split(",")[0])
    # The event stage took the state that would join for the one setting the condition.
    b.clause("only if", "PRECONDITION", EventStatus.CONDITIONAL, [az], [], text.split(",")[0])
    b.claim(envoy, text.split(",")[0])
    (cond,) = _conditions(b.done(), "country:AZ")
    assert cond["cited_by"] == [envoy]


def test_a_described_source_cites_when_no_speaker_is_named() -> None:
    text = "Experts say Azerbaijan would join the Abraham Accords only if a peace agreement with Armenia is signed."
    b = TBuilder(text, "en", date(2025, 7, 2))
    az, aa = b.state("Azerbaijan", "AZ"), b.agreement("Abraham Accords")
    b.state("Armenia", "AM")
    b.clause("join", "ACCEDE", EventStatus.CONDITIONAL, [az], [aa], text.rstrip("."))
    b.clause("only if", "PRECONDITION", EventStatus.CONDITIONAL, [az], [], text.rstrip("."))
    b.claim("described:experts", text.rstrip("."))
    (cond,) = _conditions(b.done(), "country:AZ")
    assert cond["cited_by"] == ["described:experts"]


def test_an_event_actor_cites_only_when_it_is_the_subject_of_the_clause() -> None:
    text = "Armenia demands a peace agreement before Azerbaijan joins the Abraham Accords."
    b = TBuilder(text, "en", date(2025, 7, 2))
    am = b.state("Armenia", "AM")
    az, aa = b.state("Azerbaijan", "AZ"), b.agreement("Abraham Accords")
    b.clause("joins", "ACCEDE", EventStatus.CONDITIONAL, [az], [aa], text.rstrip("."))
    b.clause("demands", "PRECONDITION", EventStatus.OCCURRED, [am], [az], text.rstrip("."))
    (cond,) = _conditions(b.done(), "country:AZ")
    assert cond["cited_by"] == [am]
    # The same event with the state that would join as its actor: not the clause's subject, so the outlet.
    b2 = TBuilder(text, "en", date(2025, 7, 2))
    am2 = b2.state("Armenia", "AM")
    az2, aa2 = b2.state("Azerbaijan", "AZ"), b2.agreement("Abraham Accords")
    del am2
    b2.clause("joins", "ACCEDE", EventStatus.CONDITIONAL, [az2], [aa2], text.rstrip("."))
    b2.clause("demands", "PRECONDITION", EventStatus.OCCURRED, [az2], [], text.rstrip("."))
    (cond2,) = _conditions(b2.done(), "country:AZ")
    assert cond2["cited_by"] == ["outlet:Example Ledger"]


# --- history: estimated publication dates ---------------------------------------------------------


def test_an_estimated_publication_date_places_the_entry_marked_estimated_undated_ones_last() -> None:
    from dragoman.corpus.tracker import tracker_report
    from dragoman.model import Granularity, PublishedBasis, PublishedFrom, Span
    from dragoman.store.memory import MemoryStore

    def talks(text: str, published: date | None) -> TBuilder:
        b = TBuilder(text, "en", published)
        om, aa = b.state("Oman", "OM"), b.agreement("Abraham Accords")
        b.clause("joining", "ACCEDE", EventStatus.TALKS, [om], [aa], text.rstrip("."))
        return b

    estimated = talks("Officials are discussing Oman's joining the Abraham Accords.", date(2025, 3, 1))
    estimated.a.source.published_estimated = True
    estimated.a.source.published_basis = PublishedBasis(PublishedFrom.ESTIMATE, 0.3, Granularity.MONTH,
                                                        (Span(0, 9),))
    undated = talks("Diplomats say Oman's joining the Abraham Accords is under discussion.", None)
    joined = TBuilder("Oman joined the Abraham Accords on Monday.", "en", date(2025, 6, 2))
    om, aa = joined.state("Oman", "OM"), joined.agreement("Abraham Accords")
    joined.clause("joined", "ACCEDE", EventStatus.OCCURRED, [om], [aa], "Oman joined the Abraham Accords on Monday")
    store = MemoryStore()
    for b in (undated, joined, estimated):
        store.put_article(b.done())
    (row,) = [r for r in tracker_report(store) if r["state"]["id"] == "country:OM"]
    assert [(h["date"], h["status"], h["estimated"]) for h in row["history"]] == [
        ("2025-03", "talks", True), ("2025-06-02", "joined", False), (None, "talks", False),
    ]
    assert (row["status"], row["since"]) == ("joined", "2025-06-02")
