"""Turning a path or URL into a configured SQLAlchemy engine (SQLite pragmas, PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError


def to_url(path_or_url: str | Path) -> URL:
    """A SQLAlchemy URL from what the user gave: a file path, or any SQLAlchemy URL."""
    text = str(path_or_url)
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise ValueError(f"Not a database address: {text}") from exc
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def is_sqlite(url: URL) -> bool:
    return url.get_backend_name() == "sqlite"


def _unicode_lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _sqlite_pragmas(lock_timeout: float) -> Callable[[Any, Any], None]:
    def set_pragmas(dbapi_connection: Any, _record: Any) -> None:
        """DESIGN §3: foreign keys on, WAL journal, synchronous=FULL; wait for a lock a while.

        SQLite's own lower() folds ASCII only; replace it so "łuk" finds "Łukasz", as on
        PostgreSQL.
        """
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(lock_timeout * 1000)}")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
        finally:
            cursor.close()

    return set_pragmas


def make_engine(url: URL, *, lock_timeout: float = 5.0) -> Engine:
    """An engine for the URL, with the pragmas every SQLite connection must have.

    ``lock_timeout``: how long a write waits for another program's write to finish
    before it gives up with "in use by another program".
    """
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": lock_timeout})
        event.listen(engine, "connect", _sqlite_pragmas(lock_timeout))
        return engine
    return create_engine(url, pool_pre_ping=True)
