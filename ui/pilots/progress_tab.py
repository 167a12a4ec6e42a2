"""The Progress tab of a pilot: each participant against each of the pilot's learning paths
(modules done of the modules they follow), who is behind, and a one-line summary.

The figures are the path progress service's; this tab only counts the rows it shows.
Progress itself is recorded under Learning paths (one by one, for a workshop, or from an
LMS export).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Topic
from app.paths.progress import PersonProgress
from app.pilots.records import ParticipantRow
from ui.change_bridge import ChangeBridge
from ui.look import make_muted, scaled_font, state_colour
from ui.paths.progress_labels import day_text
from ui.paths.progress_model import is_overdue
from ui.people.naming import named
from ui.pilots.cohort_models import warning_colour
from ui.pilots.labels import modules_done_text
from ui.refresh_when_shown import RefreshWhenShown

ModelIndex = QModelIndex | QPersistentModelIndex

REFRESH_TOPICS = frozenset({Topic.PILOTS, Topic.PATHS, Topic.PEOPLE, Topic.DATA_FILE})


@dataclass(frozen=True)
class ParticipantProgress:
    """One participant with their progress on each of the pilot's paths (None: not on it)."""

    participant: ParticipantRow
    paths: tuple[PersonProgress | None, ...]

    def behind(self, today: date) -> PersonProgress | None:
        """The path they are behind on (past its due date with modules left), if any."""
        return next((p for p in self.paths if p is not None and is_overdue(p, today)), None)


class PilotProgressModel(QAbstractTableModel):
    NAME, DEPARTMENT = range(2)
    FIRST_PATH = 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ParticipantProgress] = []
        self.path_names: list[str] = []
        self.today = date.today()

    def set_rows(
        self, rows: Sequence[ParticipantProgress], path_names: Sequence[str], today: date
    ) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.path_names = list(path_names)
        self.today = today
        self.endResetModel()

    @property
    def overall_column(self) -> int:
        return self.FIRST_PATH + len(self.path_names)

    @property
    def state_column(self) -> int:
        return self.overall_column + 1

    def state_text(self, row: ParticipantProgress) -> str:
        person = row.participant
        late = row.behind(self.today)
        if person.finished:
            return self.tr("Finished")
        if late is not None and late.due_on is not None:
            return self.tr("Behind: was due {day}").format(day=day_text(late.due_on))
        if person.modules == 0:
            return self.tr("Nothing to do on these paths")
        due = [p.due_on for p in row.paths if p is not None and p.due_on is not None]
        if due:
            return self.tr("On track, due {day}").format(day=day_text(max(due)))
        return self.tr("On track")

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.state_column + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == self.NAME:
            return self.tr("Name")
        if section == self.DEPARTMENT:
            return self.tr("Department")
        if self.FIRST_PATH <= section < self.overall_column:
            return self.path_names[section - self.FIRST_PATH]
        if section == self.overall_column:
            return self.tr("All paths")
        if section == self.state_column:
            return self.tr("Where they are")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        person = row.participant
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NAME:
                return person.display_name
            if column == self.DEPARTMENT:
                return person.department
            if self.FIRST_PATH <= column < self.overall_column:
                path = row.paths[column - self.FIRST_PATH]
                if path is None:
                    return self.tr("not on it")
                return modules_done_text(path.done, path.modules)
            if column == self.overall_column:
                return modules_done_text(person.modules_done, person.modules)
            if column == self.state_column:
                return self.state_text(row)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.FIRST_PATH <= column < self.overall_column:
                path = row.paths[column - self.FIRST_PATH]
                if path is not None and is_overdue(path, self.today):
                    return warning_colour()
            if column == self.state_column:
                if person.finished:
                    return state_colour("done", QGuiApplication.palette())
                if row.behind(self.today) is not None:
                    return warning_colour()
        if role == Qt.ItemDataRole.TextAlignmentRole and self.FIRST_PATH <= column <= (
            self.overall_column
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class PilotProgressTab(QWidget):
    def __init__(
        self, services: AppServices, bridge: ChangeBridge | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pilot_progress_tab")
        self.services = services
        self.pilot_id: int | None = None
        self.model = PilotProgressModel(self)
        self.summary = named(QLabel(self), "progress_summary")
        self.summary.setFont(scaled_font(self, 1.05, bold=True))
        self.summary.setWordWrap(True)
        self.table = named(QTableView(self), "pilot_progress_table")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Progress of the cohort"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.stack = QStackedWidget(self)
        self.empty = make_muted("", self.stack, "progress_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        main = QWidget(self.stack)
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addWidget(
            make_muted(
                self.tr(
                    "Progress is recorded under Learning paths → Progress: module by module, "
                    "for a whole workshop at once, or from your learning system's export."
                ),
                main,
            )
        )
        self.stack.addWidget(main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.refresher = RefreshWhenShown(self, bridge, REFRESH_TOPICS, self.reload)

    def set_pilot(self, pilot_id: int | None) -> None:
        self.pilot_id = pilot_id
        self.reload()

    def reload(self) -> None:
        self.refresher.done()
        today = date.today()
        if self.pilot_id is None:
            self._show_empty(self.tr("Choose a pilot to see its cohort's progress."))
            return
        try:
            details = self.services.pilots.pilot(self.pilot_id)
            participants = self.services.pilots.participants(self.pilot_id)
            by_path = [
                {p.person_id: p for p in self.services.path_progress.progress(path_id)}
                for path_id in details.path_ids
            ]
        except UserFacingError:
            self._show_empty("")  # deleted elsewhere; the page follows
            return
        if not details.path_ids:
            self._show_empty(
                self.tr(
                    "This pilot has no learning path yet. Edit the pilot to choose the paths "
                    "its cohort follows."
                )
            )
            return
        if not participants:
            self._show_empty(
                self.tr("No cohort yet: choose the participants first, on the Participants tab.")
            )
            return
        rows = [
            ParticipantProgress(row, tuple(path.get(row.person_id) for path in by_path))
            for row in participants
        ]
        self.model.set_rows(rows, details.path_names, today)
        self._size_columns()
        finished = sum(1 for row in rows if row.participant.finished)
        behind = sum(1 for row in rows if not row.participant.finished and row.behind(today))
        self.summary.setText(self.summary_text(finished, behind, len(rows)))
        self.stack.setCurrentIndex(1)

    def _size_columns(self) -> None:
        """Names and states wide; each path as wide as its name (within reason)."""
        metrics = self.table.fontMetrics()
        model = self.model
        self.table.setColumnWidth(model.NAME, 180)
        self.table.setColumnWidth(model.DEPARTMENT, 140)
        for n, name in enumerate(model.path_names):
            width = min(max(110, metrics.horizontalAdvance(name) + 28), 280)
            self.table.setColumnWidth(model.FIRST_PATH + n, width)
        self.table.setColumnWidth(model.overall_column, 110)
        self.table.setColumnHidden(model.overall_column, len(model.path_names) < 2)

    def summary_text(self, finished: int, behind: int, total: int) -> str:
        """ "9 of 12 have finished their path; 2 are behind." """
        done = (
            self.tr("{finished} of {total} has finished their path")
            if finished == 1
            else self.tr("{finished} of {total} have finished their path")
        ).format(finished=finished, total=total)
        if behind == 0:
            late = self.tr("nobody is behind")
        elif behind == 1:
            late = self.tr("1 is behind")
        else:
            late = self.tr("{behind} are behind").format(behind=behind)
        return self.tr("{done}; {late}.").format(done=done, late=late)

    def _show_empty(self, text: str) -> None:
        self.model.set_rows([], [], date.today())
        self.summary.clear()
        self.empty.setText(text)
        self.stack.setCurrentIndex(0)
