"""Read a roster file (.xlsx, .csv, .tsv, .txt) into a RosterTable.

Every failure the user can fix comes out as :class:`RosterFileError` with a message
that says what is wrong and what to do; nothing else escapes for a bad file.
"""

from __future__ import annotations

from pathlib import Path

from app.i18n import N_, _, translate
from app.progress import CancelToken, Progress, no_progress
from app.roster.csv_reading import read_csv
from app.roster.model import RosterFileError, RosterTable, SheetChoice
from app.roster.xlsx_reading import PASSWORD, default_xlsx_sheet, list_xlsx_sheets, read_xlsx

__all__ = ["RosterFileError", "default_sheet", "list_sheets", "read_table"]

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv", ".tab"})
SUPPORTED = N_("Excel workbooks (.xlsx) and CSV files (.csv, or .txt/.tsv text exports)")

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

_OTHER_FORMATS: dict[str, str] = {
    ".xls": N_(
        "This is an old-style Excel 97-2003 workbook (.xls), which can't be imported. "
        "Open it in Excel and save it as 'Excel Workbook (*.xlsx)', then import that file."
    ),
    ".xlsb": N_(
        "This is an Excel binary workbook (.xlsb), which can't be imported. Open it in "
        "Excel and save it as 'Excel Workbook (*.xlsx)', then import that file."
    ),
    ".ods": N_(
        "This is an OpenDocument spreadsheet (.ods), which can't be imported. Save it as "
        "'Excel 2007-365 (.xlsx)' or as CSV, then import that file."
    ),
    ".numbers": N_(
        "This is an Apple Numbers file, which can't be imported. In Numbers choose "
        "File > Export To > Excel (or CSV), then import that file."
    ),
}


def _kind(path: Path) -> tuple[str, bytes]:
    """Decide how to read the file: ("xlsx" | "csv", first bytes). Raises for bad files."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise RosterFileError(
            _("The file '{file}' doesn't exist any more.").format(file=path.name)
        ) from exc
    except IsADirectoryError as exc:
        raise RosterFileError(
            _("'{file}' is a folder, not a file.").format(file=path.name)
        ) from exc
    except PermissionError as exc:
        raise RosterFileError(
            _(
                "The file '{file}' can't be opened: permission denied. If it is open in "
                "another program, close it there and try again."
            ).format(file=path.name)
        ) from exc
    except OSError as exc:
        raise RosterFileError(
            _(
                "The file '{file}' can't be read ({reason}). Copy it to this "
                "computer and try again."
            ).format(file=path.name, reason=exc.strerror or exc)
        ) from exc
    if suffix not in SPREADSHEET_SUFFIXES | TEXT_SUFFIXES:
        if suffix in _OTHER_FORMATS:
            raise RosterFileError(translate(_OTHER_FORMATS[suffix]))
        if suffix:
            message = _("Files of type '{suffix}' can't be imported. Supported are {supported}.")
        else:
            message = _(
                "Files of type 'no extension' can't be imported. Supported are {supported}."
            )
        raise RosterFileError(message.format(suffix=suffix, supported=translate(SUPPORTED)))
    if size == 0:
        raise RosterFileError(
            _("The file is empty (0 bytes). Export the roster again from your HR system.")
        )
    if head.startswith(_OLE_MAGIC):
        with path.open("rb") as handle:
            content = handle.read(1024 * 1024)
        if _ENCRYPTION_INFO in content or b"EncryptedPackage" in content.replace(b"\x00", b""):
            raise RosterFileError(translate(PASSWORD))
        raise RosterFileError(translate(_OTHER_FORMATS[".xls"]))
    if head.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        return "xlsx", head
    if suffix in SPREADSHEET_SUFFIXES:
        if head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n").startswith((b"<", b"<!")):
            raise RosterFileError(
                _(
                    "This file is named .xlsx but is really a web page (HTML), as some HR "
                    "systems export. Open it in Excel and save it as 'Excel Workbook (*.xlsx)', "
                    "or export the roster as CSV, and import again."
                )
            )
        raise RosterFileError(
            _(
                "This file is named .xlsx but is not an Excel workbook (it may be damaged, or a "
                "CSV file with the wrong name). Open it in Excel and save it as 'Excel Workbook "
                "(*.xlsx)', then import again."
            )
        )
    return "csv", head


def list_sheets(path: Path) -> list[SheetChoice]:
    """The sheets of a workbook in file order, hidden and chart sheets included (with a
    note). A CSV file gives one pseudo-sheet named after the file."""
    kind, _head = _kind(path)
    if kind == "csv":
        return [
            SheetChoice(name=path.name, visible=True, looks_like_roster=True, note=_("CSV file"))
        ]
    return list_xlsx_sheets(path)


def default_sheet(path: Path) -> str | None:
    """The sheet to offer first: the first visible one that looks like a roster, else the
    first visible one with data. None for CSV files, and when no visible sheet has data
    (never silently an empty sheet)."""
    kind, _head = _kind(path)
    if kind == "csv":
        return None
    return default_xlsx_sheet(list_xlsx_sheets(path))


def read_table(
    path: Path,
    sheet: str | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RosterTable:
    """Read the roster table of a file. ``sheet`` None means the default sheet.

    Raises RosterFileError for unreadable, damaged, password-protected or empty files,
    and Cancelled when ``cancel`` is set.
    """
    kind, _head = _kind(path)
    if kind == "xlsx":
        table = read_xlsx(path, sheet, progress=progress, cancel=cancel)
        if path.suffix.lower() in TEXT_SUFFIXES:
            table.notes.insert(
                0,
                _("'{file}' is really an Excel workbook and was read as one.").format(
                    file=path.name
                ),
            )
        return table
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RosterFileError(
            _("The file '{file}' can't be read ({reason}).").format(
                file=path.name, reason=exc.strerror or exc
            )
        ) from exc
    return read_csv(path, progress=progress, cancel=cancel, data=data)
