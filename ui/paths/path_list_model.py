"""The saved paths as a Qt list model: each path's name, and on a second line its track,
level, version, modules, hours and how many people follow it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from app.paths.service import PathRow
from ui.paths.builder_labels import level_label, path_track_label
from ui.paths.progress_labels import hours_text
from ui.people.labels import people_count

ModelIndex = QModelIndex | QPersistentModelIndex

PATH_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, PATH_ID_ROLE)``: the path's id."""


class PathListModel(QAbstractListModel):
    """One row per path version, in the service's order (name, then version)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PathRow] = []

    def set_paths(self, rows: Sequence[PathRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def path_at(self, row: int) -> PathRow:
        return self._rows[row]

    def row_of(self, path_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == path_id), -1)

    def facts(self, path: PathRow) -> str:
        """Two lines: what the path is for, then its size and its followers."""
        modules = (
            self.tr("1 module")
            if path.modules == 1
            else self.tr("{count} modules").format(count=path.modules)
        )
        kind = " · ".join(
            [
                path_track_label(path.track),
                level_label(path.level),
                self.tr("version {version}").format(version=path.version),
            ]
        )
        size = " · ".join([modules, hours_text(path.hours), people_count(path.people)])
        return f"{kind}\n{size}"

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        path = self._rows[index.row()]
        name = self.tr("{name} (replaced)").format(name=path.name) if path.retired else path.name
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}\n{self.facts(path)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{name}\n{self.facts(path)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{name}, " + self.facts(path).replace("\n", " · ")
        if role == Qt.ItemDataRole.ForegroundRole and path.retired:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == PATH_ID_ROLE:
            return path.id
        return None
