"""A block of rows as an Excel table with long texts wrapped, for the "Pilots" and
"Objectives" sheets.

``WorkbookWriter.add_table_sheet`` writes one-line cells; the pilot and objective sheets end
each row with a sentence a leader reads, so their tables are written here with that column
wrapped and each row as tall as its text, with the same safeguards (``styled_cell`` keeps
formula-looking text as text; ``SheetRows.add_table`` makes the block a filtered table).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from openpyxl.styles import Alignment

from app.reports import palette
from app.reports.sheet_rows import (
    LINE_HEIGHT,
    SheetRows,
    solid_fill,
    styled_cell,
    workbook_font,
)
from app.reports.workbook import CellValue, WorkbookWriter, unique_headers

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class BlockColumn:
    """A column of a wrapped table: header, width in characters, how values show."""

    header: str
    width: float
    number_format: str | None = None
    wrap: bool = False
    align: Align = "left"


TEXT_PER_WIDTH = 1.15
"""Characters of ordinary text that fit in one unit of column width (widths count digits,
which are wider than most letters)."""
CM_PER_POINT = 2.54 / 72


@dataclass(frozen=True)
class WrittenTable:
    """Where a table went: its header row, its last row, and each row's height in points."""

    first: int
    last: int
    heights: tuple[float, ...]
    """Header first, then one per data row."""

    def row_after(self, row: int, centimetres: float) -> int:
        """The first row at least ``centimetres`` below the top of ``row`` (rows past the
        table have the default height): where the next chart may start."""
        needed = centimetres / CM_PER_POINT
        current = row
        while needed > 0:
            index = current - self.first
            needed -= self.heights[index] if 0 <= index < len(self.heights) else LINE_HEIGHT
            current += 1
        return current


def wrapped_lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide."""
    width *= TEXT_PER_WIDTH
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 1:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def table_sheet(writer: WorkbookWriter, title: str, columns: Sequence[BlockColumn]) -> SheetRows:
    """A new sheet sized for ``columns``, printed landscape one page wide, whose first row
    (the table's header, written next) stays in view and on every printed page."""
    sheet = SheetRows.new_sheet(writer, title, widths=[column.width for column in columns])
    sheet.ws.print_title_rows = "1:1"
    return sheet


def write_table(
    sheet: SheetRows,
    columns: Sequence[BlockColumn],
    rows: Iterable[Sequence[CellValue]],
) -> WrittenTable:
    """A header in white on the primary colour, then the rows; the block becomes an Excel
    table when it has rows."""
    headers = unique_headers([column.header for column in columns])
    band = solid_fill(palette.PRIMARY)
    white = workbook_font(bold=True, color="FFFFFF")
    header_lines = max(wrapped_lines(h, c.width) for h, c in zip(headers, columns, strict=True))
    heights = [LINE_HEIGHT * header_lines]
    first = sheet.append(
        [
            styled_cell(
                sheet.ws,
                text,
                fill=band,
                font=white,
                alignment=Alignment(horizontal=column.align, vertical="bottom", wrap_text=True),
            )
            for text, column in zip(headers, columns, strict=True)
        ],
        height=heights[0],
    )
    last = first
    for row in rows:
        cells = []
        lines = 1
        for value, column in zip(row, columns, strict=True):
            style: dict[str, object] = {
                "alignment": Alignment(
                    horizontal=column.align, vertical="top", wrap_text=column.wrap
                )
            }
            if column.number_format and value is not None and not isinstance(value, str):
                style["number_format"] = column.number_format
            if column.wrap and isinstance(value, str):
                lines = max(lines, wrapped_lines(value, column.width))
            cells.append(styled_cell(sheet.ws, value, **style))
        last = sheet.append(cells, height=LINE_HEIGHT * lines if lines > 1 else None)
        heights.append(LINE_HEIGHT * lines)
    sheet.add_table(headers, first, last)
    return WrittenTable(first, last, tuple(heights))
