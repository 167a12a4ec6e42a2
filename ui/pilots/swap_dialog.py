"""Choose who comes into the cohort in place of someone: the candidates not picked, best
score first, with their department and figures, narrowed by typing a name or department."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.pilots.cohort import Candidate
from ui.look import make_heading, make_muted
from ui.people.naming import named
from ui.pilots.cohort_models import CandidateFilter, CandidateTableModel
from ui.pilots.labels import source_explanation


class CandidateTable(QTableView):
    """A read-only, sortable table of candidates over a search filter."""

    def __init__(self, model: CandidateTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = CandidateFilter(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's order: best first
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CandidateTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        widths = {
            CandidateTableModel.DEPARTMENT: 150,
            CandidateTableModel.ROLE: 175,
            CandidateTableModel.ENTHUSIASM: 120,
            CandidateTableModel.INFLUENCE: 150,
            CandidateTableModel.SCORE: 60,
        }
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    def current_candidate(self) -> Candidate | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.source.candidate_at(self.proxy.mapToSource(index).row())

    def select_first(self) -> None:
        if self.proxy.rowCount() == 0:
            self.selectionModel().clearSelection()
            return
        index = self.proxy.index(0, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def select_person(self, person_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.source.candidate_at(self.proxy.mapToSource(index).row()).person_id == person_id:
                self.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.scrollTo(index)
                return True
        return False


class SwapDialog(QDialog):
    """``chosen`` is the candidate to bring in once the dialog is accepted."""

    rate_requested = Signal(object)
    """A Candidate whose enthusiasm and influence HR wants to enter."""

    def __init__(
        self, leaving: Candidate, candidates: Sequence[Candidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("swap_dialog")
        self.setWindowTitle(self.tr("Swap with…"))
        self.leaving = leaving
        self.chosen: Candidate | None = None
        self.search = named(QLineEdit(self), "swap_search")
        self.search.setPlaceholderText(self.tr("Type a name, a department or a role"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the candidates"))
        self.model = CandidateTableModel(parent=self)
        self.table = named(CandidateTable(self.model, self), "swap_candidates")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.search.textChanged.connect(self._search)
        self.search.installEventFilter(self)
        self.rate_button = named(
            QPushButton(self.tr("Set enthusiasm/&influence…"), self), "rate_candidate"
        )
        self.rate_button.clicked.connect(self._rate)
        buttons = QDialogButtonBox(self)
        self.swap_button = named(
            buttons.addButton(self.tr("&Swap"), QDialogButtonBox.ButtonRole.AcceptRole),
            "confirm_swap",
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.rate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.swap_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(
            make_heading(
                self.tr("Who comes in for {name}?").format(name=leaving.display_name), self, 1.15
            )
        )
        layout.addWidget(
            make_muted(
                self.tr(
                    "{name} is in {department}. The people not picked, highest score first."
                ).format(name=leaving.display_name, department=leaving.department),
                self,
            )
        )
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(make_muted(source_explanation(), self))
        layout.addWidget(buttons)
        self.set_candidates(candidates)
        self.search.setFocus()
        self.resize(860, 560)

    def set_candidates(self, candidates: Sequence[Candidate], keep: int | None = None) -> None:
        """The candidates to choose from (again, after a rating changed), keeping ``keep``
        selected if given."""
        self.model.set_candidates(candidates)
        if keep is None or not self.table.select_person(keep):
            self.table.select_first()
        self.swap_button.setEnabled(self.table.current_candidate() is not None)

    def _search(self, text: str) -> None:
        self.table.proxy.set_search(text)
        self.table.select_first()
        self.swap_button.setEnabled(self.table.current_candidate() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search move through the candidates."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.table.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def _rate(self) -> None:
        candidate = self.table.current_candidate()
        if candidate is not None:
            self.rate_requested.emit(candidate)

    def accept(self) -> None:
        self.chosen = self.table.current_candidate()
        if self.chosen is None:
            return
        super().accept()
