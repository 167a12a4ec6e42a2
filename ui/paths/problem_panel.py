"""The prerequisite problems of the path's order in plain words, each with its Fix button,
and a Fix all that puts every prerequisite before the module that needs it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.paths.planning import OrderProblem
from ui.look import make_heading, make_muted
from ui.paths.order_problems import fix_text, problem_sentence
from ui.people.naming import named


class ProblemPanel(QWidget):
    """A short list: the path seldom has more than a few problems at a time."""

    fix_requested = Signal(object)
    """The ``OrderProblem`` whose suggested fix the user chose."""
    fix_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_panel")
        self.problems: list[OrderProblem] = []
        self._sentences: list[str] = []
        self.fix_all_button = named(QPushButton(self.tr("Fix &all"), self), "fix_all")
        self.fix_all_button.setToolTip(
            self.tr("Put every prerequisite just before the module that needs it")
        )
        self.fix_all_button.clicked.connect(self.fix_all_requested.emit)
        self.all_clear = named(
            make_muted(self.tr("Every module comes after the modules it needs."), self),
            "order_all_clear",
        )
        self._rows = QWidget(self)
        self._rows_layout = QVBoxLayout(self._rows)
        self._rows_layout.setContentsMargins(0, 0, 4, 0)
        self._rows_layout.setSpacing(6)
        self._rows_layout.addStretch(1)
        self.problem_area = QScrollArea(self)
        self.problem_area.setWidgetResizable(True)
        self.problem_area.setFrameShape(QFrame.Shape.NoFrame)
        self.problem_area.setWidget(self._rows)
        self.problem_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = QHBoxLayout()
        header.addWidget(make_heading(self.tr("Order of the modules"), self, 1.0), 1)
        header.addWidget(self.fix_all_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(header)
        column.addWidget(self.all_clear)
        column.addWidget(self.problem_area, 1)
        column.addStretch(0)
        self.show_problems([], {})

    def show_problems(self, problems: Sequence[OrderProblem], titles: Mapping[str, str]) -> None:
        """Replace the list with these problems, in reading order of the modules."""
        self.problems = list(problems)
        self._sentences = [problem_sentence(p, titles) for p in self.problems]
        while self._rows_layout.count() > 1:
            item = self._rows_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # out of the tree at once, so its names are free
                widget.deleteLater()
        for n, problem in enumerate(self.problems):
            self._rows_layout.insertWidget(n, self._problem_row(n, problem, titles))
        fixable = any(p.fix is not None for p in self.problems)
        self.fix_all_button.setEnabled(fixable)
        self.all_clear.setVisible(not self.problems)
        self.problem_area.setVisible(bool(self.problems))

    def _problem_row(self, n: int, problem: OrderProblem, titles: Mapping[str, str]) -> QWidget:
        row = named(QWidget(self._rows), f"problem_{n}")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel(row)
        size = self.fontMetrics().height()
        style = self.style()
        icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        sentence = named(QLabel(problem_sentence(problem, titles), row), f"problem_text_{n}")
        sentence.setWordWrap(True)
        sentence.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(sentence, 1)
        action = fix_text(problem, titles)
        if action:
            button = named(QPushButton(self.tr("Fix"), row), f"fix_{n}")
            button.setToolTip(action)
            button.setAccessibleName(action)
            button.setAccessibleDescription(sentence.text())
            button.clicked.connect(lambda _checked=False, p=problem: self.fix_requested.emit(p))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def sentences(self) -> list[str]:
        """The problems as listed, in order."""
        return list(self._sentences)
