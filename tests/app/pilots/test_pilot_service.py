"""Pilots through the service: the form's rules, the cohort and enrolment, entries, decisions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.paths.service import ModuleInput, PathLayout, StageLayout
from app.pilots.criteria import Criterion, Verdict
from app.pilots.outcome import judging_of
from app.pilots.records import CheckInEntry, Decision, FeedbackInput, PilotInput, TimingInput
from app.pilots.service import CohortPick
from db.models import Track
from tests.app.skills_people import add_department_people

pytestmark = pytest.mark.database

START = date.today() - timedelta(weeks=10)


def _path(services) -> int:
    keys = []
    for title in ("Prompting basics", "Checking answers"):
        module_id = services.paths.save_module(
            ModuleInput(title, "", "workshop", 2.0, "awareness", {"prompting": 1})
        )
        keys.append(next(m.key for m in services.paths.modules() if m.id == module_id))
    return services.paths.create_path(
        PathLayout(
            "Everyday AI",
            "frontline",
            "awareness",
            "",
            (
                StageLayout("crawl", "Crawl", tuple(keys)),
                StageLayout("walk", "Walk", ()),
                StageLayout("run", "Run", ()),
            ),
        )
    )


@pytest.fixture
def pilot(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    people = add_department_people(services, "Sales", 4, role) + add_department_people(
        services, "Support", 3, role
    )
    path_id = _path(services)
    pilot_id = services.pilots.save_pilot(
        PilotInput(
            name="Writing assistant",
            starts_on=START,
            ends_on=date.today(),
            path_ids=(path_id,),
            tools=("Copilot", " ", "ChatGPT"),
            criteria=(Criterion("completion", 80), Criterion("weekly_active", 60, 8)),
            target_population=50,
        )
    )
    services.pilots.set_cohort(pilot_id, [CohortPick(person, "keen") for person in people[:5]])
    return pilot_id, path_id, people


def test_a_pilot_keeps_its_paths_tools_and_criteria_in_order(services, pilot):
    pilot_id, path_id, _people = pilot
    details = services.pilots.pilot(pilot_id)
    assert details.path_ids == (path_id,)
    assert details.tools == ("Copilot", "ChatGPT")
    assert details.criteria == (Criterion("completion", 80), Criterion("weekly_active", 60, 8))
    assert details.participants == 5
    assert details.week_of(START + timedelta(days=7)) == 2


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (PilotInput(name="  "), "name"),
        (PilotInput(name="X", starts_on=START, ends_on=START), "ends_on"),
        (PilotInput(name="X", criteria=(Criterion("completion", 80),) * 2), "criteria"),
        (PilotInput(name="X", target_population=0), "target_population"),
        (PilotInput(name="writing ASSISTANT"), "name"),
    ],
)
def test_a_pilot_form_with_a_mistake_is_refused_with_the_field(services, pilot, values, field):
    with pytest.raises(ValidationError) as refused:
        services.pilots.save_pilot(values)
    assert refused.value.field == field
    assert len(services.pilots.pilots()) == 1


def test_success_criteria_cannot_change_once_the_pilot_runs(services, pilot):
    pilot_id, path_id, _people = pilot
    services.pilots.set_status(pilot_id, "running")
    changed = PilotInput(
        name="Writing assistant", starts_on=START, path_ids=(path_id,), criteria=()
    )
    with pytest.raises(ValidationError, match="agreed before the pilot started"):
        services.pilots.save_pilot(changed, pilot_id)
    assert len(services.pilots.pilot(pilot_id).criteria) == 2


def test_choosing_the_cohort_enrols_everyone_on_the_pilots_path(services, pilot):
    pilot_id, path_id, people = pilot
    assert set(services.paths.people_on(path_id)) >= set(people[:5])
    rows = services.pilots.participants(pilot_id)
    assert [row.department for row in rows] == ["Sales"] * 4 + ["Support"]
    assert all(row.modules == 2 and row.modules_done == 0 for row in rows)


def test_leaving_the_cohort_removes_that_persons_check_ins_only(services, pilot):
    pilot_id, _path_id, people = pilot
    rows = services.pilots.participants(pilot_id)
    services.pilot_tracking.record_week(pilot_id, 1, [CheckInEntry(r.id, 3) for r in rows])
    services.pilots.set_cohort(pilot_id, [CohortPick(p, "keen") for p in people[1:5]])
    left = {row.participant_id for row in services.pilot_tracking.check_ins(pilot_id)}
    gone = next(row.id for row in rows if row.person_id == people[0])
    assert len(left) == 4
    assert gone not in left


def test_entering_a_week_again_replaces_it(services, pilot):
    pilot_id, _path_id, _people = pilot
    first = services.pilots.participants(pilot_id)[0].id
    services.pilot_tracking.record_week(pilot_id, 2, [CheckInEntry(first, 3, ("drafting",), 1)])
    services.pilot_tracking.record_week(pilot_id, 2, [CheckInEntry(first, 5, ("research",), 2)])
    (row,) = services.pilot_tracking.check_ins(pilot_id)
    assert (row.week, row.days_used, row.features, row.learning_hours) == (
        2,
        5,
        ("research",),
        2,
    )


def test_an_entry_for_someone_outside_the_pilot_saves_nothing(services, pilot):
    pilot_id, _path_id, _people = pilot
    inside = services.pilots.participants(pilot_id)[0].id
    with pytest.raises(ValidationError, match="outside this pilot"):
        services.pilot_tracking.record_week(
            pilot_id, 1, [CheckInEntry(inside, 2), CheckInEntry(inside + 1000, 2)]
        )
    with pytest.raises(ValidationError, match="0 to 7"):
        services.pilot_tracking.record_week(pilot_id, 1, [CheckInEntry(inside, 8)])
    with pytest.raises(ValidationError, match="more than 0"):
        services.pilot_tracking.save_timing(pilot_id, TimingInput("Reply", 0, 5))
    assert services.pilot_tracking.check_ins(pilot_id) == []
    assert services.pilot_tracking.timings(pilot_id) == []


def test_the_outcome_counts_who_finished_their_path_and_judges_the_criteria(services, pilot):
    pilot_id, path_id, people = pilot
    key = services.paths.path(path_id).layout.module_keys()
    for module in key:
        services.path_progress.set_progress(path_id, people[:4], module, "completed")
    rows = services.pilots.participants(pilot_id)
    for week in range(1, 11):
        services.pilot_tracking.record_week(
            pilot_id,
            week,
            [CheckInEntry(r.id, 0 if n == 0 and week > 8 else 2) for n, r in enumerate(rows)],
        )
    services.pilot_tracking.save_feedback(
        pilot_id, [FeedbackInput(rows[0].id, 5, 9, "It saves me an hour on every report.")]
    )
    services.pilots.set_status(pilot_id, "evaluating")  # ended: judged for good
    outcome = services.pilot_outcomes.outcome(pilot_id)
    completion, weekly = outcome.criteria
    # 4 of the 5 participants did both modules: 80 %, the target exactly.
    assert (completion.value, completion.n, completion.verdict) == (80.0, 5, "met")
    # Weeks 8-10: 5 + 4 + 4 active of 15 participant-weeks reported = 86.7 %.
    assert weekly.value == pytest.approx(100 * 13 / 15)
    assert outcome.quotes == ("It saves me an hour on every report.",)
    assert outcome.scale_up is not None and outcome.scale_up.population == 50


def test_a_running_pilot_is_judged_so_far_until_the_day_after_its_planned_end(services, pilot):
    pilot_id, path_id, people = pilot
    for module in services.paths.path(path_id).layout.module_keys():
        services.path_progress.set_progress(path_id, people[:4], module, "completed")
    services.pilots.set_status(pilot_id, "running")
    last_day = services.pilots.pilot(pilot_id).ends_on
    assert last_day == date.today()

    running = services.pilot_outcomes.outcome(pilot_id, today=last_day)
    # 4 of 5 finished = 80 %: on track, but not judged on the pilot's last day.
    assert running.criteria[0].verdict is Verdict.IN_PROGRESS and running.criteria[0].on_track
    assert judging_of(running).interim

    after = services.pilot_outcomes.outcome(pilot_id, today=last_day + timedelta(days=1))
    assert after.criteria[0].verdict is Verdict.MET
    assert judging_of(after).overdue and judging_of(after).final


def test_a_decision_needs_its_reasons_and_makes_the_pilot_decided(services, pilot):
    pilot_id, _path_id, _people = pilot
    with pytest.raises(ValidationError, match="decision first"):
        services.pilots.set_status(pilot_id, "decided")
    with pytest.raises(ValidationError, match="why"):
        services.pilots.record_decision(pilot_id, Decision("scale", "  ", date.today()))
    with pytest.raises(ValidationError, match="future"):
        services.pilots.record_decision(
            pilot_id, Decision("scale", "Good", date.today() + timedelta(days=1))
        )
    services.pilots.record_decision(pilot_id, Decision("adjust", "Shorter course", date.today()))
    details = services.pilots.pilot(pilot_id)
    assert (details.status, details.decision, details.decision_reasons) == (
        "decided",
        "adjust",
        "Shorter course",
    )


def test_entered_enthusiasm_and_influence_override_what_is_derived(services, pilot):
    _pilot_id, _path_id, people = pilot
    services.pilots.set_rating(people[6], enthusiasm=4.5, influence=2)
    candidate = next(c for c in services.pilots.candidates() if c.person_id == people[6])
    assert (candidate.enthusiasm, candidate.enthusiasm_source) == (4.5, "entered")
    assert (candidate.influence, candidate.influence_source) == (2, "entered")
    with pytest.raises(ValidationError, match="1 to 5"):
        services.pilots.set_rating(people[6], enthusiasm=6, influence=None)
