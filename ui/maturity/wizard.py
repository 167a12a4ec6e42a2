"""The maturity assessment wizard: set up, one page per topic, review, finish.

Every choice is saved the moment it is made (with the position in the wizard), so closing
the window, a crash or a power cut loses nothing. Opening the wizard for an existing
assessment shows every saved answer and note and returns to where the user was.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget, QWizard

from app.context import AppServices
from app.errors import UserFacingError
from app.maturity.content import (
    DimensionContent,
    FrameworkContent,
    MaturityLevelText,
    QuestionContent,
)
from app.maturity.service import AssessmentProgress, AssessmentSetup, SavedAnswer
from ui.maturity.choices import DONT_KNOW, LevelChoice, QuestionCard
from ui.maturity.question_pages import DimensionPage, ReviewPage
from ui.maturity.setup_page import SetupPage
from ui.messages import show_error

OpenQuestion = tuple[int, DimensionContent, QuestionContent]
"""(respondent id, topic, question) of a question without a level."""


class MaturityWizard(QWizard):
    """Take (or resume) an organisation maturity assessment; ``assessment_id`` None is new."""

    SETUP = 0
    FIRST_DIMENSION = 1
    REVIEW = 1000

    created = Signal(int)
    """The assessment was created from the setup page; carries its id."""
    answer_saved = Signal(int)
    """An answer (a level or "don't know") was saved; carries the question id."""
    note_saved = Signal(int)
    """A note was saved; carries the question id."""
    finished_assessment = Signal(int)
    """Finish was pressed and the assessment marked complete; carries its id."""

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        assessment_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("maturity_wizard")
        self.services = services
        self.assessment_id: int | None = None
        self.progress: AssessmentProgress | None = None
        self.framework: FrameworkContent | None = None
        self.respondent_id: int | None = None
        self.answers: dict[tuple[int, int], SavedAnswer] = {}
        self.dimension_pages: list[DimensionPage] = []
        self._moving = False
        self._pending_focus: tuple[int, str] | None = None
        self._finished = False

        self.setWindowTitle(self.tr("AI maturity assessment"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        # Pages keep what they show when the user goes back; they refresh when shown.
        self.setOption(QWizard.WizardOption.IndependentPages, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("Every answer is already saved; you can come back to this assessment later")
        )
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        height = self.fontMetrics().height()
        self.resize(max(1060, height * 70), max(720, height * 46))

        self.setup_page = SetupPage(self)
        self.review_page = ReviewPage(self)
        self.review_page.jump_requested.connect(self.go_to_question)
        self.setPage(self.SETUP, self.setup_page)
        self.setPage(self.REVIEW, self.review_page)
        self.setStartId(self.SETUP)
        self.currentIdChanged.connect(self._page_shown)
        if assessment_id is not None:
            self._load(assessment_id)
            self._resume()

    # The assessment --------------------------------------------------------------------
    def create_assessment(self, setup: AssessmentSetup) -> int:
        """Create the assessment (raises the service's ValidationError) and build its pages."""
        new_id = self.services.maturity.create_assessment(setup)
        self._load(new_id)
        self.created.emit(new_id)
        return new_id

    def _load(self, assessment_id: int) -> None:
        progress = self.services.maturity.progress(assessment_id)
        self.assessment_id = assessment_id
        self.progress = progress
        self.framework = progress.framework
        self.answers = dict(progress.answers)
        respondents = [row.id for row in progress.respondents]
        self.respondent_id = (
            progress.resume_respondent_id
            if progress.resume_respondent_id in respondents
            else (respondents[0] if respondents else None)
        )
        self.setWindowTitle(self.tr("AI maturity assessment: {name}").format(name=progress.name))
        for number, dimension in enumerate(progress.framework.dimensions, start=1):
            page = DimensionPage(self, number, dimension)
            self.setPage(self.FIRST_DIMENSION + number - 1, page)
            self.dimension_pages.append(page)

    def _resume(self) -> None:
        """Open at the saved position: that respondent, that question's page and the question."""
        progress = self.progress
        assert progress is not None
        self.restart()
        question_id = progress.resume_question_id
        page_id = self.page_id_for_question(question_id) if question_id is not None else None
        if page_id is None:
            page_id = self.FIRST_DIMENSION if self.dimension_pages else self.REVIEW
        self._move_to(page_id)
        question = self._question(question_id) if question_id is not None else None
        page = self.page(page_id)
        if question is not None and isinstance(page, DimensionPage):
            # The saved position is the last question answered: go on with the next open one.
            questions = page.dimension.questions
            following = questions[questions.index(question) :]
            question = next((q for q in following if self.is_open(q)), question)
            self._pending_focus = (page_id, question.key)
            self._apply_pending_focus()

    # Facts the pages read ------------------------------------------------------------
    @property
    def framework_levels(self) -> list[MaturityLevelText]:
        return self.framework.levels if self.framework is not None else []

    @property
    def dimension_pages_content(self) -> list[DimensionContent]:
        return self.framework.dimensions if self.framework is not None else []

    @property
    def question_count(self) -> int:
        return self.framework.question_count if self.framework is not None else 0

    @property
    def has_several_respondents(self) -> bool:
        return len(self.respondent_ids()) > 1

    def respondent_ids(self) -> list[int]:
        return [row.id for row in self.progress.respondents] if self.progress else []

    def respondent_label(self, respondent_id: int) -> str:
        assert self.progress is not None
        return next(r.label for r in self.progress.respondents if r.id == respondent_id)

    def saved_answer(self, question: QuestionContent) -> SavedAnswer | None:
        if self.respondent_id is None or question.id is None:
            return None
        return self.answers.get((self.respondent_id, question.id))

    def is_open(self, question: QuestionContent) -> bool:
        """True when the current respondent has given neither a level nor "don't know"."""
        saved = self.saved_answer(question)
        return saved is None or (saved.level is None and not saved.dont_know)

    def answered_count(self, respondent_id: int | None) -> int:
        return sum(
            1
            for (who, _question), saved in self.answers.items()
            if who == respondent_id and (saved.level is not None or saved.dont_know)
        )

    def open_questions(self) -> tuple[list[OpenQuestion], list[OpenQuestion]]:
        """Questions without an answer, and those answered "don't know", for every respondent."""
        unanswered: list[OpenQuestion] = []
        dont_know: list[OpenQuestion] = []
        for respondent in self.respondent_ids():
            for dimension in self.dimension_pages_content:
                for question in dimension.questions:
                    assert question.id is not None
                    saved = self.answers.get((respondent, question.id))
                    if saved is not None and saved.dont_know:
                        dont_know.append((respondent, dimension, question))
                    elif saved is None or saved.level is None:
                        unanswered.append((respondent, dimension, question))
        return unanswered, dont_know

    def question_order(self) -> dict[str, int]:
        """Question key -> its place in the questionnaire."""
        keys = [q.key for d in self.dimension_pages_content for q in d.questions]
        return {key: index for index, key in enumerate(keys)}

    def page_id_for_question(self, question_id: int) -> int | None:
        for page_id, page in enumerate(self.dimension_pages, start=self.FIRST_DIMENSION):
            if any(q.id == question_id for q in page.dimension.questions):
                return page_id
        return None

    def _question(self, question_id: int) -> QuestionContent | None:
        for dimension in self.dimension_pages_content:
            for question in dimension.questions:
                if question.id == question_id:
                    return question
        return None

    # For tests and the keyboard ------------------------------------------------------------
    def question_card(self, question_key: str) -> QuestionCard:
        for page in self.dimension_pages:
            for card in page.cards:
                if card.question.key == question_key:
                    return card
        raise KeyError(question_key)

    def choice_button(self, question_key: str, level: int) -> LevelChoice:
        """The button choosing ``level`` (1..5, or DONT_KNOW = 0) for the question."""
        return self.question_card(question_key).choice(level)

    def dimension_page(self, dimension_key: str) -> DimensionPage:
        return next(p for p in self.dimension_pages if p.dimension.key == dimension_key)

    # Saving -------------------------------------------------------------------------------
    def save_answer(self, card: QuestionCard, level: int) -> None:
        """Save a choice at once, with the position; on failure show the saved answer again."""
        question = card.question
        if self.assessment_id is None or self.respondent_id is None or question.id is None:
            return
        dont_know = level == DONT_KNOW
        try:
            self.services.maturity.answer(
                self.assessment_id,
                self.respondent_id,
                question.id,
                level=None if dont_know else level,
                dont_know=dont_know,
            )
        except UserFacingError as exc:
            saved = self.saved_answer(question)
            card.show_answer(
                saved.level if saved else None,
                saved.dont_know if saved else False,
                saved.note if saved else card.note.text(),
            )
            show_error(self, exc, action=self.tr("Save the answer"))
            return
        key = (self.respondent_id, question.id)
        old = self.answers.get(key)
        self.answers[key] = SavedAnswer(
            question.id, None if dont_know else level, dont_know, old.note if old else None
        )
        page = self.currentPage()
        if isinstance(page, DimensionPage):
            page.refresh_counts()
        self.answer_saved.emit(question.id)

    def save_note(self, card: QuestionCard, text: str) -> None:
        question = card.question
        if self.assessment_id is None or self.respondent_id is None or question.id is None:
            return
        try:
            self.services.maturity.note(
                self.assessment_id, self.respondent_id, question.id, text or None
            )
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Save the note"))
            return
        key = (self.respondent_id, question.id)
        old = self.answers.get(key)
        self.answers[key] = SavedAnswer(
            question.id,
            old.level if old else None,
            old.dont_know if old else False,
            text or None,
        )
        self.note_saved.emit(question.id)

    def remember_position(self, question: QuestionContent) -> None:
        """Save where the user now is (a question and who answers), so resuming comes back."""
        if (
            self._moving
            or self.assessment_id is None
            or self.respondent_id is None
            or question.id is None
        ):
            return
        # Only a convenience (the answers themselves are saved), so a failure is not shown.
        with contextlib.suppress(UserFacingError):
            self.services.maturity.set_position(self.assessment_id, self.respondent_id, question.id)

    def _flush_notes(self) -> None:
        """Save a note still being typed (its field may never lose focus if the window closes)."""
        for page in self.dimension_pages:
            for card in page.cards:
                if card.note.isModified():
                    card.note.editingFinished.emit()

    def set_respondent(self, respondent_id: int) -> None:
        """Answer as another respondent: the pages show that person's answers."""
        self._flush_notes()
        self.respondent_id = respondent_id
        page = self.currentPage()
        if isinstance(page, DimensionPage):
            page.refresh()
            page.focus_first()
            if page.cards:
                self.remember_position(page.cards[0].question)

    def finish_assessment(self) -> bool:
        if self.assessment_id is None:
            return False
        self._flush_notes()
        try:
            self.services.maturity.finish(self.assessment_id)
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Finish the assessment"))
            return False
        self._finished = True
        return True

    # Moving around ---------------------------------------------------------------------------
    def go_to_question(self, respondent_id: int, question_id: int) -> None:
        """Open the page of a question (as that respondent) and put focus on it."""
        page_id = self.page_id_for_question(question_id)
        question = self._question(question_id)
        if page_id is None or question is None:
            return
        if respondent_id in self.respondent_ids():
            self.respondent_id = respondent_id
        self._move_to(page_id)
        page = self.currentPage()
        if isinstance(page, DimensionPage):
            page.refresh()
            page.focus_question(question.key)
        self.remember_position(question)

    def _move_to(self, page_id: int) -> None:
        """Go back or forward page by page (so Back keeps working) until ``page_id`` shows."""
        self._moving = True
        try:
            for _step in range(len(self.pageIds()) + 1):
                current = self.currentId()
                if current == page_id or current == -1:
                    break
                if page_id < current and current in self.visitedIds()[1:]:
                    self.back()
                else:
                    self.next()
                if self.currentId() == current:
                    break  # a page refused to move on
        finally:
            self._moving = False
        self._page_shown(self.currentId())

    def _page_shown(self, page_id: int) -> None:
        if self._moving:
            return
        page = self.page(page_id)
        if isinstance(page, DimensionPage):
            page.refresh()
            if self._pending_focus is None:
                page.focus_first()
                open_card = next((c for c in page.cards if c.current() is None), None)
                card = open_card or (page.cards[0] if page.cards else None)
                if card is not None:
                    self.remember_position(card.question)
        elif page is self.review_page:
            self._flush_notes()
            self.review_page.refresh()

    def _apply_pending_focus(self) -> None:
        if self._pending_focus is None:
            return
        page_id, key = self._pending_focus
        page = self.page(page_id)
        if isinstance(page, DimensionPage) and self.currentId() == page_id:
            page.focus_question(key)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_focus is not None:
            QTimer.singleShot(0, self._focus_once_shown)

    def _focus_once_shown(self) -> None:
        self._apply_pending_focus()
        self._pending_focus = None

    def done(self, result: int) -> None:
        self._flush_notes()
        super().done(result)
        if self._finished and result == int(QWizard.DialogCode.Accepted.value):
            assert self.assessment_id is not None
            self.finished_assessment.emit(self.assessment_id)
