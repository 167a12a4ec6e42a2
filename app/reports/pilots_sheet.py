"""The "Pilots" sheet of the leadership workbook: every pilot's success criteria with the
result, its 95 % interval and the verdict, then a block per pilot with its weekly use and
timed tasks beside native Excel charts.

Every figure is a field of ``PilotOutcomeService.outcome``; nothing is computed here and
no participant is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter

from app.i18n import N_, _, ngettext, translate
from app.pilots.criteria import criterion_label
from app.pilots.outcome import judging_of
from app.pilots.records import PilotOutcome
from app.reports import palette
from app.reports.pilot_labels import (
    dates_text,
    progress_text,
    result_verdict_text,
    task_labels,
    unit_text,
)
from app.reports.pilot_sheet_rows import BlockColumn, table_sheet, write_table
from app.reports.sheet_rows import SheetRows, styled_cell
from app.reports.workbook import CellValue, KeyFigure, WorkbookSection, WorkbookWriter

PILOTS_SHEET = N_("Pilots")
SECTION_TITLE = N_("Pilots")
CHART_ROWS = 16
"""Rows a chart beside a block takes (7.5 cm at the default row height), so the next block
starts below it."""
CHART_COLUMN = 8
"""Charts sit from column H, beside the blocks' tables (A to F)."""
TASK_CHART_ROW_CM = 0.9
"""Height per timed task in its bar chart, so that every task's name shows."""


def pilots_key_figures(outcomes: Sequence[PilotOutcome]) -> list[KeyFigure]:
    statuses = [outcome.pilot.status for outcome in outcomes]
    return [
        KeyFigure(_("Pilots"), len(outcomes)),
        KeyFigure(_("Pilots running"), statuses.count("running")),
        KeyFigure(_("Pilots decided"), statuses.count("decided")),
    ]


def _criteria_columns() -> list[BlockColumn]:
    decimal = "0.0"
    return [
        BlockColumn(_("Pilot"), 28, wrap=True),
        BlockColumn(_("Status"), 17, wrap=True),
        BlockColumn(_("Success criterion"), 30, wrap=True),
        BlockColumn(_("Unit"), 9),
        BlockColumn(_("Target"), 9, decimal, align="right"),
        BlockColumn(_("Result"), 9, decimal, align="right"),
        BlockColumn(_("95 % interval, low"), 10, decimal, align="right"),
        BlockColumn(_("95 % interval, high"), 10, decimal, align="right"),
        BlockColumn(_("Based on"), 9, "#,##0", align="center"),
        BlockColumn(_("Verdict"), 16, wrap=True),
        BlockColumn(_("What it means"), 60, wrap=True),
    ]


def _criteria_rows(outcomes: Sequence[PilotOutcome]) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for outcome in outcomes:
        pilot = outcome.pilot
        stage = progress_text(pilot.status, pilot.decision, judging_of(outcome))
        for result in outcome.criteria:
            criterion = result.criterion
            verdict = result_verdict_text(result)
            if result.uncertain:
                verdict = _("{verdict} (not certain)").format(verdict=verdict)
            rows.append(
                [
                    pilot.name,
                    stage,
                    criterion_label(criterion),
                    unit_text(criterion.measure),
                    criterion.threshold,
                    result.value,
                    result.interval.low if result.interval else None,
                    result.interval.high if result.interval else None,
                    result.n,
                    verdict,
                    result.sentence,
                ]
            )
    return rows


def _pad_to(sheet: SheetRows, first: int, rows: int) -> None:
    """Blank rows until the block that began at ``first`` is ``rows`` tall."""
    while sheet.rows < first + rows:
        sheet.blank()


def _weekly_block(sheet: SheetRows, outcome: PilotOutcome) -> None:
    """Weekly use, with the target where a success criterion sets one, and its line chart."""
    adoption = outcome.results.adoption
    if not adoption:
        sheet.note(_("No weekly check-ins yet."), muted=True)
        return
    target = next((c for c in outcome.pilot.criteria if c.measure == "weekly_active"), None)
    headers = [_("Week"), _("Checked in"), _("Used the tool"), _("Share using the tool")]
    if target is not None:
        headers.append(_("Target"))
    first = sheet.header(headers[0], headers[1:], upright=False)
    last = first
    percent = "0%"
    for week in adoption:
        row: list[Any] = [
            week.week,
            week.reporting,
            week.active,
            styled_cell(sheet.ws, week.share, number_format=percent),
        ]
        if target is not None:
            applies = week.week >= (target.after_weeks or 1)
            row.append(
                styled_cell(
                    sheet.ws, target.threshold / 100 if applies else None, number_format=percent
                )
            )
        last = sheet.append(row)
    sheet.add_table(headers, first, last)
    chart = LineChart()
    chart.title = _("Weekly use: {pilot}").format(pilot=outcome.pilot.name)
    colours = (palette.PRIMARY, palette.ACCENT)
    for column, colour in zip(range(4, len(headers) + 1), colours, strict=False):
        chart.add_data(
            Reference(sheet.ws, min_col=column, min_row=first, max_row=last),
            titles_from_data=True,
        )
        series = chart.series[-1]
        series.graphicalProperties.line.solidFill = palette.excel_colour(colour)
        series.graphicalProperties.line.width = 28575
        series.smooth = False
        if column == 5:
            series.graphicalProperties.line.dashStyle = "dash"
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first + 1, max_row=last))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.title = _("Share using the tool")
    chart.x_axis.title = _("Week of the pilot")
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.height = 7.5
    chart.width = 16
    sheet.ws.add_chart(chart, f"{get_column_letter(CHART_COLUMN)}{first}")
    _pad_to(sheet, first, CHART_ROWS)


def _tasks_block(sheet: SheetRows, outcome: PilotOutcome) -> None:
    """Each timed task before and after the training, and a bar chart of the minutes."""
    tasks = outcome.results.time_saved.tasks
    if not tasks:
        sheet.note(_("No task has been timed before and after the training yet."), muted=True)
        return
    headers = [
        _("Timed task"),
        _("Minutes before"),
        _("Minutes after"),
        _("Time saved"),
        _("Hours saved a week"),
        _("Observations"),
    ]
    first = sheet.header(headers[0], headers[1:], upright=False)
    last = first
    for text, task in task_labels(tasks):
        last = sheet.append(
            [
                styled_cell(sheet.ws, text),
                styled_cell(sheet.ws, task.minutes_before, number_format="0"),
                styled_cell(sheet.ws, task.minutes_after, number_format="0"),
                styled_cell(sheet.ws, task.saved_share, number_format="0%"),
                styled_cell(sheet.ws, task.hours_per_week, number_format="0.0"),
                task.observations,
            ]
        )
    sheet.add_table(headers, first, last)
    chart = BarChart()
    chart.type = "bar"
    chart.title = _("Minutes per task, before and after: {pilot}").format(pilot=outcome.pilot.name)
    for column, colour in ((2, palette.OTHER), (3, palette.PRIMARY)):
        chart.add_data(
            Reference(sheet.ws, min_col=column, min_row=first, max_row=last),
            titles_from_data=True,
        )
        series = chart.series[-1]
        series.graphicalProperties.solidFill = palette.excel_colour(colour)
        series.graphicalProperties.line.solidFill = palette.excel_colour(colour)
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=first + 1, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.y_axis.title = _("Minutes")
    chart.legend.position = "b"
    chart.gapWidth = 60
    chart.height = max(7.5, 3.5 + TASK_CHART_ROW_CM * len(tasks))
    chart.width = 16
    sheet.ws.add_chart(chart, f"{get_column_letter(CHART_COLUMN)}{first}")
    _pad_to(sheet, first, round(chart.height * 2) + 1)


def _pilot_block(sheet: SheetRows, outcome: PilotOutcome) -> None:
    pilot = outcome.pilot
    sheet.blank()
    sheet.title_row(
        _("{pilot} · {stage} · {dates} · {people}").format(
            pilot=pilot.name,
            stage=progress_text(pilot.status, pilot.decision, judging_of(outcome)),
            dates=dates_text(pilot.starts_on, pilot.ends_on),
            people=ngettext("{n} person", "{n} people", len(outcome.participants)).format(
                n=len(outcome.participants)
            ),
        )
    )
    _weekly_block(sheet, outcome)
    sheet.blank()
    _tasks_block(sheet, outcome)


def pilots_sheet(outcomes: Sequence[PilotOutcome], writer: WorkbookWriter) -> SheetRows:
    """The success criteria of every pilot in one table, then a block per pilot."""
    columns = _criteria_columns()
    sheet = table_sheet(writer, translate(PILOTS_SHEET), columns)
    written = write_table(sheet, columns, _criteria_rows(outcomes))
    if written.last == written.first:
        sheet.note(
            _("No success criteria agreed yet. Agree them in a pilot's details before it starts."),
            muted=True,
        )
    sheet.blank()
    sheet.note(
        _(
            "Result: the figure the criterion is judged on, in the unit shown; the 95 % "
            "interval is the range the true figure most likely lies in. Based on: the people, "
            "answers or timed tasks behind it; with fewer than 5 the verdict is “Not enough "
            "data”. While a pilot runs its criteria are “Not yet judged”: the result is the "
            "figure so far, and they are judged when it ends. No participant is named."
        ),
        muted=True,
    )
    for outcome in outcomes:
        _pilot_block(sheet, outcome)
    return sheet


def _row_count(outcomes: Sequence[PilotOutcome]) -> int:
    return sum(
        len(o.criteria) + len(o.results.adoption) + len(o.results.time_saved.tasks) + 6
        for o in outcomes
    )


def pilots_sheets_section(outcomes: Sequence[PilotOutcome]) -> WorkbookSection[Any]:
    """The pilots section bound to its outcomes, to list beside any workbook's sections."""
    chosen = tuple(outcomes)

    def key_figures(_figures: Any) -> list[KeyFigure]:
        return pilots_key_figures(chosen)

    def sheets(_figures: Any, writer: WorkbookWriter) -> None:
        pilots_sheet(chosen, writer)

    def row_count(_figures: Any) -> int:
        return _row_count(chosen)

    return WorkbookSection(
        SECTION_TITLE, key_figures=key_figures, sheets=sheets, row_count=row_count
    )
