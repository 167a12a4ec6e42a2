"""One open data file: the engine, the session factory and the transaction helper."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.engine import is_sqlite
from db.errors import StorageError, storage_problem


class Database:
    """Built in main.py and passed to services; services own each transaction."""

    def __init__(self, engine: Engine, url: URL) -> None:
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # What a locked file, full disk or lost server becomes; app/ sets its own
        # user-facing error type here when it composes the services.
        self.storage_error: Callable[[str], Exception] = StorageError

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @property
    def display_name(self) -> str:
        """The file path for SQLite, or the server address without the password."""
        if self.is_sqlite:
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction: commit on success, roll back on any error."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            self._raise_if_environment(exc)
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing it does is committed."""
        session = self._sessions()
        try:
            yield session
        except OperationalError as exc:
            self._raise_if_environment(exc)
            raise
        finally:
            session.rollback()
            session.close()

    def _raise_if_environment(self, exc: OperationalError) -> None:
        """Turn a locked file, full disk or lost server into the user-facing error type."""
        problem = storage_problem(exc, self.url)
        if problem is not None:
            raise self.storage_error(problem) from exc

    def close(self) -> None:
        self.engine.dispose()
