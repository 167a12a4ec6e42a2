"""The Dashboard: the organisation's name and the programme checklist, each step's real state."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change
from app.services.programme import ProgrammeStep, StepState
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted, scaled_font, state_colour, state_pixmap
from ui.messages import show_error
from ui.objectives.dashboard_card import ObjectivesCard

PEOPLE_STEP = 0
OBJECTIVES_STEP = 1
ASSESSMENT_STEP = 2
PATHS_STEP = 3
PILOTS_STEP = 4
MEASUREMENT_STEP = 5


class _NameEditor(QLineEdit):
    """The organisation name being edited: Enter saves, Escape puts the old name back."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class StepCard(QFrame):
    """One step of the programme: number and title, state (icon and words), summary, next action."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state_icon = QLabel(self)
        self.state_icon.setObjectName("stateIcon")
        self.state_icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("stepTitle")
        self.title_label.setFont(scaled_font(self, 1.1, bold=True))
        self.state_label = QLabel(self)
        self.state_label.setObjectName("stateText")
        self.state_label.setFont(scaled_font(self, 0.95, bold=True))
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.next_label = make_muted("", self, "nextAction")
        self.actions_box = QHBoxLayout()
        self.actions_box.setSpacing(8)

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title_label)
        text.addWidget(self.summary_label)
        text.addWidget(self.next_label)
        side = QVBoxLayout()
        side.setSpacing(6)
        side.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addLayout(self.actions_box)
        side.addStretch(1)
        self.actions_box.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 12, 14, 12)
        row.setSpacing(12)
        row.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addLayout(side)
        self.step: ProgrammeStep | None = None

    def show_step(self, step: ProgrammeStep, state_text: str, title: str, next_text: str) -> None:
        self.step = step
        self.title_label.setText(title)
        self.summary_label.setText(step.summary)
        # "Not started" would only repeat the state shown beside it.
        self.summary_label.setVisible(
            step.state is not StepState.NOT_STARTED or step.number == PEOPLE_STEP
        )
        self.next_label.setText(next_text)
        self.next_label.setVisible(bool(next_text))
        self.state_label.setText(state_text)
        colour = state_colour(step.state.value, self.palette())
        self.state_label.setStyleSheet(f"color: {colour.name()};")
        size = self.title_label.fontMetrics().height() + 4
        self.state_icon.setPixmap(
            state_pixmap(step.state.value, size, self.palette(), self.devicePixelRatioF())
        )
        self.state_icon.setAccessibleName(state_text)
        self.setAccessibleName(f"{title}: {state_text}. {step.summary}")

    def has_actions(self) -> bool:
        return self.actions_box.count() > 1  # the leading stretch is always there

    def set_actions(self, widgets: list[QWidget]) -> None:
        while self.actions_box.count() > 1:
            item = self.actions_box.takeAt(1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for widget in widgets:
            widget.setParent(self)
            self.actions_box.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
            widget.show()


class DashboardPage(QWidget):
    """Where the programme stands, from the data; refreshes on change notifications."""

    import_requested = Signal()
    add_person_requested = Signal()
    load_demo_requested = Signal()
    people_requested = Signal()
    start_assessment_requested = Signal()
    assessment_results_requested = Signal()
    skills_requested = Signal()
    paths_requested = Signal()
    objectives_requested = Signal()
    pilots_requested = Signal()

    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardPage")
        self._services = services
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._cards: list[StepCard] = []
        self._people_actions_for: tuple[bool, ...] | None = None
        self._assessment_actions_for: bool | None = None
        self._step_actions_for: dict[int, bool] = {}
        self._build()
        bridge.changed.connect(self._on_change)
        self.refresh()

    # Building ------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        content.setObjectName("dashboardContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(14)

        self.name_label = make_heading("", content, 1.6, "organisationName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_editor = _NameEditor(content)
        self.name_editor.setObjectName("organisationNameEditor")
        self.name_editor.setFont(scaled_font(content, 1.3, bold=True))
        self.name_editor.setAccessibleName(self.tr("Organisation name"))
        self.name_editor.setMaxLength(200)
        self.name_editor.returnPressed.connect(self._save_name)
        self.name_editor.cancelled.connect(self._stop_editing_name)
        self.name_stack = QStackedWidget(content)
        self.name_stack.addWidget(self.name_label)
        self.name_stack.addWidget(self.name_editor)
        self.name_stack.setSizePolicy(
            self.name_stack.sizePolicy().horizontalPolicy(),
            self.name_label.sizePolicy().verticalPolicy(),
        )
        self.rename_button = QPushButton(self.tr("Rename…"), content)
        self.rename_button.setObjectName("renameButton")
        self.rename_button.setToolTip(self.tr("Change the organisation's name shown in reports"))
        self.rename_button.clicked.connect(self.start_editing_name)
        self.save_name_button = QPushButton(self.tr("Save"), content)
        self.save_name_button.setObjectName("saveNameButton")
        self.save_name_button.clicked.connect(self._save_name)
        self.cancel_name_button = QPushButton(self.tr("Cancel"), content)
        self.cancel_name_button.clicked.connect(self._stop_editing_name)
        self.save_name_button.hide()
        self.cancel_name_button.hide()
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.name_stack, 1)
        header.addWidget(self.rename_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.save_name_button, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.cancel_name_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(header)
        column.addWidget(
            make_muted(
                self.tr(
                    "Your AI upskilling programme, step by step. Each step shows where you "
                    "stand, worked out from what is in this data file."
                ),
                content,
            )
        )

        column.addWidget(self._build_empty_state(content))

        self.objectives_card = ObjectivesCard(content)
        self.objectives_card.open_requested.connect(self.objectives_requested)
        column.addWidget(self.objectives_card)

        column.addSpacing(6)
        checklist_heading = QHBoxLayout()
        checklist_heading.addWidget(make_heading(self.tr("Programme checklist"), content, 1.2))
        checklist_heading.addStretch(1)
        self.progress_label = make_muted("", content, "checklistProgress")
        self.progress_label.setWordWrap(False)
        checklist_heading.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(checklist_heading)
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(10)
        column.addLayout(self.steps_box)
        column.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _build_empty_state(self, parent: QWidget) -> QFrame:
        panel = QFrame(parent)
        panel.setObjectName("emptyState")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        layout.addWidget(make_heading(self.tr("Start with your people"), panel, 1.3))
        text = QLabel(
            self.tr(
                "Everything in the programme builds on the list of people in your "
                "organisation. Bring it in from your HR system's export, add people one by "
                "one, or try the app first with a made-up demo organisation."
            ),
            panel,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.import_button = QPushButton(self.tr("Import from Excel or CSV…"), panel)
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.import_requested)
        self.add_person_button = QPushButton(self.tr("Add a person…"), panel)
        self.add_person_button.setObjectName("addPersonButton")
        self.add_person_button.clicked.connect(self.add_person_requested)
        self.demo_button = QPushButton(self.tr("Load the demo organisation"), panel)
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setToolTip(
            self.tr("Fills this empty file with 150 made-up people so you can explore")
        )
        self.demo_button.clicked.connect(self.load_demo_requested)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_person_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.empty_state = panel
        return panel

    # Reading -------------------------------------------------------------------
    def step_card(self, number: int) -> StepCard:
        for card in self._cards:
            if card.step is not None and card.step.number == number:
                return card
        raise KeyError(number)

    def refresh(self) -> None:
        """Re-read the organisation's name and the checklist (a few counts; cheap)."""
        self._refresh_timer.stop()
        settings = self._services.organisation.settings()
        if self.name_stack.currentWidget() is self.name_label:
            self.name_label.setText(settings.name)
        steps = self._services.programme.checklist()
        while len(self._cards) < len(steps):
            card = StepCard(self)
            self._cards.append(card)
            self.steps_box.addWidget(card)
        for card in self._cards[len(steps) :]:
            card.hide()
        for card, step in zip(self._cards, steps, strict=False):
            card.show()
            card.show_step(
                step, self._state_text(step.state), self._step_title(step), self._next(step)
            )
        done = sum(1 for step in steps if step.state is StepState.DONE)
        self.progress_label.setText(
            self.tr("{done} of {total} steps done").format(done=done, total=len(steps))
        )
        people_step = next((s for s in steps if s.number == PEOPLE_STEP), None)
        has_people = people_step is not None and people_step.state is StepState.DONE
        self.empty_state.setVisible(not has_people)
        self.objectives_card.setVisible(has_people)
        if has_people:
            self.objectives_card.set_objectives(self._services.objectives.objectives())
        self._set_people_actions(has_people)
        self._set_assessment_actions(steps)
        self._set_area_actions(steps)
        for card in self._cards:
            if card.step is not None and card.step.number != PEOPLE_STEP and not card.has_actions():
                note = make_muted(self.tr("Coming in a later version"), card, "laterNote")
                note.setWordWrap(False)
                card.set_actions([note])

    def _set_people_actions(self, has_people: bool) -> None:
        if self._people_actions_for == (has_people,):
            return
        self._people_actions_for = (has_people,)
        try:
            card = self.step_card(PEOPLE_STEP)
        except KeyError:
            return
        if has_people:
            go = QPushButton(self.tr("Go to People"))
            go.setObjectName("goToPeopleButton")
            go.clicked.connect(self.people_requested)
            card.set_actions([go])
        else:
            start = QPushButton(self.tr("Import people…"))
            start.setObjectName("importPeopleButton")
            start.clicked.connect(self.import_requested)
            card.set_actions([start])

    def _set_assessment_actions(self, steps: list[ProgrammeStep]) -> None:
        """Step 2's button: start the assessment, or see the results once one is finished.

        The step itself stays "in progress" until the skills survey is done too, so the
        button follows whether a maturity assessment has been finished.
        """
        if not hasattr(self._services, "maturity"):
            return
        step = next((s for s in steps if s.number == ASSESSMENT_STEP), None)
        if step is None:
            return
        finished = self._services.maturity.finished_count() > 0
        if self._assessment_actions_for == finished:
            return
        self._assessment_actions_for = finished
        card = self.step_card(ASSESSMENT_STEP)
        if finished:
            button = QPushButton(self.tr("See results"))
            button.setObjectName("seeAssessmentResultsButton")
            button.clicked.connect(self.assessment_results_requested)
        else:
            button = QPushButton(self.tr("Start the assessment"))
            button.setObjectName("startAssessmentButton")
            button.clicked.connect(self.start_assessment_requested)
        skills = QPushButton(self.tr("Skills survey"))
        skills.setObjectName("skillsSurveyButton")
        skills.setToolTip(self.tr("Where people stand with AI skills, by department"))
        skills.clicked.connect(self.skills_requested)
        card.set_actions([button, skills])

    def _set_area_actions(self, steps: list[ProgrammeStep]) -> None:
        """The buttons of the steps that open an area: to begin it, or to open it once begun."""
        buttons = {
            OBJECTIVES_STEP: (
                self.tr("Write the objectives"),
                self.tr("Open objectives"),
                self.tr("Outcomes with a baseline, a target and a date"),
                self.objectives_requested,
            ),
            PATHS_STEP: (
                self.tr("Build a path"),
                self.tr("Open learning paths"),
                self.tr("Paths, who follows them, progress and capacity"),
                self.paths_requested,
            ),
            PILOTS_STEP: (
                self.tr("Plan a pilot"),
                self.tr("Open pilots"),
                self.tr("Early adopters, what they measured and the decision"),
                self.pilots_requested,
            ),
            MEASUREMENT_STEP: (
                self.tr("Record a measurement"),
                self.tr("Open objectives"),
                self.tr("Readings of each objective's metrics over time"),
                self.objectives_requested,
            ),
        }
        for step in steps:
            if step.number not in buttons:
                continue
            started = step.state is not StepState.NOT_STARTED
            if self._step_actions_for.get(step.number) == started:
                continue
            self._step_actions_for[step.number] = started
            begin, open_area, tip, signal = buttons[step.number]
            button = QPushButton(open_area if started else begin)
            button.setToolTip(tip)
            button.setObjectName(f"openStep{step.number}Button")
            button.clicked.connect(signal)
            self.step_card(step.number).set_actions([button])

    def _state_text(self, state: StepState) -> str:
        return {
            StepState.DONE: self.tr("Done"),
            StepState.IN_PROGRESS: self.tr("In progress"),
            StepState.NOT_STARTED: self.tr("Not started"),
        }[state]

    def _step_title(self, step: ProgrammeStep) -> str:
        if step.number == PEOPLE_STEP:
            return self.tr("Before you start: {title}").format(title=step.title)
        return self.tr("{number}. {title}").format(number=step.number, title=step.title)

    def _next(self, step: ProgrammeStep) -> str:
        if step.state is StepState.DONE and step.number != PEOPLE_STEP:
            return ""
        return self.tr("Next: {action}").format(action=step.next_action)

    def _on_change(self, _change: Change) -> None:
        # Several notifications in a row (an import, the demo) make one refresh.
        self._refresh_timer.start()

    # Organisation name ---------------------------------------------------------
    def start_editing_name(self) -> None:
        self.name_editor.setText(self.name_label.text())
        self.name_stack.setCurrentWidget(self.name_editor)
        self.rename_button.hide()
        self.save_name_button.show()
        self.cancel_name_button.show()
        self.name_editor.selectAll()
        self.name_editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _stop_editing_name(self) -> None:
        self.name_stack.setCurrentWidget(self.name_label)
        self.save_name_button.hide()
        self.cancel_name_button.hide()
        self.rename_button.show()
        self.rename_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_name(self) -> None:
        name = self.name_editor.text()
        try:
            threshold = self._services.organisation.settings().anonymity_threshold
            self._services.organisation.update_settings(name, threshold)
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Rename the organisation"))
            return
        self.name_label.setText(self._services.organisation.settings().name)
        self._stop_editing_name()
