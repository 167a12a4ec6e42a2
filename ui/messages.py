"""Message boxes that tests can wait on instead of blocking in exec() (STYLE 9)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import Cancelled, UserFacingError


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    details: list[str] | None = None,
) -> QMessageBox:
    """A window-modal, non-blocking message box; tests wait on its ``finished`` signal."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText("\n".join(details))
    box.setObjectName("message_box")
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException, *, action: str) -> QMessageBox | None:
    """Explain a failure: the user's problem in their words, or a bug with the log's location."""
    if isinstance(error, Cancelled):
        return None
    if isinstance(error, UserFacingError):
        return show_message(
            parent, action, error.message, icon=QMessageBox.Icon.Warning, details=error.details
        )
    from app.services.data_file import log_directory

    return show_message(
        parent,
        action,
        "Something went wrong inside Upskill Planner. Nothing you did caused it, and your "
        "saved data is safe. The details were written to the log in "
        f"{log_directory()}; please send that file to support.",
        icon=QMessageBox.Icon.Critical,
    )
