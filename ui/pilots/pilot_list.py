"""The pilots as a Qt list: each pilot's name, then its status and dates, then its people and
decision, with a status badge; and the list view with its New / Edit / Delete buttons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.pilots.judging import judging_on
from app.pilots.records import PilotRow
from ui.look import make_heading
from ui.paths.two_line_delegate import TwoLineDelegate
from ui.people.labels import people_count
from ui.people.naming import named
from ui.pilots.labels import dates_text, decision_label, status_label
from ui.pilots.status_badge import status_icon

ModelIndex = QModelIndex | QPersistentModelIndex

PILOT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""``data(index, PILOT_ID_ROLE)``: the pilot's id."""
STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The pilot's status key (planned, running, evaluating, decided)."""


class PilotListModel(QAbstractListModel):
    """One row per pilot, in the service's order (latest start first)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PilotRow] = []

    def set_pilots(self, rows: Sequence[PilotRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def pilot_at(self, row: int) -> PilotRow:
        return self._rows[row]

    def row_of(self, pilot_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == pilot_id), -1)

    def facts(self, pilot: PilotRow) -> str:
        """Two lines: status and dates; then the people and the decision (or the criteria)."""
        status = status_label(pilot.status)
        if judging_on(pilot.status, pilot.starts_on, pilot.ends_on, date.today()).overdue:
            status = self.tr("{status}, past its planned end").format(status=status)
        when = f"{status} · {dates_text(pilot.starts_on, pilot.ends_on)}"
        people = (
            people_count(pilot.participants) if pilot.participants else self.tr("No cohort yet")
        )
        if pilot.decision is not None:
            outcome = self.tr("Decision: {decision}").format(
                decision=decision_label(pilot.decision)
            )
        elif pilot.criteria == 0:
            outcome = self.tr("No success criteria")
        elif pilot.criteria == 1:
            outcome = self.tr("1 success criterion")
        else:
            outcome = self.tr("{count} success criteria").format(count=pilot.criteria)
        return f"{when}\n{people} · {outcome}"

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        pilot = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{pilot.name}\n{self.facts(pilot)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{pilot.name}, " + self.facts(pilot).replace("\n", " · ")
        if role == Qt.ItemDataRole.DecorationRole:
            screen = QGuiApplication.primaryScreen()
            ratio = screen.devicePixelRatio() if screen is not None else 1.0
            return status_icon(pilot.status, 16, QGuiApplication.palette(), ratio)
        if role == PILOT_ID_ROLE:
            return pilot.id
        if role == STATUS_ROLE:
            return pilot.status
        return None


class PilotList(QWidget):
    """The list of pilots with its commands; Enter opens the editor, Delete asks to delete."""

    new_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PilotListModel(self)
        self.view = named(QListView(self), "pilot_list")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Pilots"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.activated.connect(lambda _index: self.edit_requested.emit())
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_requested)

        self.new_button = named(QPushButton(self.tr("&New pilot…"), self), "new_pilot")
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button = named(QPushButton(self.tr("&Edit…"), self), "edit_pilot")
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = named(QPushButton(self.tr("&Delete…"), self), "delete_pilot")
        self.delete_button.clicked.connect(self.delete_requested)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(make_heading(self.tr("Pilots"), self, 1.1))
        column.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        column.addLayout(buttons)
