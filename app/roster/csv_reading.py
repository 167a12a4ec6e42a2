"""Read a CSV / TSV / "Unicode text" export into a RosterTable.

- Encoding: UTF-8 (with or without BOM), UTF-16 with BOM (Excel "Unicode text") or
  without BOM when the NUL pattern shows it, else Windows-1252, else Latin-1.
- Delimiter: comma, semicolon, tab or pipe, whichever splits the first lines into the
  most consistent number of columns.
- Every value stays text ("00123" stays "00123"); whitespace at both ends is trimmed,
  whitespace-only values become empty. Quoted newlines and CR-only line endings work.
- NUL characters are removed (with a note); a file full of them is refused as binary.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys
from pathlib import Path

from app.i18n import N_, _, ngettext, translate
from app.progress import CancelToken, Progress
from app.roster._table import RawRow, TableParts, assemble_table
from app.roster.model import Cell, RosterFileError, RosterTable

MAX_TEXT_BYTES = 200 * 1024 * 1024
_SNIFF_CHARS = 64 * 1024
_DELIMITERS = [",", ";", "\t", "|"]
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
_READ_AS: dict[str, str] = {
    ",": N_("Read as text separated by commas, encoding {encoding}."),
    ";": N_("Read as text separated by semicolons, encoding {encoding}."),
    "\t": N_("Read as text separated by tabs, encoding {encoding}."),
    "|": N_("Read as text separated by pipe (|)s, encoding {encoding}."),
}
"""The first note of a text file, per delimiter."""


def _decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name for the notes)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", _("UTF-8 (with BOM)"))
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        try:
            return data.decode("utf-32"), "UTF-32"
        except UnicodeDecodeError:
            pass
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", _("UTF-16 (Unicode text)"))
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", _("UTF-16 (Unicode text)"))
    sample = data[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0) / max(1, len(sample[0::2]))
        odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
        if odd_nuls > 0.3 and even_nuls < 0.05:
            return _strict(data, "utf-16-le", _("UTF-16 (Unicode text, no BOM)"))
        if even_nuls > 0.3 and odd_nuls < 0.05:
            return _strict(data, "utf-16-be", _("UTF-16 (Unicode text, no BOM)"))
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), _("Windows-1252 (the file is not UTF-8)")
    except UnicodeDecodeError:
        return data.decode("latin-1"), _("Latin-1 (the file is not UTF-8)")


def _strict(data: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        return data.decode(codec), label
    except UnicodeDecodeError as exc:
        raise RosterFileError(
            _(
                "The file says it is {encoding} but some of its text can't be read as such "
                "(at byte {position}). Export it again from your HR system, or save it in "
                "Excel as 'CSV UTF-8', and import again."
            ).format(encoding=label, position=exc.start),
            details=[str(exc)],
        ) from exc


def _sniff_delimiter(text: str) -> str:
    """The delimiter giving the most consistent column count (>1) over the first lines."""
    sample = text[:_SNIFF_CHARS]
    best = ","
    best_score: tuple[float, int, int] = (-1.0, 0, 0)
    for order, delimiter in enumerate(_DELIMITERS):
        counts: list[int] = []
        try:
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            for record in reader:
                if not any(field.strip() for field in record):
                    continue
                counts.append(len(record))
                if len(counts) >= 50:
                    break
        except csv.Error:
            continue
        if not counts:
            continue
        modal = max(set(counts), key=lambda n: (counts.count(n), n))
        if modal < 2:
            continue
        consistency = counts.count(modal) / len(counts)
        score = (round(consistency, 2), modal, -order)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(
    path: Path,
    *,
    progress: Progress,
    cancel: CancelToken | None,
    data: bytes | None = None,
) -> RosterTable:
    """Read a delimited text file (see the module docstring for the rules)."""
    if data is None:
        data = path.read_bytes()
    if len(data) > MAX_TEXT_BYTES:
        raise RosterFileError(
            _(
                "The file is too large to import ({size} MB; the limit is {limit} MB). "
                "Export only the columns you need."
            ).format(size=len(data) // (1024 * 1024), limit=MAX_TEXT_BYTES // (1024 * 1024))
        )
    text, encoding = _decode(data)
    notes: list[str] = []
    nuls = text.count("\x00")
    controls = len(_BINARY.findall(text[:1_000_000]))
    if controls > max(16, min(len(text), 1_000_000) // 100):
        raise RosterFileError(
            _(
                "This file doesn't look like a CSV or text file: it contains binary data. "
                "Export the roster as .csv or .xlsx and import that file."
            )
        )
    if nuls:
        if nuls > max(16, len(text) // 100):
            raise RosterFileError(
                _(
                    "This file doesn't look like a CSV or text file: it contains binary data. "
                    "Export the roster as .csv or .xlsx and import that file."
                )
            )
        text = text.replace("\x00", "")
        notes.append(
            ngettext(
                "{n} invisible NUL character was removed from the file.",
                "{n} invisible NUL characters were removed from the file.",
                nuls,
            ).format(n=nuls)
        )
    if not text.strip():
        raise RosterFileError(
            _(
                "The file has no data: it is blank. Check that you picked the right file, "
                "or export the roster again."
            )
        )
    delimiter = _sniff_delimiter(text)
    notes.insert(0, translate(_READ_AS[delimiter]).format(encoding=encoding))
    total_lines = text.count("\n") or text.count("\r") or 1
    rows: list[RawRow] = []
    trimmed = 0
    blank_lines = 0
    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 64 * 1024 * 1024))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        previous_end = 0
        count = 0
        for record in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            count += 1
            if count % 500 == 0:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                progress(min(reader.line_num, total_lines), total_lines)
            cells: list[Cell] = []
            for raw in record:
                value = raw.strip()
                if value != raw and value:
                    trimmed += 1
                cells.append(value or None)
            if all(c is None for c in cells):
                blank_lines += 1
                continue
            field_count = len(cells)
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(RawRow(number=start, cells=cells, field_count=field_count))
    except csv.Error as exc:
        raise RosterFileError(
            _(
                "The file can't be read as CSV near line {line}: {error}. Open it in a "
                "spreadsheet program, check that line, save as CSV and import again."
            ).format(line=reader.line_num, error=exc),
            details=[str(exc)],
        ) from exc
    finally:
        csv.field_size_limit(old_limit)
    progress(total_lines, total_lines)
    if trimmed:
        notes.append(
            ngettext(
                "Spaces at the start or end of {n} value were removed.",
                "Spaces at the start or end of {n} values were removed.",
                trimmed,
            ).format(n=trimmed)
        )
    return assemble_table(
        TableParts(source_name=path.name, sheet=None, rows=rows, notes=notes, unit="line")
    )
