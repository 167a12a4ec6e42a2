"""Objectives and success metrics (DESIGN §1 steps 1 and 5): what the programme should move,
how it is measured, and the measurements recorded over time.

Every change is one transaction and is announced on Topic.OBJECTIVES after the commit.
Bad input is refused with a ValidationError whose ``field`` names what to correct.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _, ngettext
from app.objectives.model import (
    MetricInput,
    MetricView,
    ObjectiveInput,
    ObjectiveView,
    Reading,
)
from app.objectives.progress import NO_PROGRESS, metric_progress
from app.objectives.readings_import import ReadingsImport
from app.objectives.wording import amount_text, day_text, metric_sentence, number_text
from app.validation import clean_text
from db.database import Database
from db.models import Metric, MetricReading, Objective, ObjectiveStatus

TITLE_LIMIT = 300
OWNER_LIMIT = 200
NAME_LIMIT = 300
UNIT_LIMIT = 50


class ObjectiveService:
    """Objectives, their metrics and readings; ``imports`` brings readings in from a file."""

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes
        self.imports = ReadingsImport(database, changes)

    # Reading -----------------------------------------------------------------------------
    def objectives(self) -> list[ObjectiveView]:
        """Every objective in the order they were written down, each with its metrics."""
        with self._db.reading() as session:
            objectives = list(session.execute(select(Objective).order_by(Objective.id)).scalars())
            metrics = list(
                session.execute(select(Metric).order_by(Metric.objective_id, Metric.id)).scalars()
            )
            readings: dict[int, list[Reading]] = {}
            for row in session.execute(
                select(MetricReading).order_by(MetricReading.measured_on, MetricReading.id)
            ).scalars():
                readings.setdefault(row.metric_id, []).append(
                    Reading(row.id, row.measured_on, row.value, row.note)
                )
            views: dict[int, list[MetricView]] = {}
            for metric in metrics:
                views.setdefault(metric.objective_id, []).append(
                    _metric_view(metric, readings.get(metric.id, []))
                )
            return [
                ObjectiveView(
                    id=objective.id,
                    title=objective.title,
                    description=objective.description,
                    owner=objective.owner,
                    due_on=objective.due_on,
                    status=objective.status,
                    metrics=tuple(views.get(objective.id, [])),
                )
                for objective in objectives
            ]

    def objective(self, objective_id: int) -> ObjectiveView:
        for view in self.objectives():
            if view.id == objective_id:
                return view
        raise _objective_gone()

    def metric(self, metric_id: int) -> MetricView:
        with self._db.reading() as session:
            metric = session.get(Metric, metric_id)
            if metric is None:
                raise _metric_gone()
            rows = session.execute(
                select(MetricReading)
                .where(MetricReading.metric_id == metric_id)
                .order_by(MetricReading.measured_on, MetricReading.id)
            ).scalars()
            return _metric_view(
                metric, [Reading(r.id, r.measured_on, r.value, r.note) for r in rows]
            )

    # Objectives --------------------------------------------------------------------------
    def save_objective(self, data: ObjectiveInput, objective_id: int | None = None) -> int:
        """Create an objective (``objective_id`` None) or change one; returns its id."""
        title = clean_text(data.title)
        if title is None:
            raise ValidationError(
                _("Give the objective a title, such as “Save time on routine reporting”."),
                field="title",
            )
        if len(title) > TITLE_LIMIT:
            raise ValidationError(
                _("The title is too long: keep it under {n} characters.").format(n=TITLE_LIMIT),
                field="title",
            )
        owner = clean_text(data.owner)
        if owner is not None and len(owner) > OWNER_LIMIT:
            raise ValidationError(
                _("The owner is too long: keep it under {n} characters.").format(n=OWNER_LIMIT),
                field="owner",
            )
        description = (data.description or "").strip() or None
        status = ObjectiveStatus(data.status)
        with self._db.transaction() as session:
            if objective_id is None:
                objective = Objective(title=title)
                session.add(objective)
            else:
                found = session.get(Objective, objective_id)
                if found is None:
                    raise _objective_gone()
                objective = found
            objective.title = title
            objective.description = description
            objective.owner = owner
            objective.due_on = data.due_on
            objective.status = status
            session.flush()
            saved_id = objective.id
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({saved_id}))
        return saved_id

    def delete_objective(self, objective_id: int) -> None:
        """Delete an objective with its metrics and all their readings."""
        with self._db.transaction() as session:
            objective = session.get(Objective, objective_id)
            if objective is None:
                raise _objective_gone()
            metric_ids = list(
                session.execute(
                    select(Metric.id).where(Metric.objective_id == objective_id)
                ).scalars()
            )
            _delete_readings(session, metric_ids)
            session.delete(objective)
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({objective_id}))

    # Metrics -----------------------------------------------------------------------------
    def save_metric(
        self, objective_id: int, data: MetricInput, metric_id: int | None = None
    ) -> int:
        """Add a metric to an objective (``metric_id`` None) or change one; returns its id."""
        name, unit, higher = _checked_metric(data)
        assert data.baseline_on is not None
        with self._db.transaction() as session:
            if session.get(Objective, objective_id) is None:
                raise _objective_gone()
            for other_id, other_name in session.execute(
                select(Metric.id, Metric.name).where(Metric.objective_id == objective_id)
            ):
                if other_id != metric_id and other_name.casefold() == name.casefold():
                    raise ValidationError(
                        _(
                            "This objective already has a metric called “{name}”. Give this "
                            "one another name."
                        ).format(name=name),
                        field="name",
                    )
            if metric_id is None:
                metric = Metric(objective_id=objective_id, name=name)
                session.add(metric)
            else:
                found = session.get(Metric, metric_id)
                if found is None or found.objective_id != objective_id:
                    raise _metric_gone()
                metric = found
                _refuse_readings_before(session, metric_id, data.baseline_on)
            metric.name = name
            metric.unit = unit
            metric.baseline_value = data.baseline_value
            metric.baseline_on = data.baseline_on
            metric.target_value = data.target_value
            metric.target_date = data.target_date
            metric.higher_is_better = higher
            session.flush()
            saved_id = metric.id
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({objective_id}))
        return saved_id

    def delete_metric(self, metric_id: int) -> None:
        """Delete a metric and all its readings."""
        with self._db.transaction() as session:
            metric = session.get(Metric, metric_id)
            if metric is None:
                raise _metric_gone()
            objective_id = metric.objective_id
            _delete_readings(session, [metric_id])
            session.delete(metric)
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({objective_id}))

    # Readings ----------------------------------------------------------------------------
    def add_reading(
        self,
        metric_id: int,
        value: float | None,
        measured_on: date | None,
        note: str | None = None,
        *,
        today: date | None = None,
    ) -> int:
        """Record one measurement; refused before the baseline date, in the future, or on a
        date that already has one."""
        checked_value, checked_day = _checked_reading(value, measured_on, today)
        with self._db.transaction() as session:
            metric = session.get(Metric, metric_id)
            if metric is None:
                raise _metric_gone()
            _refuse_reading_date(session, metric, checked_day, None)
            reading = MetricReading(
                metric_id=metric_id,
                value=checked_value,
                measured_on=checked_day,
                note=clean_note(note),
            )
            session.add(reading)
            session.flush()
            reading_id = reading.id
            objective_id = metric.objective_id
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({objective_id}))
        return reading_id

    def update_reading(
        self,
        reading_id: int,
        value: float | None,
        measured_on: date | None,
        note: str | None = None,
        *,
        today: date | None = None,
    ) -> None:
        """Correct a reading's value, date or note (same rules as adding one)."""
        checked_value, checked_day = _checked_reading(value, measured_on, today)
        with self._db.transaction() as session:
            reading = session.get(MetricReading, reading_id)
            if reading is None:
                raise _reading_gone()
            metric = session.get(Metric, reading.metric_id)
            assert metric is not None
            _refuse_reading_date(session, metric, checked_day, reading_id)
            reading.value = checked_value
            reading.measured_on = checked_day
            reading.note = clean_note(note)
            objective_id = metric.objective_id
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({objective_id}))

    def delete_reading(self, reading_id: int) -> Reading:
        """Delete a reading; returns what it was, so that it can be put back (undo)."""
        with self._db.transaction() as session:
            row = session.get(MetricReading, reading_id)
            if row is None:
                raise _reading_gone()
            deleted = Reading(row.id, row.measured_on, row.value, row.note)
            metric = session.get(Metric, row.metric_id)
            objective_id = metric.objective_id if metric is not None else 0
            session.delete(row)
        self._changes.publish(Topic.OBJECTIVES, ids=frozenset({objective_id}))
        return deleted


# Views ---------------------------------------------------------------------------------------
def _metric_view(metric: Metric, readings: list[Reading]) -> MetricView:
    latest = max(readings, key=lambda r: (r.measured_on, r.id)) if readings else None
    baseline, target = metric.baseline_value, metric.target_value
    if baseline is None or target is None or baseline == target:
        progress = NO_PROGRESS
        sentence = _("{name}: set a baseline and a target to see progress.").format(
            name=metric.name
        )
        if latest is not None:
            sentence = _(
                "{name}: {value}, measured {date}; set a baseline and a target to see progress."
            ).format(
                name=metric.name,
                value=amount_text(latest.value, metric.unit),
                date=day_text(latest.measured_on),
            )
    else:
        progress = metric_progress(
            baseline,
            target,
            latest.value if latest else None,
            measured_on=latest.measured_on if latest else None,
            baseline_on=metric.baseline_on,
            target_date=metric.target_date,
        )
        sentence = metric_sentence(
            metric.name,
            metric.unit,
            baseline,
            target,
            metric.target_date,
            (latest.value, latest.measured_on) if latest else None,
            progress,
        )
    return MetricView(
        id=metric.id,
        objective_id=metric.objective_id,
        name=metric.name,
        unit=metric.unit,
        baseline_value=baseline,
        baseline_on=metric.baseline_on,
        target_value=target,
        target_date=metric.target_date,
        higher_is_better=metric.higher_is_better,
        readings=tuple(readings),
        latest=latest,
        progress=progress.share,
        raw_progress=progress.raw,
        time_share=progress.time_share,
        on_track=progress.on_track,
        sentence=sentence,
    )


# Checks --------------------------------------------------------------------------------------
def clean_note(note: str | None) -> str | None:
    return (note or "").strip() or None


def _finite(value: float | None, field: str, missing: str) -> float:
    if value is None:
        raise ValidationError(missing, field=field)
    if not math.isfinite(value):
        raise ValidationError(_("Enter an ordinary number here."), field=field)
    return float(value)


def _checked_metric(data: MetricInput) -> tuple[str, str | None, bool]:
    """The cleaned name and unit and the direction; raises ValidationError in plain words."""
    name = clean_text(data.name)
    if name is None:
        raise ValidationError(
            _("Give the metric a name, such as “Hours saved per week”."), field="name"
        )
    if len(name) > NAME_LIMIT:
        raise ValidationError(
            _("The name is too long: keep it under {n} characters.").format(n=NAME_LIMIT),
            field="name",
        )
    unit = clean_text(data.unit)
    if unit is not None and len(unit) > UNIT_LIMIT:
        raise ValidationError(
            _("The unit is too long: keep it under {n} characters, such as “hours”.").format(
                n=UNIT_LIMIT
            ),
            field="unit",
        )
    baseline = _finite(
        data.baseline_value,
        "baseline_value",
        _("Enter the baseline: the value before the programme started."),
    )
    target = _finite(data.target_value, "target_value", _("Enter the target: the value to reach."))
    if data.baseline_on is None:
        raise ValidationError(_("Enter the date the baseline was measured."), field="baseline_on")
    if data.target_date is None:
        raise ValidationError(
            _("Enter the date by which the target should be reached."), field="target_date"
        )
    if target == baseline:
        raise ValidationError(
            _(
                "The target is the same as the baseline ({value}). Set the value the "
                "programme should reach."
            ).format(value=number_text(baseline)),
            field="target_value",
        )
    if data.target_date <= data.baseline_on:
        raise ValidationError(
            _("The target date must be after the baseline date ({date}).").format(
                date=day_text(data.baseline_on)
            ),
            field="target_date",
        )
    higher = target > baseline
    if data.higher_is_better is not None and data.higher_is_better != higher:
        if data.higher_is_better:
            message = _(
                "Higher is better for this metric, so the target should be above the "
                "baseline of {value}."
            )
        else:
            message = _(
                "Lower is better for this metric, so the target should be below the "
                "baseline of {value}."
            )
        raise ValidationError(message.format(value=number_text(baseline)), field="target_value")
    return name, unit, higher


def _checked_reading(
    value: float | None, measured_on: date | None, today: date | None
) -> tuple[float, date]:
    checked = _finite(value, "value", _("Enter the value that was measured."))
    if measured_on is None:
        raise ValidationError(_("Enter the date of the measurement."), field="measured_on")
    if measured_on > (today or date.today()):
        raise ValidationError(
            _(
                "{date} is in the future. A reading records what was measured; enter it "
                "once it is known."
            ).format(date=day_text(measured_on)),
            field="measured_on",
        )
    return checked, measured_on


def _refuse_reading_date(
    session: Session, metric: Metric, day: date, reading_id: int | None
) -> None:
    if metric.baseline_on is not None and day < metric.baseline_on:
        raise ValidationError(
            _(
                "{date} is before the baseline date of this metric ({baseline}). Readings "
                "record what happened since the baseline."
            ).format(date=day_text(day), baseline=day_text(metric.baseline_on)),
            field="measured_on",
        )
    same_day = session.execute(
        select(MetricReading.id, MetricReading.value).where(
            MetricReading.metric_id == metric.id, MetricReading.measured_on == day
        )
    ).all()
    for other_id, other_value in same_day:
        if other_id != reading_id:
            raise ValidationError(
                _(
                    "There is already a reading on {date} ({value}). Change that one "
                    "instead, or choose another date."
                ).format(date=day_text(day), value=number_text(other_value)),
                field="measured_on",
            )


def _refuse_readings_before(session: Session, metric_id: int, baseline_on: date) -> None:
    earlier = list(
        session.execute(
            select(MetricReading.measured_on)
            .where(MetricReading.metric_id == metric_id, MetricReading.measured_on < baseline_on)
            .order_by(MetricReading.measured_on)
        ).scalars()
    )
    if earlier:
        raise ValidationError(
            ngettext(
                "{n} reading was taken before {date}. Choose a baseline date on or before "
                "{first}, or delete that reading first.",
                "{n} readings were taken before {date}. Choose a baseline date on or before "
                "{first}, or delete those readings first.",
                len(earlier),
            ).format(n=len(earlier), date=day_text(baseline_on), first=day_text(earlier[0])),
            field="baseline_on",
        )


def _delete_readings(session: Session, metric_ids: Iterable[int]) -> None:
    ids = list(metric_ids)
    if not ids:
        return
    session.execute(delete(MetricReading).where(MetricReading.metric_id.in_(ids)))


def _objective_gone() -> ValidationError:
    return ValidationError(_("That objective no longer exists in this data file."))


def _metric_gone() -> ValidationError:
    return ValidationError(_("That metric no longer exists in this data file."))


def _reading_gone() -> ValidationError:
    return ValidationError(_("That reading no longer exists in this data file."))


__all__ = [
    "MetricInput",
    "MetricView",
    "ObjectiveInput",
    "ObjectiveService",
    "ObjectiveView",
    "Reading",
]
