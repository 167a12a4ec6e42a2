"""Start a skills survey: its name and date, baseline or follow-up, who is asked, and whether
managers rate their people too. Rule breaks show next to their field; nothing is lost."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.services.people import PeopleQuery
from app.skills.service import CampaignSetup
from db.models import AssessmentKind, EmployeeStatus
from ui.look import make_muted
from ui.people.labels import format_count, people_count
from ui.people.naming import named

_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_FIELDS = ("name", "baseline", "scope")


class CampaignDialog(QDialog):
    """The New survey dialog; on success ``created_id`` holds the new survey's id."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaign_dialog")
        self.setWindowTitle(self.tr("New skills survey"))
        self.setMinimumWidth(560)
        self._services = services
        self.created_id: int | None = None
        self._department_people: dict[int, set[int]] = {}
        self._role_people: dict[int, set[int]] = {}

        self.name = named(QLineEdit(self), "name")
        self.name.setPlaceholderText(self.tr("For example: Spring 2026 skills survey"))
        self.name.textEdited.connect(lambda _text: self._clear_error("name"))
        self.opened_on = named(QDateEdit(QDate.currentDate(), self), "opened_on")
        self.opened_on.setCalendarPopup(True)
        self.opened_on.setDisplayFormat("d MMM yyyy")

        self.baseline_kind = named(
            QRadioButton(self.tr("First survey (baseline)"), self), "baseline_kind"
        )
        self.follow_up_kind = named(QRadioButton(self.tr("Follow-up of…"), self), "follow_up_kind")
        self.baseline = named(QComboBox(self), "baseline")
        self.baseline.setAccessibleName(self.tr("Earlier survey"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.baseline_kind)
        kinds.addButton(self.follow_up_kind)
        self.baseline_kind.setChecked(True)
        self.follow_up_kind.toggled.connect(self._kind_changed)
        self.baseline.currentIndexChanged.connect(lambda _i: self._clear_error("baseline"))

        self.everyone = named(QRadioButton(self.tr("Everyone active"), self), "everyone")
        self.chosen = named(
            QRadioButton(self.tr("Only the departments and roles ticked below"), self),
            "chosen",
        )
        scopes = QButtonGroup(self)
        scopes.addButton(self.everyone)
        scopes.addButton(self.chosen)
        self.everyone.setChecked(True)
        self.departments = named(QListWidget(self), "departments")
        self.departments.setAccessibleName(self.tr("Departments"))
        self.roles = named(QListWidget(self), "roles")
        self.roles.setAccessibleName(self.tr("Roles"))
        rows = self.fontMetrics().lineSpacing() * 8
        for box in (self.departments, self.roles):
            box.setMaximumHeight(rows)
        self.scope_count = named(QLabel(self), "scope_count")
        font = self.scope_count.font()
        font.setBold(True)
        self.scope_count.setFont(font)
        self.chosen.toggled.connect(self._scope_changed)
        self.departments.itemChanged.connect(lambda _item: self._scope_changed())
        self.roles.itemChanged.connect(lambda _item: self._scope_changed())

        self.with_managers = named(
            QCheckBox(self.tr("Managers also rate their people"), self), "with_managers"
        )
        self.with_managers.setChecked(True)
        self.with_managers.setToolTip(
            self.tr(
                "Each person rates themselves; with this ticked, their manager rates them too "
                "and the entry form shows a Manager column."
            )
        )

        self.general_error = self._error_label("general")
        self._errors = {field: self._error_label(field) for field in _FIELDS}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create survey"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._fill_choices()
        self._kind_changed()
        self._scope_changed()
        self.name.setFocus()

    # Building ----------------------------------------------------------------------------
    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(self), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, self._with_error(self.name, "name"))
        date_label = QLabel(self.tr("&Opened on:"), self)
        date_label.setBuddy(self.opened_on)
        form.addRow(date_label, self.opened_on)
        kind = QGridLayout()
        kind.addWidget(self.baseline_kind, 0, 0, 1, 2)
        kind.addWidget(self.follow_up_kind, 1, 0)
        kind.addWidget(self.baseline, 1, 1)
        kind.setColumnStretch(1, 1)
        kind.addWidget(self._errors["baseline"], 2, 0, 1, 2)
        form.addRow(QLabel(self.tr("Kind:"), self), kind)

        scope = QGridLayout()
        scope.addWidget(self.everyone, 0, 0, 1, 2)
        scope.addWidget(self.chosen, 1, 0, 1, 2)
        scope.addWidget(make_muted(self.tr("Departments"), self), 2, 0)
        scope.addWidget(make_muted(self.tr("Roles"), self), 2, 1)
        scope.addWidget(self.departments, 3, 0)
        scope.addWidget(self.roles, 3, 1)
        both = make_muted(
            self.tr(
                "With departments and roles both ticked, only people in a ticked department "
                "who also hold a ticked role are asked."
            ),
            self,
        )
        scope.addWidget(both, 4, 0, 1, 2)
        scope.addWidget(self.scope_count, 5, 0, 1, 2)
        scope.addWidget(self._errors["scope"], 6, 0, 1, 2)
        form.addRow(QLabel(self.tr("Who is asked:"), self), scope)
        form.addRow(QLabel(self), self.with_managers)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _with_error(self, widget: QWidget, field: str) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._errors[field])
        return holder

    def _fill_choices(self) -> None:
        campaigns = self._services.skills.campaigns()
        self.baseline.addItem(self.tr("Choose the earlier survey…"), None)
        for campaign in reversed(campaigns):
            opened = QDate(
                campaign.opened_on.year, campaign.opened_on.month, campaign.opened_on.day
            )
            self.baseline.addItem(
                self.tr("{name} ({date})").format(
                    name=campaign.name, date=opened.toString("d MMM yyyy")
                ),
                campaign.id,
            )
        if campaigns:
            self.baseline.setCurrentIndex(1)
        else:
            self.follow_up_kind.setEnabled(False)
            self.follow_up_kind.setToolTip(self.tr("There is no earlier survey to follow up yet."))
        organisation = self._services.organisation
        for department in organisation.departments():
            self._add_choice(
                self.departments, department.id, department.name, department.active_people
            )
        for role in organisation.roles():
            self._add_choice(self.roles, role.id, role.name, role.active_people)
        if not self.departments.count() and not self.roles.count():
            self.chosen.setEnabled(False)
            self.chosen.setToolTip(self.tr("Add departments or roles on the People page first."))

    @staticmethod
    def _add_choice(box: QListWidget, item_id: int, name: str, people: int) -> None:
        item = QListWidgetItem(f"{name} ({format_count(people)})", box)
        item.setData(_ID_ROLE, item_id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)

    # Reacting ----------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        self.baseline.setEnabled(self.follow_up_kind.isChecked())
        self._clear_error("baseline")

    def _scope_changed(self) -> None:
        chosen = self.chosen.isChecked()
        self.departments.setEnabled(chosen)
        self.roles.setEnabled(chosen)
        self._clear_error("scope")
        departments, roles = self.ticked(self.departments), self.ticked(self.roles)
        if chosen and not departments and not roles:
            self.scope_count.setText(self.tr("Tick at least one department or role."))
            return
        count = self.people_asked(departments if chosen else [], roles if chosen else [])
        self.scope_count.setText(
            self.tr("{people} will be asked.").format(people=people_count(count))
        )

    @staticmethod
    def ticked(box: QListWidget) -> list[int]:
        return [
            int(box.item(row).data(_ID_ROLE))
            for row in range(box.count())
            if box.item(row).checkState() == Qt.CheckState.Checked
        ]

    def people_asked(self, departments: list[int], roles: list[int]) -> int:
        """How many active people the survey would ask: in a ticked department and role."""
        people = self._services.people
        if not departments and not roles:
            return people.count(PeopleQuery(status=EmployeeStatus.ACTIVE))
        active = EmployeeStatus.ACTIVE
        if not roles:
            return sum(
                people.count(PeopleQuery(department_id=d, status=active)) for d in departments
            )
        if not departments:
            return sum(people.count(PeopleQuery(role_id=r, status=active)) for r in roles)
        in_departments: set[int] = set()
        for department in departments:
            if department not in self._department_people:
                query = PeopleQuery(department_id=department, status=EmployeeStatus.ACTIVE)
                self._department_people[department] = set(people.ordered_ids(query))
            in_departments |= self._department_people[department]
        in_roles: set[int] = set()
        for role in roles:
            if role not in self._role_people:
                query = PeopleQuery(role_id=role, status=EmployeeStatus.ACTIVE)
                self._role_people[role] = set(people.ordered_ids(query))
            in_roles |= self._role_people[role]
        return len(in_departments & in_roles)

    # Saving ------------------------------------------------------------------------------
    def setup(self) -> CampaignSetup:
        """What the form says, as the service takes it."""
        chosen = self.chosen.isChecked()
        day = self.opened_on.date()
        follow_up = self.follow_up_kind.isChecked()
        return CampaignSetup(
            name=self.name.text(),
            opened_on=date(day.year(), day.month(), day.day()),
            kind=AssessmentKind.FOLLOW_UP if follow_up else AssessmentKind.BASELINE,
            baseline_id=self.baseline.currentData() if follow_up else None,
            department_ids=self.ticked(self.departments) if chosen else [],
            role_ids=self.ticked(self.roles) if chosen else [],
            with_managers=self.with_managers.isChecked(),
        )

    def accept(self) -> None:
        """Create the survey; on a rule break say so next to the field and stay open."""
        self._clear_errors()
        setup = self.setup()
        if self.chosen.isChecked() and not setup.department_ids and not setup.role_ids:
            self.show_error(
                self.tr("Tick at least one department or role, or choose Everyone active."),
                "scope",
            )
            return
        try:
            self.created_id = self._services.skills.create_campaign(setup)
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:  # e.g. the file is locked: keep what was typed
            self.show_error(error.message, None)
            return
        super().accept()

    def show_error(self, message: str, field: str | None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        focus = {"name": self.name, "baseline": self.baseline, "scope": self.departments}
        target = focus.get(field or "")
        if target is not None and target.isEnabled():
            target.setFocus()

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` (empty when none); for tests and screen readers."""
        label = self._errors.get(field, self.general_error)
        return label.text() if label.isVisibleTo(self) else ""

    def _clear_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.hide()
            label.clear()

    def _clear_errors(self) -> None:
        self.general_error.hide()
        for field in _FIELDS:
            self._clear_error(field)

    @classmethod
    def ask(cls, services: AppServices, parent: QWidget | None = None) -> int | None:
        """Open the dialog modally; the new survey's id, or None when cancelled."""
        dialog = cls(services, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.created_id
            return None
        finally:
            dialog.deleteLater()
