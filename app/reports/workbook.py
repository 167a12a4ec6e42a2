"""The writer behind every Excel workbook the app hands to leadership.

A summary sheet first (title, organisation, date, key figures, a note on privacy), then one
sheet per data table as an Excel table with a frozen header, filters, number formats and
widths that fit the content, plus native charts over those tables. Streams rows (openpyxl
write-only mode) and reports progress per chunk. Text that starts like a formula is written
as text with Excel's quote prefix, so it is never evaluated. Saved atomically.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.series import DataPoint
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from app import __version__
from app.i18n import _
from app.progress import CancelToken, Progress, no_progress
from app.reports import palette
from app.reports.atomic import atomic_output

F = TypeVar("F")

ColumnKind = Literal["text", "integer", "decimal", "percent", "date"]
CellValue = str | int | float | date | datetime | None

NUMBER_FORMATS: dict[ColumnKind, str | None] = {
    "text": None,
    "integer": "#,##0",
    "decimal": "#,##0.0",
    "percent": "0%",
    "date": "yyyy-mm-dd",
}
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
"""First characters that make a spreadsheet treat typed text as a formula (OWASP CSV injection)."""

TABLE_STYLE = "TableStyleMedium2"
MAX_COLUMN_WIDTH = 60.0
MIN_COLUMN_WIDTH = 8.0
MAX_CELL_TEXT = 32_767
PROGRESS_CHUNK = 500
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {"history"}


@dataclass(frozen=True)
class Column:
    """A column of a data sheet: its header, what kind of value it holds, an optional width."""

    header: str
    kind: ColumnKind = "text"
    width: float | None = None


@dataclass(frozen=True)
class KeyFigure:
    """A label and value on the summary sheet."""

    label: str
    value: CellValue
    kind: ColumnKind = "integer"


@dataclass(frozen=True)
class WorkbookCover:
    """What the summary sheet says at its top."""

    title: str
    organisation: str
    generated_on: date
    notes: tuple[str, ...] = ()


@dataclass
class TableSheet:
    """A data sheet written by ``WorkbookWriter.add_table_sheet``; charts refer to it."""

    title: str
    worksheet: Any
    columns: tuple[Column, ...]
    row_count: int
    table_name: str | None


@dataclass(frozen=True)
class WorkbookSection(Generic[F]):
    """One part of a workbook: key figures for the summary and/or its own sheets.

    ``row_count`` lets the writer report progress over the whole workbook. ``title`` is
    English marked with ``N_()``: show it through ``app.i18n.translate``.
    """

    title: str
    key_figures: Callable[[F], Sequence[KeyFigure]] | None = None
    sheets: Callable[[F, WorkbookWriter], None] | None = None
    row_count: Callable[[F], int] | None = None


def safe_sheet_title(title: str, taken: Iterable[str] = ()) -> str:
    """A sheet name Excel accepts: no []:*?/\\, no edge apostrophes, ≤31 chars, unique."""
    clean = _INVALID_SHEET_CHARS.sub("-", ILLEGAL_CHARACTERS_RE.sub("", title)).strip().strip("'")
    clean = clean or _("Sheet")
    if clean.casefold() in _RESERVED_SHEET_NAMES:
        clean = _("{title} (data)").format(title=clean)
    used = {t.casefold() for t in taken}
    candidate, n = clean[:31], 2
    while candidate.casefold() in used:
        suffix = f" ({n})"
        candidate = clean[: 31 - len(suffix)].rstrip() + suffix
        n += 1
    return candidate


def safe_table_name(name: str, taken: Iterable[str] = ()) -> str:
    """An Excel table name: letters, digits, _ and ., starting with "tbl_", unique."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    clean = re.sub(r"[^A-Za-z0-9_.]", "_", ascii_name).strip("_") or "Data"
    clean = "tbl_" + clean[:200]
    used = {t.casefold() for t in taken}
    candidate, n = clean, 2
    while candidate.casefold() in used:
        candidate = f"{clean}_{n}"
        n += 1
    return candidate


def unique_headers(headers: Sequence[str]) -> list[str]:
    """Header texts as Excel tables need them: non-empty strings, unique ignoring case."""
    result: list[str] = []
    used: set[str] = set()
    for i, header in enumerate(headers, 1):
        text = " ".join(ILLEGAL_CHARACTERS_RE.sub("", str(header)).split()) or _(
            "Column {column}"
        ).format(column=i)
        candidate, n = text, 2
        while candidate.casefold() in used:
            candidate = f"{text} ({n})"
            n += 1
        used.add(candidate.casefold())
        result.append(candidate)
    return result


def clean_text(value: str) -> str:
    """Text with characters Excel cannot store removed, cut to Excel's cell limit."""
    if ILLEGAL_CHARACTERS_RE.search(value):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value[:MAX_CELL_TEXT]


def needs_quote_prefix(value: str) -> bool:
    """True for text a spreadsheet could take for a formula."""
    return value.startswith(FORMULA_TRIGGERS)


def _text_width(text: str) -> float:
    if text.isascii():
        return float(len(text))
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


_RISKY_LINE_START = re.compile(r"(?:^|\n)[=+\-@\t\r]")


@dataclass(frozen=True)
class _ColumnScan:
    """What one pass over a column found: how wide it is and whether any text needs care."""

    width: float
    needs_care: bool


def _scan_column(values: Sequence[CellValue], kind: ColumnKind) -> _ColumnScan:
    texts = [v for v in values if type(v) is str]
    needs_care = False
    width = 0.0
    if texts:
        joined = "\n".join(texts)
        # One regex pass over the whole column; only columns with a hit go cell by cell.
        needs_care = bool(
            ILLEGAL_CHARACTERS_RE.search(joined)
            or _RISKY_LINE_START.search(joined)
            or any(len(t) > MAX_CELL_TEXT for t in texts)
        )
        if joined.isascii():
            width = float(max(map(len, texts)))
        else:
            width = max(_text_width(t) for t in texts)
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    if numbers:
        biggest = max(abs(min(numbers)), abs(max(numbers)))
        if kind == "percent":
            shown = f"{biggest:.0%}"
        elif kind == "decimal":
            shown = f"-{biggest:,.1f}"
        elif kind == "integer":
            shown = f"-{biggest:,.0f}"
        else:
            shown = f"-{biggest}"
        width = max(width, float(len(shown)))
    if any(isinstance(v, date | datetime) for v in values):
        width = max(width, 10.0)
    return _ColumnScan(width=width, needs_care=needs_care)


class _DataSheet(WriteOnlyWorksheet):  # type: ignore[misc]
    """A write-only sheet that takes ready-made cells without openpyxl's exception round trip.

    openpyxl's write-only append first tries to store each value in a scratch cell and only
    on failure accepts a Cell; with number formats on every row that costs a raised error
    per formatted cell. Same output, about a tenth faster on big sheets.
    """

    def _values_to_row(self, values: Iterable[Any], row_idx: int) -> Iterator[Any]:
        scratch = WriteOnlyCell(self)
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, OpenpyxlCell):
                cell = value
            else:
                scratch.value = value
                cell = scratch
            cell.column = col_idx
            cell.row = row_idx
            if cell.hyperlink is not None:
                cell.hyperlink.ref = cell.coordinate
            yield cell
            if cell is scratch and (scratch.has_style or scratch.hyperlink):
                scratch = WriteOnlyCell(self)


def _data_labels(*, value: bool = False, percent: bool = False) -> DataLabelList:
    # Every flag is set: LibreOffice shows the category and series names when they are absent.
    return DataLabelList(
        showVal=value,
        showPercent=percent,
        showCatName=False,
        showSerName=False,
        showLegendKey=False,
        showLeaderLines=False,
    )


def _fit_to_page_width(ws: Any, *, landscape: bool = False) -> None:
    """Print the sheet one page wide, as many pages tall as needed."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.print_options.horizontalCentered = False


class WorkbookWriter:
    """Writes one workbook: the summary sheet first, then data sheets and charts."""

    def __init__(
        self,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        expected_rows: int = 0,
    ) -> None:
        self.workbook = Workbook(write_only=True)
        self.workbook.properties.creator = f"Upskill Planner {__version__}"
        self._progress = progress
        self._cancel = cancel
        self._expected = max(expected_rows, 0)
        self._done = 0
        self._summary: Any = None
        self._summary_chart_row = 4
        self._sheets: list[TableSheet] = []
        self._table_names: list[str] = []

    # -- summary -----------------------------------------------------------------------------

    def write_summary(self, cover: WorkbookCover, key_figures: Sequence[KeyFigure]) -> None:
        """Create the summary sheet (always the first sheet) with the figures given."""
        ws = self.workbook.create_sheet(title=_("Summary"))
        self._summary = ws
        ws.column_dimensions["A"].width = 36
        ws.column_dimensions["B"].width = 16
        ws.column_dimensions["C"].width = 4
        ws.sheet_view.showGridLines = False
        _fit_to_page_width(ws)

        def styled(value: CellValue, **style: Any) -> WriteOnlyCell:
            cell = self._cell(value)
            for name, setting in style.items():
                setattr(cell, name, setting)
            return cell

        primary = palette.excel_colour(palette.PRIMARY)
        muted = palette.excel_colour(palette.MUTED)
        ws.append([styled(cover.title, font=Font(bold=True, size=18, color=primary))])
        ws.append([styled(cover.organisation, font=Font(bold=True, size=13))])
        ws.append(
            [
                styled(_("Prepared on"), font=Font(color=muted)),
                styled(
                    cover.generated_on,
                    number_format="d mmmm yyyy",
                    alignment=Alignment(horizontal="left"),
                    font=Font(color=muted),
                ),
            ]
        )
        ws.append(
            [
                styled(_("Made with"), font=Font(color=muted)),
                styled(
                    _("Upskill Planner {version}").format(version=__version__),
                    font=Font(color=muted),
                ),
            ]
        )
        ws.append([])
        band = PatternFill("solid", fgColor=primary)
        white = Font(bold=True, color="FFFFFF")
        ws.append([styled(_("Key figures"), font=white, fill=band), styled(None, fill=band)])
        zebra = PatternFill("solid", fgColor=palette.excel_colour(palette.ZEBRA))
        for i, figure in enumerate(key_figures):
            fill = {"fill": zebra} if i % 2 else {}
            value_style: dict[str, Any] = {"font": Font(bold=True), **fill}
            number_format = NUMBER_FORMATS.get(figure.kind)
            if number_format:
                value_style["number_format"] = number_format
            ws.append([styled(figure.label, **fill), styled(figure.value, **value_style)])
        self._summary_chart_row = 7 + len(key_figures) + 1
        if cover.notes:
            ws.append([])
            ws.append([styled(_("About this workbook"), font=Font(bold=True, color=primary))])
            for note in cover.notes:
                ws.append([styled(note)])
            self._summary_chart_row += 2 + len(cover.notes) + 1

    # -- data sheets -------------------------------------------------------------------------

    def _cell(self, value: CellValue) -> WriteOnlyCell:
        """A summary cell; text that looks like a formula stays text."""
        cell = WriteOnlyCell(self._summary)
        if isinstance(value, str):
            value = clean_text(value)
            cell.value = value
            if needs_quote_prefix(value):
                cell.data_type = "s"
                cell.quotePrefix = True
        else:
            cell.value = value
        return cell

    def add_table_sheet(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[CellValue]],
        *,
        empty_message: str | None = None,
    ) -> TableSheet:
        """A sheet holding one Excel table of ``rows`` under ``columns``' headers.

        With no rows the sheet shows the headers and ``empty_message`` (by default "Nothing
        to show yet.") instead of a table (Excel refuses tables without data rows).
        """
        if empty_message is None:
            empty_message = _("Nothing to show yet.")
        if self._summary is None:
            raise RuntimeError("write_summary() must come first: the summary is the first sheet")
        sheet_title = safe_sheet_title(title, self.workbook.sheetnames)
        ws = _DataSheet(parent=self.workbook, title=sheet_title)
        self.workbook._add_sheet(ws)
        columns = tuple(columns)
        headers = unique_headers([c.header for c in columns])
        rows = rows if isinstance(rows, Sequence) else list(rows)
        width = len(columns)
        transposed = list(itertools.zip_longest(*rows)) if rows else []
        scans = [
            _scan_column(transposed[i] if i < len(transposed) else (), column.kind)
            for i, column in enumerate(columns)
        ]
        del transposed
        for i, (column, scan, header) in enumerate(zip(columns, scans, headers, strict=True)):
            fitted = max(scan.width, _text_width(header) + 3) + 2
            chosen = column.width or min(max(fitted, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH)
            ws.column_dimensions[get_column_letter(i + 1)].width = chosen
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        _fit_to_page_width(ws, landscape=width > 5)

        ws.append([self._text_cell(ws, h) for h in headers])
        convert = self._row_converter(ws, columns, scans)
        count = 0
        for row in rows:
            ws.append(convert(row))
            count += 1
            if count % PROGRESS_CHUNK == 0:
                self._advance(PROGRESS_CHUNK)
        self._advance(count % PROGRESS_CHUNK)

        table_name: str | None = None
        if count:
            table_name = safe_table_name(sheet_title, self._table_names)
            self._table_names.append(table_name)
            ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
            table = Table(
                displayName=table_name,
                ref=ref,
                tableStyleInfo=TableStyleInfo(name=TABLE_STYLE, showRowStripes=True),
                autoFilter=AutoFilter(ref=ref),
                tableColumns=[TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)],
            )
            with warnings.catch_warnings():
                # openpyxl warns in write-only mode that columns must be given: they are.
                warnings.filterwarnings("ignore", "In write-only mode", UserWarning)
                ws.add_table(table)
        else:
            message = WriteOnlyCell(ws, value=empty_message)
            message.font = Font(italic=True, color=palette.excel_colour(palette.MUTED))
            ws.append([message])
        sheet = TableSheet(sheet_title, ws, columns, count, table_name)
        self._sheets.append(sheet)
        return sheet

    def _text_cell(self, ws: Any, value: str) -> Any:
        text = clean_text(value)
        if not needs_quote_prefix(text):
            return text
        cell = WriteOnlyCell(ws, value=text)
        cell.data_type = "s"  # never a formula, whatever openpyxl guessed
        cell.quotePrefix = True  # and Excel keeps it text when someone edits the cell
        return cell

    def _row_converter(
        self, ws: Any, columns: tuple[Column, ...], scans: list[_ColumnScan]
    ) -> Callable[[Sequence[CellValue]], list[Any]]:
        """A function from a row of values to what ``ws.append`` takes, doing per cell only
        the work its column needs (plain clean text and unformatted values pass through)."""
        width = len(columns)
        templates: list[WriteOnlyCell | None] = []
        for column in columns:
            number_format = NUMBER_FORMATS[column.kind]
            template = None
            if number_format is not None:
                template = WriteOnlyCell(ws)
                template.number_format = number_format
            templates.append(template)
        careful = [scan.needs_care for scan in scans]
        if not any(careful) and all(t is None for t in templates):

            def plain(row: Sequence[CellValue]) -> list[Any]:
                return list(row[:width])

            return plain

        text_cell = self._text_cell
        plan = list(zip(templates, careful, strict=True))

        def convert(row: Sequence[CellValue]) -> list[Any]:
            out: list[Any] = []
            for value, (template, care) in zip(row, plan, strict=False):
                if type(value) is str:
                    out.append(text_cell(ws, value) if care else value)
                elif template is not None and value is not None and type(value) is not bool:
                    # One styled cell per column, reused: openpyxl writes it out at once.
                    template.value = value
                    out.append(template)
                else:
                    out.append(value)
            return out

        return convert

    def _advance(self, rows: int) -> None:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        self._done += rows
        total = max(self._expected, self._done)
        self._progress(self._done, total)

    # -- charts ------------------------------------------------------------------------------

    def add_bar_chart(
        self,
        source: TableSheet,
        *,
        title: str,
        category_column: int = 1,
        value_columns: Sequence[int] = (2,),
        on_summary: bool = False,
        horizontal: bool = True,
        colours: Sequence[str] = (palette.PRIMARY,),
    ) -> None:
        """A native bar chart over a table's columns (1-based), on its sheet or the summary."""
        if not source.row_count:
            return
        chart = BarChart()
        chart.type = "bar" if horizontal else "col"
        chart.title = title
        chart.style = 10
        chart.legend = None if len(value_columns) == 1 else chart.legend
        chart.y_axis.majorGridlines = None
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        if horizontal:
            chart.x_axis.scaling.orientation = "maxMin"  # first row at the top, as in the table
        last = source.row_count + 1
        for i, column in enumerate(value_columns):
            data = Reference(source.worksheet, min_col=column, min_row=1, max_row=last)
            chart.add_data(data, titles_from_data=True)
            series = chart.series[-1]
            colour = palette.excel_colour(colours[i % len(colours)])
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = colour
        chart.set_categories(
            Reference(source.worksheet, min_col=category_column, min_row=2, max_row=last)
        )
        chart.dataLabels = _data_labels(value=True)
        chart.gapWidth = 60
        chart.height = max(7.5, min(4 + 0.55 * source.row_count, 30))
        chart.width = 18
        self._place(chart, source, on_summary)

    def add_pie_chart(
        self,
        source: TableSheet,
        *,
        title: str,
        category_column: int = 1,
        value_column: int = 2,
        on_summary: bool = False,
        colours: Sequence[str] | None = None,
    ) -> None:
        """A native pie chart of one table column, slices coloured like the PDF."""
        if not source.row_count:
            return
        chart = PieChart()
        chart.title = title
        last = source.row_count + 1
        chart.add_data(
            Reference(source.worksheet, min_col=value_column, min_row=1, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(
            Reference(source.worksheet, min_col=category_column, min_row=2, max_row=last)
        )
        series = chart.series[0]
        for i in range(source.row_count):
            point = DataPoint(idx=i)
            colour = colours[i % len(colours)] if colours else palette.series_colour(i)
            point.graphicalProperties.solidFill = palette.excel_colour(colour)
            series.dPt.append(point)
        chart.dataLabels = _data_labels(percent=True)
        chart.height = 9
        chart.width = 14
        self._place(chart, source, on_summary)

    def _place(self, chart: Any, source: TableSheet, on_summary: bool) -> None:
        if on_summary:
            self._summary.add_chart(chart, f"A{self._summary_chart_row}")
            self._summary_chart_row += int(chart.height * 2) + 2
        else:
            column = get_column_letter(len(source.columns) + 2)
            source.worksheet.add_chart(chart, f"{column}2")

    # -- saving ------------------------------------------------------------------------------

    def discard(self) -> None:
        """Close every sheet's stream and remove its scratch file after a failed write."""
        for ws in self.workbook.worksheets:
            writer = getattr(ws, "_writer", None)
            if writer is None or ws.closed:
                continue
            with contextlib.suppress(Exception):
                ws.close()
            with contextlib.suppress(OSError, AttributeError, TypeError):
                os.remove(writer.out)

    def save(self, out: Path) -> None:
        """Write the workbook to ``out`` whole, or leave ``out`` untouched."""
        with atomic_output(out, what=_("workbook")) as temp:
            self.workbook.save(temp)
        self._progress(max(self._expected, self._done), max(self._expected, self._done))


def write_workbook(
    out: Path,
    *,
    cover: WorkbookCover,
    figures: F,
    sections: Sequence[WorkbookSection[F]],
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> None:
    """Write a workbook: the summary from every section's key figures, then their sheets."""
    expected = sum(section.row_count(figures) for section in sections if section.row_count)
    writer = WorkbookWriter(progress=progress, cancel=cancel, expected_rows=expected)
    progress(0, expected)
    key_figures: list[KeyFigure] = []
    for section in sections:
        if section.key_figures:
            key_figures.extend(section.key_figures(figures))
    try:
        writer.write_summary(cover, key_figures)
        for section in sections:
            if cancel is not None:
                cancel.raise_if_cancelled()
            if section.sheets:
                section.sheets(figures, writer)
        writer.save(Path(out))
    except BaseException:
        writer.discard()
        raise
