"""Who took part, against the organisation: the cohort's coverage table by department, so
leadership can judge whether the pilot's people stand for everyone else."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from app.pilots.cohort import DepartmentCoverage
from ui.list_table_model import ListTableModel, ModelIndex
from ui.pilots.results_format import percent, whole


def tr(text: str) -> str:
    return QCoreApplication.translate("PilotCoverage", text)


class CoverageModel(ListTableModel[DepartmentCoverage]):
    """One row per department: people who could have joined, people in the pilot, their share."""

    DEPARTMENT = 0
    CANDIDATES = 1
    PICKED = 2
    SHARE = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("Department"),
            self.tr("People in the organisation"),
            self.tr("In the pilot"),
            self.tr("Share of the pilot"),
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_for(index)
        if row is None:
            return None
        column = index.column()
        absent = row.picked == 0
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            match column:
                case self.DEPARTMENT:
                    return row.department
                case self.CANDIDATES:
                    return whole(row.candidates)
                case self.PICKED:
                    return whole(row.picked)
                case self.SHARE:
                    return self.tr("not represented") if absent else percent(row.share)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.CANDIDATES, self.PICKED):
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
        if role == Qt.ItemDataRole.FontRole and absent and column == self.SHARE:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and absent:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CoverageTable(QTableView):
    """The coverage rows, as tall as they are (the results tab scrolls as a whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage_table")
        self.coverage_model = CoverageModel(self)
        self.setModel(self.coverage_model)
        self.setAccessibleName(self.tr("Departments in the pilot and in the organisation"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_rows(self, rows: Sequence[DepartmentCoverage]) -> None:
        self.coverage_model.set_rows(rows)
        self.resizeColumnsToContents()
        self.setMinimumWidth(self.horizontalHeader().length() + 2 * self.frameWidth() + 2)
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += self.verticalHeader().defaultSectionSize() * len(rows)
        self.setFixedHeight(height + 2)


def coverage_sentence(rows: Sequence[DepartmentCoverage], participants: int) -> str:
    """ "12 people from 3 of 5 departments; not represented: Legal, IT." in words."""
    if participants == 0:
        return tr("No one has joined the pilot yet.")
    present = [row for row in rows if row.picked]
    absent = [row.department for row in rows if not row.picked and row.candidates]
    people = tr("1 person") if participants == 1 else tr("{n} people").format(n=whole(participants))
    if len(rows) == 1:
        text = tr("{people} from the organisation's one department").format(people=people)
    else:
        text = tr("{people} from {present} of {total} departments").format(
            people=people, present=len(present), total=len(rows)
        )
    if absent:
        text += tr("; not represented: {names}").format(names=", ".join(absent))
    return text + "."
