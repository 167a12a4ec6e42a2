"""Objectives, metrics and readings for the GUI tests, dated relative to today so that no
reading is ever in the future."""

from __future__ import annotations

from datetime import date, timedelta

from app.context import AppServices
from app.objectives.model import MetricInput, ObjectiveInput
from db.models import ObjectiveStatus

TODAY = date.today()
START = TODAY - timedelta(days=300)
END = TODAY + timedelta(days=300)


def add_hours_objective(services: AppServices, readings: tuple[float, ...] = ()) -> tuple[int, int]:
    """Objective "Save time on reporting", metric "Hours saved per week" 0 -> 400 hours.

    Returns (objective id, metric id); ``readings`` are taken 30 days apart from the start.
    """
    objective = services.objectives.save_objective(
        ObjectiveInput("Save time on reporting", None, "Head of Finance", END)
    )
    metric = services.objectives.save_metric(
        objective, MetricInput("Hours saved per week", "hours", 0, START, 400, END)
    )
    for step, value in enumerate(readings, start=1):
        services.objectives.add_reading(metric, value, START + timedelta(days=30 * step))
    return objective, metric


def add_adoption_objective(services: AppServices) -> tuple[int, list[int]]:
    """ "Everyday AI use" with three metrics, one of them read; returns (objective, metrics)."""
    objective = services.objectives.save_objective(
        ObjectiveInput("Everyday AI use", status=ObjectiveStatus.AT_RISK)
    )
    metrics = [
        services.objectives.save_metric(
            objective, MetricInput(name, unit, base, START, target, END)
        )
        for name, unit, base, target in (
            ("Weekly active users", "%", 10, 60),
            ("Report turnaround", "days", 10, 4),
            ("Prompts shared in the library", None, 0, 200),
        )
    ]
    services.objectives.add_reading(metrics[0], 35, TODAY - timedelta(days=1))
    return objective, metrics
