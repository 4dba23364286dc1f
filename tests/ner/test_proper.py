"""Capitalised English names by rule (dragoman.ner.proper), on sentences written for these tests."""

from __future__ import annotations

from dragoman.model import EntityType
from dragoman.ner.proper import has_rules, tag_spans
from dragoman.text import tokenize


def _names(sentence: str, known: set[str] = frozenset()) -> dict[str, EntityType]:  # type: ignore[assignment]
    toks = [sentence[t.start : t.end] for t in tokenize(sentence)]
    covered = [t in known for t in toks]
    return {" ".join(toks[s.start : s.end]): s.type for s in tag_spans(toks, "en", covered)}


def test_titles_and_known_names_are_peeled_from_people() -> None:
    got = _names(
        "Jordanian Foreign Minister Rami Qasem met caretaker Prime Minister Samir Khoury in Beirut.",
        known={"Jordanian", "Beirut"},
    )
    assert got == {"Rami Qasem": EntityType.PERSON, "Samir Khoury": EntityType.PERSON}


def test_head_nouns_type_the_name_and_connectors_join_it() -> None:
    got = _names(
        "The Gulf Cooperation Council said the Strait of Hormuz stays open ahead of the Global Energy Forum.",
    )
    assert got["Gulf Cooperation Council"] is EntityType.ORG
    assert got["Strait of Hormuz"] is EntityType.PLACE
    assert got["Global Energy Forum"] is EntityType.EVENT


def test_known_possessive_ends_a_run_unknown_one_does_not() -> None:
    got = _names(
        "Iran's Supreme National Security Council welcomed a statement by the National People's Congress.",
        known={"Iran's"},
    )
    assert "Supreme National Security Council" in got
    assert "National People's Congress" in got


def test_sentence_openings_months_adjectives_and_headlines_are_not_names() -> None:
    assert _names("In March, the talks resumed in a calm mood.") == {}
    assert _names("Addressing reporters, Shia Muslim leaders said nothing.") == {}
    assert _names("Israel To Open Embassy In Turkmenistan Capital Next Month") == {}
    assert _names("The talks were held at the EFE offices, TV crews said.") == {"EFE": EntityType.ORG}
    assert has_rules("en") and not has_rules("ar")


def test_two_people_joined_by_and_are_two_names() -> None:
    got = _names(
        "Cohen will meet Omani Sultan Haitham bin Tariq and Foreign Minister Salim Harthy in Muscat.",
        known={"Cohen", "Omani", "Muscat"},
    )
    assert got == {"Haitham bin Tariq": EntityType.PERSON, "Salim Harthy": EntityType.PERSON}


def test_a_title_splits_a_body_from_the_person_after_it() -> None:
    got = _names("Haddad met the head of the Norland Transition Council Khalid Nouri in Cairo.")
    assert got["Norland Transition Council"] is EntityType.ORG
    assert got["Khalid Nouri"] is EntityType.PERSON
    got = _names("The Valdorian Trade Organization Director-General Marta Ilves spoke on Monday.")
    assert got["Valdorian Trade Organization"] is EntityType.ORG
    assert got["Marta Ilves"] is EntityType.PERSON
    # no title: a body's longer name is not cut ("Guard Corps Quds Force" names no one)
    got = _names("The Islamic Revolutionary Guard Corps Quds Force fired drones.")
    assert got == {"Islamic Revolutionary Guard Corps Quds Force": EntityType.ORG}


def test_bare_drops_only_a_possessive_ending_and_lowercases() -> None:
    from dragoman.ner.proper import _bare

    assert _bare("Norland's") == "norland"
    assert _bare("Valdoria’s") == "valdoria"
    assert _bare("Ministers'") == "ministers"
    assert _bare("O'Hara") == "o'hara"  # an apostrophe inside a word stays
    assert _bare("Minister") == "minister"
