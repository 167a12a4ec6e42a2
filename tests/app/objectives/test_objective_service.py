"""Objectives, metrics and readings through the service: saved, read back, refused in plain
words, announced after each change."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.context import AppServices
from app.errors import ValidationError
from app.events import Change, Topic
from app.objectives.model import MetricInput, ObjectiveInput
from db.models import MetricReading, ObjectiveStatus

pytestmark = pytest.mark.database

TODAY = date(2026, 11, 20)


def hours_metric(**changes) -> MetricInput:
    values = {
        "name": "Hours saved per week",
        "unit": "hours",
        "baseline_value": 0.0,
        "baseline_on": date(2026, 1, 1),
        "target_value": 400.0,
        "target_date": date(2027, 12, 31),
    }
    values.update(changes)
    return MetricInput(**values)


def make_objective(services: AppServices, title: str = "Save time on reporting") -> int:
    return services.objectives.save_objective(
        ObjectiveInput(title=title, owner="Finance director", due_on=date(2027, 12, 31))
    )


def test_an_objective_with_a_metric_and_readings_reads_back_with_its_progress(services):
    objective_id = make_objective(services)
    metric_id = services.objectives.save_metric(objective_id, hours_metric())
    services.objectives.add_reading(metric_id, 80, date(2026, 6, 1), "first survey", today=TODAY)
    services.objectives.add_reading(metric_id, 120, date(2026, 11, 12), today=TODAY)

    [objective] = services.objectives.objectives()
    assert (objective.title, objective.owner, objective.status) == (
        "Save time on reporting",
        "Finance director",
        ObjectiveStatus.PLANNED,
    )
    [metric] = objective.metrics
    assert [(r.measured_on, r.value, r.note) for r in metric.readings] == [
        (date(2026, 6, 1), 80.0, "first survey"),
        (date(2026, 11, 12), 120.0, None),
    ]
    assert metric.latest is not None and metric.latest.value == 120
    assert metric.progress == pytest.approx(0.3)
    assert metric.time_share == pytest.approx(315 / 729)
    assert metric.on_track is False
    assert metric.higher_is_better is True
    assert metric.sentence == (
        "Hours saved per week: 120 of 400 hours (30 % of the way), measured 12 Nov 2026; "
        "43 % of the time had passed by then: behind."
    )
    assert services.objectives.objective(objective_id) == objective


def test_a_target_below_the_baseline_makes_a_lower_is_better_metric(services):
    objective_id = make_objective(services)
    metric_id = services.objectives.save_metric(
        objective_id,
        hours_metric(name="Report turnaround", unit="days", baseline_value=10, target_value=4),
    )
    services.objectives.add_reading(metric_id, 7, date(2026, 3, 1), today=TODAY)
    metric = services.objectives.metric(metric_id)
    assert metric.higher_is_better is False
    assert metric.progress == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "Give the metric a name"),
        ({"baseline_value": None}, "baseline_value", "Enter the baseline"),
        ({"target_value": 0.0}, "target_value", "the same as the baseline"),
        ({"target_date": date(2025, 12, 1)}, "target_date", "after the baseline date"),
        ({"baseline_on": None}, "baseline_on", "date the baseline was measured"),
        ({"higher_is_better": False}, "target_value", "Lower is better"),
        ({"unit": "h" * 60}, "unit", "too long"),
    ],
)
def test_a_metric_that_cannot_show_progress_is_refused_in_plain_words(
    services, changes, field, words
):
    objective_id = make_objective(services)
    with pytest.raises(ValidationError) as refused:
        services.objectives.save_metric(objective_id, hours_metric(**changes))
    assert refused.value.field == field
    assert words in refused.value.message
    assert services.objectives.objective(objective_id).metrics == ()


def test_two_metrics_of_one_objective_cannot_share_a_name(services):
    objective_id = make_objective(services)
    services.objectives.save_metric(objective_id, hours_metric())
    with pytest.raises(ValidationError) as refused:
        services.objectives.save_metric(objective_id, hours_metric(name="hours SAVED per week"))
    assert refused.value.field == "name"


def test_an_objective_needs_a_title(services):
    with pytest.raises(ValidationError) as refused:
        services.objectives.save_objective(ObjectiveInput(title=" "))
    assert refused.value.field == "title"
    assert services.objectives.objectives() == []


def test_editing_an_objective_changes_it_in_place(services):
    objective_id = make_objective(services)
    services.objectives.save_objective(
        ObjectiveInput(title="Save time", status=ObjectiveStatus.AT_RISK), objective_id
    )
    [objective] = services.objectives.objectives()
    assert (objective.id, objective.title, objective.owner, objective.status) == (
        objective_id,
        "Save time",
        None,
        ObjectiveStatus.AT_RISK,
    )


def test_a_reading_before_the_baseline_in_the_future_or_on_a_recorded_day_is_refused(services):
    metric_id = services.objectives.save_metric(make_objective(services), hours_metric())
    services.objectives.add_reading(metric_id, 50, date(2026, 5, 1), today=TODAY)
    cases = [
        (date(2025, 12, 31), "before the baseline date"),
        (date(2026, 11, 21), "in the future"),
        (date(2026, 5, 1), "already a reading on 1 May 2026 (50)"),
    ]
    for day, words in cases:
        with pytest.raises(ValidationError) as refused:
            services.objectives.add_reading(metric_id, 60, day, today=TODAY)
        assert refused.value.field == "measured_on"
        assert words in refused.value.message
    with pytest.raises(ValidationError) as no_value:
        services.objectives.add_reading(metric_id, None, date(2026, 6, 1), today=TODAY)
    assert no_value.value.field == "value"
    assert len(services.objectives.metric(metric_id).readings) == 1


def test_a_reading_can_be_corrected_deleted_and_put_back(services):
    metric_id = services.objectives.save_metric(make_objective(services), hours_metric())
    reading_id = services.objectives.add_reading(metric_id, 50, date(2026, 5, 1), today=TODAY)
    services.objectives.update_reading(reading_id, 55, date(2026, 5, 2), "recounted", today=TODAY)
    [reading] = services.objectives.metric(metric_id).readings
    assert (reading.value, reading.measured_on, reading.note) == (55, date(2026, 5, 2), "recounted")

    deleted = services.objectives.delete_reading(reading_id)
    assert services.objectives.metric(metric_id).readings == ()
    services.objectives.add_reading(
        metric_id, deleted.value, deleted.measured_on, deleted.note, today=TODAY
    )
    [back] = services.objectives.metric(metric_id).readings
    assert (back.value, back.measured_on, back.note) == (55, date(2026, 5, 2), "recounted")


def test_moving_the_baseline_date_past_recorded_readings_is_refused(services):
    objective_id = make_objective(services)
    metric_id = services.objectives.save_metric(objective_id, hours_metric())
    services.objectives.add_reading(metric_id, 50, date(2026, 2, 1), today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.objectives.save_metric(
            objective_id, hours_metric(baseline_on=date(2026, 3, 1)), metric_id
        )
    assert refused.value.field == "baseline_on"
    assert "1 reading was taken before 1 Mar 2026" in refused.value.message


def test_deleting_an_objective_removes_its_metrics_and_readings(services):
    objective_id = make_objective(services)
    kept_id = make_objective(services, "Adoption")
    metric_id = services.objectives.save_metric(objective_id, hours_metric())
    kept_metric = services.objectives.save_metric(kept_id, hours_metric())
    services.objectives.add_reading(metric_id, 50, date(2026, 2, 1), today=TODAY)
    services.objectives.add_reading(kept_metric, 60, date(2026, 2, 1), today=TODAY)

    services.objectives.delete_objective(objective_id)

    assert [o.title for o in services.objectives.objectives()] == ["Adoption"]
    with services.database.reading() as session:
        count = session.execute(select(func.count()).select_from(MetricReading)).scalar_one()
    assert count == 1
    with pytest.raises(ValidationError):
        services.objectives.metric(metric_id)


def test_deleting_a_metric_keeps_the_objective(services):
    objective_id = make_objective(services)
    metric_id = services.objectives.save_metric(objective_id, hours_metric())
    services.objectives.add_reading(metric_id, 50, date(2026, 2, 1), today=TODAY)
    services.objectives.delete_metric(metric_id)
    assert services.objectives.objective(objective_id).metrics == ()


def test_every_change_is_announced_on_the_objectives_topic(services):
    heard: list[Change] = []
    services.changes.subscribe(heard.append)
    objective_id = make_objective(services)
    metric_id = services.objectives.save_metric(objective_id, hours_metric())
    reading_id = services.objectives.add_reading(metric_id, 5, date(2026, 2, 1), today=TODAY)
    services.objectives.update_reading(reading_id, 6, date(2026, 2, 1), today=TODAY)
    services.objectives.delete_reading(reading_id)
    services.objectives.delete_metric(metric_id)
    services.objectives.delete_objective(objective_id)
    assert len(heard) == 7
    assert all(c.topics == frozenset({Topic.OBJECTIVES}) for c in heard)
    assert all(c.ids == frozenset({objective_id}) for c in heard)


def test_a_refused_change_announces_nothing(services):
    heard: list[Change] = []
    objective_id = make_objective(services)
    services.changes.subscribe(heard.append)
    with pytest.raises(ValidationError):
        services.objectives.save_metric(objective_id, hours_metric(name=""))
    assert heard == []
