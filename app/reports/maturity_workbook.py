"""The maturity part of the leadership workbook: every assessment over time on one sheet.

``MATURITY_WORKBOOK_SECTION`` works on a ``MaturityHistory`` (reuse it with
``adapt_workbook_section``); ``maturity_sheets_section(history)`` is the same section bound to
one history, to list beside the sections of any workbook. Every number comes from the history.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, RadarChart, Reference, Series

from app.i18n import N_, _, translate
from app.maturity.figures import AssessmentSummary, MaturityHistory
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.workbook import (
    CellValue,
    Column,
    KeyFigure,
    TableSheet,
    WorkbookCover,
    WorkbookSection,
    WorkbookWriter,
    write_workbook,
)

WORKBOOK_TITLE = N_("AI maturity — assessments over time")
SHEET_TITLE = N_("Maturity")
SCALE_TOP = 5
FIXED_COLUMNS = 7
"""Assessment, date, kind, status, overall score, level, coverage; dimensions follow."""

_KINDS = {"baseline": N_("Baseline"), "follow_up": N_("Follow-up")}
_STATUSES = {"complete": N_("Complete"), "in_progress": N_("In progress")}


def _label(value: str, labels: dict[str, str]) -> str:
    known = labels.get(value)
    return translate(known) if known else value.replace("_", " ").capitalize()


def _latest(history: MaturityHistory) -> AssessmentSummary | None:
    """The most recent assessment (the history lists them oldest first)."""
    return history.assessments[-1] if history.assessments else None


def _baseline_of_latest(history: MaturityHistory) -> tuple[int, AssessmentSummary] | None:
    """For a follow-up, the assessment it is compared with (or, if the history does not say,
    the last baseline taken before it), with its index in the history."""
    latest = _latest(history)
    if latest is None or latest.kind == "baseline":
        return None
    for index, summary in enumerate(history.assessments):
        if latest.baseline_id is not None and summary.id == latest.baseline_id:
            return index, summary
    for index in range(len(history.assessments) - 2, -1, -1):
        if history.assessments[index].kind == "baseline":
            return index, history.assessments[index]
    return None


def maturity_key_figures(history: MaturityHistory) -> list[KeyFigure]:
    """The latest overall score and level, and how many assessments there have been."""
    latest = _latest(history)
    return [
        KeyFigure(_("Latest overall score"), latest.overall if latest else None, "decimal"),
        KeyFigure(_("Latest maturity level"), latest.level_name if latest else None, "text"),
        KeyFigure(_("Assessments"), len(history.assessments)),
    ]


def _columns(history: MaturityHistory) -> list[Column]:
    return [
        Column(_("Assessment")),
        Column(_("Date"), "date"),
        Column(_("Kind")),
        Column(_("Status")),
        Column(_("Overall score"), "decimal"),
        Column(_("Maturity level")),
        Column(_("Questions answered"), "percent"),
        *(Column(name, "decimal") for name in history.dimension_names),
    ]


def _rows(history: MaturityHistory) -> list[list[CellValue]]:
    rows: list[list[CellValue]] = []
    for a in history.assessments:
        scores = history.scores.get(a.id, {})
        rows.append(
            [
                a.name,
                a.taken_on,
                _label(a.kind, _KINDS),
                _label(a.status, _STATUSES),
                a.overall,
                a.level_name,
                a.coverage,
                *(scores.get(name) for name in history.dimension_names),
            ]
        )
    return rows


def _score_series(sheet: TableSheet, row: int, title: str, colour: str, dash: bool) -> Series:
    """One assessment's dimension scores (a row of the table) as a chart series."""
    values = Reference(
        sheet.worksheet, min_col=FIXED_COLUMNS + 1, max_col=len(sheet.columns), min_row=row
    )
    series = Series(values, title=title)
    excel = palette.excel_colour(colour)
    series.graphicalProperties.line.solidFill = excel
    series.graphicalProperties.line.width = 28575  # 2.25 pt in EMU
    if dash:
        series.graphicalProperties.line.dashStyle = "dash"
    return series


def _add_chart(history: MaturityHistory, sheet: TableSheet) -> None:
    """A radar of the latest assessment against its baseline, or bars of its scores."""
    latest = _latest(history)
    if latest is None or not history.dimension_names:
        return
    ws = sheet.worksheet
    latest_row = len(history.assessments) + 1  # the header is row 1
    last_col = len(sheet.columns)
    categories = Reference(ws, min_col=FIXED_COLUMNS + 1, max_col=last_col, min_row=1)
    baseline = _baseline_of_latest(history)
    chart: Any
    if baseline is not None:
        index, base = baseline
        chart = RadarChart()
        chart.type = "marker"
        chart.title = _("{latest} compared with {baseline}, by dimension").format(
            latest=latest.name, baseline=base.name
        )
        chart.series.append(_score_series(sheet, index + 2, base.name, palette.SERIES[2], True))
        current = _score_series(sheet, latest_row, latest.name, palette.PRIMARY, False)
        chart.series.append(current)
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = SCALE_TOP
        chart.y_axis.majorUnit = 1
        chart.y_axis.delete = False
        chart.legend.position = "b"
        chart.height, chart.width = 12, 18
    else:
        chart = BarChart()
        chart.type = "bar"
        chart.title = _("{latest}: score by dimension").format(latest=latest.name)
        bars = _score_series(sheet, latest_row, latest.name, palette.PRIMARY, False)
        bars.graphicalProperties.solidFill = palette.excel_colour(palette.PRIMARY)
        chart.series.append(bars)
        chart.legend = None
        chart.x_axis.scaling.orientation = "maxMin"  # first dimension at the top
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = SCALE_TOP
        chart.y_axis.majorUnit = 1
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.gapWidth = 60
        chart.height = max(7.5, min(4 + 0.55 * len(history.dimension_names), 30))
        chart.width = 18
    chart.set_categories(categories)
    ws.add_chart(chart, f"A{latest_row + 3}")


def maturity_sheets(history: MaturityHistory, writer: WorkbookWriter) -> None:
    """The Maturity sheet: one row per assessment, one score column per dimension, a chart."""
    sheet = writer.add_table_sheet(
        translate(SHEET_TITLE),
        _columns(history),
        _rows(history),
        empty_message=_(
            "No maturity assessment yet. Start one on the Assessment page; its scores will "
            "appear here."
        ),
    )
    _add_chart(history, sheet)


def maturity_row_count(history: MaturityHistory) -> int:
    return len(history.assessments)


MATURITY_WORKBOOK_SECTION: WorkbookSection[MaturityHistory] = WorkbookSection(
    N_("AI maturity"),
    key_figures=maturity_key_figures,
    sheets=maturity_sheets,
    row_count=maturity_row_count,
)


def maturity_sheets_section(history: MaturityHistory) -> WorkbookSection[Any]:
    """The maturity section bound to ``history``: list it beside any workbook's sections
    (its functions ignore that workbook's figures)."""

    def key_figures(_figures: Any) -> list[KeyFigure]:
        return maturity_key_figures(history)

    def sheets(_figures: Any, writer: WorkbookWriter) -> None:
        maturity_sheets(history, writer)

    def row_count(_figures: Any) -> int:
        return maturity_row_count(history)

    return WorkbookSection(
        MATURITY_WORKBOOK_SECTION.title,
        key_figures=key_figures,
        sheets=sheets,
        row_count=row_count,
    )


def maturity_workbook_cover(history: MaturityHistory) -> WorkbookCover:
    """The top of the summary sheet of the maturity-only workbook."""
    return WorkbookCover(
        title=translate(WORKBOOK_TITLE),
        organisation=history.organisation,
        generated_on=date.today(),
        notes=(
            _(
                "The Maturity sheet has one row per assessment and one score column per "
                "dimension, on the scale from 1 to {top}."
            ).format(top=SCALE_TOP),
        ),
    )


def write_maturity_workbook(
    history: MaturityHistory,
    out: Path,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write a workbook with just the Summary and the Maturity sheet to ``out``."""
    write_workbook(
        Path(out),
        cover=maturity_workbook_cover(history),
        figures=history,
        sections=(MATURITY_WORKBOOK_SECTION,),
        progress=progress,
        cancel=cancel,
    )
