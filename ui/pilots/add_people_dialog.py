"""Add people to a pilot's cohort by hand: tick them among everyone active who is not in it
yet (best enthusiasm + influence first), then they are enrolled on the pilot's paths."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.pilots.cohort import reason_for
from app.pilots.service import CohortPick
from ui.look import make_heading, make_muted
from ui.people.labels import people_count
from ui.people.naming import named
from ui.pilots.cohort_models import CandidateTableModel
from ui.pilots.labels import source_explanation
from ui.pilots.swap_dialog import CandidateTable


class AddPeopleDialog(QDialog):
    """``added`` is how many people joined once the dialog is accepted."""

    def __init__(self, services: AppServices, pilot_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_people_dialog")
        self.setWindowTitle(self.tr("Add people to the cohort"))
        self._services = services
        self.pilot_id = pilot_id
        self.pilot = services.pilots.pilot(pilot_id)
        self.current = services.pilots.participants(pilot_id)
        taken = {row.person_id for row in self.current}
        self.added: int | None = None
        self.search = named(QLineEdit(self), "add_search")
        self.search.setPlaceholderText(self.tr("Type a name, a department or a role"))
        self.search.setClearButtonEnabled(True)
        self.model = CandidateTableModel(checkable=True, parent=self)
        self.model.set_candidates(
            c for c in services.pilots.candidates() if c.person_id not in taken
        )
        self.table = named(CandidateTable(self.model, self), "add_candidates")
        self.search.textChanged.connect(self.table.proxy.set_search)
        self.model.ticked_changed.connect(self._update)
        self.error = named(QLabel(self), "add_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setObjectName("confirm_add_people")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        paths = ", ".join(f"“{name}”" for name in self.pilot.path_names)
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_heading(self.tr("Add people to “{name}”").format(name=self.pilot.name), self, 1.2)
        )
        layout.addWidget(
            make_muted(
                self.tr("Tick the people to add; they are enrolled on {paths}.").format(paths=paths)
                if paths
                else self.tr("Tick the people to add. The pilot has no learning path yet."),
                self,
            )
        )
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(make_muted(source_explanation(), self))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()
        self.search.setFocus()
        self.resize(900, 600)

    def tick(self, person_id: int) -> None:
        """Tick a person as a click on their box would."""
        for row, candidate in enumerate(self.model.rows):
            if candidate.person_id == person_id:
                self.model.setData(
                    self.model.index(row, CandidateTableModel.NAME),
                    Qt.CheckState.Checked,
                    Qt.ItemDataRole.CheckStateRole,
                )

    def _update(self) -> None:
        count = len(self.model.ticked)
        self.add_button.setEnabled(count > 0)
        self.add_button.setText(
            self.tr("Add {people}").format(people=people_count(count)) if count else self.tr("Add")
        )

    def accept(self) -> None:
        keep = [
            CohortPick(row.person_id, row.reason, row.enthusiasm, row.influence)
            for row in self.current
        ]
        new = [
            CohortPick(
                c.person_id,
                reason_for(c, best_in_department=False, by_hand=True),
                c.enthusiasm,
                c.influence,
            )
            for c in self.model.rows
            if c.person_id in self.model.ticked
        ]
        if not new:
            return
        try:
            self.added = self._services.pilots.set_cohort(self.pilot_id, keep + new)
        except UserFacingError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        super().accept()
