"""One pilot in full: a header with what it tries and where it stands, the next step in plain
words ("Start the pilot", "End and evaluate"), and tabs for its participants, their progress
and, added by the main window, its measurements and results.

Every tab has ``set_pilot(pilot_id | None)``, called when the chosen pilot changes; each tab
follows changes to its pilot itself. The header follows changes to pilots, paths and
objectives.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.pilots.criteria import criterion_label
from app.pilots.judging import judging_on
from app.pilots.records import PilotDetails
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted, scaled_font
from ui.messages import show_error
from ui.paths.progress_labels import day_text
from ui.people.naming import named
from ui.pilots.labels import dates_text, decision_label, status_label
from ui.pilots.participants_tab import ParticipantsTab
from ui.pilots.progress_tab import PilotProgressTab
from ui.pilots.status_badge import status_pixmap

HEADER_TOPICS = frozenset({Topic.PILOTS, Topic.PATHS, Topic.OBJECTIVES, Topic.DATA_FILE})


class PilotTab(Protocol):
    """What every tab of the pilot detail offers."""

    def set_pilot(self, pilot_id: int | None) -> None: ...


class PilotDetail(QWidget):
    TAB_PARTICIPANTS, TAB_PROGRESS = range(2)

    def __init__(
        self, services: AppServices, bridge: ChangeBridge | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pilot_detail")
        self.services = services
        self.pilot_id: int | None = None
        self.details: PilotDetails | None = None
        self.question: QMessageBox | None = None
        self._tabs: list[PilotTab] = []
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self.refresh_header)
        self._build(bridge)
        if bridge is not None:
            bridge.changed.connect(self._on_change)

    # Building -----------------------------------------------------------------------------
    def _build(self, bridge: ChangeBridge | None) -> None:
        self.name = make_heading("", self, 1.35, "pilot_name_heading")
        self.name.setWordWrap(True)
        self.badge = named(QLabel(self), "status_badge")
        self.status = named(QLabel(self), "pilot_status")
        self.status.setFont(scaled_font(self, 1.0, bold=True))
        self.purpose = make_muted("", self, "pilot_purpose_text")
        self.facts = QFormLayout()
        self.facts.setContentsMargins(0, 4, 0, 0)
        self.facts.setHorizontalSpacing(14)
        self.facts.setVerticalSpacing(3)
        self.fact_labels: dict[str, QLabel] = {}
        for key, title in (
            ("objectives", self.tr("Serves")),
            ("paths", self.tr("Learning paths")),
            ("tools", self.tr("AI tools")),
            ("criteria", self.tr("Success means")),
        ):
            value = named(QLabel(self), f"fact_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            caption = QLabel(title, self)
            caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self.facts.addRow(caption, value)
        self.next_step = make_muted("", self, "next_step")
        self.start_button = named(QPushButton(self.tr("&Start the pilot"), self), "start_pilot")
        self.start_button.clicked.connect(self.start_pilot)
        self.end_button = named(QPushButton(self.tr("End and e&valuate"), self), "end_pilot")
        self.end_button.clicked.connect(self.end_pilot)

        self.tabs = named(QTabWidget(self), "pilot_tabs")
        self.tabs.setDocumentMode(True)
        self.participants_tab = ParticipantsTab(self.services, bridge, self.tabs)
        self.progress_tab = PilotProgressTab(self.services, bridge, self.tabs)
        self.add_tab(self.participants_tab, self.tr("P&articipants"))
        self.add_tab(self.progress_tab, self.tr("Pro&gress"))

        title_row = QHBoxLayout()
        title_row.addWidget(self.name, 1)
        status_row = QHBoxLayout()
        status_row.setSpacing(6)
        status_row.addWidget(self.badge)
        status_row.addWidget(self.status)
        status_row.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.next_step, 1)
        actions.addWidget(self.start_button)
        actions.addWidget(self.end_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(title_row)
        column.addLayout(status_row)
        column.addWidget(self.purpose)
        column.addLayout(self.facts)
        column.addLayout(actions)
        column.addWidget(self.tabs, 1)

    def add_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab (it must have ``set_pilot``); it is told the pilot shown at once."""
        setter = getattr(widget, "set_pilot", None)
        if not callable(setter):
            raise TypeError(f"{type(widget).__name__} has no set_pilot(pilot_id)")
        self._tabs.append(cast(PilotTab, widget))
        index = self.tabs.addTab(widget, title)
        if self.pilot_id is not None:
            setter(self.pilot_id)
        return index

    # Showing a pilot ----------------------------------------------------------------------
    def set_pilot(self, pilot_id: int | None) -> None:
        """Show ``pilot_id`` (None: nothing) and tell every tab."""
        changed = pilot_id != self.pilot_id
        self.pilot_id = pilot_id
        self.refresh_header()
        if changed:
            for tab in self._tabs:
                tab.set_pilot(pilot_id)

    def refresh_header(self) -> None:
        self.details = None
        if self.pilot_id is not None:
            try:
                self.details = self.services.pilots.pilot(self.pilot_id)
            except UserFacingError:
                self.details = None
        details = self.details
        self.setEnabled(details is not None)
        if details is None:
            self.name.setText("")
            self.status.setText("")
            self.badge.clear()
            self.purpose.hide()
            for label in self.fact_labels.values():
                label.clear()
            self.next_step.clear()
            self.start_button.hide()
            self.end_button.hide()
            return
        self.name.setText(details.name)
        self.name.setAccessibleName(details.name)
        size = self.fontMetrics().height()
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        self.badge.setPixmap(status_pixmap(details.status, size, self.palette(), ratio))
        self.status.setText(self.status_line(details, date.today()))
        self.purpose.setText(details.purpose)
        self.purpose.setVisible(bool(details.purpose))
        nothing = self.tr("none yet")
        self.fact_labels["objectives"].setText(", ".join(details.objective_titles) or nothing)
        self.fact_labels["paths"].setText(", ".join(details.path_names) or nothing)
        self.fact_labels["tools"].setText(", ".join(details.tools) or nothing)
        self.fact_labels["criteria"].setText(
            "; ".join(criterion_label(c) for c in details.criteria)
            or self.tr("no success criteria agreed yet")
        )
        self.next_step.setText(self.next_step_text(details, date.today()))
        self.start_button.setVisible(details.status == "planned")
        self.end_button.setVisible(details.status == "running")

    def status_line(self, details: PilotDetails, today: date) -> str:
        """ "Running · 2 Mar 2026 – 25 May 2026 · week 5 of 12"."""
        parts = [status_label(details.status), dates_text(details.starts_on, details.ends_on)]
        if judging_on(details.status, details.starts_on, details.ends_on, today).overdue:
            parts.append(self.tr("past its planned end"))
        elif details.status == "running" and details.starts_on is not None:
            week = details.week_of(today)
            if week is not None and details.ends_on is not None:
                weeks = details.week_of(details.ends_on) or week
                parts.append(self.tr("week {week} of {weeks}").format(week=week, weeks=weeks))
            elif week is not None:
                parts.append(self.tr("week {week}").format(week=week))
        if details.decision is not None:
            parts.append(
                self.tr("decision: {decision}").format(decision=decision_label(details.decision))
            )
        return " · ".join(parts)

    def next_step_text(self, details: PilotDetails, today: date) -> str:
        if judging_on(details.status, details.starts_on, details.ends_on, today).overdue:
            return self.tr(
                "Its planned end has passed, so its results are judged as they stand: end it "
                "to evaluate them and record the decision."
            )
        if details.status == "planned":
            return self.tr(
                "Next: choose the cohort and agree the success criteria, then start the pilot. "
                "The criteria are fixed once it starts."
            )
        if details.status == "running":
            return self.tr(
                "Record the weekly check-ins and measurements as it runs; end it when the time "
                "is up to evaluate the results."
            )
        if details.status == "evaluating":
            return self.tr(
                "Look at the results against the success criteria and record the decision: "
                "scale up, adjust or stop."
            )
        decided = day_text(details.decided_on) if details.decided_on else ""
        # The reasons are read in full under Results; here one line keeps the tabs in view.
        return self.tr("Decided {day}: {decision}. The reasons are under Results.").format(
            day=decided, decision=decision_label(details.decision)
        )

    # Status -------------------------------------------------------------------------------
    def start_pilot(self) -> None:
        """planned → running; asks first when there is no cohort or no success criteria."""
        details = self.details
        if details is None or details.status != "planned":
            return
        missing, consequences = [], []
        if details.participants == 0:
            missing.append(self.tr("no cohort yet"))
            consequences.append(self.tr("Without a cohort nobody's use can be measured."))
        if not details.criteria:
            missing.append(self.tr("no success criteria"))
            consequences.append(
                self.tr(
                    "Without success criteria the results cannot be judged, and they cannot "
                    "be added once it runs."
                )
            )
        if not missing:
            self._set_status("running")
            return
        text = self.tr("“{name}” has {missing}. {consequences} Start it anyway?").format(
            name=details.name,
            missing=self.tr(" and ").join(missing),
            consequences=" ".join(consequences),
        )
        self._ask(self.tr("Start the pilot"), text, self.tr("Start anyway"), "running")

    def end_pilot(self) -> None:
        """running → evaluating; asks first when it ends before its planned end."""
        details = self.details
        if details is None or details.status != "running":
            return
        today = date.today()
        if details.ends_on is None or details.ends_on <= today:
            self._set_status("evaluating")
            return
        text = self.tr(
            "“{name}” was planned to run until {day}. End it now and evaluate the results? "
            "Check-ins and measurements can still be recorded afterwards."
        ).format(name=details.name, day=day_text(details.ends_on))
        self._ask(self.tr("End the pilot"), text, self.tr("End and evaluate"), "evaluating")

    def _ask(self, title: str, text: str, yes: str, status: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self
        )
        box.setObjectName("status_question")
        confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("confirm_status")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(lambda: self._set_status(status))
        box.finished.connect(box.deleteLater)
        self.question = box
        box.open()

    def _set_status(self, status: str) -> None:
        if self.pilot_id is None:
            return
        try:
            self.services.pilots.set_status(self.pilot_id, status)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Change the pilot's status"))
            return
        self.refresh_header()

    # Changes ------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.topics and not change.topics & HEADER_TOPICS:
            return
        self._refresh.start()
