"""HR's own figures for a person's enthusiasm and influence (1 to 5), over what is derived
from the skills survey and the people they manage. "Not entered" goes back to the derived
figure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.pilots.cohort import Candidate
from ui.look import make_heading, make_muted
from ui.people.naming import named
from ui.pilots.cohort_models import enthusiasm_of, influence_of


class RatingDialog(QDialog):
    """Enter or clear enthusiasm and influence for one candidate; saved on OK."""

    def __init__(
        self, services: AppServices, candidate: Candidate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rating_dialog")
        self.setWindowTitle(self.tr("Enthusiasm and influence"))
        self._services = services
        self.candidate = candidate
        self.enthusiasm = named(self._score_box(), "enthusiasm")
        self.influence = named(self._score_box(), "influence")
        if candidate.enthusiasm_source == "entered" and candidate.enthusiasm is not None:
            self.enthusiasm.setValue(candidate.enthusiasm)
        if candidate.influence_source == "entered" and candidate.influence is not None:
            self.influence.setValue(candidate.influence)
        self.error = named(QLabel(self), "rating_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_rating")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        for text, box in (
            (self.tr("&Enthusiasm:"), self.enthusiasm),
            (self.tr("&Influence:"), self.influence),
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            form.addRow(label, box)
        layout = QVBoxLayout(self)
        layout.addWidget(make_heading(candidate.display_name, self, 1.15))
        layout.addWidget(
            make_muted(
                self.tr("Now: enthusiasm {enthusiasm}, influence {influence}.").format(
                    enthusiasm=enthusiasm_of(candidate), influence=influence_of(candidate)
                ),
                self,
                "rating_now",
            )
        )
        layout.addLayout(form)
        layout.addWidget(
            make_muted(
                self.tr(
                    "What you know of this person, 1 (low) to 5 (high). It counts instead of "
                    "the skills survey's answers and the number of people they manage; leave "
                    "“Not entered” to use those."
                ),
                self,
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.enthusiasm.setFocus()
        self.resize(440, self.sizeHint().height())

    def _score_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0.0, 5.0)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setSpecialValueText(self.tr("Not entered"))
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        return box

    @staticmethod
    def _value(box: QDoubleSpinBox) -> float | None:
        return box.value() or None

    def accept(self) -> None:
        try:
            self._services.pilots.set_rating(
                self.candidate.person_id,
                enthusiasm=self._value(self.enthusiasm),
                influence=self._value(self.influence),
            )
        except (ValidationError, UserFacingError) as error:
            self.error.setText(error.message)
            self.error.show()
            field = getattr(error, "field", None)
            (self.influence if field == "influence" else self.enthusiasm).setFocus()
            return
        super().accept()
