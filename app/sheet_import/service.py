"""The steps every spreadsheet import offers its dialog, each separately: the sheets of a
workbook, the sheet to offer first, the table read from it, and (after the import's own
mapping and check) saving the checked plan.

Reading reuses the roster import's reader (sheets, encodings, delimiters, title blocks); only
an empty file gets the import's own words (the roster reader's speak of rosters).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from app.errors import ValidationError
from app.i18n import ngettext, translate
from app.progress import CancelToken, Progress, no_progress
from app.roster.model import RosterFileError, RosterTable, SheetChoice
from app.sheet_import.checking import CheckedPlan

P = TypeVar("P", bound=CheckedPlan[Any])
D = TypeVar("D")


class SpreadsheetImport(ABC, Generic[P, D]):
    """Base of the imports of plan ``P`` that say what they saved in ``D``. Subclasses say, in
    messages marked with ``N_``, what to do about an empty file (``EMPTY_FILE``) and that no
    row has anything to save (``NOTHING_TO_SAVE``), and how to ``_save`` a plan."""

    EMPTY_FILE: ClassVar[str]
    NOTHING_TO_SAVE: ClassVar[str]

    @classmethod
    def sheets(cls, path: Path) -> list[SheetChoice]:
        from app.roster.reading import list_sheets

        cls._refuse_empty(path)
        return list_sheets(path)

    @staticmethod
    def default_sheet(path: Path) -> str | None:
        """The sheet to offer first (None for a CSV file)."""
        from app.roster.reading import default_sheet

        return default_sheet(path)

    @classmethod
    def read(
        cls,
        path: Path,
        sheet: str | None = None,
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> RosterTable:
        """The table of the file; RosterFileError says what is wrong with a bad file."""
        from app.roster.reading import read_table

        cls._refuse_empty(path)
        return read_table(path, sheet, progress=progress, cancel=cancel)

    @classmethod
    def _refuse_empty(cls, path: Path) -> None:
        try:
            empty = path.is_file() and path.stat().st_size == 0
        except OSError:
            return  # the reader explains it
        if empty:
            raise RosterFileError(translate(cls.EMPTY_FILE))

    def apply(
        self,
        plan: P,
        *,
        skip_bad_rows: bool = False,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> D:
        """Save every good row of the plan in one transaction, or nothing.

        Refuses (ValidationError, nothing saved) while the plan has bad rows, unless
        ``skip_bad_rows`` says the user chose to import the good rows and leave the bad out.
        """
        if not plan.ok and not skip_bad_rows:
            raise ValidationError(
                ngettext(
                    "{n} row of the file has a problem; nothing was saved. Fix it in the "
                    "file and import again.",
                    "{n} rows of the file have problems; nothing was saved. Fix them in the "
                    "file and import again.",
                    plan.bad_rows,
                ).format(n=plan.bad_rows),
                field="rows",
            )
        if not plan.rows:
            raise ValidationError(translate(self.NOTHING_TO_SAVE), field="rows")
        return self._save(plan, progress, cancel)

    @abstractmethod
    def _save(self, plan: P, progress: Progress, cancel: CancelToken | None) -> D:
        """Save the good rows of the plan, all in one transaction."""
