"""The maturity wizard, driven the way a facilitator uses it: clicks, keys, closing, resuming."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from app.maturity.service import SavedAnswer
from tests.ui.maturity.conftest import (
    click_back,
    click_choice,
    click_finish,
    click_next,
    destroy,
    set_up_consensus,
    shot,
)
from ui.maturity.choices import DONT_KNOW
from ui.maturity.question_pages import DimensionPage
from ui.maturity.wizard import MaturityWizard

pytestmark = pytest.mark.database


def answers_of(services, assessment_id: int) -> dict[str, SavedAnswer]:
    """The saved answers by question key, read back from the data file."""
    progress = services.maturity.progress(assessment_id)
    keys = {q.id: q.key for d in progress.framework.dimensions for q in d.questions}
    return {keys[question]: saved for (_who, question), saved in progress.answers.items()}


def test_a_consensus_assessment_clicked_through_is_saved_and_scored_as_computed_by_hand(
    qtbot, open_wizard, services
):
    wizard = open_wizard()
    shot(wizard, "1_setup")
    assessment_id = set_up_consensus(qtbot, wizard, "Spring baseline")
    framework = wizard.framework
    assert framework is not None
    first, second = framework.dimensions[0], framework.dimensions[1]
    assert all(q.weight == 1.0 for d in framework.dimensions for q in d.questions)
    assert all(d.weight == 1.0 for d in framework.dimensions)
    page = wizard.currentPage()
    assert isinstance(page, DimensionPage)
    assert wizard.currentPage().title() == first.name
    assert page.position_label.text() == f"Topic 1 of {len(framework.dimensions)}"

    # Topic 1: 4, 2, "don't know", and the last left open -> (4 + 2) / 2 = 3.0.
    q = [question.key for question in first.questions]
    click_choice(qtbot, wizard, q[0], 4)
    click_choice(qtbot, wizard, q[1], 2)
    click_choice(qtbot, wizard, q[2], DONT_KNOW)
    assert page.answered_label.text() == f"3 of {framework.question_count} questions answered"
    shot(wizard, "2_dimension_answered")
    click_next(qtbot, wizard)

    # Topic 2: 5, 4, 4, 3 -> 16 / 4 = 4.0; a first click of 1 is changed to 5.
    assert wizard.currentPage().title() == second.name
    q2 = [question.key for question in second.questions]
    click_choice(qtbot, wizard, q2[0], 1)
    for key, level in zip(q2, (5, 4, 4, 3), strict=True):
        click_choice(qtbot, wizard, key, level)
    assert wizard.choice_button(q2[0], 5).isChecked()
    assert not wizard.choice_button(q2[0], 1).isChecked()

    # Every other topic left open: Next through to the review page.
    while wizard.currentId() != MaturityWizard.REVIEW:
        click_next(qtbot, wizard)
    review = wizard.review_page
    unanswered = framework.question_count - 6 - 1  # 2 + 4 levels given, 1 "don't know"
    assert review.open_list.count() == unanswered + 1
    assert f"{unanswered} not answered and 1 “don't know”" in review.detail.text()
    shot(wizard, "4_review")
    click_finish(qtbot, wizard)

    saved = answers_of(services, assessment_id)
    assert (saved[q[0]].level, saved[q[1]].level) == (4, 2)
    assert saved[q[2]].dont_know and saved[q[2]].level is None
    assert q[3] not in saved or (saved[q[3]].level is None and not saved[q[3]].dont_know)
    assert [saved[key].level for key in q2] == [5, 4, 4, 3]

    results = services.maturity.results(assessment_id)
    scores = {d.key: d.score for d in results.dimensions}
    assert scores[first.key] == pytest.approx(3.0)
    assert scores[second.key] == pytest.approx(4.0)
    assert all(scores[d.key] is None for d in framework.dimensions[2:])
    # Overall: the mean of the two scored topics, (3.0 + 4.0) / 2 = 3.5 -> level 4 (3.4–4.2).
    assert results.overall == pytest.approx(3.5)
    assert results.overall_level == 4
    assert results.overall_level_name == framework.level(4).name
    # Coverage: 6 levels given of all questions ("don't know" is not an answer).
    assert results.coverage == pytest.approx(6 / framework.question_count)
    assert results.status == "complete"


def test_keys_choose_the_focused_questions_level_and_enter_goes_to_the_next_page(
    qtbot, open_wizard, services
):
    wizard = open_wizard()
    assessment_id = set_up_consensus(qtbot, wizard)
    framework = wizard.framework
    assert framework is not None
    keys = [question.key for question in framework.dimensions[0].questions]
    first = wizard.choice_button(keys[0], 1)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)

    with qtbot.waitSignal(wizard.answer_saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert wizard.choice_button(keys[0], 3).isChecked()
    # Focus moved on to the next question: "d" there means "don't know".
    assert wizard.question_card(keys[1]).isAncestorOf(QApplication.focusWidget())
    with qtbot.waitSignal(wizard.answer_saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D)
    with qtbot.waitSignal(wizard.answer_saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    saved = answers_of(services, assessment_id)
    assert saved[keys[0]].level == 3
    assert saved[keys[1]].dont_know
    assert saved[keys[2]].level == 5

    # Enter goes to the next page.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentId() == MaturityWizard.FIRST_DIMENSION + 1
    assert wizard.currentPage().title() == framework.dimensions[1].name


def test_a_note_is_saved_when_the_user_leaves_the_field(qtbot, open_wizard, services):
    wizard = open_wizard()
    assessment_id = set_up_consensus(qtbot, wizard)
    key = wizard.framework.dimensions[0].questions[0].key
    note = wizard.question_card(key).note
    note.setFocus()
    qtbot.keyClicks(note, "Written in the 2026 plan, p. 4")
    with qtbot.waitSignal(wizard.note_saved):
        qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert answers_of(services, assessment_id)[key].note == "Written in the 2026 plan, p. 4"


def test_a_setup_problem_is_shown_beside_its_field_and_the_page_stays(qtbot, open_wizard, services):
    wizard = open_wizard()
    page = wizard.setup_page
    page.name_edit.clear()
    click_next(qtbot, wizard)
    assert wizard.currentId() == MaturityWizard.SETUP
    assert page.errors["name"].isVisible()
    assert "name" in page.errors["name"].message().lower()
    assert services.maturity.history().assessments == []

    # A team needs its name; the problem shows by the scope.
    qtbot.keyClicks(page.name_edit, "Sales team check")
    qtbot.mouseClick(page.scope_team, Qt.MouseButton.LeftButton)
    click_next(qtbot, wizard)
    assert wizard.currentId() == MaturityWizard.SETUP
    assert not page.errors["name"].isVisible()
    assert page.errors["scope"].isVisible()
    qtbot.keyClicks(page.team_edit, "Inside sales")
    click_next(qtbot, wizard)
    assert wizard.currentId() == MaturityWizard.FIRST_DIMENSION
    [summary] = services.maturity.history().assessments
    assert (summary.name, summary.scope_label) == ("Sales team check", "Inside sales")


def test_closing_the_wizard_loses_nothing_and_reopening_resumes_where_the_user_was(
    qtbot, open_wizard, services
):
    wizard = open_wizard()
    assessment_id = set_up_consensus(qtbot, wizard)
    framework = wizard.framework
    first, second, third = framework.dimensions[:3]
    click_choice(qtbot, wizard, first.questions[0].key, 2)
    wizard.question_card(first.questions[0].key).note.setText("Only the IT plan mentions AI")
    wizard.question_card(first.questions[0].key).note.setModified(True)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage().title() == third.name
    click_choice(qtbot, wizard, third.questions[0].key, 4)
    click_choice(qtbot, wizard, third.questions[1].key, DONT_KNOW)
    destroy(wizard)  # as a power cut or quitting would: nothing more is saved

    again = open_wizard(assessment_id)
    shot(again, "3_resumed")
    # Back on the third topic, focus on the first open question after the last one answered.
    assert again.currentPage().title() == third.name
    assert again.question_card(third.questions[2].key).isAncestorOf(QApplication.focusWidget())
    assert again.choice_button(third.questions[0].key, 4).isChecked()
    assert again.choice_button(third.questions[1].key, DONT_KNOW).isChecked()
    # Earlier pages show their answers and note, and Back reaches them.
    click_back(qtbot, again)
    click_back(qtbot, again)
    assert again.currentPage().title() == first.name
    assert again.choice_button(first.questions[0].key, 2).isChecked()
    assert again.question_card(first.questions[0].key).note.text() == (
        "Only the IT plan mentions AI"
    )
    assert not again.choice_button(second.questions[0].key, 1).isChecked()

    while again.currentId() != MaturityWizard.REVIEW:
        click_next(qtbot, again)
    click_finish(qtbot, again)
    results = services.maturity.results(assessment_id)
    assert results.status == "complete"
    scores = {d.key: d.score for d in results.dimensions}
    assert scores[first.key] == pytest.approx(2.0)
    assert scores[third.key] == pytest.approx(4.0)


def test_the_review_lists_open_questions_and_one_click_goes_to_the_question(
    qtbot, open_wizard, services
):
    wizard = open_wizard()
    assessment_id = set_up_consensus(qtbot, wizard)
    framework = wizard.framework
    # Answer everything except two questions of topic 4, one of them "don't know".
    for number, dimension in enumerate(framework.dimensions):
        for index, question in enumerate(dimension.questions):
            if number == 3 and index == 1:
                continue
            level = DONT_KNOW if (number == 3 and index == 2) else 3
            click_choice(qtbot, wizard, question.key, level)
        click_next(qtbot, wizard)
    assert wizard.currentId() == MaturityWizard.REVIEW
    review = wizard.review_page
    texts = [review.open_list.item(i).text() for i in range(review.open_list.count())]
    fourth = framework.dimensions[3]
    assert texts == [
        f"{fourth.name} — {fourth.questions[1].text}",
        f"{fourth.name} — {fourth.questions[2].text} (don't know)",
    ]
    assert "Finishing now leaves 2 questions without a level" in review.finish_note.text()

    # One click on the open question: its page, focus on it; answer it, back to review.
    item = review.open_list.item(0)
    rect = review.open_list.visualItemRect(item)
    qtbot.mouseClick(review.open_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert wizard.currentPage().title() == fourth.name
    card = wizard.question_card(fourth.questions[1].key)
    assert card.isAncestorOf(QApplication.focusWidget())
    with qtbot.waitSignal(wizard.answer_saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    while wizard.currentId() != MaturityWizard.REVIEW:
        click_next(qtbot, wizard)
    assert review.open_list.count() == 1
    assert "1 not answered" not in review.detail.text()
    assert "0 not answered and 1 “don't know”" in review.detail.text()
    click_finish(qtbot, wizard)
    results = services.maturity.results(assessment_id)
    # Topic 4: 3, 2 and "don't know", 3 -> (3 + 2 + 3) / 3.
    assert {d.key: d.score for d in results.dimensions}[fourth.key] == pytest.approx(8 / 3)


def test_several_respondents_answer_separately_on_the_same_pages(qtbot, open_wizard, services):
    wizard = open_wizard()
    page = wizard.setup_page
    qtbot.mouseClick(page.mode_respondents, Qt.MouseButton.LeftButton)
    page.respondent_count.setValue(2)
    assert page.respondent_labels() == ["Respondent 1", "Respondent 2"]
    page.respondent_list.item(1).setText("Ngọc (sales)")
    shot(wizard, "1_setup_respondents")
    with qtbot.waitSignal(wizard.created) as created:
        click_next(qtbot, wizard)
    assessment_id = int(created.args[0])
    dimension_page = wizard.currentPage()
    assert isinstance(dimension_page, DimensionPage)
    chooser = dimension_page.respondent
    assert chooser.isVisible()
    assert chooser.combo.currentText().startswith("Respondent 1")
    question = wizard.framework.dimensions[0].questions[0]
    click_choice(qtbot, wizard, question.key, 4)

    # Switch to the second respondent: the page shows their (empty) answers.
    chooser.combo.setCurrentIndex(1)
    chooser.combo.activated.emit(1)
    assert not wizard.choice_button(question.key, 4).isChecked()
    click_choice(qtbot, wizard, question.key, 2)
    shot(wizard, "2_dimension_respondents")

    progress = services.maturity.progress(assessment_id)
    by_label = {r.label: r.id for r in progress.respondents}
    assert progress.answers[(by_label["Respondent 1"], question.id)].level == 4
    assert progress.answers[(by_label["Ngọc (sales)"], question.id)].level == 2
    assert (progress.resume_respondent_id, progress.resume_question_id) != (None, None)

    # Back as respondent 1, their answer is still there.
    chooser.combo.setCurrentIndex(0)
    chooser.combo.activated.emit(0)
    assert wizard.choice_button(question.key, 4).isChecked()


def test_enter_on_the_setup_page_creates_the_assessment_and_goes_on(qtbot, open_wizard, services):
    wizard = open_wizard()
    wizard.setup_page.name_edit.setFocus()
    with qtbot.waitSignal(wizard.created):
        qtbot.keyClick(wizard.setup_page.name_edit, Qt.Key.Key_Return)
    assert wizard.currentId() == MaturityWizard.FIRST_DIMENSION
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert len(services.maturity.history().assessments) == 1


def test_an_own_copy_of_the_framework_can_be_chosen_and_is_the_one_answered(
    qtbot, open_wizard, services
):
    builtin = services.maturity.builtin_framework()
    own = services.maturity.copy_framework(builtin.id, "Our framework")
    wizard = open_wizard()
    combo = wizard.setup_page.framework_combo
    assert combo.count() == 2
    assert combo.itemData(0) == builtin.id  # the built-in one comes first, chosen by default
    combo.setCurrentIndex(combo.findData(own))
    click_next(qtbot, wizard)
    assert wizard.assessment_id is not None
    progress = services.maturity.progress(wizard.assessment_id)
    assert progress.framework.id == own
    assert progress.framework.name == "Our framework"
