"""The wizard's question pages (one per topic of the framework) and its review page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.maturity.content import DimensionContent
from ui.look import make_muted, scaled_font
from ui.maturity.choices import QuestionCard
from ui.people.naming import named

if TYPE_CHECKING:
    from ui.maturity.wizard import MaturityWizard


class RespondentChooser(QWidget):
    """ "Answering as: [Respondent 2]" at the top of each question page (several respondents)."""

    def __init__(self, wizard: MaturityWizard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wizard_ = wizard
        self.combo = named(QComboBox(self), "answering_as")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(18)
        label = QLabel(self.tr("Answering &as:"), self)
        label.setBuddy(self.combo)
        label.setFont(scaled_font(self, 1.0, bold=True))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo)
        self.combo.activated.connect(self._chosen)

    def refresh(self) -> None:
        progress = self.wizard_.progress
        self.combo.blockSignals(True)
        self.combo.clear()
        if progress is not None:
            for row in progress.respondents:
                answered = self.wizard_.answered_count(row.id)
                self.combo.addItem(
                    self.tr("{label} ({answered} of {total} answered)").format(
                        label=row.label, answered=answered, total=row.total
                    ),
                    row.id,
                )
        self.combo.setCurrentIndex(max(self.combo.findData(self.wizard_.respondent_id), 0))
        self.combo.blockSignals(False)
        self.setVisible(self.wizard_.has_several_respondents)

    def _chosen(self, index: int) -> None:
        respondent = self.combo.itemData(index)
        if respondent is not None:
            self.wizard_.set_respondent(int(respondent))


class DimensionPage(QWizardPage):
    """One topic: its questions, each answered by choosing the sentence that fits best."""

    def __init__(self, wizard: MaturityWizard, number: int, dimension: DimensionContent) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.number = number
        self.dimension = dimension
        self.setObjectName(f"dimension_page_{dimension.key}")
        self.setTitle(dimension.name)
        self.setSubTitle(dimension.description)
        total = len(wizard.dimension_pages_content)

        self.position_label = named(QLabel(self), "dimension_position")
        self.position_label.setFont(scaled_font(self, 1.0, bold=True))
        self.progress_bar = named(QProgressBar(self), "dimension_progress")
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(number)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.answered_label = make_muted("", self, "answered_count")
        self.answered_label.setWordWrap(False)
        metrics = self.fontMetrics()
        self.answered_label.setMinimumWidth(
            metrics.horizontalAdvance(self.tr("{answered} of {total} questions answered")) + 8
        )
        bold = QFontMetrics(self.position_label.font())
        self.position_label.setMinimumWidth(
            bold.horizontalAdvance(self.tr("Topic {number} of {total}")) + 8
        )
        self.respondent = RespondentChooser(wizard, self)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.position_label)
        top.addWidget(self.progress_bar, 1)
        top.addWidget(self.answered_label)
        top.addSpacing(12)
        top.addWidget(self.respondent)

        content = QWidget()
        content.setObjectName("questions")
        column = QVBoxLayout(content)
        column.setContentsMargins(2, 2, 12, 2)
        column.setSpacing(6)
        self.cards: list[QuestionCard] = []
        for index, question in enumerate(dimension.questions, start=1):
            if index > 1:
                line = QFrame(content)
                line.setFrameShape(QFrame.Shape.HLine)
                line.setFrameShadow(QFrame.Shadow.Sunken)
                column.addWidget(line)
            card = QuestionCard(index, question, wizard.framework_levels, content)
            card.chosen.connect(lambda level, c=card: wizard.save_answer(c, level))
            card.note_edited.connect(lambda text, c=card: wizard.save_note(c, text))
            card.wants_next.connect(lambda c=card: self.focus_after(c))
            self.cards.append(card)
            column.addWidget(card)
        column.addStretch(1)
        self.questions_scroll = named(QScrollArea(self), "questions_scroll")
        self.questions_scroll.setWidgetResizable(True)
        self.questions_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.questions_scroll.setWidget(content)
        self.questions_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hint = make_muted(
            self.tr(
                "Choose the description that fits best. Keys: 1–5 choose a level, "
                "0 or D “don't know”, Tab moves on, Enter goes to the next page."
            ),
            self,
            "keyboard_hint",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.questions_scroll, 1)
        layout.addWidget(hint)

    def card(self, question_key: str) -> QuestionCard:
        return next(card for card in self.cards if card.question.key == question_key)

    def refresh(self) -> None:
        """Show the current respondent's saved answers and where the user stands."""
        total = len(self.wizard_.dimension_pages_content)
        self.position_label.setText(
            self.tr("Topic {number} of {total}").format(number=self.number, total=total)
        )
        self.progress_bar.setValue(self.number)
        for card in self.cards:
            saved = self.wizard_.saved_answer(card.question)
            card.show_answer(
                saved.level if saved else None,
                saved.dont_know if saved else False,
                saved.note if saved else None,
            )
        self.refresh_counts()
        self.respondent.refresh()

    def refresh_counts(self) -> None:
        wizard = self.wizard_
        total = wizard.question_count
        self.answered_label.setText(
            self.tr("{answered} of {total} questions answered").format(
                answered=wizard.answered_count(wizard.respondent_id), total=total
            )
        )

    def focus_question(self, question_key: str) -> None:
        card = self.card(question_key)
        target = card.focus_target()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.questions_scroll.ensureWidgetVisible(card, 0, 24)

    def focus_first(self) -> None:
        if self.cards:
            first_open = next((c for c in self.cards if c.current() is None), self.cards[0])
            self.focus_question(first_open.question.key)

    def focus_after(self, card: QuestionCard) -> None:
        """After a key chose an answer: the next question, or the Next button on the last."""
        index = self.cards.index(card)
        if index + 1 < len(self.cards):
            following = self.cards[index + 1]
            self.focus_question(following.question.key)
            self.wizard_.remember_position(following.question)
        else:
            button = self.wizard_.button(QWizard.WizardButton.NextButton)
            if button.isVisible() and button.isEnabled():
                button.setFocus(Qt.FocusReason.OtherFocusReason)


class ReviewPage(QWizardPage):
    """What is still open, each one click away; Finish is allowed with gaps and says how many."""

    jump_requested = Signal(int, int)
    """(respondent id, question id) of a listed question the user clicked."""

    def __init__(self, wizard: MaturityWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setObjectName("review_page")
        self.setTitle(self.tr("Check and finish"))
        self.setSubTitle(
            self.tr(
                "You can finish now and still see results; unanswered questions simply "
                "don't count. Click a question to answer it."
            )
        )
        self.setFinalPage(True)
        self.headline = named(QLabel(self), "review_headline")
        self.headline.setWordWrap(True)
        self.headline.setFont(scaled_font(self, 1.1, bold=True))
        self.detail = make_muted("", self, "review_detail")
        self.open_list = named(QListWidget(self), "unanswered_list")
        self.open_list.setAccessibleName(self.tr("Questions still open"))
        self.open_list.setWordWrap(True)
        self.open_list.setAlternatingRowColors(True)
        self.open_list.setSpacing(2)
        self.open_list.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_list.itemClicked.connect(self._clicked)
        self.open_list.itemActivated.connect(self._clicked)
        self.finish_note = named(QLabel(self), "finish_note")
        self.finish_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.open_list, 1)
        layout.addWidget(self.finish_note)

    def refresh(self) -> None:
        wizard = self.wizard_
        self.open_list.clear()
        unanswered, dont_know = wizard.open_questions()
        several = wizard.has_several_respondents
        # In the order of the questionnaire, "don't know" marked, so the list reads like it.
        marked = [(entry, "unanswered") for entry in unanswered] + [
            (entry, "dont_know") for entry in dont_know
        ]
        order = wizard.question_order()
        marked.sort(key=lambda pair: (pair[0][0], order[pair[0][2].key]))
        for entry, kind in marked:
            respondent, dimension, question = entry
            text = self.tr("{dimension} — {question}").format(
                dimension=dimension.name, question=question.text
            )
            if several:
                text = self.tr("{respondent}: {text}").format(
                    respondent=wizard.respondent_label(respondent), text=text
                )
            if kind == "dont_know":
                text = self.tr("{text} (don't know)").format(text=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, respondent)
            item.setData(Qt.ItemDataRole.UserRole + 1, question.id)
            item.setToolTip(self.tr("Click to answer this question"))
            self.open_list.addItem(item)
        total = wizard.question_count * max(1, len(wizard.respondent_ids()))
        answered = total - len(unanswered) - len(dont_know)
        if not unanswered and not dont_know:
            self.headline.setText(self.tr("Every question is answered."))
            self.detail.setText(self.tr("Press Finish to see the results."))
            self.open_list.hide()
            self.finish_note.clear()
            return
        self.open_list.show()
        self.headline.setText(
            self.tr("{answered} of {total} answers given.").format(answered=answered, total=total)
        )
        self.detail.setText(
            self.tr(
                "{unanswered} not answered and {dont_know} “don't know”. Click one to go "
                "to it, or press Finish now."
            ).format(unanswered=len(unanswered), dont_know=len(dont_know))
        )
        left = len(unanswered) + len(dont_know)
        self.finish_note.setText(
            self.tr("Finishing now leaves 1 question without a level; the results say so.")
            if left == 1
            else self.tr(
                "Finishing now leaves {count} questions without a level; the results say so."
            ).format(count=left)
        )

    def _clicked(self, item: QListWidgetItem) -> None:
        respondent = item.data(Qt.ItemDataRole.UserRole)
        question = item.data(Qt.ItemDataRole.UserRole + 1)
        self.jump_requested.emit(int(respondent), int(question))

    def validatePage(self) -> bool:
        return self.wizard_.finish_assessment()
