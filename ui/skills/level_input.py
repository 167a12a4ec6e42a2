"""One answer box of the rating entry form: a single digit from its scale, typed or cleared.

The box never edits text itself: a valid digit becomes its value and is announced at once
(the form saves it and moves on), anything else is refused and announced so the form can
say why. Enter and the arrow keys ask the form to move; Tab and Shift+Tab follow the tab
order the form sets.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from db.models import Rater

_UNSAVED_STYLE = "QLineEdit { border: 2px solid #c62828; border-radius: 3px; }"


class AnswerField(QLineEdit):
    """A box that holds one level (0-4) or one agreement answer (1-5), or nothing."""

    answered = Signal(object)
    """The value typed (an int), or None when the box was cleared with Backspace/Delete."""
    refused = Signal(str)
    """A key that is not a valid answer was typed (its text); nothing changed."""
    forward = Signal()
    """Enter or Down: go on to the next box without changing this one."""
    backward = Signal()
    """Up: go back to the previous box."""
    focused = Signal()

    def __init__(
        self,
        scale: Sequence[int],
        *,
        skill_key: str | None = None,
        item_key: str | None = None,
        rater: Rater | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scale = tuple(scale)
        self.skill_key = skill_key
        """The skill this box rates, or None for an attitude statement."""
        self.item_key = item_key
        """The attitude statement this box answers, or None for a skill."""
        self.rater = rater
        self._value: int | None = None
        self.unsaved = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setPlaceholderText("–")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setDragEnabled(False)
        self.setAcceptDrops(False)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        width = self.fontMetrics().horizontalAdvance("00") + 28
        self.setFixedWidth(width)

    # Value ---------------------------------------------------------------------------
    @property
    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        """Show a value read from the data file (saved, so not marked)."""
        self._value = value
        self.setText("" if value is None else str(value))
        self.mark_unsaved(False)

    def mark_unsaved(self, unsaved: bool) -> None:
        """A red border while the value shown could not be saved."""
        self.unsaved = unsaved
        self.setStyleSheet(_UNSAVED_STYLE if unsaved else "")
        self.setProperty("unsaved", unsaved)

    # Keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if event.matches(QKeySequence.StandardKey.Copy):
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.forward.emit()
        elif key == Qt.Key.Key_Up:
            self.backward.emit()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not modifiers:
            self._type(None)
        elif text.isdigit() and len(text) == 1 and int(text) in self.scale:
            self._type(int(text))
        elif (
            text.strip()
            and text.isprintable()
            and not modifiers & ~Qt.KeyboardModifier.ShiftModifier
        ):
            self.refused.emit(text)
        else:
            event.ignore()
            return
        event.accept()

    def choose(self, value: int | None) -> None:
        """Answer with ``value`` as if it had been typed (a level button was clicked)."""
        if value is None or value in self.scale:
            self._type(value)

    def _type(self, value: int | None) -> None:
        self._value = value
        self.setText("" if value is None else str(value))
        self.answered.emit(value)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()
        self.focused.emit()
