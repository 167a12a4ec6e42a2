"""The weekly check-ins section: a week chooser over the check-in grid, and who is missing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QComboBox, QHeaderView, QLabel, QWidget

from app.pilots.records import CheckInRow, ParticipantRow, PilotDetails
from app.pilots.tracking import MAX_WEEKS, PilotTrackingService, check_in_features
from app.pilots.tracking_import_model import ImportKind
from ui.look import make_muted
from ui.people.naming import named
from ui.pilots.check_in_grid import CheckInModel
from ui.pilots.tracking_features import FeaturesDelegate
from ui.pilots.tracking_section import MeasurementSection
from ui.pilots.tracking_table import TextDelegate

_CONTEXT = "CheckIns"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _day(on: date, pattern: str) -> str:
    return QLocale().toString(QDate(on.year, on.month, on.day), pattern)


def week_dates(first: date) -> str:
    """ "16–22 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027"."""
    last = first + timedelta(days=6)
    if first.year != last.year:
        return f"{_day(first, 'd MMM yyyy')} – {_day(last, 'd MMM yyyy')}"
    if first.month != last.month:
        return f"{_day(first, 'd MMM')} – {_day(last, 'd MMM yyyy')}"
    return f"{first.day}–{_day(last, 'd MMM yyyy')}"


def week_label(starts_on: date | None, week: int) -> str:
    """ "Week 3 · 16–22 Nov 2026" (just "Week 3" without a start date)."""
    name = _tr("Week {week}").format(week=week)
    if starts_on is None:
        return name
    return f"{name} · {week_dates(starts_on + timedelta(weeks=week - 1))}"


def weeks_to_offer(pilot: PilotDetails, recorded: set[int], today: date) -> tuple[int, int]:
    """(last week to offer, week to start on): weeks begun so far (to the end) and any with data."""
    current = pilot.week_of(today)
    last = current or 1
    if pilot.ends_on is not None and pilot.starts_on is not None and current is not None:
        last = min(last, pilot.week_of(pilot.ends_on) or 1)
    if pilot.starts_on is None:
        last = max(last, 12)
    last = min(max([last, *recorded]), MAX_WEEKS)
    return last, min(current or 1, last)


class CheckInSection(MeasurementSection):
    def __init__(self, tracking: PilotTrackingService, parent: QWidget | None = None) -> None:
        model = CheckInModel(tracking, check_in_features())
        super().__init__(
            ImportKind.CHECK_INS,
            _tr("Weekly check-ins"),
            _tr(
                "Each week, how many days each participant used the AI tool, what for and how "
                "long they spent learning. Type a digit in Days used and the cursor moves "
                "down; in Features used, type 1–{n} to tick a feature or press Space for the "
                "list."
            ).format(n=len(check_in_features())),
            model,
            parent,
        )
        model.setParent(self)
        self.grid = model
        self.pilot: PilotDetails | None = None
        week_label_widget = QLabel(self.tr("&Week:"), self)
        self.week_picker = named(QComboBox(self), "week_picker")
        self.week_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.week_picker.setAccessibleName(self.tr("Week"))
        week_label_widget.setBuddy(self.week_picker)
        self.week_picker.currentIndexChanged.connect(self._week_chosen)
        self.summary = named(QLabel(self), "week_summary")
        self.summary.setWordWrap(True)
        self.note = named(make_muted("", self), "week_note")
        QWidget.setTabOrder(self.week_picker, self.view)
        self.controls.addWidget(week_label_widget)
        self.controls.addWidget(self.week_picker)
        self.controls.addSpacing(12)
        self.controls.addWidget(self.summary, 1)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.note)
        self.view.setItemDelegateForColumn(CheckInModel.DAYS, TextDelegate(self.view))
        self.view.setItemDelegateForColumn(
            CheckInModel.FEATURES, FeaturesDelegate(check_in_features(), self.view)
        )
        self.view.setItemDelegateForColumn(CheckInModel.HOURS, TextDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(CheckInModel.FEATURES, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(CheckInModel.PERSON, 190)
        self.view.setColumnWidth(CheckInModel.DAYS, 110)
        self.view.setColumnWidth(CheckInModel.HOURS, 110)
        self.view.setColumnWidth(CheckInModel.STATUS, 200)
        model.dataChanged.connect(lambda *_args: self._summarise())
        model.modelReset.connect(self._summarise)

    def load(
        self,
        pilot: PilotDetails,
        people: Sequence[ParticipantRow],
        check_ins: Sequence[CheckInRow],
        today: date,
    ) -> None:
        same = self.pilot is not None and self.pilot.id == pilot.id
        chosen = self.grid.week if same else None
        self.pilot = pilot
        self.grid.load(pilot.id, people, check_ins)
        last, current = weeks_to_offer(pilot, self.grid.weeks_with_data(), today)
        self.week_picker.blockSignals(True)
        self.week_picker.clear()
        for week in range(1, last + 1):
            self.week_picker.addItem(week_label(pilot.starts_on, week), week)
        wanted = chosen if chosen is not None and chosen <= last else current
        self.week_picker.setCurrentIndex(max(self.week_picker.findData(wanted), 0))
        self.week_picker.blockSignals(False)
        self.grid.set_week(int(self.week_picker.currentData() or 1))
        if pilot.starts_on is None:
            self.note.setText(
                self.tr("The pilot has no start date yet, so weeks are shown without dates.")
            )
        elif pilot.starts_on > today:
            self.note.setText(
                self.tr("The pilot starts on {date}; week 1 is its first week.").format(
                    date=_day(pilot.starts_on, "d MMMM yyyy")
                )
            )
        else:
            self.note.clear()
        self.note.setVisible(bool(self.note.text()))
        self._summarise()

    def _week_chosen(self) -> None:
        week = self.week_picker.currentData()
        if week is not None:
            self.forget_undo()
            self.grid.set_week(int(week))

    def _summarise(self) -> None:
        total = self.grid.rowCount()
        done = len(self.grid.checked_in())
        missing = self.grid.not_checked_in()
        text = self.tr("{done} of {total} checked in for week {week}.").format(
            done=done, total=total, week=self.grid.week
        )
        if missing and done:
            names = ", ".join(p.display_name for p in missing[:8])
            more = len(missing) - 8
            if more > 0:
                names += " " + self.tr("and {n} more").format(n=more)
            text += " " + self.tr("Not checked in yet: {names}.").format(names=names)
        elif not done:
            text += " " + self.tr("No one has checked in for this week yet.")
        self.summary.setText(text)
