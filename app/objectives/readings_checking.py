"""Check every row of a readings file against the metrics of the data file.

Pure: the import hands in a :class:`MetricDirectory` read from the data file. A row is bad
(and stops the import) when its metric is missing, unknown or not unique, its date is
missing, unreadable, in the future or before the metric's baseline date, or its value is
missing or not a number. Empty rows are passed over. The same metric and date twice is a
note, not an error: the lower row wins. A row for a date already recorded replaces that
reading.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date

from app.i18n import _, ngettext
from app.objectives.readings_model import ReadingField, ReadingRow, ReadingsMapping, ReadingsPlan
from app.objectives.values import NotANumber, parse_number
from app.objectives.wording import day_text, number_text
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import Cell, Problem, RosterTable
from app.sheet_import.checking import RowCheck, SheetCheck, one_per_key
from app.sheet_import.columns import check_columns
from app.sheet_import.values import is_blank, normalise_title

F = ReadingField
Row = RowCheck[ReadingField]


@dataclass(frozen=True)
class KnownMetric:
    id: int
    name: str
    objective_title: str
    unit: str | None
    baseline_value: float | None
    baseline_on: date | None
    target_value: float | None


@dataclass(frozen=True)
class KnownReading:
    id: int
    value: float
    note: str | None


@dataclass
class MetricDirectory:
    """What the check needs from the data file."""

    metrics: list[KnownMetric]
    readings: dict[tuple[int, date], KnownReading]
    """(metric id, date) -> the reading already recorded that day."""
    today: date = field(default_factory=date.today)


class _Metrics:
    """Look metrics up by name (and objective), ignoring case, spaces and punctuation."""

    def __init__(self, metrics: list[KnownMetric]) -> None:
        self.by_name: dict[str, list[KnownMetric]] = {}
        for metric in metrics:
            self.by_name.setdefault(normalise_title(metric.name), []).append(metric)
        self.names = {normalise_title(m.name): m.name for m in metrics}

    def find(self, name: str, objective: str | None) -> list[KnownMetric]:
        found = self.by_name.get(normalise_title(name), [])
        if objective:
            key = normalise_title(objective)
            found = [m for m in found if normalise_title(m.objective_title) == key]
        return found

    def close_to(self, text: str) -> str | None:
        match = difflib.get_close_matches(normalise_title(text), list(self.names), n=1, cutoff=0.7)
        return self.names[match[0]] if match else None


def check_readings(
    table: RosterTable,
    mapping: ReadingsMapping,
    directory: MetricDirectory,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ReadingsPlan:
    """Check every row of ``table`` (see the module docstring); nothing is written."""
    check_columns(
        table,
        ((f, mapping.column(f)) for f in ReadingField),
        missing=mapping.missing(),
        message=_(
            "Choose the column that holds: {fields}. A readings file needs at least the "
            "metric's name, the date it was measured and the value."
        ),
    )
    plan = ReadingsPlan(source=table.source_name)
    sheet = SheetCheck(table, mapping, plan, today=directory.today, dates=F.DATE)
    metrics = _Metrics(directory.metrics)
    used = [c for f in ReadingField if (c := mapping.column(f)) is not None]
    raw_values: dict[int, list[tuple[int, Cell]]] = {}
    for source in sheet.rows(progress, cancel, skip_blank=used):
        plan.total_rows += 1
        row = RowCheck(sheet, source)
        objective = row.text(F.OBJECTIVE)
        metric = _metric(row, objective, metrics)
        day = _date(row, metric)
        value = _value(row)
        note = row.text(F.NOTE)
        if metric is None or day is None or value is None or not row.ok:
            continue
        raw_values.setdefault(metric.id, []).append((len(plan.rows), row.cell(F.VALUE)))
        plan.rows.append(ReadingRow(row.row_number, metric.id, metric.name, day, value, note))
    _scale_fractions(plan, directory, raw_values)
    _drop_duplicates(plan)
    _compare_with_recorded(plan, directory)
    return plan


def _metric(row: Row, objective: str | None, metrics: _Metrics) -> KnownMetric | None:
    text = row.text(F.METRIC)
    if text is None:
        row.complain(
            F.METRIC, _("The metric is missing. Fill in its name, or take the row out."), None
        )
        return None
    found = metrics.find(text, objective)
    if len(found) == 1:
        return found[0]
    if found:
        row.complain(
            F.METRIC,
            _(
                "“{metric}” is the name of metrics under {count} objectives. Add a column "
                "with the objective's title to tell them apart."
            ).format(metric=text, count=len(found)),
            text,
        )
        return None
    if objective and metrics.find(text, None):
        message = _("The objective “{objective}” has no metric called “{metric}”.").format(
            objective=objective, metric=text
        )
    else:
        message = _("No metric is called “{metric}”.").format(metric=text)
    close = metrics.close_to(text)
    if close and normalise_title(close) != normalise_title(text):
        message += " " + _("Did you mean “{name}”?").format(name=close)
    else:
        message += " " + _(
            "Add it to its objective on the Objectives page first, or take the row out."
        )
    row.complain(F.METRIC, message, text)
    return None


def _date(row: Row, metric: KnownMetric | None) -> date | None:
    if is_blank(row.cell(F.DATE)):
        row.complain(
            F.DATE, _("The date is missing. Fill in the day the value was measured."), None
        )
        return None
    parsed = row.day(F.DATE, as_text=day_text)
    if metric is None or metric.baseline_on is None or parsed is None:
        return parsed
    if parsed < metric.baseline_on:
        row.complain(
            F.DATE,
            _(
                "The date {date} is before the baseline date of “{metric}” ({baseline}). "
                "Readings record what happened since the baseline."
            ).format(
                date=day_text(parsed), metric=metric.name, baseline=day_text(metric.baseline_on)
            ),
            row.shown(F.DATE),
        )
        return None
    return parsed


def _value(row: Row) -> float | None:
    shown = row.shown(F.VALUE)
    try:
        number = parse_number(row.cell(F.VALUE))
    except NotANumber:
        row.complain(
            F.VALUE,
            _(
                "“{value}” is not a number. Write the value as a number, such as 120 or 12.5."
            ).format(value=shown),
            shown,
        )
        return None
    if number is None:
        row.complain(
            F.VALUE,
            _("The value is missing. Fill in what was measured, or take the row out."),
            None,
        )
    return number


def _scale_fractions(
    plan: ReadingsPlan, directory: MetricDirectory, raw: dict[int, list[tuple[int, Cell]]]
) -> None:
    """Percent metrics given as Excel percentages (0.45 for 45 %) are read as percent."""
    by_id = {m.id: m for m in directory.metrics}
    for metric_id, cells in raw.items():
        metric = by_id[metric_id]
        if not metric.unit or "%" not in metric.unit:
            continue
        scale = max(abs(metric.baseline_value or 0), abs(metric.target_value or 0))
        numbers = [c for _i, c in cells if isinstance(c, int | float) and not isinstance(c, bool)]
        if scale <= 1 or len(numbers) != len(cells) or not all(abs(n) <= 1 for n in numbers):
            continue
        for index, _cell in cells:
            row = plan.rows[index]
            plan.rows[index] = ReadingRow(
                row.row,
                row.metric_id,
                row.metric_name,
                row.measured_on,
                round(row.value * 100, 6),
                row.note,
            )
        plan.remarks.append(
            _(
                "The values of “{metric}” are between 0 and 1 while its target is {target}, so "
                "they were read as percentages (0.45 is 45 %)."
            ).format(metric=metric.name, target=number_text(metric.target_value or 0))
        )


def _drop_duplicates(plan: ReadingsPlan) -> None:
    """One reading per metric and day: the lower row of the file wins."""
    kept, dropped = one_per_key(
        plan.rows, lambda r: (r.metric_id, r.measured_on), lambda _later, _kept: True
    )
    for earlier, row in dropped:
        message = _(
            "Rows {first} and {second} both give “{metric}” on {date}; row {second} "
            "({value}) is kept."
        ).format(
            first=earlier.row,
            second=row.row,
            metric=row.metric_name,
            date=day_text(row.measured_on),
            value=number_text(row.value),
        )
        plan.notes.append(Problem(earlier.row, None, message, None, "warning"))
    plan.rows = sorted(kept, key=lambda r: r.row)


def _compare_with_recorded(plan: ReadingsPlan, directory: MetricDirectory) -> None:
    rows: list[ReadingRow] = []
    for row in plan.rows:
        recorded = directory.readings.get((row.metric_id, row.measured_on))
        if recorded is None:
            rows.append(row)
            continue
        note = row.note if row.note is not None else recorded.note
        same = recorded.value == row.value and recorded.note == note
        rows.append(
            ReadingRow(
                row.row,
                row.metric_id,
                row.metric_name,
                row.measured_on,
                row.value,
                note,
                replaces=None if same else recorded.value,
                unchanged=same,
            )
        )
    plan.rows = rows
    replaced = sum(1 for r in rows if r.replaces is not None)
    if replaced:
        plan.remarks.append(
            ngettext(
                "{n} row gives a new value for a date already recorded; it replaces the "
                "value recorded before.",
                "{n} rows give new values for dates already recorded; they replace the "
                "values recorded before.",
                replaced,
            ).format(n=replaced)
        )
