"""The "Progress" sheet (per path and department, no names) and "Progress by person" (names,
only when the user asked for them) of the leadership workbook.

Group figures come from ``app.paths.progress_figures``: a department with fewer people on a
path than the anonymity threshold is combined into "Other (groups under N people)", and a
path followed by fewer people than that in all shows its headcount only ("–" elsewhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.utils import get_column_letter

from app.i18n import N_, _, translate
from app.paths.progress_figures import (
    DepartmentProgress,
    hours_of,
    is_overdue,
    last_completed,
    progress_by_department,
)
from app.privacy import other_label
from app.reports import palette
from app.reports.sheet_rows import SheetRows, styled_cell
from app.reports.workbook import CellValue, Column, TableSheet, WorkbookWriter

if TYPE_CHECKING:
    from app.reports.paths_workbook import PathsWorkbookFigures

PROGRESS_SHEET = N_("Progress")
PEOPLE_SHEET = N_("Progress by person")
WITHHELD = "–"
"""What a withheld figure reads as (as on the skills sheets)."""


def _progress_columns() -> list[Column]:
    return [
        Column(_("Path")),
        Column(_("Department")),
        Column(_("People"), "integer"),
        Column(_("Modules done"), "percent"),
        Column(_("Finished"), "integer"),
        Column(_("In progress"), "integer"),
        Column(_("Not started"), "integer"),
        Column(_("Past due date"), "integer"),
    ]


def _progress_rows(
    figures: PathsWorkbookFigures,
) -> tuple[list[list[CellValue]], bool, bool]:
    """The table's rows, and whether any department was folded, any path withheld."""
    rows: list[list[CellValue]] = []
    folded = withheld = False
    for entry in figures.paths:
        if not entry.progress:
            continue
        found = progress_by_department(
            entry.progress, threshold=figures.threshold, today=figures.today
        )
        name = entry.row.name
        if found.withheld:
            withheld = True
            withheld_row: list[CellValue] = [name, _("All departments"), found.people]
            rows.append(withheld_row + [WITHHELD] * 5)
            continue
        for group in found.groups:
            folded = folded or group.is_other
            rows.append(
                [
                    name,
                    group.label,
                    group.people,
                    group.share_done,
                    group.finished,
                    group.in_progress,
                    group.not_started,
                    group.overdue,
                ]
            )
    return rows, folded, withheld


def _notes(sheet: SheetRows, figures: PathsWorkbookFigures, folded: bool, withheld: bool) -> None:
    threshold = figures.threshold
    sheet.blank()
    sheet.title_row(_("How to read this sheet"))
    sheet.note(
        _(
            "Modules done: the modules people have completed out of those they follow (a "
            "module a person skips because their skills survey shows they already have the "
            "skill is left out). Finished: every module done. In progress: at least one module "
            "begun or done. Past due date: not finished, and the path's due date has passed."
        )
    )
    if folded:
        sheet.note(
            _(
                "“{other}” combines, for each path, the departments with fewer than {threshold} "
                "people on it (and, where that is still too few, the next smallest), so that no "
                "small group can be singled out."
            ).format(other=other_label(threshold), threshold=threshold)
        )
    if withheld:
        sheet.note(
            _("“{mark}” withheld: fewer than {threshold} people follow the path in all.").format(
                mark=WITHHELD, threshold=threshold
            )
        )


def _departments_block(sheet: SheetRows, everyone: DepartmentProgress) -> tuple[int, int]:
    """Modules done per department over every path; returns the block's first and last row."""
    sheet.blank()
    sheet.title_row(_("Modules done per department, all paths together"))
    headers = [
        _("Department"),
        _("People following a path"),
        _("Modules followed"),
        _("Modules done"),
        _("Share of modules done"),
    ]
    if everyone.withheld:
        sheet.note(
            _("Withheld: fewer than {threshold} people follow a learning path.").format(
                threshold=everyone.threshold
            ),
            muted=True,
        )
        return 0, 0
    first = sheet.header(headers[0], headers[1:], upright=False)
    last = first
    for group in everyone.groups:
        last = sheet.append(
            [
                styled_cell(sheet.ws, group.label),
                group.people,
                group.modules,
                group.done,
                styled_cell(sheet.ws, group.share_done, number_format="0%"),
            ]
        )
    sheet.add_table(headers, first, last)
    return first, last


def _completion_chart(table: TableSheet, first: int, last: int) -> None:
    """Bars of the share of modules done per department, beside the main table."""
    if last <= first:
        return
    ws = table.worksheet
    chart = BarChart()
    chart.type = "bar"
    chart.title = _("Share of modules done, per department")
    chart.add_data(Reference(ws, min_col=5, min_row=first, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=last))
    series = chart.series[0]
    colour = palette.excel_colour(palette.PRIMARY)
    series.graphicalProperties.solidFill = colour
    series.graphicalProperties.line.solidFill = colour
    chart.legend = None
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.dataLabels = DataLabelList(
        showVal=True,
        showPercent=False,
        showCatName=False,
        showSerName=False,
        showLegendKey=False,
        showLeaderLines=False,
    )
    chart.dataLabels.numFmt = "0%"
    chart.gapWidth = 60
    chart.height = max(7.5, min(4 + 0.8 * (last - first), 30))
    chart.width = 18
    ws.add_chart(chart, f"{get_column_letter(len(table.columns) + 2)}2")


def progress_sheet(figures: PathsWorkbookFigures, writer: WorkbookWriter) -> None:
    """Completion per path and department, then per department over all paths (with a chart)."""
    rows, folded, withheld = _progress_rows(figures)
    table = writer.add_table_sheet(
        translate(PROGRESS_SHEET),
        _progress_columns(),
        rows,
        empty_message=_("Nobody follows a learning path yet. Assign a path first."),
    )
    if not rows:
        return
    sheet = SheetRows.below(table)
    everyone = [p for entry in figures.paths for p in entry.progress]
    found = progress_by_department(everyone, threshold=figures.threshold, today=figures.today)
    first, last = _departments_block(sheet, found)
    _notes(sheet, figures, folded or any(g.is_other for g in found.groups), withheld)
    _completion_chart(table, first, last)


# -- Progress by person (names) ---------------------------------------------------------------


def _people_columns(with_roles: bool) -> list[Column]:
    columns = [Column(_("Name")), Column(_("Department"))]
    if with_roles:
        columns.append(Column(_("Role")))
    columns += [
        Column(_("Path")),
        Column(_("Modules done"), "integer"),
        Column(_("Modules followed"), "integer"),
        Column(_("Hours done"), "decimal"),
        Column(_("Hours followed"), "decimal"),
        Column(_("Started on"), "date"),
        Column(_("Due on"), "date"),
        Column(_("Past due date")),
        Column(_("Last module done on"), "date"),
    ]
    return columns


def people_progress_sheet(figures: PathsWorkbookFigures, writer: WorkbookWriter) -> None:
    """One row per person and path they follow. Names people: only with ``names``."""
    roles = figures.roles
    lines: list[tuple[Any, ...]] = []
    for entry in figures.paths:
        hours = {line.module.key: line.module.hours for line in entry.modules}
        for person in entry.progress:
            done_hours, followed_hours = hours_of(person, hours)
            row: list[CellValue] = [person.display_name, person.department or None]
            if roles is not None:
                row.append(roles.get(person.person_id))
            row += [
                entry.row.name,
                person.done,
                person.modules,
                done_hours,
                followed_hours,
                person.starts_on,
                person.due_on,
                _("Yes") if is_overdue(person, figures.today) else None,
                last_completed(person),
            ]
            key = ((person.department or "").casefold(), person.display_name.casefold())
            lines.append((key, entry.row.name.casefold(), row))
    lines.sort(key=lambda line: (line[0], line[1]))
    writer.add_table_sheet(
        translate(PEOPLE_SHEET),
        _people_columns(roles is not None),
        [line[2] for line in lines],
        empty_message=_("Nobody follows a learning path yet. Assign a path first."),
    )
