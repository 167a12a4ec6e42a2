"""The closed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum as SAEnum


class Track(StrEnum):
    """The learning track a role belongs to (DESIGN §1 step 3)."""

    EXECUTIVE = "executive"
    TECHNICAL = "technical"
    DOMAIN_EXPERT = "domain_expert"
    FRONTLINE = "frontline"
    CUSTOM = "custom"


class EmployeeStatus(StrEnum):
    ACTIVE = "active"
    INACTIVE = "inactive"


class AssessmentScope(StrEnum):
    ORGANISATION = "organisation"
    DEPARTMENT = "department"
    TEAM = "team"


class AssessmentKind(StrEnum):
    BASELINE = "baseline"
    FOLLOW_UP = "follow_up"


class AnsweringMode(StrEnum):
    CONSENSUS = "consensus"
    RESPONDENTS = "respondents"


class AssessmentStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


class Rater(StrEnum):
    SELF = "self"
    MANAGER = "manager"


class PathLevel(StrEnum):
    AWARENESS = "awareness"
    BUILDER = "builder"
    MASTER = "master"


class Stage(StrEnum):
    CRAWL = "crawl"
    WALK = "walk"
    RUN = "run"


class ModuleFormat(StrEnum):
    """How a learning module is delivered (app.paths.content.FORMATS)."""

    WORKSHOP = "workshop"
    E_LEARNING = "e_learning"
    HANDS_ON_LAB = "hands_on_lab"
    MENTORING = "mentoring"
    OFFICE_HOURS = "office_hours"
    READING = "reading"


class ProgressStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SKIPPED = "skipped"
    """Not needed by this person: their survey shows the level already (the reason says)."""


class PilotStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    EVALUATING = "evaluating"
    DECIDED = "decided"


class PilotDecision(StrEnum):
    SCALE = "scale"
    ADJUST = "adjust"
    STOP = "stop"


class PilotMeasure(StrEnum):
    """What a pilot's success criterion measures (app/pilots/criteria.py gives the units)."""

    COMPLETION = "completion"
    SATISFACTION = "satisfaction"
    RECOMMEND = "recommend"
    LEARNING_GAIN = "learning_gain"
    TIME_SAVED = "time_saved"
    WEEKLY_ACTIVE = "weekly_active"
    ENGAGEMENT = "engagement"


class PilotScoreKind(StrEnum):
    """A score taken from each participant before and after the pilot."""

    KNOWLEDGE = "knowledge"
    JOB_SATISFACTION = "job_satisfaction"
    CAREER_SATISFACTION = "career_satisfaction"


class MeasurementPhase(StrEnum):
    BASELINE = "baseline"
    FOLLOW_UP = "follow_up"


class ActivityKind(StrEnum):
    OFFICE_HOURS = "office_hours"
    COMMUNITY = "community"
    MENTORING = "mentoring"
    LEARNING_TIME = "learning_time"
    OTHER = "other"


class ObjectiveStatus(StrEnum):
    PLANNED = "planned"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    ACHIEVED = "achieved"


def enum_column(enum: type[StrEnum]) -> SAEnum:
    """A portable enum column: stored as VARCHAR of the values, with a CHECK constraint."""
    return SAEnum(
        enum,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
        name=enum.__name__.lower(),
    )
