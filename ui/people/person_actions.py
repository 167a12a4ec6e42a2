"""What can be done to the people selected in the People table, offered in its context menu:
edit, open the skills profile, print their learning plan, nominate or withdraw AI champions
(each undoable)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from app.context import AppServices
from app.errors import UserFacingError
from app.services.people import PersonRow
from ui.messages import show_error, show_message
from ui.people.glyphs import champion_icon
from ui.people.labels import format_count
from ui.people.naming import named
from ui.plan_printing import LearningPlanExporter
from ui.settings import AppSettings

Notify = Callable[[str, Callable[[], object] | None], None]
"""Shows a short notice on the page, with an Undo that runs the given callable (if any)."""


class PersonActions(QObject):
    """The actions over the current selection; the page decides what edit and profile open."""

    def __init__(
        self,
        services: AppServices,
        selection: Callable[[], list[PersonRow]],
        notify: Notify,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._selection = selection
        self._notify = notify
        self._parent = parent
        self.edit = named(QAction(self.tr("&Edit…"), parent), "edit_person_action")
        self.profile = named(QAction(self.tr("&Skills profile…"), parent), "skills_profile_action")
        self.nominate = named(
            QAction(champion_icon(), self.tr("&Nominate as AI champion"), parent),
            "nominate_champion",
        )
        self.nominate.setToolTip(
            self.tr("Champions help the colleagues in their department to get going with AI.")
        )
        self.withdraw = named(
            QAction(self.tr("&Withdraw as champion"), parent), "withdraw_champion"
        )
        self.print_plan = named(
            QAction(self.tr("Print &learning plan…"), parent), "print_learning_plan"
        )
        self.print_plan.setToolTip(self.tr("A PDF of this person's learning plan, to hand to them"))
        self.print_plan.triggered.connect(self.print_selected_plan)
        self.plan_exporter = LearningPlanExporter(services, AppSettings(), parent)
        """Writes the plan; ``choose_destination`` is replaced in tests."""
        self.nominate.triggered.connect(self.nominate_selected)
        self.withdraw.triggered.connect(self.withdraw_selected)
        self.context_menu: QMenu | None = None
        """The context menu while it is open (for tests)."""
        self.update()

    def update(self) -> None:
        """Enable what makes sense for the people selected now."""
        people = self._selection()
        self.edit.setEnabled(len(people) == 1)
        self.profile.setEnabled(len(people) == 1)
        self.print_plan.setEnabled(len(people) == 1)
        self.nominate.setEnabled(any(not p.champion for p in people))
        self.withdraw.setEnabled(any(p.champion for p in people))

    def attach_to(self, table: QTableView) -> None:
        """Offer these actions in ``table``'s context menu (right-click or the Menu key)."""
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(lambda position: self._show_menu(table, position))

    def _show_menu(self, table: QTableView, position: QPoint) -> None:
        # A right-click has selected its row already; from the keyboard's Menu key with
        # nothing selected, the menu is for the current row.
        selection = table.selectionModel()
        index = table.currentIndex() if table.currentIndex().isValid() else table.indexAt(position)
        if not selection.hasSelection() and index.isValid():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        if not self._selection():
            return
        self.update()
        menu = named(QMenu(table), "people_context_menu")
        actions = (self.edit, self.profile, self.print_plan, None, self.nominate, self.withdraw)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.context_menu = menu
        menu.aboutToHide.connect(lambda: self._menu_hidden(menu))
        menu.popup(table.viewport().mapToGlobal(position))

    def _menu_hidden(self, menu: QMenu) -> None:
        if self.context_menu is menu:
            self.context_menu = None
        menu.deleteLater()

    # Learning plan -----------------------------------------------------------------------
    def print_selected_plan(self) -> None:
        """Write the selected person's learning plan; say so if they follow no path yet."""
        people = self._selection()
        if len(people) != 1:
            return
        person = people[0]
        if not self._services.plans.follows_a_path(person.id):
            show_message(
                self._parent,
                self.tr("Print learning plan"),
                self.tr(
                    "{name} does not follow a learning path yet, so there is no plan to print. "
                    "Assign a path first (Learning paths area)."
                ).format(name=person.display_name),
            )
            return
        self.plan_exporter.export_person_plan(person.id, person.display_name)

    # Champions ---------------------------------------------------------------------------
    def nominate_selected(self) -> None:
        """Nominate the selected people who are not champions yet; inactive people are refused."""
        people = [p for p in self._selection() if not p.champion]
        if not people:
            return
        ids = [p.id for p in people]
        try:
            self._services.champions.nominate(ids)
        except UserFacingError as error:
            show_error(self._parent, error, action=self.tr("Nominate as AI champion"))
            return
        if len(people) == 1:
            text = self.tr("{name} is now an AI champion of their department.").format(
                name=people[0].display_name
            )
        else:
            text = self.tr("{count} people are now AI champions of their departments.").format(
                count=format_count(len(people))
            )
        self._notify(text, lambda: self._services.champions.withdraw(ids))

    def withdraw_selected(self) -> None:
        """Withdraw the selected champions; Undo nominates them again from the same dates."""
        people = [p for p in self._selection() if p.champion]
        if not people:
            return
        ids = [p.id for p in people]
        since: dict[date | None, list[int]] = {}
        for row in self._services.champions.champions():
            if row.person_id in ids:
                since.setdefault(row.since, []).append(row.person_id)
        self._services.champions.withdraw(ids)
        if len(people) == 1:
            text = self.tr("{name} is no longer an AI champion.").format(
                name=people[0].display_name
            )
        else:
            text = self.tr("{count} people are no longer AI champions.").format(
                count=format_count(len(people))
            )

        def undo() -> None:
            for day, again in since.items():
                self._services.champions.nominate(again, since=day)

        self._notify(text, undo)
