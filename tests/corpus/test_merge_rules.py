"""Which pairs of article-level events may be one real event, and how pairs become merged events.

Hand-built digests (``EventFacts``), so each rule of ``corpus/merge.py`` is
checked alone: meetings of different pairs of states, an undated act against
a dated one, and complete linkage (a chain of pairs does not make one event).
"""

from __future__ import annotations

from itertools import combinations

from dragoman.corpus.facts import ArticleFacts, EventFacts, Party
from dragoman.corpus.merge import link, merge_events

AZ = Party("Q227", "country:AZ", "Q227", "Azerbaijan", "GPE")
IL = Party("Q801", "country:IL", "Q801", "Israel", "GPE")
AM = Party("Q399", "country:AM", "Q399", "Armenia", "GPE")
US = Party("Q30", "country:US", "Q30", "United States", "GPE")
ALIYEV = Party("Q7232", "person:aliyev", "Q7232", "Ilham Aliyev", "PERSON")


def ev(article: str, type_: str, actors: tuple[Party, ...], recipients: tuple[Party, ...] = (),
       status: str = "occurred", date: str | None = None) -> EventFacts:
    granularity = None if date is None else {4: "year", 7: "month", 10: "day"}[len(date)]
    return EventFacts(
        id=f"{article}-e{len(actors)}{len(recipients)}", article=article, type=type_, family=type_, status=status,
        actors=actors, recipients=recipients, date=date, granularity=granularity, estimated=False,
        evidence=((0, 4, "text"),),
    )


def facts(events: list[EventFacts]) -> dict[str, ArticleFacts]:
    return {
        e.article: ArticleFacts(e.article, None, None, None, "en", "2025-05-01", e.article, {}, {}, (e,))
        for e in events
    }


def test_meetings_of_different_pairs_of_states_are_two_events() -> None:
    az_il = ev("a", "CONSULT", (AZ,), (IL,))
    az_am = ev("b", "CONSULT", (AZ, AM))
    assert link(az_il, az_am) is None
    # a source may miss a party: Azerbaijan and Israel met / Azerbaijan met someone
    assert link(az_il, ev("c", "CONSULT", (IL, AZ))) is not None
    assert link(az_il, ev("d", "CONSULT", (AZ,))) is not None


def test_an_undated_act_joins_a_dated_one_only_through_a_person_organisation_or_agreement() -> None:
    dated = ev("a", "OPEN_EMBASSY", (IL,), (AZ,), date="1993")
    assert link(dated, ev("b", "OPEN_EMBASSY", (IL,), (AZ,))) is None  # only states shared: maybe another act
    assert link(dated, ev("c", "OPEN_EMBASSY", (IL,), (AZ,), date="1993")) is not None  # both dated: compared
    visit = ev("d", "CONSULT", (ALIYEV, AZ), (IL,), date="2025-03")
    assert link(visit, ev("e", "CONSULT", (ALIYEV, AZ), (IL,))) is not None
    # prospective acts are processes, often undated: the rule is for what happened
    planned = ev("f", "ACCEDE", (AZ,), (US,), status="planned", date="2025-04")
    assert link(planned, ev("g", "ACCEDE", (AZ,), (US,), status="talks")) is not None


def test_a_chain_of_pairs_does_not_make_one_event_of_what_no_pair_would() -> None:
    # A-B and B-C may each be one meeting; A and C (two different pairs of states) cannot
    a = ev("a", "CONSULT", (AZ,), (IL,))
    b = ev("b", "CONSULT", (AZ,))
    c = ev("c", "CONSULT", (AZ,), (AM,))
    evs = [a, b, c]
    edges = [(x.id, y.id, s) for x, y in combinations(evs, 2) if (s := link(x, y)) is not None]
    assert {(x, y) for x, y, _ in edges} == {(a.id, b.id), (b.id, c.id)}
    merged = merge_events(facts(evs), edges)
    assert sorted(len(m.sources) for m in merged) == [1, 2]
    # when every pair links, all three are one event
    d = ev("d", "CONSULT", (IL, AZ))
    evs = [a, b, d]
    edges = [(x.id, y.id, s) for x, y in combinations(evs, 2) if (s := link(x, y)) is not None]
    assert [len(m.sources) for m in merge_events(facts(evs), edges)] == [3]


def _merged(evs: list[EventFacts]):  # type: ignore[no-untyped-def]
    edges = [(x.id, y.id, s) for x, y in combinations(evs, 2) if (s := link(x, y)) is not None]
    (m,) = merge_events(facts(evs), edges)
    return m


def test_a_meeting_told_with_the_roles_the_other_way_round_is_no_disagreement() -> None:
    m = _merged([ev("a", "CONSULT", (AZ,), (US,)), ev("b", "CONSULT", (US,), (AZ,)), ev("c", "CONSULT", (AZ,), (US,))])
    assert [p.key for p in m.actors] == ["Q227"] and [p.key for p in m.recipients] == ["Q30"]
    assert "actors" not in m.disagreements and "recipients" not in m.disagreements
    assert len(m.sources) == 3  # every source kept


def test_a_directed_act_keeps_each_source_roles_as_told() -> None:
    # who imposed on whom is not symmetric: told both ways, they are two events, neither turned round
    a, b = ev("a", "IMPOSE_SANCTION", (US,), (AZ,), date="2025-03"), ev("b", "IMPOSE_SANCTION", (AZ,), (US,), date="2025-03")
    assert link(a, b) is None
    assert [([p.key for p in m.actors], [p.key for p in m.recipients]) for m in merge_events(facts([a, b]), [])] == [
        (["Q30"], ["Q227"]), (["Q227"], ["Q30"])]
