"""The assign dialog's preview: for each person chosen, how much of the path they would take
and why they skip what they skip, before anything is saved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette

from app.paths.service import ModuleRow
from app.paths.suggestions import PersonSuggestion
from app.services.people import PersonRow
from ui.paths.progress_labels import hours_text

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PreviewRow:
    person_id: int
    name: str
    department: str
    kept: int
    total: int
    hours: float
    reasons: tuple[str, ...]
    """The sentences of the modules skipped, in path order."""
    already: bool
    """Follows the path already: not assigned again."""
    suggestion: PersonSuggestion | None
    """None when the path is assigned whole (not trimmed)."""


def preview_rows(
    person_ids: Sequence[int],
    people: Mapping[int, PersonRow],
    path_modules: Sequence[ModuleRow],
    suggestions: Mapping[int, PersonSuggestion] | None,
    following: set[int],
) -> list[PreviewRow]:
    """The preview's rows in the order chosen; ``suggestions`` None means the whole path."""
    whole = sum(m.hours for m in path_modules)
    rows = []
    for person in person_ids:
        row = people.get(person)
        if row is None:
            continue
        suggestion = suggestions.get(person) if suggestions is not None else None
        if suggestion is not None:
            kept, hours = len(suggestion.kept), suggestion.hours
            reasons = tuple(s.reason for s in suggestion.skipped)
        else:
            kept, hours, reasons = len(path_modules), whole, ()
        rows.append(
            PreviewRow(
                person_id=person,
                name=row.display_name,
                department=row.department or "",
                kept=kept,
                total=len(path_modules),
                hours=hours,
                reasons=reasons,
                already=person in following,
                suggestion=suggestion,
            )
        )
    return rows


class AssignPreviewModel(QAbstractTableModel):
    """Person, department, modules kept of the path's, hours, and why modules are skipped."""

    PERSON, DEPARTMENT, MODULES, HOURS, WHY = range(5)
    COLUMN_COUNT = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []
        self._headers = [
            self.tr("Person"),
            self.tr("Department"),
            self.tr("Modules"),
            self.tr("Hours"),
            self.tr("Why modules are skipped"),
        ]

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.MODULES:
            return self.tr("The modules this person would take, of all the path's modules.")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHY:
            return "\n".join(row.reasons) if row.reasons else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.MODULES, self.HOURS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.already:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def _text(self, row: PreviewRow, column: int) -> str:
        if column == self.PERSON:
            return row.name
        if column == self.DEPARTMENT:
            return row.department
        if column == self.MODULES:
            return self.tr("{kept} of {total}").format(kept=row.kept, total=row.total)
        if column == self.HOURS:
            return hours_text(row.hours)
        if row.already:
            return self.tr("Already follows this path: not assigned again.")
        if row.reasons:
            return " ".join(row.reasons)
        if row.suggestion is not None and row.suggestion.survey_name is None:
            return self.tr("Not rated in a skills survey yet: takes the whole path.")
        return ""

    def trimmed_count(self) -> int:
        """People new to the path who would skip at least one module."""
        return sum(1 for row in self.rows if row.reasons and not row.already)
