"""Properties of the suggested cohort over random candidates, sizes, scopes and shares."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.pilots.cohort import Candidate, department_limit, suggest_cohort

DEPARTMENTS = ("Sales", "Finance", "Legal", "IT", "No department")
FIGURES = st.one_of(st.none(), st.integers(10, 50).map(lambda n: n / 10))


@st.composite
def situations(draw: st.DrawFn) -> tuple[list[Candidate], int, list[str] | None, float, set[int]]:
    count = draw(st.integers(1, 25))
    candidates = [
        Candidate(
            person_id=100 + n,
            display_name=draw(st.sampled_from(("Ana", "Bea", "Łukasz", "Zoë", "李娜"))),
            department=draw(st.sampled_from(DEPARTMENTS)),
            role=None,
            enthusiasm=(enthusiasm := draw(FIGURES)),
            enthusiasm_source="none" if enthusiasm is None else "survey",
            influence=(influence := draw(FIGURES)),
            influence_source="none" if influence is None else "entered",
            reports=0,
        )
        for n in range(count)
    ]
    size = draw(st.integers(1, count))
    scope = draw(
        st.one_of(st.none(), st.lists(st.sampled_from((*DEPARTMENTS, "Facilities")), unique=True))
    )
    share = draw(st.one_of(st.sampled_from((0.2, 0.25, 0.4, 0.5, 1.0)), st.floats(0.01, 1)))
    keep = draw(
        st.sets(st.sampled_from([c.person_id for c in candidates]), max_size=min(size, 3))
        if draw(st.booleans())
        else st.just(set())
    )
    return candidates, size, scope, share, keep


@settings(max_examples=300, deadline=None)
@given(situations(), st.randoms(use_true_random=False))
def test_the_suggested_cohort_keeps_its_promises(situation, random):
    candidates, size, scope, share, keep = situation
    cohort = suggest_cohort(candidates, size, departments=scope, max_share=share, keep=keep)
    picked = [c.person_id for c in cohort.people]

    # The size asked for, distinct people, those kept by hand among them.
    assert len(picked) == len(set(picked)) == size
    assert keep <= set(picked)

    # Every department in scope with candidates is represented when there is room for it.
    in_scope = set(DEPARTMENTS if scope is None else scope)
    with_candidates = {c.department for c in candidates} & in_scope
    kept_departments = {c.department for c in candidates if c.person_id in keep}
    unrepresented = with_candidates - kept_departments
    represented = {c.department for c in cohort.people}
    if size - len(keep) >= len(unrepresented):
        assert with_candidates <= represented
    for row in cohort.coverage:
        if row.missing:
            assert any(
                row.department in note and ("nobody" in note or "no place for" in note)
                for note in cohort.notes
            )
        if row.department in in_scope and row.candidates == 0:
            assert f"{row.department} has no candidates." in cohort.notes

    # No department over its limit unless a note says why.
    limit = department_limit(share, size)
    for row in cohort.coverage:
        assert row.limit == limit
        assert row.over_limit == (row.picked > limit)
        if row.over_limit:
            assert any(row.department in n and "more than" in n for n in cohort.notes)
    assert sum(row.picked for row in cohort.coverage) == size

    # Nobody picked on score alone is beaten by someone left out whose department had room.
    counts = {row.department: row.picked for row in cohort.coverage}
    left_out = [c for c in candidates if c.person_id not in set(picked)]
    for pick in cohort.picks:
        if pick.reason.startswith("Among the highest scores overall"):
            for other in left_out:
                if other.score > pick.candidate.score:
                    assert counts[other.department] >= limit

    # The same answer whatever order the candidates come in.
    shuffled = list(candidates)
    random.shuffle(shuffled)
    again = suggest_cohort(shuffled, size, departments=scope, max_share=share, keep=keep)
    assert again == cohort
