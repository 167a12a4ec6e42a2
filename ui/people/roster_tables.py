"""Item models for the roster import: a preview of the file and the list of problems found."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.roster.model import Cell, Problem, RosterTable

ModelIndex = QModelIndex | QPersistentModelIndex

PREVIEW_ROWS = 20
ERROR_COLOUR = QColor("#c62828")
WARNING_COLOUR = QColor("#a15c00")


def cell_text(value: Cell) -> str:
    """A cell as the user would read it in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class RosterPreviewModel(QAbstractTableModel):
    """The header and the first rows of the file, with the file's row numbers at the side."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: RosterTable | None = None

    def set_table(self, table: RosterTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return min(len(self._table.rows), PREVIEW_ROWS)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._table is None:
            return 0
        return len(self._table.headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = self._table.rows[index.row()].cells
            return cell_text(cells[index.column()]) if index.column() < len(cells) else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._table is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._table.headers):
                return self._table.headers[section]
            return None
        if 0 <= section < self.rowCount():
            return str(self._table.rows[section].number)
        return None


class ProblemsModel(QAbstractTableModel):
    """Every problem of a check, errors first; each says its row in the file."""

    ROW = 0
    COLUMN = 1
    MESSAGE = 2
    VALUE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        style = QApplication.style()
        self._icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self._headers = [self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value")]

    def set_problems(self, errors: list[Problem], warnings: list[Problem]) -> None:
        self.beginResetModel()
        self._problems = [*errors, *warnings]
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        return self._problems[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROW:
                return str(problem.row) if problem.row is not None else ""
            if column == self.COLUMN:
                return problem.column or ""
            if column == self.MESSAGE:
                return problem.message
            if column == self.VALUE:
                return problem.value or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == self.MESSAGE:
            return problem.message
        if role == Qt.ItemDataRole.DecorationRole and column == self.ROW:
            return self._icons.get(problem.severity, QIcon())
        if role == Qt.ItemDataRole.ForegroundRole and column == self.MESSAGE:
            return ERROR_COLOUR if problem.severity == "error" else WARNING_COLOUR
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.ROW:
            severity = self.tr("Error") if problem.severity == "error" else self.tr("Warning")
            return f"{severity}, {self.tr('row')} {problem.row or ''}"
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
