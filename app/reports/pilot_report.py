"""What the pilot PDF is made from: one pilot's outcome and the objectives it serves."""

from __future__ import annotations

from dataclasses import dataclass

from app.objectives.model import ObjectiveView
from app.pilots.analysis import WORKING_WEEKS
from app.pilots.criteria import Judging
from app.pilots.outcome import judging_of
from app.pilots.records import PilotOutcome


@dataclass(frozen=True)
class PilotReport:
    """Everything the pilot PDF shows, each part from its service."""

    outcome: PilotOutcome
    """From ``PilotOutcomeService.outcome``: every figure of the report."""
    organisation_name: str
    objectives: tuple[ObjectiveView, ...] = ()
    """The objectives the pilot serves, with their metrics (``ObjectiveService``)."""
    working_weeks: int = WORKING_WEEKS
    """The working weeks a year the scale-up estimate assumes."""

    @property
    def judging(self) -> Judging:
        """Whether the criteria are judged for good or only so far (an interim report)."""
        return judging_of(self.outcome)

    @property
    def interim(self) -> bool:
        """The pilot has not ended: the report shows its results so far."""
        return self.judging.interim
