"""What flows through an import of pilot measurements from a spreadsheet: the kind of
measurement, what each column can mean, the mapping, the checked plan and what was saved.

An empty cell, or a column the file does not have, leaves what is already recorded as it
is; the checked plan holds only what the file says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.i18n import N_, translate
from app.pilots.records import ApplicationInput
from app.sheet_import.checking import CheckedPlan
from app.sheet_import.people import KnownPerson, PersonKey


class ImportKind(StrEnum):
    """The kinds of measurement a spreadsheet can bring in, one kind per import."""

    CHECK_INS = "check_ins"
    TIMINGS = "timings"
    SATISFACTION = "satisfaction"
    KNOWLEDGE = "knowledge"
    ENGAGEMENT = "engagement"
    APPLICATIONS = "applications"


class TrackingField(StrEnum):
    """What a column of a measurements spreadsheet can mean."""

    PERSON = "person"
    WEEK = "week"
    DATE = "date"
    DAYS_USED = "days_used"
    FEATURES = "features"
    LEARNING_HOURS = "learning_hours"
    TASK = "task"
    MINUTES_BEFORE = "minutes_before"
    MINUTES_AFTER = "minutes_after"
    OBSERVATIONS_BEFORE = "observations_before"
    OBSERVATIONS_AFTER = "observations_after"
    TIMES_PER_WEEK = "times_per_week"
    ERRORS_BEFORE = "errors_before"
    ERRORS_AFTER = "errors_after"
    SATISFACTION = "satisfaction"
    RECOMMEND = "recommend"
    COMMENT = "comment"
    KNOWLEDGE_BEFORE = "knowledge_before"
    KNOWLEDGE_AFTER = "knowledge_after"
    JOB_BEFORE = "job_before"
    JOB_AFTER = "job_after"
    CAREER_BEFORE = "career_before"
    CAREER_AFTER = "career_after"
    DESCRIPTION = "description"
    HOURS_SAVED = "hours_saved"

    @property
    def label(self) -> str:
        return translate(_LABELS[self])


F = TrackingField

_LABELS: dict[TrackingField, str] = {
    F.PERSON: N_("Person"),
    F.WEEK: N_("Week"),
    F.DATE: N_("Date"),
    F.DAYS_USED: N_("Days used"),
    F.FEATURES: N_("Features used"),
    F.LEARNING_HOURS: N_("Hours learning"),
    F.TASK: N_("Task"),
    F.MINUTES_BEFORE: N_("Minutes before"),
    F.MINUTES_AFTER: N_("Minutes after"),
    F.OBSERVATIONS_BEFORE: N_("Observations before"),
    F.OBSERVATIONS_AFTER: N_("Observations after"),
    F.TIMES_PER_WEEK: N_("Times a week"),
    F.ERRORS_BEFORE: N_("Errors before"),
    F.ERRORS_AFTER: N_("Errors after"),
    F.SATISFACTION: N_("Satisfaction (1-5)"),
    F.RECOMMEND: N_("Would recommend (0-10)"),
    F.COMMENT: N_("Comment"),
    F.KNOWLEDGE_BEFORE: N_("Score before (%)"),
    F.KNOWLEDGE_AFTER: N_("Score after (%)"),
    F.JOB_BEFORE: N_("Job satisfaction before"),
    F.JOB_AFTER: N_("Job satisfaction after"),
    F.CAREER_BEFORE: N_("Career development before"),
    F.CAREER_AFTER: N_("Career development after"),
    F.DESCRIPTION: N_("What they used AI for"),
    F.HOURS_SAVED: N_("Hours saved a week"),
}

FIELDS: dict[ImportKind, tuple[TrackingField, ...]] = {
    ImportKind.CHECK_INS: (F.PERSON, F.WEEK, F.DATE, F.DAYS_USED, F.FEATURES, F.LEARNING_HOURS),
    ImportKind.TIMINGS: (
        F.TASK,
        F.PERSON,
        F.MINUTES_BEFORE,
        F.MINUTES_AFTER,
        F.OBSERVATIONS_BEFORE,
        F.OBSERVATIONS_AFTER,
        F.TIMES_PER_WEEK,
        F.ERRORS_BEFORE,
        F.ERRORS_AFTER,
    ),
    ImportKind.SATISFACTION: (F.PERSON, F.SATISFACTION, F.RECOMMEND, F.COMMENT, F.DATE),
    ImportKind.KNOWLEDGE: (F.PERSON, F.KNOWLEDGE_BEFORE, F.KNOWLEDGE_AFTER),
    ImportKind.ENGAGEMENT: (F.PERSON, F.JOB_BEFORE, F.JOB_AFTER, F.CAREER_BEFORE, F.CAREER_AFTER),
    ImportKind.APPLICATIONS: (F.PERSON, F.DATE, F.DESCRIPTION, F.HOURS_SAVED),
}
"""The columns each kind of import understands, in the order they are shown."""

REQUIRED: dict[ImportKind, tuple[TrackingField, ...]] = {
    ImportKind.CHECK_INS: (F.PERSON, F.DAYS_USED),
    ImportKind.TIMINGS: (F.TASK, F.MINUTES_BEFORE, F.MINUTES_AFTER),
    ImportKind.SATISFACTION: (F.PERSON,),
    ImportKind.KNOWLEDGE: (F.PERSON,),
    ImportKind.ENGAGEMENT: (F.PERSON,),
    ImportKind.APPLICATIONS: (F.PERSON, F.DESCRIPTION),
}
"""Columns a file must have for the kind."""

ONE_OF: dict[ImportKind, tuple[TrackingField, ...]] = {
    ImportKind.CHECK_INS: (F.WEEK, F.DATE),
    ImportKind.TIMINGS: (),
    ImportKind.SATISFACTION: (F.SATISFACTION, F.RECOMMEND, F.COMMENT),
    ImportKind.KNOWLEDGE: (F.KNOWLEDGE_BEFORE, F.KNOWLEDGE_AFTER),
    ImportKind.ENGAGEMENT: (F.JOB_BEFORE, F.JOB_AFTER, F.CAREER_BEFORE, F.CAREER_AFTER),
    ImportKind.APPLICATIONS: (),
}
"""Of these, a file needs at least one column (e.g. a week or a date for check-ins)."""

SCORE_FIELDS: dict[TrackingField, tuple[str, str]] = {
    F.KNOWLEDGE_BEFORE: ("knowledge", "before"),
    F.KNOWLEDGE_AFTER: ("knowledge", "after"),
    F.JOB_BEFORE: ("job_satisfaction", "before"),
    F.JOB_AFTER: ("job_satisfaction", "after"),
    F.CAREER_BEFORE: ("career_satisfaction", "before"),
    F.CAREER_AFTER: ("career_satisfaction", "after"),
}
"""Score columns: the score kind and phase each one fills."""


@dataclass(frozen=True)
class TrackingMapping:
    """Which column (index into ``RosterTable.headers``) holds what, for one kind."""

    kind: ImportKind
    columns: Mapping[TrackingField, int] = field(default_factory=dict)
    person_key: PersonKey = PersonKey.ANY
    day_first: bool | None = None
    """How to read dates like 03/04/2026; None decides from the column."""

    def column(self, fld: TrackingField) -> int | None:
        return self.columns.get(fld)

    def missing(self) -> list[TrackingField]:
        """Required columns not chosen, then the choice of a group when none of it is."""
        missing = [f for f in REQUIRED[self.kind] if f not in self.columns]
        group = ONE_OF[self.kind]
        if group and not any(f in self.columns for f in group):
            missing.extend(group)
        return missing


# What one good row of the file says, per kind ------------------------------------------


@dataclass(frozen=True)
class WeekEntry:
    """A check-in from the file; None where the file says nothing (kept as recorded)."""

    participant_id: int
    week: int
    days_used: int
    features: tuple[str, ...] | None
    learning_hours: float | None


@dataclass(frozen=True)
class TimingEntry:
    """A task timing; ``timing_id`` names the recorded one it updates (same task and person)."""

    task: str
    participant_id: int | None
    minutes_before: float
    minutes_after: float
    observations_before: int | None = None
    observations_after: int | None = None
    times_per_week: float | None = None
    errors_before: int | None = None
    errors_after: int | None = None
    timing_id: int | None = None


@dataclass(frozen=True)
class SurveyEntry:
    """A satisfaction survey answer; None (or no comment) keeps what is recorded."""

    participant_id: int
    satisfaction: int | None
    recommend: int | None
    comment: str | None
    answered_on: date | None


@dataclass(frozen=True)
class ScoresEntry:
    """Before/after scores of one participant: (score kind, phase, value) triples."""

    participant_id: int
    values: tuple[tuple[str, str, float], ...]


Entry = WeekEntry | TimingEntry | SurveyEntry | ScoresEntry | ApplicationInput


@dataclass(frozen=True)
class GoodRow:
    """One good row of the file, resolved against the pilot."""

    row: int
    person: str
    """The participant's name, or "" for a timing of the whole cohort."""
    entry: Entry


@dataclass(kw_only=True)
class TrackingPlan(CheckedPlan[GoodRow]):
    """Everything an import would save, and every row that stops it, before any write."""

    pilot_id: int
    mapping: TrackingMapping
    left_out: int = 0
    """Empty rows, duplicates dropped and entries already recorded."""

    @property
    def kind(self) -> ImportKind:
        return self.mapping.kind

    @property
    def people(self) -> int:
        return len({row.person for row in self.rows if row.person})


@dataclass
class PilotDirectory:
    """What the check needs from the data file about one pilot."""

    pilot_id: int
    starts_on: date | None
    people: list[KnownPerson]
    participants: dict[int, int]
    """Person id -> their participant id in this pilot."""
    features: Sequence[tuple[str, str]]
    timings: dict[tuple[str, int | None], int] = field(default_factory=dict)
    """(task as compared, participant id or None for the cohort) -> recorded timing id."""
    applications: frozenset[tuple[int, date, str]] = frozenset()
    """(participant id, date, description as compared) of the applications in the log."""
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class ImportedMeasurements:
    """What an import saved, and one sentence that says so."""

    kind: ImportKind
    saved: int
    people: int
    updated: int
    """Entries that replaced ones already recorded."""
    skipped_bad_rows: int
    sentence: str
