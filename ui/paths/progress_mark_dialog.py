"""Mark one module for several people at once: done (with the date and an optional score), in
progress, not started or skipped. E.g. everyone at Tuesday's workshop, done, that day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.look import make_heading, make_muted
from ui.paths.progress_labels import status_label, to_date
from ui.people.labels import people_count
from ui.people.naming import named

MARK_ORDER = ("completed", "in_progress", "not_started", "skipped")
"""The statuses offered, most used first (the service's ``STATUSES``)."""

NO_SCORE = -1
"""The score box's value for "no score" (shown as words)."""


class MarkProgressDialog(QDialog):
    """Asks what to record; the caller saves it when the dialog is accepted."""

    def __init__(self, module_title: str, people: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mark_progress_dialog")
        self.setWindowTitle(self.tr("Mark progress"))
        self.status = named(QComboBox(self), "status")
        for status in MARK_ORDER:
            self.status.addItem(status_label(status), status)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.done_on = named(QDateEdit(QDate.currentDate(), self), "done_on")
        self.done_on.setCalendarPopup(True)
        self.done_on.setDisplayFormat("d MMM yyyy")
        self.score = named(QSpinBox(self), "score")
        self.score.setRange(NO_SCORE, 100)
        self.score.setValue(NO_SCORE)
        self.score.setSpecialValueText(self.tr("No score"))
        self.score.setSuffix(self.tr(" %"))
        self.score.setAccessibleName(self.tr("Score from 0 to 100 %"))
        self.note = named(QLineEdit(self), "note")
        self.note.setMaxLength(300)
        self.note.setPlaceholderText(self.tr("Optional, e.g. why it is skipped"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, field in (
            (self.tr("&Status:"), self.status),
            (self.tr("&Done on:"), self.done_on),
            (self.tr("S&core:"), self.score),
            (self.tr("&Note:"), self.note),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_heading(
                self.tr("“{module}” for {people}").format(
                    module=module_title, people=people_count(people)
                ),
                self,
                1.1,
                "mark_heading",
            )
        )
        layout.addWidget(
            make_muted(
                self.tr(
                    "A date and a score are kept only for modules done. The score is optional, "
                    "e.g. a quiz result."
                ),
                self,
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self._status_changed()
        self.status.setFocus()

    def _status_changed(self, _index: int = 0) -> None:
        done = self.chosen_status() == "completed"
        self.done_on.setEnabled(done)
        self.score.setEnabled(done)

    def chosen_status(self) -> str:
        return str(self.status.currentData())

    def chosen_date(self) -> date | None:
        return to_date(self.done_on.date()) if self.chosen_status() == "completed" else None

    def chosen_score(self) -> float | None:
        value = self.score.value()
        if self.chosen_status() != "completed" or value == NO_SCORE:
            return None
        return float(value)

    def chosen_note(self) -> str | None:
        return self.note.text().strip() or None
