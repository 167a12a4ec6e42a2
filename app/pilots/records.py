"""What the pilot service takes and gives: plain frozen records, no database objects.

The GUI, the CLI and the reports read pilots only through these; the analysis
(app/pilots/analysis.py) works on the inputs the service builds from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.pilots.analysis import PilotResults, ScaleUp
from app.pilots.cohort import DepartmentCoverage
from app.pilots.criteria import Criterion, CriterionResult

STATUSES = ("planned", "running", "evaluating", "decided")
"""A pilot's life: planned → running → evaluating (it has ended) → decided."""

DECISIONS = ("scale", "adjust", "stop")
"""Scale up, adjust and try again, or stop."""

SCORE_KINDS = ("knowledge", "job_satisfaction", "career_satisfaction")
"""Scores taken before and after: knowledge check %, job and career-development satisfaction 1-5."""

PHASES = ("before", "after")


@dataclass(frozen=True)
class PilotInput:
    """What the pilot form saves."""

    name: str
    purpose: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    objective_ids: tuple[int, ...] = ()
    path_ids: tuple[int, ...] = ()
    tools: tuple[str, ...] = ()
    """The AI tools tried, e.g. ("Microsoft Copilot", "ChatGPT Enterprise")."""
    criteria: tuple[Criterion, ...] = ()
    target_population: int | None = None
    """How many people would follow if it is scaled up (for the scale-up estimate)."""


@dataclass(frozen=True)
class PilotRow:
    """A line of the pilot list."""

    id: int
    name: str
    status: str
    starts_on: date | None
    ends_on: date | None
    participants: int
    decision: str | None
    criteria: int


@dataclass(frozen=True)
class PilotDetails:
    id: int
    name: str
    purpose: str
    starts_on: date | None
    ends_on: date | None
    status: str
    objective_ids: tuple[int, ...]
    objective_titles: tuple[str, ...]
    path_ids: tuple[int, ...]
    path_names: tuple[str, ...]
    tools: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    target_population: int | None
    decision: str | None
    decision_reasons: str
    decided_on: date | None
    participants: int

    @property
    def criteria_locked(self) -> bool:
        """Success criteria are agreed before the start; they are fixed once it runs."""
        return self.status != "planned"

    def week_of(self, on: date) -> int | None:
        """The pilot week (1 = its first) that a day falls in, or None before the start."""
        if self.starts_on is None or on < self.starts_on:
            return None
        return (on - self.starts_on).days // 7 + 1


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    """The participant's own id (check-ins and scores hang off it)."""
    person_id: int
    display_name: str
    department: str
    role: str | None
    enthusiasm: float | None
    influence: float | None
    reason: str
    enrolled_on: date | None
    modules_done: int
    modules: int
    """Of the pilot's paths, the modules this person follows (skipped ones left out)."""
    check_ins: int
    paths: int = 0
    """How many of the pilot's paths this person follows."""

    @property
    def finished(self) -> bool:
        """Has done every module of the pilot's paths they follow.

        Someone whose survey showed they need none of a path's modules has finished it, as
        in the path's own progress; someone on none of the pilot's paths has not.
        """
        return self.paths > 0 and self.modules_done >= self.modules


@dataclass(frozen=True)
class CheckInEntry:
    """One participant's week as typed: days used (0-7), features, hours learning."""

    participant_id: int
    days_used: int
    features: tuple[str, ...] = ()
    learning_hours: float = 0.0


@dataclass(frozen=True)
class CheckInRow:
    participant_id: int
    week: int
    days_used: int
    features: tuple[str, ...]
    learning_hours: float


@dataclass(frozen=True)
class TimingInput:
    task: str
    minutes_before: float
    minutes_after: float
    observations_before: int = 1
    observations_after: int = 1
    times_per_week: float = 1.0
    errors_before: int | None = None
    errors_after: int | None = None
    participant_id: int | None = None


@dataclass(frozen=True)
class TimingRow:
    id: int
    timing: TimingInput
    participant_name: str | None


@dataclass(frozen=True)
class FeedbackInput:
    participant_id: int
    satisfaction: int | None
    """1 (very poor) to 5 (excellent)."""
    recommend: int | None
    """0-10: how likely to recommend the programme to a colleague."""
    comment: str = ""
    answered_on: date | None = None


@dataclass(frozen=True)
class ScoreRow:
    participant_id: int
    kind: str
    before: float | None
    after: float | None


@dataclass(frozen=True)
class ApplicationInput:
    participant_id: int
    description: str
    hours_saved_per_week: float | None = None
    logged_on: date | None = None


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    participant_id: int
    display_name: str
    logged_on: date
    description: str
    hours_saved_per_week: float | None


@dataclass(frozen=True)
class Decision:
    decision: str
    """scale, adjust or stop."""
    reasons: str
    decided_on: date


@dataclass(frozen=True)
class PilotOutcome:
    """Everything the results tab, the pilot PDF and the workbook show for one pilot."""

    pilot: PilotDetails
    participants: tuple[ParticipantRow, ...]
    results: PilotResults
    criteria: tuple[CriterionResult, ...]
    scale_up: ScaleUp | None
    """None without a target population."""
    coverage: tuple[DepartmentCoverage, ...]
    """The cohort against the departments in the organisation (representativeness)."""
    applications: tuple[ApplicationRow, ...]
    quotes: tuple[str, ...] = field(default=())
    """Comments worth quoting, anonymous, longest-considered first."""
