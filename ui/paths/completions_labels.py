"""Words for the columns of an LMS export as the completions import wizard shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.paths.completions_model import CompletionField, PersonKey

_CONTEXT = "CompletionLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(fld: CompletionField) -> str:
    """What a column means: "Person", "Module", "Completion date", "Status", "Score"."""
    labels = {
        CompletionField.PERSON: _tr("Person"),
        CompletionField.MODULE: _tr("Module (title or key)"),
        CompletionField.DATE: _tr("Completion date"),
        CompletionField.STATUS: _tr("Status"),
        CompletionField.SCORE: _tr("Score"),
    }
    return labels[fld]


def person_key_label(key: PersonKey) -> str:
    """How the person column names people."""
    labels = {
        PersonKey.EMPLOYEE_NUMBER: _tr("Employee number"),
        PersonKey.EMAIL: _tr("E-mail"),
        PersonKey.FULL_NAME: _tr("Full name"),
        PersonKey.ANY: _tr("Employee number, e-mail or name"),
    }
    return labels[key]
