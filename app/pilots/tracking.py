"""What is measured during a pilot: weekly check-ins, task timings, feedback, scores, uses.

Every entry belongs to a participant of the pilot (task timings may also be for the
cohort as a whole); an entry for someone outside the pilot is refused and nothing is saved.
Entering a week again replaces it, so a correction is typed over the old value.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.content_files import as_list, fields, read_json_file, resources_dir, text
from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _
from app.pilots.records import (
    PHASES,
    SCORE_KINDS,
    ApplicationInput,
    ApplicationRow,
    CheckInEntry,
    CheckInRow,
    FeedbackInput,
    ScoreRow,
    TimingInput,
    TimingRow,
)
from app.validation import clean_text
from db.database import Database
from db.models import (
    Employee,
    MeasurementPhase,
    Pilot,
    PilotApplication,
    PilotCheckIn,
    PilotFeedback,
    PilotParticipant,
    PilotScore,
    PilotScoreKind,
    PilotTaskTiming,
)

MAX_WEEKS = 104
SCORE_RANGES = {"knowledge": (0.0, 100.0), "job_satisfaction": (1.0, 5.0)}
SCORE_RANGES["career_satisfaction"] = SCORE_RANGES["job_satisfaction"]
_PHASE = {"before": MeasurementPhase.BASELINE, "after": MeasurementPhase.FOLLOW_UP}


@dataclass(frozen=True)
class TrackingBatch:
    """Measurements saved together by :meth:`PilotTrackingService.record_import`."""

    weeks: Mapping[int, Sequence[CheckInEntry]] = field(default_factory=dict)
    """Week -> that week's check-ins (replacing earlier ones for the week)."""
    timings: Sequence[tuple[TimingInput, int | None]] = ()
    """Task timings, each with the id of the recorded timing it replaces (or None)."""
    feedback: Sequence[FeedbackInput] = ()
    scores: Sequence[tuple[str, str, Mapping[int, float | None]]] = ()
    """(score kind, phase, participant id -> score or None to remove it)."""
    applications: Sequence[ApplicationInput] = ()


@cache
def check_in_features() -> tuple[tuple[str, str], ...]:
    """The features a participant can tick in a check-in: (key, label in English)."""
    path = resources_dir() / "pilots" / "features.json"
    data = fields(read_json_file(path), ("about", "features"), path.name)
    return tuple(
        (
            text(fields(item, ("key", "label"), path.name), "key", path.name),
            text(fields(item, ("key", "label"), path.name), "label", path.name),
        )
        for item in as_list(data["features"], path.name)
    )


class PilotTrackingService:
    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    # -- weekly check-ins ------------------------------------------------------------------

    def record_week(self, pilot_id: int, week: int, entries: Sequence[CheckInEntry]) -> int:
        """Save a week's check-ins for these participants (replacing earlier ones for the week)."""
        self.record_import(pilot_id, TrackingBatch(weeks={week: entries}))
        return len(entries)

    @staticmethod
    def _check_week(week: int, entries: Sequence[CheckInEntry]) -> None:
        if not 1 <= week <= MAX_WEEKS:
            raise ValidationError(
                _("Choose a week from 1 to {n}.").format(n=MAX_WEEKS), field="week"
            )
        known = {key for key, _label in check_in_features()}
        for entry in entries:
            if not 0 <= entry.days_used <= 7:
                raise ValidationError(_("Days used is a number from 0 to 7."), field="days_used")
            if not 0 <= entry.learning_hours <= 60:
                raise ValidationError(
                    _("Hours spent learning in a week is from 0 to 60."), field="learning_hours"
                )
            unknown = set(entry.features) - known
            if unknown:
                raise ValidationError(
                    _("Unknown feature: {names}.").format(names=", ".join(sorted(unknown))),
                    field="features",
                )

    def _write_week(
        self, session: Session, pilot_id: int, week: int, entries: Sequence[CheckInEntry]
    ) -> None:
        self._check_participants(session, pilot_id, [e.participant_id for e in entries])
        existing = {
            row.participant_id: row
            for row in session.execute(
                select(PilotCheckIn).where(
                    PilotCheckIn.week == week,
                    PilotCheckIn.participant_id.in_([e.participant_id for e in entries]),
                )
            ).scalars()
        }
        for entry in entries:
            row = existing.get(entry.participant_id)
            if row is None:
                row = PilotCheckIn(participant_id=entry.participant_id, week=week)
                session.add(row)
            row.days_used = entry.days_used
            row.features = ",".join(key for key, _l in check_in_features() if key in entry.features)
            row.learning_hours = entry.learning_hours

    def clear_week(self, pilot_id: int, week: int, participant_ids: Collection[int]) -> None:
        with self._db.transaction() as session:
            self._check_participants(session, pilot_id, list(participant_ids))
            session.execute(
                delete(PilotCheckIn).where(
                    PilotCheckIn.week == week,
                    PilotCheckIn.participant_id.in_(list(participant_ids)),
                )
            )
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    def check_ins(self, pilot_id: int) -> list[CheckInRow]:
        with self._db.reading() as session:
            rows = session.execute(
                select(PilotCheckIn)
                .join(PilotParticipant, PilotParticipant.id == PilotCheckIn.participant_id)
                .where(PilotParticipant.pilot_id == pilot_id)
                .order_by(PilotCheckIn.week, PilotCheckIn.participant_id)
            ).scalars()
            return [
                CheckInRow(
                    participant_id=row.participant_id,
                    week=row.week,
                    days_used=row.days_used,
                    features=tuple(key for key in row.features.split(",") if key),
                    learning_hours=row.learning_hours,
                )
                for row in rows
            ]

    # -- task timings ----------------------------------------------------------------------

    def save_timing(self, pilot_id: int, timing: TimingInput, timing_id: int | None = None) -> int:
        """Save a task timing (a new one, or the recorded ``timing_id``); gives its id."""
        task = self._check_timing(timing)
        with self._db.transaction() as session:
            saved = self._write_timing(session, pilot_id, timing, timing_id, task)
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))
        return saved

    @staticmethod
    def _check_timing(timing: TimingInput) -> str:
        """The task as saved; ValidationError for a timing that breaks a rule."""
        task = clean_text(timing.task)
        if not task:
            raise ValidationError(_("Name the task that was timed."), field="task")
        if timing.minutes_before <= 0:
            raise ValidationError(
                _("Minutes before training must be more than 0."), field="minutes_before"
            )
        if timing.minutes_after < 0:
            raise ValidationError(
                _("Minutes after training cannot be negative."), field="minutes_after"
            )
        if timing.observations_before < 1 or timing.observations_after < 1:
            raise ValidationError(
                _("Each time needs at least one observation."), field="observations"
            )
        if not 0 < timing.times_per_week <= 500:
            raise ValidationError(
                _("How often the task is done is from 0 to 500 times a week."),
                field="times_per_week",
            )
        for errors in (timing.errors_before, timing.errors_after):
            if errors is not None and errors < 0:
                raise ValidationError(_("Errors cannot be negative."), field="errors")
        return task[:300]

    def _write_timing(
        self,
        session: Session,
        pilot_id: int,
        timing: TimingInput,
        timing_id: int | None,
        task: str,
    ) -> int:
        if timing.participant_id is not None:
            self._check_participants(session, pilot_id, [timing.participant_id])
        if timing_id is None:
            row = PilotTaskTiming(pilot_id=pilot_id)
            session.add(row)
        else:
            found = session.get(PilotTaskTiming, timing_id)
            if found is None or found.pilot_id != pilot_id:
                raise ValidationError(_("That timing no longer exists."))
            row = found
        row.task = task
        row.participant_id = timing.participant_id
        row.minutes_before = timing.minutes_before
        row.minutes_after = timing.minutes_after
        row.observations_before = timing.observations_before
        row.observations_after = timing.observations_after
        row.times_per_week = timing.times_per_week
        row.errors_before = timing.errors_before
        row.errors_after = timing.errors_after
        session.flush()
        return row.id

    def delete_timing(self, pilot_id: int, timing_id: int) -> None:
        with self._db.transaction() as session:
            session.execute(
                delete(PilotTaskTiming).where(
                    PilotTaskTiming.id == timing_id, PilotTaskTiming.pilot_id == pilot_id
                )
            )
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    def timings(self, pilot_id: int) -> list[TimingRow]:
        with self._db.reading() as session:
            rows = session.execute(
                select(PilotTaskTiming, Employee.display_name)
                .outerjoin(PilotParticipant, PilotParticipant.id == PilotTaskTiming.participant_id)
                .outerjoin(Employee, Employee.id == PilotParticipant.employee_id)
                .where(PilotTaskTiming.pilot_id == pilot_id)
                .order_by(PilotTaskTiming.task, PilotTaskTiming.id)
            ).all()
            return [
                TimingRow(
                    id=row.id,
                    timing=TimingInput(
                        task=row.task,
                        minutes_before=row.minutes_before,
                        minutes_after=row.minutes_after,
                        observations_before=row.observations_before,
                        observations_after=row.observations_after,
                        times_per_week=row.times_per_week,
                        errors_before=row.errors_before,
                        errors_after=row.errors_after,
                        participant_id=row.participant_id,
                    ),
                    participant_name=name,
                )
                for row, name in rows
            ]

    # -- satisfaction survey ---------------------------------------------------------------

    def save_feedback(self, pilot_id: int, feedback: Sequence[FeedbackInput]) -> int:
        """Each participant's answers (replacing earlier ones); all or nothing."""
        self.record_import(pilot_id, TrackingBatch(feedback=feedback))
        return len(feedback)

    @staticmethod
    def _check_feedback(feedback: Sequence[FeedbackInput]) -> None:
        for answer in feedback:
            if answer.satisfaction is not None and not 1 <= answer.satisfaction <= 5:
                raise ValidationError(_("Satisfaction is from 1 to 5."), field="satisfaction")
            if answer.recommend is not None and not 0 <= answer.recommend <= 10:
                raise ValidationError(_("Would recommend is from 0 to 10."), field="recommend")

    def _write_feedback(
        self, session: Session, pilot_id: int, feedback: Sequence[FeedbackInput]
    ) -> None:
        ids = [answer.participant_id for answer in feedback]
        self._check_participants(session, pilot_id, ids)
        existing = {
            row.participant_id: row
            for row in session.execute(
                select(PilotFeedback).where(PilotFeedback.participant_id.in_(ids))
            ).scalars()
        }
        for answer in feedback:
            row = existing.get(answer.participant_id)
            empty = answer.satisfaction is None and answer.recommend is None
            comment = (answer.comment or "").strip() or None
            if empty and comment is None:
                if row is not None:
                    session.delete(row)
                continue
            if row is None:
                row = PilotFeedback(participant_id=answer.participant_id)
                session.add(row)
            row.satisfaction = answer.satisfaction
            row.recommend = answer.recommend
            row.comment = comment
            row.answered_on = answer.answered_on or date.today()

    def feedback(self, pilot_id: int) -> dict[int, FeedbackInput]:
        with self._db.reading() as session:
            rows = session.execute(
                select(PilotFeedback)
                .join(PilotParticipant, PilotParticipant.id == PilotFeedback.participant_id)
                .where(PilotParticipant.pilot_id == pilot_id)
            ).scalars()
            return {
                row.participant_id: FeedbackInput(
                    participant_id=row.participant_id,
                    satisfaction=row.satisfaction,
                    recommend=row.recommend,
                    comment=row.comment or "",
                    answered_on=row.answered_on,
                )
                for row in rows
            }

    # -- before and after scores -----------------------------------------------------------

    def save_scores(
        self, pilot_id: int, kind: str, phase: str, values: Mapping[int, float | None]
    ) -> int:
        """Participant id → score for one kind and phase; None removes a score."""
        self.record_import(pilot_id, TrackingBatch(scores=((kind, phase, values),)))
        return len(values)

    @staticmethod
    def _check_scores(kind: str, phase: str, values: Mapping[int, float | None]) -> None:
        if kind not in SCORE_KINDS:
            raise ValidationError(_("Unknown score."), field="kind")
        if phase not in PHASES:
            raise ValidationError(_("Choose before or after."), field="phase")
        low, high = SCORE_RANGES[kind]
        for value in values.values():
            if value is not None and not low <= value <= high:
                message = (
                    _("A knowledge check score is from 0 to 100 (%).")
                    if kind == "knowledge"
                    else _("Satisfaction scores are from 1 to 5.")
                )
                raise ValidationError(message, field="value")

    def _write_scores(
        self,
        session: Session,
        pilot_id: int,
        kind: str,
        phase: str,
        values: Mapping[int, float | None],
    ) -> None:
        self._check_participants(session, pilot_id, list(values))
        existing = {
            row.participant_id: row
            for row in session.execute(
                select(PilotScore).where(
                    PilotScore.participant_id.in_(list(values)),
                    PilotScore.kind == PilotScoreKind(kind),
                    PilotScore.phase == _PHASE[phase],
                )
            ).scalars()
        }
        for participant_id, value in values.items():
            row = existing.get(participant_id)
            if value is None:
                if row is not None:
                    session.delete(row)
                continue
            if row is None:
                row = PilotScore(
                    participant_id=participant_id, kind=PilotScoreKind(kind), phase=_PHASE[phase]
                )
                session.add(row)
            row.value = value
            row.measured_on = date.today()

    def scores(self, pilot_id: int, kind: str) -> list[ScoreRow]:
        """Every participant with a score of this kind, before and after."""
        with self._db.reading() as session:
            rows = session.execute(
                select(PilotScore)
                .join(PilotParticipant, PilotParticipant.id == PilotScore.participant_id)
                .where(PilotParticipant.pilot_id == pilot_id, PilotScore.kind == kind)
            ).scalars()
            before: dict[int, float] = {}
            after: dict[int, float] = {}
            for row in rows:
                target = before if row.phase is MeasurementPhase.BASELINE else after
                target[row.participant_id] = row.value
        return [
            ScoreRow(participant_id, kind, before.get(participant_id), after.get(participant_id))
            for participant_id in sorted(before.keys() | after.keys())
        ]

    # -- practical applications ------------------------------------------------------------

    def add_application(self, pilot_id: int, application: ApplicationInput) -> int:
        """Log one use of AI; gives its id."""
        self._check_application(application)
        with self._db.transaction() as session:
            saved = self._write_application(session, pilot_id, application)
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))
        return saved

    @staticmethod
    def _check_application(application: ApplicationInput) -> None:
        if not (application.description or "").strip():
            raise ValidationError(_("Say what AI was used for."), field="description")
        hours = application.hours_saved_per_week
        if hours is not None and not 0 <= hours <= 40:
            raise ValidationError(
                _("Hours saved a week is from 0 to 40."), field="hours_saved_per_week"
            )

    def _write_application(
        self, session: Session, pilot_id: int, application: ApplicationInput
    ) -> int:
        self._check_participants(session, pilot_id, [application.participant_id])
        row = PilotApplication(
            participant_id=application.participant_id,
            description=(application.description or "").strip(),
            hours_saved_per_week=application.hours_saved_per_week,
            logged_on=application.logged_on or date.today(),
        )
        session.add(row)
        session.flush()
        return row.id

    def delete_application(self, pilot_id: int, application_id: int) -> None:
        with self._db.transaction() as session:
            row = session.get(PilotApplication, application_id)
            if row is not None:
                self._check_participants(session, pilot_id, [row.participant_id])
                session.delete(row)
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    def applications(self, pilot_id: int) -> list[ApplicationRow]:
        with self._db.reading() as session:
            rows = session.execute(
                select(PilotApplication, Employee.display_name)
                .join(PilotParticipant, PilotParticipant.id == PilotApplication.participant_id)
                .join(Employee, Employee.id == PilotParticipant.employee_id)
                .where(PilotParticipant.pilot_id == pilot_id)
                .order_by(PilotApplication.logged_on.desc(), PilotApplication.id.desc())
            ).all()
            return [
                ApplicationRow(
                    id=row.id,
                    participant_id=row.participant_id,
                    display_name=name,
                    logged_on=row.logged_on,
                    description=row.description,
                    hours_saved_per_week=row.hours_saved_per_week,
                )
                for row, name in rows
            ]

    # -- a whole import at once -----------------------------------------------------------

    def record_import(self, pilot_id: int, batch: TrackingBatch) -> None:
        """Save everything in ``batch`` in one transaction: all of it, or nothing.

        Each entry is checked by the rules its own save uses, before anything is written;
        an entry found wrong while writing (a participant taken out of the pilot, a timing
        deleted since) rolls the whole batch back.
        """
        for week, entries in batch.weeks.items():
            self._check_week(week, entries)
        tasks = [self._check_timing(timing) for timing, _timing_id in batch.timings]
        self._check_feedback(batch.feedback)
        for kind, phase, values in batch.scores:
            self._check_scores(kind, phase, values)
        for application in batch.applications:
            self._check_application(application)
        with self._db.transaction() as session:
            if session.get(Pilot, pilot_id) is None:
                raise ValidationError(_("That pilot no longer exists in this data file."))
            for week in sorted(batch.weeks):
                self._write_week(session, pilot_id, week, batch.weeks[week])
            for (timing, timing_id), task in zip(batch.timings, tasks, strict=True):
                self._write_timing(session, pilot_id, timing, timing_id, task)
            if batch.feedback:
                self._write_feedback(session, pilot_id, batch.feedback)
            for kind, phase, values in batch.scores:
                self._write_scores(session, pilot_id, kind, phase, values)
            for application in batch.applications:
                self._write_application(session, pilot_id, application)
        self._changes.publish(Topic.PILOTS, ids=frozenset({pilot_id}))

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _check_participants(session: Session, pilot_id: int, participant_ids: list[int]) -> None:
        if session.get(Pilot, pilot_id) is None:
            raise ValidationError(_("That pilot no longer exists in this data file."))
        wanted = set(participant_ids)
        if not wanted:
            return
        found = set(
            session.execute(
                select(PilotParticipant.id).where(
                    PilotParticipant.pilot_id == pilot_id, PilotParticipant.id.in_(list(wanted))
                )
            ).scalars()
        )
        if found != wanted:
            raise ValidationError(
                _("Some entries are for people outside this pilot; nothing was saved."),
                field="participant",
            )
