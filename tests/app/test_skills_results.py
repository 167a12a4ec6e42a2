"""What a skills survey shows: readiness in aggregate, champions, the follow-up against its
baseline, a person's profile, and answers saved in bulk all-or-nothing."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import ValidationError
from app.services.people import PeopleQuery
from app.skills.service import AttitudeEntry, CampaignSetup, RatingEntry
from db.models import AssessmentKind, Rater, Track
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
        "Ops": add_department_people(services, "Ops", 5, role),
    }


def _everyone_rates(services, campaign, people, level, *, keen=5, worried=2):
    skills = [s.key for s in services.skills.catalogue().skills]
    services.skills.record_many(
        campaign,
        [RatingEntry(p, key, Rater.SELF, level) for p in people for key in skills],
        [AttitudeEntry(p, "keen_to_learn", keen) for p in people]
        + [AttitudeEntry(p, "worried_about_job", worried) for p in people],
    )


def test_answers_saved_in_bulk_replace_earlier_ones_and_a_bad_one_saves_none(
    services, organisation
):
    campaign = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    sales = organisation["Sales"]
    services.skills.rate(campaign, sales[0], "prompting", rater=Rater.MANAGER, level=4)
    _everyone_rates(services, campaign, sales, 2)
    sheet = services.skills.sheet(campaign, sales[0])
    assert set(sheet.self_levels.values()) == {2}
    assert sheet.manager_levels["prompting"] is None  # replaced: not in the bulk answers
    assert sheet.attitudes["keen_to_learn"] == 5

    bad = [
        RatingEntry(sales[1], "prompting", Rater.SELF, 3),
        RatingEntry(sales[1], "ai_literacy", Rater.SELF, 7),
    ]
    with pytest.raises(ValidationError):
        services.skills.record_many(campaign, bad)
    assert services.skills.sheet(campaign, sales[1]).self_levels["prompting"] == 2


def test_readiness_counts_people_per_segment_and_folds_a_department_of_three(
    services, organisation
):
    campaign = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    _everyone_rates(services, campaign, organisation["Sales"], 3, keen=5, worried=2)
    _everyone_rates(services, campaign, organisation["IT"], 1, keen=2, worried=5)
    _everyone_rates(services, campaign, organisation["Legal"], 2, keen=3, worried=4)
    _everyone_rates(services, campaign, organisation["Ops"], 2, keen=3, worried=4)

    readiness = services.skills_results.readiness(campaign)
    by_group = {s.group: s for s in readiness.segments}
    assert "Legal" not in by_group
    assert by_group["Sales"].ready_to_lead == 6 and by_group["Sales"].worried == 0
    assert by_group["IT"].needs_foundations == 6 and by_group["IT"].worried == 6
    # Legal (3) is under the threshold of 5; Other would still be too small, so the smallest
    # shown department (Ops, 5) joins it.
    assert "Ops" not in by_group
    (other,) = [g for g in by_group if g not in ("Sales", "IT")]
    assert by_group[other].people == 8 and not by_group[other].suppressed
    assert by_group[other].building == 8 and by_group[other].worried == 8
    keen = [c for c in readiness.overall if c.item == "keen_to_learn"]
    assert keen[0].people == 20
    assert keen[0].mean == pytest.approx((6 * 5 + 6 * 2 + 8 * 3) / 20)
    assert {c.group for c in readiness.attitudes} == {"Sales", "IT", other}
    assert readiness.answered == 20


def test_champion_candidates_are_ready_to_lead_and_nominations_show_on_the_people_page(
    services, organisation
):
    campaign = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    _everyone_rates(services, campaign, organisation["Sales"], 3)
    _everyone_rates(services, campaign, organisation["IT"], 1)
    candidates = services.skills_results.champion_candidates(campaign, per_department=2)
    assert [c.department for c in candidates] == ["Sales", "Sales"]
    picked = [c.person_id for c in candidates]
    assert picked == sorted(organisation["Sales"])[:2]

    assert services.champions.nominate(picked) == 2
    assert services.champions.nominate(picked) == 0
    again = services.skills_results.champion_candidates(campaign, per_department=2)
    assert all(c.champion for c in again)
    champions = services.people.ordered_ids(PeopleQuery(champions_only=True))
    assert champions == sorted(picked, key=lambda p: services.people.get(p).display_name)
    rows = services.people.rows(organisation["Sales"][:3])
    assert [r.champion for r in rows] == [True, True, False]
    assert services.champions.withdraw([picked[0]]) == 1
    assert [c.person_id for c in services.champions.champions()] == [picked[1]]


def test_a_follow_up_shows_how_each_departments_gap_changed(services, organisation):
    baseline = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    everyone = [p for d in ("Sales", "IT", "Legal", "Ops") for p in organisation[d]]
    _everyone_rates(services, baseline, everyone, 0)
    follow_up = services.skills.create_campaign(
        CampaignSetup(
            "Autumn", date(2026, 10, 1), kind=AssessmentKind.FOLLOW_UP, baseline_id=baseline
        )
    )
    _everyone_rates(services, follow_up, everyone, 2)

    assert services.skills_results.comparison(baseline) is None
    comparison = services.skills_results.comparison(follow_up)
    assert comparison is not None
    assert "Sales" in comparison.groups and "Legal" not in comparison.groups
    target = services.skills.catalogue().target("frontline", "ai_literacy")
    change = next(c for c in comparison.changes if c.group == "Sales" and c.skill == "ai_literacy")
    assert change.before == pytest.approx(target)
    assert change.after == pytest.approx(max(0, target - 2))
    assert change.change == pytest.approx(max(0, target - 2) - target)


def test_a_persons_profile_lists_each_survey_with_gaps_and_flags_disagreement(
    services, organisation
):
    person = organisation["Sales"][0]
    first = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    second = services.skills.create_campaign(
        CampaignSetup("Autumn", date(2026, 10, 1), kind=AssessmentKind.FOLLOW_UP, baseline_id=first)
    )
    services.skills.rate(first, person, "prompting", rater=Rater.SELF, level=4)
    services.skills.rate(first, person, "prompting", rater=Rater.MANAGER, level=1)
    services.skills.rate(second, person, "prompting", rater=Rater.SELF, level=2)

    profile = services.skills_results.profile(person)
    assert [s.campaign_name for s in profile.surveys] == ["Spring", "Autumn"]
    spring = {line.key: line for line in profile.surveys[0].skills}["prompting"]
    assert (spring.self_level, spring.manager_level, spring.agreed) == (4, 1, 1.0)
    assert spring.disagreement
    assert spring.gap == max(0, spring.target - 1)
    autumn = {line.key: line for line in profile.surveys[1].skills}["prompting"]
    assert autumn.agreed == 2.0 and not autumn.disagreement
    assert profile.surveys[1].skills[0].agreed is None


def test_role_targets_can_be_set_and_reset_to_the_track(services, organisation):
    role = organisation["role"]
    services.skills.set_role_target(role, "prompting", 4)
    targets = services.skills.role_targets(role)
    assert targets.targets["prompting"] == 4 and targets.own == {"prompting"}
    services.skills.reset_role_targets(role)
    targets = services.skills.role_targets(role)
    assert targets.own == frozenset()
    assert targets.targets["prompting"] == services.skills.catalogue().target(
        "frontline", "prompting"
    )


def test_the_entry_list_shows_everyone_asked_by_department_with_their_progress(
    services, organisation
):
    campaign = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    services.skills.rate(campaign, organisation["IT"][0], "prompting", rater=Rater.SELF, level=1)
    participants = services.skills.participants(campaign)
    assert [p.department for p in participants] == ["IT"] * 6 + ["Legal"] * 3 + ["Ops"] * 5 + [
        "Sales"
    ] * 6
    assert participants[0].rated_skills == 1 and not participants[0].complete


def test_deleting_a_survey_removes_its_answers_and_its_follow_up_keeps_its_own(
    services, organisation
):
    sales = organisation["Sales"]
    baseline = services.skills.create_campaign(CampaignSetup("Spring", date(2026, 3, 1)))
    _everyone_rates(services, baseline, sales, 1)
    follow_up = services.skills.create_campaign(
        CampaignSetup(
            "Autumn", date(2026, 10, 1), kind=AssessmentKind.FOLLOW_UP, baseline_id=baseline
        )
    )
    _everyone_rates(services, follow_up, sales, 2)

    services.skills.delete_campaign(baseline)

    assert [c.name for c in services.skills.campaigns()] == ["Autumn"]
    assert services.skills.sheet(follow_up, sales[0]).self_levels["prompting"] == 2
    assert services.skills_results.comparison(follow_up) is None
    assert [s.campaign_name for s in services.skills_results.profile(sales[0]).surveys] == [
        "Autumn"
    ]
    with pytest.raises(ValidationError):
        services.skills.delete_campaign(baseline)
