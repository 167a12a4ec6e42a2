"""The Assessment area and the results page: what a person sees and clicks after answering."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from db.models import AnsweringMode, AssessmentKind
from tests.ui.conftest import close_message_boxes
from tests.ui.maturity.conftest import answer_all, create_assessment, shot
from ui.maturity.area_page import MaturityAreaPage
from ui.maturity.results_page import MaturityResultsPage
from ui.maturity.results_table import DimensionResultsModel
from ui.maturity.wizard import MaturityWizard

pytestmark = pytest.mark.database


@pytest.fixture
def area(qtbot, services, bridge):
    page = MaturityAreaPage(services, bridge)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    with qtbot.waitExposed(page):
        page.show()
    yield page
    for window in (page.wizard, page.resume_offer, page.delete_box):
        if window is not None and window.isVisible():
            window.close()
    close_message_boxes(page)


def finished_baseline(services, levels: dict[str, int], name: str = "Baseline") -> int:
    assessment_id = create_assessment(services, name)
    answer_all(services, assessment_id, levels)
    services.maturity.finish(assessment_id)
    return assessment_id


def level_names(services) -> dict[int, str]:
    return {level.level: level.name for level in services.maturity.builtin_framework().levels}


def test_the_results_page_shows_the_level_and_the_weakest_topics_recommended_actions(
    qtbot, services
):
    framework = services.maturity.builtin_framework()
    keys = [d.key for d in framework.dimensions]
    # Every topic at 3 except three: 1, 2 and 2 -> overall (6*3 + 1 + 2 + 2) / 9 = 23 / 9.
    levels = dict.fromkeys(keys, 3) | {keys[4]: 1, keys[1]: 2, keys[7]: 2}
    assessment_id = finished_baseline(services, levels)

    page = MaturityResultsPage(services)
    qtbot.addWidget(page)
    page.resize(1180, 1500)
    page.show_assessment(assessment_id)
    with qtbot.waitExposed(page):
        page.show()
    shot(page, "5_results")

    # 23 / 9 = 2.56 -> shown as 2.6, level 2 (1.8–2.6): the band uses the unrounded score.
    names = level_names(services)
    assert page.overall_score.text() == "2.6 of 5"
    assert page.overall_level.text() == f"Level 2: {names[2]}"
    assert page.level_description.text() == framework.level(2).description
    assert page.coverage.text() == "Every question answered"

    # Weakest first: the topic at 1, then the two at 2 in framework order.
    weakest = [
        card.findChild(type(page.title), "weakest_name").text() for card in page.weakest_cards
    ]
    by_key = {d.key: d for d in framework.dimensions}
    assert weakest[0] == by_key[keys[4]].name
    assert set(weakest[1:]) == {by_key[keys[1]].name, by_key[keys[7]].name}
    expected = list(by_key[keys[4]].recommendations[1])
    assert page.recommendation_texts()[: len(expected)] == expected
    first_card_text = page.weakest_cards[0].findChild(type(page.title), "recommendations").text()
    assert all(escape(action) in first_card_text for action in expected)

    # The table is sorted by gap to the target (3.0): 2.0 to go first.
    model = page.model
    assert model.index(0, DimensionResultsModel.TOPIC).data() == by_key[keys[4]].name
    assert model.index(0, DimensionResultsModel.GAP).data() == "2.0 to go"
    assert model.index(8, DimensionResultsModel.GAP).data() == "✓ target reached"
    assert page.table.isColumnHidden(DimensionResultsModel.CHANGE)  # no baseline to compare
    assert page.continue_button.isHidden()


def test_a_follow_up_shows_the_change_with_arrows_and_words(qtbot, services, qtmodeltester):
    framework = services.maturity.builtin_framework()
    keys = [d.key for d in framework.dimensions]
    baseline = finished_baseline(services, dict.fromkeys(keys, 2))
    follow_up = create_assessment(
        services, "Six months on", kind=AssessmentKind.FOLLOW_UP, baseline_id=baseline
    )
    answer_all(services, follow_up, dict.fromkeys(keys, 2) | {keys[0]: 4, keys[1]: 1})
    services.maturity.finish(follow_up)

    page = MaturityResultsPage(services)
    qtbot.addWidget(page)
    page.show_assessment(follow_up)
    qtmodeltester.check(page.model)
    changes = {
        page.model.index(row, DimensionResultsModel.TOPIC).data(): page.model.index(
            row, DimensionResultsModel.CHANGE
        ).data()
        for row in range(page.model.rowCount())
    }
    names = {d.key: d.name for d in framework.dimensions}
    assert changes[names[keys[0]]] == "▲ +2.0 higher"
    assert changes[names[keys[1]]] == "▼ −1.0 lower"
    assert changes[names[keys[2]]] == "= no change"
    # Overall: (4 + 1 + 7 * 2) / 9 = 19 / 9 = 2.11 against 2.0 -> +0.1.
    assert page.comparison.text().startswith("▲ +0.1 higher since Baseline")


def test_several_respondents_show_how_many_answered_or_that_the_spread_is_withheld(qtbot, services):
    assessment_id = create_assessment(
        services, "Workshop", mode=AnsweringMode.RESPONDENTS, respondents=["Ana", "Ben"]
    )
    progress = services.maturity.progress(assessment_id)
    question = progress.framework.dimensions[0].questions[0]
    for respondent, level in zip(progress.respondents, (4, 2), strict=True):
        services.maturity.answer(assessment_id, respondent.id, question.id, level=level)

    page = MaturityResultsPage(services)
    qtbot.addWidget(page)
    page.show_assessment(assessment_id)
    assert not page.table.isColumnHidden(DimensionResultsModel.SPREAD)
    topic = progress.framework.dimensions[0].name
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.index(r, DimensionResultsModel.TOPIC).data() == topic
    )
    threshold = services.organisation.settings().anonymity_threshold
    assert page.model.index(row, DimensionResultsModel.SPREAD).data() == (
        f"withheld: fewer than {threshold} answered"
    )
    assert not page.continue_button.isHidden()
    assert "not finished" in page.unfinished_note.text()


def test_a_new_file_shows_what_an_assessment_is_and_a_button_that_starts_one(qtbot, area):
    assert area.is_empty_state_shown()
    assert area.start_button.isVisible()
    shot(area, "6_area_empty")
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    wizard = area.wizard
    assert isinstance(wizard, MaturityWizard)
    qtbot.waitUntil(wizard.isVisible)
    assert wizard.currentId() == MaturityWizard.SETUP
    assert wizard.assessment_id is None


def test_the_area_lists_every_assessment_draws_their_scores_over_time_and_shows_the_chosen(
    qtbot, area, services, qtmodeltester
):
    keys = [d.key for d in services.maturity.builtin_framework().dimensions]
    first = finished_baseline(services, dict.fromkeys(keys, 2), "Spring")
    second = create_assessment(services, "Autumn", kind=AssessmentKind.FOLLOW_UP, baseline_id=first)
    answer_all(services, second, dict.fromkeys(keys, 3))
    services.maturity.finish(second)
    create_assessment(services, "Winter (nothing answered)")

    qtbot.waitUntil(lambda: area.list_model.rowCount() == 3)
    qtmodeltester.check(area.list_model)
    assert not area.is_empty_state_shown()
    names = [area.list_model.rows[r].name for r in range(3)]
    assert set(names) == {"Spring", "Autumn", "Winter (nothing answered)"}
    # Two scored assessments make two points; the one with no answers has no score.
    assert area.chart.point_count() == 2
    assert [round(area.chart.series.at(i).y(), 1) for i in range(2)] == [2.0, 3.0]
    shot(area, "7_area")

    # Choosing a row shows its results.
    row = area.list_model.row_of(first)
    area.list_view.selectRow(row)
    assert area.results_page.title.text() == "Spring"
    assert area.results_page.overall_score.text() == "2.0 of 5"
    assert not area.resume_button.isEnabled()


def test_starting_with_an_unfinished_assessment_offers_to_resume_it(qtbot, area, services):
    assessment_id = create_assessment(services, "Half done")
    progress = services.maturity.progress(assessment_id)
    respondent = progress.respondents[0].id
    questions = [q for d in progress.framework.dimensions for q in d.questions]
    for question in questions[:12]:
        services.maturity.answer(assessment_id, respondent, question.id, level=3)
    qtbot.waitUntil(lambda: area.list_model.rowCount() == 1)

    qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    offer = area.resume_offer
    assert offer is not None
    qtbot.waitUntil(offer.isVisible)
    assert offer.resume_buttons[0].text() == (f"Resume Half done (12 of {len(questions)} answered)")
    shot(offer, "8_resume_offer")
    qtbot.mouseClick(offer.resume_buttons[0], Qt.MouseButton.LeftButton)
    wizard = area.wizard
    assert wizard is not None and wizard.assessment_id == assessment_id
    qtbot.waitUntil(wizard.isVisible)
    # The last answer was question 12 (on topic 3): the wizard opens there.
    assert (
        wizard.currentPage().title()
        == wizard.page(wizard.page_id_for_question(questions[11].id)).title()
    )
    assert wizard.choice_button(questions[11].key, 3).isChecked()


def test_choosing_start_a_new_one_in_the_offer_opens_an_empty_wizard(qtbot, area, services):
    create_assessment(services, "Half done")
    qtbot.waitUntil(lambda: area.list_model.rowCount() == 1)
    area.start_assessment()
    qtbot.waitUntil(area.resume_offer.isVisible)
    qtbot.mouseClick(area.resume_offer.new_button, Qt.MouseButton.LeftButton)
    assert area.wizard is not None and area.wizard.assessment_id is None


def test_finishing_in_the_wizard_selects_the_new_assessment_in_the_area(qtbot, area, services):
    qtbot.mouseClick(area.start_button, Qt.MouseButton.LeftButton)
    wizard = area.wizard
    qtbot.waitUntil(wizard.isVisible)
    wizard.setup_page.name_edit.setText("From the area")
    with qtbot.waitSignal(wizard.created):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    key = wizard.framework.dimensions[0].questions[0].key
    with qtbot.waitSignal(wizard.answer_saved):
        qtbot.mouseClick(wizard.choice_button(key, 5), Qt.MouseButton.LeftButton)
    while wizard.currentId() != MaturityWizard.REVIEW:
        qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(area.assessment_finished):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert not wizard.isVisible()
    assert area.results_page.title.text() == "From the area"
    assert area.results_page.overall_score.text() == "5.0 of 5"


def test_deleting_asks_first_and_then_removes_the_assessment(qtbot, area, services):
    keys = [d.key for d in services.maturity.builtin_framework().dimensions]
    finished_baseline(services, dict.fromkeys(keys, 2), "Old one")
    qtbot.waitUntil(lambda: area.list_model.rowCount() == 1)
    area.list_view.selectRow(0)

    qtbot.mouseClick(area.delete_button, Qt.MouseButton.LeftButton)
    box = area.delete_box
    assert box is not None and "Old one" in box.text()
    with qtbot.waitSignal(box.finished):
        box.button(box.StandardButton.Cancel).click()
    assert len(services.maturity.history().assessments) == 1

    qtbot.mouseClick(area.delete_button, Qt.MouseButton.LeftButton)
    box = area.delete_box
    confirm = next(b for b in box.buttons() if b.objectName() == "confirm_delete")
    with qtbot.waitSignal(box.finished):
        confirm.click()
    assert services.maturity.history().assessments == []
    qtbot.waitUntil(area.is_empty_state_shown)


def test_print_report_writes_the_maturity_pdf_where_the_user_chose(qtbot, services, tmp_path: Path):
    keys = [d.key for d in services.maturity.builtin_framework().dimensions]
    assessment_id = finished_baseline(services, dict.fromkeys(keys, 3))
    page = MaturityResultsPage(services)
    qtbot.addWidget(page)
    page.show_assessment(assessment_id)
    assert page.pdf_button.isEnabled()
    out = tmp_path / "maturity report"
    page.choose_pdf_path = lambda suggested: out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.pdf_written, timeout=60_000) as written:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    path = written.args[0]
    assert path == tmp_path / "maturity report.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    close_message_boxes(page)
    QApplication.processEvents()


def test_the_frameworks_button_opens_the_list_with_the_built_in_framework(qtbot, area, services):
    keys = [d.key for d in services.maturity.builtin_framework().dimensions]
    finished_baseline(services, dict.fromkeys(keys, 2), "Spring")
    qtbot.waitUntil(lambda: area.list_model.rowCount() == 1)
    qtbot.mouseClick(area.frameworks_button, Qt.MouseButton.LeftButton)
    dialog = area.frameworks_dialog
    qtbot.waitExposed(dialog)
    assert dialog.table.rowCount() == 1
    assert "AI maturity" in dialog.table.item(0, dialog.NAME).text()
    dialog.reject()
