"""The skills profile's "path that would close the gaps": the modules a rated person would take
with their hours, the ones they skip with the reason, and what to do when their track has no
path yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.context import AppServices
from app.services.people import PersonInput
from app.skills.service import CampaignSetup, RatingEntry
from db.models import Rater, Track
from ui.skills.profile_dialog import SkillsProfileDialog

pytestmark = pytest.mark.database

SCREENSHOT = Path("/tmp/shots_assign/test_profile_path.png")


def open_profile(qtbot, services: AppServices, person: int) -> SkillsProfileDialog:
    dialog = SkillsProfileDialog(services, person)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def add_person(services: AppServices, first: str, track: Track) -> int:
    department = services.organisation.add_department(f"{first}'s team")
    role = services.organisation.add_role(f"{first}'s role", track)
    return services.people.add(
        PersonInput(first_name=first, last_name="Example", department_id=department, role_id=role)
    )


def test_a_rated_person_sees_the_modules_they_would_take_and_why_they_skip_the_others(
    qtbot, services: AppServices
) -> None:
    ada = add_person(services, "Ada", Track.TECHNICAL)
    survey = services.skills.create_campaign(CampaignSetup("Spring survey", date(2026, 4, 1)))
    services.skills.record_many(
        survey,
        [
            RatingEntry(ada, "ai_literacy", Rater.SELF, 3),
            RatingEntry(ada, "responsible_use", Rater.SELF, 3),
            RatingEntry(ada, "agent_oversight", Rater.SELF, 2),
        ],
    )
    services.paths.create_from_template("technical_awareness", "AI for engineers")

    dialog = open_profile(qtbot, services, ada)

    expected = services.suggestions.suggestion(ada)
    assert expected.skipped, "the survey makes Ada skip something"
    plan = dialog.path_plan
    assert plan.isVisible() and not dialog.path_message.isVisible()
    assert plan.kept_titles == [m.title for m in expected.kept]
    assert plan.skipped_reasons == [s.reason for s in expected.skipped]
    assert plan.summary.startswith(f"“AI for engineers”: {len(expected.kept)} of 6 modules, ")
    assert plan.summary.endswith("Trimmed to the gaps measured in “Spring survey”.")
    shown = plan.toPlainText()
    assert "Skips “AI at work: the essentials”: already at that level in" in shown
    for module in expected.kept:
        assert module.title in shown
    assert "AI at work: the essentials" not in plan.kept_titles
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOT))


def test_a_track_without_a_path_says_to_make_one_first(qtbot, services: AppServices) -> None:
    services.paths.create_from_template("technical_awareness")
    grace = add_person(services, "Grace", Track.EXECUTIVE)
    dialog = open_profile(qtbot, services, grace)
    assert not dialog.path_plan.isVisible()
    assert dialog.path_message.text().startswith("No path for this track yet.")
    assert dialog.empty_label.isVisible(), "the rest of the profile still works"
