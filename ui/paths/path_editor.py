"""The path editor: a path's name, track and level on top; the module library on the left,
the three stages in the middle, and on the right what the path adds up to and what is wrong
with its order, all live while modules are dragged in and around.

A path is saved only in an order people can follow: a prerequisite cycle disables Save, any
other order problem is refused with the way to fix it. Saving a path people follow asks
whether they move to the new version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.paths.content import STAGES
from app.paths.service import PathDetails, PathLayout, StageLayout
from db.models import Track
from ui.look import make_heading, make_muted
from ui.messages import show_error, show_message
from ui.paths.builder_labels import level_label, path_track_label, stage_label
from ui.paths.module_library_view import ModuleLibraryPanel
from ui.paths.path_draft import PathDraft
from ui.paths.path_fields import PathFields
from ui.paths.path_summary import PathSummary
from ui.paths.problem_panel import ProblemPanel
from ui.paths.progress_labels import day_text
from ui.paths.stage_list import StageColumn
from ui.paths.stage_model import StageModel
from ui.people.labels import people_count
from ui.people.naming import named


def _empty_layout(track: str) -> PathLayout:
    return PathLayout(
        name="",
        track=track,
        level="awareness",
        description="",
        stages=tuple(StageLayout(stage, "", ()) for stage in STAGES),
    )


class PathEditor(QWidget):
    """Builds a new path or edits a saved one; ``saved`` carries the id of what was saved."""

    saved = Signal(int)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("path_editor")
        self.services = services
        self.path_id: int | None = None
        self.details: PathDetails | None = None
        self._baseline = _empty_layout(Track.FRONTLINE.value)
        self._read_only = False
        self._stage = 0
        self._targets: dict[str, int] = {}
        self._measured_against = ""
        self.question: QMessageBox | None = None
        """The question the editor is waiting on (followers, unsaved changes), if any."""
        catalogue = services.skills.catalogue()
        self._skill_names = {skill.key: skill.name for skill in catalogue.skills}
        self._level_names = {level.level: level.name for level in catalogue.scale}

        self.draft = PathDraft(self)
        self.fields = PathFields(self)
        self.library = ModuleLibraryPanel(self)
        self.stage_models = [
            StageModel(self.draft, n, (self._skill_names, self._level_names), self)
            for n in range(len(STAGES))
        ]
        self.stages = [StageColumn(model, self) for model in self.stage_models]
        self.summary = PathSummary(self)
        self.problems = ProblemPanel(self)
        self.heading = named(make_heading("", self, 1.3), "editor_heading")
        self.facts = named(make_muted("", self), "editor_facts")
        self.banner = named(QLabel(self), "read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: palette(alternate-base); border: 1px solid palette(mid); padding: 6px;"
        )
        self.banner.hide()
        self.save_button = named(QPushButton(self.tr("&Save path"), self), "save_path")
        self.save_button.setDefault(False)
        self.save_button.setToolTip(self.tr("Save the path (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = named(QPushButton(self.tr("Undo changes"), self), "revert_path")
        self.revert_button.setToolTip(self.tr("Go back to the path as it was last saved"))
        self.revert_button.clicked.connect(self.revert)
        self.save_state = named(QLabel(self), "save_state")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.save())
        self._lay_out()
        self._connect()
        self.reload_modules()
        self.reload_roles()
        self.summary.set_hours_per_week(services.capacity.hours_per_week())
        self.new_path(Track.FRONTLINE.value)

    # Building -----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.heading)
        titles.addWidget(self.facts)
        top.addLayout(titles, 1)
        top.addWidget(self.save_state, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignVCenter)

        stages = QWidget(self)
        stage_column = QVBoxLayout(stages)
        stage_column.setContentsMargins(0, 0, 0, 0)
        stage_column.setSpacing(10)
        for column in self.stages:
            stage_column.addWidget(column, 1)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.setSpacing(12)
        right_column.addWidget(self.summary, 3)
        right_column.addWidget(self.problems, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(stages)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([270, 390, 340])

        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(8)
        page.addLayout(top)
        page.addWidget(self.banner)
        page.addWidget(self.fields)
        page.addWidget(self.splitter, 1)

        self.setTabOrder(self.fields.roles, self.library.search)
        previous: QWidget = self.library.edit_button
        for stage in self.stages:
            self.setTabOrder(previous, stage.title)
            self.setTabOrder(stage.title, stage.view)
            previous = stage.view
        self.setTabOrder(previous, self.summary.pace)

    def _connect(self) -> None:
        self.draft.changed.connect(self._layout_changed)
        self.draft.title_changed.connect(self._update_save_state)
        self.fields.edited.connect(self._update_save_state)
        self.fields.edited.connect(self._update_heading)
        self.fields.targets_changed.connect(self._targets_changed)
        self.library.add_requested.connect(self._add_to_current_stage)
        self.library.new_requested.connect(lambda: self.edit_module(None))
        self.library.edit_requested.connect(self.edit_module)
        for column in self.stages:
            column.view.focused.connect(self._stage_chosen)
            column.view.edit_requested.connect(self._edit_module_by_key)
        self.problems.fix_requested.connect(self.draft.apply_fix)
        self.problems.fix_all_requested.connect(self.draft.fix_all)
        self._stage_chosen(0)

    # Opening ------------------------------------------------------------------------------
    def new_path(self, track: str) -> None:
        """Start a new, unsaved path on ``track`` (executive, technical, …, custom)."""
        self.path_id = None
        self.details = None
        self._show(_empty_layout(track), read_only=False)
        self.fields.name.setFocus()

    def open_path(self, path_id: int) -> None:
        """Show a saved path (a replaced version read-only). Unsaved edits are dropped: ask
        first with ``maybe_discard``."""
        details = self.services.paths.path(path_id)
        self.path_id = path_id
        self.details = details
        self._show(details.layout, read_only=details.retired_on is not None)

    def refresh_path(self) -> None:
        """Show the saved path again if it changed elsewhere (never over unsaved edits)."""
        if self.path_id is None or self.is_modified():
            return
        try:
            details = self.services.paths.path(self.path_id)
        except UserFacingError:
            return  # deleted meanwhile: the Paths tab opens another one
        if details != self.details:
            self.open_path(self.path_id)

    def _show(self, layout: PathLayout, *, read_only: bool) -> None:
        self._baseline = layout
        self.fields.set_values(layout.name, layout.track, layout.level, layout.description)
        self.draft.set_layout(layout)
        for column in self.stages:
            column.show_title()
        self._set_read_only(read_only)
        self._update_heading()
        self._update_save_state()

    def revert(self) -> None:
        """Back to the path as it was last saved (or empty, for a new path)."""
        self._show(self._baseline, read_only=self._read_only)

    def reload_modules(self) -> None:
        """Re-read the module library (after a module was added or changed)."""
        rows = self.services.paths.modules()
        if rows == list(self.draft.modules.values()):
            return
        self.draft.set_modules(rows)
        self.library.set_modules(rows, self._skill_names, self._level_names)
        self.library.set_in_path(self.draft.keys())

    def reload_roles(self) -> None:
        self.fields.set_roles(self.services.organisation.roles())

    def reload_capacity(self) -> None:
        """Take the organisation's protected learning time again (after it was changed)."""
        self.summary.set_hours_per_week(self.services.capacity.hours_per_week())

    # State --------------------------------------------------------------------------------
    def current_layout(self) -> PathLayout:
        name, track, level, description = self.fields.values()
        return self.draft.layout(name, track, level, description)

    def is_modified(self) -> bool:
        """True when the path on screen differs from what was last saved."""
        return not self._read_only and self.current_layout() != self._baseline

    def is_read_only(self) -> bool:
        return self._read_only

    def _set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for model in self.stage_models:
            model.editable = not read_only
        for column in self.stages:
            column.set_editable(not read_only)
        self.library.set_editable(not read_only)
        self.fields.set_read_only(read_only)
        self.problems.setEnabled(not read_only)
        if read_only and self.details is not None and self.details.retired_on is not None:
            self.banner.setText(
                self.tr(
                    "This version was replaced on {date}. It is shown as it was; to change the "
                    "path, open its newest version."
                ).format(date=day_text(self.details.retired_on))
            )
        self.banner.setVisible(read_only)

    def _update_heading(self) -> None:
        name = self.fields.name.text().strip()
        if self.path_id is None:
            self.heading.setText(name or self.tr("New path"))
            self.facts.setText(self.tr("Not saved yet"))
            return
        self.heading.setText(name or self.tr("Unnamed path"))
        details = self.details
        if details is None:
            return
        facts = [
            self.tr("Version {version}").format(version=details.version),
            path_track_label(details.layout.track),
            level_label(details.layout.level),
            self._followers_text(details.people),
        ]
        self.facts.setText(" · ".join(facts))

    def _followers_text(self, people: int) -> str:
        if people == 0:
            return self.tr("Nobody follows it yet")
        if people == 1:
            return self.tr("1 person follows it")
        return self.tr("{people} follow it").format(people=people_count(people))

    def _update_save_state(self) -> None:
        modified = self.is_modified()
        self.revert_button.setEnabled(modified)
        problems = self.draft.problems
        if self._read_only:
            self.save_button.setEnabled(False)
            self.save_state.setText(self.tr("Replaced version: read-only"))
        elif self.draft.has_cycle():
            self.save_button.setEnabled(False)
            self.save_state.setText(self.tr("Can't save: some prerequisites go round in a circle."))
        elif problems:
            self.save_button.setEnabled(modified)
            count = len(problems)
            self.save_state.setText(
                self.tr("1 order problem to fix before saving")
                if count == 1
                else self.tr("{count} order problems to fix before saving").format(count=count)
            )
        elif modified:
            self.save_button.setEnabled(True)
            self.save_state.setText(self.tr("Unsaved changes"))
        else:
            self.save_button.setEnabled(False)
            self.save_state.setText(
                self.tr("Saved") if self.path_id is not None else self.tr("Nothing to save yet")
            )
        self.save_button.setToolTip(self.save_state.text())

    # Live figures -------------------------------------------------------------------------
    def _layout_changed(self) -> None:
        self.library.set_in_path(self.draft.keys())
        titles = {key: module.title for key, module in self.draft.modules.items()}
        self.problems.show_problems(self.draft.problems, titles)
        self._show_summary()
        self._update_save_state()

    def _targets_changed(self) -> None:
        """Measure against the ticked roles (the highest target of any), else the track."""
        roles = self.fields.ticked_roles()
        catalogue = self.services.skills.catalogue()
        if roles:
            targets: dict[str, int] = {}
            for role_id in roles:
                try:
                    role_targets = self.services.skills.role_targets(role_id).targets
                except UserFacingError:
                    continue  # the role was removed meanwhile
                for skill, target in role_targets.items():
                    targets[skill] = max(targets.get(skill, 0), target)
            self._measured_against = self.tr("Measured against the targets of: {roles}").format(
                roles=", ".join(self.fields.ticked_role_names())
            )
        else:
            track = self.fields.values()[1]
            targets = {
                skill.key: catalogue.track_targets.get(track, {}).get(skill.key, 0)
                for skill in catalogue.skills
            }
            self._measured_against = self.tr(
                "Measured against the {track} track's targets (tick roles to use theirs)."
            ).format(track=path_track_label(track))
        self._targets = targets
        self._show_summary()

    def _show_summary(self) -> None:
        self.summary.show_path(
            self.draft.rows(),
            self._targets,
            self._measured_against,
            self._skill_names,
            self._level_names,
        )

    # Adding and editing modules -----------------------------------------------------------
    def _stage_chosen(self, stage: int) -> None:
        self._stage = stage
        self.library.set_stage_name(stage_label(STAGES[stage]))

    def _add_to_current_stage(self, keys: list[str]) -> None:
        if self._read_only:
            return
        row = self.draft.place(keys, self._stage, -1)
        if row >= 0:
            self.stages[self._stage].view.select_row(row)

    def _edit_module_by_key(self, key: str) -> None:
        module = self.draft.module(key)
        if module is not None:
            self.edit_module(module.id)

    def edit_module(self, module_id: int | None) -> None:
        """Open the module editor (a new custom module when ``module_id`` is None)."""
        from ui.paths.module_dialog import ModuleDialog

        dialog = ModuleDialog(self.services, module_id, self)
        dialog.accepted.connect(lambda: self._module_saved(dialog.saved_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _module_saved(self, module_id: int | None) -> None:
        self.reload_modules()
        if module_id is None:
            return
        key = next((m.key for m in self.draft.modules.values() if m.id == module_id), None)
        if key is not None:
            self.library.select_key(key)
            self.library.view.setFocus()

    # Saving -------------------------------------------------------------------------------
    def save(self, then: Callable[[], None] | None = None) -> None:
        """Save the path as shown; ``then`` runs after it was saved."""
        if self._read_only or self.draft.has_cycle():
            return
        if self.draft.problems:
            show_message(
                self,
                self.tr("Save the path"),
                self.tr(
                    "Fix the order first (Fix all puts every prerequisite before the module "
                    "that needs it)."
                ),
                icon=QMessageBox.Icon.Warning,
            )
            return
        layout = self.current_layout()
        path_id = self.path_id
        if path_id is None:
            self._store(lambda: self.services.paths.create_path(layout), then)
            return
        try:
            followers = self.services.paths.path(path_id).people
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Save the path"))
            return
        if not followers:
            self._store(lambda: self.services.paths.save_path(path_id, layout), then)
            return
        self._ask_followers(path_id, layout, followers, then)

    def _ask_followers(
        self,
        path_id: int,
        layout: PathLayout,
        followers: int,
        then: Callable[[], None] | None,
    ) -> None:
        text = (
            self.tr("1 person follows this path.")
            if followers == 1
            else self.tr("{people} follow this path.").format(people=people_count(followers))
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Save a new version"),
            text
            + " "
            + self.tr(
                "Move them to the new version? Their progress is kept for the modules both "
                "versions share."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("followers_question")
        move = box.addButton(self.tr("Move them"), QMessageBox.ButtonRole.AcceptRole)
        move.setObjectName("move_people")
        keep = box.addButton(
            self.tr("Keep them on the old version"), QMessageBox.ButtonRole.ActionRole
        )
        keep.setObjectName("keep_people")
        box.setDefaultButton(move)
        paths = self.services.paths
        move.clicked.connect(
            lambda: self._store(lambda: paths.save_path(path_id, layout, move_people=True), then)
        )
        keep.clicked.connect(
            lambda: self._store(lambda: paths.save_path(path_id, layout, move_people=False), then)
        )
        self.question = box
        box.open()

    def _store(self, action: Callable[[], int], then: Callable[[], None] | None) -> None:
        try:
            saved = action()
        except ValidationError as error:
            if error.field == "name":
                self.fields.show_error(error.message)
            else:
                show_error(self, error, action=self.tr("Save the path"))
            return
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Save the path"))
            return
        self.open_path(saved)
        self.saved.emit(saved)
        if then is not None:
            then()

    def maybe_discard(self, proceed: Callable[[], None]) -> None:
        """Run ``proceed`` now when nothing is unsaved; else ask: save, discard or cancel."""
        if not self.is_modified():
            proceed()
            return
        name = self.fields.name.text().strip() or self.tr("the new path")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to “{name}” first?").format(name=name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsaved_question")
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        save.setObjectName("save_changes")
        discard = box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discard_changes")
        box.setDefaultButton(save)
        save.clicked.connect(lambda: self.save(then=proceed))
        discard.clicked.connect(proceed)
        self.question = box
        box.open()
