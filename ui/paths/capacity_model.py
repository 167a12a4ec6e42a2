"""The capacity table: one row per department (as the service groups them), one column per
month, each cell the learning hours planned against the protected time, shaded by load and
marked in words when over."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.paths.capacity import CapacityView
from app.paths.planning import MonthLoad
from ui.look import is_dark
from ui.paths.progress_labels import month_text, short_month_text, whole_hours_text
from ui.skills.gap_colours import text_colour_on

_Index = QModelIndex | QPersistentModelIndex

LOAD_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""A month cell's hours planned over its capacity (inf when there is no capacity)."""
OVERLOADED_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""A month cell: True when more is planned than the protected time allows."""

_LIGHT = ("#edf7ed", "#d3ecd4", "#fff0c2", "#f6c3bd")
_DARK = ("#22372a", "#2c4a33", "#5a4a12", "#6e2420")
"""Tints for a load under half, under 80 %, up to the capacity, and over it."""


def load_share(load: MonthLoad) -> float:
    if load.capacity_hours <= 0:
        return float("inf") if load.hours > 0 else 0.0
    return load.hours / load.capacity_hours


def load_colour(load: MonthLoad) -> QColor | None:
    """No tint for an empty month; green, deeper green, amber, then red when over."""
    if load.hours <= 0 and not load.overloaded:
        return None
    tints = _DARK if is_dark(QGuiApplication.palette()) else _LIGHT
    share = load_share(load)
    if load.overloaded:
        return QColor(tints[3])
    if share < 0.5:
        return QColor(tints[0])
    if share < 0.8:
        return QColor(tints[1])
    return QColor(tints[2])


class CapacityModel(QAbstractTableModel):
    """Department × month: "96 / 71 h · over"."""

    DEPARTMENT = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.departments: list[str] = []
        self.months: list[date] = []
        self._loads: dict[tuple[str, date], MonthLoad] = {}
        self._warning: QIcon | None = None

    def set_view(self, view: CapacityView) -> None:
        self.beginResetModel()
        self.departments = list(dict.fromkeys(load.department for load in view.loads))
        self.months = sorted({load.month for load in view.loads})
        self._loads = {(load.department, load.month): load for load in view.loads}
        self.endResetModel()

    def load(self, row: int, column: int) -> MonthLoad | None:
        if not 0 <= row < len(self.departments) or not 1 <= column <= len(self.months):
            return None
        return self._loads.get((self.departments[row], self.months[column - 1]))

    def month_column(self, month: date) -> int:
        return self.months.index(month) + 1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.departments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.months else len(self.months) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.DEPARTMENT:
                return self.tr("Department")
            return short_month_text(self.months[section - 1])
        if role == Qt.ItemDataRole.ToolTipRole and section > self.DEPARTMENT:
            return month_text(self.months[section - 1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.departments):
            return None
        if index.column() == self.DEPARTMENT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.departments[index.row()]
            return None
        load = self.load(index.row(), index.column())
        if load is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(load)
        if role == LOAD_ROLE:
            return load_share(load)
        if role == OVERLOADED_ROLE:
            return load.overloaded
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(load)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DecorationRole and load.overloaded:
            return self._warning_icon()
        colour = load_colour(load)
        if role == Qt.ItemDataRole.BackgroundRole:
            return colour
        if role == Qt.ItemDataRole.ForegroundRole and colour is not None:
            return text_colour_on(colour)
        return None

    def cell_text(self, load: MonthLoad) -> str:
        text = self.tr("{hours} / {capacity}").format(
            hours=round(load.hours), capacity=whole_hours_text(load.capacity_hours)
        )
        if load.overloaded:
            return self.tr("{text} · over").format(text=text)
        return text

    def tooltip(self, load: MonthLoad) -> str:
        share = load_share(load)
        return self.tr(
            "{department}, {month}: {hours} planned, {capacity} of protected time{share}"
        ).format(
            department=load.department,
            month=month_text(load.month),
            hours=whole_hours_text(load.hours),
            capacity=whole_hours_text(load.capacity_hours),
            share="" if share == float("inf") else f" ({round(share * 100)} %)",
        )

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            self._warning = QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            )
        return self._warning
