"""The good rows of a checked readings file, as they would be recorded: row, metric, date,
value, note, and whether each is new, replaces a recorded value or is already there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.objectives.readings_model import ReadingRow
from ui.objectives.labels import day_text, number_text

ModelIndex = QModelIndex | QPersistentModelIndex


class ReadingPlanModel(QAbstractTableModel):
    ROW = 0
    METRIC = 1
    DATE = 2
    VALUE = 3
    NOTE = 4
    OUTCOME = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReadingRow] = []
        self._headers = [
            self.tr("Row"),
            self.tr("Metric"),
            self.tr("Date"),
            self.tr("Value"),
            self.tr("Note"),
            self.tr("What happens"),
        ]

    def set_rows(self, rows: list[ReadingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROW:
                return str(row.row)
            if column == self.METRIC:
                return row.metric_name
            if column == self.DATE:
                return day_text(row.measured_on)
            if column == self.VALUE:
                return number_text(row.value)
            if column == self.NOTE:
                return row.note or ""
            if column == self.OUTCOME:
                return self._outcome(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.ROW, self.VALUE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _outcome(self, row: ReadingRow) -> str:
        if row.unchanged:
            return self.tr("Already recorded")
        if row.replaces is not None:
            return self.tr("Replaces {value}").format(value=number_text(row.replaces))
        return self.tr("New")

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
