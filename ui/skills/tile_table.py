"""A table of coloured tiles: departments down the first column, one figure per other column.

Shared by the heatmap and the comparison. The header is flat and wraps its labels onto two
lines; column widths are worked out so each header fits in two lines and the figure columns
share what room is left evenly; the table is as tall as its rows, so no inner scroll bar
appears for a usual number of departments.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

from ui.look import scaled_font

TILE_GAP = 2
"""Pixels around each tile."""

GROUP_COLUMN = 0


class WrappingHeader(QHeaderView):
    """A flat horizontal header whose labels wrap onto two lines instead of being cut short."""

    LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)
        self.setFont(scaled_font(self, 0.95, bold=True))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self.fontMetrics().height() * self.LINES + 14)
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        """Every section, and past the last one the table's own colour (not a blank button)."""
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        bottom = self.viewport().height() - 1
        painter.drawLine(event.rect().left(), bottom, event.rect().right(), bottom)
        for logical in range(self.count()):
            if self.isSectionHidden(logical):
                continue
            rect = QRect(
                self.sectionViewportPosition(logical),
                0,
                self.sectionSize(logical),
                self.viewport().height(),
            )
            if rect.intersects(event.rect()):
                self.paintSection(painter, rect, logical)
        painter.end()

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        model = self.model()
        if model is None or not rect.isValid():
            return
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        orientation = self.orientation()
        text = model.headerData(logical_index, orientation, Qt.ItemDataRole.DisplayRole)
        align = model.headerData(logical_index, orientation, Qt.ItemDataRole.TextAlignmentRole)
        flags = int(align) if align is not None else int(Qt.AlignmentFlag.AlignCenter)
        flags &= ~int(Qt.AlignmentFlag.AlignVertical_Mask)
        flags |= int(Qt.AlignmentFlag.AlignBottom) | int(Qt.TextFlag.TextWordWrap)
        painter.setFont(self.font())
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(rect.adjusted(TILE_GAP + 2, 4, -TILE_GAP - 2, -6), flags, str(text or ""))
        painter.restore()


def wrapped_height(metrics: QFontMetrics, width: int, text: str) -> int:
    return metrics.boundingRect(0, 0, width, 999, int(Qt.TextFlag.TextWordWrap), text).height()


def two_line_width(metrics: QFontMetrics, text: str, at_least: int = 0) -> int:
    """The narrowest width (from ``at_least``) at which ``text`` wraps onto two lines or fewer."""
    width = max([at_least, *(metrics.horizontalAdvance(word) for word in text.split())])
    full = metrics.horizontalAdvance(text)
    lines = metrics.height() * WrappingHeader.LINES + 1
    while width < full and wrapped_height(metrics, width, text) > lines:
        width += 4
    return width


def shared_width(minimums: list[int], room: int, widest: int) -> int:
    """The one width for the figure columns that fills ``room`` (a column never goes under
    its minimum, nor over ``widest``): narrower columns grow first, so tiles look even.
    0 when even the minimums do not fit."""
    ordered = sorted(minimums, reverse=True)
    for pinned, minimum in enumerate(ordered):
        width = (room - sum(ordered[:pinned])) // (len(ordered) - pinned)
        if width >= minimum:
            return min(width, widest)
    return 0


class TileTable(QTableView):
    """Call ``fit`` after the model resets (it is connected), and the columns follow resizes."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        row_lines: float = 2.4,
        cell_sample: str = "0.0",
    ) -> None:
        super().__init__(parent)
        self.row_lines = row_lines
        self.cell_sample = cell_sample
        self._minimums: list[int] = []
        self.setHorizontalHeader(WrappingHeader(self))
        self.setShowGrid(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.fit)

    def fit(self) -> None:
        """Row height, column widths, and the table's height to its rows."""
        header = self.horizontalHeader()
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * self.row_lines))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance(self.cell_sample) + 8)
        self._minimums = self._column_minimums()
        self._layout_columns()

    def _fit_height(self) -> None:
        """As tall as the header and every row (and the scroll bar when columns overflow)."""
        header = self.horizontalHeader()
        rows = self.verticalHeader()
        overflow = header.length() > self.viewport().width() + 1
        extra = self.horizontalScrollBar().sizeHint().height() if overflow else 0
        height = header.sizeHint().height() + rows.length() + 2 * self.frameWidth() + extra
        four_rows = header.sizeHint().height() + rows.defaultSectionSize() * 4 + extra
        self.setMaximumHeight(height)
        self.setMinimumHeight(min(height, four_rows))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_columns()

    def _column_minimums(self) -> list[int]:
        """Per column, the narrowest width at which its header takes at most two lines."""
        model = self.model()
        if model is None:
            return []
        metrics = self.horizontalHeader().fontMetrics()
        own = self.fontMetrics()
        cell = own.horizontalAdvance(self.cell_sample) + 16
        minimums = []
        for column in range(model.columnCount()):
            text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            if column == GROUP_COLUMN:
                names = (
                    str(model.index(row, GROUP_COLUMN).data() or "")
                    for row in range(model.rowCount())
                )
                widest = max((own.horizontalAdvance(name) for name in names), default=0)
                limit = own.averageCharWidth() * 22
                minimums.append(max(metrics.horizontalAdvance(text), min(widest, limit)) + 16)
                continue
            minimums.append(two_line_width(metrics, text, cell) + 12)
        return minimums

    def _layout_columns(self) -> None:
        minimums = self._minimums
        model = self.model()
        if model is None or not minimums or len(minimums) != model.columnCount():
            return
        header = self.horizontalHeader()
        room = self.viewport().width() - minimums[GROUP_COLUMN]
        widest = self.fontMetrics().averageCharWidth() * 18
        width = shared_width(minimums[GROUP_COLUMN + 1 :], room, widest)
        for column, minimum in enumerate(minimums):
            header.resizeSection(column, minimum if column == GROUP_COLUMN else max(minimum, width))
        self._fit_height()
