"""Import metric readings from a spreadsheet or CSV file (metric, date, value, note): read,
map, check (a dry run the user sees), then record them all in one transaction, or nothing.

Reading reuses the roster import's reader (sheets, encodings, delimiters, title blocks).
The check (``app.objectives.readings_checking``) lists every bad row with its row number and
a plain reason; nothing is saved while one is left, unless the user explicitly chooses to
import only the good rows. A row for a date already recorded replaces that reading.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import _, ngettext
from app.objectives.readings_checking import (
    KnownMetric,
    KnownReading,
    MetricDirectory,
    check_readings,
)
from app.objectives.readings_mapping import guess_readings_mapping
from app.objectives.readings_model import ImportedReadings, ReadingsMapping, ReadingsPlan
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import RosterFileError, RosterTable, SheetChoice
from db.database import Database
from db.models import AuditEntry, Metric, MetricReading, Objective

CHUNK = 500


class ReadingsImport:
    """Each step is separate so the dialog can show the mapping and the bad rows in between."""

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

    # Reading -----------------------------------------------------------------------------
    @staticmethod
    def sheets(path: Path) -> list[SheetChoice]:
        from app.roster.reading import list_sheets

        _refuse_empty(path)
        return list_sheets(path)

    @staticmethod
    def default_sheet(path: Path) -> str | None:
        """The sheet to offer first (None for a CSV file)."""
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
    def guess_mapping(table: RosterTable) -> ReadingsMapping:
        return guess_readings_mapping(table.headers)

    # Checking ----------------------------------------------------------------------------
    def check(
        self,
        table: RosterTable,
        mapping: ReadingsMapping,
        *,
        today: date | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ReadingsPlan:
        """The dry run: every row resolved or listed as bad; raises ValidationError for a bad
        mapping. Nothing is written."""
        directory = self._directory(today or date.today())
        return check_readings(table, mapping, directory, progress=progress, cancel=cancel)

    def _directory(self, today: date) -> MetricDirectory:
        with self._db.reading() as session:
            metrics = [
                KnownMetric(*row)
                for row in session.execute(
                    select(
                        Metric.id,
                        Metric.name,
                        Objective.title,
                        Metric.unit,
                        Metric.baseline_value,
                        Metric.baseline_on,
                        Metric.target_value,
                    )
                    .join(Objective, Objective.id == Metric.objective_id)
                    .order_by(Metric.id)
                )
            ]
            readings = {
                (metric_id, day): KnownReading(reading_id, value, note)
                for reading_id, metric_id, day, value, note in session.execute(
                    select(
                        MetricReading.id,
                        MetricReading.metric_id,
                        MetricReading.measured_on,
                        MetricReading.value,
                        MetricReading.note,
                    )
                )
            }
        return MetricDirectory(metrics=metrics, readings=readings, today=today)

    # Recording ---------------------------------------------------------------------------
    def apply(
        self,
        plan: ReadingsPlan,
        *,
        skip_bad_rows: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportedReadings:
        """Record every good row in one transaction.

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
                _("No row of the file gives a reading; nothing was saved."), field="rows"
            )
        added = replaced = unchanged = 0
        metric_ids = sorted({row.metric_id for row in plan.rows})
        with self._db.transaction() as session:
            metrics = {
                metric.id: metric
                for metric in session.execute(
                    select(Metric).where(Metric.id.in_(metric_ids))
                ).scalars()
            }
            stored: dict[tuple[int, date], MetricReading] = {}
            for reading in session.execute(
                select(MetricReading).where(MetricReading.metric_id.in_(metric_ids))
            ).scalars():
                stored[(reading.metric_id, reading.measured_on)] = reading
            total = len(plan.rows)
            for position, row in enumerate(plan.rows):
                if position % CHUNK == 0:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    progress(position, total)
                metric = metrics.get(row.metric_id)
                if metric is None or (
                    metric.baseline_on is not None and row.measured_on < metric.baseline_on
                ):
                    raise _changed_since_check()
                record = stored.get((row.metric_id, row.measured_on))
                if record is None:
                    record = MetricReading(
                        metric_id=row.metric_id,
                        measured_on=row.measured_on,
                        value=row.value,
                        note=row.note,
                    )
                    session.add(record)
                    stored[(row.metric_id, row.measured_on)] = record
                    added += 1
                    continue
                note = row.note if row.note is not None else record.note
                if record.value == row.value and record.note == note:
                    unchanged += 1
                    continue
                record.value = row.value
                record.note = note
                replaced += 1
            progress(total, total)
            session.add(
                AuditEntry(
                    action="readings_import",
                    entity="metric_reading",
                    summary=(
                        f"Recorded {added} new and {replaced} corrected readings from "
                        f"{plan.source} ({len(plan.rows)} rows, {plan.bad_rows} bad rows left out)"
                    ),
                )
            )
            objective_ids = frozenset(m.objective_id for m in metrics.values())
        self._changes.publish(Topic.OBJECTIVES, ids=objective_ids)
        return ImportedReadings(
            added=added,
            replaced=replaced,
            unchanged=unchanged,
            metrics=len(metric_ids),
            skipped_bad_rows=plan.bad_rows if not plan.ok else 0,
        )


def _refuse_empty(path: Path) -> None:
    """An empty file gets a message about readings (the roster reader's speaks of rosters)."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # the reader explains it
    if empty:
        raise RosterFileError(
            _(
                "The file is empty (0 bytes). Save the readings again from your spreadsheet "
                "and choose the new file."
            )
        )


def _changed_since_check() -> ValidationError:
    return ValidationError(
        _(
            "The data file changed since the file was checked (a metric is gone or its "
            "baseline date moved). Nothing was saved; check the file again."
        ),
        field="rows",
    )
