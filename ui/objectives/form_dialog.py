"""What the objective and metric dialogs share: a form whose rule breaks show next to their
field, a Save button that Enter presses, and saving through the service before closing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError, ValidationError
from ui.people.naming import named


class FormDialog(QDialog):
    """Subclasses build their fields and call ``add_row`` for each; OK calls ``save``.

    ``save`` saves what the form says through the service and returns the id; a
    ValidationError is shown next to its field, another UserFacingError above the form.
    """

    def __init__(
        self, parent: QWidget | None, fields: tuple[str, ...], save: Callable[[], int]
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.saved_id: int | None = None
        self.general_error = self._error_label("general")
        self._errors = {field: self._error_label(field) for field in fields}
        self._focus: dict[str, QWidget] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button = ok
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(self), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def add_row(self, label_text: str, widget: QWidget, field: str | None = None) -> None:
        """A labelled field (the label's mnemonic focuses it), with its error line below."""
        label = QLabel(label_text, self)
        label.setBuddy(widget)
        if field is None:
            self.form.addRow(label, widget)
            return
        self._focus[field] = widget
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._errors[field])
        self.form.addRow(label, holder)

    def accept(self) -> None:
        self._clear_errors()
        try:
            self.saved_id = self._save()
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:  # e.g. the file is locked: keep what was typed
            self.show_error(error.message, None)
            return
        super().accept()

    def show_error(self, message: str, field: str | None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        self._fit_height()
        target = self._focus.get(field or "")
        if target is not None and target.isEnabled():
            target.setFocus()

    def _fit_height(self) -> None:
        """Grow to show an error line in full (wrapped labels don't grow a shown dialog)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def error_text(self, field: str) -> str:
        """The message shown next to ``field`` (empty when none); for tests and screen readers."""
        label = self._errors.get(field, self.general_error)
        return label.text() if label.isVisibleTo(self) else ""

    def clear_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.hide()
            label.clear()

    def _clear_errors(self) -> None:
        self.general_error.hide()
        for field in self._errors:
            self.clear_error(field)
