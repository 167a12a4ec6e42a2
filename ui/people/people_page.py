"""The People page: find, add, edit and deactivate people, import a roster, set up the structure."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QMetaMethod, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.events import Change, Topic
from app.progress import CancelToken, Progress
from app.services.people import PeopleQuery, PersonRow
from db.models import EmployeeStatus
from ui.change_bridge import ChangeBridge
from ui.messages import show_error
from ui.people.empty_state import EmptyStatePanel
from ui.people.glyphs import people_icon, person_icon, sheet_icon
from ui.people.import_dialog import ImportDialog
from ui.people.labels import format_count, people_count
from ui.people.naming import named
from ui.people.people_model import PeopleTableModel
from ui.people.person_actions import PersonActions
from ui.people.person_dialog import PersonDialog
from ui.people.structure_dialog import StructureDialog
from ui.skills.profile_dialog import SkillsProfileDialog
from ui.worker import run_in_background

SEARCH_DELAY_MS = 200
_REFRESH_TOPICS = frozenset({Topic.PEOPLE, Topic.DEPARTMENTS, Topic.ROLES, Topic.DATA_FILE})


class PeopleTable(QTableView):
    """The people table; Enter asks to edit the current person, like a double-click."""

    edit_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)


class PeoplePage(QWidget):
    """Everyone in the organisation, a page of the main window."""

    load_demo_requested = Signal()
    """The user asked for the demo organisation (the main window may handle it)."""
    demo_loaded = Signal()
    """The demo organisation finished loading (or failed); for tests and the main window."""

    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("people_page")
        self._services = services
        self.person_dialog: PersonDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.structure_dialog: StructureDialog | None = None
        self.profile_dialog: SkillsProfileDialog | None = None
        self._undo: Callable[[], None] | None = None

        self.model = PeopleTableModel(services.people, self)
        self._build_toolbar()
        self._build_notice()
        self._build_views()
        self.person_actions = PersonActions(services, self.selected_people, self._show_notice, self)
        self.person_actions.edit.triggered.connect(self.edit_selected)
        self.person_actions.profile.triggered.connect(self.show_skills_profile)
        self.person_actions.attach_to(self.table)

        layout = QVBoxLayout(self)
        layout.addLayout(self._actions_row)
        layout.addLayout(self._filters_row)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.department_filter, self.role_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.champions_filter.toggled.connect(self.apply_filters)
        self.model.query_changed.connect(self._update_state)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        bridge.changed.connect(self._on_change)
        QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            self.search.setFocus,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        self._fill_filters()
        self._update_state()

    # Building ----------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        style = self.style()
        self.add_button = named(QPushButton(self.tr("Add person")), "add_person")
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = named(QPushButton(self.tr("Edit…")), "edit_person")
        self.edit_button.clicked.connect(self.edit_selected)
        self.status_button = named(QPushButton(self.tr("Deactivate")), "change_status")
        self.status_button.setToolTip(
            self.tr("Inactive people keep their history but leave the active programme.")
        )
        self.status_button.clicked.connect(self.toggle_selected_status)
        self.import_button = named(QPushButton(self.tr("Import from Excel/CSV…")), "import_roster")
        self.import_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.import_button.clicked.connect(self.import_roster)
        self.structure_button = named(
            QPushButton(self.tr("Departments && roles…")), "edit_structure"
        )
        self.structure_button.clicked.connect(self.edit_structure)
        self._actions_row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.status_button):
            self._actions_row.addWidget(button)
        self._actions_row.addStretch(1)
        self._actions_row.addWidget(self.import_button)
        self._actions_row.addWidget(self.structure_button)

        self.search = named(QLineEdit(), "search")
        self.search.setPlaceholderText(self.tr("Search by name, e-mail or employee number"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.department_filter = named(QComboBox(), "department_filter")
        self.department_filter.setAccessibleName(self.tr("Department"))
        self.department_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.role_filter = named(QComboBox(), "role_filter")
        self.role_filter.setAccessibleName(self.tr("Role"))
        self.role_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter = named(QComboBox(), "status_filter")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("Active"), EmployeeStatus.ACTIVE)
        self.status_filter.addItem(self.tr("Inactive"), EmployeeStatus.INACTIVE)
        self.status_filter.addItem(self.tr("Everyone"), None)
        self.champions_filter = named(QCheckBox(self.tr("Champions only")), "champions_filter")
        self.champions_filter.setToolTip(self.tr("Show only the AI champions."))
        self.count_label = named(QLabel(), "count_label")
        self._filters_row = QHBoxLayout()
        self._filters_row.addWidget(self.search, 2)
        self._filters_row.addWidget(self.department_filter)
        self._filters_row.addWidget(self.role_filter)
        self._filters_row.addWidget(self.status_filter)
        self._filters_row.addWidget(self.champions_filter)
        self._filters_row.addStretch(1)
        self._filters_row.addWidget(self.count_label)
        self._only_with_people: list[QWidget] = [
            self.edit_button,
            self.status_button,
            self.search,
            self.department_filter,
            self.role_filter,
            self.status_filter,
            self.champions_filter,
            self.count_label,
        ]

    def _build_notice(self) -> None:
        self.notice = named(QFrame(), "notice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice_label = named(QLabel(), "notice_label")
        self.notice_label.setWordWrap(True)
        notice_icon = QLabel()
        notice_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(20, 20)
        )
        self.undo_button = named(QPushButton(self.tr("Undo")), "undo")
        self.undo_button.clicked.connect(self.undo)
        close = named(QPushButton(self.tr("Dismiss")), "dismiss_notice")
        close.setFlat(True)
        close.clicked.connect(self.notice.hide)
        row = QHBoxLayout(self.notice)
        row.setContentsMargins(10, 4, 4, 4)
        row.addWidget(notice_icon)
        row.addWidget(self.notice_label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(close)
        self.notice.hide()

    def _build_views(self) -> None:
        self.table = named(PeopleTable(), "people_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # Set the indicator first: Qt's default is descending, and enabling sorting would
        # otherwise re-sort 10,000 people once for nothing.
        self.table.horizontalHeader().setSortIndicator(
            PeopleTableModel.NAME, Qt.SortOrder.AscendingOrder
        )
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        widths = {
            PeopleTableModel.NAME: 190,
            PeopleTableModel.EMPLOYEE_NUMBER: 120,
            PeopleTableModel.EMAIL: 210,
            PeopleTableModel.DEPARTMENT: 170,
            PeopleTableModel.ROLE: 170,
            PeopleTableModel.TRACK: 110,
            PeopleTableModel.LOCATION: 110,
            PeopleTableModel.MANAGER: 150,
            PeopleTableModel.HIRE_DATE: 100,
            PeopleTableModel.CHAMPION: 110,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        # Champions are shown next to their names; the column cannot be sorted.
        header.moveSection(header.visualIndex(PeopleTableModel.CHAMPION), 1)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.edit_requested.connect(self.edit_selected)

        style = self.style()
        self.empty_state = EmptyStatePanel(
            self.tr("Who works here?"),
            self.tr(
                "Start by bringing in the people of your organisation. Import the roster "
                "you already keep in Excel or a CSV file, add people one by one, or explore "
                "the app with a made-up demo organisation first."
            ),
        )
        self.empty_state.setObjectName("people_empty_state")
        self.empty_import = self.empty_state.add_action(
            self.tr("Import from Excel/CSV"),
            self.tr("Bring in your staff list; you check every column before anything is saved."),
            sheet_icon(),
            "empty_import",
        )
        self.empty_import.clicked.connect(self.import_roster)
        self.empty_add = self.empty_state.add_action(
            self.tr("Add a person"),
            self.tr("Type in the first person by hand."),
            person_icon(),
            "empty_add",
        )
        self.empty_add.clicked.connect(self.add_person)
        self.empty_demo = self.empty_state.add_action(
            self.tr("Load the demo organisation"),
            self.tr("150 made-up people to try things out; you can start afresh later."),
            people_icon(),
            "empty_demo",
        )
        self.empty_demo.clicked.connect(self._demo_clicked)

        self.no_match = EmptyStatePanel(
            self.tr("No one matches"),
            self.tr("Nobody fits the search and filters above. Try fewer words, or clear them."),
        )
        self.no_match.setObjectName("people_no_match")
        self.clear_filters_button = self.no_match.add_action(
            self.tr("Clear filters"),
            self.tr("Show every active person again."),
            style.standardIcon(QStyle.StandardPixmap.SP_DialogResetButton),
            "clear_filters",
        )
        self.clear_filters_button.clicked.connect(self.clear_filters)

        self.stack = named(QStackedWidget(), "people_stack")
        for widget in (self.table, self.empty_state, self.no_match):
            self.stack.addWidget(widget)

    # Filters -----------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        """(Re)list the departments and roles, keeping the current choice where it still exists."""
        organisation = self._services.organisation
        for combo, everything, rows in (
            (self.department_filter, self.tr("All departments"), organisation.departments()),
            (self.role_filter, self.tr("All roles"), organisation.roles()),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for row in rows:
                combo.addItem(row.name, row.id)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def current_query(self) -> PeopleQuery:
        """The query the search box and filters describe, in the table's current order."""
        return PeopleQuery(
            search=self.search.text().strip(),
            department_id=self.department_filter.currentData(),
            role_id=self.role_filter.currentData(),
            status=self.status_filter.currentData(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
            champions_only=self.champions_filter.isChecked(),
        )

    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())

    def clear_filters(self) -> None:
        for combo in (self.department_filter, self.role_filter, self.status_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.champions_filter.blockSignals(True)
        self.champions_filter.setChecked(False)
        self.champions_filter.blockSignals(False)
        self.search.clear()
        self.apply_filters()

    # State -------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if not change.topics & _REFRESH_TOPICS:
            return
        if change.topics & {Topic.DEPARTMENTS, Topic.ROLES, Topic.DATA_FILE}:
            self._fill_filters()
            query = self.current_query()
            if query != self.model.query:
                self.model.set_query(query)
                return
        self.model.refresh()

    def _update_state(self) -> None:
        everyone = self._services.people.count(PeopleQuery())
        shown = self.model.rowCount()
        for widget in self._only_with_people:
            widget.setVisible(everyone > 0)
        if everyone == 0:
            self.stack.setCurrentWidget(self.empty_state)
        elif shown == 0:
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.table)
        if shown == everyone:
            self.count_label.setText(people_count(shown))
        else:
            self.count_label.setText(
                self.tr("{shown} of {total}").format(
                    shown=format_count(shown), total=people_count(everyone)
                )
            )
        self.table.horizontalHeader().setSortIndicator(self._sort_column(), self._sort_order())
        self._update_buttons()

    def _sort_column(self) -> int:
        for column, sort in PeopleTableModel.SORT_BY_COLUMN.items():
            if sort == self.model.query.sort:
                return column
        return PeopleTableModel.NAME

    def _sort_order(self) -> Qt.SortOrder:
        if self.model.query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def _keep_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """A click on a column that cannot be sorted leaves the indicator where the order is."""
        if column not in PeopleTableModel.SORT_BY_COLUMN:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self._sort_column(), self._sort_order())
            header.blockSignals(False)

    def is_empty_state_shown(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def is_no_match_shown(self) -> bool:
        return self.stack.currentWidget() is self.no_match

    def selected_ids(self) -> list[int]:
        return [person.id for person in self.selected_people()]

    def selected_people(self) -> list[PersonRow]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [p for p in (self.model.person_at(row) for row in rows) if p is not None]

    def select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selected_statuses(self) -> set[EmployeeStatus]:
        rows = (index.row() for index in self.table.selectionModel().selectedRows())
        return {p.status for p in (self.model.person_at(r) for r in rows) if p is not None}

    def _update_buttons(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(count == 1)
        self.status_button.setEnabled(count > 0)
        reactivate = self._selected_statuses() == {EmployeeStatus.INACTIVE}
        if count > 1:
            text = (
                self.tr("Reactivate {count}") if reactivate else self.tr("Deactivate {count}")
            ).format(count=format_count(count))
        else:
            text = self.tr("Reactivate") if reactivate else self.tr("Deactivate")
        self.status_button.setText(text)
        self.person_actions.update()

    # Actions -----------------------------------------------------------------------------
    def add_person(self) -> PersonDialog:
        """Open the Add person form."""
        return self._open_person_dialog(None)

    def edit_person(self, person_id: int) -> PersonDialog:
        return self._open_person_dialog(person_id)

    def edit_selected(self) -> None:
        person_id = self.model.person_id(self.table.currentIndex().row())
        if person_id is not None:
            self.edit_person(person_id)

    def _open_person_dialog(self, person_id: int | None) -> PersonDialog:
        dialog = PersonDialog(self._services, person_id, self)
        self._keep_while_open("person_dialog", dialog)
        dialog.open()
        return dialog

    def _keep_while_open(self, attribute: str, dialog: QDialog) -> None:
        """Hold ``dialog`` in ``self.<attribute>`` (for tests) until it closes, then drop it."""
        setattr(self, attribute, dialog)

        def forget(_result: int) -> None:
            if getattr(self, attribute) is dialog:
                setattr(self, attribute, None)
            dialog.deleteLater()

        dialog.finished.connect(forget)

    def show_skills_profile(self) -> SkillsProfileDialog | None:
        """Open the selected person's skills profile (window-modal, not blocking)."""
        people = self.selected_people()
        if len(people) != 1:
            return None
        dialog = SkillsProfileDialog.show_for(self._services, people[0].id, self)
        self._keep_while_open("profile_dialog", dialog)
        return dialog

    def toggle_selected_status(self) -> None:
        """Deactivate the selected people (or reactivate them if all are inactive); undoable."""
        ids = self.selected_ids()
        if not ids:
            return
        reactivate = self._selected_statuses() == {EmployeeStatus.INACTIVE}
        new_status = EmployeeStatus.ACTIVE if reactivate else EmployeeStatus.INACTIVE
        old_status = EmployeeStatus.INACTIVE if reactivate else EmployeeStatus.ACTIVE
        rows = (
            self.model.person_at(index.row())
            for index in self.table.selectionModel().selectedRows()
        )
        changing = [p.id for p in rows if p is not None and p.status is not new_status]
        changed = self._services.people.set_status(changing, new_status)
        if reactivate:
            message = self.tr("{people} reactivated.")
        else:
            message = self.tr("{people} deactivated. They keep their history.")
        self._show_notice(
            message.format(people=people_count(changed)),
            lambda: self._services.people.set_status(changing, old_status),
        )

    def _show_notice(self, text: str, undo: Callable[[], object] | None = None) -> None:
        self.notice_label.setText(text)
        self._undo = (lambda: (undo(), None)[1]) if undo else None
        self.undo_button.setVisible(undo is not None)
        self.notice.show()

    def undo(self) -> None:
        if self._undo is not None:
            action, self._undo = self._undo, None
            action()
        self.notice.hide()

    def import_roster(self) -> ImportDialog:
        """Open the roster import wizard (window-modal, not blocking)."""
        dialog = ImportDialog(self._services, self)
        self._keep_while_open("import_dialog", dialog)
        dialog.open()
        return dialog

    def edit_structure(self) -> StructureDialog:
        """Open the Departments & roles dialog."""
        dialog = StructureDialog(self._services, self)
        self._keep_while_open("structure_dialog", dialog)
        dialog.open()
        return dialog

    def _demo_clicked(self) -> None:
        if self.isSignalConnected(QMetaMethod.fromSignal(self.load_demo_requested)):
            self.load_demo_requested.emit()
        else:
            self.load_demo()

    def load_demo(self) -> None:
        """Create the demo organisation in the background, with progress and Cancel."""
        from app.demo import create_demo_organisation

        services = self._services

        def work(progress: Progress, cancel: CancelToken) -> object:
            return create_demo_organisation(services, progress=progress, cancel=cancel)

        def done(_summary: object) -> None:
            self._show_notice(
                self.tr("The demo organisation is ready: made-up people to try things out.")
            )
            self.demo_loaded.emit()

        def failed(error: BaseException) -> None:
            show_error(self, error, action=self.tr("Load the demo organisation"))
            self.demo_loaded.emit()

        run_in_background(self, self.tr("Creating the demo organisation…"), work, done, failed)
