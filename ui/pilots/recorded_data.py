"""Who in a cohort has something recorded in the pilot, so leaving the cohort can ask first.

Reads what the tracking service already lists (check-ins, timings, answers, scores,
applications); nothing is computed beyond whether a row exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.context import AppServices
from app.pilots.records import SCORE_KINDS, ParticipantRow


def participants_with_records(
    services: AppServices, pilot_id: int, participants: Iterable[ParticipantRow]
) -> set[int]:
    """The participant ids (not person ids) with at least one thing recorded for them."""
    tracking = services.pilot_tracking
    found = {row.id for row in participants if row.check_ins}
    found |= set(tracking.feedback(pilot_id))
    found |= {row.participant_id for row in tracking.applications(pilot_id)}
    found |= {
        row.timing.participant_id
        for row in tracking.timings(pilot_id)
        if row.timing.participant_id is not None
    }
    for kind in SCORE_KINDS:
        found |= {
            row.participant_id
            for row in tracking.scores(pilot_id, kind)
            if row.before is not None or row.after is not None
        }
    return found
