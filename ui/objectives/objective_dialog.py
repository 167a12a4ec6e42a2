"""New objective / Edit objective: the outcome in a sentence, who answers for it, by when,
and how it stands. Saved through the service; rule breaks show next to their field."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.context import AppServices
from app.objectives.model import ObjectiveInput, ObjectiveView
from db.models import ObjectiveStatus
from ui.objectives.form_dialog import FormDialog
from ui.objectives.labels import from_qdate, status_label, to_qdate
from ui.people.naming import named


class ObjectiveDialog(FormDialog):
    """``objective`` None writes a new objective; ``saved_id`` holds its id after Save."""

    def __init__(
        self,
        services: AppServices,
        objective: ObjectiveView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, ("title", "owner"), self.save)
        self.setObjectName("objective_dialog")
        self._services = services
        self._objective = objective
        self.setWindowTitle(
            self.tr("New objective") if objective is None else self.tr("Edit objective")
        )
        self.setMinimumWidth(max(560, self.fontMetrics().averageCharWidth() * 90))

        self.title = named(QLineEdit(self), "title")
        self.title.setPlaceholderText(self.tr("For example: Save time on routine reporting"))
        self.title.setMaxLength(300)
        self.title.textEdited.connect(lambda _t: self.clear_error("title"))
        self.owner = named(QLineEdit(self), "owner")
        self.owner.setPlaceholderText(self.tr("Who answers for it, e.g. Head of Finance"))
        self.owner.setMaxLength(200)
        self.has_due = named(QCheckBox(self.tr("Due by"), self), "has_due")
        self.due_on = named(QDateEdit(self), "due_on")
        self.due_on.setCalendarPopup(True)
        self.due_on.setDisplayFormat("d MMM yyyy")
        self.due_on.setAccessibleName(self.tr("Due date"))
        self.has_due.toggled.connect(self.due_on.setEnabled)
        due = QWidget(self)
        due_row = QHBoxLayout(due)
        due_row.setContentsMargins(0, 0, 0, 0)
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due_on, 1)
        self.status = named(QComboBox(self), "status")
        for status in ObjectiveStatus:
            self.status.addItem(status_label(status), status.value)
        self.description = named(QPlainTextEdit(self), "description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("Why it matters and how you will know, in a few sentences (optional)")
        )
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)

        self.add_row(self.tr("&Title:"), self.title, "title")
        self.add_row(self.tr("&Owner:"), self.owner, "owner")
        self.add_row(self.tr("D&ue:"), due)
        self.add_row(self.tr("&Status:"), self.status)
        self.add_row(self.tr("&Description:"), self.description)
        self.ok_button.setText(
            self.tr("Create objective") if objective is None else self.tr("Save")
        )
        self._fill(objective)
        self.title.setFocus()

    def _fill(self, objective: ObjectiveView | None) -> None:
        today = date.today()
        default_due = date(today.year + 1, 12, 31)
        if objective is None:
            self.has_due.setChecked(True)
            self.due_on.setDate(to_qdate(default_due))
            return
        self.title.setText(objective.title)
        self.owner.setText(objective.owner or "")
        self.has_due.setChecked(objective.due_on is not None)
        self.due_on.setEnabled(objective.due_on is not None)
        self.due_on.setDate(to_qdate(objective.due_on or default_due))
        self.status.setCurrentIndex(self.status.findData(objective.status.value))
        self.description.setPlainText(objective.description or "")

    def input(self) -> ObjectiveInput:
        """What the form says, as the service takes it."""
        return ObjectiveInput(
            title=self.title.text(),
            description=self.description.toPlainText(),
            owner=self.owner.text(),
            due_on=from_qdate(self.due_on.date()) if self.has_due.isChecked() else None,
            status=ObjectiveStatus(self.status.currentData()),
        )

    def save(self) -> int:
        objective_id = self._objective.id if self._objective is not None else None
        return self._services.objectives.save_objective(self.input(), objective_id)
