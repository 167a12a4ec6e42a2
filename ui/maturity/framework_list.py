"""The list of maturity frameworks: open, copy or delete one (File of the Assessment area)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from ui.look import make_muted
from ui.maturity.framework_editor import (
    FrameworkEditor,
    error_label,
    open_confirm,
    open_name_prompt,
)
from ui.people.naming import named

_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2
_BUILT_IN_ROLE = int(Qt.ItemDataRole.UserRole) + 3


class FrameworkListDialog(QDialog):
    """The frameworks in the data file, with Open, Copy and Delete ("Frameworks…")."""

    NAME, VERSION, KIND, USED, NOTE = range(5)

    changed = Signal()
    """A framework was copied, saved or deleted here."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("framework_list")
        self.setWindowTitle(self.tr("Maturity frameworks"))
        self.resize(760, 400)
        self._services = services
        self.editor: FrameworkEditor | None = None
        self.confirm_box: QMessageBox | None = None
        self.name_prompt: QInputDialog | None = None

        hint = make_muted(
            self.tr(
                "Assessments use the built-in framework unless you choose your own. Make a "
                "copy to adapt it; a framework that assessments were taken with keeps its "
                "questions, and your edits are saved as a newer version."
            ),
            self,
        )
        self.table = named(QTableWidget(0, 5), "frameworks_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Version"),
                self.tr("Kind"),
                self.tr("Assessments"),
                self.tr("Note"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.VERSION, self.KIND, self.USED, self.NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._enable_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_selected())

        self.open_button = named(QPushButton(self.tr("Open")), "open_framework")
        self.open_button.clicked.connect(self.open_selected)
        self.copy_button = named(QPushButton(self.tr("Copy…")), "copy_framework")
        self.copy_button.clicked.connect(self.copy_selected)
        self.delete_button = named(QPushButton(self.tr("Delete…")), "delete_framework")
        self.delete_button.clicked.connect(self.delete_selected)
        side = QVBoxLayout()
        for button in (self.open_button, self.copy_button, self.delete_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)

        self.error_label = error_label("frameworks_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(middle, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self._services.maturity.builtin_framework()  # listed even before the first assessment
        rows = self._services.maturity.frameworks()
        self.table.setRowCount(len(rows))
        for row, framework in enumerate(rows):
            newer = framework.superseded_by is not None
            note = self.tr("A newer version exists") if newer else ""
            cells = [
                framework.name,
                framework.version,
                self.tr("Built-in") if framework.built_in else self.tr("Your own"),
                str(framework.assessments),
                note,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID_ROLE, framework.id)
                item.setData(_BUILT_IN_ROLE, framework.built_in)
                if column == self.USED:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            if framework.id == keep:
                self.table.selectRow(row)
        if self.selected_id() is None and rows:
            self.table.selectRow(0)
        self._enable_buttons()

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, self.NAME) if row >= 0 else None
        return int(item.data(_ID_ROLE)) if item is not None else None

    def row_of(self, framework_id: int) -> int:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, self.NAME)
            if item is not None and item.data(_ID_ROLE) == framework_id:
                return row
        return -1

    def _selected_facts(self) -> tuple[int, str, bool, int] | None:
        """Id, name, built-in and assessment count of the selected framework."""
        row = self.table.currentRow()
        name = self.table.item(row, self.NAME) if row >= 0 else None
        used = self.table.item(row, self.USED) if row >= 0 else None
        if name is None or used is None:
            return None
        return (
            int(name.data(_ID_ROLE)),
            name.text(),
            bool(name.data(_BUILT_IN_ROLE)),
            int(used.text()),
        )

    def _enable_buttons(self) -> None:
        facts = self._selected_facts()
        self.open_button.setEnabled(facts is not None)
        self.copy_button.setEnabled(facts is not None)
        self.delete_button.setEnabled(facts is not None and not facts[2] and not facts[3])
        if facts is not None and facts[2]:
            self.delete_button.setToolTip(self.tr("The built-in framework cannot be deleted."))
        elif facts is not None and facts[3]:
            self.delete_button.setToolTip(
                self.tr("Assessments were taken with this framework, so it is kept.")
            )
        else:
            self.delete_button.setToolTip("")

    def open_selected(self) -> None:
        framework_id = self.selected_id()
        if framework_id is None:
            return
        editor = FrameworkEditor(self._services, framework_id, self)
        editor.saved.connect(self._edited)
        editor.copied.connect(self._edited)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        self.editor = editor
        editor.open()

    def _editor_closed(self, editor: FrameworkEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _edited(self, framework_id: int) -> None:
        self.reload(select_id=framework_id)
        self.changed.emit()

    def copy_selected(self) -> None:
        facts = self._selected_facts()
        if facts is None:
            return
        framework_id, name, _built_in, _used = facts
        self.name_prompt = open_name_prompt(
            self,
            self.tr("Copy framework"),
            self.tr("Name of the copy:"),
            self.tr("{name} (copy)").format(name=name),
            lambda new_name: self._attempt(
                lambda: self._services.maturity.copy_framework(framework_id, new_name)
            ),
        )
        self.name_prompt.finished.connect(lambda _r: setattr(self, "name_prompt", None))

    def delete_selected(self) -> None:
        facts = self._selected_facts()
        if facts is None:
            return
        framework_id, name, _built_in, _used = facts
        self.confirm_box = open_confirm(
            self,
            self.tr("Delete the framework “{name}”? No assessment uses it.").format(name=name),
            self.tr("Delete"),
            lambda: self._attempt(lambda: self._services.maturity.delete_framework(framework_id)),
        )
        self.confirm_box.finished.connect(lambda _r: setattr(self, "confirm_box", None))

    def _attempt(self, action: Callable[[], int | None]) -> None:
        self.error_label.hide()
        try:
            new_id = action()
        except UserFacingError as error:
            self.error_label.setText(error.message)
            self.error_label.show()
            return
        self.reload(select_id=new_id)
        self.changed.emit()
