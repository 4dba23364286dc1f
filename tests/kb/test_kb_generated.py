"""The CLDR-generated file must be exactly what the installed Babel produces (dateparser's habit)."""

from __future__ import annotations

from dragoman.kb.generate import build, default_path, main, render


def test_generated_file_matches_babel() -> None:
    assert default_path().read_text("utf-8") == render(build()), (
        "countries.generated.yaml is stale: run `python -m dragoman.kb.generate`"
    )


def test_generated_covers_languages_and_capitals() -> None:
    data = build()
    assert {"ar", "he", "en", "fa", "ru", "tr"} <= set(data["languages"])
    az = data["countries"]["AZ"]
    assert az["en"] == "Azerbaijan" and az["ar"] == "أذربيجان"
    assert set(data["cities"]["Asia/Baku"]) >= {"ar", "he", "en"}
    assert "EU" not in data["countries"]  # groupings are not countries


def test_check_mode_reports_up_to_date() -> None:
    assert main(["--check"]) == 0
