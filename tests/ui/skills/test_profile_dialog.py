"""A person's skills profile: both surveys with the right numbers, the disagreement flag, the
change over time, the champion badge, and the empty state for someone never asked."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableView

from app.services.people import PersonInput
from app.skills.service import CampaignSetup, RatingEntry
from db.models import AssessmentKind, Rater, Track
from ui.skills.profile_dialog import DISAGREEMENT_ROLE, SkillLinesModel, SkillsProfileDialog

pytestmark = pytest.mark.database

# Follow-up: (self, manager) per skill; prompting is 3 levels apart, data privacy has no
# manager rating. A technical role's targets are 3 for every skill but domain application
# and model development (2).
FOLLOW_UP = {
    "ai_literacy": (3, 3),
    "prompting": (4, 1),
    "output_judgement": (3, 2),
    "data_privacy": (2, None),
    "responsible_use": (3, 3),
    "workflow_integration": (3, 3),
    "domain_application": (2, 2),
    "agent_oversight": (2, 2),
    "automation_building": (3, 2),
    "model_development": (1, 1),
}


def _record(services, campaign: int, person: int, levels: dict[str, tuple[int, int | None]]):
    entries = []
    for key, (own, manager) in levels.items():
        entries.append(RatingEntry(person, key, Rater.SELF, own))
        if manager is not None:
            entries.append(RatingEntry(person, key, Rater.MANAGER, manager))
    services.skills.record_many(campaign, entries)


@pytest.fixture
def ada(services) -> int:
    """Ada, a data analyst in IT, rated in a spring baseline and an autumn follow-up."""
    department = services.organisation.add_department("IT")
    role = services.organisation.add_role("Data Analyst", Track.TECHNICAL)
    person = services.people.add(
        PersonInput(first_name="Ada", last_name="Lovelace", department_id=department, role_id=role)
    )
    baseline = services.skills.create_campaign(CampaignSetup("Spring survey", date(2026, 4, 1)))
    follow_up = services.skills.create_campaign(
        CampaignSetup(
            "Autumn survey",
            date(2026, 10, 1),
            kind=AssessmentKind.FOLLOW_UP,
            baseline_id=baseline,
        )
    )
    spring = {key: (1, 1) for key in FOLLOW_UP} | {"ai_literacy": (2, 1)}
    _record(services, baseline, person, spring)
    _record(services, follow_up, person, FOLLOW_UP)
    return person


def open_profile(qtbot, services, person: int) -> SkillsProfileDialog:
    dialog = SkillsProfileDialog(services, person)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def row_of(table: QTableView, skill_name: str) -> int:
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == skill_name:
            return row
    raise AssertionError(f"{skill_name} is not in the table")


def cell(table: QTableView, skill_name: str, column: int) -> str:
    return table.model().index(row_of(table, skill_name), column).data()


def test_the_profile_shows_both_surveys_newest_first_with_the_right_numbers(qtbot, services, ada):
    dialog = open_profile(qtbot, services, ada)
    assert dialog.windowTitle() == "Skills profile: Ada Lovelace"
    assert dialog.details_label.text() == "IT · Data Analyst · Technical"
    assert [dialog.tabs.tabText(i).split(" · ")[0] for i in range(dialog.tabs.count())] == [
        "Autumn survey",
        "Spring survey",
        "Over time",
    ]
    latest, earlier = dialog.survey_tables
    assert dialog.summaries[0].text() == "Mean level 2.1 · total gap 7 levels"
    assert dialog.summaries[1].text() == "Mean level 1.0 · total gap 18 levels"

    judgement = "Judging AI output"
    assert [cell(latest, judgement, c) for c in range(1, 6)] == ["3", "3", "2", "2", "1"]
    privacy = "Data privacy and security with AI"
    assert [cell(latest, privacy, c) for c in range(1, 6)] == ["3", "2", "", "2", "1"]
    literacy = "AI literacy"
    assert [cell(earlier, literacy, c) for c in range(1, 6)] == ["3", "2", "1", "1", "2"]


def test_self_and_manager_two_levels_apart_are_flagged_for_a_conversation(qtbot, services, ada):
    dialog = open_profile(qtbot, services, ada)
    latest = dialog.survey_tables[0]
    model = latest.model()
    prompting = row_of(latest, "Prompting and working with AI tools")
    assert [model.index(prompting, c).data() for c in range(1, 6)] == ["3", "4", "1", "1", "2"]
    assert model.index(prompting, 0).data(DISAGREEMENT_ROLE) is True
    assert model.index(prompting, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    tip = "Self and manager are 2 or more levels apart: worth a conversation"
    assert model.index(prompting, SkillLinesModel.SELF).data(Qt.ItemDataRole.ToolTipRole) == tip
    assert (
        model.index(prompting, SkillLinesModel.MANAGER).data(Qt.ItemDataRole.BackgroundRole)
        is not None
    )
    flagged = [r for r in range(model.rowCount()) if model.index(r, 0).data(DISAGREEMENT_ROLE)]
    assert flagged == [prompting]  # one level apart is not flagged
    note = dialog.findChild(type(dialog.summaries[0]), "disagreement_note")
    assert note is not None and note.text() == tip
    assert not dialog.survey_tables[1].model().index(0, 0).data(DISAGREEMENT_ROLE)


def test_over_time_lists_the_agreed_level_in_each_survey_and_the_change(qtbot, services, ada):
    services.champions.nominate([ada])  # so that the screenshot shows the badge too
    dialog = open_profile(qtbot, services, ada)
    table = dialog.over_time_table
    assert table is not None
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[0] == "Skill" and headers[-1] == "Change"
    assert headers[1].startswith("Spring survey") and headers[2].startswith("Autumn survey")
    assert [cell(table, "AI literacy", c) for c in range(1, 4)] == ["1", "3", "+2"]
    assert [cell(table, "Prompting and working with AI tools", c) for c in (1, 2, 3)] == [
        "1",
        "1",
        "0",
    ]

    dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
    dialog.grab().save("/tmp/skills_profile_over_time.png")
    dialog.tabs.setCurrentIndex(0)
    dialog.grab().save("/tmp/skills_profile.png")
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_champion_wears_the_badge_and_someone_never_asked_sees_what_to_do(qtbot, services, ada):
    services.champions.nominate([ada])
    dialog = open_profile(qtbot, services, ada)
    assert dialog.champion_badge.isVisible()
    assert dialog.champion_badge.text() == "AI champion"
    dialog.close()

    newcomer = services.people.add(PersonInput(first_name="Grace", last_name="Hopper"))
    empty = open_profile(qtbot, services, newcomer)
    assert not empty.champion_badge.isVisible()
    assert empty.survey_tables == [] and empty.over_time_table is None
    assert empty.empty_label.isVisible()
    assert "Grace Hopper has not been asked in a skills survey yet" in empty.empty_label.text()
    assert empty.details_label.text() == "No department or role yet"
    empty.grab().save("/tmp/skills_profile_empty.png")
