"""Two kinds of failure: problems the user can fix (shown as a message) and bugs (logged)."""

from __future__ import annotations


class UserFacingError(Exception):
    """A problem caused by the user's file, input or environment.

    The message says what happened and what to do about it, in plain words.
    The GUI shows it in a dialog; the CLI prints it as one line on stderr.
    """

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = list(details or [])


class ValidationError(UserFacingError):
    """Input that breaks a rule (bad e-mail, duplicate employee number, ...)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DataFileError(UserFacingError):
    """The data file cannot be opened: locked, damaged, from a newer version, disk full."""


class Cancelled(Exception):
    """Long work stopped because the user pressed Cancel. Nothing was written."""
