"""How far the path takes each target skill, as a small Qt table model for the summary."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication

from app.paths.planning import SkillCoverage
from ui.look import is_dark, state_colour
from ui.paths.builder_labels import skill_level_text

ModelIndex = QModelIndex | QPersistentModelIndex


def shortfall_colour() -> QColor:
    """The colour of a skill the path leaves short, readable on light and dark palettes."""
    return QColor("#ef9a9a" if is_dark(QGuiApplication.palette()) else "#c62828")


class CoverageModel(QAbstractTableModel):
    """One row per target skill: the target, the level the path reaches, covered or short."""

    SKILL = 0
    TARGET = 1
    REACHED = 2
    STATE = 3
    COLUMN_COUNT = 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[SkillCoverage] = []
        self._skill_names: dict[str, str] = {}
        self._level_names: dict[int, str] = {}

    def set_coverage(
        self,
        lines: Sequence[SkillCoverage],
        skill_names: Mapping[str, str],
        level_names: Mapping[int, str],
    ) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._skill_names = dict(skill_names)
        self._level_names = dict(level_names)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.SKILL: self.tr("Skill"),
            self.TARGET: self.tr("Target"),
            self.REACHED: self.tr("Reaches"),
            self.STATE: "",
        }.get(section)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.STATE:
            return self.tr("covered") if line.covered else self.tr("short of the target")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.SKILL:
                return self._skill_names.get(line.skill, line.skill)
            if column == self.TARGET:
                return str(line.target)
            if column == self.REACHED:
                return str(line.reached)
            if column == self.STATE:
                return "✓" if line.covered else self.tr("✗ short")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TARGET, self.REACHED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            if line.covered:
                return state_colour("done", QGuiApplication.palette())
            return shortfall_colour()
        if role == Qt.ItemDataRole.ToolTipRole:
            skill = self._skill_names.get(line.skill, line.skill)
            levels = self.tr("Target {target}; the path reaches {reached}.").format(
                target=skill_level_text(line.target, self._level_names),
                reached=skill_level_text(line.reached, self._level_names),
            )
            if line.covered:
                return self.tr("The path takes {skill} to its target.").format(skill=skill) + (
                    " " + levels
                )
            return self.tr("The path leaves {skill} short of its target.").format(skill=skill) + (
                " " + levels
            )
        return None
