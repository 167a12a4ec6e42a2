"""Which features of the AI tool participants used: a short ranked table with a bar per share.

The order and the shares are the outcome's (most used first); feature keys are shown with the
labels of the check-in list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.pilots.analysis import FeatureUse
from app.pilots.tracking import check_in_features
from ui.list_table_model import ListTableModel, ModelIndex
from ui.pilots.chart_look import chart_colours
from ui.pilots.results_format import percent, whole

SHARE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The share of participants (0–1) for the bar."""


def feature_label(key: str) -> str:
    """The feature as the check-in list names it; an unknown key as it was stored."""
    return dict(check_in_features()).get(key, key)


class FeatureUseModel(ListTableModel[FeatureUse]):
    FEATURE = 0
    PEOPLE = 1
    SHARE = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("Used for"),
            self.tr("People"),
            self.tr("Share of those who checked in"),
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        use = self.row_for(index)
        if use is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.FEATURE:
                return feature_label(use.feature)
            if column == self.PEOPLE:
                return whole(use.participants)
            if column == self.SHARE:
                return percent(use.share)
        if role == SHARE_ROLE and column == self.SHARE:
            return use.share
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PEOPLE:
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ShareBar(QStyledItemDelegate):
    """A bar as long as the share, in the charts' colour, with the percentage after it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        text = base.text
        base.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        share = min(1.0, max(0.0, float(index.data(SHARE_ROLE) or 0.0)))
        rect: QRect = option.rect
        palette: QPalette = option.palette
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance("100 %") + 8
        bar_height = max(6, metrics.height() // 2)
        track = QRect(
            rect.left() + 6,
            rect.center().y() - bar_height // 2,
            max(8, rect.width() - text_width - 14),
            bar_height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chart_colours(palette).grid)
        painter.drawRoundedRect(track, 2, 2)
        if share > 0:
            filled = QRect(
                track.left(), track.top(), max(2, round(track.width() * share)), bar_height
            )
            painter.setBrush(chart_colours(palette).value)
            painter.drawRoundedRect(filled, 2, 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        box = QRect(track.right() + 8, rect.top(), text_width, rect.height())
        painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(
            max(hint.width(), option.fontMetrics.horizontalAdvance("100 %") * 4), hint.height()
        )


class FeatureUseTable(QTableView):
    """The ranked features, as tall as its rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feature_use_table")
        self.features_model = FeatureUseModel(self)
        self.setModel(self.features_model)
        self.setAccessibleName(self.tr("What participants used the AI tool for"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setShowGrid(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.bar = ShareBar(self)
        self.setItemDelegateForColumn(FeatureUseModel.SHARE, self.bar)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(
            FeatureUseModel.FEATURE, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(FeatureUseModel.PEOPLE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FeatureUseModel.SHARE, QHeaderView.ResizeMode.Stretch)

    def set_features(self, features: Sequence[FeatureUse]) -> None:
        self.features_model.set_rows(features)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += self.verticalHeader().defaultSectionSize() * len(features)
        self.setFixedHeight(height + 2)
