"""The list of areas on the left of the main window; choosing one shows its page."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListWidget, QListWidgetItem, QWidget


class Sidebar(QListWidget):
    """Areas in programme order. Arrow keys move between them; Ctrl+1..n are on the window."""

    area_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Areas"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(20, 20))
        self.currentRowChanged.connect(self._row_changed)

    def add_area(self, name: str, tooltip: str = "") -> QListWidgetItem:
        item = QListWidgetItem(name, self)
        if tooltip:
            item.setToolTip(tooltip)
        item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 6))
        return item

    def choose(self, index: int) -> None:
        if 0 <= index < self.count():
            self.setCurrentRow(index)

    def sizeHint(self) -> QSize:
        widest = max(
            (
                self.fontMetrics().horizontalAdvance(self.item(i).text())
                for i in range(self.count())
            ),
            default=80,
        )
        return QSize(max(widest + 56, self.fontMetrics().averageCharWidth() * 18), 300)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.area_chosen.emit(row)
