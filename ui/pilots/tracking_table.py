"""Spreadsheet-like keyboard entry shared by the measurement tables of a pilot.

A typed value saves itself when it is committed (each row all-or-nothing); a refused value
says why next to the table and nothing is saved. Enter moves down, Tab moves to the next
cell that can be typed in, a digit in a "quick" column sets the value and moves down, and
Delete clears (or removes a row, with undo). Tables with a new row at the bottom add it
when Enter is pressed in its last cell or when the cursor leaves it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.errors import UserFacingError
from app.pilots.tracking_import_values import read_number

ModelIndex = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


class Digit(Enum):
    """What a digit typed on a cell did."""

    NOT_HANDLED = 0
    """The view starts editing as usual."""
    STAY = 1
    MOVE_DOWN = 2


class EntryModel(QAbstractTableModel):
    """Base of the measurement models: the save state, refusals and the new row at the bottom."""

    state_changed = Signal(str, bool)
    """A sentence about what was (not) saved; True when it is a refusal."""
    saved = Signal()
    """Something was written through the services (the tab need not re-read it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused = False
        """True when the last value typed was refused (the cursor stays on it)."""
        self.message = ""

    # What subclasses tell the view ------------------------------------------------------
    def type_digit(self, index: QModelIndex, digit: int) -> Digit:
        return Digit.NOT_HANDLED

    def is_draft_row(self, row: int) -> bool:
        """True for the new row at the bottom, where a row is typed before it is added."""
        return False

    def draft_started(self) -> bool:
        return False

    def commit_draft(self) -> bool:
        """Add the new row if it is complete; says what is missing otherwise."""
        return False

    def remove(self, row: int) -> tuple[str, object] | None:
        """Delete pressed on a row: (what was done, undo token) or None when nothing was."""
        return None

    def undo(self, token: object) -> None:
        """Put back what ``remove`` took away."""

    def clear_cell(self, index: QModelIndex) -> bool:
        """Delete pressed on a cell that holds a single value: clear it (False if not)."""
        return False

    # For subclasses ----------------------------------------------------------------------
    def refuse(self, message: str) -> bool:
        """Refuse a typed value with a plain reason; nothing is saved."""
        self.refused = True
        self.message = message
        self.state_changed.emit(message, True)
        return False

    def accepted(self, message: str) -> bool:
        """A typed value was saved (or kept as part of a row not complete yet)."""
        self.refused = False
        self.message = message
        self.state_changed.emit(message, False)
        return True

    def run_saving(self, save: Callable[[], object]) -> bool:
        """Call ``save()`` (a service call); a UserFacingError refuses with its message."""
        try:
            save()
        except UserFacingError as error:
            return self.refuse(error.message)
        self.saved.emit()
        return True

    def row_changed(self, row: int) -> None:
        if self.columnCount():
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


def editable(model: QAbstractItemModel, index: QModelIndex) -> bool:
    return bool(index.isValid() and model.flags(index) & Qt.ItemFlag.ItemIsEditable)


class EntryView(QTableView):
    """A table that behaves like a spreadsheet for fast keyboard entry."""

    delete_pressed = Signal(int)
    """Delete on a row (the model decides: clear a value, or remove the row with undo)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def entry_model(self) -> EntryModel:
        model = self.model()
        assert isinstance(model, EntryModel)
        return model

    def first_cell(self) -> QModelIndex:
        """The first cell that can be typed in, where the cursor goes when the table opens."""
        model = self.model()
        for column in range(model.columnCount()):
            index = model.index(0, column)
            if editable(model, index):
                return index
        return model.index(0, 0)

    # Keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        model = self.model()
        if (
            not isinstance(model, EntryModel)
            or not index.isValid()
            or self.state() == QAbstractItemView.State.EditingState
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            super().keyPressEvent(event)
            return
        key = event.key()
        text = event.text()
        if len(text) == 1 and text.isdigit():
            done = model.type_digit(index, int(text))
            if done is Digit.MOVE_DOWN:
                self.move_down(index)
                return
            if done is Digit.STAY:
                self.update(index)
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (
            key == Qt.Key.Key_Tab and self._last_of_new_row(index)
        ):
            self.go_on(index)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if not model.clear_cell(index):
                self.delete_pressed.emit(index.row())
            return
        if key == Qt.Key.Key_Space and editable(model, index):
            self.edit(index)
            return
        super().keyPressEvent(event)

    def go_on(self, index: QModelIndex) -> None:
        """Enter: down a row, or along the new row and then add it."""
        model = self.entry_model()
        if not model.is_draft_row(index.row()):
            self.move_down(index)
            return
        following = self._editable_after(index.row(), index.column())
        if following is not None:
            self.setCurrentIndex(model.index(index.row(), following))
            return
        if model.commit_draft():
            self._to_new_row()

    def _to_new_row(self) -> None:
        model = self.entry_model()
        last = model.rowCount() - 1
        for column in range(model.columnCount()):
            if editable(model, model.index(last, column)):
                self.setCurrentIndex(model.index(last, column))
                return

    def _editable_after(self, row: int, column: int) -> int | None:
        model = self.model()
        for following in range(column + 1, model.columnCount()):
            if editable(model, model.index(row, following)):
                return following
        return None

    def move_down(self, index: QModelIndex) -> None:
        below = self.model().index(index.row() + 1, index.column())
        if below.isValid():
            self.setCurrentIndex(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter in an editor commits and then moves on as Enter does outside one."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            index = self.currentIndex()
            if index.isValid() and not self.entry_model().refused:
                self.go_on(index)
            return
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem:
            if self.entry_model().refused:
                hint = QAbstractItemDelegate.EndEditHint.NoHint  # stay on the refused value
            elif self._last_of_new_row(self.currentIndex()):
                super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                self.go_on(self.currentIndex())  # Tab out of the new row adds it
                return
        super().closeEditor(editor, hint)

    def _last_of_new_row(self, index: QModelIndex) -> bool:
        return (
            index.isValid()
            and self.entry_model().is_draft_row(index.row())
            and self._editable_after(index.row(), index.column()) is None
        )

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Tab and Shift+Tab skip the cells that can't be typed in (names, totals)."""
        if action not in (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        ):
            return super().moveCursor(action, modifiers)
        model = self.model()
        current = self.currentIndex()
        if not current.isValid():
            return super().moveCursor(action, modifiers)
        columns = model.columnCount()
        position = current.row() * columns + current.column()
        step = 1 if action == QAbstractItemView.CursorAction.MoveNext else -1
        position += step
        while 0 <= position < model.rowCount() * columns:
            index = model.index(position // columns, position % columns)
            if editable(model, index):
                return index
            position += step
        return QModelIndex()  # past the last cell: Tab leaves the table

    def currentChanged(self, current: ModelIndex, previous: ModelIndex) -> None:
        super().currentChanged(current, previous)
        model = self.model()
        if (
            isinstance(model, EntryModel)
            and previous.isValid()
            and current.row() != previous.row()
            and model.is_draft_row(previous.row())
            and model.draft_started()
        ):
            model.commit_draft()


class TextDelegate(QStyledItemDelegate):
    """A plain line editor; the model reads numbers and dates from the text and says what
    is wrong, so a bad value gets a sentence rather than a silently clamped spin box."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(EDIT)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), EDIT)


CHOICES_ROLE = Qt.ItemDataRole.UserRole + 40
"""A cell's choices for ChoiceDelegate: a list of (label, value) pairs."""


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the choices the model gives for the cell (a person, the whole cohort).

    Typing a letter on the cell opens it on the first matching name; Enter keeps the choice.
    """

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        for label, value in index.data(CHOICES_ROLE) or []:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(EDIT))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), EDIT)


def number_text(value: float | None) -> str:
    """A number as typed back into a cell: "3", "1.5" (the locale's decimal mark)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return QLocale().toString(float(value), "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())


def parse_typed_number(value: object) -> float | None:
    """The number typed in a cell (None when it is empty); NotANumber for other text."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    locale = QLocale()
    number, ok = locale.toDouble(text)
    if ok:
        return number
    return read_number(text)
