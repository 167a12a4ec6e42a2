"""What a pilot measures, entered by hand or imported: weekly check-ins, task timings, the
satisfaction survey, the knowledge check, engagement and the applications log.

A side list chooses the kind of measurement; each is a table made for fast keyboard entry
that saves as it is typed, with "Import from a spreadsheet…" beside it. The tab re-reads
the pilot when something else changes it (an import, the cohort), not after its own saves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import ValidationError
from app.events import Topic
from app.pilots.tracking_import_model import ImportKind
from ui.change_bridge import ChangeBridge
from ui.paths.two_line_delegate import TwoLineDelegate
from ui.people.empty_state import EmptyStatePanel
from ui.people.naming import named
from ui.pilots.tracking_applications import ApplicationsSection
from ui.pilots.tracking_check_ins import CheckInSection
from ui.pilots.tracking_feedback import SurveySection
from ui.pilots.tracking_import_dialog import TrackingImportDialog
from ui.pilots.tracking_labels import kind_title
from ui.pilots.tracking_scores import ScoresSection, engagement_section, knowledge_section
from ui.pilots.tracking_section import MeasurementSection
from ui.pilots.tracking_timings import TimingsSection
from ui.refresh_when_shown import RefreshWhenShown

REFRESH_TOPICS = frozenset({Topic.PILOTS, Topic.PEOPLE, Topic.DEPARTMENTS, Topic.DATA_FILE})
ORDER = (
    ImportKind.CHECK_INS,
    ImportKind.TIMINGS,
    ImportKind.SATISFACTION,
    ImportKind.KNOWLEDGE,
    ImportKind.ENGAGEMENT,
    ImportKind.APPLICATIONS,
)


class MeasurementsTab(QWidget):
    """The measurements of one pilot (set_pilot), section by section."""

    def __init__(
        self,
        services: AppServices,
        bridge: ChangeBridge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measurements_tab")
        self.services = services
        self.pilot_id: int | None = None
        self.today: Callable[[], date] = date.today
        self.import_dialog: TrackingImportDialog | None = None
        self._build()
        self.refresher = RefreshWhenShown(self, bridge, REFRESH_TOPICS, self.reload)
        self.set_pilot(None)

    # Building ----------------------------------------------------------------------------
    def _build(self) -> None:
        tracking = self.services.pilot_tracking
        self.check_ins = CheckInSection(tracking)
        self.timings = TimingsSection(tracking)
        self.survey = SurveySection(tracking)
        self.knowledge: ScoresSection = knowledge_section(tracking)
        self.engagement: ScoresSection = engagement_section(tracking)
        self.applications = ApplicationsSection(tracking)
        self.sections: dict[ImportKind, MeasurementSection] = {
            ImportKind.CHECK_INS: self.check_ins,
            ImportKind.TIMINGS: self.timings,
            ImportKind.SATISFACTION: self.survey,
            ImportKind.KNOWLEDGE: self.knowledge,
            ImportKind.ENGAGEMENT: self.engagement,
            ImportKind.APPLICATIONS: self.applications,
        }
        self.nav = named(QListWidget(self), "measurement_list")
        self.nav.setAccessibleName(self.tr("Measurements"))
        self.nav.setItemDelegate(TwoLineDelegate(self.nav))
        self.nav.setSpacing(2)
        self.pages = QStackedWidget(self)
        for kind in ORDER:
            item = QListWidgetItem(kind_title(kind), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            section = self.sections[kind]
            self.pages.addWidget(section)
            section.import_requested.connect(self.open_import)
            section.model.saved.connect(self._saved_here)
            section.model.state_changed.connect(lambda *_a: self._count())
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.nav.setFixedWidth(max(210, self.nav.sizeHintForColumn(0) + 40))

        self.main = QWidget(self)
        row = QHBoxLayout(self.main)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.empty = EmptyStatePanel("", "", self)
        self.empty.setObjectName("measurements_empty")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # Showing a pilot ---------------------------------------------------------------------
    def set_pilot(self, pilot_id: int | None) -> None:
        if pilot_id != self.pilot_id:
            for section in self.sections.values():
                section.forget_undo()
                section.show_state("", False)
        self.pilot_id = pilot_id
        self.reload()

    def show_section(self, kind: ImportKind) -> MeasurementSection:
        """Bring a kind of measurement forward, with the cursor in its table."""
        self.nav.setCurrentRow(ORDER.index(kind))
        section = self.sections[kind]
        section.focus_table()
        return section

    def reload(self) -> None:
        """Re-read everything measured for the pilot."""
        self.refresher.done()
        if self.pilot_id is None:
            self._empty(
                self.tr("No pilot chosen"),
                self.tr("Choose a pilot to enter what it measures."),
            )
            return
        pilots, tracking = self.services.pilots, self.services.pilot_tracking
        pilot_id = self.pilot_id
        try:
            pilot = pilots.pilot(pilot_id)
        except ValidationError:
            self.pilot_id = None
            self.reload()
            return
        people = pilots.participants(pilot_id)
        if not people:
            self._empty(
                self.tr("Choose the cohort first"),
                self.tr(
                    "Measurements are entered for the pilot's participants. Choose who takes "
                    "part on the Participants tab; their check-ins, timings, survey answers and "
                    "scores are then typed or imported here."
                ),
            )
            return
        today = self.today()
        self.check_ins.load(pilot, people, tracking.check_ins(pilot_id), today)
        self.timings.timings.load(pilot_id, people, tracking.timings(pilot_id))
        self.survey.survey.load(pilot_id, people, tracking.feedback(pilot_id))
        self.knowledge.scores.load(
            pilot_id, people, {"knowledge": tracking.scores(pilot_id, "knowledge")}
        )
        self.engagement.scores.load(
            pilot_id,
            people,
            {
                kind: tracking.scores(pilot_id, kind)
                for kind in ("job_satisfaction", "career_satisfaction")
            },
        )
        self.applications.log.load(pilot_id, people, tracking.applications(pilot_id), today)
        self.stack.setCurrentWidget(self.main)
        self._count()

    def _empty(self, title: str, text: str) -> None:
        self.empty.title.setText(title)
        self.empty.text.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _saved_here(self) -> None:
        """A table saved what was typed: it already shows it, so nothing needs re-reading."""
        self.refresher.done()

    def _count(self) -> None:
        """How much of each kind is recorded, beside its name in the side list."""
        people = self.survey.survey.rowCount()
        weeks = len(self.check_ins.grid.weeks_with_data())
        timed = self.timings.timings.recorded()
        logged = self.applications.log.recorded()
        counts = {
            ImportKind.CHECK_INS: (
                self.tr("1 week entered")
                if weeks == 1
                else self.tr("{n} weeks entered").format(n=weeks)
            ),
            ImportKind.TIMINGS: (
                self.tr("1 task timed")
                if timed == 1
                else self.tr("{n} tasks timed").format(n=timed)
            ),
            ImportKind.SATISFACTION: self.tr("{done} of {total} answered").format(
                done=self.survey.survey.answered(), total=people
            ),
            ImportKind.KNOWLEDGE: self.tr("{done} of {total} scored").format(
                done=self.knowledge.scores.filled(), total=people
            ),
            ImportKind.ENGAGEMENT: self.tr("{done} of {total} scored").format(
                done=self.engagement.scores.filled(), total=people
            ),
            ImportKind.APPLICATIONS: (
                self.tr("1 entry") if logged == 1 else self.tr("{n} entries").format(n=logged)
            ),
        }
        for position, kind in enumerate(ORDER):
            item = self.nav.item(position)
            item.setText(f"{kind_title(kind)}\n{counts[kind]}")
            item.setToolTip(counts[kind])

    # Importing ---------------------------------------------------------------------------
    def open_import(self, kind: ImportKind) -> TrackingImportDialog | None:
        """Open the import for a kind of measurement (non-blocking; tests drive the dialog)."""
        if self.pilot_id is None:
            return None
        dialog = TrackingImportDialog(self.services, self.pilot_id, kind, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._import_closed(dialog))
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _import_closed(self, dialog: TrackingImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        if dialog.result_ is not None:
            self.reload()
