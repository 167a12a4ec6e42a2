"""The People table as a Qt item model over paged queries, so 10,000 people stay fast.

Only the row count is asked for up front; rows are fetched in blocks of ``BLOCK_SIZE``
when the view first paints them, and a few recent blocks are kept in a small LRU cache.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from app.services.people import PeopleQuery, PeopleService, PeopleSort, PersonRow
from db.models import EmployeeStatus
from ui.people.glyphs import champion_icon
from ui.people.labels import status_label, track_label

ModelIndex = QModelIndex | QPersistentModelIndex

BLOCK_SIZE = 200
CACHED_BLOCKS = 12

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, PERSON_ID_ROLE)`` gives the person's id (any column)."""


class PeopleTableModel(QAbstractTableModel):
    """One row per person matching the current :class:`PeopleQuery`."""

    NAME = 0
    EMPLOYEE_NUMBER = 1
    EMAIL = 2
    DEPARTMENT = 3
    ROLE = 4
    TRACK = 5
    LOCATION = 6
    MANAGER = 7
    HIRE_DATE = 8
    STATUS = 9
    CHAMPION = 10
    """Shown second (the page moves it next to the name); not sortable: the service has no
    order for it."""
    COLUMN_COUNT = 11

    SORT_BY_COLUMN: ClassVar[dict[int, PeopleSort]] = {
        NAME: PeopleSort.NAME,
        EMPLOYEE_NUMBER: PeopleSort.EMPLOYEE_NUMBER,
        EMAIL: PeopleSort.EMAIL,
        DEPARTMENT: PeopleSort.DEPARTMENT,
        ROLE: PeopleSort.ROLE,
        TRACK: PeopleSort.TRACK,
        LOCATION: PeopleSort.LOCATION,
        MANAGER: PeopleSort.MANAGER,
        HIRE_DATE: PeopleSort.HIRE_DATE,
        STATUS: PeopleSort.STATUS,
    }

    query_changed = Signal()
    """Emitted after the rows were re-counted (new query, new order or a refresh)."""

    def __init__(self, people: PeopleService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people = people
        self._query = PeopleQuery(status=EmployeeStatus.ACTIVE)
        # Every matching id in display order, read when first needed; rows are then
        # fetched a block at a time by id.
        self._ids: list[int] = []
        self._count = 0
        self._loaded = False
        self._blocks: OrderedDict[int, list[PersonRow]] = OrderedDict()
        self._headers = [
            self.tr("Name"),
            self.tr("Employee number"),
            self.tr("E-mail"),
            self.tr("Department"),
            self.tr("Role"),
            self.tr("Track"),
            self.tr("Location"),
            self.tr("Manager"),
            self.tr("Hire date"),
            self.tr("Status"),
            self.tr("Champion"),
        ]
        self._champion_icon: QIcon | None = None

    # Query -------------------------------------------------------------------------------
    @property
    def query(self) -> PeopleQuery:
        return self._query

    def set_query(self, query: PeopleQuery) -> None:
        """Show the people matching ``query`` (search, filters and order)."""
        if query == self._query and self._loaded:
            return
        self.beginResetModel()
        self._query = query
        self._reload()
        self.endResetModel()
        self.query_changed.emit()

    def refresh(self) -> None:
        """Re-read after a change in the data file; keeps the view's place when the count holds."""
        new_ids = self._people.ordered_ids(self._query)
        self._loaded = True
        if new_ids == self._ids:
            self._blocks.clear()
            if self._count:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self._count - 1, self.COLUMN_COUNT - 1)
                )
        else:
            self.beginResetModel()
            self._blocks.clear()
            self._ids = new_ids
            self._count = len(new_ids)
            self.endResetModel()
        self.query_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = self.SORT_BY_COLUMN.get(column)
        if sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if sort == self._query.sort and descending == self._query.descending:
            return
        self.beginResetModel()
        self._query = replace(self._query, sort=sort, descending=descending)
        self._reload()
        self.endResetModel()
        self.query_changed.emit()

    def _reload(self) -> None:
        self._blocks.clear()
        self._ids = self._people.ordered_ids(self._query)
        self._count = len(self._ids)
        self._loaded = True

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self._reload()

    # Rows --------------------------------------------------------------------------------
    def person_at(self, row: int) -> PersonRow | None:
        """The person shown on ``row`` (fetching its block if needed)."""
        self._ensure_loaded()
        if not 0 <= row < self._count:
            return None
        block_number, offset = divmod(row, BLOCK_SIZE)
        block = self._blocks.get(block_number)
        if block is None:
            start = block_number * BLOCK_SIZE
            block = self._people.rows(self._ids[start : start + BLOCK_SIZE])
            self._blocks[block_number] = block
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_number)
        return block[offset] if offset < len(block) else None

    def person_id(self, row: int) -> int | None:
        person = self.person_at(row)
        return person.id if person else None

    # Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        self._ensure_loaded()
        return self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CHAMPION:
            return self.tr(
                "AI champions help the colleagues in their department. Right-click people "
                "to nominate them or to withdraw them."
            )
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.DecorationRole,
            PERSON_ID_ROLE,
        ):
            return None
        person = self.person_at(index.row())
        if person is None:
            return None
        if role == PERSON_ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.DecorationRole:
            if index.column() == self.CHAMPION and person.champion:
                if self._champion_icon is None:
                    self._champion_icon = champion_icon()
                return self._champion_icon
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if person.status is EmployeeStatus.INACTIVE:
                palette = QGuiApplication.palette()
                return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.CHAMPION and person.champion:
                return self.tr("{name} is an AI champion of their department.").format(
                    name=person.display_name
                )
            if person.status is EmployeeStatus.INACTIVE:
                return self.tr("{name} is inactive (kept for their history).").format(
                    name=person.display_name
                )
            return None
        return self._display(person, index.column())

    def _display(self, person: PersonRow, column: int) -> str:
        if column == self.NAME:
            return person.display_name
        if column == self.EMPLOYEE_NUMBER:
            return person.employee_number or ""
        if column == self.EMAIL:
            return person.email or ""
        if column == self.DEPARTMENT:
            return person.department or ""
        if column == self.ROLE:
            return person.role or ""
        if column == self.TRACK:
            return track_label(person.track)
        if column == self.LOCATION:
            return person.location or ""
        if column == self.MANAGER:
            return person.manager or ""
        if column == self.HIRE_DATE:
            if person.hire_date is None:
                return ""
            hired = QDate(person.hire_date.year, person.hire_date.month, person.hire_date.day)
            return QLocale().toString(hired, QLocale.FormatType.ShortFormat)
        if column == self.STATUS:
            return status_label(person.status)
        if column == self.CHAMPION:
            return self.tr("Champion") if person.champion else ""
        return ""
