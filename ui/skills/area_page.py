"""The Skills area: what a skills survey is (until there is one), then one survey at a time in
tabs: entering ratings, the gaps heatmap, readiness, change since the baseline, role targets.

Changes arrive through the bridge; every tab they touch is marked stale and only the tab on
screen is recomputed at once, the others when they are next shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.skills.service import CampaignRow
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.people.empty_state import EmptyStatePanel
from ui.people.naming import named
from ui.skills.comparison_view import ComparisonView
from ui.skills.figure_labels import date_text, kind_text
from ui.skills.heatmap_view import HeatmapView
from ui.skills.readiness_view import ReadinessView
from ui.skills.targets_editor import TargetsEditor

REFRESH_TOPICS = frozenset(
    {
        Topic.SKILLS,
        Topic.PEOPLE,
        Topic.ROLES,
        Topic.DEPARTMENTS,
        Topic.DATA_FILE,
        Topic.ORGANISATION,
    }
)


class SkillsAreaPage(QWidget):
    """Surveys over time, one chosen in the picker and shown in five tabs."""

    TAB_ENTRY, TAB_HEATMAP, TAB_READINESS, TAB_CHANGE, TAB_TARGETS = range(5)

    def __init__(
        self, services: AppServices, bridge: ChangeBridge, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("skills_area")
        self.services = services
        self.bridge = bridge
        self.campaigns: list[CampaignRow] = []
        self.campaign_id: int | None = None
        self.entry_form: QWidget | None = None
        self.delete_box: QMessageBox | None = None
        self._stale: set[int] = set()
        self._list_stale = False
        self._pending: list[Change] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._apply_changes)
        self._build()
        bridge.changed.connect(self._on_change)
        self.reload()

    # Building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("Where do your people stand with AI skills?"),
            self.tr(
                "A skills survey asks people to rate themselves, and their managers to rate "
                "them, on ten AI skills from 0 (none) to 4 (expert), with six statements on "
                "how they feel about AI. Enter the answers here as they come in, from a form, "
                "paper or a workshop. The results show each department's gap to the targets "
                "of its roles, who is ready to lead, and, after a follow-up survey, what "
                "changed. Small groups are never shown on their own."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("skills_empty_state")
        self.start_button = self.empty_state.add_action(
            self.tr("Start a skills survey"),
            self.tr("Choose who is asked, then enter their answers"),
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView),
            "start_survey",
        )
        self.start_button.clicked.connect(self.new_survey)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_main())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _build_main(self) -> QWidget:
        main = QWidget(self.stack)
        main.setObjectName("skills_main")
        column = QVBoxLayout(main)
        column.setContentsMargins(28, 20, 28, 16)
        column.setSpacing(10)
        header = QHBoxLayout()
        header.addWidget(make_heading(self.tr("AI skills"), main, 1.6), 1)
        survey_label = QLabel(self.tr("&Survey:"), main)
        self.picker = named(QComboBox(main), "survey_picker")
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.picker.setAccessibleName(self.tr("Survey"))
        survey_label.setBuddy(self.picker)
        self.picker.currentIndexChanged.connect(self._picked)
        self.new_button = named(QPushButton(self.tr("&New survey…"), main), "new_survey")
        self.new_button.setToolTip(self.tr("Start a baseline or a follow-up survey"))
        self.new_button.clicked.connect(self.new_survey)
        self.delete_button = named(QPushButton(self.tr("Delete…"), main), "delete_survey")
        self.delete_button.setToolTip(self.tr("Delete the survey shown, with all its answers"))
        self.delete_button.clicked.connect(self.delete_survey)
        for widget in (survey_label, self.picker, self.new_button, self.delete_button):
            header.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        column.addLayout(header)
        column.addWidget(
            make_muted(
                self.tr(
                    "How people rate their AI skills against the target for their role, by "
                    "department. Groups smaller than the anonymity threshold are never shown "
                    "on their own."
                ),
                main,
            )
        )
        self.tabs = named(QTabWidget(main), "skills_tabs")
        self.tabs.setDocumentMode(True)
        self.entry_slot = QWidget(self.tabs)
        entry_layout = QVBoxLayout(self.entry_slot)
        entry_layout.setContentsMargins(0, 8, 0, 0)
        self.heatmap = HeatmapView(self.services, self.tabs)
        self.readiness = ReadinessView(self.services, self.tabs)
        self.comparison = ComparisonView(self.services, self.tabs)
        self.targets = TargetsEditor(self.services, self.tabs)
        self.tabs.addTab(self.entry_slot, self.tr("&Enter ratings"))
        self.tabs.addTab(self.heatmap, self.tr("&Gaps heatmap"))
        self.tabs.addTab(self.readiness, self.tr("Rea&diness"))
        self.tabs.addTab(self.comparison, self.tr("&Change since baseline"))
        self.tabs.addTab(self.targets, self.tr("Role &targets"))
        self.tabs.currentChanged.connect(self._tab_changed)
        column.addWidget(self.tabs, 1)
        return main

    # Reading ------------------------------------------------------------------------------
    def is_empty_state_shown(self) -> bool:
        return self.stack.currentWidget() is self.empty_state

    def current_campaign(self) -> CampaignRow | None:
        return next((c for c in self.campaigns if c.id == self.campaign_id), None)

    def reload(self, select: int | None = None) -> None:
        """Re-read the list of surveys; show ``select`` (or keep the one shown)."""
        self.campaigns = self.services.skills.campaigns()
        self.stack.setCurrentIndex(0 if not self.campaigns else 1)
        wanted = select if select is not None else self.campaign_id
        ids = [c.id for c in self.campaigns]
        if wanted not in ids:
            rated = [c for c in self.campaigns if c.rated]
            wanted = (rated or self.campaigns)[-1].id if self.campaigns else None
        self.picker.blockSignals(True)
        self.picker.clear()
        for campaign in reversed(self.campaigns):  # newest first
            self.picker.addItem(self._picker_text(campaign), campaign.id)
        self.picker.setCurrentIndex(self.picker.findData(wanted) if wanted is not None else -1)
        self.picker.blockSignals(False)
        if wanted != self.campaign_id:
            self._show_campaign(wanted)

    def _picker_text(self, campaign: CampaignRow) -> str:
        return self.tr("{name} · {date} · {kind} · {rated} of {people} rated").format(
            name=campaign.name,
            date=date_text(campaign.opened_on),
            kind=kind_text(campaign.kind),
            rated=campaign.rated,
            people=campaign.people,
        )

    def _picked(self, _index: int) -> None:
        value = self.picker.currentData()
        self._show_campaign(int(value) if value is not None else None)

    def _show_campaign(self, campaign_id: int | None) -> None:
        first = self.campaign_id is None
        self.campaign_id = campaign_id
        if self.entry_form is not None:
            self.entry_form.hide()
            self.entry_form.deleteLater()
            self.entry_form = None
        campaign = self.current_campaign()
        follow_up = campaign is not None and campaign.kind == "follow_up"
        self._stale |= {self.TAB_ENTRY, self.TAB_HEATMAP, self.TAB_READINESS, self.TAB_CHANGE}
        if self.tabs.currentIndex() == self.TAB_CHANGE and not follow_up:
            self.tabs.setCurrentIndex(self.TAB_HEATMAP)  # before the tab goes grey
        self.tabs.setTabEnabled(self.TAB_CHANGE, follow_up)
        self.tabs.setTabToolTip(
            self.TAB_CHANGE,
            "" if follow_up else self.tr("Only for a follow-up survey, compared with its baseline"),
        )
        if campaign is not None and first:
            self.tabs.setCurrentIndex(self.TAB_HEATMAP if campaign.rated else self.TAB_ENTRY)
        self._refresh_current()

    # Tabs ---------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if self._pending:  # changes not yet applied: take them into account first
            self._refresh_timer.stop()
            self._apply_changes()
        if index in self._stale:
            self._refresh_tab(index)

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._stale:
            self._refresh_tab(index)

    def _refresh_tab(self, index: int) -> None:
        self._stale.discard(index)
        if index == self.TAB_ENTRY:
            self._ensure_entry_form()
        elif index == self.TAB_HEATMAP:
            self.heatmap.show_campaign(self.campaign_id)
        elif index == self.TAB_READINESS:
            self.readiness.show_campaign(self.campaign_id)
        elif index == self.TAB_CHANGE:
            self.comparison.show_campaign(self.campaign_id)
        elif index == self.TAB_TARGETS:
            self.targets.refresh()

    def _ensure_entry_form(self) -> None:
        if self.campaign_id is None or self.entry_form is not None:
            return
        from ui.skills.entry_form import EntryForm

        self.entry_form = EntryForm(self.services, self.bridge, self.campaign_id, self.entry_slot)
        layout = self.entry_slot.layout()
        assert layout is not None
        layout.addWidget(self.entry_form)

    # Changes ------------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.topics and not change.topics & REFRESH_TOPICS:
            return
        self._pending.append(change)
        self._refresh_timer.start()

    def _apply_changes(self) -> None:
        """Mark the tabs the pending changes touch as stale; recompute the one on screen."""
        changes, self._pending = self._pending, []
        if not changes:
            return
        self._list_stale = True
        for change in changes:
            self._stale |= self._touched_tabs(change)
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        if self._list_stale:
            self._list_stale = False
            self.reload()
        self._refresh_current()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._list_stale or self.tabs.currentIndex() in self._stale:
            self._catch_up()

    def _touched_tabs(self, change: Change) -> set[int]:
        topics = change.topics
        everything = {self.TAB_HEATMAP, self.TAB_READINESS, self.TAB_CHANGE, self.TAB_TARGETS}
        if not topics or Topic.DATA_FILE in topics:
            return everything
        touched: set[int] = set()
        if topics & {Topic.PEOPLE, Topic.ROLES, Topic.DEPARTMENTS, Topic.ORGANISATION}:
            touched |= {self.TAB_HEATMAP, self.TAB_READINESS, self.TAB_CHANGE}
        if topics & {Topic.ROLES, Topic.PEOPLE}:
            touched.add(self.TAB_TARGETS)
        if Topic.SKILLS in topics:
            touched.add(self.TAB_CHANGE)  # the baseline may be the survey that changed
            if not change.ids or self.campaign_id in change.ids:
                touched |= {self.TAB_HEATMAP, self.TAB_READINESS}
        return touched

    def refresh_pending(self) -> bool:
        """True while changes have arrived that the page has not caught up with yet."""
        return self._refresh_timer.isActive() or bool(self._pending)

    # Commands -----------------------------------------------------------------------------
    def new_survey(self) -> None:
        """Ask for a new survey (who, when, baseline or follow-up) and show it for entry."""
        from ui.skills.campaign_dialog import CampaignDialog

        new_id = CampaignDialog.ask(self.services, self)
        if new_id is None:
            return
        self.reload(select=new_id)
        self.tabs.setCurrentIndex(self.TAB_ENTRY)

    def delete_survey(self) -> None:
        """Ask first (the box is opened, not exec'd, so tests can answer it)."""
        campaign = self.current_campaign()
        if campaign is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete the survey"),
            self.tr(
                "Delete “{name}” and every rating and answer in it ({rated} of {people} "
                "people rated)? This cannot be undone. A follow-up compared with it keeps "
                "its own answers."
            ).format(name=campaign.name, rated=campaign.rated, people=campaign.people),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("delete_survey_box")
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setObjectName("confirm_delete_survey")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.clicked.connect(lambda: self._delete(campaign.id))
        self.delete_box = box
        box.open()

    def _delete(self, campaign_id: int) -> None:
        try:
            self.services.skills.delete_campaign(campaign_id)
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Delete the survey"))
        self.reload()
