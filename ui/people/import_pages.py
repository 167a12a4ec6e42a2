"""The pages of the roster import wizard; the wizard itself holds the state and runs the steps."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.roster.applying import ImportSummary, OnExisting
from app.roster.model import (
    IDENTIFYING_FIELDS,
    ColumnMapping,
    RosterField,
    RosterPlan,
    RosterTable,
    SheetChoice,
)
from app.services.people import PeopleQuery
from ui.people.labels import format_count, people_count
from ui.people.naming import named
from ui.people.roster_tables import ProblemsModel, RosterPreviewModel, cell_text

if TYPE_CHECKING:
    from ui.people.import_dialog import ImportDialog

EXAMPLES = 3


class Banner(QFrame):
    """A message with an icon, shown on a page instead of a traceback or a pop-up."""

    def __init__(
        self, object_name: str, kind: str = "error", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxCritical
            if kind == "error"
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        self.icon = QLabel()
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(24, 24))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if kind == "error":
            self.setStyleSheet(
                f"QFrame#{object_name} {{ border: 1px solid #c62828; border-radius: 4px; }}"
            )
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""


def _bold(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


class _Page(QWizardPage):
    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.dialog = wizard


class FilePage(_Page):
    """Step 1: choose the file."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Choose your roster file"))
        self.setSubTitle(
            self.tr(
                "An Excel workbook (.xlsx) or a CSV or text file with one row per person "
                "and the column names in the first row. Nothing is saved until the last step."
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
        self.info_label = named(QLabel(), "file_info")
        self.info_label.setWordWrap(True)
        self.error = Banner("file_error")
        tips = QLabel(
            self.tr(
                "<b>What works best</b><ul>"
                "<li>One row per person, with an employee number or an e-mail address.</li>"
                "<li>Columns such as name, department, job title, manager and hire date; "
                "you tell us what each column means in a moment.</li>"
                "<li>Other columns (salary, ratings…) are simply left out.</li></ul>"
            )
        )
        tips.setWordWrap(True)
        tips.setObjectName("file_tips")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info_label)
        layout.addWidget(self.error)
        layout.addSpacing(12)
        layout.addWidget(tips)
        layout.addStretch(1)

    def show_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.info_label.setText(self.tr("Opening {name}…").format(name=path.name))
        self.error.clear()

    def show_sheets(self, sheets: list[SheetChoice]) -> None:
        if self.dialog.is_workbook:
            visible = sum(1 for sheet in sheets if sheet.visible)
            text = self.tr("Excel workbook with {count} sheet(s) you can choose from.").format(
                count=visible
            )
        else:
            text = self.tr("Text file (comma- or tab-separated values).")
        self.info_label.setText(text)

    def show_error(self, message: str) -> None:
        self.info_label.clear()
        self.error.show_message(message)

    def isComplete(self) -> bool:
        return bool(self.dialog.sheets) and self.dialog.busy is None and self.error.isHidden()


class SheetPage(_Page):
    """Step 2: the sheet and a preview of its first rows."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Look at the data"))
        self.setSubTitle(self.tr("Check that these are the people you expect."))
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet_combo = named(QComboBox(), "sheet")
        self.sheet_combo.setMinimumWidth(220)
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.sheet_notes = named(QLabel(), "sheet_notes")
        self.sheet_notes.setWordWrap(True)
        self.sheet_notes.setEnabled(False)
        self.summary_label = _bold(named(QLabel(), "read_summary"))
        self.summary_label.setWordWrap(True)
        self.notes_label = named(QLabel(), "read_notes")
        self.notes_label.setWordWrap(True)
        self.preview_model = RosterPreviewModel(self)
        self.preview = named(QTableView(), "preview")
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview.horizontalHeader().setDefaultSectionSize(130)
        self.preview.verticalHeader().setToolTip(self.tr("Row number in the file"))
        self.error = Banner("read_error")
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addWidget(self.sheet_notes, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(sheet_row)
        layout.addWidget(self.error)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.notes_label)

    def initializePage(self) -> None:
        dialog = self.dialog
        workbook = dialog.is_workbook
        for widget in (self.sheet_label, self.sheet_combo, self.sheet_notes):
            widget.setVisible(workbook)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        left_out: list[str] = []
        for sheet in dialog.sheets:
            if sheet.visible and sheet.note not in ("empty", "chart sheet (no table)"):
                self.sheet_combo.addItem(sheet.name, sheet.name)
                if sheet.note:
                    self.sheet_combo.setItemData(
                        self.sheet_combo.count() - 1, sheet.note, Qt.ItemDataRole.ToolTipRole
                    )
            else:
                left_out.append(f"“{sheet.name}” ({sheet.note or self.tr('hidden')})")
        chosen = self.sheet_combo.findData(dialog.default_sheet)
        self.sheet_combo.setCurrentIndex(max(chosen, 0))
        self.sheet_combo.blockSignals(False)
        self.sheet_notes.setText(
            self.tr("Not offered: {sheets}.").format(sheets=", ".join(left_out)) if left_out else ""
        )
        if workbook and self.sheet_combo.count() == 0:
            self.show_error(
                self.tr(
                    "This workbook has no visible sheet with data. Open it in "
                    "Excel, show the sheet that holds your people, save and "
                    "try again."
                )
            )
            return
        self._sheet_chosen()

    def _sheet_chosen(self) -> None:
        sheet = self.sheet_combo.currentData() if self.dialog.is_workbook else None
        self.dialog.read_sheet(sheet)

    def show_reading(self) -> None:
        self.error.clear()
        self.preview_model.set_table(None)
        self.summary_label.setText(self.tr("Reading…"))
        self.notes_label.clear()

    def show_table(self, table: RosterTable) -> None:
        self.error.clear()
        self.preview_model.set_table(table)
        shown = min(len(table.rows), 20)
        self.summary_label.setText(
            self.tr(
                "{rows} rows and {columns} columns; the column names are in row {header}. "
                "The first {shown} rows:"
            ).format(
                rows=format_count(len(table.rows)),
                columns=format_count(len(table.headers)),
                header=table.header_row,
                shown=shown,
            )
        )
        self.notes_label.setText("\n".join(f"• {note}" for note in table.notes))

    def show_error(self, message: str) -> None:
        self.preview_model.set_table(None)
        self.summary_label.clear()
        self.error.show_message(message)

    def isComplete(self) -> bool:
        return self.dialog.table is not None and self.dialog.busy is None


class MappingPage(_Page):
    """Step 3: what each column of the file means."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Tell us what each column means"))
        self.setSubTitle(
            self.tr(
                "We guessed from the column names; fix any guess that is wrong. Columns set "
                "to “Don't import” are left out."
            )
        )
        self.table_widget = named(QTableWidget(0, 3), "mapping")
        self.table_widget.setHorizontalHeaderLabels(
            [self.tr("Column in your file"), self.tr("First values"), self.tr("Means")]
        )
        self.table_widget.verticalHeader().hide()
        self.table_widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table_widget.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 300)
        self.table_widget.setWordWrap(False)
        self.table_widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.mapping_summary = named(QLabel(), "mapping_summary")
        self.mapping_summary.setWordWrap(True)
        self.error = Banner("mapping_error")
        self.combos: list[QComboBox] = []
        self._filled_for: object = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.mapping_summary)
        layout.addWidget(self.table_widget, 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        table = self.dialog.table
        if table is None or self._filled_for is table:
            return
        self._filled_for = table
        guess = self.dialog.services.roster.guess_mapping(table)
        by_column = {column: fld for fld, column in guess.items()}
        self.combos = []
        self.table_widget.setRowCount(len(table.headers))
        for column, header in enumerate(table.headers):
            name = QTableWidgetItem(header)
            self.table_widget.setItem(column, 0, name)
            examples = [
                cell_text(row.cells[column])
                for row in table.rows[:20]
                if column < len(row.cells) and cell_text(row.cells[column])
            ][:EXAMPLES]
            example_item = QTableWidgetItem(", ".join(examples))
            example_item.setForeground(self.palette().placeholderText())
            example_item.setToolTip("\n".join(examples))
            self.table_widget.setItem(column, 1, example_item)
            combo = named(QComboBox(), f"mapping_{column}")
            combo.setAccessibleName(self.tr("Meaning of column {name}").format(name=header))
            combo.addItem(RosterField.IGNORE.label, RosterField.IGNORE)
            for fld in RosterField:
                if fld is not RosterField.IGNORE:
                    combo.addItem(fld.label, fld)
            combo.setCurrentIndex(max(combo.findData(by_column.get(column, RosterField.IGNORE)), 0))
            combo.currentIndexChanged.connect(lambda _i: self._changed())
            self.table_widget.setCellWidget(column, 2, combo)
            self.combos.append(combo)
        self._changed()

    def combo_for(self, header: str) -> QComboBox:
        """The "Means" drop-down of the column called ``header``."""
        table = self.dialog.table
        assert table is not None
        return self.combos[table.headers.index(header)]

    def current_mapping(self) -> ColumnMapping:
        mapping: ColumnMapping = {}
        for column, combo in enumerate(self.combos):
            fld = RosterField(combo.currentData())
            if fld is not RosterField.IGNORE and fld not in mapping:
                mapping[fld] = column
        return mapping

    def _problem(self) -> str | None:
        table = self.dialog.table
        if table is None:
            return None
        chosen: dict[RosterField, list[str]] = {}
        for column, combo in enumerate(self.combos):
            fld = RosterField(combo.currentData())
            if fld is not RosterField.IGNORE:
                chosen.setdefault(fld, []).append(table.headers[column])
        for fld, headers in chosen.items():
            if len(headers) > 1:
                return self.tr(
                    "“{field}” is chosen for more than one column ({columns}). "
                    "Choose it for one column only."
                ).format(field=fld.label, columns=", ".join(headers))
        if not set(chosen) & IDENTIFYING_FIELDS:
            return self.tr(
                "Choose the column that holds the employee number, the name or the "
                "e-mail address, so we can tell people apart."
            )
        return None

    def _changed(self) -> None:
        chosen: list[str] = []
        for column, combo in enumerate(self.combos):
            fld = RosterField(combo.currentData())
            item = self.table_widget.item(column, 0)
            if item is not None:
                font = item.font()
                font.setBold(fld is not RosterField.IGNORE)
                item.setFont(font)
            if fld is not RosterField.IGNORE:
                chosen.append(fld.label)
        self.mapping_summary.setText(
            self.tr("{count} of {total} columns will be imported: {fields}.").format(
                count=len(chosen), total=len(self.combos), fields=", ".join(chosen)
            )
            if chosen
            else self.tr("No column is imported yet.")
        )
        problem = self._problem()
        if problem:
            self.error.show_message(problem)
        else:
            self.error.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and self._problem() is None

    def validatePage(self) -> bool:
        self.dialog.mapping = self.current_mapping()
        return True


class CheckPage(_Page):
    """Step 4: every problem with its row, and what to do with people already in the file."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(self.tr("Every row was checked. Nothing has been saved yet."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.headline = _bold(named(QLabel(), "check_summary"))
        self.headline.setWordWrap(True)
        self.advice = named(QLabel(), "check_advice")
        self.advice.setWordWrap(True)
        self.problems_model = ProblemsModel(self)
        self.problems = named(QTableView(), "problems")
        self.problems.setModel(self.problems_model)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.verticalHeader().hide()
        self.problems.setWordWrap(True)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.problems.horizontalHeader()
        header.resizeSection(ProblemsModel.ROW, 80)
        header.resizeSection(ProblemsModel.COLUMN, 140)
        header.setSectionResizeMode(ProblemsModel.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(ProblemsModel.COLUMN, 120)
        header.resizeSection(ProblemsModel.VALUE, 120)
        self.filler = QWidget()
        self.notes_label = named(QLabel(), "check_notes")
        self.notes_label.setWordWrap(True)
        self.error = Banner("check_error")

        self.existing_box = named(QWidget(), "existing_choice")
        self.update_existing = named(
            QRadioButton(self.tr("&Update them with what the file says")), "update_existing"
        )
        self.skip_existing = named(
            QRadioButton(self.tr("&Leave them as they are")), "skip_existing"
        )
        self.update_existing.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.update_existing)
        group.addButton(self.skip_existing)
        existing_row = QHBoxLayout(self.existing_box)
        existing_row.setContentsMargins(0, 0, 0, 0)
        existing_row.addWidget(
            QLabel(self.tr("People already in this data file (same employee number or e-mail):"))
        )
        existing_row.addWidget(self.update_existing)
        existing_row.addWidget(self.skip_existing)
        existing_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.advice)
        layout.addWidget(self.error)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.existing_box)
        layout.addWidget(self.filler, 1)

    @property
    def on_existing(self) -> OnExisting:
        return OnExisting.SKIP if self.skip_existing.isChecked() else OnExisting.UPDATE

    def initializePage(self) -> None:
        self.dialog.run_check()

    def show_checking(self) -> None:
        self.error.clear()
        self.problems_model.set_problems([], [])
        self.headline.setText(self.tr("Checking…"))
        self.problems.hide()
        self.filler.show()
        self.advice.clear()
        self.notes_label.clear()

    def show_plan(self, plan: RosterPlan) -> None:
        self.problems_model.set_problems(plan.errors, plan.warnings)
        has_problems = bool(plan.errors or plan.warnings)
        self.problems.setVisible(has_problems)
        self.filler.setVisible(not has_problems)
        if self.problems_model.rowCount() <= 200:
            self.problems.resizeRowsToContents()
        anyone_already = self.dialog.services.people.count(PeopleQuery(status=None)) > 0
        self.existing_box.setVisible(plan.ok and anyone_already)
        if len(plan.warnings) == 1:
            warnings = self.tr("1 warning doesn't stop the import; that value is left empty.")
        elif plan.warnings:
            warnings = self.tr(
                "{count} warnings don't stop the import; those values are left empty."
            ).format(count=format_count(len(plan.warnings)))
        else:
            warnings = ""
        if plan.errors:
            self.headline.setStyleSheet("color: #c62828;")
            if len(plan.errors) == 1:
                headline = self.tr(
                    "1 error stops the import; nothing will be written until it is fixed "
                    "in the file."
                )
            else:
                headline = self.tr(
                    "{count} errors stop the import; nothing will be written until they are "
                    "fixed in the file."
                ).format(count=format_count(len(plan.errors)))
            self.headline.setText(headline)
            self.advice.setText(
                self.tr(
                    "Fix the rows listed below in your file, save it and import it again. "
                    "If a column was given the wrong meaning, go Back and change it."
                )
                + (" " + warnings if warnings else "")
            )
        else:
            self.headline.setStyleSheet("")
            self.headline.setText(
                self.tr("{people} ready to import.").format(people=people_count(len(plan.people)))
            )
            self.advice.setText(warnings)
        self.notes_label.setText("\n".join(f"• {note}" for note in plan.notes))

    def show_error(self, message: str) -> None:
        self.headline.clear()
        self.existing_box.hide()
        self.error.show_message(message)

    def isComplete(self) -> bool:
        plan = self.dialog.plan
        return plan is not None and plan.ok and self.dialog.busy is None


class ImportPage(_Page):
    """Step 5: the import itself, with progress and Cancel (which rolls everything back)."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("This is one step: if you cancel, nothing is written."))
        self.status = _bold(named(QLabel(), "import_status"))
        self.status.setWordWrap(True)
        self.progress = named(QProgressBar(), "import_progress")
        self.cancel_button = named(QPushButton(self.tr("Cancel import")), "cancel_import")
        self.cancel_button.clicked.connect(wizard.cancel_running_step)
        self.error = Banner("import_error")
        wizard.progress_relay.progressed.connect(self._progressed)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan = self.dialog.plan
        count = len(plan.people) if plan else 0
        self.error.clear()
        self.status.setText(self.tr("Importing {people}…").format(people=people_count(count)))
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.dialog.run_import(self.dialog.check_page.on_existing)
        back = self.dialog.button(QWizard.WizardButton.BackButton)
        back.setEnabled(False)

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def show_done(self) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Done."))
        QTimer.singleShot(0, self._go_on)

    def _go_on(self) -> None:
        if self.dialog.currentPage() is self:
            self.dialog.next()

    def show_error(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("The import did not happen."))
        self.error.show_message(message)

    def isComplete(self) -> bool:
        return self.dialog.summary is not None


class SummaryPage(_Page):
    """Step 6: what the import did."""

    def __init__(self, wizard: ImportDialog) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Import finished"))
        self.setSubTitle(self.tr("Your people are in the data file."))
        self.setFinalPage(True)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, text in (
            ("imported", self.tr("New people added:")),
            ("updated", self.tr("People updated:")),
            ("skipped", self.tr("People left as they were:")),
            ("managers", self.tr("Managers linked:")),
            ("departments", self.tr("Departments added:")),
            ("roles", self.tr("Roles added:")),
            ("warnings", self.tr("Warnings:")),
        ):
            value = named(QLabel(), f"summary_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(text, value)
        self.next_steps = QLabel(
            self.tr(
                "Next: open <b>Departments &amp; roles</b> to check the learning track "
                "of each new role."
            )
        )
        self.next_steps.setWordWrap(True)
        # What was done while reading (names made from employee numbers, hidden rows
        # skipped, which sheet was read): the user should not have to remember the check page.
        self.notes = named(QLabel(), "summary_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.notes)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)

    def show_summary(self, summary: ImportSummary) -> None:
        def names(items: list[str]) -> str:
            if not items:
                return self.tr("none")
            shown = ", ".join(items[:12])
            more = len(items) - 12
            suffix = self.tr(" and {count} more").format(count=more) if more > 0 else ""
            return f"{format_count(len(items))}: {shown}{suffix}"

        self.values["imported"].setText(format_count(summary.imported))
        self.values["updated"].setText(format_count(summary.updated))
        self.values["skipped"].setText(format_count(summary.skipped))
        self.values["managers"].setText(format_count(summary.managers_linked))
        self.values["departments"].setText(names(summary.departments_added))
        self.values["roles"].setText(names(summary.roles_added))
        self.values["warnings"].setText(
            format_count(len(summary.warnings))
            + (self.tr(" (the values concerned were left empty)") if summary.warnings else "")
        )
        self.notes.setText("\n".join(f"• {note}" for note in summary.notes))
        self.notes.setVisible(bool(summary.notes))
        self.next_steps.setVisible(bool(summary.roles_added))
