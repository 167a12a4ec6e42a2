"""Progress on a path: everyone who follows it against each of its modules, and marking a
module for many people at once (a whole workshop done in one go), by dialog or by keyboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Topic
from app.paths.service import PathRow
from ui.change_bridge import ChangeBridge
from ui.look import make_muted, state_pixmap
from ui.messages import show_error
from ui.paths.progress_delegates import ModuleCellDelegate, ShareBarDelegate
from ui.paths.progress_labels import status_label
from ui.paths.progress_mark_dialog import MarkProgressDialog
from ui.paths.progress_model import PERSON_ROLE, ProgressModel
from ui.people.empty_state import EmptyStatePanel
from ui.people.labels import people_count
from ui.people.naming import named
from ui.refresh_when_shown import RefreshWhenShown

REFRESH_TOPICS = frozenset(
    {Topic.PATHS, Topic.PEOPLE, Topic.DEPARTMENTS, Topic.DATA_FILE, Topic.ORGANISATION}
)

SHORTCUTS = {
    Qt.Key.Key_D: "completed",
    Qt.Key.Key_I: "in_progress",
    Qt.Key.Key_N: "not_started",
}
"""Typed on selected cells: done today, in progress, not started."""


class ProgressTab(QWidget):
    """A path picker and filters over the person × module grid, with bulk marking."""

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        bridge: ChangeBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progress_tab")
        self.services = services
        self.paths: list[PathRow] = []
        self.path_id: int | None = None
        self.mark_dialog: MarkProgressDialog | None = None
        self.import_dialog: QDialog | None = None
        self._build()
        self.refresher = RefreshWhenShown(self, bridge, REFRESH_TOPICS, self.reload)
        self.reload()

    # Building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("No one follows a learning path yet"),
            self.tr(
                "Assign a path to a role, a department or chosen people on the Paths tab. "
                "Everyone's progress then shows here, module by module, and a whole "
                "workshop can be marked done at once."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("progress_empty_state")
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_main(self) -> QWidget:
        main = QWidget(self.stack)
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(8)
        filters = QHBoxLayout()
        path_label = QLabel(self.tr("&Path:"), main)
        self.picker = named(QComboBox(main), "path_picker")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        path_label.setBuddy(self.picker)
        self.picker.currentIndexChanged.connect(self._picked)
        department_label = QLabel(self.tr("&Department:"), main)
        self.department = named(QComboBox(main), "department_filter")
        self.department.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        department_label.setBuddy(self.department)
        self.department.currentIndexChanged.connect(lambda _i: self._filter())
        self.search = named(QLineEdit(main), "name_search")
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search by name"))
        self.search.textChanged.connect(lambda _t: self._filter())
        self.mark_button = named(QPushButton(self.tr("&Mark…"), main), "mark_button")
        self.mark_button.setToolTip(self.tr("Record one module's progress for the people chosen"))
        self.mark_button.clicked.connect(self.open_mark_dialog)
        self.import_button = named(
            QPushButton(self.tr("&Import completions…"), main), "import_completions"
        )
        self.import_button.setToolTip(
            self.tr("Bring in who completed what from a learning system's export (xlsx or csv)")
        )
        self.import_button.clicked.connect(self.import_completions)
        for widget in (path_label, self.picker, department_label, self.department):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.mark_button)
        filters.addWidget(self.import_button)
        column.addLayout(filters)

        self.summary = named(QLabel(main), "progress_summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addLayout(self._legend(main))
        column.addLayout(summary_row)

        self.model = ProgressModel(self)
        self.table = named(QTableView(main), "progress_grid")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAccessibleName(self.tr("Progress per person and module"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(True)
        self.cell_delegate = ModuleCellDelegate(self.table)
        self.share_delegate = ShareBarDelegate(self.table)
        self.table.setItemDelegateForColumn(ProgressModel.PROGRESS, self.share_delegate)
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_hint())
        self.table.installEventFilter(self)
        column.addWidget(self.table, 1)

        self.hint = make_muted("", main, "progress_hint")
        self.feedback = make_muted("", main, "progress_feedback")
        column.addWidget(self.hint)
        column.addWidget(self.feedback)
        return main

    def _legend(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        size = self.fontMetrics().height() - 2
        ratio = self.devicePixelRatioF()
        for state, status in (
            ("not_started", "not_started"),
            ("in_progress", "in_progress"),
            ("done", "completed"),
        ):
            badge = QLabel(parent)
            badge.setPixmap(state_pixmap(state, size, self.palette(), ratio))
            row.addWidget(badge)
            row.addWidget(self._legend_text(status_label(status), parent))
            row.addSpacing(10)
        skipped = self._legend_text(self.tr("skipped: not needed"), parent)
        font = skipped.font()
        font.setItalic(True)
        skipped.setFont(font)
        row.addWidget(skipped)
        return row

    @staticmethod
    def _legend_text(text: str, parent: QWidget) -> QLabel:
        label = make_muted(text, parent)
        label.setWordWrap(False)
        return label

    # Reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the paths people follow and the chosen path's progress."""
        self.refresher.done()
        self.paths = [p for p in self.services.paths.paths() if p.people]
        self.stack.setCurrentIndex(1 if self.paths else 0)
        wanted = self.path_id if any(p.id == self.path_id for p in self.paths) else None
        if wanted is None and self.paths:
            wanted = self.paths[0].id
        self.picker.blockSignals(True)
        self.picker.clear()
        for path in self.paths:
            self.picker.addItem(self._picker_text(path), path.id)
        self.picker.setCurrentIndex(self.picker.findData(wanted) if wanted is not None else -1)
        self.picker.blockSignals(False)
        self._show_path(wanted)

    def _picker_text(self, path: PathRow) -> str:
        if path.version > 1:
            return self.tr("{name} · version {version} ({people})").format(
                name=path.name, version=path.version, people=people_count(path.people)
            )
        return self.tr("{name} ({people})").format(name=path.name, people=people_count(path.people))

    def _picked(self, _index: int) -> None:
        value = self.picker.currentData()
        self.feedback.clear()
        self._show_path(int(value) if value is not None else None)

    def show_path(self, path_id: int) -> None:
        """Choose a path in the picker (and show it)."""
        index = self.picker.findData(path_id)
        if index >= 0:
            self.picker.setCurrentIndex(index)

    def _show_path(self, path_id: int | None) -> None:
        kept = self._selected_cells() if path_id == self.path_id else set()
        self.path_id = path_id
        if path_id is None:
            self.model.set_progress([], [])
        else:
            modules = {m.key: m for m in self.services.paths.modules()}
            keys = self.services.paths.path(path_id).layout.module_keys()
            self.model.set_progress(
                [modules[k] for k in keys], self.services.path_progress.progress(path_id)
            )
        self._fill_departments()
        self._apply_filter()
        self._size_columns()
        self._select_cells(kept)

    def _fill_departments(self) -> None:
        current = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for name in self.model.departments():
            self.department.addItem(name or self.tr("No department"), name)
        index = self.department.findData(current) if current is not None else 0
        self.department.setCurrentIndex(max(index, 0))
        self.department.blockSignals(False)

    def _filter(self) -> None:
        kept = self._selected_cells()
        self._apply_filter()
        self._select_cells(kept)

    def _apply_filter(self) -> None:
        department = self.department.currentData()
        self.model.set_filter(None if department is None else str(department), self.search.text())
        people, share, overdue = self.model.summary()
        self.summary.setText(
            self.tr("{people} · {share} % of modules done · {overdue} overdue").format(
                people=people_count(people), share=round(share * 100), overdue=overdue
            )
        )
        self._update_hint()

    def _size_columns(self) -> None:
        metrics = self.fontMetrics()
        widths = {
            ProgressModel.NAME: 22,
            ProgressModel.DEPARTMENT: 19,
            ProgressModel.DONE: 7,
            ProgressModel.DUE: 18,
            ProgressModel.PROGRESS: 14,
        }
        for column, chars in widths.items():
            self.table.setColumnWidth(column, metrics.averageCharWidth() * chars + 12)
        for column in range(ProgressModel.FIRST_MODULE, self.model.columnCount()):
            self.table.setItemDelegateForColumn(column, self.cell_delegate)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            self.table.setColumnWidth(column, max(90, metrics.horizontalAdvance(title) + 24))

    # Selection ---------------------------------------------------------------------------
    def _selected_cells(self) -> set[tuple[int, int]]:
        return {
            (int(index.data(PERSON_ROLE)), index.column())
            for index in self.table.selectionModel().selectedIndexes()
        }

    def _select_cells(self, cells: set[tuple[int, int]]) -> None:
        selection = QItemSelection()
        for person, column in cells:
            row = self.model.row_of(person)
            if row is not None and column < self.model.columnCount():
                index = self.model.index(row, column)
                selection.select(index, index)
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._update_hint()

    def chosen(self) -> tuple[list[int], str | None]:
        """The people of the selected cells, and the module when they are in one column."""
        indexes = self.table.selectionModel().selectedIndexes()
        people = list(dict.fromkeys(int(i.data(PERSON_ROLE)) for i in indexes))
        columns = {i.column() for i in indexes if self.model.module_key(i.column())}
        key = self.model.module_key(columns.pop()) if len(columns) == 1 else None
        return people, key

    def _module_title(self, key: str) -> str:
        return next((m.title for m in self.model.modules if m.key == key), key)

    def _update_hint(self) -> None:
        people, key = self.chosen()
        self.mark_button.setEnabled(bool(people) and key is not None)
        if people and key is not None:
            self.hint.setText(
                self.tr(
                    "{people} chosen in “{module}”: Mark… to record their progress, or type "
                    "D for done today, I for in progress, N for not started."
                ).format(people=people_count(len(people)), module=self._module_title(key))
            )
        else:
            self.hint.setText(
                self.tr(
                    "Select people's cells in one module's column (or click its heading for "
                    "everyone shown), then Mark…, or type D for done today, I for in "
                    "progress, N for not started."
                )
            )

    # Marking -----------------------------------------------------------------------------
    def open_mark_dialog(self) -> None:
        """Ask what to record for the people and module chosen (window-modal, not blocking)."""
        people, key = self.chosen()
        if not people or key is None or self.path_id is None:
            return
        dialog = MarkProgressDialog(self._module_title(key), len(people), self)
        path_id = self.path_id
        dialog.accepted.connect(
            lambda: self.mark(
                path_id,
                people,
                key,
                dialog.chosen_status(),
                on=dialog.chosen_date(),
                score=dialog.chosen_score(),
                note=dialog.chosen_note(),
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        self.mark_dialog = dialog
        dialog.open()

    def mark(
        self,
        path_id: int,
        people: list[int],
        key: str,
        status: str,
        *,
        on: date | None = None,
        score: float | None = None,
        note: str | None = None,
    ) -> None:
        """Save one module's status for these people; say what changed."""
        try:
            changed = self.services.path_progress.set_progress(
                path_id, people, key, status, on=on, score=score, note=note
            )
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Mark progress"))
            return
        self.reload()
        self.feedback.setText(
            self.tr("“{module}”: {people} marked {status} ({changed} changed).").format(
                module=self._module_title(key),
                people=people_count(len(people)),
                status=status_label(status).lower(),
                changed=changed,
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            status = SHORTCUTS.get(Qt.Key(event.key()))
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if status is not None and plain:
                self._mark_by_key(status)
                return True
        return super().eventFilter(watched, event)

    def _mark_by_key(self, status: str) -> None:
        people, key = self.chosen()
        if not people or key is None or self.path_id is None:
            self.hint.setText(
                self.tr("Select cells in one module's column first, then type the letter.")
            )
            return
        self.mark(
            self.path_id, people, key, status, on=date.today() if status == "completed" else None
        )

    def import_completions(self) -> None:
        """Open the import of completions from a learning system's export."""
        from ui.paths.completions_dialog import CompletionsImportDialog

        dialog = CompletionsImportDialog(self.services, self)
        self.import_dialog = dialog
        dialog.open()

    # Changes -----------------------------------------------------------------------------
    def refresh_pending(self) -> bool:
        """True while a change has arrived that the page has not caught up with."""
        return self.refresher.pending()
