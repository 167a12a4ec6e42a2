"""Opening a data file safely: refuse newer files, back up, then migrate to the current schema.

Alembic is imported only when a file actually needs migrating, so a normal start stays fast.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError, OperationalError

from db.backup import backup_sqlite_file
from db.database import Database
from db.engine import is_sqlite, make_engine, to_url
from db.errors import explain

# The revisions this version of the app knows, oldest first. A test checks this list
# against the Alembic scripts, so it cannot drift.
KNOWN_REVISIONS: tuple[str, ...] = (
    "20261123_0001",
    "20261123_0002",
    "20261123_0003",
    "20261123_0004",
    "20261124_0005",
    "20261124_0006",
)
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
MIGRATIONS_PACKAGE = "db:migrations"

_SQLITE_MAGIC = b"SQLite format 3\x00"


class SchemaError(Exception):
    """The data file cannot be used; the message says why and what to do."""


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def _looks_empty(connection: Connection) -> bool:
    return not inspect(connection).get_table_names()


def run_migrations(connection: Connection, target: str = "head") -> None:
    """Upgrade the schema on this connection with the shipped Alembic scripts."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS_PACKAGE)
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    with path.open("rb") as handle:
        magic = handle.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise SchemaError(
            f"{path.name} is not an Upskill Planner data file. "
            "Choose a file saved by Upskill Planner (usually ending in .upskill)."
        )


def backup_path_for(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{path.stem}.before-upgrade-{revision or 'none'}-{stamp}{path.suffix}.bak"
    return path.with_name(name)


def open_database(path_or_url: str | Path, *, lock_timeout: float = 5.0) -> Database:
    """Open (creating if needed) a data file or server database at the current schema."""
    url = to_url(path_or_url)
    if is_sqlite(url):
        _check_sqlite_file(Path(str(url.database)))
    try:
        engine = make_engine(url, lock_timeout=lock_timeout)
    except ModuleNotFoundError as exc:
        raise SchemaError(
            f"This copy of Upskill Planner cannot connect to a {url.get_backend_name()} "
            f"server: its database driver ({exc.name}) is not included. Open a data file "
            "instead, or run Upskill Planner from source with the driver installed."
        ) from exc
    try:
        _prepare_schema(engine, url)
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise SchemaError(explain(exc, url)) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, url)


def _prepare_schema(engine: Engine, url: URL) -> None:
    with engine.connect() as connection:
        revision = current_revision(connection)
        if revision == SCHEMA_HEAD:
            return
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise SchemaError(
                "This data file was saved by a newer version of Upskill Planner "
                f"(schema {revision}). Install the latest version to open it; "
                "the file has not been changed."
            )
        if revision is None and not _looks_empty(connection):
            raise SchemaError(
                "This database holds tables that Upskill Planner did not create. "
                "Choose an Upskill Planner data file, or an empty database."
            )
        backup: Path | None = None
        if revision is not None and is_sqlite(url):
            path = Path(str(url.database))
            backup = backup_sqlite_file(path, backup_path_for(path, revision))
        try:
            run_migrations(connection)
            connection.commit()
        except Exception as exc:
            if backup is None:
                raise
            raise SchemaError(
                "Upgrading the data file to this version failed. A copy taken just before "
                f"the upgrade is at {backup}; open that copy, or send the log to support."
            ) from exc
