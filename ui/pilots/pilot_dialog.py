"""The pilot editor: what a pilot tries (name, purpose, dates, the objectives it serves, the
learning paths and AI tools it uses), how many people would follow if it is scaled up, and
its success criteria.

Saving goes through the pilot service; a rule it refuses (no name, an end before the start,
a repeated criterion) is shown next to the field and nothing is saved. Enter saves, Esc
cancels.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.pilots.records import PilotDetails, PilotInput
from app.services.people import PeopleQuery
from db.models import EmployeeStatus
from ui.look import make_heading, make_muted
from ui.people.naming import named
from ui.pilots.criteria_editor import DEFAULT_CRITERIA, CriteriaEditor

_FIELDS = ("name", "ends_on", "objectives", "paths", "tools", "target_population", "criteria")
_CRITERIA_FIELDS = frozenset({"criteria", "measure", "threshold", "after_weeks"})
DEFAULT_WEEKS = 12
"""A new pilot runs this many weeks unless HR says otherwise."""
MAX_POPULATION = 1_000_000


def next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class PilotDialog(QDialog):
    """New or edit one pilot; ``saved_id`` holds the id saved once the dialog is accepted."""

    def __init__(
        self, services: AppServices, pilot_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pilot_dialog")
        self._services = services
        self.pilot_id = pilot_id
        self.saved_id: int | None = None
        self.details: PilotDetails | None = (
            services.pilots.pilot(pilot_id) if pilot_id is not None else None
        )
        self._build()
        self._lay_out()
        self._fill()
        self.resize(1000, 700)

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = named(QLineEdit(self), "pilot_name")
        self.name.setMaxLength(300)
        self.name.setPlaceholderText(self.tr("For example: Copilot for the sales team"))
        self.purpose = named(QPlainTextEdit(self), "pilot_purpose")
        self.purpose.setTabChangesFocus(True)
        self.purpose.setPlaceholderText(
            self.tr("What the pilot should show, and what leadership will decide with it")
        )
        lines = self.fontMetrics().lineSpacing()
        self.purpose.setFixedHeight(lines * 4 + 12)
        self.starts_on = named(QDateEdit(self), "starts_on")
        self.ends_on = named(QDateEdit(self), "ends_on")
        for edit in (self.starts_on, self.ends_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.starts_on.dateChanged.connect(lambda _d: self._clear_error("ends_on"))
        self.ends_on.dateChanged.connect(lambda _d: self._clear_error("ends_on"))
        self.tools = named(QPlainTextEdit(self), "pilot_tools")
        self.tools.setTabChangesFocus(True)
        self.tools.setPlaceholderText(self.tr("One tool per line, e.g.\nMicrosoft Copilot"))
        self.tools.setFixedHeight(lines * 4 + 12)
        self.target_population = named(QSpinBox(self), "target_population")
        self.target_population.setRange(0, MAX_POPULATION)
        self.target_population.setSpecialValueText(self.tr("Not set"))
        self.target_population.setSuffix(self.tr(" people"))
        self.target_population.setGroupSeparatorShown(True)
        self.target_population.setMaximumWidth(self.fontMetrics().horizontalAdvance("0" * 16) + 40)
        self.target_population.setToolTip(
            self.tr("How many people would follow if the pilot is scaled up")
        )
        self.objectives = named(QListWidget(self), "pilot_objectives")
        self.objectives.setAccessibleName(self.tr("Objectives the pilot serves"))
        self.objectives_note = make_muted("", self, "objectives_note")
        self.paths = named(QListWidget(self), "pilot_paths")
        self.paths.setAccessibleName(self.tr("Learning paths the cohort follows"))
        self.paths_note = make_muted("", self, "paths_note")
        for view in (self.objectives, self.paths):
            view.setMinimumHeight(lines * 5)
        self.criteria = CriteriaEditor(self)
        self.criteria.changed.connect(lambda: self._clear_error("criteria"))
        self.name.textEdited.connect(lambda _t: self._clear_error("name"))

        self.general_error = self._error_label("general")
        self._errors = {field: self._error_label(field) for field in _FIELDS}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save pilot"))
        self.save_button.setObjectName("save_pilot")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(self), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _with_error(self, widget: QWidget, field: str) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._errors[field])
        return holder

    def _lay_out(self) -> None:
        dates = QWidget(self)
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.starts_on)
        to = QLabel(self.tr("to"), dates)
        row.addWidget(to)
        row.addWidget(self.ends_on)
        row.addStretch(1)
        self.ends_on.setAccessibleName(self.tr("Ends on"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, QWidget]] = [
            (self.tr("&Name:"), self._with_error(self.name, "name"), self.name),
            (self.tr("&Purpose:"), self.purpose, self.purpose),
            (self.tr("Runs &from:"), self._with_error(dates, "ends_on"), self.starts_on),
            (self.tr("AI &tools:"), self._with_error(self.tools, "tools"), self.tools),
            (
                self.tr("If scaled &up:"),
                self._with_error(self.target_population, "target_population"),
                self.target_population,
            ),
        ]
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
        form.addRow(
            "",
            make_muted(
                self.tr("The people who would follow: the scale-up estimate counts them."),
                self,
            ),
        )

        right = QVBoxLayout()
        objectives_label = make_heading(self.tr("Objectives it serves"), self, 1.0)
        right.addWidget(objectives_label)
        right.addWidget(self.objectives, 1)
        right.addWidget(self.objectives_note)
        right.addWidget(self._errors["objectives"])
        right.addWidget(make_heading(self.tr("Learning paths the cohort follows"), self, 1.0))
        right.addWidget(self.paths, 1)
        right.addWidget(self.paths_note)
        right.addWidget(self._errors["paths"])

        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(grid, 1)
        layout.addSpacing(6)
        layout.addWidget(make_heading(self.tr("Success criteria"), self, 1.0))
        layout.addWidget(
            make_muted(
                self.tr(
                    "Agree with leadership before the start what counts as success; the "
                    "results are judged against these and say when there is not enough data."
                ),
                self,
            )
        )
        layout.addWidget(self.criteria)
        layout.addWidget(self._errors["criteria"])
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        details = self.details
        start = next_monday(date.today())
        self.starts_on.setDate(_qdate(start))
        self.ends_on.setDate(_qdate(start + timedelta(weeks=DEFAULT_WEEKS)))
        self._fill_objectives(details.objective_ids if details else ())
        self._fill_paths(details.path_ids if details else ())
        if details is None:
            self.setWindowTitle(self.tr("New pilot"))
            self.target_population.setValue(
                min(
                    self._services.people.count(PeopleQuery(status=EmployeeStatus.ACTIVE)),
                    MAX_POPULATION,
                )
            )
            self.criteria.set_criteria(DEFAULT_CRITERIA)
        else:
            self.setWindowTitle(self.tr("Edit pilot"))
            self.name.setText(details.name)
            self.purpose.setPlainText(details.purpose)
            if details.starts_on:
                self.starts_on.setDate(_qdate(details.starts_on))
            if details.ends_on:
                self.ends_on.setDate(_qdate(details.ends_on))
            self.tools.setPlainText("\n".join(details.tools))
            self.target_population.setValue(details.target_population or 0)
            self.criteria.set_criteria(details.criteria, locked=details.criteria_locked)
        self.name.setFocus()
        self.name.selectAll()

    def _fill_objectives(self, chosen: tuple[int, ...]) -> None:
        objectives = self._services.objectives.objectives()
        for objective in objectives:
            item = QListWidgetItem(objective.title, self.objectives)
            item.setData(Qt.ItemDataRole.UserRole, objective.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if objective.id in chosen else Qt.CheckState.Unchecked
            )
        if not objectives:
            self.objectives.hide()
            self.objectives_note.setText(
                self.tr(
                    "No objectives written down yet. Add the business outcomes the programme "
                    "should move under Objectives, then link this pilot to them."
                )
            )
        else:
            self.objectives_note.setText(self.tr("Tick the objectives this pilot works towards."))

    def _fill_paths(self, chosen: tuple[int, ...]) -> None:
        for path in self._services.paths.paths(include_retired=True):
            if path.retired and path.id not in chosen:
                continue
            text = (
                self.tr("{name} (replaced version)").format(name=path.name)
                if path.retired
                else path.name
            )
            item = QListWidgetItem(text, self.paths)
            item.setData(Qt.ItemDataRole.UserRole, path.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if path.id in chosen else Qt.CheckState.Unchecked
            )
        if self.paths.count() == 0:
            self.paths.hide()
            self.paths_note.setText(
                self.tr(
                    "No learning paths yet. Build one under Learning paths; the cohort is "
                    "enrolled on the pilot's paths when it is chosen."
                )
            )
        else:
            self.paths_note.setText(
                self.tr("The cohort is enrolled on these, trimmed to each person's gaps.")
            )

    # Reading the form ---------------------------------------------------------------------
    @staticmethod
    def _ticked(view: QListWidget) -> tuple[int, ...]:
        return tuple(
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (view.item(n) for n in range(view.count()))
            if item is not None and item.checkState() == Qt.CheckState.Checked
        )

    def set_ticked(self, view: QListWidget, ids: set[int]) -> None:
        for n in range(view.count()):
            item = view.item(n)
            if item is not None:
                ticked = int(item.data(Qt.ItemDataRole.UserRole)) in ids
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def pilot_input(self) -> PilotInput:
        """What the form says, as the service takes it."""
        population = self.target_population.value()
        return PilotInput(
            name=self.name.text(),
            purpose=self.purpose.toPlainText(),
            starts_on=_pydate(self.starts_on.date()),
            ends_on=_pydate(self.ends_on.date()),
            objective_ids=self._ticked(self.objectives),
            path_ids=self._ticked(self.paths),
            tools=tuple(line.strip() for line in self.tools.toPlainText().splitlines()),
            criteria=self.criteria.criteria(),
            target_population=population or None,
        )

    def accept(self) -> None:
        """Save; on a rule break say so by the field and stay open."""
        self._clear_errors()
        try:
            self.saved_id = self._services.pilots.save_pilot(self.pilot_input(), self.pilot_id)
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:
            self.show_error(error.message, None)
            return
        super().accept()

    # Messages -----------------------------------------------------------------------------
    def show_error(self, message: str, field: str | None) -> None:
        key = "criteria" if field in _CRITERIA_FIELDS else field or ""
        label = self._errors.get(key, self.general_error)
        label.setText(message)
        label.show()
        focus: dict[str, QWidget] = {
            "name": self.name,
            "ends_on": self.ends_on,
            "tools": self.tools,
            "target_population": self.target_population,
            "criteria": self.criteria.first_input(),
        }
        target = focus.get(key)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        """The message shown by ``field`` (empty when none)."""
        label = self._errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""

    def _clear_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.hide()
            label.clear()

    def _clear_errors(self) -> None:
        self.general_error.hide()
        self.general_error.clear()
        for field in _FIELDS:
            self._clear_error(field)
