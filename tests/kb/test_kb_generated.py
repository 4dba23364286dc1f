"""The CLDR-generated file must be exactly what the installed Babel produces (dateparser's habit)."""

from __future__ import annotations

import babel

from dragoman.kb.generate import build, default_path, main, recorded_babel, render, staleness


def test_generated_file_matches_babel() -> None:
    problem = staleness(default_path().read_text("utf-8"), render(build()))
    assert problem is None, problem


def test_generated_file_records_its_babel_version() -> None:
    assert recorded_babel(default_path().read_text("utf-8")) == babel.__version__


def test_staleness_message_names_both_versions_and_the_command() -> None:
    fresh = render(build())
    old = fresh.replace(f"babel: {babel.__version__}", "babel: 1.0.0", 1)
    message = staleness(old, fresh)
    assert message is not None
    assert "Babel 1.0.0" in message and f"Babel {babel.__version__} is installed" in message
    assert "make kb" in message and "make lock" in message
    edited = fresh.replace("Azerbaijan", "Azerbaidjan", 1)
    assert "edited by hand" in (staleness(edited, fresh) or "")


def test_generated_covers_languages_and_capitals() -> None:
    data = build()
    assert {"ar", "he", "en", "fa", "ru", "tr"} <= set(data["languages"])
    az = data["countries"]["AZ"]
    assert az["en"] == "Azerbaijan" and az["ar"] == "أذربيجان"
    assert set(data["cities"]["Asia/Baku"]) >= {"ar", "he", "en"}
    assert "EU" not in data["countries"]  # groupings are not countries


def test_check_mode_reports_up_to_date() -> None:
    assert main(["--check"]) == 0
