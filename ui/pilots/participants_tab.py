"""The Participants tab of a pilot: the cohort with why each person was chosen and how far
along their path they are; suggest a cohort, add people by hand, or remove someone.

Removing someone with check-ins, answers or scores recorded in the pilot asks first, since
those go with them. Until there is a cohort the tab says how to choose one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Topic
from app.pilots.records import ParticipantRow
from app.pilots.service import CohortPick
from ui.change_bridge import ChangeBridge
from ui.look import make_muted
from ui.messages import show_error, show_message
from ui.people.empty_state import EmptyStatePanel
from ui.people.labels import people_count
from ui.people.naming import named
from ui.pilots.add_people_dialog import AddPeopleDialog
from ui.pilots.cohort_dialog import CohortDialog
from ui.pilots.participants_model import ParticipantsModel
from ui.pilots.recorded_data import participants_with_records
from ui.refresh_when_shown import RefreshWhenShown

REFRESH_TOPICS = frozenset(
    {Topic.PILOTS, Topic.PATHS, Topic.PEOPLE, Topic.DEPARTMENTS, Topic.ROLES, Topic.DATA_FILE}
)


class ParticipantsTab(QWidget):
    def __init__(
        self, services: AppServices, bridge: ChangeBridge | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("participants_tab")
        self.services = services
        self.pilot_id: int | None = None
        self.dialog: QWidget | None = None
        """The dialog or question the tab is waiting on, if any."""
        self._build()
        self.refresher = RefreshWhenShown(self, bridge, REFRESH_TOPICS, self.reload)

    def _build(self) -> None:
        style = self.style()
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("Choose the early adopters"),
            self.tr(
                "A pilot's cohort is a small group of people keen to learn and listened to by "
                "their colleagues, from across the organisation. Let the app suggest one from "
                "the skills survey and who manages whom, then swap anyone you like; or pick "
                "people yourself."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("participants_empty_state")
        self.empty_suggest = self.empty_state.add_action(
            self.tr("Suggest a cohort"),
            self.tr("The keenest and most influential, every department represented"),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            "empty_suggest_cohort",
        )
        self.empty_suggest.clicked.connect(self.suggest)
        self.empty_add = self.empty_state.add_action(
            self.tr("Pick people yourself"),
            self.tr("Tick the people who should take part"),
            style.standardIcon(QStyle.StandardPixmap.SP_DialogYesButton),
            "empty_add_people",
        )
        self.empty_add.clicked.connect(self.add_people)
        self.stack.addWidget(self.empty_state)

        self.model = ParticipantsModel(self)
        self.table = named(QTableView(self), "participants_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("The cohort"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Small tables (a cohort): the reason wraps and each row takes the lines it needs.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ParticipantsModel.REASON, QHeaderView.ResizeMode.Stretch)
        for section, width in (
            (ParticipantsModel.NAME, 140),
            (ParticipantsModel.DEPARTMENT, 115),
            (ParticipantsModel.ROLE, 125),
            (ParticipantsModel.ENTHUSIASM, 85),
            (ParticipantsModel.INFLUENCE, 110),
            (ParticipantsModel.ENROLLED, 95),
            (ParticipantsModel.PROGRESS, 105),
        ):
            self.table.setColumnWidth(section, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)

        self.suggest_button = named(QPushButton(self.tr("Su&ggest a cohort…"), self), "suggest")
        self.suggest_button.clicked.connect(self.suggest)
        self.add_button = named(QPushButton(self.tr("&Add people…"), self), "add_people")
        self.add_button.clicked.connect(self.add_people)
        self.remove_button = named(QPushButton(self.tr("&Remove"), self), "remove_people")
        self.remove_button.setToolTip(self.tr("Take the people selected out of the cohort"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.summary = make_muted("", self, "participants_summary")

        main = QWidget(self.stack)
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.stack.addWidget(main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # Reading ------------------------------------------------------------------------------
    def set_pilot(self, pilot_id: int | None) -> None:
        self.pilot_id = pilot_id
        self.reload()

    def reload(self) -> None:
        self.refresher.done()
        rows: list[ParticipantRow] = []
        candidates = {}
        if self.pilot_id is not None:
            try:
                rows = self.services.pilots.participants(self.pilot_id)
                if rows:
                    candidates = {c.person_id: c for c in self.services.pilots.candidates()}
            except UserFacingError:
                rows = []  # the pilot was deleted elsewhere; the page follows
        self.model.set_participants(rows, candidates)
        self.stack.setCurrentIndex(1 if rows else 0)
        finished = sum(1 for row in rows if row.finished)
        departments = len({row.department for row in rows})
        self.summary.setText(
            self.tr("{people} from {departments}; {finished} finished the pilot's path.").format(
                people=people_count(len(rows)),
                departments=self.tr("1 department")
                if departments == 1
                else self.tr("{n} departments").format(n=departments),
                finished=finished,
            )
        )
        self._update_buttons()

    def selected_rows(self) -> list[ParticipantRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_at(row) for row in rows]

    def _update_buttons(self) -> None:
        has_pilot = self.pilot_id is not None
        for button in (self.suggest_button, self.add_button, self.empty_suggest, self.empty_add):
            button.setEnabled(has_pilot)
        self.remove_button.setEnabled(has_pilot and bool(self.selected_rows()))

    # Commands -----------------------------------------------------------------------------
    def suggest(self) -> None:
        if self.pilot_id is None:
            return
        try:
            dialog = CohortDialog(self.services, self.pilot_id, self)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Suggest a cohort"))
            return
        self._open(dialog)

    def add_people(self) -> None:
        if self.pilot_id is None:
            return
        try:
            dialog = AddPeopleDialog(self.services, self.pilot_id, self)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Add people"))
            return
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda result: self._closed(dialog, result))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: QDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.reload()

    def remove_selected(self) -> None:
        """Take the selected people out; ask first if anything was recorded for them."""
        leaving = self.selected_rows()
        if self.pilot_id is None or not leaving:
            return
        recorded = participants_with_records(self.services, self.pilot_id, self.model.rows)
        with_data = [row for row in leaving if row.id in recorded]
        if not with_data:
            self._remove(leaving)
            return
        names = ", ".join(row.display_name for row in with_data)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Remove from the cohort"),
            self.tr(
                "Check-ins, timings, answers or scores were recorded for {names} in this "
                "pilot. Removing them from the cohort deletes those too; they stay on the "
                "learning path. Remove them?"
            ).format(names=names),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("remove_participants_box")
        confirm = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirm_remove_participants")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(lambda: self._remove(leaving))
        box.finished.connect(box.deleteLater)
        self.dialog = box
        box.open()

    def _remove(self, leaving: list[ParticipantRow]) -> None:
        if self.pilot_id is None:
            return
        gone = {row.id for row in leaving}
        keep = [
            CohortPick(row.person_id, row.reason, row.enthusiasm, row.influence)
            for row in self.model.rows
            if row.id not in gone
        ]
        if not keep:
            show_message(
                self,
                self.tr("Remove from the cohort"),
                self.tr(
                    "A pilot keeps at least one person in its cohort. Suggest or add the new "
                    "people first, then remove these."
                ),
                icon=QMessageBox.Icon.Information,
            )
            return
        try:
            self.services.pilots.set_cohort(self.pilot_id, keep)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Remove from the cohort"))
            return
        self.reload()
