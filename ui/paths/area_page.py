"""The Learning paths area: the paths each role follows, who follows them, their progress and
the learning time they take per department, in three tabs.

Paths: build and edit paths (the module library, stages, prerequisites, coverage) and assign
them. Progress: each person's modules, updated one by one or for a whole workshop at once,
or imported from an LMS export. Capacity: hours per department per month against the
protected learning time.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from app.context import AppServices
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.paths.assign_dialog import AssignDialog
from ui.paths.capacity_tab import CapacityTab
from ui.paths.paths_tab import PathsTab
from ui.paths.progress_tab import ProgressTab
from ui.people.naming import named


class PathsAreaPage(QWidget):
    TAB_PATHS, TAB_PROGRESS, TAB_CAPACITY = range(3)

    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paths_area")
        self.services = services
        self.bridge = bridge
        self.assign_dialog: AssignDialog | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(make_heading(self.tr("Learning paths"), self, 1.6), 1)
        column.addLayout(header)
        column.addWidget(
            make_muted(
                self.tr(
                    "What each role learns, in three stages from first steps to confident "
                    "use. Assign a path to a role, a department or chosen people: each "
                    "person's plan skips what their skills survey shows they already know."
                ),
                self,
            )
        )
        self.tabs = named(QTabWidget(self), "paths_tabs")
        self.tabs.setDocumentMode(True)
        self.paths_tab = PathsTab(services, self.tabs, bridge)
        self.progress_tab = ProgressTab(services, self.tabs, bridge)
        self.capacity_tab = CapacityTab(services, self.tabs, bridge)
        self.tabs.addTab(self.paths_tab, self.tr("&Paths"))
        self.tabs.addTab(self.progress_tab, self.tr("P&rogress"))
        self.tabs.addTab(self.capacity_tab, self.tr("&Capacity"))
        column.addWidget(self.tabs, 1)
        self.paths_tab.assign_requested.connect(self.assign)

    def assign(self, path_id: int) -> None:
        """Open the assign dialog for a path; once assigned, show its progress."""
        dialog = AssignDialog(self.services, path_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.assign_dialog = dialog
        dialog.finished.connect(lambda result: self._assigned(path_id, result))
        dialog.open()

    def _assigned(self, path_id: int, result: int) -> None:
        self.assign_dialog = None
        if result == QDialog.DialogCode.Accepted:
            self.tabs.setCurrentIndex(self.TAB_PROGRESS)
            self.progress_tab.show_path(path_id)
