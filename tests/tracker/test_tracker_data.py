"""The tracker's data: treaties.yaml and tracker.yaml per language validate, and bad entries are refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dragoman.kb.loader import load_kb, read_file
from dragoman.kb.schema import TreatiesFile, TreatyParty
from dragoman.lang import available_languages
from dragoman.tracker import tracker_cues, treaties
from dragoman.tracker.cues import TrackerCues


def test_treaties_file_validates_and_names_only_known_actors() -> None:
    data = read_file("treaties.yaml")
    assert isinstance(data, TreatiesFile)
    t = treaties()  # also checks every id against the KB and every source key
    kb = load_kb()
    assert t.data.treaties, "no treaty documented"
    for treaty in t.data.treaties:
        assert kb.get(treaty.agreement) is not None
        for p in treaty.parties:
            assert p.source in t.data.sources and t.source(p.source).cite
            assert kb.get(p.state) is not None and kb.get(p.state).type == "GPE"  # type: ignore[union-attr]


def test_abraham_accords_founders_are_documented_members() -> None:
    t = treaties()
    aa = "agreement:abraham-accords"
    founders = {p.state for p in t.treaty(aa).parties if p.status == "member"}  # type: ignore[union-attr]
    assert {"country:IL", "country:AE", "country:BH"} <= founders
    assert "country:US" in t.brokers(aa) and "country:US" not in founders
    assert t.sanction_law("law:freedom-support-act-907") is not None
    assert t.sanction_law("law:freedom-support-act") is t.sanction_law("law:freedom-support-act-907")


def test_members_on_a_day_follow_their_dates() -> None:
    from datetime import date

    t = treaties()
    aa = "agreement:abraham-accords"
    assert "country:MA" not in t.members(aa, date(2020, 10, 1))
    assert "country:MA" in t.members(aa, date(2021, 1, 1))
    assert "country:KZ" not in t.members(aa, None)  # a candidate is not a member


@pytest.mark.parametrize(
    "bad",
    [
        {"state": "country:AE", "status": "founder", "since": "2020-09-15", "source": "x"},
        {"state": "country:AE", "status": "member", "since": "15/09/2020", "source": "x"},
        {"state": "AE", "status": "member", "since": "2020-09-15", "source": "x"},
        {"state": "country:AE", "status": "member", "since": "2020-09-15", "source": "x", "extra": 1},
    ],
)
def test_bad_party_entries_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        TreatyParty.model_validate(bad)


def test_tracker_cues_validate_for_the_languages_we_track() -> None:
    langs = [lang for lang in available_languages() if tracker_cues(lang) is not None]
    assert {"ar", "he", "en"} <= set(langs)
    for lang in langs:
        cues = tracker_cues(lang)
        assert cues is not None
        assert cues.anaphors and cues.status and cues.conditions and cues.topics
        assert {t.key for t in cues.topics} >= {"peace_agreement", "palestinian_state"}


def test_tracker_cues_refuse_unknown_kinds() -> None:
    with pytest.raises(ValidationError):
        TrackerCues.model_validate({"status": {"maybe": ["x"]}})
    with pytest.raises(ValidationError):
        TrackerCues.model_validate({"conditions": {"wish": ["x"]}})
    with pytest.raises(ValidationError):
        TrackerCues.model_validate({"topics": [{"key": "x", "kind": "hope", "gloss": "g", "alone": "a", "words": []}]})
