"""Assign a path: to a role, a department or chosen people, from a start date to a due date,
each person's share trimmed to their measured gaps, with a preview of who takes what and why
before anything is saved."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelection, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.paths.planning import weeks_needed
from app.paths.suggestions import Assigned, PersonSuggestion
from app.services.organisation import track_label
from app.services.people import PeopleQuery
from db.models import EmployeeStatus, Track
from ui.look import make_heading, make_muted
from ui.messages import show_error, show_message
from ui.paths.assign_people import PeopleChecklistModel, PeopleSearch
from ui.paths.assign_person_plan import PersonPlanView
from ui.paths.assign_preview import AssignPreviewModel, preview_rows
from ui.paths.progress_labels import hours_text, number_text, to_date, to_qdate
from ui.people.labels import people_count
from ui.people.naming import named
from ui.worker import BackgroundTask, run_in_background

_FIELDS = ("people", "due_on")


class AssignDialog(QDialog):
    """Who follows the path, from when, and a preview; on success ``outcome`` is set."""

    PREVIEW_DELAY_MS = 150
    """Changes of choice this close together recompute the preview once."""

    def __init__(self, services: AppServices, path_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assign_dialog")
        self._services = services
        self.path_id = path_id
        details = services.paths.path(path_id)
        modules = {m.key: m for m in services.paths.modules()}
        self.path_name = details.layout.name
        self.path_track = details.layout.track
        self.path_modules = [modules[k] for k in details.layout.module_keys()]
        self.path_hours = sum(m.hours for m in self.path_modules)
        self.pace = services.capacity.hours_per_week()
        self.weeks = weeks_needed(self.path_hours, self.pace) if self.pace > 0 else 0
        self.following = set(services.paths.people_on(path_id))
        active = services.people.ordered_ids(PeopleQuery(status=EmployeeStatus.ACTIVE))
        self.people = {row.id: row for row in services.people.rows(active)}
        self._groups: dict[tuple[str, int], list[int]] = {}
        self.outcome: Assigned | None = None
        self.outcome_text = ""
        self.result_box: QMessageBox | None = None
        self._generation = 0
        self._shown_generation = 0
        self._tasks: list[BackgroundTask[dict[int, PersonSuggestion]]] = []
        self._due_edited = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._start_preview)

        self.setWindowTitle(self.tr("Assign “{path}”").format(path=self.path_name))
        self.general_error = self._error_label("general")
        self._errors = {field: self._error_label(field) for field in _FIELDS}
        self._build_who()
        self._build_when()
        self._build_preview()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Assign"))
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._fill_choices()
        self._choice_changed()
        self.resize(1040, 760)

    # Building ----------------------------------------------------------------------------
    def _build_who(self) -> None:
        self.by_role = named(QRadioButton(self.tr("A &role:"), self), "by_role")
        self.by_department = named(QRadioButton(self.tr("A &department:"), self), "by_department")
        self.by_people = named(QRadioButton(self.tr("C&hosen people"), self), "by_people")
        group = QButtonGroup(self)
        for button in (self.by_role, self.by_department, self.by_people):
            group.addButton(button)
            button.toggled.connect(self._radio_toggled)
        self.role = named(QComboBox(self), "role")
        self.role.setAccessibleName(self.tr("Role"))
        self.department = named(QComboBox(self), "department")
        self.department.setAccessibleName(self.tr("Department"))
        for combo in (self.role, self.department):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(24)
            combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
        self.search = named(QLineEdit(self), "people_search")
        self.search.setPlaceholderText(self.tr("Search by name, department or role"))
        self.search.setClearButtonEnabled(True)
        self.checklist = PeopleChecklistModel(list(self.people.values()), self)
        self.checklist.ticked_changed.connect(self._choice_changed)
        self.search_results = PeopleSearch(self.checklist, self)
        self.search.textChanged.connect(self.search_results.search)
        self.people_list = named(QListView(self), "people_list")
        self.people_list.setModel(self.search_results)
        self.people_list.setAccessibleName(self.tr("People to choose from"))
        self.people_list.setUniformItemSizes(True)
        self.people_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.chosen_count = named(QLabel(self), "chosen_count")
        font = self.chosen_count.font()
        font.setBold(True)
        self.chosen_count.setFont(font)

    def _build_when(self) -> None:
        today = QDate.currentDate()
        self.starts_on = named(QDateEdit(today, self), "starts_on")
        self.due_check = named(QCheckBox(self.tr("D&ue by:"), self), "due_check")
        self.due_on = named(QDateEdit(today, self), "due_on")
        self.due_on.setAccessibleName(self.tr("Due date"))
        for edit in (self.starts_on, self.due_on):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.due_check.setChecked(True)
        self.due_check.toggled.connect(self._due_toggled)
        self.starts_on.dateChanged.connect(self._start_changed)
        self.due_on.dateChanged.connect(self._due_changed)
        self.due_hint = make_muted(self._due_hint_text(), self, "due_hint")
        self.reason = named(QLineEdit(self), "reason")
        self.reason.setPlaceholderText(self.tr("Optional, for example: AI programme 2027, wave 1"))
        self.reason.setMaxLength(300)
        self.trim = named(
            QCheckBox(
                self.tr(
                    "&Trim each person's path to their measured gaps (from their latest "
                    "skills survey)"
                ),
                self,
            ),
            "trim",
        )
        self.trim.setChecked(True)
        self.trim.toggled.connect(lambda _on: self._choice_changed())
        self._set_default_due()

    def _build_preview(self) -> None:
        self.preview_status = make_muted("", self, "preview_status")
        self.preview = AssignPreviewModel(self)
        self.preview_table = named(QTableView(self), "preview_table")
        self.preview_table.setModel(self.preview)
        self.preview_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().hide()
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.preview_table.setWordWrap(False)
        header = self.preview_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        widths = {
            AssignPreviewModel.PERSON: 20,
            AssignPreviewModel.DEPARTMENT: 18,
            AssignPreviewModel.MODULES: 9,
            AssignPreviewModel.HOURS: 7,
        }
        for column, chars in widths.items():
            self.preview_table.setColumnWidth(
                column, self.fontMetrics().averageCharWidth() * chars + 16
            )
        selection = self.preview_table.selectionModel()
        selection.selectionChanged.connect(self._preview_selected)
        self.plan = named(PersonPlanView(self), "person_plan")

    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(self), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _lay_out(self) -> None:
        who = QGridLayout()
        who.addWidget(self.by_role, 0, 0)
        who.addWidget(self.role, 0, 1)
        who.addWidget(self.by_department, 1, 0)
        who.addWidget(self.department, 1, 1)
        who.addWidget(self.by_people, 2, 0, 1, 2)
        who.addWidget(self.search, 3, 0, 1, 2)
        who.addWidget(self.people_list, 4, 0, 1, 2)
        who.addWidget(self.chosen_count, 5, 0, 1, 2)
        who.addWidget(self._errors["people"], 6, 0, 1, 2)
        who.setColumnStretch(1, 1)

        when = QFormLayout()
        when.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        start_label = QLabel(self.tr("&Starts on:"), self)
        start_label.setBuddy(self.starts_on)
        when.addRow(start_label, self.starts_on)
        when.addRow(self.due_check, self.due_on)
        when.addRow(QLabel(self), self.due_hint)
        when.addRow(QLabel(self), self._errors["due_on"])
        reason_label = QLabel(self.tr("Rea&son:"), self)
        reason_label.setBuddy(self.reason)
        when.addRow(reason_label, self.reason)
        when.addRow(self.trim)

        top = QHBoxLayout()
        who_box = QVBoxLayout()
        who_box.addWidget(make_heading(self.tr("Who follows it"), self, 1.05))
        who_box.addLayout(who)
        when_box = QVBoxLayout()
        when_box.addWidget(make_heading(self.tr("When"), self, 1.05))
        when_box.addLayout(when)
        when_box.addStretch(1)
        top.addLayout(who_box, 1)
        top.addSpacing(24)
        top.addLayout(when_box, 1)

        splitter = named(QSplitter(Qt.Orientation.Horizontal, self), "preview_splitter")
        splitter.addWidget(self.preview_table)
        splitter.addWidget(self.plan)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([620, 400])

        layout = QVBoxLayout(self)
        layout.addWidget(make_heading(self.path_name, self, 1.3, "path_name"))
        layout.addWidget(make_muted(self._path_text(), self, "path_summary"))
        layout.addWidget(self.general_error)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addWidget(make_heading(self.tr("Preview"), self, 1.05))
        layout.addWidget(self.preview_status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    def _path_text(self) -> str:
        return self.tr("{track} track · {modules} modules · {hours} in all").format(
            track=track_label_text(self.path_track),
            modules=len(self.path_modules),
            hours=hours_text(self.path_hours),
        )

    def _fill_choices(self) -> None:
        organisation = self._services.organisation
        preferred: int | None = None
        for role in organisation.roles():
            if not role.active_people:
                continue
            self.role.addItem(
                self.tr("{name} · {track} ({people})").format(
                    name=role.name, track=track_label(role.track), people=role.active_people
                ),
                role.id,
            )
            if preferred is None and role.track.value == self.path_track:
                preferred = self.role.count() - 1
        for department in organisation.departments():
            if department.active_people:
                self.department.addItem(
                    self.tr("{name} ({people})").format(
                        name=department.name, people=department.active_people
                    ),
                    department.id,
                )
        self.by_role.setEnabled(self.role.count() > 0)
        self.by_department.setEnabled(self.department.count() > 0)
        self.role.setCurrentIndex(preferred or 0)
        if preferred is not None:
            self.by_role.setChecked(True)
        elif self.department.count():
            self.by_department.setChecked(True)
        else:
            self.by_people.setChecked(True)

    # Who ---------------------------------------------------------------------------------
    def chosen_ids(self) -> list[int]:
        """The active people the choice stands for, by name."""
        if self.by_role.isChecked() and self.role.currentData() is not None:
            return self._group("role", int(self.role.currentData()))
        if self.by_department.isChecked() and self.department.currentData() is not None:
            return self._group("department", int(self.department.currentData()))
        if self.by_people.isChecked():
            return self.checklist.ticked_ids()
        return []

    def _group(self, kind: str, group_id: int) -> list[int]:
        if (kind, group_id) not in self._groups:
            query = (
                PeopleQuery(role_id=group_id, status=EmployeeStatus.ACTIVE)
                if kind == "role"
                else PeopleQuery(department_id=group_id, status=EmployeeStatus.ACTIVE)
            )
            self._groups[kind, group_id] = self._services.people.ordered_ids(query)
        return self._groups[kind, group_id]

    def _radio_toggled(self, on: bool) -> None:
        if on:
            self._choice_changed()

    def _choice_changed(self) -> None:
        self.role.setEnabled(self.by_role.isChecked())
        self.department.setEnabled(self.by_department.isChecked())
        chosen_people = self.by_people.isChecked()
        self.search.setEnabled(chosen_people)
        self.people_list.setEnabled(chosen_people)
        self._clear_error("people")
        ids = self.chosen_ids()
        already = len(set(ids) & self.following)
        if not ids:
            text = self.tr("No one chosen yet.")
        elif already:
            text = self.tr("{people}, {already} already follow this path").format(
                people=people_count(len(ids)), already=already
            )
        else:
            text = self.tr("{people} chosen").format(people=people_count(len(ids)))
        self.chosen_count.setText(text)
        self._schedule_preview()

    # When --------------------------------------------------------------------------------
    def _due_hint_text(self) -> str:
        if self.pace <= 0:
            return ""
        return self.tr(
            "At {pace} h a week of protected learning time, the path's {hours} take {weeks} weeks."
        ).format(pace=number_text(self.pace), hours=hours_text(self.path_hours), weeks=self.weeks)

    def _set_default_due(self) -> None:
        start = to_date(self.starts_on.date())
        due = start + timedelta(days=7 * max(self.weeks, 1))
        self.due_on.blockSignals(True)
        self.due_on.setDate(to_qdate(due))
        self.due_on.blockSignals(False)

    def _start_changed(self, _day: QDate) -> None:
        self._clear_error("due_on")
        if not self._due_edited:
            self._set_default_due()

    def _due_changed(self, _day: QDate) -> None:
        self._due_edited = True
        self._clear_error("due_on")

    def _due_toggled(self, on: bool) -> None:
        self.due_on.setEnabled(on)
        self._clear_error("due_on")

    def due_date(self) -> date | None:
        return to_date(self.due_on.date()) if self.due_check.isChecked() else None

    # Preview -----------------------------------------------------------------------------
    def _schedule_preview(self) -> None:
        self._generation += 1
        self.preview_status.setText(self.tr("Working out each person's modules…"))
        self._timer.start()

    def preview_ready(self) -> bool:
        """True once the preview shows the current choice (tests wait on this)."""
        return not self._timer.isActive() and self._shown_generation == self._generation

    def _start_preview(self) -> None:
        generation = self._generation
        ids = self.chosen_ids()
        if not ids or not self.trim.isChecked():
            self._show_preview(generation, ids, None)
            return
        suggestions = self._services.suggestions
        path_id = self.path_id

        def work(_progress: object, _cancel: object) -> dict[int, PersonSuggestion]:
            return suggestions.suggestions(path_id, ids)

        task = run_in_background(
            self,
            self.tr("Working out each person's modules…"),
            work,
            lambda found: self._show_preview(generation, ids, found),
            lambda error: self._preview_failed(generation, error),
            show_progress=False,
        )
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))

    def _show_preview(
        self, generation: int, ids: list[int], found: dict[int, PersonSuggestion] | None
    ) -> None:
        if generation != self._generation:
            return  # the choice changed meanwhile; a newer preview is on its way
        rows = preview_rows(ids, self.people, self.path_modules, found, self.following)
        self.preview.set_rows(rows)
        self._shown_generation = generation
        if not rows:
            self.preview_status.setText(
                self.tr("Choose who follows the path to see their modules.")
            )
            self.plan.show_message(self.tr("Each person's modules show here."))
            return
        new = sum(1 for row in rows if not row.already)
        trimmed = self.preview.trimmed_count()
        if not self.trim.isChecked():
            status = self.tr("Everyone new takes the whole path.")
        elif trimmed:
            status = self.tr("{trimmed} of the {new} new people skip modules they do not need.")
        else:
            status = self.tr("No one skips a module: nobody is rated above what the path teaches.")
        self.preview_status.setText(status.format(trimmed=trimmed, new=new))
        self.preview_table.selectRow(0)

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._shown_generation = generation
        self.preview.set_rows([])
        if isinstance(error, UserFacingError):
            self.preview_status.setText(error.message)
        else:
            self.preview_status.setText("")
            show_error(self, error, action=self.tr("Preview the assignment"))

    def _preview_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.preview_table.selectionModel().selectedRows()
        if not rows:
            return
        row = self.preview.rows[rows[0].row()]
        if row.suggestion is not None:
            self.plan.show_suggestion(row.suggestion)
        else:
            self.plan.show_whole_path(self.path_name, self.path_modules)

    # Assigning ---------------------------------------------------------------------------
    def accept(self) -> None:
        """Assign; on a rule break say so next to the field and stay open."""
        self._clear_errors()
        ids = self.chosen_ids()
        already = len(set(ids) & self.following)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = self._services.suggestions.assign(
                self.path_id,
                ids,
                starts_on=to_date(self.starts_on.date()),
                due_on=self.due_date(),
                reason=self.reason.text() or None,
                trim_to_gaps=self.trim.isChecked(),
            )
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:
            self.show_error(error.message, None)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.outcome = outcome
        self.outcome_text = self.result_text(outcome, already)
        super().accept()
        self.result_box = show_message(
            self.parentWidget(), self.tr("Path assigned"), self.outcome_text
        )

    def result_text(self, outcome: Assigned, already: int) -> str:
        """ "Assigned to 21 people; 6 of them skip modules they do not need; 2 already …"."""
        if outcome.new == 0:
            return self.tr("No one new was assigned: everyone chosen already follows this path.")
        parts = [self.tr("Assigned to {people}").format(people=people_count(outcome.new))]
        if outcome.trimmed:
            parts.append(
                self.tr("{n} of them skip modules they do not need").format(n=outcome.trimmed)
            )
        if already:
            parts.append(self.tr("{n} already followed it").format(n=already))
        return "; ".join(parts) + "."

    def show_error(self, message: str, field: str | None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        focus: dict[str, QWidget] = {"due_on": self.due_on, "people": self.role}
        if field == "people":
            focus["people"] = (
                self.department
                if self.by_department.isChecked()
                else self.people_list
                if self.by_people.isChecked()
                else self.role
            )
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
    def ask(
        cls, services: AppServices, path_id: int, parent: QWidget | None = None
    ) -> Assigned | None:
        """Open the dialog modally; what the assignment did, or None when cancelled."""
        dialog = cls(services, path_id, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.outcome
            return None
        finally:
            dialog.deleteLater()


def track_label_text(track: str) -> str:
    """The path's track in words, from its stored value."""
    try:
        return track_label(Track(track))
    except ValueError:
        return track
