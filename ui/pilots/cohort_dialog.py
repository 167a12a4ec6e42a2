"""Suggest a cohort: the keenest and most influential people, every department in scope
represented and none over a chosen share; why each person was picked; swap people by hand
and watch the coverage; then enrol them on the pilot's paths.

The suggestion, the coverage table, a swap and the notes all come from
``app.pilots.cohort`` (through the pilot service); this dialog only shows them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.pilots.cohort import (
    Candidate,
    DepartmentCoverage,
    Pick,
    coverage,
    reason_for,
    suggest_cohort,
    swap,
)
from app.pilots.records import PilotDetails
from app.pilots.service import CohortPick
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.people.labels import people_count
from ui.people.naming import named
from ui.pilots.cohort_models import CoverageTableModel, PickTableModel
from ui.pilots.labels import source_explanation
from ui.pilots.rating_dialog import RatingDialog
from ui.pilots.recorded_data import participants_with_records
from ui.pilots.swap_dialog import SwapDialog

DEFAULT_SIZE = 12
DEFAULT_SHARE = 40


class CohortDialog(QDialog):
    """Suggest, adjust and enrol a pilot's cohort; ``enrolled`` is how many people are new."""

    def __init__(self, services: AppServices, pilot_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cohort_dialog")
        self._services = services
        self.pilot_id = pilot_id
        self.pilot: PilotDetails = services.pilots.pilot(pilot_id)
        self.current = services.pilots.participants(pilot_id)
        self.candidates: list[Candidate] = []
        self.picks: tuple[Pick, ...] = ()
        self.scope: list[str] | None = None
        """The department names in scope, or None for every department."""
        self.max_share = DEFAULT_SHARE / 100
        self.enrolled: int | None = None
        self.dialog: QWidget | None = None
        """The swap, rating or question dialog open over this one, if any."""
        self.setWindowTitle(self.tr("Suggest a cohort"))
        self._build()
        self._lay_out()
        self._update()
        self.resize(1240, 820)
        self.cohort_size.setFocus()
        self.cohort_size.selectAll()

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.cohort_size = named(QSpinBox(self), "cohort_size")
        self.cohort_size.setRange(1, 10_000)
        self.cohort_size.setValue(len(self.current) or DEFAULT_SIZE)
        self.cohort_size.setSuffix(self.tr(" people"))
        self.departments = named(QListWidget(self), "scope_departments")
        self.departments.setAccessibleName(self.tr("Departments in scope"))
        for department in self._services.organisation.departments():
            if department.active_people == 0:
                continue
            item = QListWidgetItem(
                self.tr("{name} ({people})").format(
                    name=department.name, people=people_count(department.active_people)
                ),
                self.departments,
            )
            item.setData(Qt.ItemDataRole.UserRole, department.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, department.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.share = named(QSpinBox(self), "max_share")
        self.share.setRange(5, 100)
        self.share.setSingleStep(5)
        self.share.setValue(DEFAULT_SHARE)
        self.share.setSuffix(self.tr(" %"))
        self.share.setToolTip(self.tr("The largest share of the cohort one department may take"))
        self.suggest_button = named(QPushButton(self.tr("S&uggest"), self), "suggest_cohort")
        self.suggest_button.setDefault(True)
        self.suggest_button.clicked.connect(self.suggest)
        self.settings_error = named(QLabel(self), "settings_error")
        self.settings_error.setWordWrap(True)
        self.settings_error.setStyleSheet("color: #c62828;")
        self.settings_error.hide()

        self.pick_model = PickTableModel(self)
        self.picked = named(QTableView(self), "picked_people")
        self.picked.setModel(self.pick_model)
        self.picked.setAccessibleName(self.tr("People picked"))
        self.picked.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.picked.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.picked.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.picked.setAlternatingRowColors(True)
        self.picked.setWordWrap(True)
        self.picked.verticalHeader().hide()
        self.picked.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.picked.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in (
            (PickTableModel.NAME, 170),
            (PickTableModel.DEPARTMENT, 130),
            (PickTableModel.ENTHUSIASM, 110),
            (PickTableModel.INFLUENCE, 150),
        ):
            self.picked.setColumnWidth(column, width)
        self.picked.doubleClicked.connect(lambda _index: self.swap_selected())
        self.picked.selectionModel().selectionChanged.connect(lambda *_a: self._update())

        self.coverage_model = CoverageTableModel(self)
        self.coverage = named(QTableView(self), "coverage_table")
        self.coverage.setModel(self.coverage_model)
        self.coverage.setAccessibleName(self.tr("Coverage of the departments"))
        self.coverage.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.coverage.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.coverage.verticalHeader().hide()
        cover_header = self.coverage.horizontalHeader()
        cover_header.setStretchLastSection(True)
        cover_header.setSectionResizeMode(
            CoverageTableModel.DEPARTMENT, QHeaderView.ResizeMode.Stretch
        )
        for column in (
            CoverageTableModel.CANDIDATES,
            CoverageTableModel.PICKED,
            CoverageTableModel.SHARE,
            CoverageTableModel.LIMIT,
        ):
            self.coverage.setColumnWidth(column, 90)
        self.coverage.setColumnWidth(CoverageTableModel.STATE, 190)
        self.notes = named(QLabel(self), "cohort_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)

        self.swap_button = named(QPushButton(self.tr("S&wap with…"), self), "swap_person")
        self.swap_button.setToolTip(self.tr("Replace the person selected with someone not picked"))
        self.swap_button.clicked.connect(self.swap_selected)
        self.rate_button = named(
            QPushButton(self.tr("Set enthusiasm/&influence…"), self), "rate_person"
        )
        self.rate_button.setToolTip(
            self.tr("Enter what you know of the selected person's enthusiasm and influence")
        )
        self.rate_button.clicked.connect(self._rate_selected)

        self.enrol_text = named(QLabel(self), "enrol_text")
        self.enrol_text.setWordWrap(True)
        self.enrol_error = named(QLabel(self), "enrol_error")
        self.enrol_error.setWordWrap(True)
        self.enrol_error.setStyleSheet("color: #c62828;")
        self.enrol_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.enrol_button = named(
            self.buttons.addButton(self.tr("Enrol"), QDialogButtonBox.ButtonRole.AcceptRole),
            "enrol_cohort",
        )
        self.enrol_button.setAutoDefault(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        settings = QWidget(self)
        form_column = QVBoxLayout(settings)
        form_column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        size_label = QLabel(self.tr("&People:"), settings)
        size_label.setBuddy(self.cohort_size)
        form.addRow(size_label, self.cohort_size)
        share_label = QLabel(self.tr("&No department over:"), settings)
        share_label.setBuddy(self.share)
        form.addRow(share_label, self.share)
        form_column.addLayout(form)
        scope_label = QLabel(self.tr("&Departments that must be represented:"), settings)
        scope_label.setBuddy(self.departments)
        scope_label.setWordWrap(True)
        form_column.addWidget(scope_label)
        form_column.addWidget(self.departments, 1)
        form_column.addWidget(self.settings_error)
        form_column.addWidget(self.suggest_button)
        form_column.addWidget(
            make_muted(
                self.tr(
                    "Picks the highest enthusiasm + influence while every department in scope "
                    "has someone and none goes over its share."
                ),
                settings,
            )
        )
        settings.setFixedWidth(300)

        self.result_stack = QStackedWidget(self)
        self.placeholder = make_muted(
            self.tr(
                "Choose how many people, which departments must be represented and the "
                "largest share one department may take, then press Suggest. You can swap "
                "anyone afterwards."
            ),
            self.result_stack,
            "cohort_placeholder",
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_stack.addWidget(self.placeholder)
        results = QWidget(self.result_stack)
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        self.picked_heading = make_heading(self.tr("People picked"), results, 1.05)
        column.addWidget(self.picked_heading)
        column.addWidget(self.picked, 3)
        actions = QHBoxLayout()
        actions.addWidget(self.swap_button)
        actions.addWidget(self.rate_button)
        actions.addStretch(1)
        column.addLayout(actions)
        column.addWidget(make_muted(source_explanation(), results))
        column.addWidget(make_heading(self.tr("Coverage of the departments"), results, 1.05))
        column.addWidget(self.coverage, 2)
        column.addWidget(self.notes)
        self.result_stack.addWidget(results)

        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.addWidget(settings, 0, 0)
        grid.addWidget(self.result_stack, 0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_heading(self.tr("A cohort for “{name}”").format(name=self.pilot.name), self, 1.25)
        )
        layout.addWidget(
            make_muted(
                self.tr(
                    "Early adopters: people keen to learn and listened to by their colleagues, "
                    "from across the organisation so the results speak for everyone."
                ),
                self,
            )
        )
        layout.addLayout(grid, 1)
        layout.addWidget(self.enrol_text)
        layout.addWidget(self.enrol_error)
        layout.addWidget(self.buttons)

    # Reading the settings -----------------------------------------------------------------
    def scope_ids(self) -> list[int] | None:
        """The department ids ticked, or None when all are (everyone, with or without one)."""
        ticked = []
        for n in range(self.departments.count()):
            item = self.departments.item(n)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ticked.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return None if len(ticked) == self.departments.count() else ticked

    def _scope_names(self, ids: Sequence[int] | None) -> list[str] | None:
        if ids is None:
            return None
        wanted = set(ids)
        names = []
        for n in range(self.departments.count()):
            item = self.departments.item(n)
            if item is not None and int(item.data(Qt.ItemDataRole.UserRole)) in wanted:
                names.append(str(item.data(Qt.ItemDataRole.UserRole + 1)))
        return names

    # Commands -----------------------------------------------------------------------------
    def suggest(self) -> None:
        """Ask the pilot service for a cohort with the settings shown."""
        self.settings_error.hide()
        ids = self.scope_ids()
        if ids is not None and not ids:
            self._settings_problem(self.tr("Tick at least one department."))
            return
        share = self.share.value() / 100
        try:
            cohort = self._services.pilots.suggest(
                self.cohort_size.value(), department_ids=ids, max_share=share
            )
            candidates = self._services.pilots.candidates(ids)
        except ValidationError as error:
            self._settings_problem(error.message)
            return
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Suggest a cohort"))
            return
        self.candidates = candidates
        self.scope = self._scope_names(ids)
        self.max_share = share
        self._show(cohort.picks, cohort.coverage, cohort.notes)
        if self.picks:
            self._select_pick(self.picks[0].candidate.person_id)

    def swap_selected(self) -> None:
        """Open the list of people not picked to bring one in for the person selected."""
        leaving = self.selected_pick()
        if leaving is None:
            return
        dialog = SwapDialog(leaving.candidate, self._not_picked(), self)
        dialog.rate_requested.connect(lambda candidate: self._rate(candidate, dialog))
        dialog.accepted.connect(lambda: self._swapped(leaving.candidate, dialog.chosen))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _swapped(self, leaving: Candidate, incoming: Candidate | None) -> None:
        if incoming is None:
            return
        picks = swap(self.picks, leaving.person_id, incoming)
        self._show_adjusted(picks)
        self._select_pick(incoming.person_id)

    def _rate_selected(self) -> None:
        pick = self.selected_pick()
        if pick is not None:
            self._rate(pick.candidate, None)

    def _rate(self, candidate: Candidate, swap_dialog: SwapDialog | None) -> None:
        dialog = RatingDialog(self._services, candidate, swap_dialog or self)
        dialog.accepted.connect(lambda: self._rated(candidate.person_id, swap_dialog))
        dialog.finished.connect(dialog.deleteLater)
        if swap_dialog is None:
            self.dialog = dialog
        dialog.open()

    def _rated(self, person_id: int, swap_dialog: SwapDialog | None) -> None:
        """Re-read everyone's figures; the person rated keeps their place with the new ones."""
        try:
            self.candidates = self._services.pilots.candidates(self.scope_ids())
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Suggest a cohort"))
            return
        fresh = {c.person_id: c for c in self.candidates}
        picks = []
        for pick in self.picks:
            candidate = fresh.get(pick.candidate.person_id, pick.candidate)
            if candidate.person_id == person_id:
                reason = reason_for(candidate, best_in_department=False, by_hand=True)
                picks.append(Pick(candidate, reason))
            else:
                picks.append(Pick(candidate, pick.reason))
        if self.picks:
            self._show_adjusted(tuple(picks))
            self._select_pick(person_id)
        if swap_dialog is not None:
            swap_dialog.set_candidates(self._not_picked(), keep=person_id)

    # Showing ------------------------------------------------------------------------------
    def _show_adjusted(self, picks: tuple[Pick, ...]) -> None:
        """A cohort changed by hand: coverage and notes worked out again by the domain."""
        people = [p.candidate for p in picks]
        table = coverage(people, self.candidates, departments=self.scope, max_share=self.max_share)
        notes = suggest_cohort(
            self.candidates,
            len(people),
            departments=self.scope,
            max_share=self.max_share,
            keep=[p.person_id for p in people],
        ).notes
        self._show(picks, table, notes)

    def _show(
        self, picks: Sequence[Pick], table: Sequence[DepartmentCoverage], notes: Sequence[str]
    ) -> None:
        self.picks = tuple(picks)
        self.pick_model.set_rows(self.picks)
        self.coverage_model.set_rows(table)
        self.notes.setText("\n".join(f"• {note}" for note in notes))
        self.notes.setVisible(bool(notes))
        self.picked.resizeRowsToContents()
        self.result_stack.setCurrentIndex(1)
        self.enrol_error.hide()
        self._update()

    def _select_pick(self, person_id: int) -> None:
        row = self.pick_model.row_of(person_id)
        if row < 0:
            return
        index = self.pick_model.index(row, 0)
        self.picked.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.picked.scrollTo(index)

    def selected_pick(self) -> Pick | None:
        rows = self.picked.selectionModel().selectedRows()
        if not rows:
            return None
        return self.picks[rows[0].row()]

    def _not_picked(self) -> list[Candidate]:
        taken = {p.candidate.person_id for p in self.picks}
        return [c for c in self.candidates if c.person_id not in taken]

    def _settings_problem(self, message: str) -> None:
        self.settings_error.setText(message)
        self.settings_error.show()
        self.cohort_size.setFocus()

    def _update(self) -> None:
        chosen = self.selected_pick() is not None
        self.swap_button.setEnabled(chosen and bool(self._not_picked()))
        self.rate_button.setEnabled(chosen)
        count = len(self.picks)
        self.picked_heading.setText(
            self.tr("People picked: {count}").format(count=count)
            if count
            else self.tr("People picked")
        )
        self.enrol_button.setEnabled(count > 0)
        self.enrol_button.setText(
            self.tr("Enrol {people}").format(people=people_count(count))
            if count
            else self.tr("Enrol")
        )
        self.enrol_text.setText(self.enrol_sentence())

    def enrol_sentence(self) -> str:
        """What pressing Enrol will do, in words."""
        count = len(self.picks)
        paths = self.pilot.path_names
        if not count:
            who = self.tr("Nobody is picked yet.")
        elif not paths:
            who = self.tr(
                "{people} will join the pilot. It has no learning path yet: add one to the "
                "pilot and they are enrolled on it."
            ).format(people=people_count(count))
        else:
            names = ", ".join(f"“{name}”" for name in paths)
            who = self.tr(
                "{people} will join the pilot and be enrolled on {paths}, trimmed to each "
                "person's gaps."
            ).format(people=people_count(count), paths=names)
        if not self.current:
            return who
        staying = {p.candidate.person_id for p in self.picks}
        leaving = sum(1 for row in self.current if row.person_id not in staying)
        return (
            who
            + " "
            + self.tr(
                "This replaces the current cohort of {current}; {leaving} of them would leave."
            ).format(current=people_count(len(self.current)), leaving=leaving)
        )

    # Enrolling ----------------------------------------------------------------------------
    def accept(self) -> None:
        """Enrol the cohort; ask first if people with recorded data would leave it."""
        if not self.picks:
            return
        staying = {p.candidate.person_id for p in self.picks}
        leaving = [row for row in self.current if row.person_id not in staying]
        recorded = participants_with_records(self._services, self.pilot_id, self.current)
        losing = [row for row in leaving if row.id in recorded]
        if not losing:
            self._enrol()
            return
        names = ", ".join(row.display_name for row in losing)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Replace the cohort"),
            self.tr(
                "{names} would leave the cohort. What was recorded for them in this pilot "
                "(check-ins, timings, answers and scores) is deleted. Replace the cohort?"
            ).format(names=names),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("replace_cohort_box")
        confirm = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirm_replace_cohort")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(self._enrol)
        box.finished.connect(box.deleteLater)
        self.dialog = box
        box.open()

    def _enrol(self) -> None:
        picks = [
            CohortPick(
                person_id=p.candidate.person_id,
                reason=p.reason,
                enthusiasm=p.candidate.enthusiasm,
                influence=p.candidate.influence,
            )
            for p in self.picks
        ]
        try:
            self.enrolled = self._services.pilots.set_cohort(self.pilot_id, picks)
        except UserFacingError as error:
            self.enrol_error.setText(error.message)
            self.enrol_error.show()
            return
        super().accept()
