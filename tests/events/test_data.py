"""The per-language event, status and quote data load, validate, and only name known codes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dragoman.events.extract import trigger_matcher
from dragoman.events.plover import is_known, plover_spec, rollup
from dragoman.events.schema import EventsData, QuotesData, StatusData, events_data, quotes_data, status_data

LANGS = ("ar", "he", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_all_three_files(lang: str) -> None:
    ev, st, qu = events_data(lang), status_data(lang), quotes_data(lang)
    assert ev is not None and ev.triggers
    assert st is not None and st.cues
    assert qu is not None and qu.reporting_verbs and qu.quote_pairs


@pytest.mark.parametrize("lang", LANGS)
def test_trigger_types_are_plover_or_documented_extensions(lang: str) -> None:
    data = events_data(lang)
    assert data is not None
    assert all(is_known(g.type) for g in data.triggers)
    assert trigger_matcher(lang)  # compiling also checks the codes


def test_extensions_roll_up_to_plover_types() -> None:
    spec = plover_spec()
    assert {
        "ACCEDE",
        "CANDIDACY",
        "PRECONDITION",
        "IMPOSE_SANCTION",
        "WAIVE_SANCTION",
        "NORMALIZE",
        "OPEN_EMBASSY",
    } <= set(spec.extensions)
    for code in spec.extensions:
        assert rollup(code) in spec.types
    assert rollup("FIGHT") == "ASSAULT"  # PLOVER 0.5 name in the gold records
    with pytest.raises(KeyError):
        rollup("NOT_A_CODE")


def test_every_code_rolls_up_as_its_kind_says() -> None:
    # the roll-ups are read into one table: a type is its own, then an extension's roll-up,
    # then a legacy name's successor
    spec = plover_spec()
    for code in spec.types:
        assert rollup(code) == code
    for code, ext in spec.extensions.items():
        assert rollup(code) == (code if code in spec.types else ext.rollup)
    for code, successor in spec.legacy.items():
        expected = code if code in spec.types else spec.extensions[code].rollup if code in spec.extensions else successor
        assert rollup(code) == expected


@pytest.mark.parametrize(
    ("schema", "data"),
    [
        (EventsData, {"triggers": [], "surprise": 1}),
        (StatusData, {"cues": [{"status": "planned", "words": ["will"], "scope": "paragraph"}]}),
        (QuotesData, {"reporting_verb": ["said"]}),
    ],
)
def test_schemas_reject_unknown_keys_and_values(schema: type, data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        schema.model_validate(data)


def test_hebrew_wildcards_do_not_end_in_a_final_letter() -> None:
    # "הצטרף*" would never match "הצטרפה": a word continues with the non-final letter
    finals = set("ךםןףץ")
    for resource in (events_data("he"), status_data("he"), quotes_data("he")):
        assert resource is not None
        words = [w for g in getattr(resource, "triggers", []) for w in g.triggers]
        words += [w for c in getattr(resource, "cues", []) for w in c.words]
        words += list(getattr(resource, "reporting_verbs", []))
        for phrase in words:
            for w in phrase.split():
                assert not (w.endswith("*") and w[-2] in finals), phrase


def test_every_extension_and_status_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "events.md").read_text("utf-8")
    for code, ext in plover_spec().extensions.items():
        assert f"`{code}` | {ext.rollup}" in doc, code
    for status in ("occurred", "planned", "talks", "conditional", "hypothetical", "negated"):
        assert status in doc


def test_events_all_is_complete() -> None:
    import dragoman.events as pkg

    for name in pkg.__all__:
        assert hasattr(pkg, name)


def test_plover_code_folds_unrealised_actions_into_intents() -> None:
    from dragoman.events.plover import plover_code
    from dragoman.model import EventStatus

    assert plover_code("COERCE", EventStatus.PLANNED) == "THREATEN"  # "would blockade Paris"
    assert plover_code("RETREAT", EventStatus.PLANNED) == "AGREE"  # "said will release"
    assert plover_code("WAIVE_SANCTION", EventStatus.HYPOTHETICAL) == "AGREE"  # rolls up to RETREAT first
    assert plover_code("COERCE", EventStatus.OCCURRED) == "COERCE"
    assert plover_code("REQUEST", EventStatus.PLANNED) == "REQUEST"  # speech acts stay what they are
    assert plover_code("ACCEDE", EventStatus.TALKS) == "COOPERATE"


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_wildcards_are_long_enough_to_survive_clitic_stripping(lang: str) -> None:
    # "حث*" would match وبحث ("and discussed") once و and ب are stripped: a wildcard needs 3 letters
    data = events_data(lang)
    assert data is not None
    for group in data.triggers:
        for phrase in group.triggers:
            words = phrase.split()
            if len(words) == 1 and words[0].endswith("*"):  # longer phrases are anchored by their other words
                assert len(words[0]) - 1 >= 3, phrase
