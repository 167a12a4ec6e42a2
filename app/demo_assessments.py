"""The demo organisation's maturity assessments: a baseline and a follow-up six months on,
with plausible movement (the dimensions the programme worked on improve most)."""

from __future__ import annotations

import random
from datetime import date

from app.maturity.service import AssessmentSetup, MaturityService
from db.models import AssessmentKind

BASELINE_DATE = date(2026, 4, 20)
FOLLOW_UP_DATE = date(2026, 10, 19)

# Where a typical small organisation starts (level per dimension key prefix) and how much
# each theme moves in six months of a programme focused on literacy, tools and leadership.
_START = {
    "strategy": 2,
    "leadership": 2,
    "literacy": 1,
    "skills": 2,
    "adoption": 2,
    "data": 2,
    "governance": 1,
    "culture": 2,
    "value": 1,
}
_MOVE = {"literacy": 2, "adoption": 1, "leadership": 1, "governance": 1, "culture": 1}


def _start_for(dimension_key: str) -> int:
    for prefix, level in _START.items():
        if dimension_key.startswith(prefix):
            return level
    return 2


def _move_for(dimension_key: str) -> int:
    for prefix, steps in _MOVE.items():
        if dimension_key.startswith(prefix):
            return steps
    return 0


def create_demo_assessments(maturity: MaturityService, rng: random.Random) -> tuple[int, int]:
    """Answer the built-in framework twice, as a facilitator's consensus; both finished."""
    framework = maturity.builtin_framework()
    baseline = maturity.create_assessment(
        AssessmentSetup(
            name="AI maturity baseline",
            taken_on=BASELINE_DATE,
            framework_id=framework.id,
            targets={d.key: 3.0 for d in framework.dimensions},
        )
    )
    follow_up = maturity.create_assessment(
        AssessmentSetup(
            name="AI maturity, six months on",
            taken_on=FOLLOW_UP_DATE,
            kind=AssessmentKind.FOLLOW_UP,
            baseline_id=baseline,
        )
    )
    for assessment, later in ((baseline, False), (follow_up, True)):
        progress = maturity.progress(assessment)
        facilitator = progress.respondents[0].id
        for dimension in progress.framework.dimensions:
            base = _start_for(dimension.key) + (_move_for(dimension.key) if later else 0)
            for question in dimension.questions:
                assert question.id is not None
                if rng.random() < (0.06 if later else 0.1):
                    maturity.answer(
                        assessment, facilitator, question.id, level=None, dont_know=True
                    )
                    continue
                level = max(1, min(5, base + rng.choice((-1, 0, 0, 0, 1))))
                maturity.answer(assessment, facilitator, question.id, level=level)
        maturity.finish(assessment)
    return baseline, follow_up
