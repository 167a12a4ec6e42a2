"""The "Skills gaps" sheet: the skills heatmap as numbers Excel colours itself.

Department × skill mean gaps (from ``SkillsResultsService.report``, already folded and
withheld under the anonymity threshold) with a colour-scale rule on the same stops as the PDF,
a withheld figure as "–" on grey, a legend that says what both mean, and a second block with
how many people each figure rests on.
"""

from __future__ import annotations

from typing import Any

from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.i18n import N_, _, translate
from app.privacy import other_label
from app.reports import palette
from app.reports.heat_scale import DARK_TEXT_FROM, GAP_STOPS, WITHHELD_FILL, gap_colour
from app.reports.sheet_rows import SheetRows, solid_fill, styled_cell, workbook_font
from app.reports.workbook import CellValue, WorkbookWriter
from app.skills.results import SkillsReport

GAPS_SHEET = N_("Skills gaps")
WITHHELD = "–"
"""What a withheld figure reads as, in every skills sheet."""
SKILL_COLUMN_WIDTH = 9.0


def _gap_value(report: SkillsReport, group: str, key: str) -> CellValue:
    cell = report.heatmap.cell(group, key)
    if cell is None:
        return None
    if cell.suppressed:
        return WITHHELD
    return cell.mean_gap


def heat_rules(ws: Any, cells: str, first: str) -> None:
    """The heatmap as conditional formats over ``cells`` (``first`` is its top-left cell):
    grey for withheld text, the colour scale for numbers, white figures on the darkest."""
    ws.conditional_formatting.add(
        cells,
        FormulaRule(
            formula=[f"ISTEXT({first})"],
            fill=solid_fill(WITHHELD_FILL),
            font=Font(color=palette.excel_colour(palette.MUTED)),
            stopIfTrue=True,
        ),
    )
    (low, low_colour), (mid, mid_colour), (high, high_colour) = GAP_STOPS
    ws.conditional_formatting.add(
        cells,
        ColorScaleRule(
            start_type="num",
            start_value=low,
            start_color=palette.excel_colour(low_colour),
            mid_type="num",
            mid_value=mid,
            mid_color=palette.excel_colour(mid_colour),
            end_type="num",
            end_value=high,
            end_color=palette.excel_colour(high_colour),
        ),
    )
    ws.conditional_formatting.add(
        cells,
        FormulaRule(
            formula=[f"AND(ISNUMBER({first}),{first}>={DARK_TEXT_FROM})"],
            font=Font(color="FFFFFF", bold=True),
        ),
    )


def _legend(sheet: SheetRows, report: SkillsReport) -> None:
    threshold = report.heatmap.threshold
    sheet.blank()
    sheet.title_row(_("How to read this sheet"))
    sheet.note(
        _(
            "Each figure is the mean gap between the level people in a department have reached "
            "in a skill and the target level for their role: 0 is no gap, 4 is four levels "
            "below the target. The darker the cell, the larger the gap."
        )
    )
    sheet.note(
        _(
            "“{mark}” withheld: fewer than {threshold} people in the group were rated on the "
            "skill (or a second figure is withheld so that the first cannot be worked out)."
        ).format(mark=WITHHELD, threshold=threshold)
    )
    sheet.note(_("An empty cell: no one in the group has been rated on the skill yet."))
    sheet.note(
        _(
            "“{other}” combines the departments of fewer than {threshold} people (and, where "
            "that is still too few, the next smallest)."
        ).format(other=other_label(threshold), threshold=threshold)
    )
    centred = Alignment(horizontal="center")
    scale = [styled_cell(sheet.ws, _("Mean gap"))]
    for level in range(int(GAP_STOPS[-1][0]) + 1):
        ink = "FFFFFF" if level >= DARK_TEXT_FROM else palette.excel_colour(palette.INK)
        scale.append(
            styled_cell(
                sheet.ws,
                level,
                fill=solid_fill(gap_colour(float(level))),
                font=workbook_font(color=ink),
                alignment=centred,
            )
        )
    scale.append(
        styled_cell(
            sheet.ws,
            WITHHELD,
            fill=solid_fill(WITHHELD_FILL),
            font=workbook_font(color=palette.excel_colour(palette.MUTED)),
            alignment=centred,
        )
    )
    sheet.append(scale)


def _people_block(sheet: SheetRows, report: SkillsReport) -> None:
    """How many people each figure rests on (a count names no one, even when withheld)."""
    heatmap = report.heatmap
    names = [name for _key, name in heatmap.skills]
    sheet.blank()
    sheet.title_row(_("People rated, per department and skill"))
    first = sheet.header(_("Department"), names)
    last = first
    for group in heatmap.groups:
        row: list[Any] = [styled_cell(sheet.ws, group)]
        for key, _name in heatmap.skills:
            cell = heatmap.cell(group, key)
            row.append(cell.people if cell is not None else 0)
        last = sheet.append(row)
    sheet.add_table([_("Department"), *names], first, last)


def skills_gaps_sheet(report: SkillsReport, writer: WorkbookWriter) -> str:
    """Write the sheet; returns its title."""
    heatmap = report.heatmap
    names = [name for _key, name in heatmap.skills]
    longest = max((len(group) for group in heatmap.groups), default=12)
    label_width = min(max(longest + 2.0, 14.0), 50.0)
    sheet = SheetRows.new_sheet(
        writer, translate(GAPS_SHEET), widths=[label_width] + [SKILL_COLUMN_WIDTH] * len(names)
    )
    first = sheet.header(_("Department"), names)
    if not heatmap.rated:
        sheet.note(
            _(
                "No one has been rated in the skills survey yet. Enter ratings in the Skills "
                "area; the gaps will appear here."
            ),
            muted=True,
        )
        return sheet.title
    last = first
    centred = Alignment(horizontal="center")
    for group in heatmap.groups:
        row: list[Any] = [styled_cell(sheet.ws, group)]
        for key, _name in heatmap.skills:
            value = _gap_value(report, group, key)
            if isinstance(value, float):
                row.append(styled_cell(sheet.ws, value, number_format="0.0"))
            elif value == WITHHELD:
                row.append(styled_cell(sheet.ws, WITHHELD, alignment=centred))
            else:
                row.append(None)
        last = sheet.append(row)
    sheet.add_table([_("Department"), *names], first, last)
    corner = f"B{first + 1}"
    heat_rules(sheet.ws, f"{corner}:{get_column_letter(len(names) + 1)}{last}", corner)
    _legend(sheet, report)
    _people_block(sheet, report)
    return sheet.title
