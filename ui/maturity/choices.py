"""One question of the maturity wizard: its text, five large level choices, "Don't know", a note.

The choices show what each level looks like in practice (the descriptor), so people pick
the sentence that describes them rather than a bare number. Keys 1–5 choose a level of the
focused question and 0 or D means "don't know"; the card then hands focus to the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.maturity.content import MaturityLevelText, QuestionContent
from ui.look import scaled_font
from ui.people.naming import named

DONT_KNOW = 0
"""The button-group id of "Don't know"; levels use their number 1..5."""

_LEVEL_KEYS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
}
_DONT_KNOW_KEYS = (Qt.Key.Key_0, Qt.Key.Key_D)


class LevelChoice(QAbstractButton):
    """A large, checkable card: a small caption ("Level 3 · Defined") over word-wrapped text."""

    def __init__(self, caption: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # repaint when the mouse comes and goes
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._caption_text = caption
        self.setText(text)
        self.caption = QLabel(caption, self)
        self.caption.setFont(scaled_font(self, 0.9, bold=True))
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.body = QLabel(text, self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setFont(scaled_font(self, 1.05))
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for label in (self.caption, self.body):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.caption)
        layout.addWidget(self.body, 1)
        self.body.setVisible(bool(text))
        self.setAccessibleName(f"{caption}: {text}" if text else caption)
        self.toggled.connect(self._show_checked)

    def _show_checked(self, checked: bool) -> None:
        # Chosen is said in words and a tick as well as by colour.
        self.caption.setText(f"✓ {self._caption_text}" if checked else self._caption_text)
        role = QPalette.ColorRole.Text if checked else QPalette.ColorRole.PlaceholderText
        self.caption.setForegroundRole(role)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 12, super().minimumSizeHint().height())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        fill = QColor(palette.color(QPalette.ColorRole.Base))
        border = QColor(palette.color(QPalette.ColorRole.Mid))
        width = 1.0
        if self.isChecked():
            fill = QColor(highlight)
            fill.setAlpha(48)
            border = highlight
            width = 2.5
        elif self.underMouse() and self.isEnabled():
            fill = QColor(palette.color(QPalette.ColorRole.AlternateBase))
            border = QColor(highlight)
            border.setAlpha(140)
        painter.setPen(QPen(border, width))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 7, 7)
        if self.hasFocus():
            pen = QPen(highlight, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(3.5, 3.5, -3.5, -3.5), 5, 5)
        painter.end()


class QuestionCard(QFrame):
    """One question, answered by clicking a level card or pressing 1–5, 0 or D."""

    chosen = Signal(int)
    """A level 1..5, or DONT_KNOW (0), as the user chose it."""
    note_edited = Signal(str)
    """The note after the user finished editing it (focus left or Enter)."""
    wants_next = Signal()
    """A key chose the answer: focus should move to the next question."""

    def __init__(
        self,
        number: int,
        question: QuestionContent,
        levels: list[MaturityLevelText],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"question_{question.key}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._note_saved = ""
        self.title = named(QLabel(f"{number}. {question.text}", self), "question_text")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(scaled_font(self, 1.15, bold=True))
        self.status = named(QLabel(self), "question_status")
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choices: dict[int, LevelChoice] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        names = {level.level: level.name for level in levels}
        for column, level in enumerate(sorted(question.descriptors)):
            caption = self.tr("{level} · {name}").format(
                level=level, name=names.get(level, self.tr("Level {level}").format(level=level))
            )
            button = named(
                LevelChoice(caption, question.descriptors[level], self),
                f"choice_{question.key}_{level}",
            )
            self.group.addButton(button, level)
            self.choices[level] = button
            grid.addWidget(button, 0, column)
            grid.setColumnStretch(column, 1)
        self.dont_know = named(
            LevelChoice(self.tr("0 · Don't know"), "", self),
            f"choice_{question.key}_dont_know",
        )
        self.dont_know.caption.setFont(scaled_font(self, 1.0))
        self.dont_know.setToolTip(self.tr("Nobody here can say yet (key 0 or D)"))
        self.dont_know.setMinimumWidth(
            QFontMetrics(self.dont_know.caption.font()).horizontalAdvance(
                "✓ " + self.dont_know.caption.text()
            )
            + 36
        )
        self.dont_know.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.group.addButton(self.dont_know, DONT_KNOW)
        self.note = named(QLineEdit(self), f"note_{question.key}")
        self.note.setPlaceholderText(
            self.tr("Note or evidence (optional), e.g. where this is written down")
        )
        self.note.setAccessibleName(self.tr("Note for question {number}").format(number=number))
        self.note.setMaxLength(2000)
        self.note.editingFinished.connect(self._note_finished)
        self.group.idClicked.connect(self._clicked)

        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.dont_know)
        bottom.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 14)
        layout.setSpacing(8)
        layout.addLayout(heading)
        layout.addLayout(grid)
        layout.addLayout(bottom)
        self._show_status()

    # Reading and showing -----------------------------------------------------------
    def choice(self, level: int) -> LevelChoice:
        """The button for level 1..5, or "Don't know" for DONT_KNOW."""
        return self.dont_know if level == DONT_KNOW else self.choices[level]

    def current(self) -> int | None:
        """The chosen level, DONT_KNOW, or None when unanswered."""
        chosen = self.group.checkedId()
        return None if chosen == -1 else chosen

    def show_answer(self, level: int | None, dont_know: bool, note: str | None) -> None:
        """Show a saved answer without saving it again."""
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        if dont_know:
            self.dont_know.setChecked(True)
        elif level is not None and level in self.choices:
            self.choices[level].setChecked(True)
        self.group.setExclusive(True)
        self._note_saved = note or ""
        self.note.setText(self._note_saved)
        self._show_status()

    def focus_target(self) -> QAbstractButton:
        """Where focus goes when the user arrives at this question."""
        checked = self.group.checkedButton()
        return checked if checked is not None else self.choices[min(self.choices)]

    def _show_status(self) -> None:
        chosen = self.current()
        if chosen is None:
            self.status.setText(self.tr("Not answered yet"))
        elif chosen == DONT_KNOW:
            self.status.setText(self.tr("Answered: don't know"))
        else:
            self.status.setText(self.tr("Answered: level {level}").format(level=chosen))

    # Input ----------------------------------------------------------------------------
    def choose(self, level: int) -> None:
        """Choose ``level`` (or DONT_KNOW) as if clicked."""
        self.choice(level).click()

    def _clicked(self, level: int) -> None:
        self._show_status()
        self.chosen.emit(level)

    def _note_finished(self) -> None:
        text = self.note.text().strip()
        self.note.setModified(False)
        if text != self._note_saved:
            self._note_saved = text
            self.note_edited.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.NoModifier and (
            key in _LEVEL_KEYS or key in _DONT_KNOW_KEYS
        ):
            level = _LEVEL_KEYS.get(key, DONT_KNOW)
            if level == DONT_KNOW or level in self.choices:
                self.choose(level)
                self.wants_next.emit()
                event.accept()
                return
        super().keyPressEvent(event)
