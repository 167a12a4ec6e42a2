"""The success criteria of a pilot: "measure at least threshold", agreed before it starts.

One line per criterion: what it measures (in words), the threshold in the measure's unit
and range (%, out of 5, out of 10, points) and, for weekly use, from which week on it
counts. Once the pilot runs the criteria are shown as sentences that cannot be changed,
with the reason why.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.pilots.criteria import (
    AFTER_WEEKS_RANGE,
    MEASURES,
    PERCENT_MEASURES,
    THRESHOLD_RANGES,
    Criterion,
    criterion_label,
)
from ui.look import make_muted
from ui.people.naming import named
from ui.pilots.labels import (
    DEFAULT_AFTER_WEEKS,
    DEFAULT_THRESHOLDS,
    measure_hint,
    measure_label,
    measure_unit,
)

DEFAULT_CRITERIA = (
    Criterion("completion", 80.0),
    Criterion("satisfaction", 4.0),
    Criterion("time_saved", 15.0),
    Criterion("weekly_active", 60.0, DEFAULT_AFTER_WEEKS),
)
"""What a new pilot starts with; HR changes, removes or adds to them."""

_STEPS = {"satisfaction": 0.1, "recommend": 0.5, "engagement": 0.1, "learning_gain": 1.0}


class CriterionLine(QWidget):
    """One criterion: the measure, "at least", the threshold, "from week", a Remove button."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure = named(QComboBox(self), f"measure_{criterion.measure}")
        for measure in MEASURES:
            self.measure.addItem(measure_label(measure), measure)
        self.measure.setAccessibleName(self.tr("What the criterion measures"))
        self.at_least = QLabel(self.tr("at least"), self)
        self.threshold = named(QDoubleSpinBox(self), f"threshold_{criterion.measure}")
        self.threshold.setAccessibleName(self.tr("Threshold"))
        self.threshold.setMinimumWidth(self.fontMetrics().horizontalAdvance("100.0 out of 10") + 40)
        self.from_week_label = QLabel(self.tr("from &week"), self)
        self.from_week = named(QSpinBox(self), f"after_weeks_{criterion.measure}")
        self.from_week.setRange(*AFTER_WEEKS_RANGE)
        self.from_week.setAccessibleName(self.tr("From which week on weekly use counts"))
        self.from_week_label.setBuddy(self.from_week)
        for widget in (self.from_week_label, self.from_week):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # keeps the Remove buttons in one column
            widget.setSizePolicy(policy)
        self.remove_button = named(QPushButton(self.tr("Remove"), self), "remove_criterion")
        self.remove_button.setToolTip(self.tr("Remove this success criterion"))
        self.hint = make_muted("", self)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.measure, 0, 0)
        grid.addWidget(self.at_least, 0, 1)
        grid.addWidget(self.threshold, 0, 2)
        grid.addWidget(self.from_week_label, 0, 3)
        grid.addWidget(self.from_week, 0, 4)
        grid.addWidget(self.remove_button, 0, 5)
        grid.setColumnStretch(6, 1)
        grid.addWidget(self.hint, 1, 0, 1, 7)

        self._set_measure(criterion.measure)
        self.threshold.setValue(criterion.threshold)
        self.from_week.setValue(criterion.after_weeks or DEFAULT_AFTER_WEEKS)
        self.measure.currentIndexChanged.connect(self._measure_chosen)
        self.threshold.valueChanged.connect(lambda _v: self.changed.emit())
        self.from_week.valueChanged.connect(lambda _v: self.changed.emit())
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def measure_key(self) -> str:
        return str(self.measure.currentData())

    def criterion(self) -> Criterion:
        measure = self.measure_key()
        weeks = self.from_week.value() if measure == "weekly_active" else None
        return Criterion(measure, round(self.threshold.value(), 2), weeks)

    def _set_measure(self, measure: str) -> None:
        self.measure.blockSignals(True)
        self.measure.setCurrentIndex(max(0, self.measure.findData(measure)))
        self.measure.blockSignals(False)
        low, high = THRESHOLD_RANGES[measure]
        self.threshold.setDecimals(0 if measure in PERCENT_MEASURES else 1)
        self.threshold.setRange(low, high)
        self.threshold.setSingleStep(_STEPS.get(measure, 5.0))
        self.threshold.setSuffix(measure_unit(measure))
        weekly = measure == "weekly_active"
        self.from_week_label.setVisible(weekly)
        self.from_week.setVisible(weekly)
        self.hint.setText(measure_hint(measure))
        self.threshold.setObjectName(f"threshold_{measure}")
        self.from_week.setObjectName(f"after_weeks_{measure}")
        self.measure.setObjectName(f"measure_{measure}")

    def _measure_chosen(self, _index: int) -> None:
        measure = self.measure_key()
        self._set_measure(measure)
        self.threshold.setValue(DEFAULT_THRESHOLDS[measure])
        self.changed.emit()


class CriteriaEditor(QWidget):
    """The list of criteria with an "Add a criterion" menu, or their sentences once locked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criteria_editor")
        self.lines: list[CriterionLine] = []
        self._locked_criteria: tuple[Criterion, ...] = ()
        self.locked = False
        self._rows = QVBoxLayout()
        self._rows.setSpacing(8)
        self.none_label = make_muted(
            self.tr(
                "No success criteria yet. Agree them before the pilot starts, so the result "
                "is judged on what was promised."
            ),
            self,
            "no_criteria",
        )
        self.add_button = named(QPushButton(self.tr("&Add a criterion"), self), "add_criterion")
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self._fill_menu)
        self.locked_list = named(QLabel(self), "locked_criteria")
        self.locked_list.setTextFormat(Qt.TextFormat.PlainText)
        self.locked_list.setWordWrap(True)
        self.locked_note = make_muted(
            self.tr(
                "The success criteria were agreed before the pilot started and stay as they "
                "are, so its result is judged on what was promised. Record what you learnt "
                "with the decision."
            ),
            self,
            "criteria_locked_note",
        )
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.none_label)
        column.addLayout(self._rows)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.locked_list)
        column.addWidget(self.locked_note)
        self._update()

    # Reading and writing ------------------------------------------------------------------
    def set_criteria(self, criteria: Sequence[Criterion], *, locked: bool = False) -> None:
        for line in list(self.lines):
            self._remove(line, notify=False)
        self.locked = locked
        self._locked_criteria = tuple(criteria)
        if locked:
            self.locked_list.setText("\n".join(f"• {criterion_label(c)}" for c in criteria))
        else:
            for criterion in criteria:
                self.add_criterion(criterion, notify=False)
        self._update()

    def criteria(self) -> tuple[Criterion, ...]:
        """The criteria as shown (unchanged ones when locked)."""
        if self.locked:
            return self._locked_criteria
        return tuple(line.criterion() for line in self.lines)

    def add_criterion(self, criterion: Criterion, *, notify: bool = True) -> CriterionLine:
        line = CriterionLine(criterion, self)
        line.changed.connect(self.changed)
        line.remove_requested.connect(lambda which: self._remove(which))
        self.lines.append(line)
        self._rows.addWidget(line)
        line.setVisible(not self.locked)
        self._update()
        if notify:
            self.changed.emit()
        return line

    def add_measure(self, measure: str) -> CriterionLine:
        """Add a criterion on ``measure`` with its usual threshold, and put the cursor on it."""
        weeks = DEFAULT_AFTER_WEEKS if measure == "weekly_active" else None
        line = self.add_criterion(Criterion(measure, DEFAULT_THRESHOLDS[measure], weeks))
        line.threshold.setFocus(Qt.FocusReason.OtherFocusReason)
        line.threshold.selectAll()
        return line

    def line_for(self, measure: str) -> CriterionLine | None:
        return next((line for line in self.lines if line.measure_key() == measure), None)

    def first_input(self) -> QWidget:
        """Where the cursor goes when the criteria need attention."""
        return self.lines[0].threshold if self.lines else self.add_button

    # Inside -------------------------------------------------------------------------------
    def _remove(self, line: CriterionLine, *, notify: bool = True) -> None:
        if line not in self.lines:
            return
        index = self.lines.index(line)
        self.lines.remove(line)
        self._rows.removeWidget(line)
        line.hide()
        line.deleteLater()
        self._update()
        if notify:
            if self.lines:
                self.lines[min(index, len(self.lines) - 1)].threshold.setFocus()
            else:
                self.add_button.setFocus()
            self.changed.emit()

    def _fill_menu(self) -> None:
        self.add_menu.clear()
        used = {line.measure_key() for line in self.lines}
        for measure in MEASURES:
            if measure in used:
                continue
            action = self.add_menu.addAction(measure_label(measure))
            action.setData(measure)
            action.triggered.connect(lambda _checked=False, m=measure: self.add_measure(m))

    def _update(self) -> None:
        locked = self.locked
        self.locked_list.setVisible(locked and bool(self._locked_criteria))
        self.locked_note.setVisible(locked)
        self.add_button.setVisible(not locked)
        self.add_button.setEnabled(len(self.lines) < len(MEASURES))
        if locked and not self._locked_criteria:
            self.none_label.setText(
                self.tr("This pilot started without success criteria; they cannot be added now.")
            )
        self.none_label.setVisible(not self.lines and (not locked or not self._locked_criteria))
