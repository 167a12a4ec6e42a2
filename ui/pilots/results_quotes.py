"""What participants said, without their names: the comments the outcome picked for quoting."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.look import make_muted


class QuotesPanel(QWidget):
    """Each quote in its own line with a bar down its left, as printed quotes look."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotes")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        self.empty = make_muted(
            self.tr("No comments yet: they come from the satisfaction survey."), self, "no_quotes"
        )
        self.column.addWidget(self.empty)
        self.quote_labels: list[QLabel] = []
        self._frames: list[QFrame] = []

    def set_quotes(self, quotes: Sequence[str]) -> None:
        for frame in self._frames:
            self.column.removeWidget(frame)
            frame.hide()
            frame.deleteLater()
        self._frames = []
        self.quote_labels = []
        for quote in quotes:
            frame = QFrame(self)
            frame.setObjectName("quote_frame")
            frame.setStyleSheet(
                "QFrame#quote_frame { border: none; border-left: 3px solid palette(mid); }"
            )
            box = QVBoxLayout(frame)
            box.setContentsMargins(12, 2, 0, 2)
            label = QLabel(self.tr("“{quote}”").format(quote=quote), frame)
            label.setObjectName("quote")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setForegroundRole(QPalette.ColorRole.WindowText)
            font = label.font()
            font.setItalic(True)
            label.setFont(font)
            box.addWidget(label)
            self.column.addWidget(frame)
            self._frames.append(frame)
            self.quote_labels.append(label)
        self.empty.setVisible(not quotes)

    def texts(self) -> list[str]:
        return [label.text() for label in self.quote_labels]
