"""The module editor: write a module of your own, change one you wrote, or look at one of the
built-in library (read-only, with "Copy as custom" to start your own version from it).

Saving goes through the path service, which refuses prerequisites that would go round in a
circle; its message is shown under the prerequisites and nothing is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from app.errors import UserFacingError, ValidationError
from app.paths.content import FORMATS, LEVELS
from app.paths.service import MAX_MODULE_HOURS, ModuleInput, ModuleRow
from ui.look import make_heading, make_muted
from ui.paths.builder_labels import level_label
from ui.paths.prerequisite_checklist import PrerequisiteChecklist
from ui.paths.progress_labels import format_label
from ui.paths.skill_raises_editor import SkillRaisesEditor
from ui.people.naming import named

_FIELDS = ("title", "format", "level", "hours", "cost", "raises", "prerequisites")
MAX_COST = 1_000_000.0


class ModuleDialog(QDialog):
    """Edit one module; ``saved_id`` holds the id saved once the dialog is accepted."""

    def __init__(
        self, services: AppServices, module_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("module_dialog")
        self._services = services
        self.module_id = module_id
        self.saved_id: int | None = None
        self._modules = services.paths.modules()
        self.module: ModuleRow | None = next((m for m in self._modules if m.id == module_id), None)
        catalogue = services.skills.catalogue()

        self.title = named(QLineEdit(self), "module_title")
        self.title.setPlaceholderText(self.tr("For example: Writing customer replies with AI"))
        self.description = named(QPlainTextEdit(self), "module_description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("What people do in it and what they can do afterwards")
        )
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.description.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        self.format = named(QComboBox(self), "module_format")
        for module_format in FORMATS:
            self.format.addItem(format_label(module_format), module_format)
        self.level = named(QComboBox(self), "module_level")
        for level in LEVELS:
            self.level.addItem(level_label(level), level)
        self.hours = named(QDoubleSpinBox(self), "module_hours")
        self.hours.setRange(0.5, MAX_MODULE_HOURS)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setValue(2.0)
        self.hours.setSuffix(self.tr(" h"))
        self.provider = named(QLineEdit(self), "module_provider")
        self.provider.setPlaceholderText(self.tr("Who runs it (optional)"))
        self.link = named(QLineEdit(self), "module_link")
        self.link.setPlaceholderText(self.tr("Where to find it (optional)"))
        self.cost = named(QDoubleSpinBox(self), "module_cost")
        self.cost.setRange(0.0, MAX_COST)
        self.cost.setDecimals(2)
        self.cost.setSingleStep(10.0)
        self.cost.setSpecialValueText(self.tr("No cost"))
        self.cost.setToolTip(self.tr("Cost per person, in your organisation's currency"))
        self.raises = SkillRaisesEditor(catalogue.skills, catalogue.scale, self)
        self.prerequisites = PrerequisiteChecklist(self)
        self.prerequisites.set_modules(
            self._modules, self.module.key if self.module is not None else None
        )

        self.notice = named(QLabel(self), "builtin_notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.general_error = self._error_label("general")
        self._errors = {field: self._error_label(field) for field in _FIELDS}
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save module"))
        self.save_button.setObjectName("save_module")
        self.copy_button = named(QPushButton(self.tr("Copy as custom"), self), "copy_module")
        self.copy_button.setToolTip(
            self.tr("Start a module of your own from this one; the original stays as it is")
        )
        self.copy_button.clicked.connect(self.copy_as_custom)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textEdited.connect(lambda _t: self._clear_error("title"))
        self.raises.changed.connect(lambda: self._clear_error("raises"))
        self.prerequisites.changed.connect(lambda: self._clear_error("prerequisites"))
        self._lay_out()
        self._fill()
        self.resize(920, 640)

    # Building -----------------------------------------------------------------------------
    def _error_label(self, field: str) -> QLabel:
        label = named(QLabel(self), f"{field}_error")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _with_error(self, widget: QWidget, field: str) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self._errors[field])
        return holder

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, QWidget]] = [
            (self.tr("&Title:"), self._with_error(self.title, "title"), self.title),
            (self.tr("&Description:"), self.description, self.description),
            (self.tr("&Format:"), self._with_error(self.format, "format"), self.format),
            (self.tr("&Level:"), self._with_error(self.level, "level"), self.level),
            (self.tr("&Hours:"), self._with_error(self.hours, "hours"), self.hours),
            (self.tr("&Provider:"), self.provider, self.provider),
            (self.tr("Lin&k:"), self.link, self.link),
            (self.tr("&Cost:"), self._with_error(self.cost, "cost"), self.cost),
        ]
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)

        raises_box = QScrollArea(self)
        raises_box.setWidgetResizable(True)
        raises_box.setWidget(self.raises)
        raises_box.setMinimumHeight(self.raises.sizeHint().height() + 4)
        right = QVBoxLayout()
        right.addWidget(make_heading(self.tr("Skills it raises"), self, 1.0))
        right.addWidget(
            make_muted(self.tr("Tick each skill the module builds, and how far it takes it."), self)
        )
        right.addWidget(raises_box)
        right.addWidget(self._errors["raises"])
        prerequisites_label = make_heading(self.tr("Finish first"), self, 1.0)
        right.addWidget(prerequisites_label)
        right.addWidget(self.prerequisites, 1)
        right.addWidget(self._errors["prerequisites"])

        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.general_error)
        layout.addLayout(grid, 1)
        layout.addWidget(self.buttons)

    def _fill(self) -> None:
        module = self.module
        if module is None:
            self.setWindowTitle(self.tr("New module"))
            self.copy_button.hide()
            self.title.setFocus()
            return
        self.title.setText(module.title)
        self.description.setPlainText(module.description)
        self.format.setCurrentIndex(max(0, self.format.findData(module.format)))
        self.level.setCurrentIndex(max(0, self.level.findData(module.level)))
        self.hours.setValue(module.hours)
        self.provider.setText(module.provider or "")
        self.link.setText(module.link or "")
        self.cost.setValue(module.cost or 0.0)
        self.raises.set_values(module.raises)
        self.prerequisites.set_checked(module.prerequisites)
        if module.custom:
            self.setWindowTitle(self.tr("Edit module"))
            self.copy_button.hide()
            self.title.setFocus()
        else:
            self.setWindowTitle(self.tr("Module from the library"))
            self.notice.setText(
                self.tr(
                    "This module comes with the app's learning library and stays as it is. "
                    "Copy it to make a version of your own."
                )
            )
            self.notice.show()
            self._set_read_only(True)
            self.copy_button.setFocus()

    def _set_read_only(self, read_only: bool) -> None:
        for line in (self.title, self.provider, self.link):
            line.setReadOnly(read_only)
        self.description.setReadOnly(read_only)
        for widget in (self.format, self.level, self.hours, self.cost):
            widget.setEnabled(not read_only)
        self.raises.set_read_only(read_only)
        self.prerequisites.set_read_only(read_only)
        self.save_button.setVisible(not read_only)
        self.save_button.setEnabled(not read_only)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Close") if read_only else self.tr("Cancel"))

    # Commands -----------------------------------------------------------------------------
    def copy_as_custom(self) -> None:
        """Turn the built-in module shown into a new custom module with the same content."""
        module = self.module
        if module is None:
            return
        self.module = None
        self.module_id = None
        self.setWindowTitle(self.tr("New module"))
        self.title.setText(self.tr("{title} (our version)").format(title=module.title))
        self.prerequisites.set_modules(self._modules, None)
        self.prerequisites.set_checked(module.prerequisites)
        self.notice.setText(
            self.tr("A copy of “{title}”: change what you need, then save.").format(
                title=module.title
            )
        )
        self.copy_button.hide()
        self._set_read_only(False)
        self.title.setFocus()
        self.title.selectAll()

    def module_input(self) -> ModuleInput:
        """What the form says, as the service takes it."""
        cost = self.cost.value()
        return ModuleInput(
            title=self.title.text(),
            description=self.description.toPlainText(),
            format=str(self.format.currentData()),
            hours=self.hours.value(),
            level=str(self.level.currentData()),
            raises=self.raises.values(),
            prerequisites=self.prerequisites.checked(),
            provider=self.provider.text() or None,
            link=self.link.text() or None,
            cost=cost if cost > 0 else None,
        )

    def accept(self) -> None:
        """Save; on a rule break (a cycle, a missing title) say so by the field and stay open."""
        if self.module is not None and not self.module.custom:
            return
        self._clear_errors()
        try:
            self.saved_id = self._services.paths.save_module(self.module_input(), self.module_id)
        except ValidationError as error:
            self.show_error(error.message, error.field)
            return
        except UserFacingError as error:
            self.show_error(error.message, None)
            return
        super().accept()

    # Messages -----------------------------------------------------------------------------
    def show_error(self, message: str, field: str | None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        focus: dict[str, QWidget] = {
            "title": self.title,
            "hours": self.hours,
            "cost": self.cost,
            "prerequisites": self.prerequisites.list,
        }
        target = focus.get(field or "")
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        """The message shown by ``field`` (empty when none)."""
        label = self._errors.get(field, self.general_error)
        return label.text() if not label.isHidden() else ""

    def _clear_error(self, field: str) -> None:
        label = self._errors.get(field)
        if label is not None:
            label.hide()
            label.clear()

    def _clear_errors(self) -> None:
        self.general_error.hide()
        for field in _FIELDS:
            self._clear_error(field)
