"""Choosing the features a participant used in a week: a compact checklist over the cell.

Space (or F2, or a double click) on the cell opens a numbered list of the features; arrows
move, Space ticks, a digit ticks that feature, Enter keeps the choice and Escape drops it.
On the cell itself, a digit ticks or unticks that feature without opening the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class FeatureChecklist(QListWidget):
    """The features as a numbered list of check boxes."""

    def __init__(self, features: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feature_checklist")
        self.setAccessibleName(self.tr("Features used"))
        self.setFrameShape(QListWidget.Shape.Box)
        self.setAutoFillBackground(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for number, (key, label) in enumerate(features, start=1):
            item = QListWidgetItem(f"{number}  {label}", self)
            item.setData(KEY_ROLE, key)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
        self.setCurrentRow(0)

    def set_chosen(self, keys: Sequence[str]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            chosen = item.data(KEY_ROLE) in keys
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            str(self.item(row).data(KEY_ROLE))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def toggle(self, row: int) -> None:
        item = self.item(row)
        if item is None:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
        self.setCurrentRow(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isdigit() and text != "0":
            self.toggle(int(text) - 1)
            return
        if event.key() == Qt.Key.Key_Space:
            self.toggle(self.currentRow())
            return
        super().keyPressEvent(event)


class FeaturesDelegate(QStyledItemDelegate):
    """Edits the features cell with a :class:`FeatureChecklist` laid over the table."""

    def __init__(self, features: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.features = list(features)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        return FeatureChecklist(self.features, parent)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, FeatureChecklist)
        editor.set_chosen(tuple(index.data(Qt.ItemDataRole.EditRole) or ()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        assert isinstance(editor, FeatureChecklist)
        model.setData(index, editor.chosen(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        """As wide as the cell (or wider), tall enough for every feature, inside the table."""
        assert isinstance(editor, FeatureChecklist)
        cell = option.rect
        height = editor.sizeHintForRow(0) * editor.count() + 2 * editor.frameWidth() + 4
        width = max(cell.width(), editor.sizeHintForColumn(0) + 40)
        holder = editor.parentWidget()
        area = holder.rect() if holder is not None else cell
        top = cell.top()
        if top + height > area.bottom():
            top = max(area.top(), area.bottom() - height)
        left = min(cell.left(), max(area.left(), area.right() - width))
        editor.setGeometry(QRect(left, top, width, min(height, area.height())))
