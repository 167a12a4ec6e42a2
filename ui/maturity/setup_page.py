"""The wizard's first page: what is assessed, when, as a baseline or a follow-up, and by whom.

Next creates the assessment (the service checks the input; a problem is shown beside its
field and the page stays). Once it exists the page only summarises it: the questions that
follow save into it one answer at a time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.errors import UserFacingError, ValidationError
from app.maturity.service import DEFAULT_TARGET, AssessmentSetup
from db.models import AnsweringMode, AssessmentKind, AssessmentScope
from ui.look import make_muted
from ui.messages import show_error
from ui.people.naming import named

if TYPE_CHECKING:
    from ui.maturity.wizard import MaturityWizard

MAX_RESPONDENTS = 60


class _FieldError(QLabel):
    """A red line under one field saying what is wrong with it (hidden when all is well)."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet("color: #c62828;")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText("⚠ " + text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def message(self) -> str:
        return self.text().removeprefix("⚠ ") if not self.isHidden() else ""


class SetupPage(QWizardPage):
    """Name, scope, date, baseline or follow-up, who answers, and the target level."""

    def __init__(self, wizard: MaturityWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setObjectName("setup_page")
        self.setTitle(self.tr("Set up the assessment"))
        self.setSubTitle(
            self.tr(
                "Where does the organisation stand with AI today? Answer one short page per "
                "topic; every answer is saved the moment you give it."
            )
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_form())
        self.summary = named(QLabel(self), "setup_summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # Building --------------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        outer = QWidget(self)
        outer_layout = QVBoxLayout(outer)
        outer_layout.setContentsMargins(0, 0, 0, 0)
        form_widget = QWidget(outer)
        outer_layout.addWidget(form_widget)
        outer_layout.addStretch(1)
        form = QFormLayout(form_widget)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        services = self.wizard_.services
        self.errors: dict[str, _FieldError] = {}

        today = QDate.currentDate()
        self.name_edit = named(QLineEdit(form_widget), "assessment_name")
        self.name_edit.setMaxLength(300)
        self.name_edit.setText(
            self.tr("AI maturity, {month}").format(month=QLocale().toString(today, "MMMM yyyy"))
        )
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self._error("name", form_widget))

        # Scope.
        self.scope_group = QButtonGroup(self)
        self.scope_organisation = named(
            QRadioButton(self.tr("The whole &organisation"), form_widget), "scope_organisation"
        )
        self.scope_department = named(
            QRadioButton(self.tr("A &department:"), form_widget), "scope_department"
        )
        self.scope_team = named(QRadioButton(self.tr("A &team:"), form_widget), "scope_team")
        self.department_combo = named(QComboBox(form_widget), "scope_department_choice")
        for row in services.organisation.departments():
            self.department_combo.addItem(row.name, row.id)
        self.department_combo.setAccessibleName(self.tr("Department assessed"))
        self.team_edit = named(QLineEdit(form_widget), "scope_team_name")
        self.team_edit.setPlaceholderText(self.tr("The team's name"))
        self.team_edit.setMaxLength(200)
        self.team_edit.setAccessibleName(self.tr("Team assessed"))
        for value, button in (
            (0, self.scope_organisation),
            (1, self.scope_department),
            (2, self.scope_team),
        ):
            self.scope_group.addButton(button, value)
        self.scope_organisation.setChecked(True)
        if self.department_combo.count() == 0:
            self.scope_department.setEnabled(False)
            self.department_combo.setEnabled(False)
            self.department_combo.addItem(self.tr("No departments yet"), None)
        scope_box = QVBoxLayout()
        scope_box.setSpacing(4)
        scope_box.addWidget(self.scope_organisation)
        department_row = QHBoxLayout()
        department_row.addWidget(self.scope_department)
        department_row.addWidget(self.department_combo, 1)
        scope_box.addLayout(department_row)
        team_row = QHBoxLayout()
        team_row.addWidget(self.scope_team)
        team_row.addWidget(self.team_edit, 1)
        scope_box.addLayout(team_row)
        self.department_combo.activated.connect(lambda _i: self.scope_department.setChecked(True))
        self.team_edit.textEdited.connect(lambda _t: self.scope_team.setChecked(True))
        form.addRow(self.tr("What is assessed:"), scope_box)
        form.addRow("", self._error("scope", form_widget))

        # Date.
        self.date_edit = named(QDateEdit(QDate.currentDate(), form_widget), "assessment_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.LongFormat))
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)
        date_label = QLabel(self.tr("Da&te:"), form_widget)
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, date_row)

        # Baseline or follow-up.
        self.kind_group = QButtonGroup(self)
        self.kind_baseline = named(
            QRadioButton(self.tr("&Baseline: the first look, to compare later ones with"), self),
            "kind_baseline",
        )
        self.kind_follow_up = named(QRadioButton(self.tr("&Follow-up of:"), self), "kind_follow_up")
        self.baseline_combo = named(QComboBox(form_widget), "baseline_choice")
        self.baseline_combo.setAccessibleName(self.tr("Earlier assessment compared with"))
        for summary in services.maturity.baseline_choices():
            self.baseline_combo.addItem(
                self.tr("{name} ({date})").format(
                    name=summary.name, date=summary.taken_on.strftime("%d %b %Y")
                ),
                summary.id,
            )
        self.kind_group.addButton(self.kind_baseline, 0)
        self.kind_group.addButton(self.kind_follow_up, 1)
        self.kind_baseline.setChecked(True)
        kind_box = QVBoxLayout()
        kind_box.setSpacing(4)
        kind_box.addWidget(self.kind_baseline)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.kind_follow_up)
        follow_row.addWidget(self.baseline_combo, 1)
        kind_box.addLayout(follow_row)
        if self.baseline_combo.count() == 0:
            self.kind_follow_up.setEnabled(False)
            self.baseline_combo.setEnabled(False)
            self.baseline_combo.addItem(self.tr("No finished assessment yet"), None)
        self.baseline_combo.activated.connect(lambda _i: self.kind_follow_up.setChecked(True))
        form.addRow(self.tr("Kind:"), kind_box)
        form.addRow("", self._error("baseline", form_widget))

        # Framework: the built-in one, or the user's own (latest versions only).
        self.framework_combo = named(QComboBox(form_widget), "framework_choice")
        self.framework_combo.setAccessibleName(self.tr("Framework"))
        builtin_id = services.maturity.builtin_framework().id
        for choice in sorted(
            (r for r in services.maturity.frameworks() if r.superseded_by is None),
            key=lambda r: (not r.built_in, r.name.lower()),
        ):
            if choice.built_in and choice.id != builtin_id:
                continue  # an older built-in version: kept for old results only
            label = (
                self.tr("{name} (built in)").format(name=choice.name)
                if choice.built_in
                else self.tr("{name} (version {version})").format(
                    name=choice.name, version=choice.version
                )
            )
            self.framework_combo.addItem(label, choice.id)
        framework_label = QLabel(self.tr("Fra&mework:"), form_widget)
        framework_label.setBuddy(self.framework_combo)
        form.addRow(framework_label, self.framework_combo)
        self.kind_follow_up.toggled.connect(self._kind_changed)
        self._kind_changed(self.kind_follow_up.isChecked())

        # Who answers.
        self.mode_group = QButtonGroup(self)
        self.mode_consensus = named(
            QRadioButton(
                self.tr("A facilitator records the &group's agreed answer (one set of answers)"),
                form_widget,
            ),
            "mode_consensus",
        )
        self.mode_respondents = named(
            QRadioButton(self.tr("&Several people answer separately:"), form_widget),
            "mode_respondents",
        )
        self.respondent_count = named(QSpinBox(form_widget), "respondent_count")
        self.respondent_count.setRange(2, MAX_RESPONDENTS)
        self.respondent_count.setValue(3)
        self.respondent_count.setSuffix(self.tr(" people"))
        self.respondent_count.setAccessibleName(self.tr("Number of respondents"))
        self.respondent_list = named(QListWidget(form_widget), "respondent_labels")
        self.respondent_list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.respondent_list.setToolTip(self.tr("Double-click a name to change it"))
        self.respondent_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.mode_group.addButton(self.mode_consensus, 0)
        self.mode_group.addButton(self.mode_respondents, 1)
        self.mode_consensus.setChecked(True)
        self.respondent_count.valueChanged.connect(self._fill_respondents)
        self.mode_group.idToggled.connect(lambda _id, _on: self._mode_changed())
        self._fill_respondents(self.respondent_count.value())
        mode_box = QVBoxLayout()
        mode_box.setSpacing(4)
        mode_box.addWidget(self.mode_consensus)
        several_row = QHBoxLayout()
        several_row.addWidget(self.mode_respondents)
        several_row.addWidget(self.respondent_count)
        several_row.addStretch(1)
        mode_box.addLayout(several_row)
        self.respondent_hint = make_muted(
            self.tr(
                "Each person's answers are kept apart; results show the average and how far "
                "apart the answers are. Double-click a name to change it."
            ),
            form_widget,
        )
        mode_box.addWidget(self.respondent_list)
        mode_box.addWidget(self.respondent_hint)
        form.addRow(self.tr("Who answers:"), mode_box)
        form.addRow("", self._error("respondents", form_widget))

        # Target.
        self.target_spin = named(QDoubleSpinBox(form_widget), "target_level")
        self.target_spin.setRange(1.0, 5.0)
        self.target_spin.setSingleStep(0.5)
        self.target_spin.setDecimals(1)
        self.target_spin.setValue(DEFAULT_TARGET)
        self.target_spin.setAccessibleName(self.tr("Target level for every topic"))
        self._target_touched = False
        self.target_spin.valueChanged.connect(self._target_edited)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_spin)
        target_row.addWidget(
            make_muted(
                self.tr(
                    "The level you aim for in every topic (1 to 5); results show the gap. "
                    "A follow-up keeps its baseline's targets unless you change this."
                ),
                form_widget,
            ),
            1,
        )
        target_label = QLabel(self.tr("Ta&rget level:"), form_widget)
        target_label.setBuddy(self.target_spin)
        form.addRow(target_label, target_row)
        form.addRow("", self._error("general", form_widget))
        self._mode_changed()
        return outer

    def _error(self, field: str, parent: QWidget) -> _FieldError:
        label = _FieldError(f"error_{field}", parent)
        self.errors[field] = label
        return label

    def _fill_respondents(self, count: int) -> None:
        while self.respondent_list.count() < count:
            number = self.respondent_list.count() + 1
            item = QListWidgetItem(self.tr("Respondent {number}").format(number=number))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.respondent_list.addItem(item)
        while self.respondent_list.count() > count:
            self.respondent_list.takeItem(self.respondent_list.count() - 1)
        if self.respondent_count.hasFocus():
            self.mode_respondents.setChecked(True)

    def _mode_changed(self) -> None:
        several = self.mode_respondents.isChecked()
        self.respondent_list.setVisible(several)
        self.respondent_hint.setVisible(several)

    def _kind_changed(self, follow_up: bool) -> None:
        """A follow-up is answered with its baseline's framework, so the two compare."""
        self.framework_combo.setEnabled(not follow_up and self.framework_combo.count() > 1)
        self.framework_combo.setToolTip(
            self.tr("A follow-up uses the framework of the assessment it is compared with.")
            if follow_up
            else ""
        )

    def _target_edited(self, _value: float) -> None:
        self._target_touched = True

    # Reading the form ---------------------------------------------------------------
    def respondent_labels(self) -> list[str]:
        return [self.respondent_list.item(i).text() for i in range(self.respondent_list.count())]

    def setup(self) -> AssessmentSetup:
        scope = (
            AssessmentScope.DEPARTMENT
            if self.scope_department.isChecked()
            else AssessmentScope.TEAM
            if self.scope_team.isChecked()
            else AssessmentScope.ORGANISATION
        )
        follow_up = self.kind_follow_up.isChecked()
        several = self.mode_respondents.isChecked()
        baseline_id = self.baseline_combo.currentData() if follow_up else None
        return AssessmentSetup(
            name=self.name_edit.text(),
            taken_on=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            scope=scope,
            department_id=self.department_combo.currentData()
            if scope is AssessmentScope.DEPARTMENT
            else None,
            scope_label=self.team_edit.text() if scope is AssessmentScope.TEAM else None,
            kind=AssessmentKind.FOLLOW_UP if follow_up else AssessmentKind.BASELINE,
            baseline_id=baseline_id,
            mode=AnsweringMode.RESPONDENTS if several else AnsweringMode.CONSENSUS,
            respondents=self.respondent_labels() if several else [],
            framework_id=None if follow_up else self.framework_combo.currentData(),
            targets=self._targets(baseline_id),
        )

    def _targets(self, baseline_id: int | None) -> dict[str, float]:
        """One target for every topic, only when the user set it (else baseline's or default)."""
        if not self._target_touched and baseline_id is not None:
            return {}
        services = self.wizard_.services
        if baseline_id is None:
            keys = [d.key for d in services.maturity.builtin_framework().dimensions]
        else:
            keys = [d.key for d in services.maturity.results(baseline_id).dimensions]
        return dict.fromkeys(keys, self.target_spin.value())

    # The wizard's flow ---------------------------------------------------------------
    def initializePage(self) -> None:
        self._show_summary_if_created()

    def _show_summary_if_created(self) -> None:
        if self.wizard_.assessment_id is None:
            self.stack.setCurrentIndex(0)
            return
        progress = self.wizard_.progress
        name = progress.name if progress is not None else ""
        self.summary.setText(
            self.tr(
                "<p><b>{name}</b> is set up and its answers are saved as you go.</p>"
                "<p>Press <b>Next</b> to go on with the questions.</p>"
            ).format(name=_escape(name))
        )
        self.stack.setCurrentIndex(1)

    def validatePage(self) -> bool:
        if self.wizard_.assessment_id is not None:
            return True
        for label in self.errors.values():
            label.clear_message()
        try:
            self.wizard_.create_assessment(self.setup())
        except ValidationError as exc:
            field = exc.field if exc.field in self.errors else "general"
            self.errors[field].show_message(exc.message)
            focus = {
                "name": self.name_edit,
                "scope": self.team_edit if self.scope_team.isChecked() else self.department_combo,
                "baseline": self.baseline_combo,
                "respondents": self.respondent_list,
            }.get(field)
            if focus is not None:
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        except UserFacingError as exc:
            show_error(self, exc, action=self.tr("Set up the assessment"))
            return False
        self._show_summary_if_created()
        return True


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
