"""Which skills a module raises and to which level: a tick and a level (1–4) per skill of the
catalogue. The catalogue has about ten skills, so a small grid of widgets is enough."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QWidget

from app.skills.catalogue import ProficiencyLevel, SkillContent
from ui.paths.builder_labels import skill_level_text
from ui.people.naming import named

RAISED_LEVELS = (1, 2, 3, 4)


class SkillRaisesEditor(QWidget):
    """One row per skill: ticked when the module raises it, with the level it raises it to."""

    changed = Signal()

    def __init__(
        self,
        skills: Sequence[SkillContent],
        scale: Sequence[ProficiencyLevel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("skill_raises")
        names = {level.level: level.name for level in scale}
        meanings = {level.level: level.meaning for level in scale}
        self.ticks: dict[str, QCheckBox] = {}
        self.levels: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for row, skill in enumerate(skills):
            tick = named(QCheckBox(skill.name, self), f"raises_{skill.key}")
            tick.setToolTip(skill.description)
            level = named(QComboBox(self), f"raises_{skill.key}_level")
            level.setAccessibleName(self.tr("Level {skill} is raised to").format(skill=skill.name))
            for number in RAISED_LEVELS:
                level.addItem(skill_level_text(number, names), number)
                level.setItemData(
                    level.count() - 1, meanings.get(number, ""), Qt.ItemDataRole.ToolTipRole
                )
            level.setCurrentIndex(1)
            level.setEnabled(False)
            tick.toggled.connect(level.setEnabled)
            tick.toggled.connect(lambda _on: self.changed.emit())
            level.currentIndexChanged.connect(lambda _i: self.changed.emit())
            grid.addWidget(tick, row, 0)
            grid.addWidget(level, row, 1)
            self.ticks[skill.key] = tick
            self.levels[skill.key] = level
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(skills), 1)

    def values(self) -> dict[str, int]:
        """Skill key -> level, for the ticked skills."""
        return {
            key: int(self.levels[key].currentData())
            for key, tick in self.ticks.items()
            if tick.isChecked()
        }

    def set_values(self, raises: Mapping[str, int]) -> None:
        for key, tick in self.ticks.items():
            tick.setChecked(key in raises)
            if key in raises:
                self.levels[key].setCurrentIndex(max(0, self.levels[key].findData(raises[key])))

    def set_read_only(self, read_only: bool) -> None:
        for key, tick in self.ticks.items():
            tick.setEnabled(not read_only)
            self.levels[key].setEnabled(not read_only and tick.isChecked())
