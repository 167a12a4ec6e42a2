"""The wizard that imports completions from an LMS export: choose the file (and sheet), check
the column mapping, check every row, then import.

Nothing is written before the last page, and that page writes in one transaction. Reading,
checking and importing run off the GUI thread; each emits ``step_finished`` when its result
(or failure) is on the page, so tests and pages can wait on it.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.context import AppServices
from app.paths.completions_model import CompletionMapping, CompletionPlan, ImportedCompletions
from app.progress import CancelToken, Progress
from app.roster.model import RosterTable, SheetChoice
from ui.import_wizard import ImportWizard
from ui.paths.completions_pages import CheckPage, FilePage, MappingPage, ResultPage


class CompletionStep(StrEnum):
    SHEETS = "sheets"
    READ = "read"
    CHECK = "check"
    IMPORT = "import"


class CompletionsImportDialog(ImportWizard):
    """Record who finished which module, from the export of a learning system (LMS)."""

    FILE, MAPPING, CHECK, RESULT = range(4)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent, 900, 640)
        self.setWindowTitle(self.tr("Import completions from an LMS export"))
        self.setObjectName("completions_import_dialog")
        self.services = services
        self.path: Path | None = None
        self.sheets: list[SheetChoice] = []
        self.default_sheet: str | None = None
        self.table: RosterTable | None = None
        self.table_key: tuple[Path, str | None] | None = None
        self.mapping: CompletionMapping | None = None
        self.plan: CompletionPlan | None = None
        self.result_: ImportedCompletions | None = None

        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in enumerate(
            (self.file_page, self.mapping_page, self.check_page, self.result_page)
        ):
            self.setPage(page_id, page)
        self.setStartId(self.FILE)

    # Choosing the file -------------------------------------------------------------------
    def choose_file_path(self) -> str | None:
        """Ask for the file; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the LMS export"),
            "",
            self.tr("Spreadsheets and text files (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        return path or None

    def browse(self) -> None:
        chosen = self.choose_file_path()
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """Forget any earlier file, list the sheets of ``path``, then read the default one."""
        self.path = path
        self.sheets = []
        self.default_sheet = None
        self.table = None
        self.table_key = None
        self.plan = None
        self.file_page.show_file(path)
        completions = self.services.completions

        def work(_progress: Progress, _cancel: CancelToken) -> tuple[list[SheetChoice], str | None]:
            return completions.sheets(path), completions.default_sheet(path)

        def done(result: tuple[list[SheetChoice], str | None]) -> None:
            if path != self.path:
                return
            self.sheets, self.default_sheet = result
            self.file_page.show_sheets()

        self._run(
            CompletionStep.SHEETS,
            self.tr("Opening the file…"),
            work,
            done,
            self.file_page.show_error,
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
        self.plan = None
        self.file_page.show_reading()

        def work(progress: Progress, cancel: CancelToken) -> RosterTable:
            return self.services.completions.read(path, sheet, progress=progress, cancel=cancel)

        def done(table: RosterTable) -> None:
            if key != self.table_key:
                return
            self.table = table
            self.file_page.show_table(table)

        def failed(message: str) -> None:
            self.table_key = None
            self.file_page.show_error(message)

        self._run(CompletionStep.READ, self.tr("Reading the file…"), work, done, failed)

    # Checking ----------------------------------------------------------------------------
    def run_check(self) -> None:
        table, mapping = self.table, self.mapping
        if table is None or mapping is None:
            return
        self.plan = None
        self.check_page.show_checking()

        def work(progress: Progress, cancel: CancelToken) -> CompletionPlan:
            return self.services.completions.check(table, mapping, progress=progress, cancel=cancel)

        def done(plan: CompletionPlan) -> None:
            self.plan = plan
            self.check_page.show_plan(plan)

        self._run(
            CompletionStep.CHECK,
            self.tr("Checking every row…"),
            work,
            done,
            self.check_page.show_error,
        )

    # Importing ---------------------------------------------------------------------------
    def run_import(self, *, skip_bad_rows: bool) -> None:
        plan = self.plan
        if plan is None:
            return
        self.result_ = None

        def work(progress: Progress, cancel: CancelToken) -> ImportedCompletions:
            return self.services.completions.apply(
                plan, skip_bad_rows=skip_bad_rows, progress=progress, cancel=cancel
            )

        def done(result: ImportedCompletions) -> None:
            self.result_ = result
            self.result_page.show_result(result)

        self._run(
            CompletionStep.IMPORT,
            self.tr("Importing…"),
            work,
            done,
            self.result_page.show_error,
            show_progress=False,
        )
