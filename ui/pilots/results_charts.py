"""The charts of a pilot's results, two to a row: weekly use against its target, satisfaction
answers, minutes per task before and after, the knowledge check, engagement, and what the
tool was used for."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.pilots.analysis import task_minutes
from app.pilots.criteria import CriterionResult
from app.pilots.outcome import judging_of
from app.pilots.records import PilotOutcome
from ui.look import make_muted
from ui.pilots.charts import AdoptionChart, BeforeAfterChart, SatisfactionHistogram
from ui.pilots.results_features import FeatureUseTable


def weekly_target(criteria: Sequence[CriterionResult]) -> tuple[float | None, int | None]:
    """The weekly-use criterion's target (percent) and the week it counts from, if one is set."""
    for result in criteria:
        if result.criterion.measure == "weekly_active":
            return result.criterion.threshold, result.criterion.after_weeks
    return None, None


class ChartsPanel(QWidget):
    """The result charts and the feature-use table in a two-column grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_charts")
        self.adoption = AdoptionChart(self)
        self.satisfaction = SatisfactionHistogram(self)
        self.tasks = BeforeAfterChart(self.tr("Minutes per task, before and after"), self)
        self.tasks.setObjectName("task_chart")
        self.knowledge = BeforeAfterChart(self.tr("Knowledge check, before and after"), self)
        self.knowledge.setObjectName("knowledge_chart")
        self.engagement = BeforeAfterChart(self.tr("Engagement, before and after"), self)
        self.engagement.setObjectName("engagement_chart")
        self.features = FeatureUseTable(self)
        self.features_empty = make_muted(
            self.tr("No features ticked in the weekly check-ins yet."), self, "features_empty"
        )
        feature_box = QWidget(self)
        feature_box.setObjectName("feature_use")
        column = QVBoxLayout(feature_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.fontMetrics().height() // 3)
        title = QLabel(self.tr("What they used it for"), feature_box)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        column.addWidget(self.features)
        column.addWidget(self.features_empty)
        column.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(18)
        for index, widget in enumerate(
            (
                self.adoption,
                self.satisfaction,
                self.tasks,
                self.knowledge,
                self.engagement,
                feature_box,
            )
        ):
            grid.addWidget(widget, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def set_outcome(self, outcome: PilotOutcome) -> None:
        results = outcome.results
        target, from_week = weekly_target(outcome.criteria)
        judging = judging_of(outcome)
        self.adoption.set_curve(
            [(week.week, week.share, week.reporting) for week in results.adoption],
            target,
            from_week,
            planned_weeks=judging.weeks if judging.interim else None,
        )
        answers = results.satisfaction
        self.satisfaction.set_counts(answers.distribution, answers.mean)
        self.tasks.set_groups(
            [
                (task.task, task.minutes_before, task.minutes_after)
                for task in task_minutes(results.time_saved.tasks)
            ],
            self.tr("Minutes"),
        )
        gain = results.learning_gain
        self.knowledge.set_groups(
            [(self.tr("Knowledge check"), gain.mean_before, gain.mean_after)]
            if gain.n_pairs
            else [],
            self.tr("Score %"),
        )
        job, career = results.job_satisfaction, results.career_satisfaction
        self.engagement.set_groups(
            [
                (self.tr("Job satisfaction"), job.mean_before, job.mean_after),
                (self.tr("Career development"), career.mean_before, career.mean_after),
            ]
            if job.n_pairs or career.n_pairs
            else [],
            self.tr("Out of 5"),
        )
        self.features.set_features(results.features)
        self.features.setVisible(bool(results.features))
        self.features_empty.setVisible(not results.features)
