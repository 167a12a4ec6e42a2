"""The row under the readings table where a new reading is typed: date, value, note.

Tab moves along the row; Enter adds the reading (Enter in the date field with no value yet
moves on to the value). The date starts as today; after a reading is added the value and
note are cleared and the date is selected, ready for the next one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QWidget

from app.objectives.values import NotANumber
from ui.objectives.labels import day_text
from ui.objectives.readings_model import read_day, read_value
from ui.people.naming import named


class _EntryField(QLineEdit):
    """A line edit that reports Enter (and keypad Enter) to the row."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ReadingEntry(QWidget):
    add_requested = Signal(object, float, object)
    """(date, value, note or None): a complete new reading, typed and understood."""
    problem = Signal(str)
    """What was typed cannot be read (the reason in words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = named(_EntryField(self), "new_reading_date")
        self.date_edit.setPlaceholderText(self.tr("Date, e.g. 12 Nov 2026"))
        self.date_edit.setAccessibleName(self.tr("Date of the new reading"))
        self.value_edit = named(_EntryField(self), "new_reading_value")
        self.value_edit.setPlaceholderText(self.tr("Value"))
        self.value_edit.setAccessibleName(self.tr("Value of the new reading"))
        self.value_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note_edit = named(_EntryField(self), "new_reading_note")
        self.note_edit.setPlaceholderText(self.tr("Note (optional)"))
        self.note_edit.setAccessibleName(self.tr("Note on the new reading"))
        self.add_button = named(QPushButton(self.tr("Add"), self), "add_reading")
        self.add_button.setToolTip(self.tr("Add the reading (Enter)"))
        self.add_button.clicked.connect(self.submit)
        self.date_edit.entered.connect(self._date_entered)
        self.value_edit.entered.connect(self.submit)
        self.note_edit.entered.connect(self.submit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.date_edit)
        row.addWidget(self.value_edit)
        row.addWidget(self.note_edit, 1)
        row.addSpacing(6)
        row.addWidget(self.add_button)
        self.setTabOrder(self.date_edit, self.value_edit)
        self.setTabOrder(self.value_edit, self.note_edit)
        self.setTabOrder(self.note_edit, self.add_button)
        self.reset(date.today())

    def align_to(self, header: QHeaderView) -> None:
        """Line the fields up under the table's Date and Value columns."""

        def follow(*_args: object) -> None:
            self.date_edit.setFixedWidth(header.sectionSize(0))
            self.value_edit.setFixedWidth(header.sectionSize(1))

        header.sectionResized.connect(follow)
        follow()

    def reset(self, day: date) -> None:
        """Ready for the next reading: ``day`` in the date field, the rest empty."""
        self.date_edit.setText(day_text(day))
        self.value_edit.clear()
        self.note_edit.clear()

    def focus_date(self) -> None:
        self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.date_edit.selectAll()

    def _date_entered(self) -> None:
        if not self.value_edit.text().strip():
            self.value_edit.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.submit()

    def submit(self) -> None:
        text = self.date_edit.text().strip()
        day = read_day(text) if text else None
        if day is None:
            self.problem.emit(
                self.tr("Enter the date of the reading, such as 12 Nov 2026 or 2026-11-12.")
                if not text
                else self.tr(
                    "“{text}” is not a date that can be read. Write it as 12 Nov 2026 or "
                    "2026-11-12."
                ).format(text=text)
            )
            self.focus_date()
            return
        try:
            value = read_value(self.value_edit.text())
        except NotANumber:
            value = None
            message = self.tr("“{text}” is not a number. Write the value as 120 or 12.5.").format(
                text=self.value_edit.text().strip()
            )
        else:
            message = self.tr("Enter the value that was measured.")
        if value is None:
            self.problem.emit(message)
            self.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.value_edit.selectAll()
            return
        note = self.note_edit.text().strip() or None
        self.add_requested.emit(day, value, note)
