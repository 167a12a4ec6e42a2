"""Capacity: the learning hours each department has planned per month against its protected
learning time, with the months that are over listed in plain words and what to do about it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.events import Topic
from app.paths.capacity import MAX_HOURS_PER_WEEK, CapacityView
from app.paths.planning import MonthLoad
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.paths.capacity_model import CapacityModel
from ui.paths.progress_labels import month_text, whole_hours_text
from ui.people.empty_state import EmptyStatePanel
from ui.people.naming import named
from ui.refresh_when_shown import RefreshWhenShown

REFRESH_TOPICS = frozenset(
    {Topic.PATHS, Topic.ORGANISATION, Topic.PEOPLE, Topic.DEPARTMENTS, Topic.DATA_FILE}
)


class CapacityTab(QWidget):
    """The protected time per week, the department × month table, and the overloads."""

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        bridge: ChangeBridge | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capacity_tab")
        self.services = services
        self.view: CapacityView | None = None
        self._build()
        self.refresher = RefreshWhenShown(self, bridge, REFRESH_TOPICS, self.reload)
        self.reload()

    # Building ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        pace_row = QHBoxLayout()
        pace_label = QLabel(self.tr("&Protected learning time:"), self)
        self.hours = named(QDoubleSpinBox(self), "hours_per_week")
        self.hours.setRange(0.0, MAX_HOURS_PER_WEEK)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h a week"))
        self.hours.setKeyboardTracking(False)
        self.hours.setAccessibleName(self.tr("Protected learning time, hours a week per person"))
        pace_label.setBuddy(self.hours)
        self.hours.editingFinished.connect(self.save_hours)
        pace_row.addWidget(pace_label)
        pace_row.addWidget(self.hours)
        pace_row.addWidget(
            make_muted(
                self.tr(
                    "per person, in working time. A department's capacity in a month is its "
                    "people × this × the weeks in the month."
                ),
                self,
            ),
            1,
        )
        layout.addLayout(pace_row)
        self.hours_error = named(QLabel(self), "hours_error")
        self.hours_error.setWordWrap(True)
        self.hours_error.setStyleSheet("color: #c62828;")
        self.hours_error.hide()
        layout.addWidget(self.hours_error)

        self.stack = QStackedWidget(self)
        self.empty_state = EmptyStatePanel(
            self.tr("No learning planned yet"),
            self.tr(
                "Once a path is assigned, the hours each department has to learn each month "
                "show here against its protected learning time, and months that ask too "
                "much are flagged."
            ),
            self.stack,
        )
        self.empty_state.setObjectName("capacity_empty_state")
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self._build_main())
        layout.addWidget(self.stack, 1)

    def _build_main(self) -> QWidget:
        main = QWidget(self.stack)
        column = QVBoxLayout(main)
        column.setContentsMargins(0, 0, 0, 0)
        self.summary = named(QLabel(main), "capacity_summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        column.addWidget(self.summary)
        self.model = CapacityModel(self)
        self.table = named(QTableView(main), "capacity_table")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Learning hours planned per department and month"))
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        column.addWidget(self.table)
        self.folded_note = make_muted("", main, "folded_note")
        column.addWidget(self.folded_note)
        column.addWidget(make_heading(self.tr("Months over the protected time"), main, 1.05))
        self.no_overloads = make_muted(
            self.tr("No department has more planned than its protected time in any month."),
            main,
            "no_overloads",
        )
        column.addWidget(self.no_overloads)
        self.overload_list = named(QListWidget(main), "overload_list")
        self.overload_list.setAccessibleName(self.tr("Months over the protected time"))
        self.overload_list.setWordWrap(True)
        self.overload_list.setSpacing(2)
        column.addWidget(self.overload_list)
        column.addStretch(1)
        return main

    # Reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.refresher.done()
        view = self.services.capacity.capacity()
        self.view = view
        if not self.hours.hasFocus():
            self.hours.blockSignals(True)
            self.hours.setValue(view.hours_per_week)
            self.hours.blockSignals(False)
        self.stack.setCurrentIndex(1 if view.loads else 0)
        self.model.set_view(view)
        self._size_columns()
        overloads = view.overloads
        months = len(overloads)
        departments = len({load.department for load in overloads})
        if months:
            self.summary.setText(
                self.tr("{months} over the protected time, in {departments}").format(
                    months=self._count(months, self.tr("1 month"), self.tr("{n} months")),
                    departments=self._count(
                        departments, self.tr("1 department"), self.tr("{n} departments")
                    ),
                )
            )
        else:
            self.summary.setText(self.tr("Every month fits within the protected time"))
        self.folded_note.setText(
            self.tr(
                "Departments of fewer than {n} people are added up as one “Other” line, so "
                "no small group is shown on its own."
            ).format(n=view.threshold)
        )
        self.overload_list.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for load in overloads:
            self.overload_list.addItem(QListWidgetItem(warning, self.overload_text(load)))
        self.overload_list.setVisible(bool(overloads))
        self._fit_overload_list()
        self.no_overloads.setVisible(not overloads)

    def _fit_overload_list(self) -> None:
        """As tall as its lines, up to eight; more scroll."""
        lines = min(max(self.overload_list.count(), 1), 8)
        spacing = self.overload_list.spacing()
        row = max(self.overload_list.sizeHintForRow(0), self.fontMetrics().height()) + 2 * spacing
        frame = 2 * self.overload_list.frameWidth()
        self.overload_list.setFixedHeight(lines * row + frame + spacing)

    def _size_columns(self) -> None:
        """The department column as wide as its names; every month column equally wide."""
        self.table.resizeColumnToContents(CapacityModel.DEPARTMENT)
        months = range(1, self.model.columnCount())
        widest = max((self.table.sizeHintForColumn(c) for c in months), default=0)
        header = self.table.horizontalHeader()
        widest = max([widest] + [header.sectionSizeFromContents(c).width() for c in months])
        for month in months:
            self.table.setColumnWidth(month, widest + 8)

    @staticmethod
    def _count(n: int, one: str, many: str) -> str:
        return one if n == 1 else many.format(n=n)

    def overload_text(self, load: MonthLoad) -> str:
        return self.tr(
            "{department}, {month}: {hours} planned, {capacity} of protected time — move some "
            "due dates or spread the path"
        ).format(
            department=load.department,
            month=month_text(load.month),
            hours=whole_hours_text(load.hours),
            capacity=whole_hours_text(load.capacity_hours),
        )

    def overload_lines(self) -> list[str]:
        """The overload sentences shown (for tests and screen readers)."""
        if self.overload_list.isHidden():
            return []
        return [self.overload_list.item(i).text() for i in range(self.overload_list.count())]

    # Saving ------------------------------------------------------------------------------
    def save_hours(self) -> None:
        """Save the protected time when it was changed; a refused value is explained."""
        value = round(self.hours.value(), 1)
        self.hours_error.hide()
        if self.view is not None and value == round(self.view.hours_per_week, 1):
            return
        try:
            self.services.capacity.set_hours_per_week(value)
        except ValidationError as error:
            self.hours_error.setText(error.message)
            self.hours_error.show()
            return
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Save the protected learning time"))
            return
        self.reload()

    # Changes -----------------------------------------------------------------------------
    def refresh_pending(self) -> bool:
        """True while a change has arrived that the page has not caught up with."""
        return self.refresher.pending()
