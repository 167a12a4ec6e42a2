"""What flows through an import of metric readings: the column mapping, the checked plan of
good and bad rows, and what the import did."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import cast

from app.i18n import N_, translate
from app.sheet_import.checking import CheckedPlan


class ReadingField(StrEnum):
    """What a column of a readings file can mean."""

    METRIC = "metric"
    DATE = "date"
    VALUE = "value"
    NOTE = "note"
    OBJECTIVE = "objective"
    """Only needed when two objectives have metrics of the same name."""

    @property
    def label(self) -> str:
        return translate(_LABELS[self])

    @property
    def required(self) -> bool:
        return self in (ReadingField.METRIC, ReadingField.DATE, ReadingField.VALUE)


_LABELS: dict[ReadingField, str] = {
    ReadingField.METRIC: N_("Metric"),
    ReadingField.DATE: N_("Date measured"),
    ReadingField.VALUE: N_("Value"),
    ReadingField.NOTE: N_("Note"),
    ReadingField.OBJECTIVE: N_("Objective"),
}


@dataclass(frozen=True)
class ReadingsMapping:
    """Which column (index into ``RosterTable.headers``) holds what; None when none does."""

    metric: int | None = None
    date: int | None = None
    value: int | None = None
    note: int | None = None
    objective: int | None = None
    day_first: bool | None = None
    """How to read 03/04/2026: True day first, False month first, None decided from the
    column (day first unless some date only makes sense month first)."""

    def column(self, fld: ReadingField) -> int | None:
        return cast("int | None", getattr(self, fld.value))  # the attributes are the values

    def missing(self) -> list[ReadingField]:
        """The required fields no column is chosen for."""
        return [f for f in ReadingField if f.required and self.column(f) is None]


@dataclass(frozen=True)
class ReadingRow:
    """One good row of the file, resolved to a metric of the data file."""

    row: int
    metric_id: int
    metric_name: str
    measured_on: date
    value: float
    note: str | None
    replaces: float | None = None
    """The value already recorded for that metric on that date, which this row replaces."""
    unchanged: bool = False
    """True when the same value (and note) is already recorded on that date."""


@dataclass
class ReadingsPlan(CheckedPlan[ReadingRow]):
    """Everything the import would record, and every row that stops it, before any write."""

    @property
    def metrics(self) -> int:
        return len({r.metric_id for r in self.rows})

    @property
    def new(self) -> int:
        return sum(1 for r in self.rows if r.replaces is None and not r.unchanged)

    @property
    def replaced(self) -> int:
        return sum(1 for r in self.rows if r.replaces is not None and not r.unchanged)

    @property
    def unchanged(self) -> int:
        return sum(1 for r in self.rows if r.unchanged)


@dataclass(frozen=True)
class ImportedReadings:
    """What an import recorded."""

    added: int
    replaced: int
    unchanged: int
    metrics: int
    skipped_bad_rows: int = 0
    """Bad rows left out because the user chose to import only the good rows."""
