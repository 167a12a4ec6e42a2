"""Task timings: how long a task took before and after the training, typed as a table.

Each recorded timing saves a changed value at once; a new one is typed in the row at the
bottom and added when Enter is pressed in its last cell or the cursor leaves the row.
Delete removes a timing (Undo puts it back).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QHeaderView, QWidget

from app.pilots.records import ParticipantRow, TimingInput, TimingRow
from app.pilots.tracking import PilotTrackingService
from app.pilots.tracking_import_model import ImportKind
from ui.pilots.tracking_section import MeasurementSection
from ui.pilots.tracking_table import (
    CHOICES_ROLE,
    DISPLAY,
    EDIT,
    ChoiceDelegate,
    EntryModel,
    ModelIndex,
    TextDelegate,
    number_text,
    parse_typed_number,
)

COHORT = 0
"""The person choice that means the whole cohort."""

_FIELDS = (
    "task",
    "participant_id",
    "minutes_before",
    "minutes_after",
    "observations_before",
    "observations_after",
    "times_per_week",
    "errors_before",
    "errors_after",
)


class TimingsModel(EntryModel):
    (
        TASK,
        PERSON,
        MINUTES_BEFORE,
        MINUTES_AFTER,
        OBSERVATIONS_BEFORE,
        OBSERVATIONS_AFTER,
        TIMES,
        ERRORS_BEFORE,
        ERRORS_AFTER,
        SAVED,
    ) = range(10)

    def __init__(self, tracking: PilotTrackingService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracking = tracking
        self.pilot_id: int | None = None
        self._rows: list[TimingRow] = []
        self._people: dict[int, str] = {}
        self._draft: dict[str, Any] = {}
        self._headers = [
            self.tr("Task"),
            self.tr("Person"),
            self.tr("Minutes\nbefore"),
            self.tr("Minutes\nafter"),
            self.tr("Observations\nbefore"),
            self.tr("Observations\nafter"),
            self.tr("Times\na week"),
            self.tr("Errors\nbefore"),
            self.tr("Errors\nafter"),
            self.tr("Time\nsaved"),
        ]

    def load(
        self, pilot_id: int, people: Sequence[ParticipantRow], timings: Sequence[TimingRow]
    ) -> None:
        self.beginResetModel()
        if pilot_id != self.pilot_id:
            self._draft = {}
        self.pilot_id = pilot_id
        self._people = {p.id: p.display_name for p in people}
        self._rows = sorted(timings, key=lambda row: row.id)
        self.endResetModel()

    def recorded(self) -> int:
        """How many are saved (the new row at the bottom aside)."""
        return len(self._rows)

    def timing(self, row: int) -> TimingRow:
        return self._rows[row]

    # Reading -----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.pilot_id is None else len(self._rows) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == DISPLAY:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.SAVED:
                return self.tr("How much shorter the task is after the training")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.SAVED:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def is_draft_row(self, row: int) -> bool:
        return self.pilot_id is not None and row == len(self._rows)

    def draft_started(self) -> bool:
        return any(value not in (None, "") for value in self._draft.values())

    def _values(self, row: int) -> dict[str, Any]:
        if self.is_draft_row(row):
            return dict(self._draft)
        timing = self._rows[row].timing
        return {name: getattr(timing, name) for name in _FIELDS}

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        values = self._values(row)
        draft = self.is_draft_row(row)
        if column == self.SAVED:
            before, after = values.get("minutes_before"), values.get("minutes_after")
            if role == DISPLAY and before and after is not None:
                return f"{round(100 * (before - after) / before)} %"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        name = _FIELDS[column]
        value = values.get(name)
        if column == self.TASK and draft and not value:
            if role == DISPLAY:
                return self.tr("New timing: type the task…")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont(QApplication.font())
                font.setItalic(True)
                return font
            return "" if role == EDIT else None
        if column == self.PERSON:
            if role == DISPLAY:
                if draft and "participant_id" not in self._draft:
                    return ""
                return self._people.get(value, "") if value else self.tr("Whole cohort")
            if role == EDIT:
                return value or COHORT
            if role == CHOICES_ROLE:
                choices = [(self.tr("Whole cohort"), COHORT)]
                return choices + sorted(
                    ((name, pid) for pid, name in self._people.items()), key=lambda c: c[0]
                )
            return None
        if role in (DISPLAY, EDIT):
            if column == self.TASK:
                return value or ""
            return number_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TASK:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TASK and value:
            return value
        return None

    # Typing ------------------------------------------------------------------------------
    def setData(self, index: ModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.pilot_id is None:
            return False
        row, column = index.row(), index.column()
        if column == self.SAVED:
            return False
        read = self._read(column, value)
        if read is _REFUSED:
            return False
        name = _FIELDS[column]
        if self.is_draft_row(row):
            self._draft[name] = read
            self.row_changed(row)
            return self.accepted(
                self.tr("New timing not added yet: press Enter in its last cell to add it.")
            )
        if read is None and column in (self.TASK, self.MINUTES_BEFORE, self.MINUTES_AFTER):
            return False  # a required value is not emptied by accident
        record = self._rows[row]
        timing = replace(record.timing, **{name: read})
        pilot_id = self.pilot_id
        if not self.run_saving(lambda: self._tracking.save_timing(pilot_id, timing, record.id)):
            return False
        self._rows[row] = TimingRow(record.id, timing, self._people.get(timing.participant_id or 0))
        self.row_changed(row)
        return self.accepted(self.tr("Saved the timing of “{task}”.").format(task=timing.task))

    def _read(self, column: int, value: Any) -> Any:
        """The typed value as stored, or _REFUSED after saying what is wrong."""
        if column == self.TASK:
            text = " ".join(str(value or "").split())
            if not text:
                self.refuse(self.tr("Name the task that was timed."))
                return _REFUSED
            return text
        if column == self.PERSON:
            chosen = int(value or COHORT)
            return chosen or None
        try:
            number = parse_typed_number(value)
        except ValueError:
            self.refuse(self.tr("“{value}” is not a number.").format(value=value))
            return _REFUSED
        rules = {
            self.MINUTES_BEFORE: (0.01, 100_000, False),
            self.MINUTES_AFTER: (0, 100_000, False),
            self.OBSERVATIONS_BEFORE: (1, 100_000, True),
            self.OBSERVATIONS_AFTER: (1, 100_000, True),
            self.TIMES: (0.01, 500, False),
            self.ERRORS_BEFORE: (0, 100_000, True),
            self.ERRORS_AFTER: (0, 100_000, True),
        }
        low, high, whole = rules[column]
        if number is None:
            return None
        if not low <= number <= high or (whole and not number.is_integer()):
            self.refuse(self._rule(column))
            return _REFUSED
        return int(number) if whole else number

    def _rule(self, column: int) -> str:
        if column == self.MINUTES_BEFORE:
            return self.tr("Minutes before training must be more than 0.")
        if column == self.MINUTES_AFTER:
            return self.tr("Minutes after training cannot be negative.")
        if column in (self.OBSERVATIONS_BEFORE, self.OBSERVATIONS_AFTER):
            return self.tr("Observations are a whole number, at least 1.")
        if column == self.TIMES:
            return self.tr("Times a week is more than 0 and at most 500.")
        return self.tr("Errors are a whole number, 0 or more.")

    def commit_draft(self) -> bool:
        if self.pilot_id is None or not self.draft_started():
            return False
        draft = self._draft
        if (
            not draft.get("task")
            or draft.get("minutes_before") is None
            or draft.get("minutes_after") is None
        ):
            return self.refuse(
                self.tr(
                    "To add the timing, type the task, the minutes before and the minutes after."
                )
            )
        timing = TimingInput(
            task=draft["task"],
            minutes_before=draft["minutes_before"],
            minutes_after=draft["minutes_after"],
            observations_before=draft.get("observations_before") or 1,
            observations_after=draft.get("observations_after") or 1,
            times_per_week=draft.get("times_per_week") or 1.0,
            errors_before=draft.get("errors_before"),
            errors_after=draft.get("errors_after"),
            participant_id=draft.get("participant_id"),
        )
        pilot_id = self.pilot_id
        saved: list[int] = []
        if not self.run_saving(lambda: saved.append(self._tracking.save_timing(pilot_id, timing))):
            return False
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(TimingRow(saved[0], timing, self._people.get(timing.participant_id or 0)))
        self.endInsertRows()
        self._draft = {}
        self.row_changed(position + 1)
        return self.accepted(self.tr("Added the timing of “{task}”.").format(task=timing.task))

    # Removing ----------------------------------------------------------------------------
    def remove(self, row: int) -> tuple[str, object] | None:
        if self.pilot_id is None:
            return None
        if self.is_draft_row(row):
            self._draft = {}
            self.row_changed(row)
            self.accepted("")
            return None
        record = self._rows[row]
        pilot_id = self.pilot_id
        if not self.run_saving(lambda: self._tracking.delete_timing(pilot_id, record.id)):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.accepted("")
        return self.tr("Deleted the timing of “{task}”.").format(task=record.timing.task), record

    def undo(self, token: object) -> None:
        assert isinstance(token, TimingRow) and self.pilot_id is not None
        pilot_id = self.pilot_id
        saved: list[int] = []
        if not self.run_saving(
            lambda: saved.append(self._tracking.save_timing(pilot_id, token.timing))
        ):
            return
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(TimingRow(saved[0], token.timing, token.participant_name))
        self.endInsertRows()
        self.accepted(self.tr("The timing is back."))


_REFUSED = object()


class TimingsSection(MeasurementSection):
    def __init__(self, tracking: PilotTrackingService, parent: QWidget | None = None) -> None:
        model = TimingsModel(tracking)
        super().__init__(
            ImportKind.TIMINGS,
            QApplication.translate("TimingsSection", "Task timings"),
            QApplication.translate(
                "TimingsSection",
                "How long a task took before the training and after it, from a few "
                "observations each, and how often it is done. Type a new timing in the last "
                "row (Tab or Enter after each value); it is added at the end of the row. "
                "Delete removes the timing the cursor is on.",
            ),
            model,
            parent,
        )
        model.setParent(self)
        self.timings = model
        text = TextDelegate(self.view)
        for column in range(model.columnCount()):
            self.view.setItemDelegateForColumn(column, text)
        self.view.setItemDelegateForColumn(TimingsModel.PERSON, ChoiceDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TimingsModel.TASK, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(TimingsModel.PERSON, 160)
        for column in range(TimingsModel.MINUTES_BEFORE, TimingsModel.SAVED + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
