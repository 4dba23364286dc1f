"""End to end: the CLI and API over the bundled corpus plus bad inputs, into a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app
from dragoman.serialize import to_json, validate

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    good = root / "good.txt"
    good.write_text(
        "قال وزير الخارجية الإسرائيلي إن إسرائيل وأذربيجان ستوقعان اتفاقا للتعاون الاقتصادي في باكو الشهر المقبل.\n"
        "وأضاف أن الولايات المتحدة تدعم هذه الخطوة.\n",
        "utf-8",
    )
    (root / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "empty.txt").write_bytes(b"")
    (root / "spaces.txt").write_text("   \n\t\n", "utf-8")
    (root / "german.txt").write_text(
        "Die Bundesregierung hat am Montag in Berlin neue Gespräche mit Vertretern mehrerer Staaten angekündigt, "
        "um die wirtschaftliche Zusammenarbeit in der Region zu vertiefen.",
        "utf-8",
    )
    (root / "undecodable.txt").write_bytes(b"\xff\xfe\x00\xd8" * 3)
    return root


def test_cli_ingest_records_bad_inputs_and_keeps_going(mixed_corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(mixed_corpus), "--db", db])
    assert result.exit_code == 0, result.output
    store = dragoman.open_store(db)
    try:
        assert store.count_articles() == 1
        errors = {Path(e.path or "").name: e for e in store.iter_errors()}
    finally:
        store.close()
    assert errors["binary.bin"].kind == "binary"
    assert errors["empty.txt"].kind == "empty"
    assert errors["spaces.txt"].kind == "empty"
    assert errors["german.txt"].kind == "unsupported_language"
    assert "undecodable.txt" in errors
    # each failure was also reported to the user
    for name in errors:
        assert name in result.output
    # --strict turns recorded errors into a failing exit status
    again = runner.invoke(app, ["ingest", str(mixed_corpus), "--db", str(tmp_path / "u.db"), "--strict"])
    assert again.exit_code == 1


def test_reingest_is_idempotent(tmp_path: Path) -> None:
    store = dragoman.open_store(str(tmp_path / "s.db"))
    try:
        first = dragoman.ingest([EXAMPLES], store=store)
        second = dragoman.ingest([EXAMPLES], store=store)
        assert first.stored >= 8 and not first.errors
        assert second.stored == 0 and second.skipped == first.stored
        assert store.count_articles() == first.stored
        # search folds Arabic spelling and strips clitics: the bare stem finds prefixed forms
        hits = store.search("اذربيجان")
        assert hits
        for h in hits:
            art = store.get_article(h.article_id)
            assert art is not None
            assert "ذربيجان" in art.text[h.start : h.end]
        names = {row.canonical for row in store.entity_table()}
        assert {"Israel", "Azerbaijan"} <= names
    finally:
        store.close()


def test_cli_extract_json_validates_and_report_builds(tmp_path: Path) -> None:
    page = next(EXAMPLES.rglob("*.html"))
    result = runner.invoke(app, ["extract", str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    validate(doc)
    assert doc["language"] in {"ar", "he", "en"} and doc["entities"]
    db = str(tmp_path / "r.db")
    assert runner.invoke(app, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    rep = runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path / "report")])
    assert rep.exit_code == 0, rep.output
    index = Path(rep.stdout.strip())
    assert index.is_file() and "<html" in index.read_text("utf-8").lower()


def test_extract_of_missing_or_bad_input_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 1 and "binary" in result.output
    assert runner.invoke(app, ["extract", str(tmp_path / "missing.txt")]).exit_code == 2


def test_python_api_on_a_string() -> None:
    art = dragoman.extract(text="ראש הממשלה בנימין נתניהו נפגש אתמול בירושלים עם שר החוץ של אזרבייג'ן.")
    assert art.language == "he"
    ids = {e.id for e in art.entities}
    assert "country:AZ" in ids
    doc = to_json(art)
    validate(doc)


def test_seed_003_links_required_actors_with_prefixed_forms(seeds_dir: Path) -> None:
    art = dragoman.extract(seeds_dir / "003_7678fdd83c2c5ead.txt")
    validate(to_json(art))
    by_id = {e.id: e for e in art.entities}
    for qid_entity in ("country:IL", "country:AZ", "country:US", "country:IR", "person:netanyahu"):
        assert qid_entity in by_id, f"{qid_entity} not linked"
    forms = {art.span_text(art.mentions[i].span) for i in by_id["person:netanyahu"].mentions}
    assert "לנתניהו" in forms
    us_forms = {art.span_text(art.mentions[i].span) for i in by_id["country:US"].mentions}
    assert 'וארה"ב' in us_forms
    # the comment and psalm widgets at the end are chrome
    tail = art.text.rstrip()[-200:]
    tail_start = art.text.rindex(tail)
    assert any(b.span.start <= tail_start + 100 < b.span.end for b in art.boilerplate)
    assert "תגובות" not in " ".join(art.span_text(s) for s in art.sentences)


def test_the_sample_accession_told_as_an_intention_is_not_told_as_done() -> None:
    # "announces its intention to join", "will join", then "joining represents an extension
    # of its policy": the bare noun restates the planned accession, it does not report one
    art = dragoman.extract(EXAMPLES / "rafid-news" / "2025-11-07-kazakhstan-abraham-accords.html")
    kz = [e for e in art.events if e.type == "ACCEDE" and "country:KZ" in e.actors]
    assert [e.status.value for e in kz] == ["planned"]
    assert len(kz[0].evidence) == 3
