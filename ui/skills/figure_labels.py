"""How skills survey figures read on screen: short skill names, gaps, segments, withheld cells.

Shared by the heatmap, readiness and comparison views so that the same figure reads the same
way everywhere. A withheld figure is always the same dash, explained in its tooltip.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale

_CONTEXT = "SkillsLabels"

WITHHELD = "–"
"""What a withheld (suppressed) figure shows instead of a number."""

_SHORT_SKILLS = {
    "ai_literacy": "AI literacy",
    "prompting": "Prompting",
    "output_judgement": "Judging output",
    "data_privacy": "Data privacy",
    "responsible_use": "Responsible use",
    "workflow_integration": "AI in own work",
    "domain_application": "AI in own field",
    "agent_oversight": "Agent oversight",
    "automation_building": "Automations",
    "model_development": "Model building",
}

_SHORT_ATTITUDES = {
    "confident_using_ai": "Confident with AI",
    "worried_about_job": "Job worries",
    "safe_to_try": "Free to try",
    "afraid_of_mistakes": "Fear of mistakes",
    "keen_to_learn": "Keen to learn",
    "time_to_learn": "Time to learn",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def short_skill_name(key: str, name: str) -> str:
    """A column-sized name for a skill; the catalogue's full name where none is known."""
    short = _SHORT_SKILLS.get(key)
    return _tr(short) if short else name


def short_attitude_name(key: str, statement: str) -> str:
    """A column-sized name for an attitude statement (the view marks reversed ones)."""
    short = _SHORT_ATTITUDES.get(key)
    return _tr(short) if short else statement


def number_text(value: float, decimals: int = 1) -> str:
    return QLocale().toString(float(value), "f", decimals)


def gap_text(value: float | None) -> str:
    """A mean gap with one decimal; an empty string when nobody rated."""
    return "" if value is None else number_text(value)


def change_text(value: float) -> str:
    """−0.4 / +0.3 / 0.0 with a real minus sign."""
    text = number_text(abs(value))
    if round(value, 1) < 0:
        return "−" + text
    if round(value, 1) > 0:
        return "+" + text
    return number_text(0.0)


def date_text(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def kind_text(kind: str) -> str:
    return _tr("follow-up") if kind == "follow_up" else _tr("baseline")


def withheld_tip(threshold: int) -> str:
    return _tr("Withheld: fewer than {n} people rated this").format(n=threshold)


def segment_names() -> dict[str, str]:
    """The readiness segments in the order they are shown, with their names."""
    return {
        "ready_to_lead": _tr("Ready to lead"),
        "building": _tr("Building"),
        "needs_foundations": _tr("Needs foundations"),
        "unknown": _tr("Not rated yet"),
    }
