"""How maturity figures read on screen: scores, gaps and changes in words and arrows.

A change is never told by colour alone: it has an arrow and a word as well.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

_CONTEXT = "MaturityLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def score_text(value: float | None) -> str:
    """A score on the 1–5 scale with one decimal, or a dash when there is none."""
    if value is None:
        return "—"
    return QLocale().toString(value, "f", 1)


def signed(value: float) -> str:
    text = QLocale().toString(abs(value), "f", 1)
    if round(value, 1) > 0:
        return "+" + text
    if round(value, 1) < 0:
        return "−" + text
    return text


def change_text(value: float | None) -> str:
    """▲ +0.4 higher, ▼ −0.3 lower, = no change; empty without a baseline."""
    if value is None:
        return ""
    if round(value, 1) > 0:
        return _tr("▲ {change} higher").format(change=signed(value))
    if round(value, 1) < 0:
        return _tr("▼ {change} lower").format(change=signed(value))
    return _tr("= no change")


def gap_text(gap: float | None) -> str:
    """How far a topic is from its target, in words."""
    if gap is None:
        return "—"
    if round(gap, 1) <= 0:
        return _tr("✓ target reached")
    return _tr("{gap} to go").format(gap=QLocale().toString(gap, "f", 1))


def date_text(value: date) -> str:
    from PySide6.QtCore import QDate

    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def kind_text(kind: str) -> str:
    return _tr("Follow-up") if kind == "follow_up" else _tr("Baseline")


def status_text(status: str) -> str:
    return _tr("Finished") if status == "complete" else _tr("Not finished")


def mode_text(mode: str, respondents: int) -> str:
    if mode == "respondents":
        return _tr("{count} respondents").format(count=respondents)
    return _tr("Facilitator's consensus")


def percent_text(share: float) -> str:
    return QLocale().toString(share * 100, "f", 0) + "%"
