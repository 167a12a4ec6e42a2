"""What the path adds up to, live while it is edited: hours, weeks at a chosen protected
learning time, and the target skills it covers or leaves short."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.paths.capacity import MAX_HOURS_PER_WEEK
from app.paths.planning import coverage, path_hours, weeks_needed
from app.paths.service import ModuleRow
from ui.look import make_heading, make_muted, scaled_font
from ui.paths.coverage_model import CoverageModel, shortfall_colour
from ui.paths.progress_labels import hours_text, number_text
from ui.people.naming import named


class PathSummary(QWidget):
    """Total hours, weeks needed, and skills coverage against the chosen targets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("path_summary")
        self._modules: list[ModuleRow] = []
        self.total = named(QLabel(self), "path_total")
        self.total.setFont(scaled_font(self, 1.15, bold=True))
        self.pace = named(QDoubleSpinBox(self), "hours_per_week")
        self.pace.setRange(0.5, MAX_HOURS_PER_WEEK)
        self.pace.setSingleStep(0.5)
        self.pace.setDecimals(1)
        self.pace.setSuffix(self.tr(" h a week"))
        self.pace.setAccessibleName(self.tr("Protected learning time per week"))
        self.pace.setToolTip(
            self.tr(
                "Try another pace here to see how long the path takes; the organisation's "
                "protected learning time is set on the Capacity tab."
            )
        )
        self.pace.valueChanged.connect(lambda _value: self._show_weeks())
        self.weeks = named(QLabel(self), "path_weeks")
        self.weeks.setWordWrap(True)
        self.measured = named(make_muted("", self), "measured_against")
        self.coverage_model = CoverageModel(self)
        self.coverage = named(QTableView(self), "coverage_table")
        self.coverage.setModel(self.coverage_model)
        self.coverage.setAccessibleName(self.tr("Skills coverage"))
        self.coverage.verticalHeader().hide()
        self.coverage.setShowGrid(False)
        self.coverage.setAlternatingRowColors(True)
        self.coverage.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.coverage.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.coverage.setWordWrap(False)
        header = self.coverage.horizontalHeader()
        header.setSectionResizeMode(CoverageModel.SKILL, QHeaderView.ResizeMode.Stretch)
        for column in (CoverageModel.TARGET, CoverageModel.REACHED, CoverageModel.STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.coverage.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.uncovered = named(QLabel(self), "uncovered_skills")
        self.uncovered.setWordWrap(True)
        self.uncovered.setTextFormat(Qt.TextFormat.PlainText)
        self._lay_out()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(make_heading(self.tr("Summary"), self, 1.1))
        column.addWidget(self.total)
        pace_row = QHBoxLayout()
        pace_label = QLabel(self.tr("&Protected learning time:"), self)
        pace_label.setBuddy(self.pace)
        pace_row.addWidget(pace_label)
        pace_row.addWidget(self.pace)
        pace_row.addStretch(1)
        column.addLayout(pace_row)
        column.addWidget(self.weeks)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        column.addWidget(line)
        column.addWidget(make_heading(self.tr("Skills against the targets"), self, 1.0))
        column.addWidget(self.measured)
        column.addWidget(self.coverage, 1)
        column.addWidget(self.uncovered)

    # Showing ------------------------------------------------------------------------------
    def set_hours_per_week(self, hours: float) -> None:
        self.pace.setValue(hours)

    def show_path(
        self,
        modules: Sequence[ModuleRow],
        targets: Mapping[str, int],
        measured_against: str,
        skill_names: Mapping[str, str],
        level_names: Mapping[int, str],
    ) -> None:
        """Recompute everything for these modules against these targets."""
        self._modules = list(modules)
        hours = path_hours(self._modules)
        count = len(self._modules)
        modules_text = (
            self.tr("1 module") if count == 1 else self.tr("{count} modules").format(count=count)
        )
        self.total.setText(
            self.tr("{hours} in {modules}").format(hours=hours_text(hours), modules=modules_text)
        )
        self._show_weeks()
        self.measured.setText(measured_against)
        wanted = {skill: target for skill, target in targets.items() if target > 0}
        lines = coverage((m.raises for m in self._modules), wanted)
        self.coverage_model.set_coverage(lines, skill_names, level_names)
        short = [line for line in lines if not line.covered]
        if not wanted:
            self.uncovered.setText(self.tr("These targets ask for no skill."))
            self.uncovered.setStyleSheet("")
        elif not short:
            self.uncovered.setText(self.tr("Covers every target skill."))
            self.uncovered.setStyleSheet("")
        else:
            named_short = "; ".join(
                self.tr("{skill} (target {target}, path reaches {reached})").format(
                    skill=skill_names.get(line.skill, line.skill),
                    target=line.target,
                    reached=line.reached,
                )
                for line in short
            )
            self.uncovered.setText(self.tr("Leaves uncovered: {skills}").format(skills=named_short))
            self.uncovered.setStyleSheet(f"color: {shortfall_colour().name()};")

    def _show_weeks(self) -> None:
        hours = path_hours(self._modules)
        pace = self.pace.value()
        if hours <= 0:
            self.weeks.setText(self.tr("Add modules to see how long the path takes."))
            return
        weeks = weeks_needed(hours, pace)
        text = (
            self.tr("Takes 1 week at {pace} h a week.")
            if weeks == 1
            else self.tr("Takes {weeks} weeks at {pace} h a week.")
        )
        self.weeks.setText(text.format(weeks=weeks, pace=number_text(pace)))
