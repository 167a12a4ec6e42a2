"""The demo organisation's objectives and pilots: one pilot decided to scale up after ten weeks
with realistic measurements and criteria judged as designed, one running for four weeks; the
same seed gives the same pilots; a tiny demo still works."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.context import AppServices, open_services
from app.demo import create_demo_organisation
from app.demo_pilots import (
    APPLICATIONS,
    DECIDED_NAME,
    DECISION_REASONS,
    RUNNING_NAME,
    TASKS,
)
from app.pilots.criteria import Verdict
from app.services.info import data_file_info

pytestmark = pytest.mark.database


@pytest.fixture
def demo(services: AppServices) -> AppServices:
    create_demo_organisation(services, employees=150)
    return services


def _pilot(services: AppServices, name: str) -> int:
    return next(row.id for row in services.pilots.pilots() if row.name == name)


def test_the_decided_pilot_has_realistic_measurements_judged_as_designed(demo):
    outcome = demo.pilot_outcomes.outcome(_pilot(demo, DECIDED_NAME))
    pilot, results = outcome.pilot, outcome.results
    assert pilot.status == "decided" and pilot.decision == "scale"
    assert pilot.decision_reasons == DECISION_REASONS
    assert pilot.starts_on and pilot.ends_on and pilot.decided_on
    # Ten whole weeks, the last day in week 10.
    assert (pilot.ends_on - pilot.starts_on).days == 69
    assert pilot.week_of(pilot.ends_on) == 10
    assert pilot.ends_on < pilot.decided_on <= date.today()
    assert len(pilot.objective_titles) == 1 and pilot.path_names and pilot.tools

    assert 12 <= len(outcome.participants) <= 14
    represented = [row.department for row in outcome.coverage if row.picked]
    assert 3 <= len(represented) <= 4
    assert results.completion.completed == round(0.85 * len(outcome.participants))

    weeks = results.adoption
    assert [week.week for week in weeks] == list(range(1, 11))
    assert 0.3 <= (weeks[0].share or 0) <= 0.5 and 0.65 <= (weeks[-1].share or 0) <= 0.85
    assert (weeks[-1].share or 0) > (weeks[0].share or 0) + 0.2
    assert any(week.reporting < len(outcome.participants) for week in weeks)  # missed check-ins

    saved = results.time_saved
    assert {task.task for task in saved.tasks} == {task for task, *_rest in TASKS}
    assert all(task.observations >= 3 and 0 < task.saved_share < 0.7 for task in saved.tasks)
    assert saved.median_share is not None and 0.25 <= saved.median_share <= 0.5

    answers = results.satisfaction
    assert answers.distribution[0] == answers.distribution[1] == 0
    assert min(answers.distribution[2:]) >= 1 and answers.n == len(outcome.participants) - 1
    assert answers.mean is not None and 4.0 <= answers.mean <= 4.4
    assert 3 <= len(outcome.quotes) <= 5
    gain = results.learning_gain
    assert gain.missing_after == 1 and gain.mean_change is not None
    assert 15 <= gain.mean_change <= 35 and 35 <= (gain.mean_before or 0) <= 55
    change = results.job_satisfaction.mean_change
    assert change is not None and 0 < change < 0.5
    assert len(outcome.applications) == len(APPLICATIONS)

    verdicts = {result.criterion.measure: result.verdict for result in outcome.criteria}
    assert verdicts == {
        "completion": Verdict.MET,
        "satisfaction": Verdict.MET,
        "time_saved": Verdict.MET,
        "weekly_active": Verdict.MET,
        "learning_gain": Verdict.MET,
        "engagement": Verdict.NOT_MET,
    }
    assert outcome.scale_up is not None and outcome.scale_up.hours_per_year


def test_the_running_pilot_is_in_its_fourth_week_with_check_ins_only(demo):
    pilot_id = _pilot(demo, RUNNING_NAME)
    outcome = demo.pilot_outcomes.outcome(pilot_id)
    pilot = outcome.pilot
    assert pilot.status == "running" and pilot.decision is None
    assert pilot.week_of(date.today()) == 4
    assert [week.week for week in outcome.results.adoption] == [1, 2, 3, 4]
    assert outcome.results.satisfaction.n == 0 and not outcome.quotes
    assert not outcome.results.time_saved.tasks and not outcome.applications
    following = {person for path in pilot.path_ids for person in demo.paths.people_on(path)}
    assert pilot.path_ids and {row.person_id for row in outcome.participants} <= following
    assert all(r.verdict is not Verdict.MET for r in outcome.criteria)
    decided = demo.pilot_outcomes.outcome(_pilot(demo, DECIDED_NAME))
    assert not {r.person_id for r in outcome.participants} & {
        r.person_id for r in decided.participants
    }


def test_the_objectives_have_baselines_and_readings_and_info_counts_the_pilots(demo):
    objectives = demo.objectives.objectives()
    assert len(objectives) == 2
    for objective in objectives:
        assert len(objective.metrics) >= 2
        for metric in objective.metrics:
            assert metric.baseline_value is not None and metric.baseline_on is not None
            assert len(metric.readings) >= 2 and metric.progress is not None
    served = {t for row in demo.pilots.pilots() for t in demo.pilots.pilot(row.id).objective_titles}
    assert served == {objective.title for objective in objectives}
    assert data_file_info(demo.database)["pilots"] == 2


def test_the_same_seed_gives_the_same_pilots(services, tmp_path: Path):
    create_demo_organisation(services, employees=60, seed=4)
    other = open_services(tmp_path / "second.upskill")
    try:
        create_demo_organisation(other, employees=60, seed=4)

        def snapshot(opened: AppServices) -> list[object]:
            found: list[object] = []
            for row in opened.pilots.pilots():
                outcome = opened.pilot_outcomes.outcome(row.id)
                found.append(
                    (
                        row.name,
                        sorted(p.display_name for p in outcome.participants),
                        outcome.results.adoption,
                        outcome.results.time_saved.tasks,
                        outcome.results.satisfaction.distribution,
                        [(r.verdict, r.value) for r in outcome.criteria],
                    )
                )
            return found

        assert snapshot(services) == snapshot(other)
    finally:
        other.close()


def test_a_tiny_demo_still_gets_its_pilots(services):
    create_demo_organisation(services, employees=14, seed=2)
    rows = services.pilots.pilots()
    assert {row.status for row in rows} == {"decided", "running"}
    assert all(row.participants >= 3 for row in rows)
