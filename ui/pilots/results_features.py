"""Which features of the AI tool participants used: a short ranked table with a bar per share.

The order and the shares are the outcome's (most used first); feature keys are shown with the
labels of the check-in list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
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
from ui.pilots.chart_look import chart_colours
from ui.pilots.results_format import percent, whole

_Index = QModelIndex | QPersistentModelIndex

SHARE_ROLE = Qt.ItemDataRole.UserRole + 1
"""The share of participants (0–1) for the bar."""


def feature_label(key: str) -> str:
    """The feature as the check-in list names it; an unknown key as it was stored."""
    return dict(check_in_features()).get(key, key)


class FeatureUseModel(QAbstractTableModel):
    FEATURE = 0
    PEOPLE = 1
    SHARE = 2
    COLUMN_COUNT = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.features: list[FeatureUse] = []

    def set_features(self, features: Sequence[FeatureUse]) -> None:
        self.beginResetModel()
        self.features = list(features)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.features)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.FEATURE: self.tr("Used for"),
            self.PEOPLE: self.tr("People"),
            self.SHARE: self.tr("Share of those who checked in"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.features):
            return None
        use = self.features[index.row()]
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

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ShareBar(QStyledItemDelegate):
    """A bar as long as the share, in the charts' colour, with the percentage after it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
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

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
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
        self.features_model.set_features(features)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += self.verticalHeader().defaultSectionSize() * len(features)
        self.setFixedHeight(height + 2)
