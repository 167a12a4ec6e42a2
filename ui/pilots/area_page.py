"""The Pilots area: the programme tried with early adopters before everyone, with success
criteria agreed before it starts and a decision at the end.

The list of pilots on the left (new, edit, delete), the pilot chosen on the right with its
header and tabs. Until there is a pilot the page explains what one is and offers to start.
It follows changes through the change bridge.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.pilots.records import PilotRow
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.people.empty_state import EmptyStatePanel
from ui.people.labels import people_count
from ui.people.naming import named
from ui.pilots.detail import PilotDetail
from ui.pilots.pilot_dialog import PilotDialog
from ui.pilots.pilot_list import PILOT_ID_ROLE, PilotList

LIST_TOPICS = frozenset({Topic.PILOTS, Topic.DATA_FILE})


class PilotsAreaPage(QWidget):
    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pilots_area")
        self.services = services
        self.bridge = bridge
        self.pilots: list[PilotRow] = []
        self.dialog: QWidget | None = None
        """The dialog or question the page is waiting on, if any."""
        self._selecting = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.reload)
        self._build()
        bridge.changed.connect(self._on_change)
        self.reload()

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(make_heading(self.tr("Pilots"), self, 1.6), 1)
        column.addLayout(header)
        column.addWidget(
            make_muted(
                self.tr(
                    "Try the programme with a small group of early adopters before everyone. "
                    "Agree with leadership beforehand what counts as success, measure what "
                    "changes while it runs, and end with a decision: scale up, adjust or stop."
                ),
                self,
            )
        )
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("Try it with early adopters first"),
            self.tr(
                "A pilot runs one or more learning paths and AI tools with a small cohort for "
                "a few weeks: completion, satisfaction, time saved and weekly use are measured "
                "against success criteria agreed before it starts. Start by naming the pilot, "
                "its paths and its criteria; then choose the cohort."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("pilots_empty_state")
        self.start_button = self.empty_state.add_action(
            self.tr("New pilot…"),
            self.tr("Name it, choose its paths and agree its success criteria"),
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon),
            "empty_new_pilot",
        )
        self.start_button.clicked.connect(self.new_pilot)
        self.stack.addWidget(self.empty_state)

        self.list = PilotList(self)
        self.list.new_requested.connect(self.new_pilot)
        self.list.edit_requested.connect(self.edit_pilot)
        self.list.delete_requested.connect(self.delete_pilot)
        self.list.view.selectionModel().currentChanged.connect(self._current_changed)
        self.list.setMinimumWidth(240)
        self.detail = PilotDetail(self.services, self.bridge, self)
        self.detail.setContentsMargins(12, 0, 0, 0)
        splitter = named(QSplitter(Qt.Orientation.Horizontal, self), "pilots_splitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1040])
        self.splitter = splitter
        main = QWidget(self.stack)
        margins = QVBoxLayout(main)
        margins.setContentsMargins(0, 8, 0, 0)
        margins.addWidget(splitter)
        self.stack.addWidget(main)
        column.addWidget(self.stack, 1)
        self.setTabOrder(self.list.view, self.list.new_button)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab to the pilot detail (Measurements, Results); see PilotDetail.add_tab."""
        return self.detail.add_tab(widget, title)

    # Reading ------------------------------------------------------------------------------
    def is_empty_state_shown(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def current_pilot(self) -> PilotRow | None:
        index = self.list.view.currentIndex()
        if not index.isValid():
            return None
        return self.list.model.pilot_at(index.row())

    def reload(self, select: int | None = None) -> None:
        """Re-read the list; select ``select``, else keep the pilot shown, else the first."""
        self._refresh.stop()
        self.pilots = self.services.pilots.pilots()
        self.list.model.set_pilots(self.pilots)
        ids = [p.id for p in self.pilots]
        if select in ids:
            wanted: int | None = select
        elif self.detail.pilot_id in ids:
            wanted = self.detail.pilot_id
        else:
            wanted = ids[0] if ids else None
        self._select(wanted)
        self.detail.set_pilot(wanted)
        self.stack.setCurrentIndex(1 if self.pilots else 0)
        self._update_buttons()

    def _select(self, pilot_id: int | None) -> None:
        self._selecting = True
        try:
            selection = self.list.view.selectionModel()
            row = self.list.model.row_of(pilot_id) if pilot_id is not None else -1
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
            else:
                index = self.list.model.index(row)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.list.view.scrollTo(index)
        finally:
            self._selecting = False

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        pilot_id = int(current.data(PILOT_ID_ROLE)) if current.isValid() else None
        self.detail.set_pilot(pilot_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.current_pilot() is not None
        self.list.edit_button.setEnabled(chosen)
        self.list.delete_button.setEnabled(chosen)

    # Commands -----------------------------------------------------------------------------
    def new_pilot(self) -> None:
        self._open_editor(None)

    def edit_pilot(self) -> None:
        pilot = self.current_pilot()
        if pilot is not None:
            self._open_editor(pilot.id)

    def _open_editor(self, pilot_id: int | None) -> None:
        try:
            dialog = PilotDialog(self.services, pilot_id, self)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Edit the pilot"))
            self.reload()
            return
        dialog.finished.connect(lambda result: self._edited(dialog, result))
        self.dialog = dialog
        dialog.open()

    def _edited(self, dialog: PilotDialog, result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        saved = dialog.saved_id
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and saved is not None:
            self.reload(select=saved)
        self.list.view.setFocus()

    def delete_pilot(self) -> None:
        """Ask first, saying what goes with it; the people stay on their learning paths."""
        pilot = self.current_pilot()
        if pilot is None:
            return
        if pilot.participants:
            lost = self.tr(
                "{people}'s check-ins, timings and answers recorded in it are deleted too; "
                "they stay on their learning paths."
            ).format(people=people_count(pilot.participants))
        else:
            lost = self.tr("Nobody has joined it yet.")
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete the pilot"),
            self.tr("Delete the pilot “{name}”? {lost} This cannot be undone.").format(
                name=pilot.name, lost=lost
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("delete_pilot_box")
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirm_delete_pilot")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(lambda: self._delete(pilot.id))
        box.finished.connect(box.deleteLater)
        self.dialog = box
        box.open()

    def _delete(self, pilot_id: int) -> None:
        try:
            self.services.pilots.delete_pilot(pilot_id)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Delete the pilot"))
        self.reload()
        self.list.view.setFocus()

    # Changes ------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.topics and not change.topics & LIST_TOPICS:
            return
        self._refresh.start()

    def refresh_pending(self) -> bool:
        """True while changes have arrived that the page has not caught up with yet."""
        return self._refresh.isActive()
