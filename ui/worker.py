"""One way to run database and file work off the GUI thread, with progress, cancel and callbacks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.errors import Cancelled, UserFacingError
from app.progress import CancelToken, Progress

T = TypeVar("T")
log = logging.getLogger(__name__)

Work = Callable[[Progress, CancelToken], T]

_RUNNING: set[BackgroundTask[Any]] = set()
"""Tasks whose work is under way, kept alive until their result has been delivered."""


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress, CancelToken], Any], token: CancelToken) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self._token = token
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._work(self.signals.progressed.emit, self._token)
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


class BackgroundTask(QObject, Generic[T]):
    """Runs ``work(progress, cancel)`` in the thread pool and calls back on the GUI thread.

    A progress dialog with a Cancel button appears if the work takes longer than a moment.
    ``on_failure`` gets the exception: a :class:`UserFacingError` for problems the user can fix,
    :class:`Cancelled` when they pressed Cancel, anything else is a bug (already logged).
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Work[T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None],
        *,
        show_progress: bool = True,
        pool: QThreadPool | None = None,
    ) -> None:
        # Not a child of ``parent``: if the page goes away while the work runs, the task
        # must outlive it to receive the result (and then drop it) rather than be deleted
        # under a pending call. ``_RUNNING`` keeps it alive until then.
        super().__init__(None)
        self._owner = parent
        self.token = CancelToken()
        self._on_success = on_success
        self._on_failure = on_failure
        self._dialog: QProgressDialog | None = None
        if show_progress:
            dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
            dialog.setWindowTitle(self.tr("Please wait"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            self._dialog = dialog
        self._job = _Job(work, self.token)
        self._job.signals.progressed.connect(self._progressed)
        self._job.signals.succeeded.connect(self._succeeded)
        self._job.signals.failed.connect(self._failed)
        self._pool = pool or QThreadPool.globalInstance()
        self.done = False

    def start(self) -> BackgroundTask[T]:
        _RUNNING.add(self)
        self._pool.start(self._job)
        return self

    def _owner_gone(self) -> bool:
        """The widget that asked for the work was closed meanwhile: nobody wants the result."""
        return self._owner is not None and not shiboken6.isValid(self._owner)

    def _end(self) -> None:
        self.finished.emit()
        _RUNNING.discard(self)
        QTimer.singleShot(0, self.deleteLater)

    def cancel(self) -> None:
        self.token.cancel()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Stopping…"))

    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)

    def _close_dialog(self) -> None:
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reset()
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog = None

    def _succeeded(self, result: object) -> None:
        self._close_dialog()
        self.done = True
        try:
            if not self._owner_gone():
                self._on_success(result)  # type: ignore[arg-type]
        finally:
            self._end()

    def _failed(self, error: object) -> None:
        self._close_dialog()
        self.done = True
        assert isinstance(error, BaseException)
        if not isinstance(error, UserFacingError | Cancelled):
            log.error("Background work failed", exc_info=error)
        try:
            if not self._owner_gone():
                self._on_failure(error)
        finally:
            self._end()


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Work[T],
    on_success: Callable[[T], None],
    on_failure: Callable[[BaseException], None],
    *,
    show_progress: bool = True,
) -> BackgroundTask[T]:
    """Start ``work`` off the GUI thread; see :class:`BackgroundTask`."""
    return BackgroundTask(
        parent, label, work, on_success, on_failure, show_progress=show_progress
    ).start()
