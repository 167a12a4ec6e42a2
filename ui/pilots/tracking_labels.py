"""Words for the kinds of pilot measurement and their spreadsheet columns, as the GUI shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.pilots.tracking_import_model import ImportKind, TrackingField

_CONTEXT = "TrackingLabels"
F = TrackingField


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def kind_title(kind: ImportKind) -> str:
    """ "Weekly check-ins", "Task timings", ..."""
    titles = {
        ImportKind.CHECK_INS: _tr("Weekly check-ins"),
        ImportKind.TIMINGS: _tr("Task timings"),
        ImportKind.SATISFACTION: _tr("Satisfaction survey"),
        ImportKind.KNOWLEDGE: _tr("Knowledge check"),
        ImportKind.ENGAGEMENT: _tr("Engagement"),
        ImportKind.APPLICATIONS: _tr("Applications"),
    }
    return titles[kind]


def kind_file_hint(kind: ImportKind) -> str:
    """What a file of this kind looks like, in one or two sentences."""
    hints = {
        ImportKind.CHECK_INS: _tr(
            "One row per participant and week: who (employee number, e-mail or name), the "
            "week (or a date in it) and the days the tool was used; features used and hours "
            "learning when you have them."
        ),
        ImportKind.TIMINGS: _tr(
            "One row per task timed: the task, the minutes before and after the training; "
            "the person (empty for the whole cohort), observations, times a week and errors "
            "when you have them."
        ),
        ImportKind.SATISFACTION: _tr(
            "One row per participant: who, satisfaction (1-5), would recommend (0-10) and a "
            "comment, for example the export of a survey form."
        ),
        ImportKind.KNOWLEDGE: _tr(
            "One row per participant: who, the knowledge check score before and after (in %)."
        ),
        ImportKind.ENGAGEMENT: _tr(
            "One row per participant: who, job satisfaction and career-development "
            "satisfaction (1-5), before and after."
        ),
        ImportKind.APPLICATIONS: _tr(
            "One row per use of AI: the date, who, what they used it for, and the hours it "
            "saves them a week."
        ),
    }
    return hints[kind]


def field_label(fld: TrackingField) -> str:
    labels = {
        F.PERSON: _tr("Person"),
        F.WEEK: _tr("Week"),
        F.DATE: _tr("Date"),
        F.DAYS_USED: _tr("Days used"),
        F.FEATURES: _tr("Features used"),
        F.LEARNING_HOURS: _tr("Hours learning"),
        F.TASK: _tr("Task"),
        F.MINUTES_BEFORE: _tr("Minutes before"),
        F.MINUTES_AFTER: _tr("Minutes after"),
        F.OBSERVATIONS_BEFORE: _tr("Observations before"),
        F.OBSERVATIONS_AFTER: _tr("Observations after"),
        F.TIMES_PER_WEEK: _tr("Times a week"),
        F.ERRORS_BEFORE: _tr("Errors before"),
        F.ERRORS_AFTER: _tr("Errors after"),
        F.SATISFACTION: _tr("Satisfaction (1-5)"),
        F.RECOMMEND: _tr("Would recommend (0-10)"),
        F.COMMENT: _tr("Comment"),
        F.KNOWLEDGE_BEFORE: _tr("Score before (%)"),
        F.KNOWLEDGE_AFTER: _tr("Score after (%)"),
        F.JOB_BEFORE: _tr("Job satisfaction before"),
        F.JOB_AFTER: _tr("Job satisfaction after"),
        F.CAREER_BEFORE: _tr("Career development before"),
        F.CAREER_AFTER: _tr("Career development after"),
        F.DESCRIPTION: _tr("What they used AI for"),
        F.HOURS_SAVED: _tr("Hours saved a week"),
    }
    return labels[fld]
