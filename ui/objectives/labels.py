"""How objectives and metrics read on screen: statuses, values with units, dates, verdicts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QPalette

from app.objectives.model import MetricView
from db.models import ObjectiveStatus
from ui.look import state_colour

_CONTEXT = "ObjectivesLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def status_label(status: ObjectiveStatus) -> str:
    return {
        ObjectiveStatus.PLANNED: _tr("Planned"),
        ObjectiveStatus.ON_TRACK: _tr("On track"),
        ObjectiveStatus.AT_RISK: _tr("At risk"),
        ObjectiveStatus.ACHIEVED: _tr("Achieved"),
    }[status]


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def day_text(value: date) -> str:
    """ "12 Nov 2026"."""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def number_text(value: float) -> str:
    """A value with the locale's separators and at most two decimals: "1,200", "12.5"."""
    rounded = round(value, 2)
    locale = QLocale()
    if float(rounded).is_integer():
        return locale.toString(int(rounded))
    text = locale.toString(rounded, "f", 2)
    zero = locale.zeroDigit()
    while text.endswith(zero):
        text = text[:-1]
    return text.removesuffix(locale.decimalPoint())


def amount_text(value: float, unit: str | None) -> str:
    """ "400 hours", "62 %", or just "400"."""
    return f"{number_text(value)} {unit}" if unit else number_text(value)


def percent_text(share: float) -> str:
    return _tr("{percent} %").format(percent=round(share * 100))


def progress_text(metric: MetricView) -> str:
    """The short progress of a metric for a column: "30 % · behind", "Reached", "No reading"."""
    if metric.latest is None:
        return _tr("No reading yet")
    if metric.progress is None:
        return _tr("No target")
    if metric.reached:
        return _tr("Target reached")
    share = percent_text(metric.progress)
    if metric.on_track is None:
        return share
    verdict = _tr("on track") if metric.on_track else _tr("behind")
    return _tr("{share} · {verdict}").format(share=share, verdict=verdict)


def verdict_state(metric: MetricView) -> str:
    """done (reached or on track), in_progress (behind) or not_started (no verdict)."""
    if metric.reached or metric.on_track:
        return "done"
    if metric.on_track is False:
        return "in_progress"
    return "not_started"


def verdict_colour(metric: MetricView, palette: QPalette) -> QColor:
    """Green on track, amber behind, grey without a verdict; lighter on dark themes."""
    return state_colour(verdict_state(metric), palette)


def baseline_target_text(metric: MetricView) -> str:
    """ "From 0 hours on 1 Jan 2026 to 400 hours by 31 Dec 2027 (higher is better)"."""
    if metric.baseline_value is None or metric.target_value is None:
        return _tr("No baseline or target yet")
    text = _tr("From {baseline} to {target}").format(
        baseline=amount_text(metric.baseline_value, metric.unit),
        target=amount_text(metric.target_value, metric.unit),
    )
    if metric.baseline_on is not None and metric.target_date is not None:
        text = _tr("From {baseline} on {start} to {target} by {end}").format(
            baseline=amount_text(metric.baseline_value, metric.unit),
            start=day_text(metric.baseline_on),
            target=amount_text(metric.target_value, metric.unit),
            end=day_text(metric.target_date),
        )
    direction = _tr("higher is better") if metric.higher_is_better else _tr("lower is better")
    return _tr("{range} ({direction})").format(range=text, direction=direction)


def metrics_count(count: int) -> str:
    """ "1 metric", "3 metrics"."""
    if count == 1:
        return _tr("1 metric")
    return _tr("{count} metrics").format(count=count)


def readings_count(count: int) -> str:
    """ "1 reading", "14 readings"."""
    if count == 1:
        return _tr("1 reading")
    return _tr("{count} readings").format(count=count)
