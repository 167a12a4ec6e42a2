"""The "Chosen people" list of the assign dialog: every active person with a tick box, their
department and role beside the name, filtered by a search."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from app.services.people import PersonRow

_Index = QModelIndex | QPersistentModelIndex

PERSON_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _checked(value: object) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value == Qt.CheckState.Checked.value


class PeopleChecklistModel(QAbstractListModel):
    """One row per active person: "Name — Department · Role", tickable."""

    ticked_changed = Signal()

    def __init__(self, rows: list[PersonRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self._ticked: set[int] = set()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            where = " · ".join(part for part in (row.department, row.role) if part)
            return f"{row.display_name} — {where}" if where else row.display_name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if row.id in self._ticked else Qt.CheckState.Unchecked
        if role == PERSON_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.display_name
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        person = self.rows[index.row()].id
        if _checked(value):
            self._ticked.add(person)
        else:
            self._ticked.discard(person)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit()
        return True

    def ticked_ids(self) -> list[int]:
        """The people ticked, in the list's order (by name)."""
        return [row.id for row in self.rows if row.id in self._ticked]

    def set_ticked(self, person_ids: set[int]) -> None:
        self._ticked = {row.id for row in self.rows if row.id in person_ids}
        if self.rows:
            self.dataChanged.emit(
                self.index(0), self.index(len(self.rows) - 1), [Qt.ItemDataRole.CheckStateRole]
            )
        self.ticked_changed.emit()


class PeopleSearch(QSortFilterProxyModel):
    """Shows the people whose name, department or role contains the text searched for."""

    def __init__(self, source: PeopleChecklistModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def search(self, text: str) -> None:
        self.setFilterFixedString(text.strip())
