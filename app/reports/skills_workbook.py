"""The skills survey in the leadership workbook: the gaps heatmap, readiness and, only when
the user asks for names, one row per person.

``skills_sheets_section(report, people)`` is a ``WorkbookSection`` bound to one survey, to
list beside the sections of any workbook (as ``maturity_sheets_section`` does). Every figure
comes from ``SkillsResultsService``: group figures already folded and withheld under the
anonymity threshold (a withheld figure is written as "–" and explained on the sheet); names
only from ``person_rows``, and only when ``people`` is given. The "Skills gaps" sheet is in
``skills_gaps_sheet``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from app.i18n import N_, _, translate
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.sheet_rows import LINE_HEIGHT, SheetRows, styled_cell
from app.reports.skills_gaps_sheet import WITHHELD, skills_gaps_sheet
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
from app.services.organisation import track_label
from app.skills.results import PersonSkills, SkillsReport
from db.models import Track

PEOPLE_SHEET = N_("Skills by person")
READINESS_SHEET = N_("Readiness")
WORKBOOK_TITLE = N_("AI skills survey")
REVERSE_MARK = "†"


@dataclass(frozen=True)
class SkillsWorkbookFigures:
    """One survey's figures for the workbook; ``people`` (named) only when asked for."""

    report: SkillsReport
    people: Sequence[PersonSkills] | None = None


def skills_key_figures(figures: SkillsWorkbookFigures) -> list[KeyFigure]:
    heatmap = figures.report.heatmap
    return [
        KeyFigure(_("Skills survey"), heatmap.campaign_name, "text"),
        KeyFigure(_("Skills survey opened on"), heatmap.opened_on, "date"),
        KeyFigure(_("People asked in the skills survey"), heatmap.people),
        KeyFigure(_("People rated in the skills survey"), heatmap.rated),
    ]


# -- Skills by person (names) -----------------------------------------------------------------


def _track(value: str) -> str:
    try:
        return track_label(Track(value))
    except ValueError:
        return value.replace("_", " ").capitalize()


def _people_columns(people: Sequence[PersonSkills]) -> list[Column]:
    columns = [
        Column(_("Name")),
        Column(_("Department")),
        Column(_("Role")),
        Column(_("Learning track")),
    ]
    for line in people[0].skills if people else []:
        columns += [
            Column(_("{skill}: self").format(skill=line.name), "integer"),
            Column(_("{skill}: manager").format(skill=line.name), "integer"),
            Column(_("{skill}: agreed").format(skill=line.name), "decimal"),
            Column(_("{skill}: target").format(skill=line.name), "integer"),
            Column(_("{skill}: gap").format(skill=line.name), "decimal"),
        ]
    columns += [
        Column(_("Mean level"), "decimal"),
        Column(_("Total gap"), "decimal"),
        Column(_("Self and manager 2+ levels apart")),
    ]
    return columns


def _person_row(person: PersonSkills) -> list[CellValue]:
    row: list[CellValue] = [
        person.display_name,
        person.department or _("No department"),
        person.role or _("No role"),
        _track(person.track),
    ]
    for line in person.skills:
        row += [line.self_level, line.manager_level, line.agreed, line.target, line.gap]
    apart = [line.name for line in person.skills if line.disagreement]
    row += [person.mean_level, person.total_gap, "; ".join(apart) or None]
    return row


def people_sheet(figures: SkillsWorkbookFigures, writer: WorkbookWriter) -> None:
    """One row per person asked: every skill's ratings, target and gap. Names people."""
    people = figures.people or []
    writer.add_table_sheet(
        translate(PEOPLE_SHEET),
        _people_columns(people),
        [_person_row(p) for p in people],
        empty_message=_("No one has been asked in this survey yet."),
    )


# -- Readiness --------------------------------------------------------------------------------


def _segment_columns(statement_width: float) -> list[Column]:
    return [
        Column(_("Department"), width=statement_width),
        Column(_("People"), "integer"),
        Column(_("Ready to lead"), "integer"),
        Column(_("Building"), "integer"),
        Column(_("Needs foundations"), "integer"),
        Column(_("Not rated yet"), "integer"),
        Column(_("Worried about AI"), "integer"),
    ]


def _segments_chart(sheet: TableSheet) -> None:
    """Stacked bars of the readiness groups per department, beside the table."""
    if not sheet.row_count:
        return
    ws = sheet.worksheet
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _("People in each readiness group")
    last = sheet.row_count + 1
    colours = (palette.SERIES[2], palette.PRIMARY, palette.ACCENT, palette.OTHER)
    for column, colour in zip(range(3, 7), colours, strict=True):
        chart.add_data(
            Reference(ws, min_col=column, min_row=1, max_row=last), titles_from_data=True
        )
        series = chart.series[-1]
        series.graphicalProperties.solidFill = palette.excel_colour(colour)
        series.graphicalProperties.line.solidFill = palette.excel_colour(colour)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None
    chart.gapWidth = 60
    chart.legend.position = "b"
    chart.height = max(7.5, min(4 + 0.8 * sheet.row_count, 30))
    chart.width = 18
    ws.add_chart(chart, f"{get_column_letter(len(sheet.columns) + 2)}2")


def _attitudes_block(sheet: SheetRows, report: SkillsReport) -> None:
    """Each statement's mean for everyone and per department, below the readiness table."""
    readiness = report.readiness
    sheet.blank()
    sheet.title_row(_("Attitude statements: mean agreement from 1 to 5, higher = better"))
    if readiness.answered == 0:
        sheet.note(_("No one has answered the attitude statements yet."), muted=True)
        return
    groups: list[str] = []
    for found in readiness.attitudes:
        if found.group not in groups:
            groups.append(found.group)
    sheet.header(_("Statement"), [_("Everyone"), *groups, _("People who answered")], upright=False)
    overall = {c.item: c for c in readiness.overall}
    by_cell = {(c.group, c.item): c for c in readiness.attitudes}
    top = Alignment(vertical="top")
    statement_width = float(sheet.ws.column_dimensions["A"].width or 30)

    def mean(found: Any) -> Any:
        if found is None:
            return None
        if found.suppressed:
            return styled_cell(
                sheet.ws, WITHHELD, alignment=Alignment(horizontal="right", vertical="top")
            )
        return styled_cell(sheet.ws, found.mean, number_format="0.0", alignment=top)

    for item in readiness.items:
        statement = f"{item.statement} {REVERSE_MARK}" if item.reverse else item.statement
        everyone = overall.get(item.key)
        lines = max(1, -(-len(statement) // max(int(statement_width), 10)))
        sheet.append(
            [styled_cell(sheet.ws, statement, alignment=Alignment(wrap_text=True, vertical="top"))]
            + [mean(everyone)]
            + [mean(by_cell.get((group, item.key))) for group in groups]
            + [styled_cell(sheet.ws, everyone.people if everyone else 0, alignment=top)],
            height=LINE_HEIGHT * lines,
        )
    sheet.note(
        _(
            "{mark} Agreeing is a worry, so the answers are turned round (5 counts as 1): here "
            "too higher = better. “{withheld}” withheld: fewer than {threshold} people answered."
        ).format(mark=REVERSE_MARK, withheld=WITHHELD, threshold=readiness.threshold),
        muted=True,
    )


def readiness_sheet(figures: SkillsWorkbookFigures, writer: WorkbookWriter) -> None:
    """Readiness groups per department (with a chart), then the attitude means."""
    report = figures.report
    readiness = report.readiness

    def count(value: int | None) -> CellValue:
        return WITHHELD if value is None else value

    rows: list[list[CellValue]] = [
        [
            s.group,
            s.people,
            count(s.ready_to_lead),
            count(s.building),
            count(s.needs_foundations),
            count(s.unknown),
            count(s.worried),
        ]
        for s in readiness.segments
    ]
    longest = max((len(item.statement) for item in readiness.items), default=30)
    table = writer.add_table_sheet(
        translate(READINESS_SHEET),
        _segment_columns(min(max(longest * 0.55, 30.0), 60.0)),
        rows,
        empty_message=_("No one has been asked in this survey yet."),
    )
    _segments_chart(table)
    sheet = SheetRows.below(table)
    if any(s.suppressed for s in readiness.segments):
        sheet.note(
            _("“{withheld}” withheld: fewer than {threshold} people were asked in all.").format(
                withheld=WITHHELD, threshold=readiness.threshold
            ),
            muted=True,
        )
    _attitudes_block(sheet, report)


def _row_count(figures: SkillsWorkbookFigures) -> int:
    report = figures.report
    return (
        len(report.heatmap.groups) * 2
        + len(report.readiness.segments)
        + len(report.readiness.items)
        + len(figures.people or [])
    )


def skills_sheets(figures: SkillsWorkbookFigures, writer: WorkbookWriter) -> None:
    """Skills gaps, Skills by person (only with names), Readiness."""
    skills_gaps_sheet(figures.report, writer)
    if figures.people is not None:
        people_sheet(figures, writer)
    readiness_sheet(figures, writer)


SKILLS_WORKBOOK_SECTION: WorkbookSection[SkillsWorkbookFigures] = WorkbookSection(
    N_("AI skills survey"),
    key_figures=skills_key_figures,
    sheets=skills_sheets,
    row_count=_row_count,
)


def skills_sheets_section(
    report: SkillsReport, people: Sequence[PersonSkills] | None = None
) -> WorkbookSection[Any]:
    """The skills section bound to one survey, to list beside any workbook's sections.
    ``people`` adds the named "Skills by person" sheet: pass it only when names were asked
    for."""
    figures = SkillsWorkbookFigures(report, people)

    def key_figures(_figures: Any) -> list[KeyFigure]:
        return skills_key_figures(figures)

    def sheets(_figures: Any, writer: WorkbookWriter) -> None:
        skills_sheets(figures, writer)

    def row_count(_figures: Any) -> int:
        return _row_count(figures)

    return WorkbookSection(
        SKILLS_WORKBOOK_SECTION.title,
        key_figures=key_figures,
        sheets=sheets,
        row_count=row_count,
    )


def skills_workbook_cover(
    report: SkillsReport, *, names: bool, generated_on: date | None = None
) -> WorkbookCover:
    """The top of the summary sheet of the skills-only workbook."""
    threshold = report.heatmap.threshold
    privacy = (
        _(
            "Privacy: the “Skills by person” sheet names people and their ratings. Keep this "
            "workbook confidential and share it only with those who need it."
        )
        if names
        else _("Privacy: this workbook contains no names.")
    )
    return WorkbookCover(
        title=translate(WORKBOOK_TITLE),
        organisation=report.organisation_name,
        generated_on=generated_on or date.today(),
        notes=(
            privacy,
            _(
                "Survey results for groups of fewer than {threshold} people are never shown on "
                "their own: they are combined into “Other” or withheld (“{withheld}”)."
            ).format(threshold=threshold, withheld=WITHHELD),
        ),
    )


def write_skills_workbook(
    report: SkillsReport,
    out: Path,
    *,
    people: Sequence[PersonSkills] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write a workbook with the Summary and the skills sheets of one survey to ``out``."""
    write_workbook(
        Path(out),
        cover=skills_workbook_cover(report, names=people is not None),
        figures=SkillsWorkbookFigures(report, people),
        sections=(SKILLS_WORKBOOK_SECTION,),
        progress=progress,
        cancel=cancel,
    )
