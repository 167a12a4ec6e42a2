"""Choose a ready-made path from the learning library: templates by track and level, with
what each one says, its stages and modules, and how many hours it takes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.paths.content import PATH_TRACKS, ModuleLibrary, PathTemplate
from app.paths.planning import path_hours
from ui.look import make_muted
from ui.paths.builder_labels import level_label, path_track_label, stage_label
from ui.paths.progress_labels import format_label, hours_text
from ui.people.naming import named

_KEY = int(Qt.ItemDataRole.UserRole) + 1


class TemplateDialog(QDialog):
    """The template picker; ``chosen_key`` is the template chosen once accepted."""

    NAME, LEVEL, MODULES, HOURS = range(4)

    def __init__(self, library: ModuleLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_dialog")
        self.setWindowTitle(self.tr("New path from a template"))
        self.library = library
        self.chosen_key: str | None = None
        self.tree = named(QTreeWidget(self), "template_tree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Template"), self.tr("Level"), self.tr("Modules"), self.tr("Hours")]
        )
        self.tree.setAccessibleName(self.tr("Path templates"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (self.LEVEL, self.MODULES, self.HOURS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.details = named(QTextBrowser(self), "template_details")
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(self.tr("About the template"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create path"))
        self.ok_button.setObjectName("create_from_template")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.currentItemChanged.connect(lambda *_args: self._show_current())
        self.tree.itemDoubleClicked.connect(lambda item, _column: self._double_clicked(item))
        self._fill()
        self._lay_out()
        self.resize(980, 600)

    def _lay_out(self) -> None:
        panes = QHBoxLayout()
        panes.addWidget(self.tree, 5)
        panes.addWidget(self.details, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(
            make_muted(
                self.tr(
                    "Each template is a path for one track and level, in three stages. The "
                    "new path is yours: rename it, add or take out modules, then assign it."
                ),
                self,
            )
        )
        layout.addLayout(panes, 1)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        first: QTreeWidgetItem | None = None
        for track in PATH_TRACKS:
            templates = [t for t in self.library.templates if t.track == track]
            if not templates:
                continue
            group = QTreeWidgetItem(self.tree, [path_track_label(track)])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(self.NAME)
            font.setBold(True)
            group.setFont(self.NAME, font)
            group.setFirstColumnSpanned(True)
            group.setExpanded(True)
            for template in templates:
                item = QTreeWidgetItem(
                    group,
                    [
                        template.name,
                        level_label(template.level),
                        str(len(template.module_keys())),
                        hours_text(self._hours(template)),
                    ],
                )
                item.setData(self.NAME, _KEY, template.key)
                item.setToolTip(self.NAME, template.description)
                for column in (self.MODULES, self.HOURS):
                    item.setTextAlignment(
                        column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                first = first or item
        self.tree.expandAll()
        if first is not None:
            self.tree.setCurrentItem(first)
        self.tree.setFocus()

    def _hours(self, template: PathTemplate) -> float:
        return path_hours(self.library.module(key) for key in template.module_keys())

    def select_template(self, key: str) -> bool:
        """Make ``key`` the current template (as a click on it would)."""
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            if group is None:
                continue
            for m in range(group.childCount()):
                item = group.child(m)
                if item is not None and item.data(self.NAME, _KEY) == key:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        value = item.data(self.NAME, _KEY) if item is not None else None
        return str(value) if value is not None else None

    def _show_current(self) -> None:
        key = self.current_key()
        self.ok_button.setEnabled(key is not None)
        if key is None:
            self.details.clear()
            return
        template = self.library.template(key)
        parts = [
            f"<h3>{escape(template.name)}</h3>",
            "<p><i>"
            + escape(
                self.tr("{track} · {level} · {hours}").format(
                    track=path_track_label(template.track),
                    level=level_label(template.level),
                    hours=hours_text(self._hours(template)),
                )
            )
            + "</i></p>",
            f"<p>{escape(template.description)}</p>",
        ]
        for stage in template.stages:
            parts.append(
                f"<p><b>{escape(stage_label(stage.stage))}</b> — {escape(stage.title)}</p><ul>"
            )
            for module_key in stage.modules:
                module = self.library.module(module_key)
                parts.append(
                    f"<li>{escape(module.title)} "
                    f"<span style='color: gray'>({escape(format_label(module.format))}, "
                    f"{escape(hours_text(module.hours))})</span></li>"
                )
            parts.append("</ul>")
        self.details.setHtml("".join(parts))

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        if item.data(self.NAME, _KEY) is not None:
            self.accept()

    def accept(self) -> None:
        key = self.current_key()
        if key is None:
            return
        self.chosen_key = key
        super().accept()
