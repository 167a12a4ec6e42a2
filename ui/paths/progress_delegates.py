"""How the progress grid's cells are drawn: a status badge that differs in shape (empty ring,
half disc, tick) with the completion date beside it, a muted word for skipped modules, and a
small bar for each person's share done."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.look import state_colour, state_pixmap
from ui.paths.progress_model import SHARE_ROLE, STATUS_ROLE

_Index = QModelIndex | QPersistentModelIndex

_BADGE_STATE = {"completed": "done", "in_progress": "in_progress", "not_started": "not_started"}
"""The progress status as ``ui.look.state_pixmap`` names it."""


class ModuleCellDelegate(QStyledItemDelegate):
    """A module cell: its background and selection as usual, then the badge and text centred."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        status = index.data(STATUS_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        size = max(10, option.fontMetrics.height() - 2)
        gap = 4
        painter.save()
        state = _BADGE_STATE.get(str(status))
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance(text) if text else 0
        badge_width = size if state else 0
        width = badge_width + (gap if state and text else 0) + text_width
        left = rect.left() + max(2, (rect.width() - width) // 2)
        if state:
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            pixmap = state_pixmap(state, size, palette, ratio)
            painter.drawPixmap(left, rect.top() + (rect.height() - size) // 2, pixmap)
            left += size + (gap if text else 0)
        if text:
            colour = palette.color(text_role)
            if status == "skipped" and not selected:
                colour = palette.color(QPalette.ColorRole.PlaceholderText)
                font = painter.font()
                font.setItalic(True)
                painter.setFont(font)
            painter.setPen(colour)
            box = QRect(left, rect.top(), rect.right() - left, rect.height())
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + option.fontMetrics.height() + 8, hint.height())


class ShareBarDelegate(QStyledItemDelegate):
    """The share of a person's modules done: a thin bar with the percentage beside it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        share = min(1.0, max(0.0, float(index.data(SHARE_ROLE) or 0.0)))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect: QRect = option.rect
        palette: QPalette = option.palette
        metrics = option.fontMetrics
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_width = metrics.horizontalAdvance("100 %") + 6
        bar_height = max(4, metrics.height() // 3)
        track = QRect(
            rect.left() + 6,
            rect.center().y() - bar_height // 2,
            max(8, rect.width() - text_width - 12),
            bar_height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(track, bar_height / 2, bar_height / 2)
        if share > 0:
            filled = QRect(
                track.left(), track.top(), max(bar_height, round(track.width() * share)), bar_height
            )
            painter.setBrush(state_colour("done", palette))
            painter.drawRoundedRect(filled, bar_height / 2, bar_height / 2)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        box = QRect(track.right() + 6, rect.top(), text_width, rect.height())
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), text
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        width = option.fontMetrics.horizontalAdvance("100 %") * 3
        return QSize(max(hint.width(), width), hint.height())
