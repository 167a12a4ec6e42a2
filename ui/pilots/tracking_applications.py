"""The applications log: what participants used AI for at work, with the hours it saves.

A new use is typed in the row at the bottom (date, person, what for, hours saved a week)
and added when Enter is pressed in its last cell or the cursor leaves the row. Delete
removes an entry (Undo puts it back); to correct one, delete it and type it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from app.pilots.records import ApplicationInput, ApplicationRow, ParticipantRow
from app.pilots.tracking import PilotTrackingService
from app.pilots.tracking_import_model import ImportKind
from app.pilots.tracking_import_values import NotANumber
from app.roster.values import parse_text_date
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


def date_text(on: date) -> str:
    return QLocale().toString(QDate(on.year, on.month, on.day), QLocale.FormatType.ShortFormat)


class ApplicationsModel(EntryModel):
    DATE, PERSON, DESCRIPTION, HOURS = range(4)

    def __init__(self, tracking: PilotTrackingService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tracking = tracking
        self.pilot_id: int | None = None
        self._rows: list[ApplicationRow] = []
        self._people: dict[int, str] = {}
        self._draft: dict[str, Any] = {}
        self.today = date.today()
        self._headers = [
            self.tr("Date"),
            self.tr("Person"),
            self.tr("What they used AI for"),
            self.tr("Hours saved a week"),
        ]

    def load(
        self,
        pilot_id: int,
        people: Sequence[ParticipantRow],
        applications: Sequence[ApplicationRow],
        today: date,
    ) -> None:
        self.beginResetModel()
        if pilot_id != self.pilot_id:
            self._draft = {}
        self.pilot_id = pilot_id
        self.today = today
        self._people = {p.id: p.display_name for p in people}
        self._rows = sorted(applications, key=lambda row: (row.logged_on, row.id))
        self.endResetModel()

    def recorded(self) -> int:
        """How many are saved (the new row at the bottom aside)."""
        return len(self._rows)

    def entry(self, row: int) -> ApplicationRow:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.pilot_id is None else len(self._rows) + 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_draft_row(index.row()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def is_draft_row(self, row: int) -> bool:
        return self.pilot_id is not None and row == len(self._rows)

    def draft_started(self) -> bool:
        return any(key != "logged_on" and value for key, value in self._draft.items())

    def data(self, index: ModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = index.column()
        if self.is_draft_row(index.row()):
            return self._draft_data(column, role)
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.HOURS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DESCRIPTION:
            return entry.description
        if role != DISPLAY:
            return None
        if column == self.DATE:
            return date_text(entry.logged_on)
        if column == self.PERSON:
            return entry.display_name
        if column == self.DESCRIPTION:
            return entry.description
        return number_text(entry.hours_saved_per_week)

    def _draft_data(self, column: int, role: int) -> Any:
        draft = self._draft
        if column == self.DATE:
            if role in (DISPLAY, EDIT):
                return date_text(draft.get("logged_on") or self.today)
            if role == Qt.ItemDataRole.ForegroundRole and "logged_on" not in draft:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Today unless you type another date")
            return None
        if column == self.PERSON:
            person = draft.get("participant_id")
            if role == DISPLAY:
                return self._people.get(person, "") if person else ""
            if role == EDIT:
                return person or 0
            if role == CHOICES_ROLE:
                return sorted(((name, pid) for pid, name in self._people.items()))
            return None
        if column == self.DESCRIPTION:
            text = draft.get("description") or ""
            if role == EDIT:
                return text
            if role == DISPLAY:
                return text or self.tr("New entry: type what AI was used for…")
            if not text and role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            if not text and role == Qt.ItemDataRole.FontRole:
                font = QFont(QApplication.font())
                font.setItalic(True)
                return font
            return None
        if column == self.HOURS:
            if role in (DISPLAY, EDIT):
                return number_text(draft.get("hours"))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not self.is_draft_row(index.row()):
            return False
        column = index.column()
        if column == self.DATE:
            text = str(value or "").strip()
            on = self._read_date(text) if text else self.today
            if on is None:
                return self.refuse(
                    self.tr("“{value}” is not a date. Write it as {example}.").format(
                        value=text, example=date_text(self.today)
                    )
                )
            if on > self.today:
                return self.refuse(self.tr("The date is in the future."))
            self._draft["logged_on"] = on
        elif column == self.PERSON:
            self._draft["participant_id"] = int(value or 0) or None
        elif column == self.DESCRIPTION:
            self._draft["description"] = " ".join(str(value or "").split())
        elif column == self.HOURS:
            try:
                hours = parse_typed_number(value)
            except NotANumber:
                return self.refuse(self.tr("“{value}” is not a number.").format(value=value))
            if hours is not None and not 0 <= hours <= 40:
                return self.refuse(self.tr("Hours saved a week is from 0 to 40."))
            self._draft["hours"] = hours
        self.row_changed(index.row())
        return self.accepted(self.tr("Not added yet: press Enter in its last cell to add it."))

    def _read_date(self, text: str) -> date | None:
        parsed = QLocale().toDate(text, QLocale.FormatType.ShortFormat)
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
        return parse_text_date(text, day_first=True)

    def commit_draft(self) -> bool:
        if self.pilot_id is None or not self.draft_started():
            return False
        draft = self._draft
        person = draft.get("participant_id")
        description = draft.get("description")
        if not person or not description:
            return self.refuse(
                self.tr("To add the entry, choose the person and say what AI was used for.")
            )
        entry = ApplicationInput(
            participant_id=person,
            description=description,
            hours_saved_per_week=draft.get("hours"),
            logged_on=draft.get("logged_on") or self.today,
        )
        pilot_id = self.pilot_id
        saved: list[int] = []
        if not self.run_saving(
            lambda: saved.append(self._tracking.add_application(pilot_id, entry))
        ):
            return False
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(_row(saved[0], entry, self._people.get(person, "")))
        self.endInsertRows()
        self._draft = {}
        self.row_changed(position + 1)
        return self.accepted(self.tr("Added to the log."))

    def remove(self, row: int) -> tuple[str, object] | None:
        if self.pilot_id is None:
            return None
        if self.is_draft_row(row):
            self._draft = {}
            self.row_changed(row)
            self.accepted("")
            return None
        entry = self._rows[row]
        pilot_id = self.pilot_id
        if not self.run_saving(lambda: self._tracking.delete_application(pilot_id, entry.id)):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.accepted("")
        return (
            self.tr("Deleted “{what}” ({name}).").format(
                what=entry.description, name=entry.display_name
            ),
            entry,
        )

    def undo(self, token: object) -> None:
        assert isinstance(token, ApplicationRow) and self.pilot_id is not None
        entry = ApplicationInput(
            token.participant_id, token.description, token.hours_saved_per_week, token.logged_on
        )
        pilot_id = self.pilot_id
        saved: list[int] = []
        if not self.run_saving(
            lambda: saved.append(self._tracking.add_application(pilot_id, entry))
        ):
            return
        self.beginResetModel()
        self._rows.append(_row(saved[0], entry, token.display_name))
        self._rows.sort(key=lambda row: (row.logged_on, row.id))
        self.endResetModel()
        self.accepted(self.tr("The entry is back."))


def _row(application_id: int, entry: ApplicationInput, name: str) -> ApplicationRow:
    assert entry.logged_on is not None
    return ApplicationRow(
        id=application_id,
        participant_id=entry.participant_id,
        display_name=name,
        logged_on=entry.logged_on,
        description=entry.description,
        hours_saved_per_week=entry.hours_saved_per_week,
    )


class ApplicationsSection(MeasurementSection):
    def __init__(self, tracking: PilotTrackingService, parent: QWidget | None = None) -> None:
        model = ApplicationsModel(tracking)
        super().__init__(
            ImportKind.APPLICATIONS,
            QApplication.translate("ApplicationsSection", "Applications"),
            QApplication.translate(
                "ApplicationsSection",
                "What participants used AI for in their work, and how many hours a week it "
                "saves them. Type a new entry in the last row; it is added at the end of the "
                "row. Delete removes the entry the cursor is on.",
            ),
            model,
            parent,
        )
        model.setParent(self)
        self.log = model
        text = TextDelegate(self.view)
        for column in (ApplicationsModel.DATE, ApplicationsModel.DESCRIPTION):
            self.view.setItemDelegateForColumn(column, text)
        self.view.setItemDelegateForColumn(ApplicationsModel.HOURS, text)
        self.view.setItemDelegateForColumn(ApplicationsModel.PERSON, ChoiceDelegate(self.view))
        self.view.setColumnWidth(ApplicationsModel.DATE, 110)
        self.view.setColumnWidth(ApplicationsModel.PERSON, 180)
        self.view.setColumnWidth(ApplicationsModel.DESCRIPTION, 420)
        self.view.horizontalHeader().setStretchLastSection(True)
