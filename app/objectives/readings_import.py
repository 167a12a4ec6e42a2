"""Import metric readings from a spreadsheet or CSV file (metric, date, value, note): read,
map, check (a dry run the user sees), then record them all in one transaction, or nothing.

Reading and the shape of the steps are every import's (``app.sheet_import``). The check
(``app.objectives.readings_checking``) lists every bad row with its row number and a plain
reason; nothing is saved while one is left, unless the user explicitly chooses to import only
the good rows. A row for a date already recorded replaces that reading.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.errors import ValidationError
from app.events import ChangeBus, Topic
from app.i18n import N_, _
from app.objectives.readings_checking import (
    KnownMetric,
    KnownReading,
    MetricDirectory,
    check_readings,
)
from app.objectives.readings_mapping import guess_readings_mapping
from app.objectives.readings_model import ImportedReadings, ReadingsMapping, ReadingsPlan
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import RosterTable
from app.sheet_import.checking import in_chunks
from app.sheet_import.service import SpreadsheetImport
from db.database import Database
from db.models import AuditEntry, Metric, MetricReading, Objective

CHUNK = 500


class ReadingsImport(SpreadsheetImport[ReadingsPlan, ImportedReadings]):
    """Each step is separate so the dialog can show the mapping and the bad rows in between."""

    EMPTY_FILE = N_(
        "The file is empty (0 bytes). Save the readings again from your spreadsheet and "
        "choose the new file."
    )
    NOTHING_TO_SAVE = N_("No row of the file gives a reading; nothing was saved.")

    def __init__(self, database: Database, changes: ChangeBus) -> None:
        self._db = database
        self._changes = changes

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
    def _save(
        self, plan: ReadingsPlan, progress: Progress, cancel: CancelToken | None
    ) -> ImportedReadings:
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
            for row in in_chunks(plan.rows, progress, cancel, every=CHUNK):
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
            skipped_bad_rows=plan.bad_rows,
        )


def _changed_since_check() -> ValidationError:
    return ValidationError(
        _(
            "The data file changed since the file was checked (a metric is gone or its "
            "baseline date moved). Nothing was saved; check the file again."
        ),
        field="rows",
    )
