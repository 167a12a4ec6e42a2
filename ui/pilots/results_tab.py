"""A pilot's results, as leadership sees them in a meeting: the verdict on each success
criterion, the key figures with their intervals, the charts, what people said, who took part,
and the decision to scale up, adjust or stop.

Every figure comes from ``services.pilot_outcomes.outcome()``, worked out off the GUI thread;
this tab only lays the figures out and words them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Topic
from app.pilots.outcome import judging_of
from app.pilots.records import PilotOutcome
from app.progress import CancelToken, Progress
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted, scaled_font
from ui.messages import show_error
from ui.people.empty_state import EmptyStatePanel
from ui.people.naming import named
from ui.pilots.decision_dialog import DecisionDialog
from ui.pilots.results_charts import ChartsPanel
from ui.pilots.results_cohort import CoverageTable, coverage_sentence
from ui.pilots.results_criteria import CriteriaTable
from ui.pilots.results_figure_texts import figure_cards
from ui.pilots.results_figures import Card, FigureGrid
from ui.pilots.results_format import uncertain_note
from ui.pilots.results_quotes import QuotesPanel
from ui.pilots.results_stage import decision_expected, decision_line, stage_note, summary_line
from ui.refresh_when_shown import RefreshWhenShown
from ui.worker import BackgroundTask, run_in_background

REFRESH_TOPICS = frozenset(
    {Topic.PILOTS, Topic.PATHS, Topic.PEOPLE, Topic.DEPARTMENTS, Topic.DATA_FILE}
)


def has_measurements(outcome: PilotOutcome) -> bool:
    """Whether anything has been recorded that the results could show."""
    results = outcome.results
    answers = results.satisfaction
    pairs = (results.learning_gain, results.job_satisfaction, results.career_satisfaction)
    return bool(
        results.check_ins
        or results.time_saved.tasks
        or answers.n
        or answers.recommend_n
        or answers.comments
        or any(pair.n_pairs or pair.missing_after or pair.missing_before for pair in pairs)
        or outcome.applications
        or results.completion.completed
    )


class ResultsTab(QWidget):
    """The Results tab of a pilot; ``set_pilot(id)`` chooses the pilot shown."""

    shown = Signal()
    """The results of the current pilot are on screen (tests wait on this)."""

    def __init__(
        self,
        services: AppServices,
        bridge: ChangeBridge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("results_tab")
        self.services = services
        self.pilot_id: int | None = None
        self.outcome: PilotOutcome | None = None
        self.decision_dialog: DecisionDialog | None = None
        self._generation = 0
        self._shown_generation = 0
        self._tasks: list[BackgroundTask[PilotOutcome]] = []
        self._build()
        self.refresher = RefreshWhenShown(self, bridge, REFRESH_TOPICS, self.reload)
        self._show_nothing(self.tr("Choose a pilot to see its results."))

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("results_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 8, 12, 12)
        column.setSpacing(12)

        self.message = make_muted("", content, "results_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.message)
        column.addWidget(self._build_banner(content))

        self.empty_state = EmptyStatePanel(
            self.tr("No measurements yet"),
            self.tr(
                "Enter weekly check-ins and task timings in Measurements; results appear here "
                "as they come in."
            ),
            content,
        )
        self.empty_state.setObjectName("results_empty_state")
        column.addWidget(self.empty_state)
        self.body = self._build_body(content)
        column.addWidget(self.body)
        column.addStretch(1)
        self._column = column

        self.scroll_area = named(QScrollArea(self), "results_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

    def _build_banner(self, parent: QWidget) -> QFrame:
        """The verdict in one sentence, the decision, and the button to record it."""
        self.banner = Card("results_banner", parent)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(16)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        self.verdict = named(QLabel(self.banner), "verdict_summary")
        self.verdict.setFont(scaled_font(self, 1.3, bold=True))
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.uncertain = make_muted("", self.banner, "uncertain_note")
        self.stage_note = make_muted("", self.banner, "stage_note")
        self.decision = named(QLabel(self.banner), "decision_summary")
        self.decision.setWordWrap(True)
        self.decision.setTextFormat(Qt.TextFormat.PlainText)
        self.decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.decision.setFont(scaled_font(self, 1.05))
        for label in (self.verdict, self.uncertain, self.stage_note, self.decision):
            texts.addWidget(label)
        row.addLayout(texts, 1)
        self.decide_button = named(
            QPushButton(self.tr("&Record decision…"), self.banner), "record_decision"
        )
        self.decide_button.setToolTip(
            self.tr("Scale up, adjust or stop: the decision, the reasons and the date")
        )
        self.decide_button.clicked.connect(self.open_decision_dialog)
        row.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignTop)
        return self.banner

    def _build_body(self, parent: QWidget) -> QWidget:
        body = QWidget(parent)
        body.setObjectName("results_body")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)

        column.addWidget(make_heading(self.tr("Success criteria"), body, 1.15))
        self.criteria = CriteriaTable(body)
        self.no_criteria = make_muted(
            self.tr(
                "No success criteria were agreed before this pilot started, so there is "
                "nothing to judge it against; the figures below still show what changed."
            ),
            body,
            "no_criteria",
        )
        column.addWidget(self.criteria)
        column.addWidget(self.no_criteria)
        column.addWidget(
            make_muted(
                self.tr(
                    "Each figure comes with its 95 % interval: the range the true value most "
                    "likely lies in. With fewer than 5 people (or timed tasks) behind a figure "
                    "there is not enough data to judge it."
                ),
                body,
            )
        )

        column.addSpacing(6)
        column.addWidget(make_heading(self.tr("Key figures"), body, 1.15))
        self.figures = FigureGrid(body)
        column.addWidget(self.figures)

        column.addSpacing(6)
        column.addWidget(make_heading(self.tr("Charts"), body, 1.15))
        self.charts = ChartsPanel(body)
        column.addWidget(self.charts)

        column.addSpacing(6)
        column.addWidget(make_heading(self.tr("In their own words"), body, 1.15))
        column.addWidget(
            make_muted(self.tr("Comments from the satisfaction survey, without names."), body)
        )
        self.quotes = QuotesPanel(body)
        column.addWidget(self.quotes)

        column.addSpacing(6)
        column.addWidget(make_heading(self.tr("Who took part"), body, 1.15))
        self.coverage_text = named(QLabel(body), "coverage_sentence")
        self.coverage_text.setWordWrap(True)
        self.coverage_text.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.coverage_text)
        self.coverage = CoverageTable(body)
        coverage_row = QHBoxLayout()
        coverage_row.addWidget(self.coverage, 3)
        coverage_row.addStretch(2)
        column.addLayout(coverage_row)
        return body

    # Choosing and loading -----------------------------------------------------------------
    def set_pilot(self, pilot_id: int | None) -> None:
        """Show this pilot's results (None: no pilot chosen)."""
        if pilot_id == self.pilot_id and self.outcome is not None:
            return
        self.pilot_id = pilot_id
        self.outcome = None
        self._generation += 1
        if pilot_id is None:
            self.refresher.done()
            self._shown_generation = self._generation
            self._show_nothing(self.tr("Choose a pilot to see its results."))
            return
        self._show_nothing(self.tr("Working out the results…"))
        if self.isVisible():
            self.reload()
        else:
            self.refresher.stale = True

    def reload(self) -> None:
        """Work out the chosen pilot's results again, off the GUI thread."""
        self.refresher.done()
        pilot_id = self.pilot_id
        if pilot_id is None:
            return
        self._generation += 1
        generation = self._generation
        outcomes = self.services.pilot_outcomes

        def work(_progress: Progress, _cancel: CancelToken) -> PilotOutcome:
            return outcomes.outcome(pilot_id)

        task = run_in_background(
            self,
            self.tr("Working out the results…"),
            work,
            lambda outcome: self._loaded(generation, outcome),
            lambda error: self._failed(generation, error),
            show_progress=False,
        )
        self._tasks.append(task)
        task.finished.connect(lambda: self._tasks.remove(task))

    def is_ready(self) -> bool:
        """True once the chosen pilot's latest results are on screen (tests wait on this)."""
        return (
            not self.refresher.pending()
            and not self.refresher.stale
            and self._shown_generation == self._generation
        )

    def _loaded(self, generation: int, outcome: PilotOutcome) -> None:
        if generation != self._generation:
            return  # another pilot was chosen, or a newer change arrived meanwhile
        self._shown_generation = generation
        self.show_outcome(outcome)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._shown_generation = generation
        self.outcome = None
        if isinstance(error, UserFacingError):
            self._show_nothing(error.message)
        else:
            self._show_nothing(self.tr("The results could not be worked out."))
            show_error(self, error, action=self.tr("Show the pilot's results"))

    # Showing ------------------------------------------------------------------------------
    def _show_nothing(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
        self.banner.hide()
        self.empty_state.hide()
        self.body.hide()

    def show_outcome(self, outcome: PilotOutcome) -> None:
        """Lay out one pilot's outcome (the figures as they are; nothing is worked out here)."""
        self.outcome = outcome
        self.message.hide()
        measured = has_measurements(outcome)
        pilot = outcome.pilot
        judging = judging_of(outcome)
        self.verdict.setText(summary_line(outcome.criteria, judging))
        self.verdict.setVisible(measured)
        note = uncertain_note(outcome.criteria)
        self.uncertain.setText(note)
        self.uncertain.setVisible(measured and bool(note))
        self.stage_note.setText(stage_note(judging))
        self.stage_note.setVisible(measured and bool(self.stage_note.text()))
        self.decision.setText(decision_line(pilot, judging))
        self.decide_button.setVisible(decision_expected(pilot, judging))
        self.banner.setAccessibleDescription(
            " ".join(text for text in (self.verdict.text(), self.decision.text()) if text)
        )
        self.banner.show()
        self.empty_state.setVisible(not measured)
        self.body.setVisible(measured)
        # The empty state fills the height (its text sits in the upper middle); results
        # stay at the top.
        self._column.setStretchFactor(self.empty_state, 0 if measured else 1)
        self._column.setStretch(self._column.count() - 1, 1 if measured else 0)
        if measured:
            self._show_body(outcome)
        self.shown.emit()

    def _show_body(self, outcome: PilotOutcome) -> None:
        self.criteria.set_results(outcome.criteria)
        self.criteria.setVisible(bool(outcome.criteria))
        self.no_criteria.setVisible(not outcome.criteria)
        self.figures.set_cards(figure_cards(outcome), wide=("scale_up",))
        self.charts.set_outcome(outcome)
        self.quotes.set_quotes(outcome.quotes)
        self.coverage_text.setText(coverage_sentence(outcome.coverage, len(outcome.participants)))
        self.coverage.set_rows(outcome.coverage)

    def verdict_text(self) -> str:
        return self.verdict.text() if not self.verdict.isHidden() else ""

    def decision_text(self) -> str:
        return self.decision.text()

    # The decision -------------------------------------------------------------------------
    def open_decision_dialog(self) -> DecisionDialog | None:
        """Open the decision dialog (window-modal, not blocking); None before results show."""
        if self.outcome is None:
            return None
        if self.decision_dialog is not None:
            self.decision_dialog.raise_()
            return self.decision_dialog
        dialog = DecisionDialog(self.services, self.outcome, self)
        dialog.accepted.connect(self._decision_recorded)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.decision_dialog = dialog
        dialog.open()
        return dialog

    def _decision_recorded(self) -> None:
        if not self.refresher.pending():
            self.reload()  # without a change bridge, catch up here

    def _dialog_closed(self, dialog: DecisionDialog) -> None:
        if self.decision_dialog is dialog:
            self.decision_dialog = None
        dialog.deleteLater()
