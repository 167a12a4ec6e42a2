"""The top of the path editor: name, track, level and description of the path, and the roles
whose targets the path is measured against (chosen here, not saved with the path)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.paths.content import LEVELS
from app.services.organisation import RoleRow
from ui.look import make_muted
from ui.paths.builder_labels import TRACKS, level_label
from ui.people.labels import track_label
from ui.people.naming import named

_ROLE_ID = int(Qt.ItemDataRole.UserRole) + 1
_ROLE_NAME = int(Qt.ItemDataRole.UserRole) + 2


class PathFields(QWidget):
    """Name, track, level, description and target roles, with room for a message per field."""

    edited = Signal()
    """A field that is saved with the path changed."""
    targets_changed = Signal()
    """The track or the ticked roles changed: coverage must be measured again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("path_fields")
        self.name = named(QLineEdit(self), "path_name")
        self.name.setPlaceholderText(self.tr("For example: Everyday AI for the sales team"))
        self.name.setAccessibleName(self.tr("Path name"))
        self.name.textEdited.connect(self._name_edited)
        self.track = named(QComboBox(self), "path_track")
        self.track.setAccessibleName(self.tr("Track"))
        for track in TRACKS:
            self.track.addItem(track_label(track), track.value)
        self.track.currentIndexChanged.connect(self._track_changed)
        self.level = named(QComboBox(self), "path_level")
        self.level.setAccessibleName(self.tr("Level"))
        for level in LEVELS:
            self.level.addItem(level_label(level), level)
        self.level.currentIndexChanged.connect(lambda _i: self.edited.emit())
        self.description = named(QPlainTextEdit(self), "path_description")
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("Who the path is for and what it leads to"))
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.description.textChanged.connect(self.edited.emit)
        self.roles = named(QListWidget(self), "target_roles")
        self.roles.setAccessibleName(self.tr("Target roles"))
        self.roles.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.roles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.roles.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.roles.itemChanged.connect(lambda _item: self.targets_changed.emit())
        self._roles: list[RoleRow] = []
        self.name_error = named(QLabel(self), "name_error")
        self.name_error.setWordWrap(True)
        self.name_error.setStyleSheet("color: #c62828;")
        self.name_error.hide()
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(0, 0, 0, 0)
        name_holder = QWidget(self)
        name_column = QVBoxLayout(name_holder)
        name_column.setContentsMargins(0, 0, 0, 0)
        name_column.setSpacing(2)
        name_column.addWidget(self.name)
        name_column.addWidget(self.name_error)
        for text, widget in (
            (self.tr("&Name:"), name_holder),
            (self.tr("&Track:"), self.track),
            (self.tr("&Level:"), self.level),
        ):
            label = QLabel(text, self)
            label.setBuddy(self.name if widget is name_holder else widget)
            form.addRow(label, widget)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addLayout(form, 0, 0, 2, 1)
        description_label = QLabel(self.tr("&Description:"), self)
        description_label.setBuddy(self.description)
        grid.addWidget(description_label, 0, 1)
        grid.addWidget(self.description, 1, 1)
        roles_label = QLabel(self.tr("Target &roles:"), self)
        roles_label.setBuddy(self.roles)
        grid.addWidget(roles_label, 0, 2)
        grid.addWidget(self.roles, 1, 2)
        grid.addWidget(make_muted(self.tr("Tick none to use the track's targets."), self), 2, 2)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 3)

    # Values -------------------------------------------------------------------------------
    def set_values(self, name: str, track: str, level: str, description: str) -> None:
        """Show a path's saved values without announcing an edit."""
        for widget in (self.name, self.track, self.level, self.description):
            widget.blockSignals(True)
        self.name.setText(name)
        self.track.setCurrentIndex(max(0, self.track.findData(track)))
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
        self.description.setPlainText(description)
        for widget in (self.name, self.track, self.level, self.description):
            widget.blockSignals(False)
        self._fill_roles()
        self.clear_errors()
        self.targets_changed.emit()

    def values(self) -> tuple[str, str, str, str]:
        """Name, track, level and description as typed."""
        return (
            self.name.text(),
            str(self.track.currentData()),
            str(self.level.currentData()),
            self.description.toPlainText(),
        )

    def set_roles(self, roles: Sequence[RoleRow]) -> None:
        """Offer the organisation's roles (keeping the ticks of those still there)."""
        self._roles = list(roles)
        self._fill_roles()
        self.targets_changed.emit()

    def _fill_roles(self) -> None:
        """The roles, those on the path's track first, each ticked as it was."""
        ticked = set(self.ticked_roles())
        track = self.track.currentData()
        self.roles.blockSignals(True)
        self.roles.clear()
        ordered = sorted(self._roles, key=lambda r: (r.track.value != track, r.name.casefold()))
        for role in ordered:
            item = QListWidgetItem(
                self.tr("{role} ({track})").format(role=role.name, track=track_label(role.track)),
                self.roles,
            )
            item.setData(_ROLE_ID, role.id)
            item.setData(_ROLE_NAME, role.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if role.id in ticked else Qt.CheckState.Unchecked
            )
        if not self._roles:
            item = QListWidgetItem(self.tr("No roles yet (add them on the People page)"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.roles.addItem(item)
        self.roles.blockSignals(False)

    def ticked_roles(self) -> list[int]:
        ids = []
        for row in range(self.roles.count()):
            item = self.roles.item(row)
            value = item.data(_ROLE_ID)
            if value is not None and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(value))
        return ids

    def ticked_role_names(self) -> list[str]:
        names = []
        for row in range(self.roles.count()):
            item = self.roles.item(row)
            if item.data(_ROLE_ID) is not None and item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(_ROLE_NAME)))
        return names

    def set_read_only(self, read_only: bool) -> None:
        self.name.setReadOnly(read_only)
        self.description.setReadOnly(read_only)
        self.track.setEnabled(not read_only)
        self.level.setEnabled(not read_only)

    # Messages -----------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """A rule the name breaks, shown under it."""
        self.name_error.setText(message)
        self.name_error.show()
        self.name.setFocus()

    def clear_errors(self) -> None:
        self.name_error.clear()
        self.name_error.hide()

    def _name_edited(self, _text: str) -> None:
        self.clear_errors()
        self.edited.emit()

    def _track_changed(self, _index: int) -> None:
        self._fill_roles()
        self.edited.emit()
        self.targets_changed.emit()
