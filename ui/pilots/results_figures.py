"""The key figures of a pilot as cards: a headline figure over a few plain lines each, in as
many columns as the width allows (so the tab works at 1280 × 800 and with large fonts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.look import scaled_font
from ui.pilots.results_figure_texts import FigureCard

CARD_CHARS = 34
"""The narrowest a card gets, in average characters of the font."""


class Card(QFrame):
    """A rounded panel in the palette's base colour, as the maturity results use."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )


class FigureCardWidget(Card):
    """One key figure: its title, the figure (or "not enough data") and the lines under it."""

    def __init__(self, card: FigureCard, parent: QWidget | None = None) -> None:
        super().__init__(f"figure_{card.key}", parent)
        self.card = card
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 12)
        box.setSpacing(4)
        self.title_label = self._label(card.title, "figure_title")
        self.title_label.setFont(scaled_font(self, 1.0, bold=True))
        self.title_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.value_label = self._label(card.value, "figure_value")
        if card.enough:
            self.value_label.setFont(scaled_font(self, 1.9, bold=True))
        else:
            self.value_label.setFont(scaled_font(self, 1.25, bold=True))
            self.value_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        box.addWidget(self.title_label)
        box.addWidget(self.value_label)
        self.detail_labels = []
        for line in card.details:
            label = self._label(line, "figure_detail")
            self.detail_labels.append(label)
            box.addWidget(label)
        box.addStretch(1)
        self.setAccessibleName(card.title)
        self.setAccessibleDescription(" ".join((card.value, *card.details)))

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def text(self) -> str:
        """Everything the card says, as one string (for tests and copying)."""
        return " ".join((self.card.title, self.card.value, *self.card.details))


class FigureGrid(QWidget):
    """Cards in rows of as many columns as fit; a card marked wide takes a whole row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_figures")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        self.cards: list[FigureCardWidget] = []
        self.wide: set[str] = set()
        self._columns = 0

    def set_cards(self, cards: Sequence[FigureCard], wide: Sequence[str] = ()) -> None:
        for widget in self.cards:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.wide = set(wide)
        self.cards = [FigureCardWidget(card, self) for card in cards]
        self._columns = 0
        self._arrange()

    def card(self, key: str) -> FigureCardWidget | None:
        return next((widget for widget in self.cards if widget.card.key == key), None)

    def columns_for(self, width: int) -> int:
        narrowest = self.fontMetrics().averageCharWidth() * CARD_CHARS
        return max(1, min(4, (width + self.grid.spacing()) // (narrowest + self.grid.spacing())))

    def _arrange(self) -> None:
        columns = self.columns_for(self.width() if self.width() > 0 else 1200)
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self.cards:
            self.grid.removeWidget(widget)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        row = column = 0
        for widget in self.cards:
            if widget.card.key in self.wide:
                if column:
                    row, column = row + 1, 0
                self.grid.addWidget(widget, row, 0, 1, columns)
                row += 1
                continue
            self.grid.addWidget(widget, row, column)
            column += 1
            if column == columns:
                row, column = row + 1, 0
        for index in range(columns):
            self.grid.setColumnStretch(index, 1)
        for widget in self.cards:
            widget.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
