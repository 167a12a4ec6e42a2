"""One person's page of the rating entry form: a row per skill, then the attitude statements.

The panel shows values and says what they mean; saving and moving between boxes belong to
the entry form. Boxes are ordered like the paper forms: the person's own column top to
bottom, then the manager's column, then the statements.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.skills.catalogue import SkillCatalogue
from app.skills.service import PersonSheet
from db.models import Rater, Track
from ui.look import make_heading, make_muted, state_colour
from ui.people.labels import track_label
from ui.people.naming import named
from ui.skills.level_input import AnswerField

DISAGREEMENT = 2
"""Self and manager ratings this many levels apart are flagged for a conversation."""
SAVED_NOTICE_MS = 2500


class PersonSheetPanel(QWidget):
    """Header, skill rows with Self (and Manager) boxes, statements, and what a level means."""

    level_clicked = Signal(int)
    """A level button under the table was clicked: answer the current box with it."""

    def __init__(
        self, catalogue: SkillCatalogue, with_managers: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_sheet")
        self.catalogue = catalogue
        self.with_managers = with_managers
        self.self_fields: dict[str, AnswerField] = {}
        self.manager_fields: dict[str, AnswerField] = {}
        self.attitude_fields: dict[str, AnswerField] = {}
        self.flags: dict[str, QLabel] = {}
        self._targets: dict[str, QLabel] = {}
        self._row_labels: dict[AnswerField, QLabel] = {}
        self._current: AnswerField | None = None

        self.name_label = make_heading("", self, 1.3, "person_name")
        self.details_label = make_muted("", self, "person_details")
        self.save_state = named(QLabel(self), "save_state")
        self.save_state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._saved_timer = QTimer(self, singleShot=True, interval=SAVED_NOTICE_MS)
        self._saved_timer.timeout.connect(self._show_idle)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.name_label)
        titles.addWidget(self.details_label)
        header.addLayout(titles, 1)
        header.addWidget(self.save_state, 0, Qt.AlignmentFlag.AlignTop)

        self.sheet_scroll = named(QScrollArea(self), "sheet_scroll")
        self.sheet_scroll.setWidgetResizable(True)
        self.sheet_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sheet_scroll.setWidget(self._build_table())

        self.meaning = named(QLabel(self), "level_meaning")
        self.meaning.setWordWrap(True)
        self.meaning.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.meaning.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint = named(QLabel(self), "entry_hint")
        self.hint.setStyleSheet("color: #c62828;")
        self.hint.setWordWrap(True)
        self.level_buttons: dict[int, QToolButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for number in range(0, 6):
            button = named(QToolButton(self), f"choose_{number}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _checked=False, n=number: self.level_clicked.emit(n))
            self.level_buttons[number] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        below = named(QFrame(self), "meaning_box")
        below.setFrameShape(QFrame.Shape.StyledPanel)
        below_layout = QVBoxLayout(below)
        below_layout.addWidget(self.meaning)
        below_layout.addLayout(buttons)
        below_layout.addWidget(self.hint)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.sheet_scroll, 1)
        layout.addWidget(below)
        self._show_idle()

    # Building ----------------------------------------------------------------------------
    def _build_table(self) -> QWidget:
        table = QWidget()
        column = QVBoxLayout(table)
        column.setSpacing(self.fontMetrics().lineSpacing())
        column.addLayout(self._skill_rows(table))
        column.addLayout(self._statement_rows(table))
        column.addStretch(1)
        return table

    def _skill_rows(self, table: QWidget) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(5, 1)
        headings = [self.tr("Skill"), self.tr("Target"), self.tr("Self")]
        if self.with_managers:
            headings.append(self.tr("Manager"))
        for column, text in enumerate(headings):
            label = QLabel(text, table)
            label.setObjectName(f"column_{column}")
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            if column:
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, column)
        levels = [level.level for level in self.catalogue.scale]
        scale_names = ", ".join(f"{level.level} {level.name}" for level in self.catalogue.scale)
        for row, skill in enumerate(self.catalogue.skills, start=1):
            name = QLabel(skill.name, table)
            name.setObjectName(f"skill_{skill.key}")
            name.setToolTip(
                "<p><b>{name}</b><br>{description}</p><p>{levels}</p>".format(
                    name=escape(skill.name),
                    description=escape(skill.description),
                    levels="<br>".join(
                        f"<b>{level.level} {escape(level.name)}</b>: "
                        f"{escape(skill.levels[level.level])}"
                        for level in self.catalogue.scale
                    ),
                )
            )
            name.setAutoFillBackground(True)
            grid.addWidget(name, row, 0)
            target = named(QLabel(table), f"target_{skill.key}")
            target.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._targets[skill.key] = target
            grid.addWidget(target, row, 1)
            own = self._field(table, levels, skill.key, Rater.SELF)
            own.setObjectName(f"self_{skill.key}")
            own.setToolTip(self.tr("Their own rating, 0 to 4: {scale}").format(scale=scale_names))
            self.self_fields[skill.key] = own
            self._row_labels[own] = name
            grid.addWidget(own, row, 2, Qt.AlignmentFlag.AlignCenter)
            if self.with_managers:
                manager = self._field(table, levels, skill.key, Rater.MANAGER)
                manager.setObjectName(f"manager_{skill.key}")
                manager.setToolTip(
                    self.tr("Their manager's rating, 0 to 4: {scale}").format(scale=scale_names)
                )
                self.manager_fields[skill.key] = manager
                self._row_labels[manager] = name
                grid.addWidget(manager, row, 3, Qt.AlignmentFlag.AlignCenter)
            flag = named(QLabel(table), f"differ_{skill.key}")
            flag.setStyleSheet(f"color: {state_colour('in_progress', self.palette()).name()};")
            policy = flag.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            flag.setSizePolicy(policy)
            flag.hide()
            self.flags[skill.key] = flag
            grid.addWidget(flag, row, 4)

        return grid

    def _statement_rows(self, table: QWidget) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(2, 1)
        heading = QLabel(self.tr("How they feel about AI at work"), table)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        grid.addWidget(heading, 0, 0)
        answer = QLabel(self.tr("1–5"), table)
        answer.setFont(font)
        answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(answer, 0, 1)
        agreement = ", ".join(
            f"{number} {label}" for number, label in sorted(self.catalogue.agreement_labels.items())
        )
        for row, item in enumerate(self.catalogue.attitudes, start=1):
            statement = QLabel(item.statement, table)
            statement.setObjectName(f"statement_{item.key}")
            statement.setAutoFillBackground(True)
            grid.addWidget(statement, row, 0)
            field = AnswerField(sorted(self.catalogue.agreement_labels), item_key=item.key)
            field.setParent(table)
            field.setObjectName(f"attitude_{item.key}")
            field.setToolTip(self.tr("How far they agree: {scale}").format(scale=agreement))
            self.attitude_fields[item.key] = field
            self._row_labels[field] = statement
            grid.addWidget(field, row, 1, Qt.AlignmentFlag.AlignCenter)
        return grid

    @staticmethod
    def _field(parent: QWidget, scale: list[int], skill_key: str, rater: Rater) -> AnswerField:
        field = AnswerField(scale, skill_key=skill_key, rater=rater)
        field.setParent(parent)
        return field

    @property
    def current(self) -> AnswerField | None:
        """The box whose meaning is shown: the focused one, or the last one focused."""
        return self._current

    @property
    def fields(self) -> list[AnswerField]:
        """Every answer box in entry order: own column, manager's column, statements."""
        return [
            *self.self_fields.values(),
            *self.manager_fields.values(),
            *self.attitude_fields.values(),
        ]

    # Showing -----------------------------------------------------------------------------
    def show_sheet(self, sheet: PersonSheet) -> None:
        self.name_label.setText(sheet.display_name)
        self.name_label.setAccessibleName(sheet.display_name)
        track = track_label(Track(sheet.track)) if sheet.track in set(Track) else sheet.track
        self.details_label.setText(
            self.tr("{department} · {role} · Track: {track}").format(
                department=sheet.department or self.tr("No department"),
                role=sheet.role or self.tr("No role"),
                track=track,
            )
        )
        for key, label in self._targets.items():
            target = sheet.targets.get(key)
            label.setText("" if target is None else str(target))
            if target is not None:
                label.setToolTip(
                    self.tr("Target for their role: {level} {name}").format(
                        level=target, name=self.catalogue.level(target).name
                    )
                )
        for key, field in self.self_fields.items():
            field.set_value(sheet.self_levels.get(key))
        for key, field in self.manager_fields.items():
            field.set_value(sheet.manager_levels.get(key))
        for key, field in self.attitude_fields.items():
            field.set_value(sheet.attitudes.get(key))
        for key in self.flags:
            self.update_flag(key)
        self.hint.clear()
        self._show_idle()
        if self._current is not None:
            self.show_meaning(self._current)

    def update_flag(self, skill_key: str) -> None:
        """Flag a skill where the person and their manager are two levels or more apart."""
        flag = self.flags[skill_key]
        manager = self.manager_fields.get(skill_key)
        own = self.self_fields[skill_key].value
        if manager is None or manager.value is None or own is None:
            flag.hide()
            return
        apart = abs(own - manager.value)
        flag.setVisible(apart >= DISAGREEMENT)
        flag.setText(self.tr("⚠ {n} apart").format(n=apart))
        flag.setToolTip(
            self.tr(
                "The person and their manager see this skill {n} levels apart: "
                "worth a conversation."
            ).format(n=apart)
        )

    def show_meaning(self, field: AnswerField) -> None:
        """Say what the box's value means for its skill (or statement), and offer the levels."""
        if self._current is not None and self._current in self._row_labels:
            self._row_labels[self._current].setBackgroundRole(QPalette.ColorRole.Window)
            self._row_labels[self._current].setForegroundRole(QPalette.ColorRole.WindowText)
        self._current = field
        row_label = self._row_labels.get(field)
        if row_label is not None:
            row_label.setBackgroundRole(QPalette.ColorRole.Highlight)
            row_label.setForegroundRole(QPalette.ColorRole.HighlightedText)
        if field.skill_key is not None:
            skill = self.catalogue.skill(field.skill_key)
            who = self.tr("Manager's rating") if field.rater is Rater.MANAGER else self.tr("Self")
            if field.value is None:
                text = self.tr("{skill} ({who}): {description}\nType 0 to 4.").format(
                    skill=skill.name, who=who, description=skill.description
                )
            else:
                text = self.tr("{skill} ({who})\n{level} – {name}: {meaning}").format(
                    skill=skill.name,
                    who=who,
                    level=field.value,
                    name=self.catalogue.level(field.value).name,
                    meaning=skill.levels[field.value],
                )
            choices = {level.level: level.name for level in self.catalogue.scale}
            tips = skill.levels
        else:
            item = next(a for a in self.catalogue.attitudes if a.key == field.item_key)
            labels = self.catalogue.agreement_labels
            if field.value is None:
                text = self.tr("“{statement}”\nType 1 (strongly disagree) to 5 (strongly agree).")
                text = text.format(statement=item.statement)
            else:
                text = self.tr("“{statement}”\n{value} – {label}").format(
                    statement=item.statement, value=field.value, label=labels[field.value]
                )
            choices = dict(labels)
            tips = dict(labels)
        self.meaning.setText(text)
        for number, button in self.level_buttons.items():
            if number in choices:
                button.setText(f"{number} {choices[number]}")
                button.setToolTip(tips[number])
                button.setCheckable(True)
                button.setChecked(number == field.value)
            button.setVisible(number in choices)

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)

    def show_saved(self) -> None:
        colour = state_colour("done", self.palette()).name()
        self.save_state.setStyleSheet(f"color: {colour};")
        self.save_state.setText(self.tr("✓ Saved"))
        self._saved_timer.start()

    def show_unsaved(self) -> None:
        self._saved_timer.stop()
        self.save_state.setStyleSheet("color: #c62828;")
        self.save_state.setText(self.tr("Not saved"))

    def _show_idle(self) -> None:
        self.save_state.setStyleSheet("")
        self.save_state.setText(self.tr("Each answer saves as you type it."))
