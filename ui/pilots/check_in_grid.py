"""One week's check-ins as a grid: participants down, days used, features and hours across.

Typing a digit in "Days used" sets it and moves down, so a whole week goes in with the
keyboard alone. A participant's row saves itself as soon as it has the days used (all or
nothing for the row); the status column says "Saved", "Not checked in" or why a value was
refused. Delete clears a participant's check-in for the week (with undo).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from app.pilots.records import CheckInEntry, CheckInRow, ParticipantRow
from app.pilots.tracking import PilotTrackingService
from app.pilots.tracking_import_values import NotANumber
from ui.look import state_pixmap
from ui.pilots.tracking_table import (
    DISPLAY,
    EDIT,
    Digit,
    EntryModel,
    ModelIndex,
    number_text,
    parse_typed_number,
)

ERROR_COLOUR = QColor("#c62828")


@dataclass(frozen=True)
class _Draft:
    """What was typed for a participant who has no days used yet."""

    features: tuple[str, ...] | None = None
    hours: float | None = None


class CheckInModel(EntryModel):
    PERSON, DAYS, FEATURES, HOURS, STATUS = range(5)

    def __init__(
        self,
        tracking: PilotTrackingService,
        features: Sequence[tuple[str, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tracking = tracking
        self.features = list(features)
        self._labels = dict(features)
        self.pilot_id: int | None = None
        self.week = 1
        self._people: list[ParticipantRow] = []
        self._all: dict[tuple[int, int], CheckInRow] = {}
        self._drafts: dict[int, _Draft] = {}
        self._errors: dict[int, str] = {}
        self._badges: dict[str, QPixmap] = {}
        self._headers = [
            self.tr("Participant"),
            self.tr("Days used (0–7)"),
            self.tr("Features used"),
            self.tr("Hours learning"),
            self.tr("Status"),
        ]

    # Loading -----------------------------------------------------------------------------
    def load(
        self, pilot_id: int, people: Sequence[ParticipantRow], check_ins: Sequence[CheckInRow]
    ) -> None:
        self.beginResetModel()
        if pilot_id != self.pilot_id:
            self._drafts.clear()
        self.pilot_id = pilot_id
        self._people = list(people)
        self._all = {(row.participant_id, row.week): row for row in check_ins}
        self._errors.clear()
        self.endResetModel()

    def set_week(self, week: int) -> None:
        if week == self.week:
            return
        self.beginResetModel()
        self.week = week
        self._drafts.clear()
        self._errors.clear()
        self.endResetModel()

    def weeks_with_data(self) -> set[int]:
        return {week for _pid, week in self._all}

    def checked_in(self, week: int | None = None) -> list[ParticipantRow]:
        chosen = self.week if week is None else week
        return [p for p in self._people if (p.id, chosen) in self._all]

    def not_checked_in(self) -> list[ParticipantRow]:
        return [p for p in self._people if (p.id, self.week) not in self._all]

    def participant(self, row: int) -> ParticipantRow:
        return self._people[row]

    def stored(self, row: int) -> CheckInRow | None:
        return self._all.get((self._people[row].id, self.week))

    # Reading -----------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == DISPLAY:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.FEATURES:
                return self.tr("Type 1–{n} to tick a feature, or Space to choose from the list")
            if role == Qt.ItemDataRole.ToolTipRole and section == self.DAYS:
                return self.tr("Type a digit from 0 to 7: it is saved and the cursor moves down")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.DAYS, self.FEATURES, self.HOURS):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        stored = self._all.get((person.id, self.week))
        draft = self._drafts.get(person.id)
        column = index.column()
        if column == self.PERSON:
            if role == DISPLAY:
                return person.display_name
            if role == Qt.ItemDataRole.ToolTipRole:
                return person.department
            return None
        if column == self.STATUS:
            return self._status(person.id, stored, draft, role)
        features = draft.features if draft and draft.features is not None else None
        if features is None and stored is not None:
            features = stored.features
        hours = draft.hours if draft and draft.hours is not None else None
        if hours is None and stored is not None:
            hours = stored.learning_hours
        if column == self.DAYS:
            days = stored.days_used if stored else None
            if role in (DISPLAY, EDIT):
                return "" if days is None else str(days)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
        elif column == self.FEATURES:
            if role == EDIT:
                return tuple(features or ())
            if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
                return ", ".join(self._labels.get(key, key) for key in features or ())
        elif column == self.HOURS:
            if role in (DISPLAY, EDIT):
                return number_text(hours) if (stored or draft) else ""
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _status(
        self, participant_id: int, stored: CheckInRow | None, draft: _Draft | None, role: int
    ) -> Any:
        error = self._errors.get(participant_id)
        if error:
            text, state = error, "error"
        elif draft is not None:
            text, state = self.tr("Not saved yet: type the days used"), "in_progress"
        elif stored is not None:
            text, state = self.tr("Saved"), "done"
        else:
            text, state = self.tr("Not checked in"), "not_started"
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.DecorationRole and state != "error":
            return self._badge(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            if state == "error":
                return ERROR_COLOUR
            if state == "not_started":
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and state == "not_started":
            font = QFont(QApplication.font())
            font.setItalic(True)
            return font
        return None

    def _badge(self, state: str) -> QPixmap:
        """The state's badge (tick, half disc, ring), made once per state."""
        badge = self._badges.get(state)
        if badge is None:
            size = QFontMetrics(QApplication.font()).height()
            badge = state_pixmap(state, size, QApplication.palette())
            self._badges[state] = badge
        return badge

    # Typing ------------------------------------------------------------------------------
    def type_digit(self, index: QModelIndex, digit: int) -> Digit:
        if index.column() == self.DAYS:
            self.setData(index, digit, EDIT)
            return Digit.STAY if self.refused else Digit.MOVE_DOWN
        if index.column() == self.FEATURES:
            if not 1 <= digit <= len(self.features):
                self.refuse(
                    self.tr("Type 1 to {n} to tick a feature.").format(n=len(self.features))
                )
                return Digit.STAY
            key = self.features[digit - 1][0]
            current = tuple(self.data(index, EDIT) or ())
            chosen = tuple(k for k in current if k != key) if key in current else (*current, key)
            self.setData(index, chosen, EDIT)
            return Digit.STAY
        return Digit.NOT_HANDLED

    def setData(self, index: ModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or self.pilot_id is None:
            return False
        row = index.row()
        person = self._people[row]
        stored = self._all.get((person.id, self.week))
        draft = self._drafts.get(person.id, _Draft())
        column = index.column()
        days = stored.days_used if stored else None
        if column == self.DAYS:
            try:
                number = parse_typed_number(value)
            except NotANumber:
                number = -1
            if number is None:
                return False
            if not number.is_integer() or not 0 <= number <= 7:
                return self._refuse_row(row, self.tr("Days used is a number from 0 to 7."))
            days = int(number)
        elif column == self.FEATURES:
            draft = replace(draft, features=tuple(value or ()))
        elif column == self.HOURS:
            try:
                hours = parse_typed_number(value)
            except NotANumber:
                return self._refuse_row(
                    row, self.tr("“{value}” is not a number of hours.").format(value=value)
                )
            if hours is not None and not 0 <= hours <= 60:
                return self._refuse_row(
                    row, self.tr("Hours spent learning in a week is from 0 to 60.")
                )
            draft = replace(draft, hours=hours or 0.0)
        else:
            return False
        if days is None:
            self._drafts[person.id] = draft
            self._errors.pop(person.id, None)
            self.row_changed(row)
            return self.accepted(
                self.tr("{name}: type the days used to save the row.").format(
                    name=person.display_name
                )
            )
        return self._save_row(row, days, draft)

    def _save_row(self, row: int, days: int, draft: _Draft) -> bool:
        assert self.pilot_id is not None
        person = self._people[row]
        stored = self._all.get((person.id, self.week))
        features = draft.features
        if features is None:
            features = stored.features if stored else ()
        hours = draft.hours
        if hours is None:
            hours = stored.learning_hours if stored else 0.0
        entry = CheckInEntry(person.id, days, features, hours)
        pilot_id, week = self.pilot_id, self.week
        if not self.run_saving(lambda: self._tracking.record_week(pilot_id, week, [entry])):
            self._errors[person.id] = self.message
            self.row_changed(row)
            return False
        self._all[(person.id, week)] = CheckInRow(person.id, week, days, features, hours)
        self._drafts.pop(person.id, None)
        self._errors.pop(person.id, None)
        self.row_changed(row)
        return self.accepted(
            self.tr("Saved {name}'s week {week}.").format(name=person.display_name, week=week)
        )

    def _refuse_row(self, row: int, message: str) -> bool:
        self._errors[self._people[row].id] = message
        self.row_changed(row)
        return self.refuse(message)

    # Clearing ----------------------------------------------------------------------------
    def remove(self, row: int) -> tuple[str, object] | None:
        if self.pilot_id is None or not 0 <= row < len(self._people):
            return None
        person = self._people[row]
        if (
            self._drafts.pop(person.id, None) is not None
            and (person.id, self.week) not in self._all
        ):
            self.row_changed(row)
            self.accepted(
                self.tr("Cleared what was typed for {name}.").format(name=person.display_name)
            )
            return None
        stored = self._all.get((person.id, self.week))
        if stored is None:
            return None
        pilot_id, week = self.pilot_id, self.week
        if not self.run_saving(lambda: self._tracking.clear_week(pilot_id, week, [person.id])):
            return None
        del self._all[(person.id, week)]
        self._errors.pop(person.id, None)
        self.row_changed(row)
        self.accepted("")
        return (
            self.tr("Cleared {name}'s check-in for week {week}.").format(
                name=person.display_name, week=week
            ),
            stored,
        )

    def undo(self, token: object) -> None:
        assert isinstance(token, CheckInRow) and self.pilot_id is not None
        entry = CheckInEntry(
            token.participant_id, token.days_used, token.features, token.learning_hours
        )
        pilot_id = self.pilot_id
        if self.run_saving(lambda: self._tracking.record_week(pilot_id, token.week, [entry])):
            self._all[(token.participant_id, token.week)] = token
            for row, person in enumerate(self._people):
                if person.id == token.participant_id:
                    self.row_changed(row)
            self.accepted(self.tr("The check-in is back."))
