"""The pages of the completions import wizard; the wizard holds the state and runs the steps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.paths.completions_model import (
    CompletionField,
    CompletionMapping,
    CompletionPlan,
    ImportedCompletions,
    PersonKey,
)
from app.roster.model import RosterTable
from ui.look import make_muted
from ui.paths.completions_labels import field_label, person_key_label
from ui.people.import_pages import Banner
from ui.people.labels import format_count
from ui.people.naming import named
from ui.people.roster_tables import ProblemsModel, RosterPreviewModel

if TYPE_CHECKING:
    from ui.paths.completions_dialog import CompletionsImportDialog

F = CompletionField


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class MappedPreviewModel(RosterPreviewModel):
    """The first rows of the file, each chosen column's header naming what it holds."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._meanings: dict[int, str] = {}

    def set_meanings(self, meanings: dict[int, str]) -> None:
        self._meanings = meanings
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        meaning = self._meanings.get(section) if orientation == Qt.Orientation.Horizontal else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            header = super().headerData(section, orientation, role)
            return f"{header}\n→ {meaning}" if meaning and header else header
        return super().headerData(section, orientation, role)


def _preview(parent: QWidget, model: RosterPreviewModel, name: str) -> QTableView:
    view = named(QTableView(parent), name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(parent.fontMetrics().height() + 8)
    view.horizontalHeader().setDefaultSectionSize(150)
    view.verticalHeader().setToolTip(parent.tr("Row number in the file"))
    return view


class _Page(QWizardPage):
    def __init__(self, wizard: CompletionsImportDialog) -> None:
        super().__init__(wizard)
        self.dialog = wizard


class FilePage(_Page):
    """Step 1: the file, the sheet of a workbook, and a look at its first rows."""

    def __init__(self, wizard: CompletionsImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose the export from your learning system"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) or a CSV file with one row per person and module: "
                "who, which module, and when they finished it. Nothing is saved until the "
                "last step."
            )
        )
        self.path_edit = named(QLineEdit(), "file_path")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen yet"))
        self.browse_button = named(QPushButton(self.tr("Choose file…")), "browse")
        self.browse_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
        )
        self.browse_button.clicked.connect(wizard.browse)
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet_combo = named(QComboBox(), "sheet")
        self.sheet_combo.setMinimumWidth(220)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.info_label = named(QLabel(), "file_info")
        self.info_label.setWordWrap(True)
        self.error = Banner("file_error")
        self.preview_model = RosterPreviewModel(self)
        self.preview = _preview(self, self.preview_model, "file_preview")
        self.notes_label = named(make_muted("", self), "read_notes")
        self.tips = named(
            QLabel(
                self.tr(
                    "<b>What works best</b><ul>"
                    "<li>The completion or transcript report of your LMS, exported to Excel "
                    "or CSV.</li>"
                    "<li>A column that tells who the person is: employee number, e-mail or "
                    "full name as in Upskill Planner.</li>"
                    "<li>A column with the module (its title or key), and one with the "
                    "completion date. Status and score columns are used when present.</li>"
                    "</ul>"
                )
            ),
            "file_tips",
        )
        self.tips.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addLayout(sheet_row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.tips)
        layout.addStretch(0)
        self._show_sheet_choice(False)
        self.preview.hide()

    def _show_sheet_choice(self, visible: bool) -> None:
        self.sheet_label.setVisible(visible)
        self.sheet_combo.setVisible(visible)

    def show_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.info_label.setText(self.tr("Opening {name}…").format(name=path.name))
        self.error.clear()
        self.preview_model.set_table(None)
        self.preview.hide()
        self.notes_label.clear()
        self._show_sheet_choice(False)

    def show_sheets(self) -> None:
        dialog = self.dialog
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if dialog.is_workbook:
            for sheet in dialog.sheets:
                if sheet.visible and sheet.note not in ("empty", "chart sheet (no table)"):
                    self.sheet_combo.addItem(sheet.name, sheet.name)
            self.sheet_combo.setCurrentIndex(
                max(self.sheet_combo.findData(dialog.default_sheet), 0)
            )
        self.sheet_combo.blockSignals(False)
        self._show_sheet_choice(dialog.is_workbook and self.sheet_combo.count() > 1)
        if dialog.is_workbook and self.sheet_combo.count() == 0:
            self.show_error(
                self.tr(
                    "This workbook has no visible sheet with data. Open it in Excel, show the "
                    "sheet that holds the completions, save and try again."
                )
            )
            return
        self._sheet_chosen()

    def _sheet_chosen(self) -> None:
        sheet = self.sheet_combo.currentData() if self.dialog.is_workbook else None
        self.dialog.read_sheet(sheet)

    def show_reading(self) -> None:
        self.error.clear()
        self.info_label.setText(self.tr("Reading…"))
        self.preview_model.set_table(None)

    def show_table(self, table: RosterTable) -> None:
        self.error.clear()
        self.tips.hide()
        self.preview_model.set_table(table)
        self.preview.show()
        kind = (
            self.tr("Excel workbook, sheet “{sheet}”").format(sheet=table.sheet)
            if self.dialog.is_workbook
            else self.tr("Text file")
        )
        self.info_label.setText(
            self.tr("{kind}: {rows} rows and {columns} columns. The first rows:").format(
                kind=kind,
                rows=format_count(len(table.rows)),
                columns=format_count(len(table.headers)),
            )
        )
        self.notes_label.setText("\n".join(f"• {note}" for note in table.notes))

    def show_error(self, message: str) -> None:
        self.info_label.clear()
        self.preview_model.set_table(None)
        self.preview.hide()
        self.tips.show()
        self.error.show_message(message)

    def isComplete(self) -> bool:
        return self.dialog.table is not None and self.dialog.busy is None


class MappingPage(_Page):
    """Step 2: which column holds the person, the module, the date, the status, the score."""

    NONE = -1

    def __init__(self, wizard: CompletionsImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check which column holds what"))
        self.setSubTitle(
            self.tr(
                "We guessed from the column names; fix any guess that is wrong. Status and "
                "score are optional: without a status, every row counts as done."
            )
        )
        self.combos: dict[CompletionField, QComboBox] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for fld in CompletionField:
            combo = named(QComboBox(), f"column_{fld.value}")
            combo.setMinimumWidth(260)
            combo.setAccessibleName(field_label(fld))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.combos[fld] = combo
            label = QLabel(field_label(fld) + ("" if fld.required else self.tr(" (optional)")))
            label.setBuddy(combo)
            if fld is F.PERSON:
                self.person_key = named(QComboBox(), "person_key")
                self.person_key.setAccessibleName(self.tr("The person column holds"))
                for key in PersonKey:
                    self.person_key.addItem(person_key_label(key), key)
                row = QHBoxLayout()
                row.addWidget(combo)
                row.addWidget(QLabel(self.tr("which holds")))
                row.addWidget(self.person_key)
                row.addStretch(1)
                form.addRow(label, row)
            else:
                form.addRow(label, combo)
        self.date_order = named(QComboBox(), "date_order")
        self.date_order.addItem(self.tr("Worked out from the file"), None)
        self.date_order.addItem(self.tr("Day first (03/04/2026 is 3 April)"), True)
        self.date_order.addItem(self.tr("Month first (03/04/2026 is March 4)"), False)
        date_label = QLabel(self.tr("Dates such as 03/04/2026:"))
        date_label.setBuddy(self.date_order)
        form.addRow(date_label, self.date_order)
        self.error = Banner("mapping_error")
        self.preview_label = make_muted("", self)
        self.preview_model = MappedPreviewModel(self)
        self.preview = _preview(self, self.preview_model, "mapping_preview")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 1)
        self._filled_for: object = None

    def initializePage(self) -> None:
        table = self.dialog.table
        if table is None or self._filled_for is table:
            return
        self._filled_for = table
        guess = self.dialog.services.completions.guess_mapping(table)
        for fld, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(no column)"), self.NONE)
            for index, header in enumerate(table.headers):
                combo.addItem(header, index)
            chosen = guess.column(fld)
            combo.setCurrentIndex(max(combo.findData(chosen if chosen is not None else -1), 0))
            combo.blockSignals(False)
        self.person_key.setCurrentIndex(max(self.person_key.findData(guess.person_key), 0))
        self.date_order.setCurrentIndex(0)
        self.preview_model.set_table(table)
        self.preview_label.setText(self.tr("The first rows of the file, for reference:"))
        self._changed()

    def current_mapping(self) -> CompletionMapping:
        def column(fld: CompletionField) -> int | None:
            value = self.combos[fld].currentData()
            return None if value is None or value == self.NONE else int(value)

        return CompletionMapping(
            person=column(F.PERSON),
            person_key=PersonKey(self.person_key.currentData()),
            module=column(F.MODULE),
            date=column(F.DATE),
            status=column(F.STATUS),
            score=column(F.SCORE),
            day_first=self.date_order.currentData(),
        )

    def _problem(self) -> str | None:
        table = self.dialog.table
        if table is None or not self.combos[F.PERSON].count():
            return None
        mapping = self.current_mapping()
        missing = mapping.missing()
        if F.DATE in missing:
            return self.tr(
                "Choose the column with the completion date. If the file has none, export it "
                "again from your LMS with the completion date, then import that file."
            )
        if missing:
            return self.tr("Choose the column that holds: {fields}.").format(
                fields=", ".join(field_label(f) for f in missing)
            )
        used: dict[int, CompletionField] = {}
        for fld in CompletionField:
            column = mapping.column(fld)
            if column is None:
                continue
            if column in used:
                return self.tr(
                    "The column “{column}” is chosen for both {first} and {second}. Choose "
                    "one column for each."
                ).format(
                    column=table.headers[column],
                    first=field_label(used[column]),
                    second=field_label(fld),
                )
            used[column] = fld
        return None

    def _changed(self) -> None:
        if self.combos[F.PERSON].count():
            mapping = self.current_mapping()
            meanings: dict[int, str] = {}
            for fld in CompletionField:
                column = mapping.column(fld)
                if column is not None:
                    meanings.setdefault(column, field_label(fld))
            self.preview_model.set_meanings(meanings)
        problem = self._problem()
        if problem:
            self.error.show_message(problem)
        else:
            self.error.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.dialog.table is not None and self._problem() is None

    def validatePage(self) -> bool:
        self.dialog.mapping = self.current_mapping()
        return True


class CheckPage(_Page):
    """Step 3: every bad row with its reason; what would be recorded."""

    def __init__(self, wizard: CompletionsImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Every row was checked. Nothing has been saved yet."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.headline = _bold(named(QLabel(), "check_headline"))
        self.headline.setWordWrap(True)
        self.counts = named(QLabel(), "check_counts")
        self.counts.setWordWrap(True)
        self.advice = named(QLabel(), "check_advice")
        self.advice.setWordWrap(True)
        self.problems_model = ProblemsModel(self)
        self.problems = named(QTableView(), "bad_rows")
        self.problems.setModel(self.problems_model)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        header = self.problems.horizontalHeader()
        header.resizeSection(ProblemsModel.ROW, 70)
        header.resizeSection(ProblemsModel.COLUMN, 130)
        header.setSectionResizeMode(ProblemsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ProblemsModel.VALUE, 160)
        self.filler = QWidget()
        self.remarks = named(make_muted("", self), "check_remarks")
        self.skip_bad = named(QCheckBox(), "skip_bad_rows")
        self.skip_bad.toggled.connect(lambda _on: self.completeChanged.emit())
        self.error = Banner("check_error")
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.counts)
        layout.addWidget(self.advice)
        layout.addWidget(self.error)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.filler, 1)
        layout.addWidget(self.remarks)
        layout.addWidget(self.skip_bad)

    def initializePage(self) -> None:
        self.dialog.run_check()

    def show_checking(self) -> None:
        self.error.clear()
        self.problems_model.set_problems([], [])
        self.problems.hide()
        self.filler.show()
        self.headline.setStyleSheet("")
        self.headline.setText(self.tr("Checking…"))
        for label in (self.counts, self.advice, self.remarks):
            label.clear()
        self.skip_bad.setChecked(False)
        self.skip_bad.hide()

    def show_plan(self, plan: CompletionPlan) -> None:
        self.problems_model.set_problems(plan.bad, plan.notes)
        listed = bool(plan.bad or plan.notes)
        self.problems.setVisible(listed)
        self.filler.setVisible(not listed)
        if self.problems_model.rowCount() <= 200:
            self.problems.resizeRowsToContents()
        good = len(plan.rows)
        self.counts.setText(
            self.tr(
                "{rows} good rows: {people} people and {modules} modules. {total} rows in the file."
            ).format(
                rows=format_count(good),
                people=format_count(plan.people),
                modules=format_count(plan.modules),
                total=format_count(plan.total_rows),
            )
        )
        if plan.bad:
            self.headline.setStyleSheet("color: #c62828;")
            if plan.bad_rows == 1:
                self.headline.setText(
                    self.tr("1 row has a problem; nothing will be saved until it is fixed.")
                )
            else:
                self.headline.setText(
                    self.tr(
                        "{count} rows have problems; nothing will be saved until they are fixed."
                    ).format(count=format_count(plan.bad_rows))
                )
            self.advice.setText(
                self.tr(
                    "Fix the rows listed below in your file, save it and import it again. If "
                    "a column was given the wrong meaning, go Back and change it."
                )
            )
        else:
            self.headline.setStyleSheet("")
            self.headline.setText(
                self.tr("All {count} rows can be imported.").format(count=format_count(good))
                if good
                else self.tr("No row of the file records a completion or progress.")
            )
            self.advice.setText(
                self.tr("The notes below don't stop the import.") if plan.notes else ""
            )
        if good == 1:
            keep = self.tr("Import the 1 good row")
        else:
            keep = self.tr("Import the {count} good rows").format(count=format_count(good))
        if plan.bad_rows == 1:
            leave = self.tr("and leave out the 1 row with a problem")
        else:
            leave = self.tr("and leave out the {count} rows with problems").format(
                count=format_count(plan.bad_rows)
            )
        self.skip_bad.setText(f"{keep} {leave}")
        self.skip_bad.setVisible(bool(plan.bad) and good > 0)
        self.remarks.setText("\n".join(f"• {remark}" for remark in plan.remarks))

    def show_error(self, message: str) -> None:
        self.headline.clear()
        self.counts.clear()
        self.error.show_message(message)

    @property
    def skip_bad_rows(self) -> bool:
        return not self.skip_bad.isHidden() and self.skip_bad.isChecked()

    def isComplete(self) -> bool:
        plan = self.dialog.plan
        if plan is None or self.dialog.busy is not None or not plan.rows:
            return False
        return plan.ok or self.skip_bad.isChecked()


class ResultPage(_Page):
    """Step 4: the import itself (one transaction), then what it recorded."""

    def __init__(self, wizard: CompletionsImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Importing completions"))
        self.setSubTitle(self.tr("Everything is saved in one step, or nothing is."))
        self.setFinalPage(True)
        self.status = _bold(named(QLabel(), "result_status"))
        self.status.setWordWrap(True)
        self.progress = named(QProgressBar(), "result_progress")
        self.error = Banner("result_error")
        self.values: dict[str, QLabel] = {}
        self.form = QFormLayout()
        for key, text in (
            ("count", self.tr("Results recorded:")),
            ("people", self.tr("People:")),
            ("modules", self.tr("Modules:")),
            ("unchanged", self.tr("Already recorded, left as they were:")),
            ("skipped", self.tr("Rows with problems left out:")),
        ):
            value = named(QLabel(), f"result_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(text, value)
        self.summary_box = QWidget()
        self.summary_box.setLayout(self.form)
        self.remarks = named(make_muted("", self), "result_remarks")
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.summary_box)
        layout.addWidget(self.remarks)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan = self.dialog.plan
        self.error.clear()
        self.summary_box.hide()
        self.remarks.clear()
        self.progress.show()
        self.progress.setRange(0, 0)
        rows = len(plan.rows) if plan else 0
        self.status.setText(self.tr("Importing {count} rows…").format(count=format_count(rows)))
        self.dialog.run_import(skip_bad_rows=self.dialog.check_page.skip_bad_rows)

    def show_result(self, result: ImportedCompletions) -> None:
        self.progress.hide()
        self.status.setText(self.tr("Done. Progress on the learning paths is up to date."))
        self.values["count"].setText(format_count(result.count))
        self.values["people"].setText(format_count(result.people))
        self.values["modules"].setText(format_count(result.modules))
        self.values["unchanged"].setText(format_count(result.unchanged))
        self.values["skipped"].setText(
            self.tr("{count} (as you chose; fix them in the file and import it again)").format(
                count=format_count(result.skipped_bad_rows)
            )
        )
        skipped_label = self.form.labelForField(self.values["skipped"])
        for widget in (self.values["skipped"], skipped_label):
            if widget is not None:
                widget.setVisible(result.skipped_bad_rows > 0)
        self.summary_box.show()
        plan = self.dialog.plan
        remarks = list(plan.remarks) if plan else []
        if result.unchanged:
            remarks.append(
                self.tr(
                    "A later completion date already recorded is kept, and “in progress” "
                    "never undoes “done”."
                )
            )
        self.remarks.setText("\n".join(f"• {remark}" for remark in remarks))

    def show_error(self, message: str) -> None:
        self.progress.hide()
        self.status.setText(self.tr("The import did not happen; nothing was saved."))
        self.error.show_message(message)

    def isComplete(self) -> bool:
        return self.dialog.busy is None
