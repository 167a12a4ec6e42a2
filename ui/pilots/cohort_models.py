"""Qt table models for choosing a cohort: the people picked with why, the coverage of each
department, and the candidates to choose from (optionally tickable).

They only show what ``app.pilots.cohort`` worked out; no figure is computed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication

from app.pilots.cohort import Candidate, DepartmentCoverage, Pick
from ui.list_table_model import ListTableModel, ModelIndex
from ui.look import is_dark
from ui.paths.progress_labels import number_text
from ui.pilots.labels import enthusiasm_text, influence_text, share_text

PERSON_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""Every cell of a person's row: their id."""
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The value a column sorts by (numbers as numbers)."""
FLAG_ROLE = int(Qt.ItemDataRole.UserRole) + 3
"""A coverage row's flag: "missing", "over_limit" or ""."""


def warning_colour() -> QColor:
    """Red for a department missing or over its limit, readable on light and dark palettes."""
    return QColor("#ef9a9a" if is_dark(QGuiApplication.palette()) else "#c62828")


def enthusiasm_of(candidate: Candidate) -> str:
    return enthusiasm_text(candidate.enthusiasm, candidate.enthusiasm_source)


def influence_of(candidate: Candidate) -> str:
    return influence_text(candidate.influence, candidate.influence_source, candidate.reports)


class PickTableModel(ListTableModel[Pick]):
    """The people picked, in the order they were chosen, with the reason in words."""

    NAME, DEPARTMENT, ENTHUSIASM, INFLUENCE, REASON = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Enthusiasm"),
            self.tr("Influence"),
            self.tr("Why chosen"),
        ]

    def row_of(self, person_id: int) -> int:
        return next((n for n, p in enumerate(self.rows) if p.candidate.person_id == person_id), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pick = self.row_for(index)
        if pick is None:
            return None
        person = pick.candidate
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            texts = {
                self.NAME: person.display_name,
                self.DEPARTMENT: person.department,
                self.ENTHUSIASM: enthusiasm_of(person),
                self.INFLUENCE: influence_of(person),
                self.REASON: pick.reason,
            }
            return texts.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return pick.reason
        if role == PERSON_ID_ROLE:
            return person.person_id
        return None


class CoverageTableModel(ListTableModel[DepartmentCoverage]):
    """One row per department: candidates, picked, share of the cohort, limit, and a flag."""

    DEPARTMENT, CANDIDATES, PICKED, SHARE, LIMIT, STATE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("Department"),
            self.tr("Candidates"),
            self.tr("Picked"),
            self.tr("Share"),
            self.tr("Limit"),
            self.tr("Representation"),
        ]

    def row_of(self, department: str) -> int:
        return next((n for n, r in enumerate(self.rows) if r.department == department), -1)

    def state_text(self, row: DepartmentCoverage) -> str:
        if row.missing:
            return self.tr("Missing: nobody picked")
        if row.over_limit:
            return self.tr("Over the limit by {n}").format(n=row.picked - row.limit)
        if row.candidates == 0:
            return self.tr("No candidates")
        if row.picked == 0:
            return self.tr("Not in scope")
        return self.tr("Represented")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        flagged = row.missing or row.over_limit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            texts = {
                self.DEPARTMENT: row.department,
                self.CANDIDATES: number_text(row.candidates),
                self.PICKED: number_text(row.picked),
                self.SHARE: share_text(row.share),
                self.LIMIT: number_text(row.limit),
                self.STATE: self.state_text(row),
            }
            return texts.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.CANDIDATES,
            self.PICKED,
            self.SHARE,
            self.LIMIT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and flagged
            and column
            in (
                self.PICKED,
                self.STATE,
            )
        ):
            return warning_colour()
        if role == Qt.ItemDataRole.FontRole and flagged and column == self.STATE:
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        if role == FLAG_ROLE:
            return "missing" if row.missing else "over_limit" if row.over_limit else ""
        return None


class CandidateTableModel(ListTableModel[Candidate]):
    """Candidates by score, highest first: name, department, role, enthusiasm, influence.

    With ``checkable`` the name column carries a tick box (for adding several people).
    """

    NAME, DEPARTMENT, ROLE, ENTHUSIASM, INFLUENCE, SCORE = range(6)
    ticked_changed = Signal()

    def __init__(self, checkable: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checkable = checkable
        self.ticked: set[int] = set()
        self.headers = [
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Role"),
            self.tr("Enthusiasm"),
            self.tr("Influence"),
            self.tr("Score"),
        ]

    def set_candidates(self, candidates: Iterable[Candidate]) -> None:
        """The candidates, highest score first; ticks of people no longer listed go."""
        ranked = sorted(
            candidates, key=lambda c: (-c.score, c.display_name.casefold(), c.person_id)
        )
        self.ticked &= {c.person_id for c in ranked}
        self.set_rows(ranked)

    def candidate_at(self, row: int) -> Candidate:
        return self.rows[row]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and index.column() == self.NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self.row_for(index)
        if person is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            texts = {
                self.NAME: person.display_name,
                self.DEPARTMENT: person.department,
                self.ROLE: person.role or "",
                self.ENTHUSIASM: enthusiasm_of(person),
                self.INFLUENCE: influence_of(person),
                self.SCORE: number_text(person.score),
            }
            return texts.get(column)
        if role == SORT_ROLE:
            sort_keys: dict[int, Any] = {
                self.NAME: person.display_name.casefold(),
                self.DEPARTMENT: person.department.casefold(),
                self.ROLE: (person.role or "").casefold(),
                self.ENTHUSIASM: person.enthusiasm if person.enthusiasm is not None else 0.0,
                self.INFLUENCE: person.influence if person.influence is not None else 0.0,
                self.SCORE: person.score,
            }
            return sort_keys.get(column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and column == self.NAME:
            ticked = person.person_id in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == PERSON_ID_ROLE:
            return person.person_id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (
            self.checkable
            and index.isValid()
            and index.column() == self.NAME
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            return False
        person_id = self.rows[index.row()].person_id
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if checked:
            self.ticked.add(person_id)
        else:
            self.ticked.discard(person_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True


class CandidateFilter(QSortFilterProxyModel):
    """Candidates whose name, department or role contains every word typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, CandidateTableModel)
        person = model.candidate_at(source_row)
        haystack = " ".join((person.display_name, person.department, person.role or "")).casefold()
        return all(word in haystack for word in self._words)
