"""Who could join a pilot, with the enthusiasm and influence the cohort suggestion weighs.

Enthusiasm comes from the skills survey's interest items unless HR entered a figure;
influence is entered, or derived from how many people someone manages. Read in a fixed
handful of queries whatever the headcount, within a session the pilot service opens.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.i18n import _
from app.pilots.cohort import Candidate
from app.skills.catalogue import AttitudeItem, SkillCatalogue
from db.models import (
    AttitudeResponse,
    CandidateRating,
    Department,
    Employee,
    EmployeeStatus,
    Role,
    SkillSurvey,
)

ENTHUSIASM_THEMES = ("interest_in_learning",)
"""The attitude themes whose answers make up enthusiasm for a pilot.

Only the wish to learn ("I would like to learn more about using AI in my role"). Not
"confidence": it measures skill already gained, and a pilot of the already-confident would
flatter its learning gain. Not "safety_to_experiment": it describes the team's climate more
than the person's appetite, and would favour whole departments over keen individuals.
Reverse-worded items of an included theme count as 6 minus the answer.
"""

INFLUENCE_BANDS = ((0, 1), (2, 2), (5, 3), (10, 4))
"""(most direct reports, influence): 0 → 1, 1-2 → 2, 3-5 → 3, 6-10 → 4, more → 5."""


def influence_from_reports(reports: int) -> int:
    """Influence 1-5 from the number of active people someone manages directly.

    0 → 1, 1-2 → 2, 3-5 → 3, 6-10 → 4, 11 or more → 5. Nobody managed is a real figure
    (influence 1, source "manages"), not missing data: it is the most common case, and
    HR enters a higher figure for someone influential without reports.
    """
    if reports < 0:
        raise ValueError(f"a number of reports cannot be negative ({reports})")
    for most, influence in INFLUENCE_BANDS:
        if reports <= most:
            return influence
    return 5


def enthusiasm_items(catalogue: SkillCatalogue) -> tuple[AttitudeItem, ...]:
    """The catalogue's attitude items that measure enthusiasm (see ENTHUSIASM_THEMES)."""
    return tuple(a for a in catalogue.attitudes if a.theme in ENTHUSIASM_THEMES)


def enthusiasm_from_answers(
    answers: Mapping[str, int], items: Sequence[AttitudeItem]
) -> float | None:
    """The mean of one survey's answers to ``items``, reverse-worded ones turned round.

    Rounded half up to one decimal; None when none of the items was answered.
    """
    values = [
        6 - answers[item.key] if item.reverse else answers[item.key]
        for item in items
        if item.key in answers
    ]
    if not values:
        return None
    mean = Decimal(sum(values)) / Decimal(len(values))
    return float(mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def read_candidates(
    session: Session,
    *,
    department_ids: Collection[int] | None = None,
    exclude_person_ids: Collection[int] = (),
    catalogue: SkillCatalogue | None = None,
) -> list[Candidate]:
    """Active people (of ``department_ids`` if given) with enthusiasm and influence.

    Enthusiasm: HR's entered figure, else the mean of the person's answers to the
    enthusiasm items in the latest skills survey (by opening date) in which they answered
    any of them, else none. Influence: HR's entered figure, else
    ``influence_from_reports`` of the active people who report to them directly. Ordered
    by department, then name. ``catalogue`` says which attitude items are which (the
    built-in one when not given). Four queries, however many people there are.
    """
    if catalogue is None:
        from app.skills.catalogue_loading import builtin_catalogue

        catalogue = builtin_catalogue()
    items = enthusiasm_items(catalogue)
    in_scope: list[ColumnElement[bool]] = [Employee.status == EmployeeStatus.ACTIVE]
    if department_ids is not None:
        in_scope.append(Employee.department_id.in_(list(department_ids)))

    people = session.execute(
        select(Employee.id, Employee.display_name, Department.name, Role.name)
        .outerjoin(Department, Department.id == Employee.department_id)
        .outerjoin(Role, Role.id == Employee.role_id)
        .where(*in_scope)
    ).all()
    reports: dict[int, int] = {
        manager: int(n)
        for manager, n in session.execute(
            select(Employee.manager_id, func.count())
            .where(Employee.status == EmployeeStatus.ACTIVE, Employee.manager_id.is_not(None))
            .group_by(Employee.manager_id)
        )
        if manager is not None
    }
    entered: dict[int, tuple[float | None, float | None]] = {
        person: (enthusiasm, influence)
        for person, enthusiasm, influence in session.execute(
            select(
                CandidateRating.employee_id, CandidateRating.enthusiasm, CandidateRating.influence
            )
            .join(Employee, Employee.id == CandidateRating.employee_id)
            .where(*in_scope)
        )
    }
    surveyed = _latest_answers(session, in_scope, items)

    excluded = set(exclude_person_ids)
    no_department = _("No department")
    found = []
    for person_id, name, department, role in people:
        if person_id in excluded:
            continue
        entered_enthusiasm, entered_influence = entered.get(person_id, (None, None))
        answers = surveyed.get(person_id)
        if entered_enthusiasm is not None:
            enthusiasm, enthusiasm_source = float(entered_enthusiasm), "entered"
        elif answers and (derived := enthusiasm_from_answers(answers, items)) is not None:
            enthusiasm, enthusiasm_source = derived, "survey"
        else:
            enthusiasm, enthusiasm_source = None, "none"
        managed = reports.get(person_id, 0)
        if entered_influence is not None:
            influence, influence_source = float(entered_influence), "entered"
        else:
            influence, influence_source = float(influence_from_reports(managed)), "manages"
        found.append(
            Candidate(
                person_id=person_id,
                display_name=name,
                department=department or no_department,
                role=role,
                enthusiasm=enthusiasm,
                enthusiasm_source=enthusiasm_source,
                influence=influence,
                influence_source=influence_source,
                reports=managed,
            )
        )
    found.sort(key=lambda c: (c.department.casefold(), c.display_name.casefold(), c.person_id))
    return found


def _latest_answers(
    session: Session, in_scope: list[ColumnElement[bool]], items: Sequence[AttitudeItem]
) -> dict[int, dict[str, int]]:
    """Person -> their answers to ``items`` in the latest survey where they answered any."""
    if not items:
        return {}
    rows = session.execute(
        select(
            AttitudeResponse.employee_id,
            AttitudeResponse.survey_id,
            AttitudeResponse.item_key,
            AttitudeResponse.value,
        )
        .join(SkillSurvey, SkillSurvey.id == AttitudeResponse.survey_id)
        .join(Employee, Employee.id == AttitudeResponse.employee_id)
        .where(AttitudeResponse.item_key.in_([item.key for item in items]), *in_scope)
        .order_by(SkillSurvey.opened_on, SkillSurvey.id)
    )
    latest: dict[int, int] = {}
    answers: dict[int, dict[str, int]] = {}
    for person, survey, key, value in rows:
        if latest.get(person) != survey:
            latest[person] = survey
            answers[person] = {}
        answers[person][key] = value
    return answers
