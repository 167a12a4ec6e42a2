"""A friendly panel that says what to do first when a table has nothing to show."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.people.naming import named


class EmptyStatePanel(QWidget):
    """A title, a sentence of explanation and a row of large action buttons."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = named(QLabel(title), "empty_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = named(QLabel(text), "empty_text")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setMaximumWidth(600)
        self.text.setMinimumWidth(360)
        self._actions = QHBoxLayout()
        self._actions.setSpacing(16)
        self._actions.addStretch(1)
        self._actions.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text, 4)
        text_row.addStretch(1)
        layout.addLayout(text_row)
        layout.addSpacing(24)
        layout.addLayout(self._actions)
        layout.addStretch(3)

    def add_action(self, text: str, description: str, icon: QIcon, object_name: str) -> QToolButton:
        """A large button with an icon above its label and a hint below it."""
        button = named(QToolButton(), object_name)
        button.setText(text)
        button.setToolTip(description)
        button.setIcon(icon)
        button.setIconSize(QSize(56, 56))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        button.setMinimumSize(QSize(210, 130))
        font = button.font()
        font.setBold(True)
        button.setFont(font)
        button.setAutoRaise(False)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        hint = QLabel(description)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        hint.setFixedWidth(210)
        column = QVBoxLayout()
        column.setSpacing(6)
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(hint, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        self._actions.insertLayout(self._actions.count() - 1, column)
        return button
