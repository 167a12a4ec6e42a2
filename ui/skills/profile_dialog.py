"""One person's skills profile: their levels and gaps in every survey they were asked in.

For the HR person's conversation with someone (it names them): per survey, each skill's
target, the person's own level, the manager's, the level agreed and the gap, with pairs of
ratings far apart flagged; after two surveys, how the agreed levels moved; and the path of
their track trimmed to their gaps.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import ValidationError
from app.skills.results import PersonSkills, SkillLine
from ui.look import is_dark, make_heading, make_muted
from ui.paths.assign_person_plan import PersonPlanView
from ui.people.glyphs import champion_icon
from ui.people.labels import track_label
from ui.people.naming import named
from ui.skills.figure_labels import date_text, number_text
from ui.skills.gap_colours import change_colour, gap_colour, text_colour_on

_Index = QModelIndex | QPersistentModelIndex

DISAGREEMENT_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, DISAGREEMENT_ROLE)`` is True on a skill whose two ratings are far apart."""


def level_text(value: float | None) -> str:
    """A level or gap as people read it: "2", "2.5"; empty when not rated."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return number_text(value)


def change_text(change: float) -> str:
    """A change of level with its sign: "+2", "−1" (a real minus), "0"."""
    if change > 0:
        return "+" + level_text(change)
    if change < 0:
        return "−" + level_text(-change)
    return "0"


def _disagreement_colour() -> QColor:
    return QColor("#7a5a00" if is_dark(QGuiApplication.palette()) else "#ffe08a")


class SkillLinesModel(QAbstractTableModel):
    """One row per skill of one survey: target, self, manager, agreed level and gap."""

    SKILL, TARGET, SELF, MANAGER, AGREED, GAP = range(6)
    COLUMN_COUNT = 6

    def __init__(
        self, survey: PersonSkills, levels: dict[int, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.rows: list[SkillLine] = list(survey.skills)
        self._levels = levels
        self._flag = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._headers = [
            self.tr("Skill"),
            self.tr("Target"),
            self.tr("Self"),
            self.tr("Manager"),
            self.tr("Agreed"),
            self.tr("Gap"),
        ]

    @staticmethod
    def disagreement_tip() -> str:
        return QCoreApplication.translate(
            "SkillLinesModel", "Self and manager are 2 or more levels apart: worth a conversation"
        )

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.TARGET: self.tr("The level this person's role should reach."),
                self.SELF: self.tr("The level the person gave themselves."),
                self.MANAGER: self.tr("The level their manager gave them."),
                self.AGREED: self.tr(
                    "The manager's level where they rated, else the person's own."
                ),
                self.GAP: self.tr("How many levels below the target; 0 when it is met."),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        line = self.rows[index.row()]
        column = index.column()
        flagged = line.disagreement and column in (self.SKILL, self.SELF, self.MANAGER)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == DISAGREEMENT_ROLE:
            return line.disagreement
        if role == Qt.ItemDataRole.DecorationRole and column == self.SKILL and line.disagreement:
            return self._flag
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.SKILL:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column, flagged)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(line, column, flagged)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._background(line, column, flagged)
            return text_colour_on(colour) if colour is not None else None
        return None

    def _text(self, line: SkillLine, column: int) -> str:
        if column == self.SKILL:
            return line.name
        values = {
            self.TARGET: float(line.target),
            self.SELF: None if line.self_level is None else float(line.self_level),
            self.MANAGER: None if line.manager_level is None else float(line.manager_level),
            self.AGREED: line.agreed,
            self.GAP: line.gap,
        }
        return level_text(values.get(column))

    def _tooltip(self, line: SkillLine, column: int, flagged: bool) -> str | None:
        if flagged:
            return self.disagreement_tip()
        level = {
            self.TARGET: line.target,
            self.SELF: line.self_level,
            self.MANAGER: line.manager_level,
        }.get(column, -1)
        if level is None:
            return self.tr("Not rated yet")
        if level in self._levels:
            return f"{level} {self._levels[level]}"
        return None

    def _background(self, line: SkillLine, column: int, flagged: bool) -> QColor | None:
        if flagged and column != self.SKILL:
            return _disagreement_colour()
        if column == self.GAP and line.gap is not None:
            return gap_colour(line.gap)
        return None


class OverTimeModel(QAbstractTableModel):
    """Skill × survey (oldest first): the agreed level in each, and the change overall."""

    SKILL = 0

    def __init__(self, surveys: list[PersonSkills], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.surveys = surveys
        self.skills = [(line.key, line.name) for line in surveys[0].skills]
        self._agreed = [{line.key: line.agreed for line in s.skills} for s in surveys]
        self.change_column = len(surveys) + 1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.skills)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.surveys) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.SKILL:
            return self.tr("Skill")
        if section == self.change_column:
            return self.tr("Change")
        if 1 <= section <= len(self.surveys):
            survey = self.surveys[section - 1]
            return f"{survey.campaign_name}\n{date_text(survey.opened_on)}"
        return None

    def change(self, row: int) -> float | None:
        """The newest agreed level minus the oldest, where both were rated."""
        key = self.skills[row][0]
        first, last = self._agreed[0].get(key), self._agreed[-1].get(key)
        if first is None or last is None:
            return None
        return last - first

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.skills):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.SKILL:
            return int(Qt.AlignmentFlag.AlignCenter)
        if column == self.change_column:
            change = self.change(index.row())
            if change is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return change_text(change)
            if role == Qt.ItemDataRole.BackgroundRole:
                return change_colour(-change)  # a level up is a gap that shrank: green
            if role == Qt.ItemDataRole.ForegroundRole:
                return text_colour_on(change_colour(-change))
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key, name = self.skills[index.row()]
        if column == self.SKILL:
            return name
        return level_text(self._agreed[column - 1].get(key))


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    table = named(QTableView(), name)
    table.setModel(model)
    model.setParent(table)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("Manager") + 20)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return table


class SkillsProfileDialog(QDialog):
    """A person's skills in every survey they were asked in, newest first."""

    def __init__(
        self, services: AppServices, person_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("skills_profile")
        profile = services.skills_results.profile(person_id)
        rows = services.people.rows([person_id])
        person = rows[0] if rows else None
        levels = {level.level: level.name for level in services.skills.catalogue().scale}
        self.setWindowTitle(self.tr("Skills profile: {name}").format(name=profile.display_name))
        self.survey_tables: list[QTableView] = []
        """One table per survey, newest first."""
        self.summaries: list[QLabel] = []
        self.over_time_table: QTableView | None = None

        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(make_heading(profile.display_name, self, name="profile_name"))
        star = named(QLabel(), "champion_star")
        size = self.fontMetrics().height() + 4
        star.setPixmap(champion_icon().pixmap(size, size))
        self.champion_badge = named(QLabel(self.tr("AI champion")), "champion_badge")
        self.champion_badge.setToolTip(self.tr("Nominated as an AI champion of their department."))
        for label in (star, self.champion_badge):
            label.setVisible(profile.champion)
            title_row.addWidget(label)
        title_row.addStretch(1)
        layout.addLayout(title_row)
        details = [
            person.department if person else None,
            person.role if person else None,
            track_label(person.track) if person and person.track else None,
        ]
        self.details_label = make_muted(
            " · ".join(d for d in details if d) or self.tr("No department or role yet"),
            self,
            "profile_details",
        )
        layout.addWidget(self.details_label)

        if not profile.surveys:
            self.empty_label = make_muted(
                self.tr(
                    "{name} has not been asked in a skills survey yet. Start a survey in the "
                    "Skills area; their levels and gaps will show here once they are rated."
                ).format(name=profile.display_name),
                self,
                "profile_empty",
            )
            self.empty_label.setContentsMargins(0, 12, 0, 12)
            layout.addWidget(self.empty_label)
        else:
            self.tabs = named(QTabWidget(), "survey_tabs")
            for survey in reversed(profile.surveys):
                self.tabs.addTab(
                    self._survey_page(survey, levels),
                    f"{survey.campaign_name} · {date_text(survey.opened_on)}",
                )
            if len(profile.surveys) >= 2:
                self.over_time_table = _table(OverTimeModel(profile.surveys), "over_time_table")
                self.tabs.addTab(self.over_time_table, self.tr("Over time"))
            layout.addWidget(self.tabs, 3)
            scale = " · ".join(f"{number} {name}" for number, name in sorted(levels.items()))
            layout.addWidget(make_muted(self.tr("Levels: {scale}").format(scale=scale), self))
        section, has_path = self._path_section(services, person_id)
        layout.addWidget(section, 2 if has_path else 0)
        if not profile.surveys and not has_path:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if profile.surveys:
            self.resize(820, 780)
        else:
            self.resize(620, 480 if has_path else 260)

    def _path_section(self, services: AppServices, person_id: int) -> tuple[QWidget, bool]:
        """The path of the person's track trimmed to their gaps: what they would take, and why
        they skip the rest (or what to do first when their track has no path yet). Also says
        whether there is a path to show."""
        section = QWidget(self)
        column = QVBoxLayout(section)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(
            make_heading(self.tr("The path that would close the gaps"), self, 1.1, "path_heading")
        )
        self.path_plan = named(PersonPlanView(section), "path_plan")
        self.path_message = make_muted("", section, "path_message")
        column.addWidget(self.path_message)
        column.addWidget(self.path_plan, 1)
        try:
            suggestion = services.suggestions.suggestion(person_id)
        except ValidationError:
            self.path_message.setText(
                self.tr(
                    "No path for this track yet. Make one from a template in the Paths area; "
                    "the modules that would close these gaps then show here."
                )
            )
            self.path_plan.hide()
            return section, False
        self.path_message.hide()
        self.path_plan.show_suggestion(suggestion)
        return section, True

    @classmethod
    def show_for(
        cls, services: AppServices, person_id: int, parent: QWidget | None = None
    ) -> SkillsProfileDialog:
        """Open the profile window-modal, without blocking; tests close it like a person."""
        dialog = cls(services, person_id, parent)
        dialog.open()
        return dialog

    def _survey_page(self, survey: PersonSkills, levels: dict[int, str]) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        summary = named(QLabel(self._summary_text(survey)), f"summary_{survey.campaign_id}")
        column.addWidget(summary)
        self.summaries.append(summary)
        table = _table(SkillLinesModel(survey, levels), f"skills_table_{survey.campaign_id}")
        column.addWidget(table, 1)
        self.survey_tables.append(table)
        if any(line.disagreement for line in survey.skills):
            row = QHBoxLayout()
            flag = QLabel()
            size = self.fontMetrics().height()
            flag.setPixmap(
                self.style()
                .standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
                .pixmap(size, size)
            )
            row.addWidget(flag)
            row.addWidget(
                make_muted(SkillLinesModel.disagreement_tip(), page, "disagreement_note"), 1
            )
            column.addLayout(row)
        return page

    def _summary_text(self, survey: PersonSkills) -> str:
        mean = survey.mean_level
        if mean is None:
            return self.tr("Not rated yet in this survey.")
        total = survey.total_gap
        if total == 0:
            gap = self.tr("every target met")
        elif total == 1:
            gap = self.tr("total gap 1 level")
        else:
            gap = self.tr("total gap {n} levels").format(n=level_text(total))
        return self.tr("Mean level {mean} · {gap}").format(mean=number_text(mean), gap=gap)
