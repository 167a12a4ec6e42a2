"""Recording what happens after a pilot: scale up, adjust or stop, why, and when it was decided.

The criteria's verdicts are repeated at the top as a reminder, so the decision is taken with
the results in view. The dialog saves through ``services.pilots.record_decision`` and stays
open with the reason by the field when something is missing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.pilots.criteria import criterion_label
from app.pilots.outcome import judging_of
from app.pilots.records import Decision, PilotOutcome
from ui.look import make_heading, make_muted
from ui.people.naming import named
from ui.pilots.results_badges import verdict_pixmap
from ui.pilots.results_format import (
    DECISION_ORDER,
    decision_meaning,
    result_word,
    uncertain_note,
)
from ui.pilots.results_stage import summary_line

_FIELDS = ("decision", "reasons", "date")


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class DecisionDialog(QDialog):
    """Asks for the decision, the reasons and the date, and records them on OK."""

    def __init__(
        self, services: AppServices, outcome: PilotOutcome, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decision_dialog")
        self.setWindowTitle(self.tr("Record the decision"))
        self._services = services
        self.outcome = outcome
        pilot = outcome.pilot
        self.choices = QButtonGroup(self)
        self.choice_buttons: dict[str, QRadioButton] = {}
        texts = {
            "scale": self.tr("&Scale up"),
            "adjust": self.tr("&Adjust"),
            "stop": self.tr("S&top"),
        }
        for decision in DECISION_ORDER:
            button = named(QRadioButton(texts[decision], self), f"decision_{decision}")
            button.setAccessibleDescription(decision_meaning(decision))
            self.choices.addButton(button)
            self.choice_buttons[decision] = button
        self.reasons = named(QPlainTextEdit(self), "decision_reasons")
        self.reasons.setTabChangesFocus(True)
        self.reasons.setPlaceholderText(
            self.tr("Why: what the results showed, what leadership weighed, what happens next")
        )
        self.reasons.setAccessibleName(self.tr("Reasons"))
        self.reasons.setMinimumHeight(self.fontMetrics().height() * 6)
        self.reasons.installEventFilter(self)
        self.decided_on = named(QDateEdit(QDate.currentDate(), self), "decided_on")
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("d MMM yyyy")
        self.decided_on.setMaximumDate(QDate.currentDate())
        if pilot.starts_on is not None and pilot.starts_on <= date.today():
            self.decided_on.setMinimumDate(_qdate(pilot.starts_on))
        self.general_error = self._error_label("general")
        self._errors = {field: self._error_label(field) for field in _FIELDS}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record decision"))
        self.ok_button.setObjectName("record_decision_ok")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choices.buttonToggled.connect(lambda *_args: self._clear_error("decision"))
        self.reasons.textChanged.connect(lambda: self._clear_error("reasons"))
        self.decided_on.dateChanged.connect(lambda _d: self._clear_error("date"))
        self._lay_out()
        self._fill()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)

    # Building -----------------------------------------------------------------------------
    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(self), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            make_heading(
                self.tr("What next for “{name}”?").format(name=self.outcome.pilot.name),
                self,
                1.2,
                "decision_heading",
            )
        )
        layout.addWidget(self._reminder())

        choice_label = QLabel(self.tr("Decision:"), self)
        font = choice_label.font()
        font.setBold(True)
        choice_label.setFont(font)
        layout.addWidget(choice_label)
        indent = self.fontMetrics().height() + 10
        for decision, button in self.choice_buttons.items():
            choice = QVBoxLayout()
            choice.setSpacing(0)
            choice.addWidget(button)
            meaning = make_muted(decision_meaning(decision), self, f"meaning_{decision}")
            meaning.setContentsMargins(indent, 0, 0, 0)
            meaning.setBuddy(button)
            choice.addWidget(meaning)
            layout.addLayout(choice)
        layout.addWidget(self._errors["decision"])

        reasons_label = QLabel(self.tr("&Reasons:"), self)
        reasons_label.setFont(font)
        reasons_label.setBuddy(self.reasons)
        layout.addWidget(reasons_label)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(
            make_muted(
                self.tr(
                    "Leadership reads these with the results. Ctrl+Enter records the decision."
                ),
                self,
                "reasons_hint",
            )
        )
        layout.addWidget(self._errors["reasons"])

        date_row = QHBoxLayout()
        date_label = QLabel(self.tr("&Decided on:"), self)
        date_label.setBuddy(self.decided_on)
        date_row.addWidget(date_label)
        date_row.addWidget(self.decided_on)
        date_row.addStretch(1)
        layout.addLayout(date_row)
        layout.addWidget(self._errors["date"])
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _reminder(self) -> QFrame:
        """The criteria's verdicts, as the results tab shows them."""
        box = named(QFrame(self), "criteria_reminder")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setStyleSheet(
            "QFrame#criteria_reminder { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        column = QVBoxLayout(box)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(4)
        criteria = self.outcome.criteria
        summary = summary_line(criteria, judging_of(self.outcome))
        self.summary = named(QLabel(summary, box), "reminder_summary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        column.addWidget(self.summary)
        size = self.fontMetrics().height() - 2
        ratio = self.devicePixelRatioF()
        for result in criteria:
            row = QHBoxLayout()
            row.setSpacing(8)
            badge = QLabel(box)
            badge.setPixmap(verdict_pixmap(result.verdict, size, self.palette(), ratio))
            badge.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(
                self.tr("{criterion}: {verdict}").format(
                    criterion=criterion_label(result.criterion),
                    verdict=result_word(result),
                ),
                box,
            )
            text.setObjectName("reminder_line")
            text.setWordWrap(True)
            text.setToolTip(result.sentence)
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            column.addLayout(row)
        note = uncertain_note(criteria)
        if note:
            column.addWidget(make_muted(note, box, "reminder_note"))
        return box

    def _fill(self) -> None:
        """An earlier decision is shown so that it can be corrected."""
        pilot = self.outcome.pilot
        if pilot.decision in self.choice_buttons:
            self.choice_buttons[pilot.decision].setChecked(True)
        if pilot.decision_reasons:
            self.reasons.setPlainText(pilot.decision_reasons)
        if pilot.decided_on is not None:
            self.decided_on.setDate(_qdate(pilot.decided_on))
        self._clear_errors()
        self.reasons.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Tall enough for every wrapped line at the width it opens with."""
        super().showEvent(event)
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    # Values -------------------------------------------------------------------------------
    def chosen_decision(self) -> str:
        """scale, adjust, stop, or "" while none is chosen."""
        return next(
            (decision for decision, button in self.choice_buttons.items() if button.isChecked()),
            "",
        )

    def decision(self) -> Decision:
        return Decision(
            decision=self.chosen_decision(),
            reasons=self.reasons.toPlainText(),
            decided_on=self.decided_on.date().toPython(),  # type: ignore[arg-type]
        )

    # Saving -------------------------------------------------------------------------------
    def accept(self) -> None:
        """Record the decision; on a missing choice or reason say so by it and stay open."""
        self._clear_errors()
        try:
            self._services.pilots.record_decision(self.outcome.pilot.id, self.decision())
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:
            self.show_error(error.message, None)
            return
        super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the reasons records the decision (Enter alone starts a new line)."""
        if watched is self.reasons and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.accept()
                return True
        return super().eventFilter(watched, event)

    # Messages -----------------------------------------------------------------------------
    def show_error(self, message: str, field: str | None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        focus: dict[str, QWidget] = {
            "decision": self.choice_buttons["scale"],
            "reasons": self.reasons,
            "date": self.decided_on,
        }
        target = focus.get(field or "")
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        """The message shown by ``field`` ("general" for the rest), empty when none."""
        label = self._errors.get(field, self.general_error)
        return "" if label.isHidden() else label.text()

    def _clear_error(self, field: str) -> None:
        label = self._errors[field]
        label.clear()
        label.hide()

    def _clear_errors(self) -> None:
        for field in _FIELDS:
            self._clear_error(field)
        self.general_error.clear()
        self.general_error.hide()
