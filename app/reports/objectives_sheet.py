"""The "Objectives" sheet of the leadership workbook: each objective's metrics with baseline,
target, latest reading, progress and whether it is on track; then every reading, with a line
chart of the first metrics beside them.

Every figure is a field of ``ObjectiveService.objectives`` (progress and "on track" are
worked out there, by ``app.objectives.progress``); nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils import get_column_letter

from app.i18n import N_, _, translate
from app.objectives.model import MetricView, ObjectiveView
from app.reports import palette
from app.reports.pilot_sheet_rows import BlockColumn, table_sheet, write_table
from app.reports.sheet_rows import SheetRows
from app.reports.workbook import CellValue, KeyFigure, WorkbookSection, WorkbookWriter
from db.models import ObjectiveStatus

OBJECTIVES_SHEET = N_("Objectives")
SECTION_TITLE = N_("Objectives")
CHARTED_METRICS = 4
"""Metrics with a chart of their readings: the first ones, in the order of the table."""
CHART_HEIGHT = 7.5
CHART_GAP = 0.5
"""Centimetres: each chart's height, and the room between two charts."""
CHART_COLUMN = 9
STATUS_LABELS = {
    ObjectiveStatus.PLANNED: N_("Planned"),
    ObjectiveStatus.ON_TRACK: N_("On track"),
    ObjectiveStatus.AT_RISK: N_("At risk"),
    ObjectiveStatus.ACHIEVED: N_("Achieved"),
}


def _on_track(metric: MetricView) -> str | None:
    if metric.on_track is None:
        return None
    return _("Yes") if metric.on_track else _("No, behind")


def objectives_key_figures(objectives: Sequence[ObjectiveView]) -> list[KeyFigure]:
    metrics = [metric for objective in objectives for metric in objective.metrics]
    return [
        KeyFigure(_("Objectives"), len(objectives)),
        KeyFigure(_("Success metrics"), len(metrics)),
        KeyFigure(_("Metrics on track"), sum(1 for m in metrics if m.on_track is True)),
        KeyFigure(_("Metrics behind"), sum(1 for m in metrics if m.on_track is False)),
    ]


def _columns() -> list[BlockColumn]:
    number, day = "#,##0.0", "yyyy-mm-dd"
    return [
        BlockColumn(_("Objective"), 32, wrap=True),
        BlockColumn(_("Objective status"), 11),
        BlockColumn(_("Owner"), 20, wrap=True),
        BlockColumn(_("Metric"), 32, wrap=True),
        BlockColumn(_("Unit"), 9),
        BlockColumn(_("Baseline"), 10, number, align="right"),
        BlockColumn(_("Baseline date"), 12, day, align="right"),
        BlockColumn(_("Target"), 10, number, align="right"),
        BlockColumn(_("Target date"), 12, day, align="right"),
        BlockColumn(_("Latest"), 10, number, align="right"),
        BlockColumn(_("Latest date"), 12, day, align="right"),
        BlockColumn(_("Progress to target"), 10, "0%", align="right"),
        BlockColumn(_("On track"), 11),
        BlockColumn(_("Where it stands"), 60, wrap=True),
    ]


def _rows(objectives: Sequence[ObjectiveView]) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for objective in objectives:
        head: list[CellValue] = [
            objective.title,
            translate(STATUS_LABELS[objective.status]),
            objective.owner,
        ]
        if not objective.metrics:
            rows.append([*head, *([None] * 10), _("No metric set yet.")])
            continue
        for metric in objective.metrics:
            latest = metric.latest
            rows.append(
                [
                    *head,
                    metric.name,
                    metric.unit,
                    metric.baseline_value,
                    metric.baseline_on,
                    metric.target_value,
                    metric.target_date,
                    latest.value if latest else None,
                    latest.measured_on if latest else None,
                    metric.progress,
                    _on_track(metric),
                    metric.sentence,
                ]
            )
    return rows


def _readings_block(sheet: SheetRows, objectives: Sequence[ObjectiveView]) -> None:
    """Every metric's baseline and readings in date order, a line chart for the first
    metrics beside them (value and target)."""
    metrics = [(o, m) for o in objectives for m in o.metrics]
    if not any(metric.readings or metric.baseline_value is not None for _o, metric in metrics):
        return
    sheet.blank()
    sheet.title_row(_("Readings"))
    # Laid out under the table above so each column's width suits it (the chart reads
    # columns C, E and F).
    columns = [
        BlockColumn(_("Objective"), 32, wrap=True),
        BlockColumn(_("What it is"), 11),
        BlockColumn(_("Measured on"), 20, "yyyy-mm-dd", align="left"),
        BlockColumn(_("Metric"), 32, wrap=True),
        BlockColumn(_("Value"), 9, "#,##0.0", align="right"),
        BlockColumn(_("Target"), 10, "#,##0.0", align="right"),
        BlockColumn(_("Note"), 12),
    ]
    rows: list[list[CellValue]] = []
    spans: list[tuple[MetricView, int, int]] = []
    for objective, metric in metrics:
        points: list[tuple[Any, float, str, str | None]] = []
        if metric.baseline_value is not None and metric.baseline_on is not None:
            points.append((metric.baseline_on, metric.baseline_value, _("Baseline"), None))
        points += [(r.measured_on, r.value, _("Reading"), r.note) for r in metric.readings]
        if len(points) >= 2:
            spans.append((metric, len(rows), len(rows) + len(points) - 1))
        rows += [
            [objective.title, what, measured_on, metric.name, value, metric.target_value, note]
            for measured_on, value, what, note in points
        ]
    written = write_table(sheet, columns, rows)
    first = written.first
    spans = [(metric, first + 1 + start, first + 1 + end) for metric, start, end in spans]
    anchor_row = first
    for metric, start, end in spans[:CHARTED_METRICS]:
        chart = LineChart()
        unit = f" ({metric.unit})" if metric.unit else ""
        chart.title = f"{metric.name}{unit}"
        for column, colour, name in (
            (5, palette.PRIMARY, _("Value")),
            (6, palette.ACCENT, _("Target")),
        ):
            chart.add_data(Reference(sheet.ws, min_col=column, min_row=start, max_row=end))
            series = chart.series[-1]
            series.tx = SeriesLabel(v=name)
            series.graphicalProperties.line.solidFill = palette.excel_colour(colour)
            series.graphicalProperties.line.width = 28575
            series.smooth = False
            if column == 6:
                series.graphicalProperties.line.dashStyle = "dash"
        chart.set_categories(Reference(sheet.ws, min_col=3, min_row=start, max_row=end))
        chart.x_axis.number_format = "yyyy-mm-dd"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.legend.position = "b"
        chart.height = CHART_HEIGHT
        chart.width = 16
        sheet.ws.add_chart(chart, f"{get_column_letter(CHART_COLUMN)}{anchor_row}")
        anchor_row = written.row_after(anchor_row, CHART_HEIGHT + CHART_GAP)


def objectives_sheet(objectives: Sequence[ObjectiveView], writer: WorkbookWriter) -> SheetRows:
    """One row per objective and metric, then the readings with their charts."""
    columns = _columns()
    sheet = table_sheet(writer, translate(OBJECTIVES_SHEET), columns)
    written = write_table(sheet, columns, _rows(objectives))
    if written.last == written.first:
        sheet.note(
            _(
                "No objectives yet. Write down the outcomes the programme should move in the "
                "Objectives area."
            ),
            muted=True,
        )
    sheet.blank()
    sheet.note(
        _(
            "Progress to target: how far the latest reading has come from the baseline towards "
            "the target. On track: at least as far along the way as the time is along from the "
            "baseline date to the target date."
        ),
        muted=True,
    )
    _readings_block(sheet, objectives)
    return sheet


def _row_count(objectives: Sequence[ObjectiveView]) -> int:
    return sum(
        max(1, len(o.metrics)) + sum(len(m.readings) + 1 for m in o.metrics) for o in objectives
    )


def objectives_sheets_section(objectives: Sequence[ObjectiveView]) -> WorkbookSection[Any]:
    """The objectives section bound to its objectives, to list beside a workbook's sections."""
    chosen = tuple(objectives)

    def key_figures(_figures: Any) -> list[KeyFigure]:
        return objectives_key_figures(chosen)

    def sheets(_figures: Any, writer: WorkbookWriter) -> None:
        objectives_sheet(chosen, writer)

    def row_count(_figures: Any) -> int:
        return _row_count(chosen)

    return WorkbookSection(
        SECTION_TITLE, key_figures=key_figures, sheets=sheets, row_count=row_count
    )
