"""The objectives and their metrics as a two-level tree: title or name, then progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from app.objectives.model import MetricView, ObjectiveView
from ui.objectives.labels import progress_text, status_label, verdict_colour

ModelIndex = QModelIndex | QPersistentModelIndex
Key = tuple[str, int]
"""("objective", id) or ("metric", id): what a row stands for, stable across reloads."""

KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class ObjectiveTreeModel(QAbstractItemModel):
    """Objectives at the top level (internal id 0), their metrics below (internal id =
    the objective's row + 1)."""

    NAME = 0
    PROGRESS = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._objectives: list[ObjectiveView] = []
        self._headers = [self.tr("Objective and its metrics"), self.tr("Progress")]

    # Content ------------------------------------------------------------------------------
    def set_objectives(self, objectives: list[ObjectiveView]) -> None:
        self.beginResetModel()
        self._objectives = list(objectives)
        self.endResetModel()

    def objectives(self) -> list[ObjectiveView]:
        return list(self._objectives)

    def item(self, index: ModelIndex) -> ObjectiveView | MetricView | None:
        if not index.isValid():
            return None
        parent_row = index.internalId()
        if parent_row == 0:
            if 0 <= index.row() < len(self._objectives):
                return self._objectives[index.row()]
            return None
        if not 0 < parent_row <= len(self._objectives):
            return None
        objective = self._objectives[parent_row - 1]
        if 0 <= index.row() < len(objective.metrics):
            return objective.metrics[index.row()]
        return None

    def index_of(self, key: Key) -> QModelIndex:
        kind, wanted = key
        for row, objective in enumerate(self._objectives):
            if kind == "objective" and objective.id == wanted:
                return self.index(row, self.NAME)
            if kind == "metric":
                for child, metric in enumerate(objective.metrics):
                    if metric.id == wanted:
                        return self.index(child, self.NAME, self.index(row, self.NAME))
        return QModelIndex()

    # QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._objectives)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        if 0 <= parent.row() < len(self._objectives):
            return len(self._objectives[parent.row()].metrics)
        return 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if isinstance(item, ObjectiveView):
            return self._objective_data(item, column, role)
        return self._metric_data(item, column, role)

    def _objective_data(self, objective: ObjectiveView, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return objective.title if column == self.NAME else status_label(objective.status)
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return objective.description or objective.title
        if role == KEY_ROLE:
            return ("objective", objective.id)
        return None

    def _metric_data(self, metric: MetricView, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return metric.name if column == self.NAME else progress_text(metric)
        if role == Qt.ItemDataRole.ToolTipRole:
            return metric.sentence
        if role == Qt.ItemDataRole.ForegroundRole and column == self.PROGRESS:
            palette = QApplication.palette()
            if metric.on_track is None and not metric.reached:
                return palette.color(QPalette.ColorRole.PlaceholderText)
            return verdict_colour(metric, palette)
        if role == KEY_ROLE:
            return ("metric", metric.id)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
