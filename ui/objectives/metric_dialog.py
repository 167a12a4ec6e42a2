"""Add metric / Edit metric: what number shows the objective moved, where it stood (the
baseline and when it was measured) and where it should be by when (the target). Whether
higher or lower is better follows from the target; the dialog says which."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from app.context import AppServices
from app.errors import ValidationError
from app.objectives.model import MetricInput, MetricView
from app.objectives.values import NotANumber
from ui.look import make_muted
from ui.objectives.form_dialog import FormDialog
from ui.objectives.labels import from_qdate, number_text, to_qdate
from ui.objectives.readings_model import read_value
from ui.people.naming import named

_FIELDS = ("name", "unit", "baseline_value", "baseline_on", "target_value", "target_date")


class MetricDialog(FormDialog):
    """``metric`` None adds a metric to the objective; ``saved_id`` holds its id after Save."""

    def __init__(
        self,
        services: AppServices,
        objective_id: int,
        metric: MetricView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, _FIELDS, self.save)
        self.setObjectName("metric_dialog")
        self._services = services
        self._objective_id = objective_id
        self._metric = metric
        self.setWindowTitle(self.tr("Add a metric") if metric is None else self.tr("Edit metric"))
        self.setMinimumWidth(max(560, self.fontMetrics().averageCharWidth() * 90))

        self.name = named(QLineEdit(self), "name")
        self.name.setPlaceholderText(self.tr("For example: Hours saved per week"))
        self.name.setMaxLength(300)
        self.unit = named(QComboBox(self), "unit")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit in (
            "",
            self.tr("hours"),
            "%",
            self.tr("people"),
            self.tr("minutes"),
            self.tr("days"),
            self.tr("points"),
            "€",
        ):
            self.unit.addItem(unit)
        line = self.unit.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("hours, %, people… (optional)"))
        self.baseline_value = named(QLineEdit(self), "baseline_value")
        self.baseline_value.setPlaceholderText(self.tr("The value before the programme"))
        self.baseline_on = named(QDateEdit(self), "baseline_on")
        self.target_value = named(QLineEdit(self), "target_value")
        self.target_value.setPlaceholderText(self.tr("The value to reach"))
        self.target_date = named(QDateEdit(self), "target_date")
        for edit in (self.baseline_on, self.target_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
        self.direction = make_muted("", self, "direction")
        for field in _FIELDS:
            widget = getattr(self, field)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, f=field: self.clear_error(f))
        self.baseline_value.textChanged.connect(self._show_direction)
        self.target_value.textChanged.connect(self._show_direction)

        self.add_row(self.tr("&Name:"), self.name, "name")
        self.add_row(self.tr("&Unit:"), self.unit, "unit")
        self.add_row(self.tr("&Baseline:"), self.baseline_value, "baseline_value")
        self.add_row(self.tr("Baseline &measured on:"), self.baseline_on, "baseline_on")
        self.add_row(self.tr("&Target:"), self.target_value, "target_value")
        self.add_row(self.tr("Target &date:"), self.target_date, "target_date")
        self.form.addRow("", self.direction)
        self.ok_button.setText(self.tr("Add metric") if metric is None else self.tr("Save"))
        self._fill(metric)
        self._show_direction()
        self.name.setFocus()

    def _fill(self, metric: MetricView | None) -> None:
        today = date.today()
        if metric is None:
            self.baseline_on.setDate(to_qdate(today))
            self.target_date.setDate(
                to_qdate(date(today.year + 1, today.month, min(today.day, 28)))
            )
            return
        self.name.setText(metric.name)
        self.unit.setCurrentText(metric.unit or "")
        if metric.baseline_value is not None:
            self.baseline_value.setText(number_text(metric.baseline_value))
        if metric.target_value is not None:
            self.target_value.setText(number_text(metric.target_value))
        self.baseline_on.setDate(to_qdate(metric.baseline_on or today))
        self.target_date.setDate(to_qdate(metric.target_date or today))

    def _show_direction(self) -> None:
        try:
            baseline = read_value(self.baseline_value.text())
            target = read_value(self.target_value.text())
        except NotANumber:
            baseline = target = None
        if baseline is None or target is None or baseline == target:
            self.direction.setText(
                self.tr("A target above the baseline means higher is better; below, lower.")
            )
        elif target > baseline:
            self.direction.setText(self.tr("Higher is better: the target is above the baseline."))
        else:
            self.direction.setText(self.tr("Lower is better: the target is below the baseline."))

    def _number(self, field: str, edit: QLineEdit) -> float | None:
        try:
            return read_value(edit.text())
        except NotANumber:
            raise ValidationError(
                self.tr("“{text}” is not a number. Write it as 120 or 12.5.").format(
                    text=edit.text().strip()
                ),
                field=field,
            ) from None

    def input(self) -> MetricInput:
        """What the form says, as the service takes it (ValidationError for a non-number)."""
        return MetricInput(
            name=self.name.text(),
            unit=self.unit.currentText(),
            baseline_value=self._number("baseline_value", self.baseline_value),
            baseline_on=from_qdate(self.baseline_on.date()),
            target_value=self._number("target_value", self.target_value),
            target_date=from_qdate(self.target_date.date()),
        )

    def save(self) -> int:
        metric_id = self._metric.id if self._metric is not None else None
        return self._services.objectives.save_metric(self._objective_id, self.input(), metric_id)
