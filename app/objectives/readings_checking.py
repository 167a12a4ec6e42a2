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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.errors import ValidationError
from app.i18n import _, ngettext
from app.objectives.readings_model import ReadingField, ReadingRow, ReadingsMapping, ReadingsPlan
from app.objectives.values import NotANumber, parse_number
from app.objectives.wording import day_text, number_text
from app.paths.completions_values import is_blank, normalise_title, read_date
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import Cell, Problem, RosterTable
from app.roster.values import cell_text, collapse_spaces, numeric_date_order

_PROGRESS_EVERY = 200


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


Complain = Callable[[ReadingField | None, str, str | None], None]


def check_readings(
    table: RosterTable,
    mapping: ReadingsMapping,
    directory: MetricDirectory,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ReadingsPlan:
    """Check every row of ``table`` (see the module docstring); nothing is written."""
    _check_mapping(table, mapping)
    assert mapping.metric is not None and mapping.date is not None and mapping.value is not None

    def header(fld: ReadingField | None) -> str | None:
        column = mapping.column(fld) if fld is not None else None
        return table.headers[column] if column is not None else None

    plan = ReadingsPlan(source=table.source_name, rows=[], bad=[], notes=[])
    plan.remarks.extend(table.notes)
    for problem in table.problems:
        (plan.bad if problem.severity == "error" else plan.notes).append(problem)
    day_first = _day_first(table, mapping, plan.remarks, header(ReadingField.DATE) or "")
    metrics = _Metrics(directory.metrics)
    used = [mapping.metric, mapping.date, mapping.value, mapping.note, mapping.objective]
    total = len(table.rows)
    raw_values: dict[int, list[tuple[int, Cell]]] = {}
    for position, source in enumerate(table.rows):
        if position % _PROGRESS_EVERY == 0:
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(position, total)
        cells = source.cells
        if all(is_blank(cells[c]) for c in used if c is not None):
            continue
        plan.total_rows += 1
        number = source.number
        bad_before = len(plan.bad)

        def complain(fld: ReadingField | None, message: str, value: str | None) -> None:
            plan.bad.append(Problem(number, header(fld), message, value, "error"))  # noqa: B023

        objective = _text(cells[mapping.objective]) if mapping.objective is not None else None
        metric = _metric(cells[mapping.metric], objective, metrics, complain)
        day = _date(cells[mapping.date], table.date_1904, day_first, directory, metric, complain)
        value = _value(cells[mapping.value], complain)
        note = _text(cells[mapping.note]) if mapping.note is not None else None
        if metric is None or day is None or value is None or len(plan.bad) > bad_before:
            continue
        raw_values.setdefault(metric.id, []).append((len(plan.rows), cells[mapping.value]))
        plan.rows.append(ReadingRow(number, metric.id, metric.name, day, value, note))
    progress(total, total)
    _scale_fractions(plan, directory, raw_values)
    _drop_duplicates(plan)
    _compare_with_recorded(plan, directory)
    return plan


def _check_mapping(table: RosterTable, mapping: ReadingsMapping) -> None:
    missing = mapping.missing()
    if missing:
        raise ValidationError(
            _(
                "Choose the column that holds: {fields}. A readings file needs at least the "
                "metric's name, the date it was measured and the value."
            ).format(fields=", ".join(f.label for f in missing)),
            field=missing[0].value,
        )
    seen: dict[int, ReadingField] = {}
    for fld in ReadingField:
        column = mapping.column(fld)
        if column is None:
            continue
        if not 0 <= column < len(table.headers):
            raise ValueError(f"{fld.value} is mapped to column {column}, which doesn't exist")
        if column in seen:
            raise ValidationError(
                _("The column “{column}” is chosen for both {first} and {second}.").format(
                    column=table.headers[column], first=seen[column].label, second=fld.label
                ),
                field=fld.value,
            )
        seen[column] = fld


def _day_first(
    table: RosterTable, mapping: ReadingsMapping, remarks: list[str], column_name: str
) -> bool:
    if mapping.day_first is not None:
        return mapping.day_first
    assert mapping.date is not None
    texts = [r.cells[mapping.date] for r in table.rows]
    day_first, ambiguous = numeric_date_order(t for t in texts if isinstance(t, str))
    if ambiguous:
        if day_first:
            note = _("Dates such as 03/04/2026 in “{column}” were read day first (3 April 2026).")
        else:
            note = _(
                "Dates such as 03/04/2026 in “{column}” were read month first (March 4, "
                "2026), because some dates in the column only make sense that way."
            )
        remarks.append(note.format(column=column_name))
    return day_first


def _text(value: Cell) -> str | None:
    text = cell_text(value)
    text = collapse_spaces(text) if text else None
    return None if not text or is_blank(text) else text


def _metric(
    value: Cell, objective: str | None, metrics: _Metrics, complain: Complain
) -> KnownMetric | None:
    text = _text(value)
    if text is None:
        complain(
            ReadingField.METRIC,
            _("The metric is missing. Fill in its name, or take the row out."),
            None,
        )
        return None
    found = metrics.find(text, objective)
    if len(found) == 1:
        return found[0]
    if found:
        complain(
            ReadingField.METRIC,
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
    complain(ReadingField.METRIC, message, text)
    return None


def _date(
    value: Cell,
    date_1904: bool,
    day_first: bool,
    directory: MetricDirectory,
    metric: KnownMetric | None,
    complain: Complain,
) -> date | None:
    if is_blank(value):
        complain(
            ReadingField.DATE,
            _("The date is missing. Fill in the day the value was measured."),
            None,
        )
        return None
    parsed = read_date(value, date_1904=date_1904, day_first=day_first)
    shown = cell_text(value)
    if parsed is None:
        complain(
            ReadingField.DATE,
            _(
                "“{value}” is not a date that can be read. Write it as 2026-03-31 or 31/03/2026."
            ).format(value=shown),
            shown,
        )
        return None
    if parsed > directory.today:
        complain(
            ReadingField.DATE,
            _("The date {date} is in the future.").format(date=day_text(parsed)),
            shown,
        )
        return None
    if metric is not None and metric.baseline_on is not None and parsed < metric.baseline_on:
        complain(
            ReadingField.DATE,
            _(
                "The date {date} is before the baseline date of “{metric}” ({baseline}). "
                "Readings record what happened since the baseline."
            ).format(
                date=day_text(parsed), metric=metric.name, baseline=day_text(metric.baseline_on)
            ),
            shown,
        )
        return None
    return parsed


def _value(value: Cell, complain: Complain) -> float | None:
    shown = cell_text(value)
    try:
        number = parse_number(value)
    except NotANumber:
        complain(
            ReadingField.VALUE,
            _(
                "“{value}” is not a number. Write the value as a number, such as 120 or 12.5."
            ).format(value=shown),
            shown,
        )
        return None
    if number is None:
        complain(
            ReadingField.VALUE,
            _("The value is missing. Fill in what was measured, or take the row out."),
            None,
        )
        return None
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
    kept: dict[tuple[int, date], ReadingRow] = {}
    for row in plan.rows:
        key = (row.metric_id, row.measured_on)
        earlier = kept.get(key)
        if earlier is not None:
            plan.notes.append(
                Problem(
                    earlier.row,
                    None,
                    _(
                        "Rows {first} and {second} both give “{metric}” on {date}; row "
                        "{second} ({value}) is kept."
                    ).format(
                        first=earlier.row,
                        second=row.row,
                        metric=row.metric_name,
                        date=day_text(row.measured_on),
                        value=number_text(row.value),
                    ),
                    None,
                    "warning",
                )
            )
            del kept[key]
        kept[key] = row
    plan.rows = sorted(kept.values(), key=lambda r: r.row)


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
