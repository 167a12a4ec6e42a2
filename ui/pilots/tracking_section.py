"""The frame every kind of measurement shares: a heading, what to type, the table, what was
saved or refused (in words, next to the table), undo for a deletion, and the import."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.pilots.tracking_import_model import ImportKind
from ui.look import make_heading, make_muted
from ui.people.import_pages import Banner
from ui.people.naming import named
from ui.pilots.tracking_table import EntryModel, EntryView


class MeasurementSection(QWidget):
    """One kind of measurement: its table and everything around it."""

    import_requested = Signal(object)
    """The ImportKind of this section, when "Import from a spreadsheet…" is pressed."""

    def __init__(
        self,
        kind: ImportKind,
        title: str,
        hint: str,
        model: EntryModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"section_{kind.value}")
        self.kind = kind
        self.model = model
        self._undo_token: object | None = None
        self.heading = make_heading(title, self, 1.15)
        self.import_button = named(
            QPushButton(self.tr("Import from a spreadsheet…"), self), "import_button"
        )
        self.import_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
        )
        self.import_button.setToolTip(
            self.tr("Bring these measurements in from an Excel workbook or a CSV file")
        )
        self.import_button.clicked.connect(lambda: self.import_requested.emit(self.kind))
        self.hint = named(make_muted(hint, self), "section_hint")
        self.controls = QHBoxLayout()
        self.controls.setContentsMargins(0, 0, 0, 0)
        self.view = named(EntryView(self), "entry_table")
        self.view.setModel(model)
        self.view.setAccessibleName(title)
        self.error = Banner("entry_error", parent=self)
        self.state = named(QLabel(self), "save_state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_bar = named(QFrame(self), "undo_bar")
        self.undo_label = named(QLabel(self.undo_bar), "undo_text")
        self.undo_button = named(QPushButton(self.tr("&Undo"), self.undo_bar), "undo_button")
        self.undo_button.clicked.connect(self.undo)
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(0, 0, 0, 0)
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.undo)

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addLayout(self.controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.state)
        self.view.delete_pressed.connect(self.delete_row)
        model.state_changed.connect(self.show_state)
        self.show_state("", False)

    def show_state(self, message: str, refused: bool) -> None:
        """What happened to the last value typed, in words next to the table."""
        if refused:
            self.error.show_message(
                message + " " + self.tr("Nothing was saved; type the value again.")
            )
            self.state.setText(self.tr("Not saved."))
            return
        self.error.clear()
        if message:
            self.state.setText("✓ " + message + " " + self.tr("Changes save themselves."))
        else:
            self.state.setText(
                self.tr("Changes save themselves: each row is saved as soon as it is typed.")
            )

    def delete_row(self, row: int) -> None:
        done = self.model.remove(row)
        if done is None:
            return
        text, token = done
        self._undo_token = token
        self.undo_label.setText(text)
        self.undo_bar.show()

    def undo(self) -> None:
        token = self._undo_token
        if token is None:
            return
        self._undo_token = None
        self.undo_bar.hide()
        self.model.undo(token)

    def forget_undo(self) -> None:
        self._undo_token = None
        self.undo_bar.hide()

    def focus_table(self) -> None:
        """Put the cursor in the first cell that can be typed in."""
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.view.first_cell())
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
