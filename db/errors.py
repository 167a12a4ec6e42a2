"""Storage failures caused by the user's environment, told apart from bugs.

A locked file, a full disk or an unreachable server is not a bug: the user gets a message
that says what to do. Anything else the database raises stays an exception for the log.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from db.engine import is_sqlite


class StorageError(Exception):
    """The data file cannot be read or written right now; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def where(url: URL) -> str:
    """The data file's path, or the server address without its password."""
    return str(url.database) if is_sqlite(url) else url.render_as_string(hide_password=True)


def storage_problem(exc: BaseException, url: URL) -> str | None:
    """A plain explanation when ``exc`` comes from the user's environment, else None."""
    message = str(exc).lower()
    place = where(url)
    if "locked" in message or "busy" in message:
        return (
            f"The data file {place} is in use by another program. Close other copies of "
            "Upskill Planner that have it open, then try again. Nothing was changed."
        )
    if "disk is full" in message or "disk full" in message or "no space" in message:
        return (
            f"The disk holding {place} is full. Free some space, then try again. "
            "Nothing was changed."
        )
    if "not a database" in message or "malformed" in message or "encrypted" in message:
        return (
            f"{place} is damaged or is not an Upskill Planner data file. "
            "Open a backup copy instead (File > Open)."
        )
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return (
            f"Upskill Planner cannot write to {place}. Check that the folder exists and "
            "that you may save files there."
        )
    if "could not connect" in message or "connection" in message or "server closed" in message:
        return f"Cannot reach the database server at {place}. Check the address and the network."
    return None


def explain(exc: BaseException, url: URL) -> str:
    """Like :func:`storage_problem`, with a generic sentence for anything else."""
    return storage_problem(exc, url) or f"Cannot open the data file {where(url)}: {exc}"
