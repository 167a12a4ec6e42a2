"""A pilot's results: what was measured, analysed and judged against its success criteria.

The one place the figures of the results tab, the pilot PDF and the workbook come from.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.pilots.analysis import (
    BeforeAfter,
    CheckIn,
    Feedback,
    PilotData,
    TaskTiming,
    analyse,
    scale_up,
)
from app.pilots.cohort import Candidate, DepartmentCoverage, coverage
from app.pilots.criteria import Judging
from app.pilots.judging import judge_all, judging_on
from app.pilots.records import ParticipantRow, PilotOutcome
from app.pilots.service import PilotService
from app.pilots.tracking import PilotTrackingService

QUOTES = 5
"""How many comments a report quotes at most."""


class PilotOutcomeService:
    def __init__(self, pilots: PilotService, tracking: PilotTrackingService) -> None:
        self._pilots = pilots
        self._tracking = tracking

    def data(self, pilot_id: int) -> PilotData:
        """The analysis input for a pilot, from everything recorded."""
        participants = self._pilots.participants(pilot_id)
        return PilotData(
            enrolled=len(participants),
            completed=sum(1 for person in participants if person.finished),
            check_ins=tuple(
                CheckIn(
                    row.participant_id, row.week, row.days_used, row.features, row.learning_hours
                )
                for row in self._tracking.check_ins(pilot_id)
            ),
            timings=tuple(
                TaskTiming(
                    task=row.timing.task,
                    minutes_before=row.timing.minutes_before,
                    minutes_after=row.timing.minutes_after,
                    observations_before=row.timing.observations_before,
                    observations_after=row.timing.observations_after,
                    times_per_week=row.timing.times_per_week,
                    errors_before=row.timing.errors_before,
                    errors_after=row.timing.errors_after,
                    participant_id=row.timing.participant_id,
                )
                for row in self._tracking.timings(pilot_id)
            ),
            feedback=tuple(
                Feedback(
                    answer.participant_id, answer.satisfaction, answer.recommend, answer.comment
                )
                for answer in self._tracking.feedback(pilot_id).values()
            ),
            knowledge=self._before_after(pilot_id, "knowledge"),
            job_satisfaction=self._before_after(pilot_id, "job_satisfaction"),
            career_satisfaction=self._before_after(pilot_id, "career_satisfaction"),
        )

    def outcome(self, pilot_id: int, today: date | None = None) -> PilotOutcome:
        """Everything the pilot's results show, its criteria judged as they stand ``today``
        (by default the real today): for good once it has ended, "so far" while it runs."""
        pilot = self._pilots.pilot(pilot_id)
        participants = self._pilots.participants(pilot_id)
        results = analyse(self.data(pilot_id))
        judging = judging_on(pilot.status, pilot.starts_on, pilot.ends_on, today or date.today())
        return PilotOutcome(
            pilot=pilot,
            participants=tuple(participants),
            results=results,
            criteria=judge_all(pilot.criteria, results, judging),
            scale_up=scale_up(results.time_saved, pilot.target_population)
            if pilot.target_population
            else None,
            coverage=self._coverage(participants),
            applications=tuple(self._tracking.applications(pilot_id)),
            quotes=_quotes(results.satisfaction.comments),
        )

    def _coverage(self, participants: Sequence[ParticipantRow]) -> tuple[DepartmentCoverage, ...]:
        candidates = self._pilots.candidates()
        by_person = {candidate.person_id: candidate for candidate in candidates}
        picked: list[Candidate] = [
            by_person[row.person_id] for row in participants if row.person_id in by_person
        ]
        return coverage(picked, candidates, max_share=1.0)

    def _before_after(self, pilot_id: int, kind: str) -> tuple[BeforeAfter, ...]:
        return tuple(
            BeforeAfter(row.participant_id, row.before, row.after)
            for row in self._tracking.scores(pilot_id, kind)
        )


def judging_of(outcome: PilotOutcome, today: date | None = None) -> Judging:
    """How the outcome's criteria were judged; for a pilot without criteria, how they would
    be judged ``today`` (by default the real today)."""
    if outcome.criteria:
        return outcome.criteria[0].judging
    pilot = outcome.pilot
    return judging_on(pilot.status, pilot.starts_on, pilot.ends_on, today or date.today())


def _quotes(comments: Sequence[str]) -> tuple[str, ...]:
    """Comments worth quoting: the fuller ones first (a few words say little), at most QUOTES."""
    substantial = list(dict.fromkeys(c for c in comments if len(c.split()) >= 4))
    ranked = sorted(substantial, key=lambda comment: -min(len(comment), 240))
    return tuple(ranked[:QUOTES])
