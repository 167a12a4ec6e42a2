"""Suggesting a pilot cohort from hand-built candidates: representation, the share limit,
people kept by hand, deterministic ties, the notes and the reasons, swaps and coverage."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.pilots.cohort import (
    Candidate,
    DepartmentCoverage,
    coverage,
    reason_for,
    suggest_cohort,
    swap,
)


def person(
    person_id: int,
    department: str,
    enthusiasm: float | None,
    influence: float | None,
    *,
    name: str | None = None,
    reports: int = 0,
    enthusiasm_source: str = "survey",
    influence_source: str = "manages",
) -> Candidate:
    return Candidate(
        person_id=person_id,
        display_name=name or f"{department} {person_id}",
        department=department,
        role=None,
        enthusiasm=enthusiasm,
        enthusiasm_source=enthusiasm_source if enthusiasm is not None else "none",
        influence=influence,
        influence_source=influence_source if influence is not None else "none",
        reports=reports,
    )


def ids(cohort_or_people) -> list[int]:
    people = getattr(cohort_or_people, "people", cohort_or_people)
    return [c.person_id for c in people]


# Sales: 5 keen people scoring 9.0 down to 7.0; Finance two (5.0, 4.0); Legal one (3.0).
SALES = [person(1 + n, "Sales", 5 - n / 2, 4) for n in range(5)]
FINANCE = [person(11, "Finance", 3, 2), person(12, "Finance", 2, 2)]
LEGAL = [person(21, "Legal", 2, 1)]
EVERYONE = [*LEGAL, *FINANCE, *SALES]


def test_every_department_is_represented_before_the_high_scorers_of_one_fill_the_rest():
    cohort = suggest_cohort(EVERYONE, 4, max_share=0.5)

    # Best of Sales, Finance, Legal (in order of their best score), then Sales's second.
    assert ids(cohort) == [1, 11, 21, 2]
    assert {c.department for c in cohort.people} == {"Sales", "Finance", "Legal"}
    assert cohort.notes == ()


def test_on_score_alone_one_department_would_take_every_place():
    """The check above is not trivially true: the top four by score are all from Sales."""
    ranked = sorted(EVERYONE, key=lambda c: -c.score)
    assert {c.department for c in ranked[:4]} == {"Sales"}


def test_no_department_goes_over_its_share_and_the_note_says_who_it_held_back():
    candidates = [
        *(person(1 + n, "Sales", 5, 5 - n / 4) for n in range(6)),
        person(11, "Finance", 3, 2),
        person(12, "Finance", 3, 1.5),
        person(13, "Finance", 2, 1),
        person(21, "Legal", 2, 1),
        person(22, "Legal", 1, 1),
    ]
    cohort = suggest_cohort(candidates, 5, max_share=0.4)

    assert ids(cohort) == [1, 11, 21, 2, 12]
    table = {row.department: row for row in cohort.coverage}
    assert table["Sales"] == DepartmentCoverage("Sales", 6, 2, 0.4, 2, False, False)
    assert table["Finance"] == DepartmentCoverage("Finance", 3, 2, 0.4, 2, False, False)
    assert table["Legal"] == DepartmentCoverage("Legal", 2, 1, 0.2, 2, False, False)
    # Without the limit the last place would have gone to Sales 3, not Finance 12.
    assert cohort.notes == (
        "Sales is held to 40 % of the cohort (2 of 5 places), so 1 of its high scorers was "
        "left out.",
    )


def test_a_dominant_department_takes_the_places_left_up_to_its_limit():
    candidates = [*(person(1 + n, "Sales", 5, 4 - n / 10) for n in range(8)), *FINANCE, *LEGAL]
    cohort = suggest_cohort(candidates, 6, max_share=0.5)

    # One each, then Sales up to 3 (half of 6), then the best of the rest: Finance's second.
    assert ids(cohort) == [1, 11, 21, 2, 3, 12]
    assert [(r.department, r.picked, r.limit) for r in cohort.coverage] == [
        ("Finance", 2, 3),
        ("Legal", 1, 3),
        ("Sales", 3, 3),
    ]


def test_when_the_limit_cannot_be_met_the_rest_are_filled_by_score_and_a_note_says_why():
    candidates = [*(person(1 + n, "Sales", 5, 4 - n / 10) for n in range(6)), *FINANCE]
    cohort = suggest_cohort(candidates, 6, max_share=0.4)

    assert len(cohort.picks) == 6
    assert ids(cohort) == [1, 11, 2, 12, 3, 4]
    sales = cohort.coverage[1]
    assert (sales.department, sales.picked, sales.limit, sales.over_limit) == ("Sales", 4, 2, True)
    assert cohort.notes == (
        "Sales has 4 people in the cohort, more than the 2 that 40 % allows: the other "
        "departments have too few candidates to fill 6 places.",
    )
    assert cohort.picks[-1].reason.startswith(
        "Added to fill the cohort although Sales goes over its share: enthusiasm 5"
    )


def test_people_kept_by_hand_stay_and_count_as_their_departments_representative():
    low_in_sales = SALES[-1].person_id
    cohort = suggest_cohort(EVERYONE, 4, max_share=0.5, keep=[low_in_sales])

    assert ids(cohort) == [low_in_sales, 11, 21, 1]
    assert cohort.picks[0].reason == (
        "Chosen by hand: enthusiasm 3 from the skills survey, influence 4 (manages nobody)."
    )


def test_people_kept_by_hand_over_the_limit_stay_and_the_note_says_so():
    kept = [1, 2, 3]
    cohort = suggest_cohort(EVERYONE, 5, max_share=0.4, keep=kept)

    assert ids(cohort)[:3] == kept
    assert set(ids(cohort)) == {1, 2, 3, 11, 21}
    assert cohort.notes == (
        "3 people from Sales were chosen by hand, more than the 2 that 40 % of the cohort allows.",
    )


def test_keeping_more_people_than_places_or_someone_not_a_candidate_is_refused():
    with pytest.raises(ValidationError) as too_many:
        suggest_cohort(EVERYONE, 2, keep=[1, 2, 3])
    assert too_many.value.message == "3 people were chosen by hand, more than the cohort of 2."
    with pytest.raises(ValidationError, match="no longer a candidate"):
        suggest_cohort(EVERYONE, 2, keep=[999])


def test_people_kept_by_hand_can_leave_no_place_for_a_department_and_the_note_names_it():
    cohort = suggest_cohort(EVERYONE, 3, max_share=1, keep=[1, 2])

    assert ids(cohort) == [1, 2, 11]
    assert cohort.notes == ("The people chosen by hand leave no place for Legal.",)
    assert [r.department for r in cohort.coverage if r.missing] == ["Legal"]


def test_a_department_in_scope_without_candidates_is_noted():
    cohort = suggest_cohort(
        EVERYONE, 4, departments=["Sales", "Finance", "Legal", "Facilities"], max_share=0.5
    )

    assert ids(cohort) == [1, 11, 21, 2]
    assert cohort.notes == ("Facilities has no candidates.",)
    facilities = cohort.coverage[0]
    assert facilities == DepartmentCoverage("Facilities", 0, 0, 0.0, 2, False, False)


def test_a_cohort_smaller_than_the_departments_takes_the_best_departments_and_names_the_rest():
    candidates = [
        *EVERYONE,
        person(31, "Facilities", 1, 1),
        person(41, "IT", 4, 4),
    ]
    cohort = suggest_cohort(candidates, 3)

    # Departments in order of their best score: Sales 9, IT 8, Finance 5, Legal 3, Facilities 2.
    assert ids(cohort) == [1, 41, 11]
    assert cohort.notes == (
        "The cohort of 3 is smaller than the 5 departments in scope: Facilities and Legal "
        "have nobody.",
    )
    assert [r.department for r in cohort.coverage if r.missing] == ["Facilities", "Legal"]


def test_only_the_departments_in_scope_must_be_represented():
    cohort = suggest_cohort(EVERYONE, 3, departments=["Sales", "Legal"], max_share=1)

    # Finance is outside the scope: it gets nobody as of right, but its people may win on score.
    assert ids(cohort) == [1, 21, 2]
    assert [r.department for r in cohort.coverage] == ["Legal", "Sales"]
    assert cohort.notes == ()


def test_ties_are_broken_by_name_then_id_whatever_order_the_candidates_come_in():
    tied = [
        person(5, "Sales", 4, 4, name="Zoë Brandt"),
        person(3, "Sales", 4, 4, name="ana Ruiz"),
        person(9, "Sales", 4, 4, name="Ana Ruiz"),
        person(2, "Sales", 4, 4, name="Ana Ruiz"),
        person(7, "Sales", 4, 4, name="Bea Ng"),
    ]
    first = suggest_cohort(tied, 4, max_share=1)
    again = suggest_cohort(list(reversed(tied)), 4, max_share=1)

    assert ids(first) == ids(again) == [2, 9, 3, 7]


def test_a_missing_figure_counts_as_the_middle_of_the_scale_and_the_reason_says_so():
    unknown = person(1, "Sales", None, None, name="Ngọc Tran")
    middling = person(2, "Sales", 3, 3, name="Omar Haddad")
    keen = person(3, "Sales", 3.1, 3, name="Zara Lee")

    assert unknown.score == middling.score == 6
    assert ids(suggest_cohort([middling, unknown, keen], 2, max_share=1)) == [3, 1]
    assert reason_for(unknown, best_in_department=True) == (
        "The highest score in Sales: no enthusiasm figure (counted as 3, the middle of the "
        "scale), no influence figure (counted as 3, the middle of the scale)."
    )


def test_reasons_give_the_actual_figures_and_where_they_come_from():
    from_survey = person(1, "Finance", 4.6, 4, reports=6)
    entered = person(2, "Sales", 4.2, 4, enthusiasm_source="entered", influence_source="entered")
    one_report = person(3, "Sales", 3.8, 2, reports=1)

    assert reason_for(from_survey, best_in_department=True) == (
        "The highest score in Finance: enthusiasm 4.6 from the skills survey, influence 4 "
        "(manages 6 people)."
    )
    assert reason_for(entered, best_in_department=False) == (
        "Among the highest scores overall: enthusiasm 4.2 (entered), influence 4 (entered)."
    )
    assert reason_for(one_report, best_in_department=False) == (
        "Among the highest scores overall: enthusiasm 3.8 from the skills survey, influence 2 "
        "(manages 1 person)."
    )
    cohort = suggest_cohort([from_survey, entered, one_report], 3, max_share=1)
    assert [p.reason for p in cohort.picks] == [
        reason_for(from_survey, best_in_department=True),
        reason_for(entered, best_in_department=True),
        reason_for(one_report, best_in_department=False),
    ]


@pytest.mark.parametrize(
    ("size", "message"),
    [
        (0, "Choose a cohort of at least 1 person."),
        (-2, "Choose a cohort of at least 1 person."),
        (9, "Only 8 people are candidates; choose a cohort of 8 or fewer."),
    ],
)
def test_a_cohort_size_outside_the_candidates_is_refused_in_plain_words(size, message):
    with pytest.raises(ValidationError) as refused:
        suggest_cohort(EVERYONE, size)
    assert refused.value.message == message
    assert refused.value.field == "size"


def test_one_candidate_and_no_candidates_get_their_own_words():
    with pytest.raises(ValidationError) as one:
        suggest_cohort(LEGAL, 2)
    assert one.value.message == "Only 1 person is a candidate; choose a cohort of 1."
    with pytest.raises(ValidationError, match="Nobody is a candidate yet"):
        suggest_cohort([], 1)


@pytest.mark.parametrize("share", [0, -0.1, 1.01, 40])
def test_a_share_outside_0_to_100_percent_is_refused(share):
    with pytest.raises(ValidationError) as refused:
        suggest_cohort(EVERYONE, 3, max_share=share)
    assert refused.value.field == "max_share"
    with pytest.raises(ValidationError):
        coverage(SALES[:1], EVERYONE, max_share=share)


def test_the_whole_organisation_may_be_one_cohort():
    cohort = suggest_cohort(EVERYONE, len(EVERYONE), max_share=1)
    assert sorted(ids(cohort)) == sorted(ids(EVERYONE))
    assert cohort.notes == ()


def test_a_swap_keeps_the_order_and_the_coverage_follows_it():
    cohort = suggest_cohort(EVERYONE, 4, max_share=0.5)
    assert [(r.department, r.picked) for r in cohort.coverage] == [
        ("Finance", 1),
        ("Legal", 1),
        ("Sales", 2),
    ]
    finance_second = FINANCE[1]

    swapped = swap(cohort.picks, 21, finance_second)

    assert [p.candidate.person_id for p in swapped] == [1, 11, 12, 2]
    assert swapped[2].reason == "Chosen by hand in place of Legal 21."
    assert swapped[0] == cohort.picks[0]
    table = coverage([p.candidate for p in swapped], EVERYONE, max_share=0.5)
    assert [(r.department, r.picked, r.missing) for r in table] == [
        ("Finance", 2, False),
        ("Legal", 0, True),
        ("Sales", 2, False),
    ]
    assert swap(cohort.picks, 21, finance_second, reason="Asked to join.")[2].reason == (
        "Asked to join."
    )


def test_swapping_someone_not_picked_or_for_someone_already_picked_is_refused():
    cohort = suggest_cohort(EVERYONE, 3)
    with pytest.raises(ValidationError, match="not in the cohort"):
        swap(cohort.picks, 12, SALES[4])
    with pytest.raises(ValidationError) as already:
        swap(cohort.picks, 1, FINANCE[0])
    assert already.value.message == "Finance 11 is already in the cohort."


def test_coverage_shows_a_department_outside_the_scope_after_those_in_it():
    picked = [SALES[0], SALES[1], SALES[2], FINANCE[0]]
    table = coverage(picked, EVERYONE, departments=["Sales", "Legal"], max_share=0.5)

    assert table == (
        DepartmentCoverage("Legal", 1, 0, 0.0, 2, False, True),
        DepartmentCoverage("Sales", 5, 3, 0.75, 2, True, False),
        DepartmentCoverage("Finance", 2, 1, 0.25, 2, False, False),
    )


def test_the_coverage_of_an_empty_cohort_has_every_department_missing():
    table = coverage([], EVERYONE)
    assert [(r.department, r.picked, r.share, r.missing) for r in table] == [
        ("Finance", 0, 0.0, True),
        ("Legal", 0, 0.0, True),
        ("Sales", 0, 0.0, True),
    ]
