"""Read one sheet of an .xlsx workbook into a RosterTable, safely and in bounded time.

openpyxl is used in read-only mode with cached formula values (``data_only``). Before
reading, the sheet's XML is scanned once with a byte-level regular expression (streamed,
bounded memory) for three things read-only openpyxl can't give cheaply:

- the last row that holds any value: reading stops there, so a sheet claiming
  ``A1:XFD1048576`` with millions of styled empty cells (calamine issue 174) reads in
  well under a second instead of minutes;
- hidden rows: they are skipped, and a note says which (filtered-out rows in Excel are
  hidden rows; the user sees them as not being there);
- merged cells: a value merged down over several data rows is copied into each of those
  rows (a department merged over its people); across columns the value stays in the
  first column only.

Excel error values (``#N/A``, ``#REF!``, ...) become empty with a warning. Numbers
stored as text stay text. Dates use the workbook's own date system (1900 or 1904).
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import time, timedelta
from pathlib import Path
from typing import Any

from app.errors import Cancelled
from app.i18n import N_, _, ngettext, translate
from app.progress import CancelToken, Progress
from app.roster._table import (
    HEADER_SCAN_ROWS,
    HeaderGuess,
    RawRow,
    TableParts,
    assemble_table,
    column_letter,
    find_header,
    headers_for,
)
from app.roster.model import Cell, Problem, RosterFileError, RosterTable, SheetChoice
from app.roster.values import EXCEL_ERRORS, cell_text

MAX_COLUMNS = 1_000
"""Columns read per row. Wider sheets are read up to here (no roster is that wide)."""
EXTRA_COLUMNS = 50
"""Columns read beyond the header's last one, to warn about values with no header."""
MAX_DATA_ROWS = 200_000
MAX_SHEET_XML_BYTES = 400 * 1024 * 1024
_PEEK_ROWS = 40
_PEEK_COLUMNS = 200

DAMAGED = N_(
    "The file is damaged and can't be read as an Excel workbook. If you have it open in "
    "Excel, save a new copy (File > Save As > Excel Workbook); otherwise export it again "
    "from your HR system, and import again."
)
PASSWORD = N_(
    "This workbook is password-protected. Open it in Excel, remove the password "
    "(File > Info > Protect Workbook), save it, and import again."
)
STRICT = N_(
    "This workbook is saved as 'Strict Open XML Spreadsheet', which can't be imported. "
    "Open it in Excel and save it as 'Excel Workbook (*.xlsx)', then import again."
)


@dataclass
class SheetScan:
    """What the byte-level scan of one sheet's XML found."""

    last_value_row: int = 0
    hidden_rows: set[int] = field(default_factory=set)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(min_col, min_row, max_col, max_row), 1-based."""


_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(row|v|is|mergeCell)(?=[\s/>])([^>]*)>")
_ROW_NUMBER = re.compile(rb'(?:^|\s)r\s*=\s*["\'](\d+)["\']')
_HIDDEN = re.compile(rb'(?:^|\s)hidden\s*=\s*["\'](?:1|true)["\']')
_REF = re.compile(
    rb'(?:^|\s)ref\s*=\s*["\']\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?'
)


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + (char - 64)
    return number


def scan_sheet_xml(archive: zipfile.ZipFile, member: str, cancel: CancelToken | None) -> SheetScan:
    """Stream the sheet XML once (chunks of 4 MB) and collect a SheetScan."""
    info = archive.getinfo(member)
    if info.file_size > MAX_SHEET_XML_BYTES:
        raise RosterFileError(
            _(
                "This sheet is too large to import (more than {megabytes} MB of cell data). "
                "Copy the roster columns to a new workbook, or export them as CSV, and import "
                "that."
            ).format(megabytes=MAX_SHEET_XML_BYTES // (1024 * 1024))
        )
    scan = SheetScan()
    current_row = 0
    carry = b""
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(4 * 1024 * 1024)
            if cancel is not None:
                cancel.raise_if_cancelled()
            buffer = carry + chunk
            if chunk:
                cut = buffer.rfind(b"<")
                if cut == -1:
                    cut = len(buffer)
                body, carry = buffer[:cut], buffer[cut:]
            else:
                body, carry = buffer, b""
            for match in _TAG.finditer(body):
                tag, attrs = match.group(1), match.group(2)
                if tag == b"row":
                    number = _ROW_NUMBER.search(attrs)
                    current_row = int(number.group(1)) if number else current_row + 1
                    if _HIDDEN.search(attrs):
                        scan.hidden_rows.add(current_row)
                elif tag == b"mergeCell":
                    ref = _REF.search(attrs)
                    if ref:
                        c1, r1 = _column_number(ref.group(1)), int(ref.group(2))
                        c2 = _column_number(ref.group(3)) if ref.group(3) else c1
                        r2 = int(ref.group(4)) if ref.group(4) else r1
                        scan.merges.append((min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)))
                elif not attrs.rstrip().endswith(b"/"):
                    scan.last_value_row = max(scan.last_value_row, current_row)
            if not chunk:
                break
    return scan


@contextmanager
def open_workbook(path: Path) -> Iterator[Any]:
    """Open a workbook read-only, turning every library failure into a RosterFileError."""
    import openpyxl

    with path.open("rb") as handle:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                workbook = openpyxl.load_workbook(
                    handle, read_only=True, data_only=True, keep_links=False
                )
        except (RosterFileError, Cancelled):
            raise
        except Exception as exc:
            raise RosterFileError(
                translate(DAMAGED), details=[f"{type(exc).__name__}: {exc}"]
            ) from exc
        try:
            if not workbook.sheetnames:
                raise RosterFileError(_no_sheets_message(path))
            yield workbook
        finally:
            workbook.close()


def _no_sheets_message(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            workbook_xml = next((n for n in names if n.endswith("workbook.xml")), None)
            head = archive.read(workbook_xml)[:4000] if workbook_xml else b""
    except Exception:  # the message is the same whatever went wrong here
        head = b""
    if b"purl.oclc.org/ooxml" in head or b'conformance="strict"' in head:
        return translate(STRICT)
    return _(
        "The workbook has no sheets that can be read. Open it in Excel, check it shows your "
        "roster, save it as 'Excel Workbook (*.xlsx)' and import again."
    )


def _sheet_kind(workbook: Any, name: str) -> tuple[Any, bool]:
    """(sheet object, is_worksheet)."""
    sheet = workbook[name]
    return sheet, hasattr(sheet, "iter_rows")


def _convert(value: Any) -> Cell:
    """openpyxl value -> Cell: trimmed text, None for empty; times/durations as text."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, time | timedelta):
        return cell_text(value) if isinstance(value, time) else str(value)
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, int | float | bool) or hasattr(value, "year"):
        return value  # type: ignore[no-any-return]
    return str(value)


def _peek_rows(sheet: Any) -> list[RawRow]:
    rows: list[RawRow] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, values in enumerate(
            sheet.iter_rows(max_row=_PEEK_ROWS, max_col=_PEEK_COLUMNS, values_only=True),
            start=1,
        ):
            cells = [None if _is_error(v) else _convert(v) for v in values]
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                rows.append(RawRow(number=number, cells=cells))
    return rows


def _is_error(value: Any) -> bool:
    return isinstance(value, str) and value.strip() in EXCEL_ERRORS


def list_xlsx_sheets(path: Path) -> list[SheetChoice]:
    """Every sheet with whether it is visible and whether it looks like a roster."""
    with open_workbook(path) as workbook:
        return _sheet_choices(workbook)


def _sheet_choices(workbook: Any) -> list[SheetChoice]:
    choices: list[SheetChoice] = []
    for name in workbook.sheetnames:
        sheet, is_worksheet = _sheet_kind(workbook, name)
        state = getattr(sheet, "sheet_state", "visible")
        visible = state == "visible"
        if not is_worksheet:
            choices.append(SheetChoice(name, visible, False, _("chart sheet (no table)")))
            continue
        try:
            rows = _peek_rows(sheet)
        except (RosterFileError, Cancelled):
            raise
        except Exception as exc:
            raise RosterFileError(
                translate(DAMAGED), details=[f"{type(exc).__name__}: {exc}"]
            ) from exc
        hidden_note = _("very hidden sheet") if state == "veryHidden" else _("hidden sheet")
        if not rows:
            note = _("empty")
            roster = False
        else:
            guess = find_header(rows)
            has_data = guess is not None and guess.index + 1 < len(rows)
            roster = bool(guess and guess.clear and guess.identifying and has_data)
            if roster:
                note = ""
            elif not has_data:
                note = _("no rows of data")
            else:
                note = _("no name, employee number or e-mail column recognised")
        if not visible:
            if note:
                # Translators: a sheet's notes in the sheet picker, e.g. "hidden sheet, empty".
                note = _("{hidden}, {note}").format(hidden=hidden_note, note=note)
            else:
                note = hidden_note
        choices.append(SheetChoice(name, visible, roster, note))
    return choices


def default_xlsx_sheet(choices: list[SheetChoice]) -> str | None:
    """First visible roster-like sheet, else first visible sheet with data, else None."""
    for choice in choices:
        if choice.visible and choice.looks_like_roster:
            return choice.name
    for choice in choices:
        if choice.visible and choice.note not in (_("empty"), _("chart sheet (no table)")):
            return choice.name
    return None


def read_xlsx(
    path: Path,
    sheet_name: str | None,
    *,
    progress: Progress,
    cancel: CancelToken | None,
) -> RosterTable:
    """Read one worksheet (the default one when ``sheet_name`` is None)."""
    # The workbook is opened once: openpyxl parses a whole sheet on open when the file has
    # no <dimension>, so opening it again for the sheet list would double the reading time.
    with open_workbook(path) as workbook:
        sheet_name, notes = _choose_sheet(workbook, sheet_name)
        return _read_chosen_sheet(path, workbook, sheet_name, notes, progress, cancel)


def _choose_sheet(workbook: Any, sheet_name: str | None) -> tuple[str, list[str]]:
    notes: list[str] = []
    if sheet_name is None:
        choices = _sheet_choices(workbook)
        sheet_name = default_xlsx_sheet(choices)
        if sheet_name is None:
            visible = [c for c in choices if c.visible]
            if len(choices) == 1:
                message = _(
                    "The workbook has no data: its only sheet, '{sheet}', is empty. Check that "
                    "you picked the right file, or export the roster again."
                )
            elif len(visible) < len(choices):
                message = ngettext(
                    "The workbook has no data: none of its {n} sheet has a table (some are "
                    "hidden or charts). Check that you picked the right file, or export the "
                    "roster again.",
                    "The workbook has no data: none of its {n} sheets has a table (some are "
                    "hidden or charts). Check that you picked the right file, or export the "
                    "roster again.",
                    len(choices),
                )
            else:
                message = ngettext(
                    "The workbook has no data: none of its {n} sheet has a table. Check that "
                    "you picked the right file, or export the roster again.",
                    "The workbook has no data: none of its {n} sheets has a table. Check that "
                    "you picked the right file, or export the roster again.",
                    len(choices),
                )
            raise RosterFileError(message.format(sheet=choices[0].name, n=len(choices)))
        skipped = [c.name for c in choices if c.name != sheet_name][:5]
        if len(choices) > 1:
            notes.append(
                ngettext(
                    "Read the sheet '{sheet}' (the workbook has {n} sheet; "
                    "pick another one if this is not the roster).",
                    "Read the sheet '{sheet}' (the workbook has {n} sheets; "
                    "pick another one if this is not the roster).",
                    len(choices),
                ).format(sheet=sheet_name, n=len(choices))
                if skipped
                else _("Read the sheet '{sheet}'.").format(sheet=sheet_name)
            )
    return sheet_name, notes


def _read_chosen_sheet(
    path: Path,
    workbook: Any,
    sheet_name: str,
    notes: list[str],
    progress: Progress,
    cancel: CancelToken | None,
) -> RosterTable:
    if sheet_name not in workbook.sheetnames:
        sheets = ", ".join(f"'{n}'" for n in workbook.sheetnames[:20])
        if len(workbook.sheetnames) > 20:
            sheets += "…"
        raise RosterFileError(
            _("The workbook has no sheet called '{sheet}'. Its sheets are: {sheets}.").format(
                sheet=sheet_name, sheets=sheets
            )
        )
    sheet, is_worksheet = _sheet_kind(workbook, sheet_name)
    if not is_worksheet:
        raise RosterFileError(
            _("'{sheet}' is a chart sheet, not a table. Pick the sheet with the roster.").format(
                sheet=sheet_name
            )
        )
    try:
        return _read_sheet(path, workbook, sheet, sheet_name, notes, progress, cancel)
    except (RosterFileError, Cancelled):
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise RosterFileError(translate(DAMAGED), details=[f"{type(exc).__name__}: {exc}"]) from exc
    except MemoryError as exc:
        raise RosterFileError(
            _(
                "This sheet is too large to import on this computer. Export only the roster "
                "columns as CSV and import that."
            )
        ) from exc
    except Exception as exc:
        raise RosterFileError(translate(DAMAGED), details=[f"{type(exc).__name__}: {exc}"]) from exc


def _read_sheet(
    path: Path,
    workbook: Any,
    sheet: Any,
    sheet_name: str,
    notes: list[str],
    progress: Progress,
    cancel: CancelToken | None,
) -> RosterTable:
    member = getattr(sheet, "_worksheet_path", None)
    scan = SheetScan()
    scanned = False
    if isinstance(member, str):
        with zipfile.ZipFile(path) as archive:
            scan = scan_sheet_xml(archive, member.lstrip("/"), cancel)
            scanned = True
    date_1904 = getattr(workbook, "epoch", None) is not None and workbook.epoch.year == 1904
    if date_1904:
        notes.append(_("Dates were read in the 1904 date system (as the workbook says)."))
    if scanned and scan.last_value_row == 0:
        raise RosterFileError(
            _(
                "The sheet '{sheet}' has no data: it is empty. "
                "Pick the sheet that holds the roster."
            ).format(sheet=sheet_name)
        )
    max_row = scan.last_value_row if scanned else None
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # trust the cells, not a possibly wrong <dimension>
    total = max_row or 0
    rows: list[RawRow] = []
    errors: list[tuple[int, int, str]] = []
    hidden_with_data: list[int] = []
    trimmed = 0
    number = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # No max_col: openpyxl would pad every row to that width, and this loop would then
        # look at 1,000 values per row. Rows come back as wide as their last cell; cut them.
        iterator = sheet.iter_rows(max_row=max_row, values_only=True)
        gap_row: object = None
        for values in iterator:
            number += 1
            if number % 500 == 0:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                progress(number, total)
            if values is gap_row:
                continue  # openpyxl fills missing rows with one shared empty tuple
            if len(values) > MAX_COLUMNS:
                values = values[:MAX_COLUMNS]
            cells: list[Cell] = []
            for column, value in enumerate(values):
                if isinstance(value, str):
                    stripped = value.strip()
                    if stripped in EXCEL_ERRORS:
                        errors.append((number, column, stripped))
                        cells.append(None)
                        continue
                    if stripped != value and stripped:
                        trimmed += 1
                cells.append(_convert(value))
            while cells and cells[-1] is None:
                cells.pop()
            if not cells:
                if not any(v is not None for v in values):
                    gap_row = values
                continue
            if number in scan.hidden_rows:
                hidden_with_data.append(number)
                continue
            rows.append(RawRow(number=number, cells=cells))
            if len(rows) > MAX_DATA_ROWS + HEADER_SCAN_ROWS:
                raise RosterFileError(
                    _(
                        "The sheet '{sheet}' has more than {limit:,} rows, which is more than a "
                        "roster import can take. Split the file and import it in parts."
                    ).format(sheet=sheet_name, limit=MAX_DATA_ROWS)
                )
    progress(total or number, total or number)

    header = find_header(rows)
    if header is not None:
        _fill_merges(rows, header, scan, notes)
    if hidden_with_data:
        shown = ", ".join(str(n) for n in hidden_with_data[:10])
        more = "…" if len(hidden_with_data) > 10 else ""
        count = len(hidden_with_data)
        notes.append(
            ngettext(
                "{n} hidden row was skipped (row {rows}). Unhide them in Excel and import "
                "again if those people should be included.",
                "{n} hidden rows were skipped (rows {rows}). Unhide them in Excel and import "
                "again if those people should be included.",
                count,
            ).format(n=count, rows=shown + more)
        )
    elif not scanned:
        notes.append(_("Hidden rows could not be detected in this workbook; all rows were read."))
    if trimmed:
        notes.append(
            ngettext(
                "Spaces at the start or end of {n} value were removed.",
                "Spaces at the start or end of {n} values were removed.",
                trimmed,
            ).format(n=trimmed)
        )
    problems: list[Problem] = []
    if header is not None and rows:
        headers = headers_for(rows, header, "row")
        for row_number, column, code in errors:
            name = (
                headers[column]
                if column < len(headers)
                else _("Column {column}").format(column=column_letter(column))
            )
            problems.append(
                Problem(
                    row=row_number,
                    column=name,
                    message=_(
                        "Row {row}, {column}: the cell shows the Excel error {code}; "
                        "it was read as empty. Fix the formula in Excel if the value matters."
                    ).format(row=row_number, column=name, code=code),
                    value=code,
                    severity="warning",
                )
            )
        width = len(headers)
        if width and width + EXTRA_COLUMNS < MAX_COLUMNS:
            limit = width + EXTRA_COLUMNS
            for raw in rows:
                del raw.cells[limit:]
    return assemble_table(
        TableParts(
            source_name=path.name,
            sheet=sheet_name,
            rows=rows,
            notes=notes,
            problems=problems,
            date_1904=date_1904,
            unit="row",
        ),
        header,
    )


def _fill_merges(
    rows: list[RawRow], header: HeaderGuess, scan: SheetScan, notes: list[str]
) -> None:
    """Copy a value merged down over data rows into each of those rows (first column)."""
    if not scan.merges or not rows:
        return
    header_number = rows[header.index].number
    by_number = {raw.number: raw for raw in rows[header.index + 1 :]}
    filled = 0
    ignored = 0
    for min_col, min_row, _max_col, max_row in scan.merges:
        if min_row <= header_number:
            continue
        top = by_number.get(min_row)
        if max_row == min_row or top is None:
            ignored += 1
            continue
        index = min_col - 1
        value = top.cells[index] if index < len(top.cells) else None
        if value is None:
            continue
        for number in range(min_row + 1, max_row + 1):
            raw = by_number.get(number)
            if raw is None:
                continue
            if index >= len(raw.cells):
                raw.cells.extend([None] * (index + 1 - len(raw.cells)))
            if raw.cells[index] is None:
                raw.cells[index] = value
                filled += 1
    if filled:
        notes.append(
            ngettext(
                "Merged cells: a value merged down over several rows was copied into each of "
                "those rows ({n} cell); values merged across columns stay in the first column "
                "only.",
                "Merged cells: a value merged down over several rows was copied into each of "
                "those rows ({n} cells); values merged across columns stay in the first column "
                "only.",
                filled,
            ).format(n=filled)
        )
    elif ignored:
        notes.append(
            _("Merged cells: values merged across columns were read from the first column only.")
        )
