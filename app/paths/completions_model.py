"""What flows through an import of completions from an LMS export: the column mapping, the
checked plan of good and bad rows, and what the import did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from app.i18n import N_, translate
from app.roster.model import Problem


class CompletionField(StrEnum):
    """What a column of an LMS export can mean for the import."""

    PERSON = "person"
    MODULE = "module"
    DATE = "date"
    STATUS = "status"
    SCORE = "score"

    @property
    def label(self) -> str:
        return translate(_FIELD_LABELS[self])

    @property
    def required(self) -> bool:
        return self in (CompletionField.PERSON, CompletionField.MODULE, CompletionField.DATE)


_FIELD_LABELS: dict[CompletionField, str] = {
    CompletionField.PERSON: N_("Person"),
    CompletionField.MODULE: N_("Module"),
    CompletionField.DATE: N_("Completion date"),
    CompletionField.STATUS: N_("Status"),
    CompletionField.SCORE: N_("Score"),
}


class PersonKey(StrEnum):
    """How the person column names the person."""

    EMPLOYEE_NUMBER = "employee_number"
    EMAIL = "email"
    FULL_NAME = "full_name"
    ANY = "any"
    """Employee number, e-mail or full name, whichever matches ("User", "Learner")."""

    @property
    def label(self) -> str:
        return translate(_KEY_LABELS[self])


_KEY_LABELS: dict[PersonKey, str] = {
    PersonKey.EMPLOYEE_NUMBER: N_("Employee number"),
    PersonKey.EMAIL: N_("E-mail"),
    PersonKey.FULL_NAME: N_("Full name"),
    PersonKey.ANY: N_("Employee number, e-mail or name"),
}


@dataclass(frozen=True)
class CompletionMapping:
    """Which column (index into ``RosterTable.headers``) holds what; None when none does."""

    person: int | None = None
    person_key: PersonKey = PersonKey.ANY
    module: int | None = None
    date: int | None = None
    status: int | None = None
    score: int | None = None
    day_first: bool | None = None
    """How to read dates like 03/04/2026: True day first, False month first, None decided
    from the column (day first unless some date only makes sense month first)."""

    def column(self, fld: CompletionField) -> int | None:
        return {
            CompletionField.PERSON: self.person,
            CompletionField.MODULE: self.module,
            CompletionField.DATE: self.date,
            CompletionField.STATUS: self.status,
            CompletionField.SCORE: self.score,
        }[fld]

    def missing(self) -> list[CompletionField]:
        """The required fields no column is chosen for."""
        return [f for f in CompletionField if f.required and self.column(f) is None]


@dataclass(frozen=True)
class CompletionRow:
    """One good row of the file, resolved against the data file."""

    row: int
    person_id: int
    person_name: str
    path_ids: tuple[int, ...]
    """The paths this person follows that contain the module (usually one)."""
    module_key: str
    module_title: str
    status: str
    """completed or in_progress."""
    completed_on: date | None
    score: float | None
    """0–100 (%), only for completed rows."""


@dataclass
class CompletionPlan:
    """Everything the import would record, and every row that stops it, before any write."""

    source: str
    rows: list[CompletionRow]
    bad: list[Problem]
    """One error per bad row, with its row number and a plain reason."""
    notes: list[Problem]
    """Duplicates and reading warnings: worth knowing, but they don't stop the import."""
    remarks: list[str] = field(default_factory=list)
    """Things done for the whole file ("scores read as fractions", "3 rows say not started")."""
    total_rows: int = 0
    left_out: int = 0
    """Rows that change nothing (status "not started", "enrolled"), and duplicates dropped."""

    @property
    def ok(self) -> bool:
        """True when no row is bad: the import can run as it is."""
        return not self.bad

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.bad})

    @property
    def people(self) -> int:
        return len({r.person_id for r in self.rows})

    @property
    def modules(self) -> int:
        return len({r.module_key for r in self.rows})


@dataclass(frozen=True)
class ImportedCompletions:
    """What an import recorded."""

    count: int
    """Progress records written (a module done on two paths counts twice)."""
    people: int
    modules: int
    unchanged: int = 0
    """Rows already recorded as they are, or with a later completion kept."""
    skipped_bad_rows: int = 0
    """Bad rows left out because the user chose to import only the good rows."""
