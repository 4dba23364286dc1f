"""NER-free argument candidates used to score the coder on bare gold sentences."""

from __future__ import annotations

from dragoman.events.candidates import bare_article, candidate_runs


def test_english_capitalised_runs_and_actor_nouns_merge() -> None:
    words = ["Senior", "Hungarian", "and", "Romanian", "officials", "agreed", "on", "Wednesday"]
    runs = [" ".join(words[a:b]) for a, b, _ in candidate_runs(words, "en", use_ner=False)]
    # "Senior" and "Wednesday" open no name; "Romanian officials" is one actor phrase
    assert runs == ["Hungarian", "Romanian officials"]


def test_arabic_plural_nisba_is_a_candidate() -> None:
    words = ["تظاهر", "الاف", "الاسرائيليين", "في", "الشارع"]
    runs = [" ".join(words[a:b]) for a, b, _ in candidate_runs(words, "ar", use_ner=False)]
    assert "الاسرائيليين" in runs


def test_bare_article_has_one_local_entity_per_candidate() -> None:
    art = bare_article("Police arrested protesters in Cairo.", "en", use_ner=False)
    assert [art.span_text(m.span) for m in art.mentions] == ["Police", "protesters", "Cairo"]
    assert [e.id for e in art.entities] == ["local:0", "local:1", "local:2"]
    assert {"mentions", "entities", "sentences", "tokens"} <= art.provided


def test_sentence_openers_that_are_no_names_do_not_join_the_name_after_them() -> None:
    # a capitalised numeral, adverb or participle opening the sentence is no part of the name
    for text, want in (
        ("Three US servicemen were killed", ["US"]),
        ("Newly appointed Palestinian Prime Minister Ismail Haniyeh refused", ["Palestinian Prime Minister Ismail Haniyeh"]),
        ("Despite warnings , the Israeli government refused", ["Israeli government"]),
        ("Members of the Association of African Jurists investigated", ["Association of African Jurists"]),
    ):
        words = text.split()
        runs = [" ".join(words[a:b]) for a, b, _ in candidate_runs(words, "en", use_ner=False)]
        assert runs == want, text


def _ar_runs(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[a:b]) for a, b, _ in candidate_runs(words, "ar", use_ner=False)]


def test_arabic_candidate_extends_over_an_agreeing_nisba() -> None:
    assert _ar_runs("أعلن الجيش الإسرائيلي مقتل مسلح") == ["الجيش الإسرائيلي", "مسلح"]
    assert _ar_runs("قتل ثلاثة جنود أميركيين في بغداد") == ["جنود أميركيين"]
    # definiteness must agree, and a relative pronoun or a time word is no adjective
    assert _ar_runs("قال الجيش الذي انسحب") == ["الجيش"]
    assert _ar_runs("هاجم المسلحون الاثنين الماضي") == ["المسلحون"]


def test_arabic_construct_state_runs_to_its_genitive() -> None:
    assert _ar_runs("وصل وزير خارجية الأردن أمس") == ["وزير خارجية الأردن"]
    assert _ar_runs("استهدف الهجوم قافلة لقوات التحالف") == ["لقوات التحالف"]
    assert _ar_runs("تظاهر أعضاء حزب الغد المصري") == ["أعضاء حزب الغد المصري"]
    # a head that no genitive closes is no candidate of its own
    assert _ar_runs("قال رئيس في بيان") == []


def _en_runs(text: str) -> list[str]:
    words = text.split(" ")
    return [" ".join(words[a:b]) for a, b, _ in candidate_runs(words, "en", use_ner=False)]


def test_common_nouns_after_a_possessive_are_the_possessors_own() -> None:
    assert _en_runs("Syria has offered its troops to Lebanon") == ["Syria", "Lebanon"]
    assert _en_runs("the UN rejected a call for its peacekeeping forces") == ["UN"]
    # a name in the run keeps it: "its Defence Minister" is still someone
    assert _en_runs("France sent its Defence Minister Joxe") == ["France", "Defence Minister Joxe"]


def test_a_lone_capital_is_a_name_only_as_an_initial() -> None:
    assert _en_runs("it had $ 12 M of donations for the U . N .") == ["U . N ."]


def test_a_possessor_and_the_title_after_it_are_one_party() -> None:
    assert _en_runs("Syria offered aid to Lebanon's new President Elias Hrawi") == [
        "Syria",
        "Lebanon's new President Elias Hrawi",
    ]


def test_an_abbreviation_in_brackets_after_a_name_is_the_same_candidate() -> None:
    assert _en_runs("The Asia-Pacific Economic Cooperation ( APEC ) forum has agreed") == [
        "Asia-Pacific Economic Cooperation ( APEC )"
    ]
    # a bracketed word that is no abbreviation stays apart
    assert _en_runs("Hamas ( Gaza ) said") == ["Hamas", "Gaza"]


def test_people_counted_as_casualties_are_candidates() -> None:
    assert _ar_runs("قتل شرطيين في هجوم") == ["شرطيين"]
    assert _en_runs("the bomb killed five bystanders") == ["bystanders"]


def _runs(text: str, lang: str) -> list[str]:
    art = bare_article(text, lang, use_ner=False)
    return [art.span_text(m.span) for m in art.mentions]


def test_a_title_after_a_name_is_one_candidate_with_it() -> None:
    # the body named in the title (the UN, Valdoria) is the person's, no candidate of its own
    assert _runs("Omar Haddad, the UN Regional Relief Coordinator, urged Valdoria to open the border.", "en") == [
        "Omar Haddad, the UN Regional Relief Coordinator",
        "Valdoria",
    ]
    # closed by the sentence's end
    assert _runs("Talks ended with Karim Saleh, Valdoria's foreign minister.", "en") == [
        "Talks",
        "Karim Saleh, Valdoria's foreign minister",
    ]


def test_a_list_of_names_is_no_apposition() -> None:
    # no title in the second run, or "and" after it: separate parties
    assert _runs("Valdoria, Ostrava, Borduria and Syldavia met in Geneva.", "en") == [
        "Valdoria",
        "Ostrava",
        "Borduria",
        "Syldavia",
        "Geneva",
    ]
    assert _runs("Karim Saleh, the Ostrava envoy, and Nabil Haddad met in Geneva.", "en")[:2] == [
        "Karim Saleh",
        "Ostrava envoy",
    ]
