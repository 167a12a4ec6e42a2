"""A small organisation whose people follow a learning path, built through the services, for
the learning plan tests (service, PDF, command line and GUI).

Sales has three advisers (Łukasz Nowak, Zoë Martin, 李娜) and their manager, Ops has one
adviser (Ngọc Trần). The path "Everyday AI" has three modules over the three stages; Łukasz
is already proficient in prompting, so the first module is skipped for him. Protected
learning time is 2 hours a week; the path starts on Monday 7 December 2026.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.context import AppServices
from app.paths.service import ModuleInput, PathLayout, StageLayout
from app.services.people import PersonInput
from app.skills.service import CampaignSetup, RatingEntry
from db.models import Rater, Track

STARTS_ON = date(2026, 12, 7)
DUE_ON = date(2027, 1, 29)
BASICS = "Chat basics for everyone"
SAFETY = "Safe use of customer data"
PRACTICE = "Daily practice with AI tools"


@dataclass(frozen=True)
class PlanOrganisation:
    path: int
    sales: int
    ops: int
    manager: int
    lukasz: int
    zoe: int
    li: int
    ngoc: int
    keys: dict[str, str]
    """Module title -> key."""

    @property
    def sales_people(self) -> list[int]:
        return [self.lukasz, self.zoe, self.li]


def _module(services: AppServices, title: str, hours: float, **raises: int) -> str:
    module_id = services.paths.save_module(
        ModuleInput(title, "", "workshop", hours, "awareness", raises)
    )
    return next(m.key for m in services.paths.modules() if m.id == module_id)


def build_plan_organisation(services: AppServices, *, assign: bool = True) -> PlanOrganisation:
    role = services.organisation.add_role("Customer adviser", Track.FRONTLINE)
    lead = services.organisation.add_role("Sales lead", Track.EXECUTIVE)
    sales = services.organisation.add_department("Sales")
    ops = services.organisation.add_department("Ops")

    def person(
        first: str, last: str, number: str, department: int, *, role_id=role, manager_id=None
    ) -> int:
        return services.people.add(
            PersonInput(
                first_name=first,
                last_name=last,
                employee_number=number,
                department_id=department,
                role_id=role_id,
                manager_id=manager_id,
            )
        )

    manager = person("Maria", "Keller", "E100", sales, role_id=lead)
    lukasz = person("Łukasz", "Nowak", "E101", sales, manager_id=manager)
    zoe = person("Zoë", "Martin", "E102", sales, manager_id=manager)
    li = services.people.add(
        PersonInput(
            display_name="李娜",
            employee_number="E103",
            department_id=sales,
            role_id=role,
            manager_id=manager,
        )
    )
    ngoc = person("Ngọc", "Trần", "E201", ops)
    keys = {
        BASICS: _module(services, BASICS, 2, prompting=1),
        SAFETY: _module(services, SAFETY, 3, data_privacy=2),
        PRACTICE: _module(services, PRACTICE, 4, workflow_integration=2),
    }
    path = services.paths.create_path(
        PathLayout(
            "Everyday AI",
            "frontline",
            "awareness",
            "",
            (
                StageLayout("crawl", "First steps", (keys[BASICS],)),
                StageLayout("walk", "Safely", (keys[SAFETY],)),
                StageLayout("run", "Every day", (keys[PRACTICE],)),
            ),
        )
    )
    services.capacity.set_hours_per_week(2)
    survey = services.skills.create_campaign(CampaignSetup("Spring check", date(2026, 3, 2)))
    services.skills.record_many(
        survey,
        [
            RatingEntry(lukasz, "prompting", Rater.SELF, 3),
            RatingEntry(lukasz, "data_privacy", Rater.SELF, 0),
            RatingEntry(lukasz, "workflow_integration", Rater.SELF, 1),
            RatingEntry(zoe, "prompting", Rater.SELF, 0),
        ],
    )
    if assign:
        services.suggestions.assign(
            path,
            [lukasz, zoe, li, ngoc],
            starts_on=STARTS_ON,
            due_on=DUE_ON,
        )
    return PlanOrganisation(
        path=path,
        sales=sales,
        ops=ops,
        manager=manager,
        lukasz=lukasz,
        zoe=zoe,
        li=li,
        ngoc=ngoc,
        keys=keys,
    )
