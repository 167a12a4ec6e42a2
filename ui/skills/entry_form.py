"""Entering a pile of paper survey forms fast: the people asked on the left, one sheet on the right.

The keyboard is the point: a valid digit saves at once and moves on, Enter and Tab skip,
Backspace clears, and after a person's last box Enter goes to the next person.
PageDown/PageUp change person and Ctrl+F jumps to the search.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError
from app.events import Change, Topic
from app.skills.service import CampaignRow, PersonSheet
from db.models import Rater
from ui.change_bridge import ChangeBridge
from ui.look import make_heading, make_muted
from ui.messages import show_error
from ui.people.naming import named
from ui.skills.level_input import AnswerField
from ui.skills.participant_list import PERSON_ID_ROLE, ParticipantListModel, entry_state
from ui.skills.person_sheet import PersonSheetPanel

_REFRESH_TOPICS = frozenset({Topic.SKILLS, Topic.PEOPLE})


def asks_managers(campaign: CampaignRow | None) -> bool:
    """Whether a survey asks managers to rate their people (an unknown survey: assume so)."""
    return campaign.with_managers if campaign is not None else True


class EntryForm(QWidget):
    """The rating entry form of one survey: every answer is saved the moment it is typed."""

    answer_saved = Signal(int)
    """The id of the person whose answer was just saved (or cleared)."""
    person_shown = Signal(int)

    def __init__(
        self,
        services: AppServices,
        bridge: ChangeBridge,
        campaign_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("entry_form")
        self._services = services
        self.campaign_id = campaign_id
        self.person_id: int | None = None
        self._sheet: PersonSheet | None = None
        self._saving = False
        self._following = False
        self._shown_once = False
        catalogue = services.skills.catalogue()
        campaign = next((c for c in services.skills.campaigns() if c.id == campaign_id), None)
        self.with_managers = asks_managers(campaign)

        self.title = make_heading(
            self.tr("Enter answers: {name}").format(name=campaign.name if campaign else ""),
            self,
            1.2,
            "entry_title",
        )
        self.progress = named(QLabel(self), "entry_progress")
        keys = make_muted(
            self.tr(
                "Type a digit to save it and move on. Enter or Tab skips, Backspace clears, "
                "Shift+Tab goes back. PageDown/PageUp: next or previous person. "
                "Ctrl+F: find a person."
            ),
            self,
            "entry_keys",
        )

        self.search = named(QLineEdit(self), "participant_search")
        self.search.setPlaceholderText(self.tr("Find a person (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.model = ParticipantListModel(self)
        self.people_list = named(QListView(self), "participants")
        self.people_list.setModel(self.model)
        self.people_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people_list.setUniformItemSizes(True)
        self.people_list.setAccessibleName(self.tr("People asked"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.people_list, 1)

        self.panel = PersonSheetPanel(catalogue, self.with_managers, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 740])
        splitter.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(keys)
        layout.addWidget(splitter, 1)

        for field in self.panel.fields:
            field.answered.connect(lambda value, f=field: self._answered(f, value))
            field.refused.connect(lambda text, f=field: self._refused(f, text))
            field.forward.connect(lambda f=field: self._forward(f))
            field.backward.connect(lambda f=field: self._move(f, -1))
            field.focused.connect(lambda f=field: self._field_focused(f))
        self.panel.level_clicked.connect(self._level_clicked)
        for before, after in itertools.pairwise(
            [self.search, self.people_list, *self.panel.fields]
        ):
            QWidget.setTabOrder(before, after)
        self.search.textEdited.connect(self._search_changed)
        self.search.returnPressed.connect(self.focus_first_empty)
        self.people_list.selectionModel().currentChanged.connect(self._current_changed)
        self.people_list.clicked.connect(lambda _index: self.focus_first_empty())
        self.people_list.activated.connect(lambda _index: self.focus_first_empty())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.step_person(1), context)
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.step_person(-1), context)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search, context)
        bridge.changed.connect(self._on_change)

        self._load_participants()
        self._select_first_to_enter()

    # People ------------------------------------------------------------------------------
    def _load_participants(self) -> None:
        try:
            participants = self._services.skills.participants(self.campaign_id)
        except UserFacingError:
            participants = []
        self.model.set_participants(participants)
        self._update_progress()

    def _select_first_to_enter(self) -> None:
        people = self.model.people()
        first = next((p for p in people if entry_state(p) != "done"), people[0] if people else None)
        self.panel.setEnabled(first is not None)
        if first is not None:
            self.show_person(first.person_id)

    def show_person(self, person_id: int, *, focus: bool = False) -> None:
        """Show a person's sheet and select them in the list; ``focus`` their first empty box."""
        try:
            sheet = self._services.skills.sheet(self.campaign_id, person_id)
        except UserFacingError as error:
            show_error(self, error, action=self.tr("Show the person's answers"))
            return
        self.person_id = person_id
        self._sheet = sheet
        self.panel.show_sheet(sheet)
        row = self.model.row_of(person_id)
        if row is not None:
            index = self.model.index(row, 0)
            self._following = True
            try:
                self.people_list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._following = False
            self.people_list.scrollTo(index)
        if focus:
            self.focus_first_empty()
        self.person_shown.emit(person_id)

    def step_person(self, step: int) -> None:
        """Go to the next (1) or previous (-1) person; keeps typing in the sheet if it was."""
        current = self.model.row_of(self.person_id) if self.person_id is not None else None
        row = self.model.step(current, step)
        person = self.model.person_at(row) if row is not None else None
        if person is None:
            if step > 0:
                self.panel.show_hint(self.tr("That was the last person in the list."))
            return
        typing = isinstance(QApplication.focusWidget(), AnswerField)
        self.show_person(person.person_id, focus=typing)

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        if self._following or not current.isValid():
            return
        person_id = current.data(PERSON_ID_ROLE)
        if person_id is not None and person_id != self.person_id:
            self.show_person(int(person_id))

    def _search_changed(self, text: str) -> None:
        row = self.model.find(text)
        person = self.model.person_at(row) if row is not None else None
        if person is not None and person.person_id != self.person_id:
            self.show_person(person.person_id)
        self.search.setProperty("not_found", bool(text.strip()) and person is None)
        self.search.setStyleSheet(
            "QLineEdit { color: #c62828; }" if self.search.property("not_found") else ""
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # Moving between boxes ----------------------------------------------------------------
    def focus_first_empty(self) -> None:
        fields = self.panel.fields
        target = next((f for f in fields if f.value is None), fields[0])
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _move(self, field: AnswerField, step: int) -> None:
        fields = self.panel.fields
        position = fields.index(field) + step
        if 0 <= position < len(fields):
            fields[position].setFocus(
                Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason
            )

    def _forward(self, field: AnswerField) -> None:
        if field is self.panel.fields[-1]:
            self.step_person(1)
        else:
            self._move(field, 1)

    def _field_focused(self, field: AnswerField) -> None:
        self.panel.show_meaning(field)
        self.panel.sheet_scroll.ensureWidgetVisible(field, 40, 40)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once and self.person_id is not None:
            self._shown_once = True
            self.focus_first_empty()

    # Saving ------------------------------------------------------------------------------
    def _level_clicked(self, value: int) -> None:
        field = self.panel.current
        if field is not None and self.person_id is not None:
            field.setFocus(Qt.FocusReason.MouseFocusReason)
            field.choose(value)

    def _refused(self, field: AnswerField, text: str) -> None:
        low, high = field.scale[0], field.scale[-1]
        if field.skill_key is not None:
            hint = self.tr("“{typed}” is not a level: type a digit from {low} to {high}.")
        else:
            hint = self.tr("“{typed}” is not an answer: type a digit from {low} to {high}.")
        self.panel.show_hint(hint.format(typed=text, low=low, high=high))

    def _answered(self, field: AnswerField, value: int | None) -> None:
        if self.person_id is None:
            return
        self.panel.show_hint("")
        if not self._save(field, value):
            return
        if value is not None and field is not self.panel.fields[-1]:
            self._move(field, 1)
        else:
            self.panel.show_meaning(field)

    def _save(self, field: AnswerField, value: int | None) -> bool:
        """Save one answer at once; on a storage error keep the value shown, marked unsaved."""
        assert self.person_id is not None
        skills = self._services.skills
        self._saving = True
        try:
            if field.skill_key is not None and field.rater is not None:
                skills.rate(
                    self.campaign_id,
                    self.person_id,
                    field.skill_key,
                    rater=field.rater,
                    level=value,
                )
            elif field.item_key is not None:
                skills.answer_attitude(self.campaign_id, self.person_id, field.item_key, value)
        except UserFacingError as error:
            field.mark_unsaved(True)
            self.panel.show_unsaved()
            show_error(self, error, action=self.tr("Save the answer"))
            return False
        finally:
            self._saving = False
        field.set_value(value)
        self._remember(field, value)
        self.panel.show_saved()
        self.answer_saved.emit(self.person_id)
        return True

    def _remember(self, field: AnswerField, value: int | None) -> None:
        """Keep the shown sheet and the list marker in step with what was saved, without a read."""
        sheet = self._sheet
        if sheet is None:
            return
        if field.skill_key is not None:
            levels = sheet.manager_levels if field.rater is Rater.MANAGER else sheet.self_levels
            levels[field.skill_key] = value
            self.panel.update_flag(field.skill_key)
            rated = sum(1 for level in sheet.self_levels.values() if level is not None)
            self.model.set_rated(sheet.person_id, rated)
            self._update_progress()
        elif field.item_key is not None:
            sheet.attitudes[field.item_key] = value

    def _update_progress(self) -> None:
        people = self.model.people()
        done = sum(1 for p in people if p.complete)
        self.progress.setText(
            self.tr("{done} of {people} people have rated every skill").format(
                done=done, people=len(people)
            )
        )

    # Changes from elsewhere --------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if self._saving or not change.topics & _REFRESH_TOPICS:
            return
        if Topic.PEOPLE not in change.topics and change.ids and self.campaign_id not in change.ids:
            return
        self._load_participants()
        if self.person_id is not None and self.model.row_of(self.person_id) is not None:
            focused = QApplication.focusWidget()
            self.show_person(self.person_id)
            if isinstance(focused, AnswerField) and focused.isVisible():
                self.panel.show_meaning(focused)
        else:
            self._select_first_to_enter()
