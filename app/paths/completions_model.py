"""What flows through an import of completions from an LMS export: the column mapping, the
checked plan of good and bad rows, and what the import did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import cast

from app.i18n import N_, translate
from app.sheet_import.checking import CheckedPlan
from app.sheet_import.people import PersonKey as PersonKey


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
        return cast("int | None", getattr(self, fld.value))  # the attributes are the values

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
class CompletionPlan(CheckedPlan[CompletionRow]):
    """Everything the import would record, and every row that stops it, before any write."""

    left_out: int = 0
    """Rows that change nothing (status "not started", "enrolled"), and duplicates dropped."""

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
