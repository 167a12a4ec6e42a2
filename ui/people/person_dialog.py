"""Add or edit one person; rule breaks are shown next to the field and nothing is saved."""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.services.people import PersonDetails, PersonInput
from db.models import EmployeeStatus
from ui.people.labels import status_label, track_label
from ui.people.naming import named

NO_DATE = QDate(1900, 1, 1)
_MANAGER_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class ManagerField(QLineEdit):
    """Type part of a name and pick the manager from the active people who match."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._choices = QStandardItemModel(self)
        self.manager_id: int | None = None
        self._chosen_name = ""
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.setCompleter(completer)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Start typing a name…"))
        self._search = QTimer(self, singleShot=True, interval=150)
        self._search.timeout.connect(self._refresh_choices)
        self.textEdited.connect(lambda _text: self._search.start())

    def set_manager(self, manager_id: int | None, name: str | None) -> None:
        self.manager_id = manager_id
        self._chosen_name = name or ""
        self.setText(self._chosen_name)

    def _refresh_choices(self) -> None:
        self._choices.clear()
        for person_id, name in self._services.people.manager_choices(self.text().strip(), 20):
            item = QStandardItem(name)
            item.setData(person_id, _MANAGER_ID_ROLE)
            self._choices.appendRow(item)
        if self.hasFocus() and self._choices.rowCount():
            self.completer().complete()

    def _picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self.manager_id = int(index.data(_MANAGER_ID_ROLE))
        self._chosen_name = str(index.data())
        self.setText(self._chosen_name)

    def resolve(self) -> int | None:
        """The chosen manager's id; raises ValidationError when the text names no one."""
        text = self.text().strip()
        if not text:
            return None
        if self.manager_id is not None and text == self._chosen_name:
            return self.manager_id
        matches = [
            person_id
            for person_id, name in self._services.people.manager_choices(text, 20)
            if name.casefold() == text.casefold()
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValidationError(
                self.tr(
                    "More than one active person is called “{name}”; pick one from the list."
                ).format(name=text),
                field="manager",
            )
        raise ValidationError(
            self.tr("No active person is called “{name}”.").format(name=text), field="manager"
        )


class PersonDialog(QDialog):
    """The Add person / Edit person form. Saves through the people service on Save."""

    saved = Signal(int)
    """The id of the person just added or changed."""

    def __init__(
        self, services: AppServices, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_dialog")
        self._services = services
        self.person_id = person_id
        self.setWindowTitle(self.tr("Edit person") if person_id else self.tr("Add a person"))
        self.setMinimumWidth(460)

        self.first_name = self._line("first_name")
        self.last_name = self._line("last_name")
        self.display_name = self._line("display_name")
        self.display_name.setPlaceholderText(self.tr("Made from the first and last name"))
        self.employee_number = self._line("employee_number")
        self.email = self._line("email")
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.department = named(QComboBox(), "department")
        self.role = named(QComboBox(), "role")
        self.track_hint = named(QLabel(), "track_hint")
        self.track_hint.setEnabled(False)
        self.location = named(QComboBox(), "location")
        self.location.setEditable(True)
        location_edit = self.location.lineEdit()
        assert location_edit is not None
        location_edit.setPlaceholderText(self.tr("None, or type a new one"))
        self.manager = ManagerField(services)
        self.manager.setObjectName("manager")
        self.hire_date = named(QDateEdit(), "hire_date")
        self.hire_date.setCalendarPopup(True)
        self.hire_date.setDisplayFormat("d MMM yyyy")
        self.hire_date.setMinimumDate(NO_DATE)
        self.hire_date.setSpecialValueText(self.tr("—"))
        self.hire_date.setDate(QDate.currentDate())
        self.no_hire_date = named(QCheckBox(self.tr("Not known")), "no_hire_date")
        self.no_hire_date.toggled.connect(self._hire_date_known)
        self.status = named(QComboBox(), "status")
        for status in EmployeeStatus:
            self.status.addItem(status_label(status), status)

        self.general_error = self._error_label("general")
        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role, 1)
        role_row.addWidget(self.track_hint)
        date_row = QHBoxLayout()
        date_row.addWidget(self.hire_date, 1)
        date_row.addWidget(self.no_hire_date)
        rows: list[tuple[str, str, QWidget, QWidget | QHBoxLayout]] = [
            ("first_name", self.tr("&First name:"), self.first_name, self.first_name),
            ("last_name", self.tr("&Last name:"), self.last_name, self.last_name),
            ("display_name", self.tr("Sho&wn as:"), self.display_name, self.display_name),
            (
                "employee_number",
                self.tr("Employee &number:"),
                self.employee_number,
                self.employee_number,
            ),
            ("email", self.tr("&E-mail:"), self.email, self.email),
            ("department", self.tr("&Department:"), self.department, self.department),
            ("role", self.tr("&Role:"), self.role, role_row),
            ("location", self.tr("L&ocation:"), self.location, self.location),
            ("manager", self.tr("&Manager:"), self.manager, self.manager),
            ("hire_date", self.tr("&Hire date:"), self.hire_date, date_row),
            ("status", self.tr("&Status:"), self.status, self.status),
        ]
        for field, text, buddy, widget in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if isinstance(widget, QWidget):
                cell.addWidget(widget)
            else:
                cell.addLayout(widget)
            error = self._error_label(field)
            self._errors[field] = error
            cell.addWidget(error)
            form.addRow(label, cell)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self._fill_choices()
        self.role.currentIndexChanged.connect(self._show_track)
        if person_id is not None:
            self._load(services.people.get(person_id))
        else:
            self.no_hire_date.setChecked(True)
        self._show_track()
        order: list[QWidget] = [
            self.first_name,
            self.last_name,
            self.display_name,
            self.employee_number,
            self.email,
            self.department,
            self.role,
            self.location,
            self.manager,
            self.hire_date,
            self.no_hire_date,
            self.status,
            self.buttons,
        ]
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.first_name.setFocus()

    # Building ----------------------------------------------------------------------------
    def _line(self, name: str) -> QLineEdit:
        edit = named(QLineEdit(), name)
        edit.textEdited.connect(lambda _text: self._clear_error(name))
        return edit

    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _fill_choices(self) -> None:
        organisation = self._services.organisation
        self.department.addItem(self.tr("No department"), None)
        for department in organisation.departments():
            self.department.addItem(department.name, department.id)
        self.role.addItem(self.tr("No role"), None)
        for role in organisation.roles():
            self.role.addItem(role.name, role.id)
            self.role.setItemData(self.role.count() - 1, role.track, Qt.ItemDataRole.UserRole + 1)
        self.location.addItem("", None)
        for location in organisation.locations():
            self.location.addItem(location.name, location.id)

    def _hire_date_known(self, not_known: bool) -> None:
        self.hire_date.setEnabled(not not_known)
        if not_known:
            self.hire_date.setDate(NO_DATE)
        elif self.hire_date.date() == NO_DATE:
            self.hire_date.setDate(QDate.currentDate())

    def _show_track(self) -> None:
        track = self.role.currentData(Qt.ItemDataRole.UserRole + 1)
        self.track_hint.setText(
            self.tr("Track: {track}").format(track=track_label(track)) if track else ""
        )

    def _load(self, person: PersonDetails) -> None:
        self.first_name.setText(person.first_name or "")
        self.last_name.setText(person.last_name or "")
        self.display_name.setText(person.display_name or "")
        self.employee_number.setText(person.employee_number or "")
        self.email.setText(person.email or "")
        self.department.setCurrentIndex(max(self.department.findData(person.department_id), 0))
        self.role.setCurrentIndex(max(self.role.findData(person.role_id), 0))
        self.location.setCurrentIndex(max(self.location.findData(person.location_id), 0))
        self.manager.set_manager(person.manager_id, person.manager_name)
        if person.hire_date is None:
            self.no_hire_date.setChecked(True)
        else:
            hired = person.hire_date
            self.hire_date.setDate(QDate(hired.year, hired.month, hired.day))
            self.no_hire_date.setChecked(False)
        self.status.setCurrentIndex(max(self.status.findData(person.status), 0))

    # Saving ------------------------------------------------------------------------------
    def _collect(self) -> PersonInput:
        manager_id = self.manager.resolve()
        hire: date | None = None
        if not self.no_hire_date.isChecked() and self.hire_date.date() != NO_DATE:
            chosen = self.hire_date.date()
            hire = date(chosen.year(), chosen.month(), chosen.day())
        return PersonInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            display_name=self.display_name.text(),
            employee_number=self.employee_number.text(),
            email=self.email.text(),
            department_id=self.department.currentData(),
            role_id=self.role.currentData(),
            location_id=self._location_id(),
            new_location=self._new_location(),
            manager_id=manager_id,
            hire_date=hire,
            status=EmployeeStatus(self.status.currentData()),
        )

    def _location_id(self) -> int | None:
        text = self.location.currentText().strip()
        if not text:
            return None
        found = self.location.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0 and self.location.itemData(found) is not None:
            return int(self.location.itemData(found))
        return None

    def _new_location(self) -> str | None:
        """A typed location not in the list: the service adds it with the person, in one save."""
        text = self.location.currentText().strip()
        if text and self._location_id() is None:
            return text
        return None

    def accept(self) -> None:
        """Save; on a rule break show it next to the field and stay open."""
        self._clear_errors()
        try:
            details = self._collect()
            if self.person_id is None:
                self.person_id = self._services.people.add(details)
            else:
                self._services.people.update(self.person_id, details)
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:  # e.g. the file is locked: keep what was typed
            self.show_error(error.message, None)
            return
        self.saved.emit(self.person_id)
        super().accept()

    def show_error(self, message: str, field: str | None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        width = label.width() if label.width() > 50 else self.email.width()
        label.setMinimumHeight(label.heightForWidth(max(width, 200)))
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        target = self.findChild(QWidget, field) if field else None
        if target is not None:
            target.setProperty("invalid", True)
            target.setStyleSheet("border: 1px solid #c62828; border-radius: 3px; padding: 2px;")
            target.setFocus()
            if isinstance(target, QLineEdit):
                target.selectAll()

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` (empty when none); for tests and screen readers."""
        label = self._errors.get(field, self.general_error)
        return label.text() if label.isVisibleTo(self) else ""

    def _clear_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.hide()
            label.clear()
            label.setMinimumHeight(0)
        target = self.findChild(QWidget, field)
        if target is not None and target.property("invalid"):
            target.setProperty("invalid", False)
            target.setStyleSheet("")

    def _clear_errors(self) -> None:
        self.general_error.hide()
        for field in self._errors:
            self._clear_error(field)
