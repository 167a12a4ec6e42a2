"""The Reports page: the documents leadership asks for, each with a line on what is in it,
and the individual learning plans HR hands to each person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.context import AppServices
from ui.look import make_heading, make_muted
from ui.plan_printing import LearningPlanExporter
from ui.report_actions import ReportExporter
from ui.settings import AppSettings


class ReportsPage(QWidget):
    def __init__(
        self, services: AppServices, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._services = services
        self.exporter = ReportExporter(services, settings, self)
        self.plans_exporter = LearningPlanExporter(services, settings, self)

        content = QWidget()
        content.setObjectName("reportsContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 24, 28, 28)
        column.setSpacing(14)
        column.addWidget(make_heading(self.tr("Reports"), content, 1.6))
        column.addWidget(
            make_muted(
                self.tr(
                    "Documents to hand to leadership. Every figure in them comes from this "
                    "data file; groups smaller than the anonymity threshold are not shown on "
                    "their own, and no names appear. The individual learning plans at the end "
                    "are for each person themselves, and do name them."
                ),
                content,
            )
        )
        self.pdf_button = QPushButton(self.tr("Organisation report (PDF)…"))
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.clicked.connect(self.exporter.export_pdf)
        column.addWidget(
            self._card(
                content,
                self.tr("Organisation report"),
                self.tr(
                    "A printable PDF: who is in the organisation, in which departments, "
                    "roles and locations, and on which learning track. A4 or Letter, "
                    "following your computer's region."
                ),
                self.pdf_button,
            )
        )
        self.maturity_button = QPushButton(self.tr("Maturity report (PDF)…"))
        self.maturity_button.setObjectName("maturityPdfButton")
        self.maturity_button.clicked.connect(self.exporter.export_maturity_pdf)
        column.addWidget(
            self._card(
                content,
                self.tr("Maturity assessment report"),
                self.tr(
                    "A printable PDF of the latest finished maturity assessment: the "
                    "organisation's level, the gap to its targets, the weakest topics with "
                    "next actions, and the change since the baseline."
                ),
                self.maturity_button,
            )
        )
        self.skills_button = QPushButton(self.tr("Skills survey report (PDF)…"))
        self.skills_button.setObjectName("skillsPdfButton")
        self.skills_button.clicked.connect(lambda: self.exporter.export_skills_pdf())
        column.addWidget(
            self._card(
                content,
                self.tr("Skills survey report"),
                self.tr(
                    "A printable PDF of the latest skills survey with ratings: the gap to "
                    "target per department and skill, readiness and attitudes, and what "
                    "changed since the baseline. Groups smaller than the anonymity threshold "
                    "are folded or withheld; no one is named."
                ),
                self.skills_button,
            )
        )
        self.workbook_button = QPushButton(self.tr("Leadership workbook (Excel)…"))
        self.workbook_button.setObjectName("workbookButton")
        self.workbook_button.clicked.connect(self.exporter.export_workbook)
        column.addWidget(
            self._card(
                content,
                self.tr("Leadership workbook"),
                self.tr(
                    "An Excel workbook with a summary sheet first, charts, and the figures "
                    "as filterable tables, ready to sort, chart or paste into slides."
                ),
                self.workbook_button,
            )
        )
        column.addWidget(self._plans_card(content))
        column.addStretch(1)
        buttons = (
            self.pdf_button,
            self.maturity_button,
            self.skills_button,
            self.workbook_button,
            self.plans_button,
        )
        width = max(button.sizeHint().width() for button in buttons)
        for button in buttons:
            button.setMinimumWidth(width)
        self.plans_department.setMinimumWidth(width)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _plans_card(self, parent: QWidget) -> QFrame:
        """Individual learning plans: everyone's, or one department's, as one PDF."""
        self.plans_department = QComboBox()
        self.plans_department.setObjectName("plansDepartmentCombo")
        self.plans_department.setToolTip(self.tr("Whose plans to print"))
        self.plans_button = QPushButton(self.tr("Learning plans (PDF)…"))
        self.plans_button.setObjectName("plansPdfButton")
        self.plans_button.clicked.connect(self.export_plans)
        controls = QWidget()
        stack = QVBoxLayout(controls)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(6)
        stack.addWidget(self.plans_department)
        stack.addWidget(self.plans_button)
        self.plans_note = make_muted(
            self.tr(
                "Nobody follows a learning path yet. Assign a path in the Learning paths area "
                "first; then everyone who follows one gets a plan here."
            ),
            parent,
            "plansEmptyNote",
        )
        self.plans_note.setVisible(False)
        return self._card(
            parent,
            self.tr("Individual learning plans"),
            self.tr(
                "A plan for each person who follows a learning path, to hand to them: their "
                "skill gaps, their modules in order with dates and hours, and their progress "
                "so far. One PDF for a department or for everyone, each plan from a new page. "
                "The plans name people: keep them confidential. For one person, right-click "
                "them on the People page."
            ),
            controls,
            note=self.plans_note,
        )

    def refresh_plans(self) -> None:
        """The department choice and whether there is any plan to print, from the data file."""
        chosen = self.plans_department.currentData()
        self.plans_department.clear()
        self.plans_department.addItem(self.tr("All departments"), None)
        for department in self._services.organisation.departments():
            self.plans_department.addItem(department.name, department.id)
        index = self.plans_department.findData(chosen)
        self.plans_department.setCurrentIndex(max(index, 0))
        anyone = self._services.plans.people_following() > 0
        self.plans_button.setEnabled(anyone)
        self.plans_department.setEnabled(anyone)
        self.plans_note.setVisible(not anyone)

    def export_plans(self) -> None:
        department_id = self.plans_department.currentData()
        self.plans_exporter.export_plans(
            department_id, self.plans_department.currentText() if department_id else None
        )

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_plans()
        super().showEvent(event)

    def _card(
        self,
        parent: QWidget,
        title: str,
        text: str,
        button: QWidget,
        *,
        note: QWidget | None = None,
    ) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("reportCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        text_column = QVBoxLayout()
        text_column.setSpacing(4)
        text_column.addWidget(make_heading(title, card, 1.15))
        description = make_muted(text, card)
        text_column.addWidget(description)
        if note is not None:
            note.setParent(card)
            text_column.addWidget(note)
        row = QHBoxLayout(card)
        row.setContentsMargins(16, 14, 16, 14)
        row.setSpacing(16)
        row.addLayout(text_column, 1)
        button.setParent(card)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        return card
