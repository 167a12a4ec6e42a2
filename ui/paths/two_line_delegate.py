"""Draws a list row as a title with its details underneath in a quieter colour.

The item's text is its title, a line break, then one or more lines of details; an icon (a
tick, a warning) sits on the left. Rows get a little room above and below so a long list of
modules stays easy to scan.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

ModelIndex = QModelIndex | QPersistentModelIndex

PADDING = 4
MIN_WIDTH = 120


def _lines(text: str | None) -> list[str]:
    """The item's lines (Qt hands the text over with line separators for line breaks)."""
    return (text or "").replace("\u2028", "\n").split("\n")


class TwoLineDelegate(QStyledItemDelegate):
    """Title on the first line, details in the placeholder colour below it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        lines = _lines(opt.text)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        if style is not None:
            opt.text = ""
            opt.icon = QIcon()
            opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = QRect(opt.rect).adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        size = opt.fontMetrics.height()
        if icon is not None and hasattr(icon, "paint"):
            icon.paint(painter, QRect(rect.left(), rect.top(), size, size))
            rect.setLeft(rect.left() + size + 6)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        palette = opt.palette
        if selected:
            title_colour = palette.color(group, QPalette.ColorRole.HighlightedText)
            detail_colour = QColor(title_colour)
        else:
            foreground = index.data(Qt.ItemDataRole.ForegroundRole)
            title_colour = (
                QColor(foreground)
                if foreground is not None
                else palette.color(group, QPalette.ColorRole.Text)
            )
            detail_colour = palette.color(group, QPalette.ColorRole.PlaceholderText)
        line_height = opt.fontMetrics.lineSpacing()
        painter.setFont(opt.font)
        for n, line in enumerate(lines):
            painter.setPen(title_colour if n == 0 else detail_colour)
            line_rect = QRect(rect.left(), rect.top() + n * line_height, rect.width(), line_height)
            text = opt.fontMetrics.elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                line_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        lines = max(1, len(_lines(opt.text)))
        # Narrow on purpose: rows are elided to the view's width, never scrolled sideways.
        return QSize(MIN_WIDTH, lines * opt.fontMetrics.lineSpacing() + 2 * PADDING)
