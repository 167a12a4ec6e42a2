"""What the two file import wizards share (people from an HR export, completions from an LMS
export): the wizard's look, and running each step (list sheets, read, check, import) off
the GUI thread, where only the newest run of a step may put its result on the page.

Each step emits ``step_finished`` with its name once its result (or failure) is on the
page, so tests and pages can wait on it. Cancel also stops a running step; an unfinished
import is rolled back by its transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.errors import Cancelled, UserFacingError
from app.progress import CancelToken, Progress
from ui.messages import show_error
from ui.worker import BackgroundTask, run_in_background

T = TypeVar("T")


class ImportWizard(QWizard):
    step_finished = Signal(str)
    """A step's name (the wizard's step enum value), after its result is on the page."""

    def __init__(self, parent: QWidget | None, width: int, height: int) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.resize(width, height)
        self.busy: StrEnum | None = None
        self.task: BackgroundTask[object] | None = None
        self._generation = 0

    def cancel_running_step(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _run(
        self,
        step: StrEnum,
        label: str,
        work: Callable[[Progress, CancelToken], T],
        on_success: Callable[[T], None],
        on_problem: Callable[[str], None],
        *,
        show_progress: bool = True,
    ) -> None:
        """Run ``work`` in the background; its result (or a plain message) goes on the page."""
        self.cancel_running_step()
        self.busy = step
        self._generation += 1
        generation = self._generation

        def succeeded(result: T) -> None:
            if generation == self._generation:
                self._finish(step, lambda: on_success(result))

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return

            def explain() -> None:
                if isinstance(error, Cancelled):
                    on_problem(self.tr("Stopped. Nothing was saved."))
                elif isinstance(error, UserFacingError):
                    on_problem(error.message)
                else:
                    on_problem(self.tr("Something went wrong inside Upskill Planner."))
                    show_error(self, error, action=self.windowTitle())

            self._finish(step, explain)

        task = run_in_background(self, label, work, succeeded, failed, show_progress=show_progress)
        self.task = task  # type: ignore[assignment]

    def _finish(self, step: StrEnum, show: Callable[[], None]) -> None:
        if self.busy == step:
            self.busy = None
            self.task = None
        try:
            show()
        finally:
            for page_id in self.pageIds():
                self.page(page_id).completeChanged.emit()
            self.step_finished.emit(step.value)

    def reject(self) -> None:
        """Cancel also stops a running step; an unfinished import is rolled back."""
        self.cancel_running_step()
        super().reject()
