"""Progress and cancellation for long work, as plain callables so app/ stays Qt-free."""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import Cancelled

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)``; ``total`` may be 0 when it is not known yet."""


def no_progress(done: int, total: int) -> None:
    """A progress callback that ignores what it is told."""


class CancelToken:
    """Set from the GUI thread, checked by the worker between chunks of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
