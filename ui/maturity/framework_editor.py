"""Adapt a maturity framework: its dimensions, questions, weights and level descriptions.

The built-in framework is shown read-only with a way to make an editable copy. Edits are
saved through the maturity service, which keeps a framework that assessments were taken
with unchanged and stores the edits as a new version, so earlier results never move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.maturity.content import (
    LEVELS,
    DimensionContent,
    FrameworkContent,
    QuestionContent,
)
from ui.look import make_heading, make_muted
from ui.people.naming import named

_DRAFT_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_ERROR_STYLE = "color: #c62828;"
_INVALID_STYLE = "border: 1px solid #c62828; border-radius: 3px;"


# The framework being edited, as mutable drafts ------------------------------------------
@dataclass
class QuestionDraft:
    """One question as it is being edited; ``id`` None and ``key`` "" for a new one."""

    text: str
    descriptors: dict[int, str]
    weight: float = 1.0
    key: str = ""
    id: int | None = None

    @classmethod
    def of(cls, question: QuestionContent) -> QuestionDraft:
        return cls(
            question.text, dict(question.descriptors), question.weight, question.key, question.id
        )

    def content(self) -> QuestionContent:
        return QuestionContent(
            key=self.key,
            text=self.text,
            descriptors={level: self.descriptors.get(level, "") for level in LEVELS},
            weight=self.weight,
            id=self.id,
        )


@dataclass
class DimensionDraft:
    """One dimension as it is being edited, with its questions in order."""

    name: str
    description: str = ""
    weight: float = 1.0
    questions: list[QuestionDraft] = field(default_factory=list)
    recommendations: dict[int, list[str]] = field(default_factory=dict)
    key: str = ""
    id: int | None = None

    @classmethod
    def of(cls, dimension: DimensionContent) -> DimensionDraft:
        return cls(
            dimension.name,
            dimension.description,
            dimension.weight,
            [QuestionDraft.of(q) for q in dimension.questions],
            {level: list(actions) for level, actions in dimension.recommendations.items()},
            dimension.key,
            dimension.id,
        )

    def content(self) -> DimensionContent:
        return DimensionContent(
            key=self.key,
            name=self.name,
            description=self.description,
            questions=[q.content() for q in self.questions],
            recommendations={k: list(v) for k, v in self.recommendations.items()},
            weight=self.weight,
            id=self.id,
        )


@dataclass
class FrameworkDraft:
    """The framework's own fields; the tree's root item stands for it."""

    name: str
    description: str


Draft = FrameworkDraft | DimensionDraft | QuestionDraft


def open_name_prompt(
    parent: QWidget, title: str, label: str, suggested: str, on_name: Callable[[str], None]
) -> QInputDialog:
    """Ask for a name without blocking; ``on_name`` runs when the user presses OK."""
    prompt = QInputDialog(parent)
    prompt.setObjectName("name_prompt")
    prompt.setWindowTitle(title)
    prompt.setLabelText(label)
    prompt.setTextValue(suggested)
    prompt.setMinimumWidth(420)
    prompt.textValueSelected.connect(on_name)
    prompt.finished.connect(lambda _result: prompt.deleteLater())
    prompt.open()
    return prompt


def open_confirm(
    parent: QWidget, text: str, action_text: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """Ask before something destructive, without blocking; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), text, parent=parent)
    box.setObjectName("confirm_box")
    yes = box.addButton(action_text, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)

    def answered() -> None:
        if box.clickedButton() is yes:
            on_yes()
        box.deleteLater()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def error_label(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = named(QPlainTextEdit(), name)
    box.setTabChangesFocus(True)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    margins = 2 * (box.document().documentMargin() + box.frameWidth()) + 4
    box.setFixedHeight(round(box.fontMetrics().lineSpacing() * (lines + 0.4) + margins))
    return box


def _weight_box(name: str) -> QDoubleSpinBox:
    box = named(QDoubleSpinBox(), name)
    box.setRange(0.1, 10.0)
    box.setSingleStep(0.1)
    box.setDecimals(1)
    box.setMaximumWidth(110)
    return box


class FrameworkEditor(QDialog):
    """Edit one framework: a tree of dimensions and questions, and a form for the selected one."""

    saved = Signal(int)
    """The id the edits were saved in: the same framework, or its new version."""
    copied = Signal(int)
    """An editable copy was made (of the built-in framework); the editor now shows it."""

    def __init__(
        self, services: AppServices, framework_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("framework_editor")
        self.resize(980, 660)
        self._services = services
        self.framework_id = framework_id
        self.read_only = False
        self.notice_box: QMessageBox | None = None
        self.confirm_box: QMessageBox | None = None
        self.name_prompt: QInputDialog | None = None
        self._content: FrameworkContent | None = None
        self._framework = FrameworkDraft("", "")
        self._dimensions: list[DimensionDraft] = []
        self._current: Draft | None = None
        self._loading = False
        self._dirty = False

        self.heading = make_heading("", self, 1.2, "framework_heading")
        self.status_line = make_muted("", self, "framework_status")
        self.read_only_banner = self._build_banner()

        self.tree = named(QTreeWidget(), "framework_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setMinimumWidth(300)
        self.tree.currentItemChanged.connect(self._selected)
        self.add_dimension_button = named(QPushButton(self.tr("Add dimension")), "add_dimension")
        self.add_dimension_button.clicked.connect(self.add_dimension)
        self.add_question_button = named(QPushButton(self.tr("Add question")), "add_question")
        self.add_question_button.clicked.connect(self.add_question)
        self.remove_button = named(QPushButton(self.tr("Remove…")), "remove_item")
        self.remove_button.clicked.connect(self.remove_selected)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        tree_buttons = QHBoxLayout()
        for button in (self.add_dimension_button, self.add_question_button, self.remove_button):
            tree_buttons.addWidget(button)
        tree_buttons.addStretch(1)
        left_layout.addLayout(tree_buttons)

        self.pages = named(QStackedWidget(), "framework_form")
        self.pages.addWidget(self._build_framework_page())
        self.pages.addWidget(self._build_dimension_page())
        self.pages.addWidget(self._build_question_page())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 600])

        self.error_label = error_label("framework_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_framework")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status_line)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.load(framework_id)

    # Building ----------------------------------------------------------------------------
    def _build_banner(self) -> QFrame:
        banner = named(QFrame(), "read_only_banner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(
            self.tr(
                "This is the built-in framework, so it cannot be changed. Make an editable "
                "copy to adapt its questions, weights and level descriptions to your "
                "organisation."
            )
        )
        text.setWordWrap(True)
        self.make_copy_button = named(QPushButton(self.tr("Make an editable copy…")), "make_copy")
        self.make_copy_button.clicked.connect(self.make_copy)
        row = QHBoxLayout(banner)
        row.addWidget(text, 1)
        row.addWidget(self.make_copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return banner

    def _form(self, page: QWidget) -> QFormLayout:
        """A form at the top of ``page``; spare height goes below it, not between rows."""
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return form

    def _build_framework_page(self) -> QWidget:
        page = QWidget()
        self.framework_name = named(QLineEdit(), "framework_name")
        self.framework_name.textEdited.connect(self._framework_edited)
        self.framework_description = _text_box("framework_description", 6)
        self.framework_description.textChanged.connect(self._framework_edited)
        self.framework_summary = make_muted("", page, "framework_summary")
        form = self._form(page)
        form.addRow(self._label(self.tr("&Name:"), self.framework_name), self.framework_name)
        form.addRow(
            self._label(self.tr("&Description:"), self.framework_description),
            self.framework_description,
        )
        form.addRow(self.framework_summary)
        return page

    def _build_dimension_page(self) -> QWidget:
        page = QWidget()
        self.dimension_name = named(QLineEdit(), "dimension_name")
        self.dimension_name.textEdited.connect(self._dimension_edited)
        self.dimension_description = _text_box("dimension_description", 4)
        self.dimension_description.textChanged.connect(self._dimension_edited)
        self.dimension_weight = _weight_box("dimension_weight")
        self.dimension_weight.valueChanged.connect(self._dimension_edited)
        self.dimension_summary = make_muted("", page, "dimension_summary")
        form = self._form(page)
        form.addRow(self._label(self.tr("&Name:"), self.dimension_name), self.dimension_name)
        form.addRow(
            self._label(self.tr("&Description:"), self.dimension_description),
            self.dimension_description,
        )
        form.addRow(self._label(self.tr("&Weight:"), self.dimension_weight), self.dimension_weight)
        form.addRow(
            make_muted(
                self.tr("A dimension with weight 2 counts twice as much in the overall score."),
                page,
            )
        )
        form.addRow(self.dimension_summary)
        return page

    def _build_question_page(self) -> QWidget:
        inner = QWidget()
        self.question_text = _text_box("question_text", 2)
        self.question_text.textChanged.connect(self._question_edited)
        self.question_weight = _weight_box("question_weight")
        self.question_weight.valueChanged.connect(self._question_edited)
        form = self._form(inner)
        form.addRow(self._label(self.tr("&Question:"), self.question_text), self.question_text)
        form.addRow(self._label(self.tr("&Weight:"), self.question_weight), self.question_weight)
        form.addRow(
            make_muted(
                self.tr("A question with weight 2 counts twice as much in its dimension's score."),
                inner,
            )
        )
        form.addRow(
            make_muted(
                self.tr(
                    "Describe what each level looks like in practice, so people answering "
                    "can recognise where they are."
                ),
                inner,
            )
        )
        self.descriptor_edits: dict[int, QPlainTextEdit] = {}
        self.descriptor_labels: dict[int, QLabel] = {}
        for level in LEVELS:
            edit = _text_box(f"descriptor_{level}", 3)
            edit.textChanged.connect(self._question_edited)
            label = self._label("", edit)
            self.descriptor_edits[level] = edit
            self.descriptor_labels[level] = label
            form.addRow(label, edit)
        scroll = named(QScrollArea(), "question_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # Filling -----------------------------------------------------------------------------
    def load(self, framework_id: int) -> None:
        """Show a framework from the data file, dropping any unsaved edits."""
        content = self._services.maturity.framework(framework_id)
        self.framework_id = framework_id
        self._content = content
        self.read_only = content.built_in
        self._framework = FrameworkDraft(content.name, content.description)
        self._dimensions = [DimensionDraft.of(d) for d in content.dimensions]
        self._current = None
        self.setWindowTitle(
            self.tr("Framework: {name}").format(name=content.name)
            if not self.read_only
            else self.tr("Built-in framework")
        )
        self.heading.setText(content.name)
        self.status_line.setText(self._status_text(framework_id, content))
        for level in LEVELS:
            self.descriptor_labels[level].setText(
                self.tr("Level {number}\n{name}:").format(
                    number=level, name=self._level_name(level)
                )
            )
        self._fill_tree()
        self._apply_read_only()
        self._clear_error()
        self._dirty = False

    def _level_name(self, level: int) -> str:
        assert self._content is not None
        found = [lv.name for lv in self._content.levels if lv.level == level]
        return found[0] if found else ""

    def _status_text(self, framework_id: int, content: FrameworkContent) -> str:
        row = next((r for r in self._services.maturity.frameworks() if r.id == framework_id), None)
        used = row.assessments if row is not None else 0
        version = self.tr("Version {version}").format(version=content.version)
        if content.built_in:
            return version
        if used == 1:
            return (
                version
                + " · "
                + self.tr(
                    "Used by 1 assessment: your changes will be saved as a new version and "
                    "that assessment keeps this one."
                )
            )
        if used:
            return (
                version
                + " · "
                + self.tr(
                    "Used by {count} assessments: your changes will be saved as a new version "
                    "and those assessments keep this one."
                ).format(count=used)
            )
        return version + " · " + self.tr("Not used by any assessment yet.")

    def _fill_tree(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        root = QTreeWidgetItem([self._framework.name])
        root.setData(0, _DRAFT_ROLE, self._framework)
        font = root.font(0)
        font.setBold(True)
        root.setFont(0, font)
        self.tree.addTopLevelItem(root)
        for dimension in self._dimensions:
            root.addChild(self._dimension_item(dimension))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.tree.setCurrentItem(root)
        self._selected(root, None)

    def _dimension_item(self, dimension: DimensionDraft) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, _DRAFT_ROLE, dimension)
        self._label_item(item, dimension)
        for question in dimension.questions:
            item.addChild(self._question_item(question))
        return item

    def _question_item(self, question: QuestionDraft) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setData(0, _DRAFT_ROLE, question)
        self._label_item(item, question)
        return item

    def _label_item(self, item: QTreeWidgetItem, draft: Draft) -> None:
        if isinstance(draft, FrameworkDraft):
            text = draft.name.strip() or self.tr("(no name)")
        elif isinstance(draft, DimensionDraft):
            text = draft.name.strip() or self.tr("(new dimension)")
        else:
            text = " ".join(draft.text.split()) or self.tr("(new question)")
        item.setText(0, text)
        item.setToolTip(0, text)

    def _apply_read_only(self) -> None:
        locked = self.read_only
        self.read_only_banner.setVisible(locked)
        for edit in (self.framework_name,):
            edit.setReadOnly(locked)
        for box in (
            self.framework_description,
            self.dimension_description,
            self.question_text,
            *self.descriptor_edits.values(),
        ):
            box.setReadOnly(locked)
        self.dimension_name.setReadOnly(locked)
        for spin in (self.dimension_weight, self.question_weight):
            spin.setReadOnly(locked)
            spin.setButtonSymbols(
                QDoubleSpinBox.ButtonSymbols.NoButtons
                if locked
                else QDoubleSpinBox.ButtonSymbols.UpDownArrows
            )
        for button in (self.add_dimension_button, self.add_question_button, self.remove_button):
            button.setVisible(not locked)
        self.save_button.setVisible(not locked)
        self.cancel_button.setText(self.tr("Close") if locked else self.tr("Cancel"))
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        current = self._current
        self.add_question_button.setEnabled(isinstance(current, DimensionDraft | QuestionDraft))
        self.remove_button.setEnabled(isinstance(current, DimensionDraft | QuestionDraft))

    # Selection and editing ----------------------------------------------------------------
    def _selected(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        draft = item.data(0, _DRAFT_ROLE) if item is not None else None
        self._current = draft
        self._loading = True
        if isinstance(draft, FrameworkDraft):
            self.framework_name.setText(draft.name)
            self.framework_description.setPlainText(draft.description)
            self.framework_summary.setText(self._framework_summary())
            self.pages.setCurrentIndex(0)
        elif isinstance(draft, DimensionDraft):
            self.dimension_name.setText(draft.name)
            self.dimension_description.setPlainText(draft.description)
            self.dimension_weight.setValue(draft.weight)
            self.dimension_summary.setText(
                self.tr("This dimension has {questions}.").format(
                    questions=self._count_questions(len(draft.questions))
                )
            )
            self.pages.setCurrentIndex(1)
        elif isinstance(draft, QuestionDraft):
            self.question_text.setPlainText(draft.text)
            self.question_weight.setValue(draft.weight)
            for level, edit in self.descriptor_edits.items():
                edit.setPlainText(draft.descriptors.get(level, ""))
            self.pages.setCurrentIndex(2)
            scroll = self.pages.currentWidget()
            if isinstance(scroll, QScrollArea):
                scroll.verticalScrollBar().setValue(0)
        self._loading = False
        self._unmark_fields()
        self._enable_buttons()

    def _framework_summary(self) -> str:
        questions = sum(len(d.questions) for d in self._dimensions)
        levels = ", ".join(f"{level} {self._level_name(level)}" for level in LEVELS)
        return (
            self._count_dimensions(len(self._dimensions))
            + ", "
            + self._count_questions(questions)
            + ". "
            + self.tr("Levels: {levels}.").format(levels=levels)
        )

    def _count_questions(self, count: int) -> str:
        if count == 1:
            return self.tr("1 question")
        return self.tr("{count} questions").format(count=count)

    def _count_dimensions(self, count: int) -> str:
        if count == 1:
            return self.tr("1 dimension")
        return self.tr("{count} dimensions").format(count=count)

    def _changed(self) -> None:
        self._dirty = True
        item = self.tree.currentItem()
        if item is not None and self._current is not None:
            self._label_item(item, self._current)

    def _framework_edited(self) -> None:
        if self._loading or not isinstance(self._current, FrameworkDraft):
            return
        self._current.name = self.framework_name.text()
        self._current.description = self.framework_description.toPlainText()
        self._changed()

    def _dimension_edited(self) -> None:
        if self._loading or not isinstance(self._current, DimensionDraft):
            return
        self._current.name = self.dimension_name.text()
        self._current.description = self.dimension_description.toPlainText()
        self._current.weight = self.dimension_weight.value()
        self._changed()

    def _question_edited(self) -> None:
        if self._loading or not isinstance(self._current, QuestionDraft):
            return
        self._current.text = self.question_text.toPlainText()
        self._current.weight = self.question_weight.value()
        for level, edit in self.descriptor_edits.items():
            self._current.descriptors[level] = edit.toPlainText()
        self._changed()

    def _root(self) -> QTreeWidgetItem:
        root = self.tree.topLevelItem(0)
        assert root is not None
        return root

    def _item_of(self, draft: Draft) -> QTreeWidgetItem | None:
        root = self._root()
        if draft is self._framework:
            return root
        iterator = QTreeWidgetItemIterator(self.tree)
        while (item := iterator.value()) is not None:
            if item.data(0, _DRAFT_ROLE) is draft:
                return item
            iterator += 1
        return None

    def add_dimension(self) -> None:
        """A new dimension at the end, selected with its name ready to type over."""
        if self.read_only:
            return
        dimension = DimensionDraft(self.tr("New dimension"))
        self._dimensions.append(dimension)
        item = self._dimension_item(dimension)
        self._root().addChild(item)
        self._dirty = True
        self.tree.setCurrentItem(item)
        self.dimension_name.setFocus()
        self.dimension_name.selectAll()

    def add_question(self) -> None:
        """A new, empty question at the end of the selected dimension."""
        if self.read_only:
            return
        item = self.tree.currentItem()
        if item is not None and isinstance(item.data(0, _DRAFT_ROLE), QuestionDraft):
            item = item.parent()
        dimension = item.data(0, _DRAFT_ROLE) if item is not None else None
        if item is None or not isinstance(dimension, DimensionDraft):
            return
        question = QuestionDraft("", {level: "" for level in LEVELS})
        dimension.questions.append(question)
        child = self._question_item(question)
        item.addChild(child)
        item.setExpanded(True)
        self._dirty = True
        self.tree.setCurrentItem(child)
        self.question_text.setFocus()

    def remove_selected(self) -> None:
        """Ask, then take the selected dimension or question out of this framework."""
        draft = self._current
        if self.read_only or not isinstance(draft, DimensionDraft | QuestionDraft):
            return
        if isinstance(draft, QuestionDraft):
            text = self.tr(
                "Remove the question “{text}” from this framework?\n\nIt is only left out "
                "of this framework from now on: assessments already taken keep it, and "
                "their results stay as they were."
            ).format(text=" ".join(draft.text.split()) or self.tr("(new question)"))
        else:
            text = self.tr(
                "Remove the dimension “{name}” and its {questions} from this framework?"
                "\n\nThey are only left out of this framework from now on: assessments "
                "already taken keep them, and their results stay as they were."
            ).format(
                name=draft.name or self.tr("(new dimension)"),
                questions=self._count_questions(len(draft.questions)),
            )
        self.confirm_box = open_confirm(self, text, self.tr("Remove"), lambda: self._remove(draft))
        self.confirm_box.finished.connect(lambda _r: setattr(self, "confirm_box", None))

    def _remove(self, draft: DimensionDraft | QuestionDraft) -> None:
        item = self._item_of(draft)
        if item is None:
            return
        parent = item.parent()
        assert parent is not None
        if isinstance(draft, DimensionDraft):
            self._dimensions.remove(draft)
        else:
            owner = parent.data(0, _DRAFT_ROLE)
            assert isinstance(owner, DimensionDraft)
            owner.questions.remove(draft)
        at = parent.indexOfChild(item)
        parent.takeChild(at)
        self._dirty = True
        following = parent.child(min(at, parent.childCount() - 1)) if parent.childCount() else None
        self.tree.setCurrentItem(following or parent)

    # Copying -----------------------------------------------------------------------------
    def ask_copy_name(self, suggested: str, on_name: Callable[[str], None]) -> None:
        """Ask for the copy's name (tests answer through ``name_prompt``)."""
        self.name_prompt = open_name_prompt(
            self,
            self.tr("Make an editable copy"),
            self.tr("Name of your copy:"),
            suggested,
            on_name,
        )
        self.name_prompt.finished.connect(lambda _r: setattr(self, "name_prompt", None))

    def make_copy(self) -> None:
        suggested = self.tr("{name} (our version)").format(name=self._framework.name)
        self.ask_copy_name(suggested, self._copy_named)

    def _copy_named(self, name: str) -> None:
        self._clear_error()
        try:
            copy_id = self._services.maturity.copy_framework(self.framework_id, name)
        except UserFacingError as error:
            self.show_error(error.message)
            return
        self.load(copy_id)
        self.copied.emit(copy_id)

    # Saving ------------------------------------------------------------------------------
    def edited_content(self) -> FrameworkContent:
        """The framework as it now stands in the editor, ready for the service."""
        assert self._content is not None
        return FrameworkContent(
            key=self._content.key,
            version=self._content.version,
            name=self._framework.name,
            description=self._framework.description,
            levels=list(self._content.levels),
            dimensions=[d.content() for d in self._dimensions],
            id=self.framework_id,
            built_in=False,
        )

    def accept(self) -> None:
        """Save; a rule break is shown in the dialog, which stays open with the edits."""
        if self.read_only:
            return
        self._clear_error()
        opened = self.framework_id
        try:
            new_id = self._services.maturity.update_framework(opened, self.edited_content())
        except ValidationError as error:
            self.show_error(error.message)
            self._point_at(error.field)
            return
        except UserFacingError as error:  # e.g. the file is locked: keep what was typed
            self.show_error(error.message)
            return
        self._dirty = False
        self.framework_id = new_id
        self.saved.emit(new_id)
        if new_id == opened:
            super().accept()
            return
        version = self._services.maturity.framework(new_id).version
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Saved as a new version"),
            self.tr(
                "Assessments were already taken with this framework, so your changes were "
                "saved as version {version}; earlier results are unchanged."
            ).format(version=version),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("new_version_notice")
        box.finished.connect(lambda _result: self._notice_read(box))
        self.notice_box = box
        box.open()

    def _notice_read(self, box: QMessageBox) -> None:
        self.notice_box = None
        box.deleteLater()
        super().accept()

    def reject(self) -> None:
        """Close; with unsaved edits, ask first."""
        if not self._dirty or self.read_only:
            super().reject()
            return
        self.confirm_box = open_confirm(
            self,
            self.tr("Close without saving your changes to this framework?"),
            self.tr("Discard changes"),
            self._discard,
        )
        self.confirm_box.finished.connect(lambda _r: setattr(self, "confirm_box", None))

    def _discard(self) -> None:
        self._dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._dirty and not self.read_only and self.isVisible():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    @property
    def has_unsaved_changes(self) -> bool:
        return self._dirty

    # Errors ------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def error_text(self) -> str:
        """The message shown under the editor (empty when none); for tests and screen readers."""
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def _clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        self._unmark_fields()

    def _point_at(self, rule: str | None) -> None:
        """Select the first part of the framework that breaks ``rule`` and mark its field.

        The service says which rule was broken, not where; the first offender in order is
        the one it stopped at, because everything before it passed every rule.
        """
        target: Draft | None = None
        widget: QWidget | None = None
        if rule == "name":
            target, widget = self._framework, self.framework_name
        for dimension in self._dimensions if target is None else []:
            if rule == "dimension" and not dimension.name.strip():
                target, widget = dimension, self.dimension_name
            elif rule == "weight" and dimension.weight <= 0:
                target, widget = dimension, self.dimension_weight
            elif rule == "questions" and not dimension.questions:
                target, widget = dimension, None
            if target is not None:
                break
            for question in dimension.questions:
                blank = [lv for lv in LEVELS if not question.descriptors.get(lv, "").strip()]
                if rule == "question" and not question.text.strip():
                    target, widget = question, self.question_text
                elif rule == "weight" and question.weight <= 0:
                    target, widget = question, self.question_weight
                elif rule == "descriptor" and blank:
                    target, widget = question, self.descriptor_edits[blank[0]]
                if target is not None:
                    break
            if target is not None:
                break
        item = self._item_of(target) if target is not None else None
        if item is None:
            return
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        if widget is not None:
            widget.setProperty("invalid", True)
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setFocus()
            scroll = self.pages.currentWidget()
            if isinstance(scroll, QScrollArea):
                scroll.ensureWidgetVisible(widget)

    def _unmark_fields(self) -> None:
        for widget in self.pages.findChildren(QWidget):
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.setStyleSheet("")
