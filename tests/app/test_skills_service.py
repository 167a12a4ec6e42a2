"""Skills survey campaigns through the service: ratings saved one by one, and a heatmap in
which a department smaller than the anonymity threshold never appears on its own."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.skills.service import CampaignSetup
from db.models import EmployeeStatus, Rater, Track
from tests.app.skills_people import add_department_people

pytestmark = pytest.mark.database


@pytest.fixture
def organisation(services):
    role = services.organisation.add_role("Adviser", Track.FRONTLINE)
    return {
        "role": role,
        "Sales": add_department_people(services, "Sales", 6, role),
        "IT": add_department_people(services, "IT", 6, role),
        "Legal": add_department_people(services, "Legal", 3, role),
        "HR": add_department_people(services, "HR", 2, role),
    }


def test_ratings_are_saved_one_by_one_and_can_be_cleared(services, organisation):
    campaign = services.skills.create_campaign(
        CampaignSetup(name="Spring skills survey", opened_on=date(2026, 3, 2))
    )
    person = organisation["Sales"][0]
    services.skills.rate(campaign, person, "ai_literacy", rater=Rater.SELF, level=3)
    services.skills.rate(campaign, person, "ai_literacy", rater=Rater.MANAGER, level=2)
    services.skills.rate(campaign, person, "prompting", rater=Rater.SELF, level=1)
    services.skills.answer_attitude(campaign, person, "keen_to_learn", 5)
    sheet = services.skills.sheet(campaign, person)
    assert sheet.self_levels["ai_literacy"] == 3
    assert sheet.manager_levels["ai_literacy"] == 2
    assert sheet.attitudes["keen_to_learn"] == 5
    assert sheet.track == "frontline"
    assert sheet.targets["ai_literacy"] == services.skills.catalogue().target(
        "frontline", "ai_literacy"
    )
    services.skills.rate(campaign, person, "prompting", rater=Rater.SELF, level=None)
    assert services.skills.sheet(campaign, person).self_levels["prompting"] is None
    [row] = services.skills.campaigns()
    assert (row.people, row.rated) == (17, 1)


def test_bad_ratings_and_people_outside_the_survey_are_refused(services, organisation):
    campaign = services.skills.create_campaign(
        CampaignSetup(
            name="IT only",
            opened_on=date(2026, 3, 2),
            department_ids=[services.people.get(organisation["IT"][0]).department_id],
        )
    )
    with pytest.raises(ValidationError, match="0 to 4"):
        services.skills.rate(
            campaign, organisation["IT"][0], "ai_literacy", rater=Rater.SELF, level=5
        )
    with pytest.raises(ValidationError, match="not asked"):
        services.skills.rate(
            campaign, organisation["Sales"][0], "ai_literacy", rater=Rater.SELF, level=2
        )
    with pytest.raises(ValidationError, match="1 to 5"):
        services.skills.answer_attitude(campaign, organisation["IT"][0], "keen_to_learn", 6)


def test_inactive_people_are_not_asked(services, organisation):
    services.people.set_status(organisation["HR"], EmployeeStatus.INACTIVE)
    campaign = services.skills.create_campaign(
        CampaignSetup(name="Everyone active", opened_on=date(2026, 3, 2))
    )
    assert services.skills.campaigns()[0].people == 15
    with pytest.raises(ValidationError):
        services.skills.rate(
            campaign, organisation["HR"][0], "ai_literacy", rater=Rater.SELF, level=1
        )


def test_a_department_of_three_never_appears_on_its_own_in_the_heatmap(services, organisation):
    campaign = services.skills.create_campaign(
        CampaignSetup(name="Baseline", opened_on=date(2026, 3, 2))
    )
    target = services.skills.catalogue().target("frontline", "ai_literacy")
    for group in ("Sales", "IT", "Legal", "HR"):
        for person in organisation[group]:
            services.skills.rate(campaign, person, "ai_literacy", rater=Rater.SELF, level=0)
    # Sales: managers rate two people one level below their own view of target.
    for person in organisation["Sales"][:2]:
        services.skills.rate(
            campaign, person, "ai_literacy", rater=Rater.MANAGER, level=max(0, target - 1)
        )
    result = services.skills_results.heatmap(campaign)
    assert "Legal" not in result.groups and "HR" not in result.groups
    assert "Sales" in result.groups and "IT" in result.groups
    other = [g for g in result.groups if g not in ("Sales", "IT")]
    assert len(other) == 1 and "Other" in other[0]
    cell = next(c for c in result.cells if c.group == "Sales" and c.skill == "ai_literacy")
    # Four people at level 0 (gap = target), two agreed at target - 1 (gap 1).
    assert cell.mean_gap == pytest.approx((4 * target + 2 * min(target, 1)) / 6)
    other_cell = next(c for c in result.cells if c.group == other[0] and c.skill == "ai_literacy")
    assert other_cell.people == 5 and not other_cell.suppressed
    assert result.people == 17 and result.rated == 17


def test_a_roles_own_target_changes_its_gaps(services, organisation):
    campaign = services.skills.create_campaign(
        CampaignSetup(name="Targets", opened_on=date(2026, 3, 2))
    )
    for person in organisation["Sales"] + organisation["IT"]:
        services.skills.rate(campaign, person, "model_development", rater=Rater.SELF, level=0)
    services.skills.set_role_target(organisation["role"], "model_development", 3)
    result = services.skills_results.heatmap(campaign)
    cell = next(c for c in result.cells if c.group == "Sales" and c.skill == "model_development")
    assert cell.mean_gap == pytest.approx(3.0)
