"""The cohort as a Qt table: who, where, their enthusiasm and influence with where each figure
comes from, why they were chosen, when they were enrolled and how far along their path is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.pilots.cohort import Candidate
from app.pilots.records import ParticipantRow
from ui.list_table_model import ListTableModel, ModelIndex
from ui.paths.progress_labels import day_text
from ui.pilots.labels import enthusiasm_text, influence_text, modules_done_text

PARTICIPANT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Every cell: the participant's own id (not the person's)."""


def _same(now: float | None, stored: float) -> bool:
    return now is not None and abs(now - stored) < 1e-9


class ParticipantsModel(ListTableModel[ParticipantRow]):
    NAME, DEPARTMENT, ROLE, ENTHUSIASM, INFLUENCE, REASON, ENROLLED, PROGRESS = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._candidates: dict[int, Candidate] = {}
        self.headers = [
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Role"),
            self.tr("Enthusiasm"),
            self.tr("Influence"),
            self.tr("Why chosen"),
            self.tr("Enrolled on"),
            self.tr("Path progress"),
        ]

    def set_participants(
        self, rows: Sequence[ParticipantRow], candidates: Mapping[int, Candidate]
    ) -> None:
        """The participants, and today's candidates by person id (for where figures come from)."""
        self._candidates = dict(candidates)
        self.set_rows(rows)

    def row_at(self, row: int) -> ParticipantRow:
        return self.rows[row]

    def enthusiasm(self, row: ParticipantRow) -> str:
        """The figure the person was chosen on, with today's source if it is still the same."""
        if row.enthusiasm is None:
            return enthusiasm_text(None, None)
        now = self._candidates.get(row.person_id)
        if now is not None and _same(now.enthusiasm, row.enthusiasm):
            return enthusiasm_text(row.enthusiasm, now.enthusiasm_source)
        return enthusiasm_text(row.enthusiasm, "chosen")

    def influence(self, row: ParticipantRow) -> str:
        if row.influence is None:
            return influence_text(None, None)
        now = self._candidates.get(row.person_id)
        if now is not None and _same(now.influence, row.influence):
            return influence_text(row.influence, now.influence_source, now.reports)
        return influence_text(row.influence, "chosen")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.NAME:
                return row.display_name
            if column == self.DEPARTMENT:
                return row.department
            if column == self.ROLE:
                return row.role or ""
            if column == self.ENTHUSIASM:
                return self.enthusiasm(row)
            if column == self.INFLUENCE:
                return self.influence(row)
            if column == self.REASON:
                return row.reason
            if column == self.ENROLLED:
                return day_text(row.enrolled_on) if row.enrolled_on else ""
            if column == self.PROGRESS:
                text = modules_done_text(row.modules_done, row.modules)
                return self.tr("{done}, finished").format(done=text) if row.finished else text
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return row.reason
        if role == PARTICIPANT_ID_ROLE:
            return row.id
        return None
