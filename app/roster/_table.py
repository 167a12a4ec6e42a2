"""Shared by the CSV and xlsx readers: find the header row and build a RosterTable."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import _, ngettext
from app.roster.mapping import guess_mapping
from app.roster.model import Cell, Problem, RosterField, RosterFileError, RosterTable, SourceRow
from app.roster.values import cell_text, clean_header, looks_like_header_text

HEADER_SCAN_ROWS = 30
"""The header is looked for among the first this many non-empty rows."""


@dataclass
class RawRow:
    """A non-empty row as read, before the header is known."""

    number: int
    cells: list[Cell]
    field_count: int | None = None
    """CSV only: how many fields the line really had (for ragged-line warnings)."""


@dataclass
class HeaderGuess:
    index: int
    """Index of the header in the list of raw rows."""
    clear: bool
    """False when no row looked like a header and the first row was used."""
    identifying: bool = False
    """True when the header names a column that identifies a person."""
    known: int = 0


@dataclass
class TableParts:
    """What a reader collected, handed to :func:`assemble_table`."""

    source_name: str
    sheet: str | None
    rows: list[RawRow]
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    date_1904: bool = False
    unit: str = "row"
    """"row" for spreadsheets, "line" for text files: how the user finds a row."""


def _non_empty(cells: list[Cell]) -> list[Cell]:
    return [c for c in cells if c is not None and not (isinstance(c, str) and not c.strip())]


def find_header(rows: list[RawRow]) -> HeaderGuess | None:
    """Pick the header among the first non-empty rows.

    A header row has only text cells (no numbers, dates or booleans), at least two of
    them (unless the table has one column) and at least half as many cells as the
    widest row nearby. Among such rows, one naming known roster columns ("Employee
    ID", "Department", ...) wins over an earlier one that names fewer; otherwise the
    first one wins. Returns None when there are no rows at all.
    """
    window = rows[:HEADER_SCAN_ROWS]
    if not window:
        return None
    widths = [len(_non_empty(r.cells)) for r in window]
    widest = max(widths)
    candidates: list[tuple[int, int]] = []  # (index, known words)
    for index, row in enumerate(window):
        values = _non_empty(row.cells)
        width = len(values)
        if width < min(2, widest) or width * 2 < widest:
            continue
        texts = sum(1 for v in values if looks_like_header_text(v))
        known = len(guess_mapping([cell_text(v) or "" for v in row.cells]))
        # All text; or, when it names at least two known columns, mostly text (a header
        # may have a stray "2023" column).
        if texts == width or (known >= 2 and texts * 4 >= width * 3):
            candidates.append((index, known))
    if not candidates:
        return HeaderGuess(index=-1, clear=False)
    first_index, first_known = candidates[0]
    best_index, best_known = max(candidates, key=lambda item: (item[1], -item[0]))
    chosen, known = (
        (best_index, best_known)
        if best_known >= 2 and best_known > first_known
        else (
            first_index,
            first_known,
        )
    )
    mapping = guess_mapping([cell_text(v) or "" for v in window[chosen].cells])
    identifying = any(f.identifies_person for f in mapping if f is not RosterField.IGNORE)
    return HeaderGuess(index=chosen, clear=True, identifying=identifying, known=known)


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _generated_header(unit: str, index: int) -> str:
    """ "Column C" for a spreadsheet, "Column 3" for a text file."""
    column = column_letter(index) if unit == "row" else str(index + 1)
    return _("Column {column}").format(column=column)


def _no_data_message(sheet: str | None, unit: str) -> str:
    if sheet:
        if unit == "row":
            message = _(
                "The sheet '{sheet}' has no data: every row is empty. Check that you picked "
                "the right file and sheet, or export the roster again."
            )
        else:
            message = _(
                "The sheet '{sheet}' has no data: every line is empty. Check that you picked "
                "the right file and sheet, or export the roster again."
            )
    elif unit == "row":
        message = _(
            "The file has no data: every row is empty. Check that you picked the right file, "
            "or export the roster again."
        )
    else:
        message = _(
            "The file has no data: every line is empty. Check that you picked the right file, "
            "or export the roster again."
        )
    return message.format(sheet=sheet)


def _header_without_data_message(sheet: str | None, unit: str, number: int) -> str:
    if sheet:
        if unit == "row":
            message = _(
                "The sheet '{sheet}' has a header on row {number} but no data below it. "
                "Check that you picked the right file and sheet."
            )
        else:
            message = _(
                "The sheet '{sheet}' has a header on line {number} but no data below it. "
                "Check that you picked the right file and sheet."
            )
    elif unit == "row":
        message = _(
            "The file has a header on row {number} but no data below it. "
            "Check that you picked the right file."
        )
    else:
        message = _(
            "The file has a header on line {number} but no data below it. "
            "Check that you picked the right file."
        )
    return message.format(sheet=sheet, number=number)


def _header_found_note(unit: str, number: int, skipped: int) -> str:
    """Where the header is, and how many rows of a title block above it were skipped."""
    if unit == "row":
        if not skipped:
            return _("Header found on row {number}.").format(number=number)
        message = ngettext(
            "Header found on row {number}; {n} non-empty row above it (a title block) were "
            "skipped.",
            "Header found on row {number}; {n} non-empty rows above it (a title block) were "
            "skipped.",
            skipped,
        )
    else:
        if not skipped:
            return _("Header found on line {number}.").format(number=number)
        message = ngettext(
            "Header found on line {number}; {n} non-empty line above it (a title block) were "
            "skipped.",
            "Header found on line {number}; {n} non-empty lines above it (a title block) were "
            "skipped.",
            skipped,
        )
    return message.format(number=number, n=skipped)


def _value_without_header(unit: str, number: int, index: int) -> str:
    if unit == "row":
        return _(
            "Row {number} has a value in column {column}, which has no header; it was ignored."
        ).format(number=number, column=column_letter(index))
    return _(
        "Line {number} has a value in field {field}, which has no header; it was ignored."
    ).format(number=number, field=index + 1)


def make_headers(cells: list[Cell], unit: str) -> list[str]:
    """Clean header names; blank ones get "Column C" (or "Column 3"), repeats get " (2)"."""
    width = len(cells)
    while width and not clean_header(cells[width - 1]):
        width -= 1
    headers: list[str] = []
    seen: dict[str, int] = {}
    for index in range(width):
        name = clean_header(cells[index])
        if not name:
            name = _generated_header(unit, index)
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        headers.append(name)
    return headers


def headers_for(rows: list[RawRow], header: HeaderGuess, unit: str) -> list[str]:
    """Header names for the guessed header row, or generated ones when there is none."""
    if header.index >= 0:
        return make_headers(rows[header.index].cells, unit)
    width = max((len(r.cells) for r in rows[: HEADER_SCAN_ROWS * 10]), default=0)
    return [_generated_header(unit, i) for i in range(width)]


def assemble_table(parts: TableParts, header: HeaderGuess | None = None) -> RosterTable:
    """Turn the collected rows into a RosterTable, or explain why there is no data."""
    if not parts.rows:
        raise RosterFileError(_no_data_message(parts.sheet, parts.unit))
    header = header or find_header(parts.rows)
    assert header is not None
    headers = headers_for(parts.rows, header, parts.unit)
    notes = list(parts.notes)
    if header.index < 0:
        if len(headers) > 1:
            note = _(
                "No row looked like column headers (names such as 'Employee ID' or "
                "'Department'), so every row was read as data and the columns were named "
                "{first}, {second} and so on. Choose what each column means in the mapping."
            )
        else:
            note = _(
                "No row looked like column headers (names such as 'Employee ID' or "
                "'Department'), so every row was read as data and the columns were named "
                "{first} and so on. Choose what each column means in the mapping."
            )
        second = headers[1] if len(headers) > 1 else ""
        notes.append(note.format(first=headers[0], second=second))
        header_raw = RawRow(number=0, cells=[], field_count=None)
    else:
        header_raw = parts.rows[header.index]
    if header.index >= 0 and header_raw.number != 1:
        notes.append(_header_found_note(parts.unit, header_raw.number, header.index))
    data = parts.rows[header.index + 1 :]
    if not data and header.index >= 0:
        raise RosterFileError(
            _header_without_data_message(parts.sheet, parts.unit, header_raw.number)
        )
    width = len(headers)
    header_fields = header_raw.field_count if header.index >= 0 else None
    problems = list(parts.problems)
    rows: list[SourceRow] = []
    for raw in data:
        cells = raw.cells
        extra_values = [
            (index, v) for index, v in enumerate(cells[width:], start=width) if v is not None
        ]
        if parts.unit == "line" and header_fields is not None and raw.field_count is not None:
            count = raw.field_count
            if count > header_fields and extra_values:
                shown = ", ".join(repr(cell_text(v)) for _index, v in extra_values[:3])
                problems.append(
                    Problem(
                        row=raw.number,
                        column=None,
                        message=_(
                            "Line {number} has {count} values but the header has {columns} "
                            "columns; the extra values were ignored. A comma inside an "
                            "unquoted value can shift the columns: check this line."
                        ).format(number=raw.number, count=count, columns=header_fields),
                        value=shown,
                        severity="warning",
                    )
                )
                extra_values = []
            elif count < min(header_fields, width):
                problems.append(
                    Problem(
                        row=raw.number,
                        column=None,
                        message=ngettext(
                            "Line {number} has only {count} value but the header has {columns} "
                            "columns; the missing values were left empty. Check this line.",
                            "Line {number} has only {count} values but the header has {columns} "
                            "columns; the missing values were left empty. Check this line.",
                            count,
                        ).format(number=raw.number, count=count, columns=header_fields),
                        value=None,
                        severity="warning",
                    )
                )
        for index, value in extra_values:
            problems.append(
                Problem(
                    row=raw.number,
                    column=None,
                    message=_value_without_header(parts.unit, raw.number, index),
                    value=cell_text(value),
                    severity="warning",
                )
            )
        padded = cells[:width] + [None] * (width - len(cells[:width]))
        rows.append(SourceRow(number=raw.number, cells=padded))
    # Problems found before the header (e.g. Excel errors in a title block) don't matter;
    # name the column of the rest.
    header_number = header_raw.number
    kept: list[Problem] = []
    for problem in problems:
        if problem.row is not None and problem.row <= header_number:
            continue
        kept.append(problem)
    return RosterTable(
        source_name=parts.source_name,
        sheet=parts.sheet,
        header_row=header_number,
        headers=headers,
        rows=rows,
        notes=notes,
        problems=kept,
        date_1904=parts.date_1904,
    )
