"""Import one kind of pilot measurement from a spreadsheet: choose the file, check the
columns guessed from its headers, see every good row and every bad one, then import.

Nothing is saved before Import, and Import is refused while a row is bad unless the user
ticks "import the good rows". Opening, checking and importing run off the GUI thread;
each emits ``step_finished`` when its result (or failure) is on the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import Cancelled, UserFacingError
from app.paths.completions_model import PersonKey
from app.pilots.tracking_import import TrackingImportService
from app.pilots.tracking_import_model import (
    FIELDS,
    ImportedMeasurements,
    ImportKind,
    TrackingField,
    TrackingMapping,
    TrackingPlan,
)
from app.progress import CancelToken, Progress
from app.roster.model import RosterTable, SheetChoice
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.paths.completions_labels import person_key_label
from ui.people.import_pages import Banner
from ui.people.labels import format_count
from ui.people.naming import named
from ui.people.roster_tables import ProblemsModel
from ui.pilots.tracking_import_preview import GoodRowsModel
from ui.pilots.tracking_labels import field_label, kind_file_hint, kind_title
from ui.worker import BackgroundTask, run_in_background

T = TypeVar("T")
F = TrackingField
NONE = -1


def tracking_importer(services: AppServices) -> TrackingImportService:
    """The import service of these services."""
    return services.pilot_import


class TrackingImportDialog(QDialog):
    step_finished = Signal(str)
    """ "sheets", "read", "check" or "import", once its result is on the dialog."""

    def __init__(
        self,
        services: AppServices,
        pilot_id: int,
        kind: ImportKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tracking_import_dialog")
        self.setWindowTitle(self.tr("Import {what}").format(what=kind_title(kind).lower()))
        self.importer = tracking_importer(services)
        self.pilot_id = pilot_id
        self.kind = kind
        self.path: Path | None = None
        self.table: RosterTable | None = None
        self.plan: TrackingPlan | None = None
        self.result_: ImportedMeasurements | None = None
        self.busy: str | None = None
        self.task: BackgroundTask[object] | None = None
        self._generation = 0
        self._build()
        self.resize(980, 720)

    # Building ----------------------------------------------------------------------------
    def _build(self) -> None:
        heading = make_heading(self.windowTitle(), self, 1.2)
        hint = make_muted(
            kind_file_hint(self.kind)
            + " "
            + self.tr(
                "People are found by employee number, e-mail or exact name. Nothing is saved "
                "until you press Import; an empty cell leaves what is recorded as it is."
            ),
            self,
        )
        self.path_edit = named(QLineEdit(self), "file_path")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen yet"))
        self.browse_button = named(QPushButton(self.tr("&Choose file…"), self), "browse")
        self.browse_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
        )
        self.browse_button.clicked.connect(self.browse)
        self.sheet_label = QLabel(self.tr("&Sheet:"), self)
        self.sheet_combo = named(QComboBox(self), "sheet")
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.sheet_label)
        file_row.addWidget(self.sheet_combo)

        self.columns_box = named(QGroupBox(self.tr("Which column holds what"), self), "columns")
        grid = QGridLayout(self.columns_box)
        self.combos: dict[TrackingField, QComboBox] = {}
        fields = FIELDS[self.kind]
        for position, fld in enumerate(fields):
            combo = named(QComboBox(self.columns_box), f"column_{fld.value}")
            combo.setAccessibleName(field_label(fld))
            combo.setMinimumWidth(170)
            combo.currentIndexChanged.connect(self._mapping_changed)
            label = QLabel(field_label(fld), self.columns_box)
            label.setBuddy(combo)
            row, pair = divmod(position, 3)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(combo, row, pair * 2 + 1)
            self.combos[fld] = combo
        self.person_key = named(QComboBox(self.columns_box), "person_key")
        for key in PersonKey:
            self.person_key.addItem(person_key_label(key), key)
        self.person_key.currentIndexChanged.connect(self._mapping_changed)
        key_label = QLabel(self.tr("The person column holds"), self.columns_box)
        key_label.setBuddy(self.person_key)
        last = (len(fields) + 2) // 3
        grid.addWidget(key_label, last, 0)
        grid.addWidget(self.person_key, last, 1, 1, 3)
        self.columns_box.setEnabled(False)

        self.error = Banner("import_error", parent=self)
        self.headline = named(QLabel(self), "check_headline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.counts = named(QLabel(self), "check_counts")
        self.counts.setWordWrap(True)
        self.good_model = GoodRowsModel(self)
        self.good_view = self._table(self.good_model, "good_rows")
        self.problems_model = ProblemsModel(self)
        self.problems_view = self._table(self.problems_model, "bad_rows")
        self.problems_view.setWordWrap(True)
        problem_header = self.problems_view.horizontalHeader()
        problem_header.resizeSection(ProblemsModel.ROW, 70)
        problem_header.resizeSection(ProblemsModel.COLUMN, 150)
        problem_header.setSectionResizeMode(ProblemsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        problem_header.resizeSection(ProblemsModel.VALUE, 130)
        problem_header.setStretchLastSection(False)
        self.good_view.setWordWrap(False)
        self.good_label = named(QLabel(self.tr("Rows to import"), self), "good_label")
        self.bad_label = named(QLabel(self.tr("Rows with problems"), self), "bad_label")
        good_box = QWidget(self)
        self.bad_box = bad_box = QWidget(self)
        for box, label, view in (
            (good_box, self.good_label, self.good_view),
            (bad_box, self.bad_label, self.problems_view),
        ):
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(view, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(good_box)
        self.splitter.addWidget(bad_box)
        self.splitter.setChildrenCollapsible(False)
        self.remarks = named(make_muted("", self), "check_remarks")
        self.skip_bad = named(QCheckBox(self), "skip_bad_rows")
        self.skip_bad.toggled.connect(lambda _on: self._update_buttons())
        self.result_label = named(QLabel(self), "result_sentence")
        self.result_label.setWordWrap(True)
        self.result_label.setFont(font)
        self.buttons = QDialogButtonBox(self)
        self.import_button = named(
            self.buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole),
            "import",
        )
        self.close_button = named(
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close), "close"
        )
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(file_row)
        layout.addWidget(self.columns_box)
        layout.addWidget(self.error)
        layout.addWidget(self.headline)
        layout.addWidget(self.counts)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.remarks)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._show_sheet_choice(False)
        self._clear_plan()

    def _table(self, model: object, name: str) -> QTableView:
        view = named(QTableView(self), name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setDefaultSectionSize(130)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        return view

    def _show_sheet_choice(self, visible: bool) -> None:
        self.sheet_label.setVisible(visible)
        self.sheet_combo.setVisible(visible)

    # Choosing the file -------------------------------------------------------------------
    def choose_file_path(self) -> str | None:
        """Ask for the file; tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the spreadsheet"),
            "",
            self.tr("Spreadsheets and text files (*.xlsx *.xlsm *.csv *.txt);;All files (*)"),
        )
        return path or None

    def browse(self) -> None:
        chosen = self.choose_file_path()
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> None:
        """List the sheets of ``path`` (none for a CSV file), then read the default one."""
        self.path = path
        self.table = None
        self.result_ = None
        self.result_label.clear()
        self.path_edit.setText(str(path))
        self._clear_plan()
        self._show_sheet_choice(False)
        importer = self.importer

        def work(_p: Progress, _c: CancelToken) -> tuple[list[SheetChoice], str | None]:
            return importer.sheets(path), importer.default_sheet(path)

        def done(found: tuple[list[SheetChoice], str | None]) -> None:
            sheets, default = found
            workbook = default is not None
            self.sheet_combo.blockSignals(True)
            self.sheet_combo.clear()
            if workbook:
                for sheet in sheets:
                    if sheet.visible and sheet.note not in ("empty", "chart sheet (no table)"):
                        self.sheet_combo.addItem(sheet.name, sheet.name)
                self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(default), 0))
            self.sheet_combo.blockSignals(False)
            self._show_sheet_choice(workbook and self.sheet_combo.count() > 1)
            self.read_sheet(self.sheet_combo.currentData() if workbook else None)

        self._run("sheets", self.tr("Opening the file…"), work, done)

    def _sheet_chosen(self) -> None:
        if self.path is not None and self.sheet_combo.count():
            self.read_sheet(self.sheet_combo.currentData())

    def read_sheet(self, sheet: str | None) -> None:
        path = self.path
        if path is None:
            return
        importer = self.importer

        def work(progress: Progress, cancel: CancelToken) -> RosterTable:
            return importer.read(path, sheet, progress=progress, cancel=cancel)

        def done(table: RosterTable) -> None:
            self.table = table
            self._fill_columns(table)
            self.run_check()

        self._run("read", self.tr("Reading the file…"), work, done)

    def _fill_columns(self, table: RosterTable) -> None:
        guess = self.importer.guess_mapping(self.kind, table)
        for fld, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(no column)"), NONE)
            for index, header in enumerate(table.headers):
                combo.addItem(header, index)
            chosen = guess.column(fld)
            combo.setCurrentIndex(max(combo.findData(chosen if chosen is not None else NONE), 0))
            combo.blockSignals(False)
        self.person_key.blockSignals(True)
        self.person_key.setCurrentIndex(max(self.person_key.findData(guess.person_key), 0))
        self.person_key.blockSignals(False)
        self.columns_box.setEnabled(True)

    def current_mapping(self) -> TrackingMapping:
        columns = {
            fld: int(combo.currentData())
            for fld, combo in self.combos.items()
            if combo.currentData() is not None and combo.currentData() != NONE
        }
        return TrackingMapping(
            kind=self.kind, columns=columns, person_key=PersonKey(self.person_key.currentData())
        )

    def _mapping_changed(self) -> None:
        if self.table is not None:
            self.run_check()

    # Checking ----------------------------------------------------------------------------
    def run_check(self) -> None:
        table = self.table
        if table is None:
            return
        mapping = self.current_mapping()
        self._clear_plan()
        self.headline.setText(self.tr("Checking every row…"))
        importer, pilot_id = self.importer, self.pilot_id

        def work(progress: Progress, cancel: CancelToken) -> TrackingPlan:
            return importer.check(pilot_id, table, mapping, progress=progress, cancel=cancel)

        self._run("check", self.tr("Checking every row…"), work, self._show_plan)

    def _clear_plan(self) -> None:
        self.plan = None
        self.error.clear()
        self.headline.setStyleSheet("")
        self.headline.clear()
        self.counts.clear()
        self.remarks.clear()
        self.good_model.set_plan(None)
        self.problems_model.set_problems([], [])
        self.splitter.hide()
        self.skip_bad.setChecked(False)
        self.skip_bad.hide()
        self._update_buttons()

    def _show_plan(self, plan: TrackingPlan) -> None:
        self.plan = plan
        self.good_model.set_plan(plan)
        self.good_view.resizeColumnsToContents()
        for column in range(self.good_model.columnCount()):
            width = self.good_view.columnWidth(column)
            self.good_view.setColumnWidth(column, min(max(width + 16, 70), 320))
        self.problems_model.set_problems(plan.bad, plan.notes)
        self.splitter.show()
        listed = bool(plan.bad or plan.notes)
        self.bad_box.setVisible(listed)
        if self.problems_model.rowCount() <= 200:
            self.problems_view.resizeRowsToContents()
        good = len(plan.rows)
        self.good_label.setText(
            self.tr("Rows to import ({count})").format(count=format_count(good))
        )
        self.bad_label.setText(self.tr("Rows with problems, and notes"))
        self.counts.setText(
            self.tr("{good} good rows of {total} in the file.").format(
                good=format_count(good), total=format_count(plan.total_rows)
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
        elif good:
            self.headline.setText(
                self.tr("All {count} rows can be imported.").format(count=format_count(good))
            )
        else:
            self.headline.setText(self.tr("No row of the file has anything to record."))
        keep = (
            self.tr("Import the 1 good row")
            if good == 1
            else self.tr("Import the {count} good rows").format(count=format_count(good))
        )
        leave = (
            self.tr("and leave out the 1 row with a problem")
            if plan.bad_rows == 1
            else self.tr("and leave out the {count} rows with problems").format(
                count=format_count(plan.bad_rows)
            )
        )
        self.skip_bad.setText(f"{keep} {leave}")
        self.skip_bad.setVisible(bool(plan.bad) and good > 0)
        self.remarks.setText("\n".join(f"• {remark}" for remark in plan.remarks))

    # Importing ---------------------------------------------------------------------------
    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not self.import_button.isEnabled():
            return
        skip = self.skip_bad.isChecked()
        importer = self.importer

        def work(progress: Progress, cancel: CancelToken) -> ImportedMeasurements:
            return importer.apply(plan, skip_bad_rows=skip, progress=progress, cancel=cancel)

        def done(result: ImportedMeasurements) -> None:
            self.result_ = result
            self.result_label.setText(result.sentence)
            self.close_button.setFocus()

        self._run("import", self.tr("Importing…"), work, done)

    def _update_buttons(self) -> None:
        plan = self.plan
        ready = (
            plan is not None
            and self.busy is None
            and self.result_ is None
            and bool(plan.rows)
            and (plan.ok or self.skip_bad.isChecked())
        )
        self.import_button.setEnabled(ready)
        self.import_button.setDefault(ready)

    # Running steps off the GUI thread ----------------------------------------------------
    def _run(
        self,
        step: str,
        label: str,
        work: Callable[[Progress, CancelToken], T],
        on_success: Callable[[T], None],
    ) -> None:
        """Only the newest run of a step puts its result on the dialog."""
        if self.task is not None:
            self.task.cancel()
        self.busy = step
        self._generation += 1
        generation = self._generation
        self._update_buttons()

        def finish(show: Callable[[], None]) -> None:
            if generation != self._generation:
                return
            self.busy = None
            self.task = None
            try:
                show()
            finally:
                self._update_buttons()
                self.step_finished.emit(step)

        def failed(error: BaseException) -> None:
            def explain() -> None:
                if isinstance(error, Cancelled):
                    self.error.show_message(self.tr("Stopped. Nothing was saved."))
                elif isinstance(error, UserFacingError):
                    self.error.show_message(error.message)
                else:
                    self.error.show_message(self.tr("Something went wrong inside Upskill Planner."))
                    show_error(self, error, action=self.windowTitle())

            finish(explain)

        task = run_in_background(
            self, label, work, lambda result: finish(lambda: on_success(result)), failed
        )
        self.task = task  # type: ignore[assignment]

    def reject(self) -> None:
        """Close also stops a running step; an unfinished import is rolled back."""
        if self.task is not None:
            self.task.cancel()
        super().reject()
