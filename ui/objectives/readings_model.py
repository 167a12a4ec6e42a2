"""A metric's readings as a table (date, value, note), oldest first, corrected in place.

Editing a cell hands the whole corrected reading to ``save`` (set by the panel), which asks
the service and returns the problem in words, or None when it was saved. The model is
then reloaded from the service's change notification, never changed by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.objectives.model import Reading
from app.objectives.values import NotANumber, parse_number
from app.roster.values import parse_text_date
from ui.objectives.labels import day_text, number_text

ModelIndex = QModelIndex | QPersistentModelIndex
SaveReading = Callable[[Reading, float, date, str | None], str | None]


def read_day(text: str) -> date | None:
    """A date as typed: "12 Nov 2026", "2026-11-12" or "12/11/2026" (day first)."""
    return parse_text_date(text, day_first=True)


def read_value(text: str) -> float | None:
    """A value as typed ("1,200", "12.5", "45 %"); None when empty; NotANumber otherwise."""
    return parse_number(text)


class ReadingsTableModel(QAbstractTableModel):
    DATE = 0
    VALUE = 1
    NOTE = 2

    edit_refused = Signal(str)
    """A correction typed into a cell was not saved; carries the reason in words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readings: list[Reading] = []
        self._unit: str | None = None
        self.save: SaveReading | None = None
        self._headers = [self.tr("Date"), self.tr("Value"), self.tr("Note")]

    def set_readings(self, readings: tuple[Reading, ...], unit: str | None) -> None:
        self.beginResetModel()
        self._readings = list(readings)
        self._unit = unit
        self._headers[self.VALUE] = (
            self.tr("Value, {unit}").format(unit=unit) if unit else self.tr("Value")
        )
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.VALUE, self.VALUE)

    def reading(self, row: int) -> Reading:
        return self._readings[row]

    def row_of(self, reading_id: int) -> int | None:
        for row, reading in enumerate(self._readings):
            if reading.id == reading_id:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._readings)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._readings):
            return None
        reading = self._readings[index.row()]
        column = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if column == self.DATE:
                return day_text(reading.measured_on)
            if column == self.VALUE:
                return number_text(reading.value)
            if column == self.NOTE:
                return reading.note or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE and reading.note:
            return reading.note
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.save is None:
            return False
        reading = self._readings[index.row()]
        text = str(value or "").strip()
        day, number, note = reading.measured_on, reading.value, reading.note
        column = index.column()
        if column == self.DATE:
            parsed = read_day(text)
            if parsed is None:
                return self._refuse(
                    self.tr(
                        "“{text}” is not a date that can be read. Write it as 12 Nov 2026 or "
                        "2026-11-12."
                    ).format(text=text)
                )
            day = parsed
        elif column == self.VALUE:
            try:
                typed = read_value(text)
            except NotANumber:
                typed = None
            if typed is None:
                return self._refuse(self.tr("Write the value as a number, such as 120 or 12.5."))
            number = typed
        elif column == self.NOTE:
            note = text or None
        if (day, number, note) == (reading.measured_on, reading.value, reading.note):
            return True
        problem = self.save(reading, number, day, note)
        if problem is not None:
            return self._refuse(problem)
        return True

    def _refuse(self, message: str) -> bool:
        self.edit_refused.emit(message)
        return False

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
