"""Departments & roles: the organisation's structure, with each role's learning track."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from db.models import Track
from ui.people.labels import format_count, people_count, track_label
from ui.people.naming import named

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TRACK_ROLE = int(Qt.ItemDataRole.UserRole) + 2
ModelIndex = QModelIndex | QPersistentModelIndex


class TrackDelegate(QStyledItemDelegate):
    """Edits a role's track in place with a drop-down list; the choice is saved at once."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("track_editor")
        for track in Track:
            editor.addItem(track_label(track), track)
        editor.currentIndexChanged.connect(lambda _i: self._commit(editor))
        return editor

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.blockSignals(True)
        editor.setCurrentIndex(max(editor.findData(index.data(TRACK_ROLE)), 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        track = editor.currentData()
        if track is not None and track != index.data(TRACK_ROLE):
            model.setData(index, track, TRACK_ROLE)
            model.setData(index, track_label(Track(track)), Qt.ItemDataRole.DisplayRole)


class StructureDialog(QDialog):
    """Two tabs: departments (add, rename in place, remove) and roles with their track."""

    changed = Signal()
    """Something was saved (for tests; the pages refresh from the change bus)."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("structure_dialog")
        self.setWindowTitle(self.tr("Departments and roles"))
        self.resize(620, 480)
        self._services = services
        self.confirm_box: QMessageBox | None = None

        self.tabs = named(QTabWidget(), "structure_tabs")
        self.tabs.addTab(self._build_departments(), self.tr("Departments"))
        self.tabs.addTab(self._build_roles(), self.tr("Roles and tracks"))
        self.error_label = named(QLabel(), "structure_error")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.reload()

    # Building ----------------------------------------------------------------------------
    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = named(QTableWidget(0, len(headers)), name)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_departments(self) -> QWidget:
        page = QWidget()
        hint = QLabel(
            self.tr(
                "Double-click a name to rename it. People keep their history when a "
                "department is removed; they just have no department."
            )
        )
        hint.setWordWrap(True)
        self.departments = self._table(
            "departments_table", [self.tr("Department"), self.tr("Active people")]
        )
        self.departments.itemChanged.connect(self._department_edited)
        self.new_department = named(QLineEdit(), "new_department")
        self.new_department.setPlaceholderText(self.tr("New department name"))
        self.add_department_button = named(QPushButton(self.tr("Add")), "add_department")
        self.add_department_button.clicked.connect(self.add_department)
        self.new_department.returnPressed.connect(self.add_department)
        self.rename_department_button = named(QPushButton(self.tr("Rename")), "rename_dept")
        self.rename_department_button.clicked.connect(
            lambda: self._edit_current(self.departments, 0)
        )
        self.remove_department_button = named(QPushButton(self.tr("Remove…")), "remove_dept")
        self.remove_department_button.clicked.connect(self.remove_department)
        return self._tab(
            page,
            hint,
            self.departments,
            self.new_department,
            [self.add_department_button],
            [self.rename_department_button, self.remove_department_button],
        )

    def _build_roles(self) -> QWidget:
        page = QWidget()
        hint = QLabel(
            self.tr(
                "Each role follows a learning track. Double-click a track to change it; "
                "double-click a name to rename the role."
            )
        )
        hint.setWordWrap(True)
        self.roles = self._table(
            "roles_table", [self.tr("Role"), self.tr("Track"), self.tr("Active people")]
        )
        self.roles.setItemDelegateForColumn(1, TrackDelegate(self.roles))
        self.roles.horizontalHeader().resizeSection(1, 150)
        self.roles.itemChanged.connect(self._role_edited)
        self.new_role = named(QLineEdit(), "new_role")
        self.new_role.setPlaceholderText(self.tr("New role name"))
        self.new_role_track = named(QComboBox(), "new_role_track")
        for track in Track:
            self.new_role_track.addItem(track_label(track), track)
        self.add_role_button = named(QPushButton(self.tr("Add")), "add_role")
        self.add_role_button.clicked.connect(self.add_role)
        self.new_role.returnPressed.connect(self.add_role)
        self.rename_role_button = named(QPushButton(self.tr("Rename")), "rename_role")
        self.rename_role_button.clicked.connect(lambda: self._edit_current(self.roles, 0))
        self.remove_role_button = named(QPushButton(self.tr("Remove…")), "remove_role")
        self.remove_role_button.clicked.connect(self.remove_role)
        return self._tab(
            page,
            hint,
            self.roles,
            self.new_role,
            [self.new_role_track, self.add_role_button],
            [self.rename_role_button, self.remove_role_button],
        )

    @staticmethod
    def _tab(
        page: QWidget,
        hint: QLabel,
        table: QTableWidget,
        new_name: QLineEdit,
        add_widgets: list[QWidget],
        row_buttons: list[QPushButton],
    ) -> QWidget:
        add_row = QHBoxLayout()
        add_row.addWidget(new_name, 1)
        for widget in add_widgets:
            add_row.addWidget(widget)
        side = QVBoxLayout()
        for button in row_buttons:
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addLayout(middle, 1)
        layout.addLayout(add_row)
        return page

    # Filling -----------------------------------------------------------------------------
    def reload(self) -> None:
        organisation = self._services.organisation
        self.departments.blockSignals(True)
        rows = organisation.departments()
        self.departments.setRowCount(len(rows))
        for row, department in enumerate(rows):
            name = QTableWidgetItem(department.name)
            name.setData(ID_ROLE, department.id)
            self.departments.setItem(row, 0, name)
            self.departments.setItem(row, 1, self._count_item(department.active_people))
        self.departments.blockSignals(False)

        self.roles.blockSignals(True)
        roles = organisation.roles()
        self.roles.setRowCount(len(roles))
        for row, role in enumerate(roles):
            name = QTableWidgetItem(role.name)
            name.setData(ID_ROLE, role.id)
            track = QTableWidgetItem(track_label(role.track))
            track.setData(TRACK_ROLE, role.track)
            track.setToolTip(self.tr("Double-click to choose another track"))
            self.roles.setItem(row, 0, name)
            self.roles.setItem(row, 1, track)
            self.roles.setItem(row, 2, self._count_item(role.active_people))
        self.roles.blockSignals(False)

    @staticmethod
    def _count_item(count: int) -> QTableWidgetItem:
        item = QTableWidgetItem(format_count(count))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(ID_ROLE, count)
        return item

    def _edit_current(self, table: QTableWidget, column: int) -> None:
        row = table.currentRow()
        item = table.item(row, column) if row >= 0 else None
        if item is not None:
            table.editItem(item)

    # Saving ------------------------------------------------------------------------------
    def _attempt(self, action: Callable[[], object]) -> bool:
        self.error_label.hide()
        try:
            action()
        except UserFacingError as error:  # a rule broken, or the file locked or full
            self.error_label.setText(error.message)
            self.error_label.show()
            self.reload()
            return False
        self.reload()
        self.changed.emit()
        return True

    def add_department(self) -> None:
        name = self.new_department.text()
        if self._attempt(lambda: self._services.organisation.add_department(name)):
            self.new_department.clear()

    def add_role(self) -> None:
        name = self.new_role.text()
        track = Track(self.new_role_track.currentData())
        if self._attempt(lambda: self._services.organisation.add_role(name, track)):
            self.new_role.clear()

    def _department_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        department_id = int(item.data(ID_ROLE))
        name = item.text()
        self._attempt(lambda: self._services.organisation.rename_department(department_id, name))

    def _role_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        name_item = self.roles.item(row, 0)
        track_item = self.roles.item(row, 1)
        if name_item is None or track_item is None or item.column() == 2:
            return
        if item.column() == 1 and item.data(TRACK_ROLE) is None:
            return
        role_id = int(name_item.data(ID_ROLE))
        name = name_item.text()
        track = Track(track_item.data(TRACK_ROLE))
        # The delegate sets the track and then its label: save once, on the label.
        if item.column() == 1 and item.text() != track_label(track):
            return
        self._attempt(lambda: self._services.organisation.update_role(role_id, name, track))

    @staticmethod
    def _row_facts(table: QTableWidget, row: int, count_column: int) -> tuple[int, str, int]:
        """Id, name and active people of a row."""
        name_item = table.item(row, 0)
        count_item = table.item(row, count_column)
        assert name_item is not None and count_item is not None
        return int(name_item.data(ID_ROLE)), name_item.text(), int(count_item.data(ID_ROLE))

    def remove_department(self) -> None:
        row = self.departments.currentRow()
        if row < 0:
            return
        department_id, name, count = self._row_facts(self.departments, row, 1)
        text = self.tr("Remove the department “{name}”?").format(name=name)
        if count:
            text += " " + self.tr("Its {people} will have no department.").format(
                people=people_count(count)
            )
        self._confirm(
            text,
            self.tr("Remove department"),
            lambda: self._attempt(
                lambda: self._services.organisation.remove_department(department_id)
            ),
        )

    def remove_role(self) -> None:
        row = self.roles.currentRow()
        if row < 0:
            return
        role_id, name, count = self._row_facts(self.roles, row, 2)
        text = self.tr("Remove the role “{name}”?").format(name=name)
        if count:
            text += " " + self.tr("Its {people} will have no role.").format(
                people=people_count(count)
            )
        self._confirm(
            text,
            self.tr("Remove role"),
            lambda: self._attempt(lambda: self._services.organisation.remove_role(role_id)),
        )

    def _confirm(self, text: str, action_text: str, on_yes: Callable[[], object]) -> None:
        """Ask without blocking; tests answer through ``confirm_box``."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        box.setObjectName("confirm_box")
        remove = box.addButton(action_text, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered() -> None:
            if box.clickedButton() is remove:
                on_yes()
            self.confirm_box = None
            box.deleteLater()

        box.finished.connect(lambda _result: answered())
        self.confirm_box = box
        box.open()
