"""The progress grid: one row per person on a path, one column per module of the path.

The first columns say who (name, department), how far (done of their modules, a bar) and by
when; each module column holds the person's status in it. Filtering by department and name
happens here, over the rows the service gave, so the grid never asks twice for one path.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication

from app.paths.progress import PersonProgress
from app.paths.service import ModuleRow
from ui.look import is_dark
from ui.paths.progress_labels import (
    day_text,
    format_label,
    hours_text,
    number_text,
    short_day_text,
    short_title,
    status_label,
)

_Index = QModelIndex | QPersistentModelIndex

STATUS_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""A module cell's status key: not_started, in_progress, completed or skipped."""
SHARE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""The progress column's share of the person's modules done, 0.0–1.0."""
PERSON_ROLE = int(Qt.ItemDataRole.UserRole) + 3
"""Every cell: the person's id."""


def is_overdue(row: PersonProgress, today: date) -> bool:
    """Past the due date with modules still to do."""
    return row.due_on is not None and row.due_on < today and row.done < row.modules


def status_background(status: str) -> QColor | None:
    """A light tint behind a module cell; the glyph carries the meaning, the tint helps."""
    dark = is_dark(QGuiApplication.palette())
    tints = {
        "completed": "#1f3d22" if dark else "#e3f1e4",
        "in_progress": "#4a3a12" if dark else "#fff1d6",
        "skipped": "#333333" if dark else "#f0f0f0",
    }
    colour = tints.get(status)
    return QColor(colour) if colour else None


class ProgressModel(QAbstractTableModel):
    """Person × module statuses of one path, filtered by department and name."""

    NAME, DEPARTMENT, DONE, DUE, PROGRESS = range(5)
    FIRST_MODULE = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.modules: list[ModuleRow] = []
        self.all_rows: list[PersonProgress] = []
        self.rows: list[PersonProgress] = []
        self.today = date.today()
        self._department: str | None = None
        self._search = ""
        self._headers = [
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Done"),
            self.tr("Due"),
            self.tr("Progress"),
        ]

    # Filling -------------------------------------------------------------------------------
    def set_progress(self, modules: Sequence[ModuleRow], rows: Sequence[PersonProgress]) -> None:
        """A path's modules in order and everyone's progress on it."""
        self.beginResetModel()
        self.modules = list(modules)
        self.all_rows = list(rows)
        self.today = date.today()
        self.rows = self._filtered()
        self.endResetModel()

    def set_filter(self, department: str | None, search: str) -> None:
        """Only people of ``department`` (None: all) whose name contains ``search``."""
        self.beginResetModel()
        self._department = department
        self._search = search.strip().casefold()
        self.rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[PersonProgress]:
        return [
            row
            for row in self.all_rows
            if (self._department is None or (row.department or "") == self._department)
            and (not self._search or self._search in row.display_name.casefold())
        ]

    # Reading -------------------------------------------------------------------------------
    def module_key(self, column: int) -> str | None:
        """The key of the module in ``column``; None for the person columns."""
        index = column - self.FIRST_MODULE
        return self.modules[index].key if 0 <= index < len(self.modules) else None

    def module_column(self, key: str) -> int:
        return self.FIRST_MODULE + [m.key for m in self.modules].index(key)

    def row_of(self, person_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.person_id == person_id), None)

    def departments(self) -> list[str]:
        """The departments of everyone on the path, by name."""
        return sorted({r.department or "" for r in self.all_rows}, key=str.casefold)

    def summary(self) -> tuple[int, float, int]:
        """(people shown, share of their modules done, how many are overdue)."""
        modules = sum(r.modules for r in self.rows)
        done = sum(r.done for r in self.rows)
        overdue = sum(1 for r in self.rows if is_overdue(r, self.today))
        return len(self.rows), (done / modules if modules else 0.0), overdue

    # Qt ------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_MODULE + len(self.modules)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section < self.FIRST_MODULE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.DONE:
                return self.tr(
                    "Modules done of the modules this person follows (skipped ones do not count)."
                )
            return None
        module = self.modules[section - self.FIRST_MODULE]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_title(module.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{title}\n{format}, {hours}").format(
                title=module.title,
                format=format_label(module.format),
                hours=hours_text(module.hours),
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return module.title
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == PERSON_ROLE:
            return row.person_id
        key = self.module_key(column)
        if key is not None:
            return self._module_data(row, key, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._person_text(row, column)
        if role == SHARE_ROLE and column == self.PROGRESS:
            return row.share_done
        overdue_date = column == self.DUE and is_overdue(row, self.today)
        if role == Qt.ItemDataRole.ForegroundRole and overdue_date:
            return QColor("#ef9a9a" if is_dark(QGuiApplication.palette()) else "#b71c1c")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.DONE, self.PROGRESS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _person_text(self, row: PersonProgress, column: int) -> str:
        if column == self.NAME:
            return row.display_name
        if column == self.DEPARTMENT:
            return row.department or ""
        if column == self.DONE:
            if not row.modules:
                return self.tr("none")
            return self.tr("{done} of {modules}").format(done=row.done, modules=row.modules)
        if column == self.DUE:
            if row.due_on is None:
                return ""
            if is_overdue(row, self.today):
                return self.tr("{date} · overdue").format(date=day_text(row.due_on))
            return day_text(row.due_on)
        if column == self.PROGRESS:
            return self.tr("{share} %").format(share=round(row.share_done * 100))
        return ""

    def _module_data(self, row: PersonProgress, key: str, role: int) -> object:
        status = row.statuses.get(key, "not_started")
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.DisplayRole:
            if status == "completed" and key in row.completed_on:
                return short_day_text(row.completed_on[key])
            if status == "skipped":
                return self.tr("skipped")
            return ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return status_label(status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key, status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return status_background(status)
        return None

    def _tooltip(self, row: PersonProgress, key: str, status: str) -> str:
        note = row.notes.get(key)
        if status == "completed":
            text = self.tr("Done")
            if key in row.completed_on:
                text = self.tr("Done on {date}").format(date=day_text(row.completed_on[key]))
            if key in row.scores:
                text = self.tr("{done}, score {score} %").format(
                    done=text, score=number_text(row.scores[key])
                )
        elif status == "skipped":
            text = self.tr("Skipped: not needed")
            if note:
                return self.tr("Skipped. {reason}").format(reason=note)
        else:
            text = status_label(status)
        return f"{text}\n{note}" if note else text
