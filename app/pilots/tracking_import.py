"""Import what a pilot measured from a spreadsheet (.xlsx or .csv): weekly check-ins, task
timings, the satisfaction survey, knowledge check scores, engagement scores, applications.

Reading reuses the roster import's reader (sheets, encodings, delimiters, title blocks);
columns are guessed from their headers (``app.pilots.tracking_import_mapping``) and every
row is checked (``app.pilots.tracking_import_checking``) before anything is saved. Nothing
is saved while a row is bad, unless the user explicitly chooses to import the good rows.
An empty cell, or a column the file does not have, leaves what is recorded as it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.errors import ValidationError
from app.i18n import _, ngettext
from app.paths.completions_checking import KnownPerson
from app.pilots.records import (
    ApplicationInput,
    CheckInEntry,
    FeedbackInput,
    TimingInput,
)
from app.pilots.service import PilotService
from app.pilots.tracking import PilotTrackingService, check_in_features
from app.pilots.tracking_import_checking import PilotDirectory, check_measurements, text_key
from app.pilots.tracking_import_mapping import guess_tracking_mapping
from app.pilots.tracking_import_model import (
    ImportedMeasurements,
    ImportKind,
    ScoresEntry,
    SurveyEntry,
    TimingEntry,
    TrackingMapping,
    TrackingPlan,
    WeekEntry,
)
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import RosterFileError, RosterTable, SheetChoice
from db.database import Database
from db.models import Employee, PilotParticipant


class TrackingImportService:
    """Each step is separate so the dialog can show the columns and the bad rows in between."""

    def __init__(
        self, database: Database, pilots: PilotService, tracking: PilotTrackingService
    ) -> None:
        self._db = database
        self._pilots = pilots
        self._tracking = tracking

    # Reading -----------------------------------------------------------------------------
    @staticmethod
    def sheets(path: Path) -> list[SheetChoice]:
        from app.roster.reading import list_sheets

        _refuse_empty(path)
        return list_sheets(path)

    @staticmethod
    def default_sheet(path: Path) -> str | None:
        from app.roster.reading import default_sheet

        return default_sheet(path)

    @staticmethod
    def read(
        path: Path,
        sheet: str | None = None,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> RosterTable:
        """The table of the file; RosterFileError says what is wrong with a bad file."""
        from app.roster.reading import read_table

        _refuse_empty(path)
        return read_table(path, sheet, progress=progress, cancel=cancel)

    @staticmethod
    def guess_mapping(kind: ImportKind, table: RosterTable) -> TrackingMapping:
        return guess_tracking_mapping(kind, table.headers)

    # Checking ----------------------------------------------------------------------------
    def check(
        self,
        pilot_id: int,
        table: RosterTable,
        mapping: TrackingMapping,
        *,
        today: date | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> TrackingPlan:
        """Every row resolved or listed as bad; raises ValidationError for a bad mapping."""
        directory = self.directory(pilot_id, today or date.today())
        return check_measurements(table, mapping, directory, progress=progress, cancel=cancel)

    def directory(self, pilot_id: int, today: date) -> PilotDirectory:
        pilot = self._pilots.pilot(pilot_id)
        with self._db.reading() as session:
            people = [
                KnownPerson(*row)
                for row in session.execute(
                    select(
                        Employee.id,
                        Employee.display_name,
                        Employee.employee_number,
                        Employee.email,
                        Employee.first_name,
                        Employee.last_name,
                    )
                )
            ]
            participants = {
                person_id: participant_id
                for participant_id, person_id in session.execute(
                    select(PilotParticipant.id, PilotParticipant.employee_id).where(
                        PilotParticipant.pilot_id == pilot_id
                    )
                )
            }
        return PilotDirectory(
            pilot_id=pilot_id,
            starts_on=pilot.starts_on,
            people=people,
            participants=participants,
            features=check_in_features(),
            timings={
                (text_key(row.timing.task), row.timing.participant_id): row.id
                for row in self._tracking.timings(pilot_id)
            },
            applications=frozenset(
                (row.participant_id, row.logged_on, text_key(row.description))
                for row in self._tracking.applications(pilot_id)
            ),
            today=today,
        )

    # Saving ------------------------------------------------------------------------------
    def apply(
        self,
        plan: TrackingPlan,
        *,
        skip_bad_rows: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportedMeasurements:
        """Save every good row of the plan.

        Refuses (ValidationError, nothing saved) while the plan has bad rows, unless
        ``skip_bad_rows`` says the user chose to import the good rows and leave the bad out.
        """
        if not plan.ok and not skip_bad_rows:
            raise ValidationError(
                ngettext(
                    "{n} row of the file has a problem; nothing was saved. Fix it in the "
                    "file and import again.",
                    "{n} rows of the file have problems; nothing was saved. Fix them in the "
                    "file and import again.",
                    plan.bad_rows,
                ).format(n=plan.bad_rows),
                field="rows",
            )
        if not plan.rows:
            raise ValidationError(
                _("No row of the file has anything to record; nothing was saved."),
                field="rows",
            )
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(0, len(plan.rows))
        writers = {
            ImportKind.CHECK_INS: self._save_check_ins,
            ImportKind.TIMINGS: self._save_timings,
            ImportKind.SATISFACTION: self._save_survey,
            ImportKind.KNOWLEDGE: self._save_scores,
            ImportKind.ENGAGEMENT: self._save_scores,
            ImportKind.APPLICATIONS: self._save_applications,
        }
        updated = writers[plan.kind](plan)
        progress(len(plan.rows), len(plan.rows))
        skipped = plan.bad_rows if not plan.ok else 0
        return ImportedMeasurements(
            kind=plan.kind,
            saved=len(plan.rows),
            people=plan.people,
            updated=updated,
            skipped_bad_rows=skipped,
            sentence=result_sentence(plan, updated, skipped),
        )

    def _save_check_ins(self, plan: TrackingPlan) -> int:
        recorded = {
            (row.participant_id, row.week): row for row in self._tracking.check_ins(plan.pilot_id)
        }
        weeks: dict[int, list[CheckInEntry]] = defaultdict(list)
        updated = 0
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, WeekEntry)
            before = recorded.get((entry.participant_id, entry.week))
            updated += before is not None
            weeks[entry.week].append(
                CheckInEntry(
                    participant_id=entry.participant_id,
                    days_used=entry.days_used,
                    features=(
                        entry.features
                        if entry.features is not None
                        else (before.features if before else ())
                    ),
                    learning_hours=(
                        entry.learning_hours
                        if entry.learning_hours is not None
                        else (before.learning_hours if before else 0.0)
                    ),
                )
            )
        for week in sorted(weeks):
            self._tracking.record_week(plan.pilot_id, week, weeks[week])
        return updated

    def _save_timings(self, plan: TrackingPlan) -> int:
        recorded = {row.id: row.timing for row in self._tracking.timings(plan.pilot_id)}
        updated = 0
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, TimingEntry)
            before = recorded.get(entry.timing_id) if entry.timing_id else None
            updated += before is not None
            base = before or TimingInput(entry.task, entry.minutes_before, entry.minutes_after)
            given = {
                name: value
                for name in _OPTIONAL_TIMING_FIELDS
                if (value := getattr(entry, name)) is not None
            }
            timing = replace(
                base,  # a recorded task keeps its own spelling
                task=base.task,
                minutes_before=entry.minutes_before,
                minutes_after=entry.minutes_after,
                participant_id=entry.participant_id,
                **given,
            )
            self._tracking.save_timing(
                plan.pilot_id, timing, entry.timing_id if before is not None else None
            )
        return updated

    def _save_survey(self, plan: TrackingPlan) -> int:
        recorded = self._tracking.feedback(plan.pilot_id)
        answers: list[FeedbackInput] = []
        updated = 0
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, SurveyEntry)
            before = recorded.get(entry.participant_id)
            updated += before is not None
            answers.append(
                FeedbackInput(
                    participant_id=entry.participant_id,
                    satisfaction=(
                        entry.satisfaction
                        if entry.satisfaction is not None
                        else (before.satisfaction if before else None)
                    ),
                    recommend=(
                        entry.recommend
                        if entry.recommend is not None
                        else (before.recommend if before else None)
                    ),
                    comment=(
                        entry.comment
                        if entry.comment is not None
                        else (before.comment if before else "")
                    ),
                    answered_on=entry.answered_on or (before.answered_on if before else None),
                )
            )
        self._tracking.save_feedback(plan.pilot_id, answers)
        return updated

    def _save_scores(self, plan: TrackingPlan) -> int:
        groups: dict[tuple[str, str], dict[int, float | None]] = defaultdict(dict)
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, ScoresEntry)
            for kind, phase, value in entry.values:
                groups[(kind, phase)][entry.participant_id] = value
        updated = 0
        recorded: dict[str, dict[int, tuple[float | None, float | None]]] = {}
        for kind in sorted({kind for kind, _phase in groups}):
            recorded[kind] = {
                row.participant_id: (row.before, row.after)
                for row in self._tracking.scores(plan.pilot_id, kind)
            }
        for (kind, phase), values in sorted(groups.items()):
            index = 0 if phase == "before" else 1
            updated += sum(
                1
                for participant_id in values
                if recorded[kind].get(participant_id, (None, None))[index] is not None
            )
            self._tracking.save_scores(plan.pilot_id, kind, phase, values)
        return updated

    def _save_applications(self, plan: TrackingPlan) -> int:
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, ApplicationInput)
            self._tracking.add_application(plan.pilot_id, entry)
        return 0


_OPTIONAL_TIMING_FIELDS = (
    "observations_before",
    "observations_after",
    "times_per_week",
    "errors_before",
    "errors_after",
)
"""Timing values a file may leave empty: a recorded timing keeps its own."""


def result_sentence(plan: TrackingPlan, updated: int, skipped: int) -> str:
    """What the import saved, in one or two sentences."""
    count, people = len(plan.rows), plan.people
    if plan.kind is ImportKind.CHECK_INS:
        weeks = sorted({g.entry.week for g in plan.rows if isinstance(g.entry, WeekEntry)})
        span = (
            _("week {n}").format(n=weeks[0])
            if len(weeks) == 1
            else _("weeks {first}–{last}").format(first=weeks[0], last=weeks[-1])
        )
        who = ngettext("{n} participant", "{n} participants", people).format(n=people)
        sentence = ngettext(
            "Imported {n} check-in for {people} ({weeks}).",
            "Imported {n} check-ins for {people} ({weeks}).",
            count,
        ).format(n=count, people=who, weeks=span)
    elif plan.kind is ImportKind.TIMINGS:
        sentence = ngettext(
            "Imported {n} task timing.", "Imported {n} task timings.", count
        ).format(n=count)
    elif plan.kind is ImportKind.SATISFACTION:
        sentence = ngettext(
            "Imported the survey answers of {n} participant.",
            "Imported the survey answers of {n} participants.",
            people,
        ).format(n=people)
    elif plan.kind is ImportKind.KNOWLEDGE:
        sentence = ngettext(
            "Imported knowledge check scores for {n} participant.",
            "Imported knowledge check scores for {n} participants.",
            people,
        ).format(n=people)
    elif plan.kind is ImportKind.ENGAGEMENT:
        sentence = ngettext(
            "Imported engagement scores for {n} participant.",
            "Imported engagement scores for {n} participants.",
            people,
        ).format(n=people)
    else:
        sentence = ngettext(
            "Added {n} application to the log.", "Added {n} applications to the log.", count
        ).format(n=count)
    if updated:
        sentence += " " + ngettext(
            "{n} of them replaced what was recorded before.",
            "{n} of them replaced what was recorded before.",
            updated,
        ).format(n=updated)
    if skipped:
        sentence += " " + ngettext(
            "{n} row with a problem was left out, as you chose.",
            "{n} rows with problems were left out, as you chose.",
            skipped,
        ).format(n=skipped)
    return sentence


def _refuse_empty(path: Path) -> None:
    """An empty file gets a message about measurements (the roster reader's speaks of rosters)."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # the reader explains it
    if empty:
        raise RosterFileError(
            _(
                "The file is empty (0 bytes). Save the measurements from your spreadsheet "
                "again and choose the new file."
            )
        )
