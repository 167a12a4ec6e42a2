"""The people asked in a survey, grouped under their department, each with how far entry got.

Department rows are headings (not selectable); person rows carry the person's id and a
marker that differs in shape as well as colour: empty ring, half disc, tick.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPixmap

from app.skills.service import Participant
from ui.look import state_pixmap

PERSON_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
MARKER_SIZE = 14

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Row:
    heading: str | None
    person: Participant | None


def entry_state(participant: Participant) -> str:
    """ "done" when every skill has the person's own rating, "in_progress" when some do."""
    if participant.rated_skills <= 0:
        return "not_started"
    return "done" if participant.complete else "in_progress"


class ParticipantListModel(QAbstractListModel):
    """Department headings and the people under them, in the service's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._row_of: dict[int, int] = {}
        self._markers: dict[tuple[str, int, float], QPixmap] = {}

    # Filling -------------------------------------------------------------------------
    def set_participants(self, participants: list[Participant]) -> None:
        self.beginResetModel()
        self._rows = []
        self._row_of = {}
        department: str | None = None
        for index, participant in enumerate(participants):
            heading = participant.department or self.tr("No department")
            if index == 0 or heading != department:
                self._rows.append(_Row(heading, None))
                department = heading
            self._row_of[participant.person_id] = len(self._rows)
            self._rows.append(_Row(None, participant))
        self.endResetModel()

    def set_rated(self, person_id: int, rated_skills: int) -> None:
        """Update one person's marker from what the form just saved."""
        row = self._row_of.get(person_id)
        if row is None:
            return
        person = self._rows[row].person
        assert person is not None
        if person.rated_skills == rated_skills:
            return
        self._rows[row] = _Row(None, replace(person, rated_skills=rated_skills))
        changed = self.index(row, 0)
        self.dataChanged.emit(changed, changed)

    # Reading -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].person is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        person = row.person
        if person is None:
            return self._heading_data(row.heading or "", role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return person.display_name
        if role == PERSON_ID_ROLE:
            return person.person_id
        if role == STATE_ROLE:
            return entry_state(person)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._marker(entry_state(person))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "{name} ({role}): {rated} of {skills} skills rated by the person"
            ).format(
                name=person.display_name,
                role=person.role or self.tr("no role"),
                rated=person.rated_skills,
                skills=person.skills,
            )
        return None

    def _marker(self, state: str) -> QPixmap:
        palette = QGuiApplication.palette()
        ratio = QGuiApplication.primaryScreen().devicePixelRatio()
        key = (state, palette.cacheKey(), ratio)
        if key not in self._markers:
            self._markers[key] = state_pixmap(state, MARKER_SIZE, palette, ratio)
        return self._markers[key]

    def _heading_data(self, heading: str, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return heading
        if role == Qt.ItemDataRole.FontRole:
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QGuiApplication.palette().placeholderText()
        return None

    # Finding -------------------------------------------------------------------------
    def row_of(self, person_id: int) -> int | None:
        return self._row_of.get(person_id)

    def person_at(self, row: int) -> Participant | None:
        if 0 <= row < len(self._rows):
            return self._rows[row].person
        return None

    def people(self) -> list[Participant]:
        return [row.person for row in self._rows if row.person is not None]

    def step(self, row: int | None, step: int) -> int | None:
        """The row of the person ``step`` places after (or before) ``row``, skipping headings."""
        start = -1 if row is None and step > 0 else len(self._rows) if row is None else row
        position = start + step
        while 0 <= position < len(self._rows):
            if self._rows[position].person is not None:
                return position
            position += 1 if step > 0 else -1
        return None

    def find(self, text: str) -> int | None:
        """The first person whose name starts with ``text``, else the first that contains it."""
        wanted = text.strip().casefold()
        if not wanted:
            return None
        contains: int | None = None
        for position, row in enumerate(self._rows):
            if row.person is None:
                continue
            name = row.person.display_name.casefold()
            if name.startswith(wanted) or any(w.startswith(wanted) for w in name.split()):
                return position
            if contains is None and wanted in name:
                contains = position
        return contains
