"""Import what a pilot measured from a spreadsheet (.xlsx or .csv): weekly check-ins, task
timings, the satisfaction survey, knowledge check scores, engagement scores, applications.

Reading and the shape of the steps are every import's (``app.sheet_import``); columns are
guessed from their headers (``app.pilots.tracking_import_mapping``) and every row is checked
(``app.pilots.tracking_import_checking``) before anything is saved. Nothing is saved while a
row is bad, unless the user explicitly chooses to import the good rows; then the whole
import is saved in one transaction, or nothing. An empty cell, or a column the file does not
have, leaves what is recorded as it is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from typing import TypeVar

from sqlalchemy import select

from app.i18n import N_, _, ngettext
from app.pilots.records import ApplicationInput, CheckInEntry, FeedbackInput, TimingInput
from app.pilots.service import PilotService
from app.pilots.tracking import PilotTrackingService, TrackingBatch, check_in_features
from app.pilots.tracking_import_checking import check_measurements, text_key
from app.pilots.tracking_import_mapping import guess_tracking_mapping
from app.pilots.tracking_import_model import (
    ImportedMeasurements,
    ImportKind,
    PilotDirectory,
    ScoresEntry,
    SurveyEntry,
    TimingEntry,
    TrackingMapping,
    TrackingPlan,
    WeekEntry,
)
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import RosterTable
from app.sheet_import.people import load_people
from app.sheet_import.service import SpreadsheetImport
from db.database import Database
from db.models import PilotParticipant

T = TypeVar("T")


class TrackingImportService(SpreadsheetImport[TrackingPlan, ImportedMeasurements]):
    """Each step is separate so the dialog can show the columns and the bad rows in between."""

    EMPTY_FILE = N_(
        "The file is empty (0 bytes). Save the measurements from your spreadsheet again and "
        "choose the new file."
    )
    NOTHING_TO_SAVE = N_("No row of the file has anything to record; nothing was saved.")

    def __init__(
        self, database: Database, pilots: PilotService, tracking: PilotTrackingService
    ) -> None:
        self._db = database
        self._pilots = pilots
        self._tracking = tracking

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
            people = load_people(session)
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
    def _save(
        self, plan: TrackingPlan, progress: Progress, cancel: CancelToken | None
    ) -> ImportedMeasurements:
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(0, len(plan.rows))
        batches = {
            ImportKind.CHECK_INS: self._check_ins,
            ImportKind.TIMINGS: self._timings,
            ImportKind.SATISFACTION: self._survey,
            ImportKind.KNOWLEDGE: self._scores,
            ImportKind.ENGAGEMENT: self._scores,
            ImportKind.APPLICATIONS: self._applications,
        }
        batch, updated = batches[plan.kind](plan)
        self._tracking.record_import(plan.pilot_id, batch)
        progress(len(plan.rows), len(plan.rows))
        return ImportedMeasurements(
            kind=plan.kind,
            saved=len(plan.rows),
            people=plan.people,
            updated=updated,
            skipped_bad_rows=plan.bad_rows,
            sentence=result_sentence(plan, updated, plan.bad_rows),
        )

    # Each kind: the batch that saves the plan's rows (keeping what an empty cell leaves as
    # recorded), and how many of them replace an entry already recorded.

    def _check_ins(self, plan: TrackingPlan) -> tuple[TrackingBatch, int]:
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
            features = _given(entry.features, before.features if before else ())
            hours = _given(entry.learning_hours, before.learning_hours if before else 0.0)
            weeks[entry.week].append(
                CheckInEntry(entry.participant_id, entry.days_used, features, hours)
            )
        return TrackingBatch(weeks=weeks), updated

    def _timings(self, plan: TrackingPlan) -> tuple[TrackingBatch, int]:
        recorded = {row.id: row.timing for row in self._tracking.timings(plan.pilot_id)}
        timings: list[tuple[TimingInput, int | None]] = []
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, TimingEntry)
            before = recorded.get(entry.timing_id) if entry.timing_id else None
            base = before or TimingInput(entry.task, entry.minutes_before, entry.minutes_after)
            given = {
                name: value
                for name in _OPTIONAL_TIMING_FIELDS
                if (value := getattr(entry, name)) is not None
            }
            timing = replace(
                base,  # a recorded task keeps its own spelling
                minutes_before=entry.minutes_before,
                minutes_after=entry.minutes_after,
                participant_id=entry.participant_id,
                **given,
            )
            timings.append((timing, entry.timing_id if before is not None else None))
        return TrackingBatch(timings=timings), sum(1 for _t, at in timings if at is not None)

    def _survey(self, plan: TrackingPlan) -> tuple[TrackingBatch, int]:
        recorded = self._tracking.feedback(plan.pilot_id)
        answers: list[FeedbackInput] = []
        for good in plan.rows:
            entry = good.entry
            assert isinstance(entry, SurveyEntry)
            nothing = FeedbackInput(entry.participant_id, None, None)
            before = recorded.get(entry.participant_id, nothing)
            answers.append(
                FeedbackInput(
                    participant_id=entry.participant_id,
                    satisfaction=_given(entry.satisfaction, before.satisfaction),
                    recommend=_given(entry.recommend, before.recommend),
                    comment=_given(entry.comment, before.comment),
                    answered_on=entry.answered_on or before.answered_on,
                )
            )
        updated = sum(1 for answer in answers if answer.participant_id in recorded)
        return TrackingBatch(feedback=answers), updated

    def _scores(self, plan: TrackingPlan) -> tuple[TrackingBatch, int]:
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
        scores = sorted((kind, phase, values) for (kind, phase), values in groups.items())
        for kind, phase, values in scores:
            index = 0 if phase == "before" else 1
            updated += sum(
                1
                for participant_id in values
                if recorded[kind].get(participant_id, (None, None))[index] is not None
            )
        return TrackingBatch(scores=scores), updated

    def _applications(self, plan: TrackingPlan) -> tuple[TrackingBatch, int]:
        entries = [good.entry for good in plan.rows]
        applications = [entry for entry in entries if isinstance(entry, ApplicationInput)]
        assert len(applications) == len(entries)
        return TrackingBatch(applications=applications), 0


def _given(value: T | None, recorded: T) -> T:
    """What the file says, or what is recorded where it says nothing."""
    return value if value is not None else recorded


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
