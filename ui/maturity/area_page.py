"""The Assessment area: what an assessment is (until there is one), then every assessment
over time with a line chart of the overall score and the results of the one selected."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.maturity.service import UnfinishedAssessment
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.maturity.history import AssessmentListModel, OverallHistoryChart
from ui.maturity.results_page import MaturityResultsPage
from ui.maturity.wizard import MaturityWizard
from ui.messages import show_error
from ui.people.empty_state import EmptyStatePanel
from ui.people.naming import named

MAX_OFFERED = 3


class ResumeOffer(QDialog):
    """ "Resume <name> (12 of 36 answered)" or "Start a new assessment"; opened, never exec'd."""

    resume_chosen = Signal(int)
    new_chosen = Signal()

    def __init__(
        self, unfinished: list[UnfinishedAssessment], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resume_offer")
        self.setWindowTitle(self.tr("Start the assessment"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        text = QLabel(
            self.tr("You have an assessment that is not finished. Every answer so far is saved."),
            self,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.resume_buttons: list[QPushButton] = []
        for index, entry in enumerate(unfinished[:MAX_OFFERED]):
            button = named(
                QPushButton(
                    self.tr("Resume {name} ({answered} of {total} answered)").format(
                        name=entry.name, answered=entry.answered, total=entry.total
                    ),
                    self,
                ),
                f"resume_{index}",
            )
            button.clicked.connect(lambda _c=False, i=entry.id: self._resume(i))
            layout.addWidget(button)
            self.resume_buttons.append(button)
        if self.resume_buttons:
            self.resume_buttons[0].setDefault(True)
        self.new_button = named(QPushButton(self.tr("Start a new assessment"), self), "start_new")
        self.new_button.clicked.connect(self._new)
        layout.addWidget(self.new_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _resume(self, assessment_id: int) -> None:
        self.accept()
        self.resume_chosen.emit(assessment_id)

    def _new(self) -> None:
        self.accept()
        self.new_chosen.emit()


class MaturityAreaPage(QWidget):
    """Assessments over time; starting, resuming and deleting them; the selected one's results."""

    assessment_finished = Signal(int)

    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maturity_area")
        self.services = services
        self.wizard: MaturityWizard | None = None
        self.resume_offer: ResumeOffer | None = None
        self.delete_box: QMessageBox | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        bridge.changed.connect(self._on_change)
        self.refresh()

    # Building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("Where does your organisation stand with AI?"),
            self.tr(
                "The maturity assessment looks at nine topics, from strategy and leadership "
                "to data, tools and culture. For each question you pick the description that "
                "fits your organisation best, alone or with a group. It takes about an hour; "
                "answers are saved as you go, so you can stop and come back. The results show "
                "your level, the gap to your target and where to start."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("maturity_empty_state")
        self.start_button = self.empty_state.add_action(
            self.tr("Start the assessment"),
            self.tr("Set it up and answer the first topic"),
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            "start_assessment",
        )
        self.start_button.clicked.connect(self.start_assessment)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_main(self) -> QWidget:
        main = QWidget(self.stack)
        main.setObjectName("maturity_main")
        column = QVBoxLayout(main)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(10)

        header = QHBoxLayout()
        header.addWidget(make_heading(self.tr("Organisation maturity"), main, 1.6), 1)
        self.new_button = named(QPushButton(self.tr("&New assessment…"), main), "new_assessment")
        self.new_button.clicked.connect(self.start_assessment)
        self.resume_button = named(QPushButton(self.tr("&Resume"), main), "resume_assessment")
        self.resume_button.setToolTip(self.tr("Go on answering the selected assessment"))
        self.resume_button.clicked.connect(self.resume_selected)
        self.delete_button = named(QPushButton(self.tr("&Delete…"), main), "delete_assessment")
        self.delete_button.clicked.connect(self.delete_selected)
        self.frameworks_button = named(
            QPushButton(self.tr("&Frameworks…"), main), "open_frameworks"
        )
        self.frameworks_button.setToolTip(
            self.tr("See the built-in framework, or copy it and adapt the questions")
        )
        self.frameworks_button.clicked.connect(self.show_frameworks)
        for button in (
            self.new_button,
            self.resume_button,
            self.delete_button,
            self.frameworks_button,
        ):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(header)
        column.addWidget(
            make_muted(
                self.tr(
                    "Every assessment over time. Choose one to see its results; a follow-up "
                    "shows what changed since its baseline."
                ),
                main,
            )
        )

        top = QWidget(main)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.setSpacing(16)
        self.list_model = AssessmentListModel(self)
        self.list_view = named(QTableView(top), "assessment_list")
        self.list_view.setModel(self.list_model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        header_view = self.list_view.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(AssessmentListModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.list_view.setAccessibleName(self.tr("Assessments"))
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list_view.activated.connect(lambda _index: self._open_selected())
        self.chart = OverallHistoryChart(top)
        top_row.addWidget(self.list_view, 3)
        top_row.addWidget(self.chart, 2)

        self.results_page = MaturityResultsPage(self.services, main)
        self.results_page.continue_requested.connect(self.open_wizard)
        splitter = named(QSplitter(Qt.Orientation.Vertical, main), "maturity_splitter")
        splitter.addWidget(top)
        splitter.addWidget(self.results_page)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        column.addWidget(splitter, 1)
        return main

    # Reading ----------------------------------------------------------------------------
    def is_empty_state_shown(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def selected_id(self) -> int | None:
        rows = self.list_view.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def refresh(self) -> None:
        """Re-read the history (and the selected results); skipped while the wizard is open."""
        self._refresh_timer.stop()
        if self.wizard is not None and self.wizard.isVisible():
            return  # refreshed when the wizard closes
        keep = self.selected_id()
        assessments = self.services.maturity.history().assessments
        self.stack.setCurrentIndex(0 if not assessments else 1)
        self.list_model.set_assessments(assessments)
        self.chart.set_assessments(assessments)
        if assessments:
            row = self.list_model.row_of(keep) if keep is not None else -1
            self.select_row(max(row, 0))
        else:
            self.results_page.clear()
        self._update_buttons()

    def select_assessment(self, assessment_id: int) -> None:
        row = self.list_model.row_of(assessment_id)
        if row >= 0:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        self.list_view.selectRow(row)
        # selectRow does not emit when the row was already selected: show it anyway.
        assessment_id = self.selected_id()
        if assessment_id is not None:
            self.results_page.show_assessment(assessment_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        assessment_id = self.selected_id()
        if assessment_id is not None:
            self.results_page.show_assessment(assessment_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        assessment_id = self.selected_id()
        row = self.list_model.row_of(assessment_id) if assessment_id is not None else -1
        unfinished = row >= 0 and self.list_model.rows[row].status != "complete"
        self.resume_button.setEnabled(unfinished)
        self.delete_button.setEnabled(row >= 0)

    def _on_change(self, change: Change) -> None:
        if not change.topics or change.topics & {
            Topic.ASSESSMENTS,
            Topic.DATA_FILE,
            Topic.ORGANISATION,
        }:
            self._refresh_timer.start()

    # Starting and resuming ------------------------------------------------------------------
    def show_frameworks(self) -> QDialog:
        """The list of frameworks (built-in and the user's own copies), non-blocking."""
        from ui.maturity.framework_list import FrameworkListDialog

        dialog = FrameworkListDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.frameworks_dialog = dialog
        dialog.open()
        return dialog

    def start_assessment(self) -> None:
        """Offer to resume an unfinished assessment if there is one, else start a new one."""
        unfinished = self.services.maturity.unfinished()
        if not unfinished:
            self.open_wizard(None)
            return
        if self.resume_offer is not None:
            self.resume_offer.deleteLater()
        offer = ResumeOffer(unfinished, self)
        offer.resume_chosen.connect(self.open_wizard)
        offer.new_chosen.connect(lambda: self.open_wizard(None))
        self.resume_offer = offer
        offer.open()

    def resume_selected(self) -> None:
        assessment_id = self.selected_id()
        if assessment_id is not None:
            self.open_wizard(assessment_id)

    def _open_selected(self) -> None:
        assessment_id = self.selected_id()
        row = self.list_model.row_of(assessment_id) if assessment_id is not None else -1
        if row >= 0 and self.list_model.rows[row].status != "complete":
            self.open_wizard(assessment_id)

    def open_wizard(self, assessment_id: int | None = None) -> MaturityWizard:
        """Open the wizard for a new assessment (None) or to go on with ``assessment_id``."""
        if self.wizard is not None:
            self.wizard.close()
            self.wizard.deleteLater()
        wizard = MaturityWizard(self.services, self, assessment_id)
        wizard.finished_assessment.connect(self._wizard_finished_assessment)
        wizard.finished.connect(lambda _result: self._wizard_closed(wizard))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: MaturityWizard) -> None:
        assessment_id = wizard.assessment_id
        self.refresh()
        if assessment_id is not None:
            self.select_assessment(assessment_id)

    def _wizard_finished_assessment(self, assessment_id: int) -> None:
        self.refresh()
        self.select_assessment(assessment_id)
        self.assessment_finished.emit(assessment_id)

    # Deleting ---------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """Ask first (the box is opened, not exec'd, so tests can answer it)."""
        assessment_id = self.selected_id()
        if assessment_id is None:
            return
        row = self.list_model.rows[self.list_model.row_of(assessment_id)]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete the assessment"),
            self.tr(
                "Delete “{name}” and all its answers? This cannot be undone. Follow-ups "
                "compared with it keep their own answers."
            ).format(name=row.name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("delete_box")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("confirm_delete")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self._delete(assessment_id))
        self.delete_box = box
        box.open()

    def _delete(self, assessment_id: int) -> None:
        try:
            self.services.maturity.delete_assessment(assessment_id)
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Delete the assessment"))
        self.refresh()
