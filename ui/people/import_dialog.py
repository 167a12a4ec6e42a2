"""The roster import wizard: choose a file, pick the sheet, map columns, check, import.

Nothing is written until the Import step, and that step is one transaction: Cancel there
rolls everything back. Reading, checking and writing run off the GUI thread; each emits
``step_finished`` when done so tests (and the pages) can wait on it.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.context import AppServices
from app.progress import CancelToken, Progress
from app.roster.applying import ImportSummary, OnExisting
from app.roster.model import ColumnMapping, RosterPlan, RosterTable, SheetChoice
from ui.import_wizard import ImportWizard
from ui.people.import_pages import (
    CheckPage,
    FilePage,
    ImportPage,
    MappingPage,
    SheetPage,
    SummaryPage,
)


class ImportStep(StrEnum):
    SHEETS = "sheets"
    READ = "read"
    CHECK = "check"
    IMPORT = "import"


class _ProgressRelay(QObject):
    """Carries ``progress(done, total)`` from the worker thread to a page's progress bar."""

    progressed = Signal(int, int)


class ImportDialog(ImportWizard):
    """Import people from an Excel workbook or a CSV file, checking everything first."""

    FILE, SHEET, MAPPING, CHECK, IMPORT, SUMMARY = range(6)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent, 860, 620)
        self.setWindowTitle(self.tr("Import people from Excel or CSV"))
        self.setObjectName("import_dialog")
        self.services = services
        self.path: Path | None = None
        self.sheets: list[SheetChoice] = []
        self.default_sheet: str | None = None
        self.table: RosterTable | None = None
        self.table_key: tuple[Path, str | None] | None = None
        self.mapping: ColumnMapping = {}
        self.plan: RosterPlan | None = None
        self.summary: ImportSummary | None = None
        self.progress_relay = _ProgressRelay(self)

        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        self.summary_page = SummaryPage(self)
        for page_id, page in enumerate(
            (
                self.file_page,
                self.sheet_page,
                self.mapping_page,
                self.check_page,
                self.import_page,
                self.summary_page,
            )
        ):
            self.setPage(page_id, page)
        self.setStartId(self.FILE)

    # Choosing the file -------------------------------------------------------------------
    def choose_file_path(self) -> str | None:
        """Ask for the file; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the roster file"),
            "",
            self.tr("Spreadsheets and text files (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        return path or None

    def browse(self) -> None:
        chosen = self.choose_file_path()
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """Forget any earlier file and list the sheets of ``path`` in the background."""
        self.path = path
        self.sheets = []
        self.default_sheet = None
        self.table = None
        self.table_key = None
        self.plan = None
        self.file_page.show_file(path)

        def work(_progress: Progress, _cancel: CancelToken) -> tuple[list[SheetChoice], str | None]:
            return self.services.roster.sheets(path), self.services.roster.default_sheet(path)

        def done(result: tuple[list[SheetChoice], str | None]) -> None:
            if path != self.path:
                return
            self.sheets, self.default_sheet = result
            self.file_page.show_sheets(self.sheets)

        self._run(
            ImportStep.SHEETS, self.tr("Opening the file…"), work, done, self.file_page.show_error
        )

    @property
    def is_workbook(self) -> bool:
        """False for CSV and text files, which have one pseudo-sheet named after the file."""
        if self.path is None:
            return False
        return not (
            self.default_sheet is None
            and len(self.sheets) == 1
            and self.sheets[0].name == self.path.name
        )

    # Reading -----------------------------------------------------------------------------
    def read_sheet(self, sheet: str | None) -> None:
        """Read the chosen sheet (None for a CSV file) unless it is already read."""
        path = self.path
        if path is None:
            return
        key = (path, sheet)
        if key == self.table_key and self.table is not None:
            return
        self.table = None
        self.table_key = key
        self.sheet_page.show_reading()

        def work(progress: Progress, cancel: CancelToken) -> RosterTable:
            return self.services.roster.read(path, sheet, progress=progress, cancel=cancel)

        def done(table: RosterTable) -> None:
            if key != self.table_key:
                return
            self.table = table
            self.plan = None
            self.sheet_page.show_table(table)

        def failed(message: str) -> None:
            self.table_key = None
            self.sheet_page.show_error(message)

        self._run(ImportStep.READ, self.tr("Reading the file…"), work, done, failed)

    # Checking ----------------------------------------------------------------------------
    def run_check(self) -> None:
        table, mapping = self.table, dict(self.mapping)
        if table is None:
            return
        self.plan = None
        self.check_page.show_checking()

        def work(progress: Progress, cancel: CancelToken) -> RosterPlan:
            return self.services.roster.check(table, mapping, progress=progress, cancel=cancel)

        def done(plan: RosterPlan) -> None:
            self.plan = plan
            self.check_page.show_plan(plan)

        self._run(
            ImportStep.CHECK, self.tr("Checking every row…"), work, done, self.check_page.show_error
        )

    # Importing ---------------------------------------------------------------------------
    def run_import(self, on_existing: OnExisting) -> None:
        plan, mapping, path = self.plan, dict(self.mapping), self.path
        if plan is None or path is None or not plan.ok:
            return
        self.summary = None
        relay = self.progress_relay

        def work(_progress: Progress, cancel: CancelToken) -> ImportSummary:
            return self.services.roster.apply(
                plan,
                mapping,
                source=path.name,
                on_existing=on_existing,
                progress=relay.progressed.emit,
                cancel=cancel,
            )

        def done(summary: ImportSummary) -> None:
            self.summary = summary
            self.summary_page.show_summary(summary)
            self.import_page.show_done()

        self._run(
            ImportStep.IMPORT,
            self.tr("Importing…"),
            work,
            done,
            self.import_page.show_error,
            show_progress=False,
        )
