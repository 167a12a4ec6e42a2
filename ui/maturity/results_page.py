"""The results of one assessment: overall level, radar, topics by gap, and where to start.

Every number comes from ``services.maturity.results()``; this page only formats them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.maturity.figures import AssessmentResults, DimensionResult
from app.progress import CancelToken, Progress
from ui.look import make_heading, make_muted, scaled_font
from ui.maturity.labels import (
    change_text,
    date_text,
    kind_text,
    mode_text,
    percent_text,
    score_text,
    status_text,
)
from ui.maturity.radar import RadarChart, RadarLine
from ui.maturity.results_table import DimensionResultsModel
from ui.messages import show_error, show_message
from ui.people.naming import named
from ui.worker import BackgroundTask, run_in_background


def maturity_pdf_available(services: AppServices) -> bool:
    """The maturity PDF is written by the report service once it supports that kind."""
    try:
        from app.services.reports import AVAILABLE_KINDS, ReportKind
    except ImportError:
        return False
    return ReportKind.MATURITY in AVAILABLE_KINDS and hasattr(services.reports, "write_pdf")


class _Card(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )


class MaturityResultsPage(QWidget):
    """One assessment's results; ``show_assessment(id)`` fills it, ``clear()`` empties it."""

    continue_requested = Signal(int)
    """The user wants to go on answering this (unfinished) assessment."""
    pdf_written = Signal(object)
    """The PDF report was written; carries its path."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("maturity_results")
        self.services = services
        self.results: AssessmentResults | None = None
        self.task: BackgroundTask[Path] | None = None
        self.last_message_box: QMessageBox | None = None
        self._build()

    # Building ---------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("resultsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 8)
        column.setSpacing(12)

        self.title = make_heading("", content, 1.4, "results_title")
        self.meta = make_muted("", content, "results_meta")
        self.pdf_button = named(QPushButton(self.tr("Print report (PDF)…"), content), "print_pdf")
        self.pdf_button.clicked.connect(self.print_pdf)
        self.continue_button = named(
            QPushButton(self.tr("Continue answering"), content), "continue_answering"
        )
        self.continue_button.clicked.connect(self._continue)
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title)
        title_box.addWidget(self.meta)
        header = QHBoxLayout()
        header.addLayout(title_box, 1)
        header.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header)

        self.unfinished_note = named(QLabel(content), "unfinished_note")
        self.unfinished_note.setWordWrap(True)
        column.addWidget(self.unfinished_note)

        # Overall and the radar side by side.
        overall = _Card("overall_card", content)
        overall_box = QVBoxLayout(overall)
        overall_box.setContentsMargins(16, 14, 16, 14)
        overall_box.setSpacing(6)
        overall_box.addWidget(make_muted(self.tr("Overall maturity"), overall))
        self.overall_score = named(QLabel(overall), "overall_score")
        self.overall_score.setFont(scaled_font(self, 2.6, bold=True))
        self.overall_level = named(QLabel(overall), "overall_level")
        self.overall_level.setFont(scaled_font(self, 1.3, bold=True))
        self.overall_level.setWordWrap(True)
        self.level_description = named(QLabel(overall), "level_description")
        self.level_description.setWordWrap(True)
        self.coverage = make_muted("", overall, "coverage")
        self.comparison = named(QLabel(overall), "baseline_comparison")
        self.comparison.setWordWrap(True)
        for widget in (
            self.overall_score,
            self.overall_level,
            self.level_description,
            self.comparison,
            self.coverage,
        ):
            overall_box.addWidget(widget)
        overall_box.addStretch(1)
        overall.setFixedWidth(self.fontMetrics().averageCharWidth() * 40)
        self.radar = RadarChart(content)
        self.radar.setMinimumHeight(self.fontMetrics().height() * 24)
        top = QHBoxLayout()
        top.setSpacing(16)
        # In a column with a stretch below, so the card is as tall as its wrapped text.
        overall_column = QVBoxLayout()
        overall_column.addWidget(overall)
        overall_column.addStretch(1)
        top.addLayout(overall_column)
        top.addWidget(self.radar, 1)
        column.addLayout(top, 1)

        # Topics by gap.
        column.addWidget(make_heading(self.tr("Topics, largest gap to target first"), content))
        self.model = DimensionResultsModel(self)
        self.table = named(QTableView(content), "dimension_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header_view.setSectionResizeMode(
            DimensionResultsModel.TOPIC, QHeaderView.ResizeMode.Stretch
        )
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        column.addWidget(self.table)

        # Where to start.
        column.addWidget(make_heading(self.tr("Where to start: the three weakest topics"), content))
        self.weakest_row = QHBoxLayout()
        self.weakest_row.setSpacing(12)
        column.addLayout(self.weakest_row)
        self.weakest_cards: list[QFrame] = []

        self.notes = make_muted("", content, "results_notes")
        column.addWidget(self.notes)
        column.addStretch(1)

        scroll = named(QScrollArea(self), "results_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # Showing ------------------------------------------------------------------------------
    def show_assessment(self, assessment_id: int) -> None:
        self.show_results(self.services.maturity.results(assessment_id))

    def show_results(self, results: AssessmentResults) -> None:
        self.results = results
        self.title.setText(results.name)
        self.title.setAccessibleName(results.name)
        self.meta.setText(
            " · ".join(
                part
                for part in (
                    results.scope_label,
                    date_text(results.taken_on),
                    kind_text(results.kind),
                    mode_text(results.mode, results.respondent_count),
                    status_text(results.status),
                    self.tr("{framework} (version {version})").format(
                        framework=results.framework_name, version=results.framework_version
                    ),
                )
                if part
            )
        )
        finished = results.status == "complete"
        self.continue_button.setVisible(not finished)
        self.unfinished_note.setVisible(not finished)
        self.unfinished_note.setText(
            self.tr(
                "This assessment is not finished yet. The results below count only the "
                "questions answered so far."
            )
        )
        self._show_overall(results)
        several = results.mode == "respondents" and results.respondent_count > 1
        self.model.set_results(
            results.dimensions, several=several, threshold=results.anonymity_threshold
        )
        for section in (DimensionResultsModel.RESPONDENTS, DimensionResultsModel.SPREAD):
            self.table.setColumnHidden(section, not several)
        self.table.setColumnHidden(DimensionResultsModel.CHANGE, not self.model.has_baseline)
        self._fit_table()
        self.radar.set_data(
            [d.name for d in results.dimensions],
            [
                RadarLine(
                    self.tr("Baseline"), [d.baseline for d in results.dimensions], "baseline"
                ),
                RadarLine(self.tr("Target"), [d.target for d in results.dimensions], "target"),
                RadarLine(self.tr("Now"), [d.score for d in results.dimensions], "current"),
            ],
        )
        self._show_weakest(results.weakest)
        self.notes.setText("\n".join(results.notes))
        self.notes.setVisible(bool(results.notes))
        available = maturity_pdf_available(self.services)
        self.pdf_button.setEnabled(available)
        self.pdf_button.setToolTip(
            self.tr("Save a printable report of these results")
            if available
            else self.tr("The maturity report is not available in this version yet")
        )

    def _show_overall(self, results: AssessmentResults) -> None:
        self.overall_score.setText(
            self.tr("{score} of 5").format(score=score_text(results.overall))
            if results.overall is not None
            else "—"
        )
        self.overall_level.setText(
            self.tr("Level {level}: {name}").format(
                level=results.overall_level, name=results.overall_level_name
            )
            if results.overall_level_name
            else self.tr("No level yet: nothing answered")
        )
        self.level_description.setText(results.overall_level_description or "")
        self.level_description.setVisible(bool(results.overall_level_description))
        answered = round(results.coverage * 100)
        self.coverage.setText(
            self.tr("{share} of the questions answered").format(
                share=percent_text(results.coverage)
            )
            if answered < 100
            else self.tr("Every question answered")
        )
        if results.baseline_name and results.baseline_overall is not None:
            difference = (
                results.overall - results.baseline_overall if results.overall is not None else None
            )
            self.comparison.setText(
                self.tr("{change} since {name} ({date}, {score})").format(
                    change=change_text(difference) if difference is not None else "—",
                    name=results.baseline_name,
                    date=date_text(results.baseline_taken_on) if results.baseline_taken_on else "",
                    score=score_text(results.baseline_overall),
                )
            )
            self.comparison.show()
        else:
            self.comparison.clear()
            self.comparison.hide()

    def _fit_table(self) -> None:
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        for row in range(self.model.rowCount()):
            height += self.table.rowHeight(row)
        scrollbar = self.table.horizontalScrollBar()
        if scrollbar.isVisible():
            height += scrollbar.height()
        self.table.setFixedHeight(height + 2)

    def _show_weakest(self, weakest: list[DimensionResult]) -> None:
        for card in self.weakest_cards:
            self.weakest_row.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.weakest_cards = []
        for index, dimension in enumerate(weakest, start=1):
            card = _Card(f"weakest_{index}", self)
            box = QVBoxLayout(card)
            box.setContentsMargins(14, 12, 14, 12)
            box.setSpacing(6)
            name = QLabel(dimension.name, card)
            name.setObjectName("weakest_name")
            name.setFont(scaled_font(self, 1.1, bold=True))
            name.setWordWrap(True)
            box.addWidget(name)
            box.addWidget(
                make_muted(
                    self.tr("Score {score} · {level}").format(
                        score=score_text(dimension.score), level=dimension.level_name or "—"
                    ),
                    card,
                )
            )
            actions = dimension.recommendations
            text = (
                "<ul style='margin-left:-20px'>"
                + "".join(f"<li>{_escape(action)}</li>" for action in actions)
                + "</ul>"
                if actions
                else self.tr("No suggested actions for this level.")
            )
            recommendations = named(QLabel(text, card), "recommendations")
            recommendations.setWordWrap(True)
            recommendations.setTextFormat(
                Qt.TextFormat.RichText if actions else Qt.TextFormat.PlainText
            )
            box.addWidget(recommendations)
            box.addStretch(1)
            self.weakest_row.addWidget(card, 1)
            self.weakest_cards.append(card)

    def recommendation_texts(self) -> list[str]:
        """The recommended actions shown, in order (for tests and screen readers)."""
        return [
            action
            for d in (self.results.weakest if self.results else [])
            for action in d.recommendations
        ]

    def clear(self) -> None:
        self.results = None
        self.title.clear()
        self.meta.clear()

    # Actions ------------------------------------------------------------------------------
    def _continue(self) -> None:
        if self.results is not None:
            self.continue_requested.emit(self.results.assessment_id)

    def choose_pdf_path(self, suggested: Path) -> Path | None:
        """Ask where to save the PDF; tests replace this method."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the maturity report"),
            str(suggested),
            self.tr("PDF documents (*.pdf)"),
        )
        return Path(chosen) if chosen else None

    def print_pdf(self) -> None:
        results = self.results
        if results is None or (self.task is not None and not self.task.done):
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = Path(folder or Path.home()) / self.tr("Maturity report {date}.pdf").format(
            date=date.today().isoformat()
        )
        chosen = self.choose_pdf_path(suggested)
        if chosen is None:
            return
        out = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_name(chosen.name + ".pdf")
        from app.services.reports import ReportKind

        reports, assessment_id = self.services.reports, results.assessment_id

        def work(progress: Progress, _cancel: CancelToken) -> Path:
            return reports.write_pdf(
                out, ReportKind.MATURITY, assessment_id=assessment_id, progress=progress
            )

        # self.task keeps the finished task's wrapper until the next print: dropping it
        # inside the task's own callback crashes under PySide6 6.12.0 (see signals.py).
        def done(path: Path) -> None:
            self.last_message_box = show_message(
                self,
                self.tr("Saved"),
                self.tr("Saved {name} in {folder}.").format(name=path.name, folder=path.parent),
            )
            self.pdf_written.emit(path)

        def failed(error: BaseException) -> None:
            self.last_message_box = show_error(self, error, action=self.tr("Print the report"))

        self.task = run_in_background(
            self, self.tr("Writing the maturity report…"), work, done, failed
        )


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
