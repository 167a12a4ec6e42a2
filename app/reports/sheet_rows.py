"""Rows written by hand on a workbook sheet: notes and legends below a table, headings turned
upright, blocks made into Excel tables.

``WorkbookWriter.add_table_sheet`` writes one plain table per sheet; a report that needs more
on a sheet (a heatmap with upright headings, a legend, a second block) writes it with
``SheetRows``, with the same safeguards: text that looks like a formula stays text, and every
block of data is a filtered Excel table.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from app.reports import palette
from app.reports.workbook import (
    TABLE_STYLE,
    CellValue,
    TableSheet,
    WorkbookWriter,
    clean_text,
    needs_quote_prefix,
    safe_sheet_title,
    safe_table_name,
    unique_headers,
)

FONT = "Calibri"
"""The workbook's default font, named on styled cells (LibreOffice would otherwise pick a
serif one for them)."""
LINE_HEIGHT = 15.0
"""Points per line of wrapped text."""
UPRIGHT_HEADING_HEIGHT = 120.0
"""Points: room for a column name turned upright, on two lines."""


def workbook_font(**style: Any) -> Font:
    return Font(name=FONT, **style)


def solid_fill(colour: str) -> PatternFill:
    """A fill in one of the palette's colours ("#RRGGBB")."""
    return PatternFill("solid", fgColor=palette.excel_colour(colour))


def styled_cell(ws: Any, value: CellValue, **style: Any) -> Any:
    """A write-only cell with ``style`` (font, fill, alignment, number_format); text that
    looks like a formula is kept as text."""
    cell = WriteOnlyCell(ws)
    if isinstance(value, str):
        value = clean_text(value)
        cell.value = value
        if needs_quote_prefix(value):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


class SheetRows:
    """Appends rows to a write-only sheet, counting them, so heights and tables can be set."""

    def __init__(self, ws: Any, *, rows: int, columns: int, width: float) -> None:
        self.ws = ws
        self.title: str = ws.title
        self.rows = rows
        self.columns = columns
        self.width = width
        """The sheet's width in characters, to wrap notes across it."""

    @classmethod
    def new_sheet(cls, writer: WorkbookWriter, title: str, *, widths: Sequence[float]) -> SheetRows:
        """A new sheet after the writer's others, printed landscape one page wide, its first
        row and column frozen."""
        book = writer.workbook
        ws = book.create_sheet(title=safe_sheet_title(title, book.sheetnames))
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "B2"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_setup.orientation = "landscape"
        return cls(ws, rows=0, columns=len(widths), width=float(sum(widths)))

    @classmethod
    def below(cls, sheet: TableSheet) -> SheetRows:
        """Rows after a table written by ``add_table_sheet`` (or its empty message)."""
        ws = sheet.worksheet
        widths = [
            float(ws.column_dimensions[get_column_letter(i)].width or 10)
            for i in range(1, len(sheet.columns) + 1)
        ]
        return cls(ws, rows=1 + max(sheet.row_count, 1), columns=len(widths), width=sum(widths))

    def append(self, row: Sequence[Any], *, height: float | None = None) -> int:
        """Append a row (values or styled cells); returns its number."""
        self.rows += 1
        if height is not None:
            self.ws.row_dimensions[self.rows].height = height
        self.ws.append(list(row))
        return self.rows

    def blank(self) -> int:
        return self.append([])

    def title_row(self, text: str) -> int:
        """A block's title in bold, in the primary colour."""
        font = workbook_font(bold=True, color=palette.excel_colour(palette.PRIMARY))
        return self.append([styled_cell(self.ws, text, font=font)])

    def note(self, text: str, *, muted: bool = False) -> int:
        """Text across the sheet's columns, wrapped onto as many lines as it needs."""
        lines = max(1, -(-len(text) // max(int(self.width * 0.95), 20)))
        style: dict[str, Any] = {"alignment": Alignment(wrap_text=True, vertical="top")}
        if muted:
            style["font"] = workbook_font(italic=True, color=palette.excel_colour(palette.MUTED))
        row = self.append([styled_cell(self.ws, text, **style)], height=LINE_HEIGHT * lines)
        if self.columns > 1:
            self.ws.merged_cells.add(f"A{row}:{get_column_letter(self.columns)}{row}")
        return row

    def header(self, label: str, columns: Sequence[str], *, upright: bool = True) -> int:
        """A heading row in white on the primary colour: the label, then the column names
        (turned upright, or wrapped)."""
        band = solid_fill(palette.PRIMARY)
        white = workbook_font(bold=True, color="FFFFFF")
        turned = Alignment(
            text_rotation=90 if upright else 0,
            wrap_text=True,
            horizontal="center",
            vertical="bottom",
        )
        # The texts an Excel table's column names must match exactly.
        first, *names = unique_headers([label, *columns])
        cells = [styled_cell(self.ws, first, fill=band, font=white)]
        cells += [
            styled_cell(self.ws, name, fill=band, font=white, alignment=turned) for name in names
        ]
        return self.append(cells, height=UPRIGHT_HEADING_HEIGHT if upright else LINE_HEIGHT * 3)

    def add_table(self, headers: Sequence[str], first_row: int, last_row: int) -> None:
        """The block from ``first_row`` (its headings) to ``last_row`` as a filtered table."""
        if last_row <= first_row:
            return
        taken = [name for ws in self.ws.parent.worksheets for name in ws.tables]
        name = safe_table_name(f"{self.title} {first_row}", taken)
        ref = f"A{first_row}:{get_column_letter(len(headers))}{last_row}"
        table = Table(
            displayName=name,
            ref=ref,
            tableStyleInfo=TableStyleInfo(name=TABLE_STYLE, showRowStripes=False),
            autoFilter=AutoFilter(ref=ref),
            tableColumns=[
                TableColumn(id=i, name=h) for i, h in enumerate(unique_headers(headers), 1)
            ],
        )
        with warnings.catch_warnings():
            # openpyxl warns in write-only mode that columns must be given: they are.
            warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
            self.ws.add_table(table)
