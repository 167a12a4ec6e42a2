"""The "Role targets" tab: the level each role should reach in each skill, saved as it changes.

A role follows its track's targets (from the skills catalogue) until the user sets its own
for a skill; "Reset to track" takes a skill (or all) back. Gaps everywhere are measured
against these targets, so the heatmap moves as soon as a target does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.services.organisation import track_label
from app.skills.catalogue import SkillCatalogue
from app.skills.service import RoleTargets
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.people.naming import named


class TargetsEditor(QWidget):
    """Pick a role, then set its target per skill; every change is saved at once."""

    SKILL, TRACK, TARGET, SOURCE, RESET = range(5)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targets_editor")
        self.services = services
        self.catalogue: SkillCatalogue = services.skills.catalogue()
        self.targets: RoleTargets | None = None
        self._combos: dict[str, QComboBox] = {}
        self._sources: dict[str, QLabel] = {}
        self._track_labels: dict[str, QLabel] = {}
        self._resets: dict[str, QPushButton] = {}

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 12, 0, 0)
        column.setSpacing(8)
        column.addWidget(make_heading(self.tr("Target levels per role"), self, 1.15))
        column.addWidget(
            make_muted(
                self.tr(
                    "Gaps are measured against the level each role should reach. A role "
                    "follows the targets of its learning track until you set its own; changes "
                    "are saved at once and the heatmap follows."
                ),
                self,
            )
        )
        picker = QHBoxLayout()
        role_label = QLabel(self.tr("&Role:"), self)
        self.role_combo = named(QComboBox(self), "target_role")
        self.role_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        role_label.setBuddy(self.role_combo)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.reset_all_button = named(
            QPushButton(self.tr("Reset all to the trac&k"), self), "reset_all_targets"
        )
        self.reset_all_button.clicked.connect(self.reset_all)
        picker.addWidget(role_label)
        picker.addWidget(self.role_combo)
        picker.addStretch(1)
        picker.addWidget(self.reset_all_button)
        column.addLayout(picker)
        self.no_roles = make_muted(
            self.tr("There are no roles yet. Roles come with the people you import or add."),
            self,
            "no_roles",
        )
        column.addWidget(self.no_roles)
        column.addWidget(self._build_grid(), 1)
        self.refresh()

    def _build_grid(self) -> QScrollArea:
        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        bold = QFont(self.font())
        bold.setBold(True)
        for column, text in (
            (self.SKILL, self.tr("Skill")),
            (self.TRACK, self.tr("Track's target")),
            (self.TARGET, self.tr("Target for this role")),
            (self.SOURCE, self.tr("Set by")),
        ):
            header = QLabel(text, content)
            header.setFont(bold)
            grid.addWidget(header, 0, column)
        levels = self.catalogue.scale
        for row, skill in enumerate(self.catalogue.skills, start=1):
            name = QLabel(skill.name, content)
            name.setToolTip(skill.description)
            grid.addWidget(name, row, self.SKILL)
            track = QLabel(content)
            self._track_labels[skill.key] = track
            grid.addWidget(track, row, self.TRACK)
            combo = named(QComboBox(content), f"target_{skill.key}")
            for level in levels:
                combo.addItem(f"{level.level} · {level.name}", level.level)
                combo.setItemData(combo.count() - 1, level.meaning, Qt.ItemDataRole.ToolTipRole)
            combo.setAccessibleName(self.tr("Target for {skill}").format(skill=skill.name))
            name.setBuddy(combo)
            combo.currentIndexChanged.connect(lambda _i, key=skill.key: self._target_changed(key))
            self._combos[skill.key] = combo
            grid.addWidget(combo, row, self.TARGET)
            source = QLabel(content)
            self._sources[skill.key] = source
            grid.addWidget(source, row, self.SOURCE)
            reset = named(QPushButton(self.tr("Reset to track"), content), f"reset_{skill.key}")
            reset.setAccessibleName(self.tr("Reset {skill} to the track").format(skill=skill.name))
            reset.clicked.connect(lambda _c=False, key=skill.key: self.reset(key))
            self._resets[skill.key] = reset
            grid.addWidget(reset, row, self.RESET)
        grid.setColumnStretch(self.RESET + 1, 1)
        grid.setRowStretch(len(self.catalogue.skills) + 1, 1)
        self.grid_widget = content
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        return scroll

    # Reading ----------------------------------------------------------------------------
    def level_combo(self, skill_key: str) -> QComboBox:
        return self._combos[skill_key]

    def reset_button(self, skill_key: str) -> QPushButton:
        return self._resets[skill_key]

    def source_text(self, skill_key: str) -> str:
        return self._sources[skill_key].text()

    def role_id(self) -> int | None:
        value = self.role_combo.currentData()
        return int(value) if value is not None else None

    def select_role(self, role_id: int) -> None:
        index = self.role_combo.findData(role_id)
        if index >= 0:
            self.role_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-read the roles and the chosen role's targets, keeping the choice and the focus."""
        keep = self.role_id()
        roles = self.services.organisation.roles()
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        for role in roles:
            text = self.tr("{role} ({track} track, {count} people)").format(
                role=role.name, track=track_label(role.track), count=role.active_people
            )
            self.role_combo.addItem(text, role.id)
        index = self.role_combo.findData(keep) if keep is not None else -1
        self.role_combo.setCurrentIndex(max(index, 0) if roles else -1)
        self.role_combo.blockSignals(False)
        self.no_roles.setVisible(not roles)
        self.grid_widget.setEnabled(bool(roles))
        self.reset_all_button.setEnabled(bool(roles))
        self._show_targets()

    def _role_changed(self, _index: int) -> None:
        self._show_targets()

    def _show_targets(self) -> None:
        role_id = self.role_id()
        self.targets = self.services.skills.role_targets(role_id) if role_id is not None else None
        levels = {level.level: level.name for level in self.catalogue.scale}
        for skill in self.catalogue.skills:
            combo = self._combos[skill.key]
            track = self.targets.track if self.targets else "custom"
            track_target = self.catalogue.target(track, skill.key)
            self._track_labels[skill.key].setText(f"{track_target} · {levels[track_target]}")
            target = self.targets.targets[skill.key] if self.targets else track_target
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(target))
            combo.blockSignals(False)
            own = self.targets is not None and skill.key in self.targets.own
            source = self._sources[skill.key]
            source.setText(self.tr("This role") if own else self.tr("The track"))
            font = QFont(source.font())
            font.setBold(own)
            source.setFont(font)
            self._resets[skill.key].setEnabled(own)
        self.reset_all_button.setEnabled(bool(self.targets and self.targets.own))

    # Saving -----------------------------------------------------------------------------
    def _target_changed(self, skill_key: str) -> None:
        role_id = self.role_id()
        level = self._combos[skill_key].currentData()
        if role_id is None or level is None:
            return
        try:
            self.services.skills.set_role_target(role_id, skill_key, int(level))
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Set a target"))
        self._show_targets()

    def reset(self, skill_key: str) -> None:
        role_id = self.role_id()
        if role_id is None:
            return
        self.services.skills.reset_role_targets(role_id, [skill_key])
        self._show_targets()
        self._combos[skill_key].setFocus(Qt.FocusReason.OtherFocusReason)

    def reset_all(self) -> None:
        role_id = self.role_id()
        if role_id is None:
            return
        self.services.skills.reset_role_targets(role_id, None)
        self._show_targets()
