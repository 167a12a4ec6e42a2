"""Import readings from a spreadsheet: the file is read and every row checked (a dry run,
nothing saved), the columns can be given other meanings, the bad rows are listed with their
row numbers and reasons, and only then Import records them all in one transaction.

Reading, checking and importing run off the GUI thread; each emits ``step_finished`` when
its result (or failure) is on screen, so tests can wait on it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import Cancelled, UserFacingError, ValidationError
from app.objectives.readings_model import (
    ImportedReadings,
    ReadingField,
    ReadingsMapping,
    ReadingsPlan,
)
from app.progress import CancelToken, Progress
from app.roster.model import RosterTable, SheetChoice
from ui.look import make_muted, scaled_font
from ui.messages import show_error
from ui.objectives.readings_plan_model import ReadingPlanModel
from ui.people.import_pages import Banner
from ui.people.labels import format_count
from ui.people.naming import named
from ui.people.roster_tables import ProblemsModel
from ui.worker import BackgroundTask, run_in_background

T = TypeVar("T")


class ImportStep(StrEnum):
    READ = "read"
    CHECK = "check"
    IMPORT = "import"


class ReadingsImportDialog(QDialog):
    """Shows the dry run of one file; ``result_`` holds what Import recorded."""

    step_finished = Signal(str)

    def __init__(self, services: AppServices, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readings_import_dialog")
        self.setWindowTitle(self.tr("Import readings"))
        char, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().lineSpacing()
        self.resize(max(1000, char * 150), max(640, line * 40))
        self.services = services
        self.path = path
        self.sheets: list[SheetChoice] = []
        self.table: RosterTable | None = None
        self.plan: ReadingsPlan | None = None
        self.result_: ImportedReadings | None = None
        self.busy: ImportStep | None = None
        self.task: BackgroundTask[object] | None = None
        self._generation = 0
        self._filling = False

        self.file_label = named(QLabel(self.tr("File: {name}").format(name=path.name)), "file")
        self.file_label.setFont(scaled_font(self, 1.0, bold=True))
        self.sheet = named(QComboBox(self), "sheet")
        self.sheet_label = QLabel(self.tr("&Sheet:"), self)
        self.sheet_label.setBuddy(self.sheet)
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.columns: dict[ReadingField, QComboBox] = {}
        for fld in ReadingField:
            box = named(QComboBox(self), f"column_{fld.value}")
            box.setAccessibleName(fld.label)
            box.currentIndexChanged.connect(self._mapping_changed)
            self.columns[fld] = box
        self.headline = named(QLabel(self), "headline")
        self.headline.setWordWrap(True)
        self.headline.setFont(scaled_font(self, 1.05, bold=True))
        self.counts = named(QLabel(self), "counts")
        self.counts.setWordWrap(True)
        self.error = Banner("import_error")
        self.problems_model = ProblemsModel(self)
        self.problems = named(QTableView(self), "bad_rows")
        self.problems.setModel(self.problems_model)
        self.rows_model = ReadingPlanModel(self)
        self.rows = named(QTableView(self), "good_rows")
        self.rows.setModel(self.rows_model)
        for view in (self.problems, self.rows):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.verticalHeader().hide()
            view.setWordWrap(True)
        header = self.problems.horizontalHeader()
        header.resizeSection(ProblemsModel.ROW, char * 8)
        header.resizeSection(ProblemsModel.COLUMN, char * 14)
        header.setSectionResizeMode(ProblemsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ProblemsModel.VALUE, char * 18)
        rows_header = self.rows.horizontalHeader()
        rows_header.resizeSection(ReadingPlanModel.ROW, char * 6)
        rows_header.setSectionResizeMode(ReadingPlanModel.METRIC, QHeaderView.ResizeMode.Stretch)
        rows_header.resizeSection(ReadingPlanModel.DATE, char * 14)
        rows_header.setSectionResizeMode(ReadingPlanModel.NOTE, QHeaderView.ResizeMode.Stretch)
        rows_header.resizeSection(ReadingPlanModel.OUTCOME, char * 18)
        self.remarks = named(make_muted("", self), "remarks")
        self.skip_bad = named(QCheckBox(self), "skip_bad_rows")
        self.skip_bad.toggled.connect(lambda _on: self._update_buttons())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.import_button = ok
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setObjectName("import_readings_button")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        self.cancel_button = cancel
        """Cancel; Close once the import is done."""
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        mapping = QGridLayout()
        mapping.setHorizontalSpacing(12)
        mapping.addWidget(self.sheet_label, 0, 0)
        mapping.addWidget(self.sheet, 0, 1, 1, 3)
        for position, (fld, box) in enumerate(self.columns.items()):
            row, pair = divmod(position, 3)
            label = QLabel(self.tr("{field}:").format(field=fld.label), self)
            label.setBuddy(box)
            mapping.addWidget(label, row + 1, pair * 2)
            mapping.addWidget(box, row + 1, pair * 2 + 1)
        for column in (1, 3, 5):
            mapping.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(
            make_muted(
                self.tr(
                    "Each row gives one reading: the metric's name, the date it was measured "
                    "and the value, with an optional note. Nothing is saved until you press "
                    "Import. Change a column's meaning below if it was guessed wrong."
                ),
                self,
            )
        )
        layout.addLayout(mapping)
        layout.addWidget(self.error)
        layout.addWidget(self.headline)
        layout.addWidget(self.counts)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.rows, 3)
        layout.addStretch(0)
        layout.addWidget(self.remarks)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.buttons)

    # Steps --------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the file's default sheet (listing its sheets), then check every row."""
        imports = self.services.objectives.imports
        path = self.path

        def work(progress: Progress, cancel: CancelToken) -> tuple[list[SheetChoice], RosterTable]:
            sheets = imports.sheets(path)
            table = imports.read(
                path, imports.default_sheet(path), progress=progress, cancel=cancel
            )
            return sheets, table

        def done(result: tuple[list[SheetChoice], RosterTable]) -> None:
            self.sheets, table = result
            self._filling = True
            self.sheet.clear()
            for choice in self.sheets:
                self.sheet.addItem(choice.name, choice.name)
            if table.sheet is not None:
                self.sheet.setCurrentIndex(max(0, self.sheet.findData(table.sheet)))
            self._filling = False
            workbook = table.sheet is not None and len(self.sheets) > 1
            self.sheet.setVisible(workbook)
            self.sheet_label.setVisible(workbook)
            self._use_table(table)

        self._run(ImportStep.READ, self.tr("Reading the file…"), work, done)

    def _sheet_chosen(self) -> None:
        if self._filling or self.sheet.currentData() is None:
            return
        imports = self.services.objectives.imports
        path, sheet = self.path, str(self.sheet.currentData())

        def work(progress: Progress, cancel: CancelToken) -> RosterTable:
            return imports.read(path, sheet, progress=progress, cancel=cancel)

        self._run(ImportStep.READ, self.tr("Reading the sheet…"), work, self._use_table)

    def _use_table(self, table: RosterTable) -> None:
        self.table = table
        mapping = self.services.objectives.imports.guess_mapping(table)
        self._filling = True
        for fld, box in self.columns.items():
            box.clear()
            box.addItem(self.tr("(none)") if not fld.required else self.tr("Choose…"), None)
            for index, header in enumerate(table.headers):
                box.addItem(header, index)
            chosen = mapping.column(fld)
            box.setCurrentIndex(0 if chosen is None else chosen + 1)
        self._filling = False
        self.run_check()

    def mapping(self) -> ReadingsMapping:
        def column(fld: ReadingField) -> int | None:
            data = self.columns[fld].currentData()
            return None if data is None else int(data)

        return ReadingsMapping(
            metric=column(ReadingField.METRIC),
            date=column(ReadingField.DATE),
            value=column(ReadingField.VALUE),
            note=column(ReadingField.NOTE),
            objective=column(ReadingField.OBJECTIVE),
        )

    def _mapping_changed(self) -> None:
        if not self._filling and self.table is not None:
            self.run_check()

    def run_check(self) -> None:
        table, mapping = self.table, self.mapping()
        if table is None:
            return
        self.plan = None
        self.headline.setText(self.tr("Checking every row…"))
        self.headline.setStyleSheet("")
        imports = self.services.objectives.imports

        def work(progress: Progress, cancel: CancelToken) -> ReadingsPlan:
            return imports.check(table, mapping, progress=progress, cancel=cancel)

        self._run(ImportStep.CHECK, self.tr("Checking every row…"), work, self.show_plan)

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        skip = self.skip_bad.isChecked()
        imports = self.services.objectives.imports

        def work(progress: Progress, cancel: CancelToken) -> ImportedReadings:
            return imports.apply(plan, skip_bad_rows=skip, progress=progress, cancel=cancel)

        def done(result: ImportedReadings) -> None:
            self.result_ = result
            self.show_result(result)

        self._run(ImportStep.IMPORT, self.tr("Importing…"), work, done, show_progress=False)

    # Showing ------------------------------------------------------------------------------
    def show_plan(self, plan: ReadingsPlan) -> None:
        self.plan = plan
        self.error.clear()
        self.problems_model.set_problems(plan.bad, plan.notes)
        self.rows_model.set_rows(plan.rows)
        self.problems.setVisible(bool(plan.bad or plan.notes))
        self.problems.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
            if self.problems_model.rowCount() <= 200
            else QHeaderView.ResizeMode.Interactive
        )
        good = len(plan.rows)
        self.rows.setVisible(good > 0)
        self.counts.setVisible(good > 0)
        rows = self.tr("1 good row") if good == 1 else self.tr("{count} good rows")
        metrics = self.tr("1 metric") if plan.metrics == 1 else self.tr("{count} metrics")
        new_readings = (
            self.tr("1 new reading") if plan.new == 1 else self.tr("{count} new readings")
        )
        self.counts.setText(
            self.tr(
                "{rows} for {metrics}: {new}, {replaced} replacing a recorded value, "
                "{same} already recorded."
            ).format(
                rows=rows.format(count=format_count(good)),
                metrics=metrics.format(count=format_count(plan.metrics)),
                new=new_readings.format(count=format_count(plan.new)),
                replaced=format_count(plan.replaced),
                same=format_count(plan.unchanged),
            )
        )
        if plan.bad:
            self.headline.setStyleSheet("color: #c62828;")
            self.headline.setText(
                self.tr("1 row has a problem; nothing will be saved until it is fixed.")
                if plan.bad_rows == 1
                else self.tr(
                    "{count} rows have problems; nothing will be saved until they are fixed."
                ).format(count=format_count(plan.bad_rows))
            )
        else:
            self.headline.setStyleSheet("")
            self.headline.setText(
                self.tr("All {count} rows can be imported.").format(count=format_count(good))
                if good
                else self.tr("No row of the file gives a reading.")
            )
        self.skip_bad.setChecked(False)
        self.skip_bad.setText(
            self.tr("Import the {good} good rows and leave out the {bad} with problems").format(
                good=format_count(good), bad=format_count(plan.bad_rows)
            )
        )
        self.skip_bad.setVisible(bool(plan.bad) and good > 0)
        self.remarks.setText("\n".join(f"• {remark}" for remark in plan.remarks))
        self.remarks.setVisible(bool(plan.remarks))
        self._update_buttons()

    def show_result(self, result: ImportedReadings) -> None:
        """What was recorded; the dialog now only closes (the page says it again)."""
        self.headline.setStyleSheet("")
        self.headline.setText(
            self.tr(
                "Imported: {added} new readings, {replaced} corrected, {same} already recorded."
            ).format(
                added=format_count(result.added),
                replaced=format_count(result.replaced),
                same=format_count(result.unchanged),
            )
        )
        self.counts.setVisible(bool(result.skipped_bad_rows))
        self.counts.setText(
            self.tr("{count} rows with problems were left out.").format(
                count=format_count(result.skipped_bad_rows)
            )
        )
        for widget in (self.problems, self.skip_bad, self.remarks):
            widget.hide()
        for box in (self.sheet, *self.columns.values()):
            box.setEnabled(False)
        self.import_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()

    def show_problem(self, message: str) -> None:
        self.plan = None
        self.headline.clear()
        self.counts.clear()
        self.problems_model.set_problems([], [])
        self.rows_model.set_rows([])
        self.skip_bad.hide()
        self.error.show_message(message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = (
            self.result_ is None
            and plan is not None
            and bool(plan.rows)
            and (plan.ok or self.skip_bad.isChecked())
            and self.busy is None
        )
        self.import_button.setEnabled(ready)

    # Running ------------------------------------------------------------------------------
    def _run(
        self,
        step: ImportStep,
        label: str,
        work: Callable[[Progress, CancelToken], T],
        on_success: Callable[[T], None],
        *,
        show_progress: bool = True,
    ) -> None:
        """Run ``work`` off the GUI thread; only the newest run may show its result."""
        if self.task is not None:
            self.task.cancel()
        self.busy = step
        self._generation += 1
        generation = self._generation
        self._update_buttons()

        def succeeded(result: T) -> None:
            if generation == self._generation:
                self._finish(step, lambda: on_success(result))

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return

            def explain() -> None:
                if isinstance(error, Cancelled):
                    self.show_problem(self.tr("Stopped. Nothing was saved."))
                elif isinstance(error, ValidationError | UserFacingError):
                    self.show_problem(error.message)
                else:
                    self.show_problem(self.tr("Something went wrong inside Upskill Planner."))
                    show_error(self, error, action=self.windowTitle())

            self._finish(step, explain)

        task = run_in_background(self, label, work, succeeded, failed, show_progress=show_progress)
        self.task = task  # type: ignore[assignment]

    def _finish(self, step: ImportStep, show: Callable[[], None]) -> None:
        if self.busy == step:
            self.busy = None
            self.task = None
        try:
            show()
        finally:
            self._update_buttons()
            self.step_finished.emit(step.value)

    def reject(self) -> None:
        """Cancel also stops a running step; an unfinished import is rolled back. After an
        import, closing the dialog in any way accepts it (the readings are recorded)."""
        if self.result_ is not None:
            self.accept()
            return
        if self.task is not None:
            self.task.cancel()
        super().reject()
